import {describe, expect, it} from 'vitest';
import {initialState, step} from '../../../src/state/app/reducer.js';
import {COMMANDS, type Action, type AppEnv, type AppState, type CommandName, type Effect, type Layout} from '../../../src/state/app/types.js';

const layout: Layout = {listItems: 5, readerRows: 10, readerWidth: 60, summaryRows: 4, summaryWidth: 40, overlayRows: 6};
const ids = Array.from({length: 20}, (_, i) => `a${i}`);

function env(over: Partial<AppEnv> = {}, read = new Set<string>(), starred = new Set<string>()): AppEnv {
  return {
    flags: (id) => ({read: read.has(id), starred: starred.has(id)}),
    position: () => 0,
    savedLeader: () => null,
    leaders: (id) => (id === 'a0' || id === 'a1' ? ['kishida', 'yoon'] : []),
    quoteCount: (_a, p) => (p === 'kishida' ? 6 : 2),
    quoteTarget: (a, _p, i) => ({articleId: i >= 4 ? 'a3' : a, line: i * 3, quote: i}),
    readerQuoteLines: () => [4, 12, 30, 45],
    relatedIds: () => ['a5', 'a7'],
    readerLineCount: () => 50,
    summaryLineCount: () => 9,
    helpLineCount: (f) => (f ? 2 : 25),
    failureCount: () => 3,
    ...over,
  };
}

function start(e = env(), over: Partial<Parameters<typeof initialState>[0]> = {}): AppState {
  return initialState({ids, layout, ...over}, e);
}

function run(state: AppState, actions: Array<CommandName | Action>, e = env()): {state: AppState; effects: Effect[]} {
  const effects: Effect[] = [];
  for (const a of actions) {
    const r = step(state, typeof a === 'string' ? {type: 'command', command: a} : a, e);
    state = r.state;
    effects.push(...r.effects);
  }
  return {state, effects};
}

describe('initial state', () => {
  it('resumes on the last article, query and pane', () => {
    const s = start(env(), {lastArticle: 'a12', lastQuery: 'x', focusedPane: 'quotes'});
    expect(s.selectedId).toBe('a12');
    expect(s.cursor).toBe(12);
    expect(s.scroll).toBeLessThanOrEqual(12);
    expect(s.scroll + layout.listItems).toBeGreaterThan(12);
    expect(s.focus).toBe('quotes');
    expect(s.query).toBe('x');
  });
  it('falls back to the first article when the last one is gone', () => {
    expect(start(env(), {lastArticle: 'gone'}).selectedId).toBe('a0');
  });
});

