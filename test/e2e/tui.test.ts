// The product as a person meets it: the built CLI in a real terminal, on the seed article and a
// couple of our own, with temporary state and cache directories.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {ROOT, spawnBriefing, type Session} from './pty.js';

let dir: string;
let folder: string;
const sessions: Session[] = [];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-e2e-'));
  folder = path.join(dir, 'articles');
  fs.mkdirSync(folder);
  const seed = fs.readdirSync(path.join(ROOT, 'data')).find((f) => f.startsWith('000_'))!;
  fs.copyFileSync(path.join(ROOT, 'data', seed), path.join(folder, seed));
  for (const f of fs.readdirSync(path.join(ROOT, 'test/e2e/fixtures'))) fs.copyFileSync(path.join(ROOT, 'test/e2e/fixtures', f), path.join(folder, f));
});
afterAll(() => {
  for (const s of sessions) s.kill();
  fs.rmSync(dir, {recursive: true, force: true});
});

function start(size: {columns: number; rows: number}, name: string, env: Record<string, string> = {}): Session {
  const s = spawnBriefing([folder, '--state-dir', path.join(dir, `state-${name}`), '--cache-dir', path.join(dir, `cache-${name}`)], size, env);
  sessions.push(s);
  return s;
}

const firstListRow = (screen: string): string => screen.split('\n')[1] ?? '';
const SEED_HEADLINE = 'Tokyo, Seoul call for';

describe('briefing in a real terminal', () => {
  it('search kishda, open the seed, pick Kishida, see his six quotes, quit restoring the terminal', async () => {
    const s = start({columns: 120, rows: 40}, 'search');
    await s.waitFor((x) => x.includes('3 loaded'), 'the app to load');
    expect(s.buffer()).toBe('alternate');
    s.write('/');
    await s.waitFor((x) => /^\/\s/.test(x), 'the search box to take focus');
    s.write('kishda');
    // A frame can reach the terminal in several chunks: wait for one whose list row is drawn too.
    const ranked = await s.waitFor((x) => x.startsWith('/ kishda') && firstListRow(x).trim() !== '', 'the query and its first result');
    expect(firstListRow(ranked)).toContain(SEED_HEADLINE);
    s.write('\r');
    await s.waitFor((x) => x.includes('Tab next pane') && !x.includes('Esc back'), 'focus on the list');
    s.write('\r');
    const reader = await s.waitFor((x) => x.includes('Reader') && x.includes('Kishida said he was'), 'the reader with the seed\'s text');
    expect(reader).toContain('Kishida said he was');
    s.write('\u001b');
    await s.waitFor((x) => x.includes('Summary'), 'back to the list');
    s.write('\t\t');
    await s.waitFor((x) => x.includes('pick a leader'), 'the leader picker');
    s.write('\r');
    const quotes = await s.waitFor((x) => x.includes('In this article (') && /Fumio Kishida: \d+ here/.test(x), 'the quotes of the picked leader, with his count');
    expect(quotes).toMatch(/Fumio Kishida: \d+ here/);
    expect(quotes).toContain('Fumio Kishida: 6 here');
    expect(quotes).toContain('In this article (6)');
    s.write('q');
    expect(await s.exited).toBe(0);
    expect(s.buffer()).toBe('normal');
    const raw = s.raw();
    expect(raw.lastIndexOf('\u001b[?1049l')).toBeGreaterThan(raw.lastIndexOf('\u001b[?1049h'));
    expect(raw.lastIndexOf('\u001b[?25h')).toBeGreaterThan(raw.lastIndexOf('\u001b[?25l'));
  });

  it('resizes 120x40 -> 70x20 -> 120x40 without losing the selection, and resumes it on the next start', async () => {
    const s = start({columns: 120, rows: 40}, 'resize');
    await s.waitFor((x) => x.includes('3 loaded'), 'the app to load');
    s.write('jj');
    const third = await s.waitFor((x) => x.includes('Seoul lantern festival draws record crowds') && x.split('\n')[1]!.includes('│ Seoul lantern'), 'the third article selected');
    expect(third).toBeTruthy();
    s.resize(70, 20);
    const small = await s.waitFor((x) => x.split('\n').some((l) => l.includes('│ Seoul lantern')) && !x.includes('Seoul lantern festival draws record crowds 🏮  '), 'the 70x20 layout');
    expect(small.split('\n').every((l) => l.length <= 70)).toBe(true);
    s.resize(120, 40);
    await s.waitFor((x) => x.split('\n')[1]!.includes('│ Seoul lantern festival draws record crowds'), 'the 120x40 layout with the same article');
    s.write('\u0003');
    expect(await s.exited).toBe(0);
    expect(s.buffer()).toBe('normal');
    // Nothing of the app is left on the normal screen after resizes.
    expect(s.screen()).not.toContain('Seoul lantern');
    const again = start({columns: 120, rows: 40}, 'resize');
    await again.waitFor((x) => x.split('\n')[1]!.includes('│ Seoul lantern festival'), 'the resumed selection');
    again.write('q');
    expect(await again.exited).toBe(0);
  });

  it('draws live in a terminal even when the shell exports CI=true (Ink alone would draw nothing until exit)', async () => {
    const s = start({columns: 100, rows: 30}, 'ci', {CI: 'true', CONTINUOUS_INTEGRATION: '1'});
    await s.waitFor((x) => x.includes('3 loaded'), 'the app to load');
    s.write('j');
    await s.waitFor((x) => /│ (?!Tokyo)/.test(x.split('\n')[1] ?? ''), 'the second article selected');
    s.write('q');
    expect(await s.exited).toBe(0);
    expect(s.buffer()).toBe('normal');
  });

  it('piped (not a TTY): the plain briefing, no escape codes, exit 0', () => {
    const out = execFileSync(process.execPath, ['bin/briefing.js', folder, '--cache-dir', path.join(dir, 'cache-pipe')], {cwd: ROOT, encoding: 'utf8', env: {...process.env, FORCE_COLOR: '1'}});
    expect(out).toContain('== Tokyo, Seoul call for');
    expect(out).toMatch(/leaders: .*Fumio Kishida/);
    expect(out).not.toContain('\u001b');
  });

  it('restores the terminal on SIGTERM and flushes the reading state', async () => {
    const s = start({columns: 100, rows: 30}, 'signal');
    await s.waitFor((x) => x.includes('3 loaded'), 'the app to load');
    s.write('s');
    await s.waitFor((x) => x.includes('★'), 'the star');
    s.kill();
    await s.exited;
    // The pty's last bytes may still be on their way into the headless terminal.
    await s.waitFor(() => s.buffer() === 'normal', 'the normal screen back');
    // Read back through the CLI, whatever the file's schema: one article starred.
    const state = JSON.parse(execFileSync(process.execPath, ['bin/briefing.js', 'state', '--json', '--state-dir', path.join(dir, 'state-signal')], {cwd: ROOT, encoding: 'utf8'})) as {starred: number};
    expect(state.starred).toBe(1);
  });
});
