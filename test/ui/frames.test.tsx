import {afterEach, describe, expect, it} from 'vitest';
import {KEYMAP} from '../../src/ui/keymap.js';
import {width} from '../../src/ui/text.js';
import {makeArticle, manyArticles, sampleArticles} from './fixtures/articles.js';
import {fakeStore} from './fixtures/store.js';
import {KEYS, renderBriefing, type Rendered} from './helpers/render.js';

let current: Rendered | null = null;
afterEach(() => {
  current?.unmount();
  current = null;
});
const open = (...args: Parameters<typeof renderBriefing>) => (current = renderBriefing(...args)) as ReturnType<typeof renderBriefing>;
const lines = (frame: string): string[] => frame.split('\n');
/** The last frame's raw line (with its SGR codes) that contains `text`. */
const rawLine = (r: Rendered, text: string): string => r.stdout.frames.at(-1)!.split('\n').find((l) => l.includes(text)) ?? '';
/** Whether the row holding `text` carries the inverse selection bar. */
const barOn = (r: Rendered, text: string): boolean => /\u001b\[(?:[\d;]*;)?7(?:;[\d;]*)?m/.test(rawLine(r, text));
const ALPHABET = ['Alfa', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot', 'Golf', 'Hotel', 'India', 'Juliett', 'Kilo', 'Lima'];
/** One article naming twelve leaders (more than the picker has rows), each quoted once. */
const crowded = () =>
  makeArticle({
    id: 'c1',
    headline: 'Twelve leaders sign the accord',
    paragraphs: ALPHABET.map((n) => `“We agree, ${n} speaking,” ${n} Leader said.`),
    people: ALPHABET.map((n) => ({name: `${n} Leader`, role: 'president', leader: true})),
    quotes: ALPHABET.map((n, i) => ({text: `We agree, ${n} speaking,`, speaker: `${n} Leader`, paragraph: i})),
  });

describe.each([
  [80, 24],
  [120, 40],
  [60, 15],
])('at %ix%i', (columns, rows) => {
  it('fills the screen without overflowing a row, list and panes and status bar all present', async () => {
    const r = open({articles: sampleArticles(), columns, rows});
    const frame = await r.waitFor((f) => f.includes('loaded'));
    const ls = lines(frame);
    expect(ls.length).toBe(rows - 1);
    for (const l of ls) expect(width(l)).toBeLessThanOrEqual(columns);
    expect(frame).toContain('Leaders of Ruritania');
    expect(frame).toContain('Summary');
    expect(frame).toContain('Quotes');
    expect(frame).toContain('Related');
    expect(frame).toMatch(/4 loaded · 4 shown · 4 unread/);
    expect(ls.at(-1)).toMatch(/j down/);
  });

  it('the reader and the help overlay fit too', async () => {
    const r = open({articles: sampleArticles(), columns, rows});
    await r.waitFor((f) => f.includes('loaded'));
    const reader = await r.press(KEYS.enter);
    expect(reader).toContain('Reader');
    expect(lines(reader).length).toBe(rows - 1);
    await r.press(KEYS.escape);
    const help = await r.press('?');
    expect(help).toContain('Help: keys');
    for (const l of lines(help)) expect(width(l)).toBeLessThanOrEqual(columns);
  });
});

describe('frames', () => {
  it('below 60x15 shows the too-small notice, and recovers the same selection on growing', async () => {
    const r = open({articles: sampleArticles(), columns: 80, rows: 24});
    await r.waitFor((f) => f.includes('loaded'));
    await r.press('j');
    const small = await r.resize(50, 12);
    expect(small).toContain('Terminal too small: 50x12');
    expect(small).not.toContain('Ruritania');
    const back = await r.resize(80, 24);
    expect(back).toContain('Holm defends');
    expect(r.store.global().lastArticle).toBe('a2');
  });

  it('typing in the search box filters live, highlights nothing it should not, and never runs commands', async () => {
    const r = open({articles: sampleArticles()});
    await r.waitFor((f) => f.includes('loaded'));
    await r.press('/');
    const typed = await r.press('holm');
    expect(typed).toContain('/ holm');
    expect(typed).toContain('2 shown');
    expect(typed).not.toContain('Heavy rain');
    // q and s typed into the box: no quit, no star.
    await r.press('q');
    expect(r.quits()).toBe(0);
    const none = await r.waitFor((f) => f.includes('No article matches “holmq”'));
    expect(none).toContain('Esc clears the search');
    await r.press(KEYS.backspace);
    await r.press(KEYS.escape);
    expect(r.store.get('a1')?.starred ?? false).toBe(false);
  });

  it('a query error is shown with its position and the last results stay', async () => {
    const r = open({articles: sampleArticles()});
    await r.waitFor((f) => f.includes('loaded'));
    await r.press('/');
    const f = await r.press('a:');
    expect(f).toContain('query error at 1');
    expect(f).toContain('Heavy rain');
  });

  it('picks a leader and lists their quotes here and in other articles, with cue and paragraph', async () => {
    const r = open({articles: sampleArticles(), columns: 120, rows: 40});
    await r.waitFor((f) => f.includes('loaded'));
    await r.press('l');
    const picked = await r.press(KEYS.enter);
    expect(picked).toContain('Anna Holm: 2 here, 3 in all');
    expect(picked).toContain('In this article (2)');
    expect(picked).toContain('— told · ¶4');
    expect(picked).toContain('In other articles (1)');
    expect(picked).toContain('It is a good deal for farmers');
    expect(r.store.get('a1')?.leader).toBe('anna-holm');
  });

  it('honest empty states: no quotes, no leaders, nothing related, no summary', async () => {
    const r = open({articles: sampleArticles(), columns: 120, rows: 40});
    await r.waitFor((f) => f.includes('loaded'));
    await r.press('jj');
    const f = await r.waitFor((x) => x.includes('Nobody is quoted'));
    expect(f).toContain('No leaders or countries recognised');
    expect(f).toContain('Nothing related among the loaded articles.');
    expect(f).toContain('No summary');
  });

  it('wide characters keep the columns aligned', async () => {
    const r = open({articles: sampleArticles(), columns: 120, rows: 40});
    const aligned = (f: string): void => {
      const at = lines(f).filter((l) => l.includes('│')).map((l) => width(l.slice(0, l.indexOf('│'))));
      expect(new Set(at).size).toBe(1);
    };
    const first = await r.waitFor((x) => x.includes('loaded'));
    expect(first).toContain('[윤석열]');
    aligned(first);
    const last = await r.press('G');
    expect(last).toContain('🎆');
    aligned(last);
  });

  it('opening marks read, s stars, the status bar counts follow; the failures list opens with f', async () => {
    const r = open({articles: sampleArticles(), failures: [{source: 'bad.txt', message: 'bad.txt: binary file (NUL byte at offset 3)'}]});
    await r.waitFor((f) => f.includes('loaded'));
    expect(r.frame()).toContain('1 failed (f: list)');
    await r.press(KEYS.enter);
    await r.press(KEYS.escape);
    await r.waitFor((f) => f.includes('3 unread'));
    await r.press('s');
    expect(r.store.get('a1')?.starred).toBe(true);
    const failures = await r.press('f');
    expect(failures).toContain('bad.txt: binary file (NUL byte at offset 3)');
  });

  it('resumes on the saved article and query', async () => {
    const store = fakeStore({lastArticle: 'a2', lastQuery: 'holm', focusedPane: 'list'});
    const r = open({articles: sampleArticles(), store});
    const f = await r.waitFor((x) => x.includes('loaded'));
    expect(f).toContain('/ holm');
    expect(f).toContain('2 shown');
    await r.press(KEYS.enter);
    expect(r.frame()).toContain('Holm defends the new trade deal');
    expect(store.get('a2')?.read).toBe(true);
  });

  it('the help overlay is searchable', async () => {
    const r = open({articles: sampleArticles()});
    await r.waitFor((f) => f.includes('loaded'));
    await r.press('?');
    await r.press('/');
    const f = await r.press('star');
    expect(f).toContain('star or unstar');
    expect(f).not.toContain('next unread article');
  });

  it('the help overlay lists the 1-9 leader pick, from the keymap, and finds it by its keys', async () => {
    const pick = KEYMAP.find((b) => b.command === 'pickLeader')!;
    const r = open({articles: sampleArticles(), columns: 120, rows: 40});
    await r.waitFor((f) => f.includes('loaded'));
    const help = await r.press('?');
    const row = lines(help).find((l) => l.includes(pick.help));
    expect(row).toBeDefined();
    expect(row).toMatch(/^ 1-9 +in the quotes pane: pick the leader/);
    await r.press('/');
    const found = await r.press('1-9');
    expect(found).toContain('1 shown');
    expect(found).toContain(pick.help);
  });

  it('in the reader ] and [ step through the quotes in the text, named in the title and drawn emphasised', async () => {
    const r = open({articles: sampleArticles(), columns: 80, rows: 24});
    await r.waitFor((f) => f.includes('loaded'));
    const reader = await r.press(KEYS.enter);
    expect(reader).toContain('3 quotes: ] next');
    const first = await r.press(']');
    expect(first).toContain('quote 1/3: Anna Holm');
    // The quote's words are inverse (the emphasis), the rest of its line is not.
    const line = r.stdout.frames.at(-1)!.split('\n').find((l) => l.includes('frank and useful'))!;
    const inverseAt = (text: string): boolean => {
      const before = line.slice(0, line.indexOf(text));
      return before.lastIndexOf('\u001b[7m') > before.lastIndexOf('\u001b[27m');
    };
    expect(inverseAt('frank and useful')).toBe(true);
    expect(inverseAt('Holm said the talks')).toBe(false);
    expect(await r.press(']')).toContain('quote 2/3: 윤석열');
    expect(await r.press('[')).toContain('quote 1/3: Anna Holm');
  });

  it('a digit in the leader picker picks that leader at once', async () => {
    const r = open({articles: sampleArticles(), columns: 120, rows: 40});
    await r.waitFor((f) => f.includes('loaded'));
    const picker = await r.press('l');
    expect(picker).toMatch(/1 Anna Holm/);
    expect(picker).toMatch(/2 윤석열/);
    const picked = await r.press('2');
    expect(picked).toContain('윤석열: 1 here, 1 in all');
    expect(r.store.get('a1')?.leader).toBeTruthy();
    expect(r.store.get('a1')?.leader).not.toBe('anna-holm');
  });

  it('the leader picker (ink-select-input) follows the reducer: j/k move the bar, Enter picks; colours come from the theme', async () => {
    const r = open({articles: sampleArticles(), columns: 80, rows: 24, color: true});
    await r.waitFor((f) => f.includes('loaded'));
    const unfocused = r.frame();
    expect(unfocused).toContain('l to pick a leader');
    expect(barOn(r, 'Anna Holm, prime')).toBe(false); // no bar while the pane is not focused
    const picker = await r.press('l');
    expect(picker).toContain('pick a leader: 1-9 or j/k Enter');
    expect(picker).toMatch(/▸ 1 Anna Holm, prime minister · 2 here, 3 i/);
    expect(barOn(r, 'Anna Holm, prime')).toBe(true);
    expect(rawLine(r, '윤석열, president')).toMatch(/\u001b\[36m {0,2}2 /); // the digit in the key role (cyan)
    const down = await r.press('j');
    expect(down).toMatch(/▸ 2 윤석열, president · 1 here, 1 in all/);
    expect(barOn(r, '윤석열, president')).toBe(true);
    expect(barOn(r, 'Anna Holm, prime')).toBe(false);
    const up = await r.press('k');
    expect(up).toMatch(/▸ 1 Anna Holm/);
    await r.press('j');
    const picked = await r.press(KEYS.enter);
    expect(picked).toContain('윤석열: 1 here, 1 in all');
    expect(picked).toContain('We will meet again in the autumn');
    expect(r.store.get('a1')?.leader?.normalize('NFC')).toBe('윤석열'); // the fixture's id is NFKD
  });

  it('the leader picker fits its pane: more leaders than rows scroll in a window cut by display width, digits 1-9 pick by number', async () => {
    const r = open({articles: [crowded(), ...sampleArticles()], columns: 60, rows: 15});
    await r.waitFor((f) => f.includes('loaded'));
    const picker = await r.press('l');
    for (const l of lines(picker)) expect(width(l)).toBeLessThanOrEqual(60);
    // 60x15: the quotes pane has four rows under its title.
    expect(picker).toMatch(/▸ 1 Alfa Leader/);
    expect(picker).toContain('4 Delta Leader');
    expect(picker).not.toContain('Echo Leader');
    let f = picker;
    for (let i = 0; i < 10; i++) f = await r.press('j');
    // The window follows the reducer's index: rows 8-11, the last two without a digit.
    expect(f).toMatch(/▸ {3}Kilo Leader/);
    expect(f).toContain('8 Hotel Leader');
    expect(f).toMatch(/ {3}Juliett Leader/);
    expect(f).not.toContain('Golf Leader');
    expect(f).not.toContain('Lima Leader');
    // A digit picks that row of the whole list, off screen or not.
    const picked = await r.press('3');
    expect(picked).toContain('Quotes ─ Charlie Leader');
    expect(picked).toContain('We agree, Charlie speaking');
    expect(r.store.get('c1')?.leader).toBe('charlie-leader');
    // Back in the picker, the bar is on the picked row again.
    await r.press(KEYS.escape);
    expect(r.frame()).toMatch(/▸ 3 Charlie Leader/);
  });

  it('under is:unread, marking the selected article read keeps its row and says the list is stale until refreshed', async () => {
    const r = open({articles: sampleArticles()});
    await r.waitFor((f) => f.includes('loaded'));
    await r.press('/');
    await r.press('is:unread');
    await r.waitFor((f) => f.includes('4 shown'));
    await r.press(KEYS.enter);
    const marked = await r.press('m');
    expect(r.store.get('a1')?.read).toBe(true);
    expect(marked).toContain('list as of the search');
    expect(lines(marked)[1]).toContain('Leaders of Ruritania');
    expect(marked).toContain('4 shown');
    await r.press('/');
    const refreshed = await r.press(KEYS.enter);
    expect(refreshed).toContain('3 shown');
    expect(refreshed).not.toContain('list as of the search');
    expect(lines(refreshed).slice(1, 10).join('\n')).not.toContain('Leaders of Ruritania');
  });

  it('NO_COLOR draws no colours but keeps emphasis; colour themes colour', async () => {
    const plain = open({articles: sampleArticles(), color: false});
    await plain.waitFor((f) => f.includes('loaded'));
    const raw = plain.stdout.frames.join('');
    expect(raw).not.toMatch(/\u001b\[(?:[\d;]*;)?3[0-7](?:;[\d;]*)?m/);
    expect(raw).toMatch(/\u001b\[7m/); // the selection bar is inverse
    plain.unmount();
    const coloured = open({articles: sampleArticles(), color: true});
    await coloured.waitFor((f) => f.includes('loaded'));
    expect(coloured.stdout.frames.join('')).toMatch(/\u001b\[(?:[\d;]*;)?3[0-7](?:;[\d;]*)?m/);
  });

  it('scrolls 10,000 articles drawing only the visible rows', async () => {
    const r = open({articles: manyArticles(10_000)});
    await r.waitFor((f) => f.includes('10,000 loaded'));
    const f = await r.press('G');
    expect(f).toContain('number 9999');
    expect(f).not.toContain('number 0 ');
    expect(lines(f).length).toBe(23);
  });

  it('a cursor move reads the reading state of the visible rows only, not of every article', async () => {
    const store = fakeStore();
    const get = store.get;
    let reads = 0;
    store.get = (id) => {
      reads++;
      return get(id);
    };
    const r = open({articles: manyArticles(2000), store});
    await r.waitFor((f) => f.includes('2,000 unread'));
    reads = 0;
    for (const key of ['j', 'j', 'k', 'G', 'g']) await r.press(key);
    // Five keys over ten visible rows each: a few dozen reads; a recount would be 2,000 per key.
    expect(reads).toBeLessThan(200);
    expect(r.frame()).toContain('2,000 unread');
  });

  it('the unread count follows marks made by the app and changes made underneath it (briefing mark)', async () => {
    const r = open({articles: manyArticles(50)});
    await r.waitFor((f) => f.includes('50 unread'));
    await r.press(KEYS.enter);
    await r.press(KEYS.escape);
    await r.waitFor((f) => f.includes('49 unread'));
    await r.press('m');
    await r.waitFor((f) => f.includes('50 unread'));
    r.store.setRead('g7', true);
    r.store.setRead('g8', true);
    await r.waitFor((f) => f.includes('48 unread'));
    // Reading it in the app after it was marked underneath does not count it twice.
    await r.press('j');
    await r.press('j');
    await r.press('j');
    await r.press('j');
    await r.press('j');
    await r.press('j');
    await r.press('j');
    await r.press(KEYS.enter);
    await r.press(KEYS.escape);
    expect(r.frame()).toContain('48 unread');
  });
});