describe('every command', () => {
  it('down and up move the cursor, scroll follows, clamped at the ends', () => {
    let {state} = run(start(), ['down', 'down', 'down', 'down', 'down', 'down']);
    expect(state.cursor).toBe(6);
    expect(state.scroll).toBe(2);
    expect(state.selectedId).toBe('a6');
    ({state} = run(state, Array(10).fill('up')));
    expect(state.cursor).toBe(0);
    expect(state.scroll).toBe(0);
  });
  it('pageDown / pageUp move a window, top / bottom go to the ends', () => {
    let {state} = run(start(), ['pageDown']);
    expect(state.cursor).toBe(5);
    ({state} = run(state, ['bottom']));
    expect(state.cursor).toBe(19);
    expect(state.scroll).toBe(15);
    ({state} = run(state, ['pageUp']));
    expect(state.cursor).toBe(14);
    ({state} = run(state, ['top']));
    expect(state.cursor).toBe(0);
  });
  it('focusSearch focuses the box; typed keys edit the query; back returns to the pane', () => {
    let {state, effects} = run(start(), ['nextPane', 'focusSearch', {type: 'type', text: 'kis'}, {type: 'erase'}]);
    expect(state.focus).toBe('search');
    expect(state.query).toBe('ki');
    expect(effects).toContainEqual({kind: 'setGlobal', patch: {lastQuery: 'ki'}});
    ({state} = run(state, ['back']));
    expect(state.focus).toBe('summary');
    expect(state.query).toBe('ki');
  });
  it('back in the list clears the query; clearText empties the box', () => {
    let {state} = run(start(), ['focusSearch', {type: 'type', text: 'abc'}, {type: 'clearText'}]);
    expect(state.query).toBe('');
    ({state} = run(state, [{type: 'type', text: 'x'}, 'back', 'back']));
    expect(state.query).toBe('');
  });
  it('nextPane / prevPane cycle list, summary, quotes, related', () => {
    const seen: string[] = [];
    let state = start();
    for (let i = 0; i < 4; i++) ({state} = run(state, ['nextPane'])), seen.push(state.focus);
    expect(seen).toEqual(['summary', 'quotes', 'related', 'list']);
    ({state} = run(state, ['prevPane']));
    expect(state.focus).toBe('related');
  });
  it('open opens the reader on the selected article, marks it read, restores the saved position', () => {
    const {state, effects} = run(start(), ['down', 'open'], env({position: () => 7}));
    expect(state.view).toBe('reader');
    expect(state.reader).toEqual({id: 'a1', scroll: 7, quote: null});
    expect(effects).toContainEqual({kind: 'setRead', id: 'a1', read: true});
  });
  it('the reader scrolls with down, pageDown, bottom (clamped) and saves the position; back keeps the list selection', () => {
    let {state, effects} = run(start(), ['down', 'down', 'open', 'down', 'pageDown']);
    expect(state.reader?.scroll).toBe(1 + 9);
    expect(effects).toContainEqual({kind: 'setPosition', id: 'a2', position: 10});
    ({state} = run(state, ['bottom']));
    expect(state.reader?.scroll).toBe(40);
    ({state} = run(state, ['back']));
    expect(state.view).toBe('browse');
    expect(state.selectedId).toBe('a2');
    expect(state.cursor).toBe(2);
  });
  it('quit asks the shell to quit', () => {
    const {state, effects} = run(start(), ['quit']);
    expect(effects).toContainEqual({kind: 'quit'});
    expect(state.quitting).toBe(true);
  });
  it('star and toggleRead flip the flags of the selected (or open) article', () => {
    const e = env({}, new Set(['a0']), new Set());
    const {effects} = run(start(e), ['star', 'toggleRead'], e);
    expect(effects).toEqual([
      {kind: 'setStarred', id: 'a0', starred: true},
      {kind: 'setRead', id: 'a0', read: false},
    ]);
  });
  it('nextUnread / prevUnread skip read articles', () => {
    const e = env({}, new Set(['a1', 'a2', 'a3']));
    let {state} = run(start(e), ['nextUnread'], e);
    expect(state.selectedId).toBe('a4');
    ({state} = run(state, ['prevUnread'], e));
    expect(state.selectedId).toBe('a0');
  });
  it('nextUnread in the reader opens the next unread article', () => {
    const e = env({}, new Set(['a1']));
    const {state, effects} = run(start(e), ['open', 'nextUnread'], e);
    expect(state.reader?.id).toBe('a2');
    expect(effects).toContainEqual({kind: 'setRead', id: 'a2', read: true});
  });
  it('leaderPicker focuses the quotes pane picking; down + open picks the second leader and saves it', () => {
    const {state, effects} = run(start(), ['leaderPicker', 'down', 'open']);
    expect(state.focus).toBe('quotes');
    expect(state.quotes).toEqual({index: 1, picked: 'yoon', quote: 0});
    expect(effects).toContainEqual({kind: 'setLeader', id: 'a0', leader: 'yoon'});
  });
  it('nextQuote / prevQuote pick the highlighted leader, then step through the quotes, clamped', () => {
    let {state} = run(start(), ['nextQuote']);
    expect(state.quotes.picked).toBe('kishida');
    ({state} = run(state, Array(9).fill('nextQuote')));
    expect(state.quotes.quote).toBe(5);
    ({state} = run(state, ['prevQuote']));
    expect(state.quotes.quote).toBe(4);
  });
  it('open on a quote opens its article at the quote line; back in quotes returns to the picker', () => {
    let {state} = run(start(), ['nextQuote', 'nextQuote', 'nextQuote', 'nextQuote', 'nextQuote', 'open']);
    expect(state.reader).toEqual({id: 'a3', scroll: 12, quote: 4});
    ({state} = run(start(), ['nextQuote', 'back']));
    expect(state.quotes.picked).toBe(null);
    expect(state.focus).toBe('quotes');
  });
  it('the picker restores the leader saved for an article', () => {
    const state = start(env({savedLeader: (id) => (id === 'a1' ? 'yoon' : null)}), {lastArticle: 'a1'});
    expect(state.quotes).toEqual({index: 1, picked: 'yoon', quote: 0});
  });
  it('focusRelated focuses related; down + open opens the second related article', () => {
    const before = run(start(), ['focusRelated', 'down', 'down']).state;
    expect(before.focus).toBe('related');
    expect(before.relatedIndex).toBe(1);
    const {state} = run(before, ['open']);
    expect(state.reader?.id).toBe('a7');
    expect(state.selectedId).toBe('a7');
  });
  it('summary scrolls within its lines', () => {
    const {state} = run(start(), ['nextPane', 'down', 'down', 'down', 'down', 'down', 'down', 'down']);
    expect(state.summaryScroll).toBe(5);
  });
  it('help toggles the overlay; / filters it; back clears the filter then closes', () => {
    let {state} = run(start(), ['help', 'focusSearch', {type: 'type', text: 'q'}]);
    expect(state.overlay).toEqual({kind: 'help', filter: 'q', typing: true, scroll: 0});
    expect(state.query).toBe('');
    ({state} = run(state, ['back']));
    expect(state.overlay).toEqual({kind: 'help', filter: '', typing: false, scroll: 0});
    ({state} = run(state, ['back']));
    expect(state.overlay).toBe(null);
    ({state} = run(state, ['help', 'help']));
    expect(state.overlay).toBe(null);
  });
  it('failures opens the list of failed files, which scrolls (clamped) and closes with back', () => {
    let {state} = run(start(env({failureCount: () => 10})), ['failures', 'down', 'down', 'down', 'down', 'down'], env({failureCount: () => 10}));
    expect(state.overlay).toEqual({kind: 'failures', scroll: 4});
    ({state} = run(state, ['back']));
    expect(state.overlay).toBe(null);
  });
  it('in the reader, nextQuote / prevQuote step through the quotes in the text, scrolled into view with context', () => {
    // readerQuoteLines: [4, 12, 30, 45]; 50 lines, 10 rows.
    let {state} = run(start(), ['open']);
    expect(state.reader).toMatchObject({scroll: 0, quote: null});
    ({state} = run(state, ['nextQuote']));
    expect(state.view).toBe('reader');
    expect(state.reader).toMatchObject({scroll: 0, quote: 0}); // line 4 is on screen: no scroll
    ({state} = run(state, ['nextQuote']));
    expect(state.reader).toMatchObject({scroll: 10, quote: 1}); // line 12 off screen: 2 lines of context above
    ({state} = run(state, ['nextQuote', 'nextQuote', 'nextQuote']));
    expect(state.reader).toMatchObject({scroll: 40, quote: 3}); // clamped at the last quote and the last page
    ({state} = run(state, ['prevQuote']));
    expect(state.reader).toMatchObject({scroll: 28, quote: 2});
    // From a scrolled position with no quote stepped to: ] takes the first quote at or below the top.
    let fresh = run(start(), ['open', 'down', 'down', 'down', 'down', 'down']).state;
    expect(fresh.reader).toMatchObject({scroll: 5, quote: null});
    fresh = run(fresh, ['nextQuote']).state;
    expect(fresh.reader?.quote).toBe(1);
    // [ from the top takes the last quote on screen.
    expect(run(start(), ['open', 'prevQuote']).state.reader?.quote).toBe(0);
    // An article without quotes: nothing moves.
    const none = run(start(), ['open', 'nextQuote'], env({readerQuoteLines: () => []})).state;
    expect(none.reader).toMatchObject({scroll: 0, quote: null});
  });

  it('pickLeader (a digit in the picker) picks that row at once; a row past the end does nothing', () => {
    const {state, effects} = run(start(), ['leaderPicker', {type: 'pickLeader', index: 1}]);
    expect(state.focus).toBe('quotes');
    expect(state.quotes).toEqual({index: 1, picked: 'yoon', quote: 0});
    expect(effects).toContainEqual({kind: 'setLeader', id: 'a0', leader: 'yoon'});
    const past = run(start(), ['leaderPicker', {type: 'pickLeader', index: 5}]).state;
    expect(past.quotes.picked).toBe(null);
    // The pickLeader command (no row) picks the highlighted one.
    expect(run(start(), ['leaderPicker', 'down', 'pickLeader']).state.quotes.picked).toBe('yoon');
  });

  it('marking read under is:unread keeps the row under the cursor and marks the list stale; Enter in the search box refreshes', () => {
    const e = env();
    let state = start(e);
    state = step(state, {type: 'results', query: '', ids}, e).state;
    state = {...state, query: 'is:unread'};
    state = step(state, {type: 'results', query: 'is:unread', ids}, e).state;
    ({state} = run(state, ['down', 'down']));
    const before = state.ids;
    let effects: Effect[];
    ({state, effects} = run(state, ['toggleRead']));
    expect(effects).toContainEqual({kind: 'setRead', id: 'a2', read: true});
    expect(state.stale).toBe(true);
    expect(state.ids).toBe(before);
    expect(state.selectedId).toBe('a2');
    ({state} = run(state, ['focusSearch', 'open']));
    expect(state.refresh).toBe(true);
    // The shell re-runs the search; the same query's results keep the selection where it can.
    state = step(state, {type: 'results', query: 'is:unread', ids: ids.filter((id) => id !== 'a2')}, e).state;
    expect(state).toMatchObject({stale: false, refresh: false, cursor: 2, selectedId: 'a3'});
    // Without a flag query, marking read leaves the list fresh.
    expect(run(start(), ['toggleRead']).state.stale).toBe(false);
  });

  it('every command is covered above', () => {
    expect(COMMANDS.length).toBe(23);
  });
});

describe('results, layout and saved state', () => {
  it('a new query selects the best match; clearing it keeps the selected article where it was on screen', () => {
    let {state} = run(start(), ['down', 'down', 'down', 'focusSearch', {type: 'type', text: 'x'}]);
    ({state} = run(state, [{type: 'results', query: 'x', ids: ['a9', 'a3']}]));
    expect(state.selectedId).toBe('a9');
    ({state} = run(state, ['down', {type: 'clearText'}, {type: 'results', query: '', ids}]));
    expect(state.selectedId).toBe('a3');
    expect(state.cursor).toBe(3);
  });
  it('re-sent results for the same query keep the selection and its screen row', () => {
    let {state} = run(start(), ['pageDown', 'pageDown', 'down']);
    const row = state.cursor - state.scroll;
    ({state} = run(state, [{type: 'results', query: '', ids: ['new', ...ids]}]));
    expect(state.selectedId).toBe('a11');
    expect(state.cursor - state.scroll).toBe(row);
  });
  it('a query error keeps the last results and reports the position', () => {
    let {state} = run(start(), ['focusSearch', {type: 'type', text: 'foo:'}]);
    ({state} = run(state, [{type: 'results', query: 'foo:', ids: [], error: {message: 'unknown field', at: 0}}]));
    expect(state.ids).toBe(ids);
    expect(state.queryError).toEqual({message: 'unknown field', at: 0});
  });
  it('stale results (for an older query) are ignored', () => {
    const {state} = run(start(), ['focusSearch', {type: 'type', text: 'ab'}, {type: 'results', query: 'a', ids: ['a5']}]);
    expect(state.ids).toBe(ids);
  });
  it('a resize keeps the selection visible and clamps the reader', () => {
    let {state} = run(start(), ['bottom', 'open', 'bottom']);
    ({state} = run(state, [{type: 'layout', layout: {...layout, listItems: 2, readerRows: 30}}]));
    expect(state.selectedId).toBe('a19');
    expect(state.scroll).toBe(18);
    expect(state.reader?.scroll).toBe(20);
  });
  it('selection and focus changes are saved as the global state', () => {
    const {effects} = run(start(), ['down', 'nextPane']);
    expect(effects).toEqual([
      {kind: 'setGlobal', patch: {lastArticle: 'a1'}},
      {kind: 'setGlobal', patch: {focusedPane: 'summary'}},
    ]);
  });
  it('an empty list has no selection and commands do nothing harmful', () => {
    const state = initialState({ids: [], layout}, env());
    const r = run(state, ['down', 'open', 'star', 'nextQuote', 'leaderPicker', 'bottom']);
    expect(r.state.selectedId).toBe(null);
    expect(r.state.view).toBe('browse');
    expect(r.effects).toEqual([]);
  });
});
