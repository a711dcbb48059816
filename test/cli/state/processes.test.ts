// Real processes: SIGKILL at random moments (guarantee 1), two writers at once (guarantee 2), and
// pending changes flushed on every exit path (guarantee 5).
import {beforeAll, describe, expect, it} from 'vitest';
import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {parseStateText} from '../../../src/state/schema.js';
import {requireBuild, runChild, tempDir} from './helpers/child.js';

beforeAll(requireBuild);

const readState = (dir: string) => {
  const text = readFileSync(join(dir, 'state.json'), 'utf8');
  const r = parseStateText(text, 0);
  if (r.kind !== 'ok') throw new Error(`state.json does not parse after a kill: ${JSON.stringify(r).slice(0, 200)}`);
  return r.data;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('guarantee 1: SIGKILL while writing never loses an acknowledged change', () => {
  it('30 kills at random moments: the file always parses and holds every acked change', {timeout: 120_000}, async () => {
    const dir = tempDir();
    let next = 0;
    let totalAcked = 0;
    for (let round = 0; round < 30; round++) {
      const run = runChild(['loop', dir, String(next)]);
      await run.waitFor(/^ack /); // at least one write in this round, so kills land mid-loop
      await sleep(Math.random() * 60);
      run.child.kill('SIGKILL');
      const {signal} = await run.exited;
      expect(signal).toBe('SIGKILL');
      const acked = run.lines.filter((l) => l.startsWith('ack ')).map((l) => Number(l.slice(4)));
      const data = readState(dir);
      for (const n of acked) {
        expect(data.articles.get(`id-${n}`)?.read, `id-${n} acked in round ${round}`).toBe(true);
        expect(data.articles.get(`id-${n}`)?.position).toBe(n);
      }
      totalAcked += acked.length;
      next = Math.max(next, ...acked.map((n) => n + 1)) + 1;
    }
    // Every change acknowledged in any round is still there at the end.
    const data = readState(dir);
    expect(data.articles.size).toBeGreaterThanOrEqual(totalAcked);
    // Temp files a kill left behind are removed by the next writer: at most the last round's remains.
    expect(readdirSync(dir).filter((f) => /^state\.json\.\d+$/.test(f)).length).toBeLessThanOrEqual(1);
  });
});

describe('guarantee 2: no lost updates between instances', () => {
  it('two processes, 500 changes each, each change opened, made and flushed on its own: all 1000 present', {timeout: 120_000}, async () => {
    const dir = tempDir();
    const a = runChild(['many', dir, 'a', '500']);
    const b = runChild(['many', dir, 'b', '500']);
    const [ea, eb] = await Promise.all([a.exited, b.exited]);
    expect(ea.code, a.stderr()).toBe(0);
    expect(eb.code, b.stderr()).toBe(0);
    const data = readState(dir);
    const missing: string[] = [];
    for (const p of ['a', 'b']) for (let i = 0; i < 500; i++) if (data.articles.get(`${p}-${i}`)?.read !== true) missing.push(`${p}-${i}`);
    expect(missing).toEqual([]);
    expect(data.articles.size).toBe(1000);
  });
});

describe('guarantee 5: a pending write is flushed on every exit path', () => {
  const expectFlushed = (dir: string) => {
    const data = readState(dir);
    for (let i = 0; i < 100; i++) expect(data.articles.get(`pending-${i}`)?.starred).toBe(true);
    expect(data.global.lastArticle).toBe('pending-99');
  };

  it.each(['SIGTERM', 'SIGINT', 'SIGHUP'] as const)('%s: flushed, and the process still ends by that signal', async (signal) => {
    const dir = tempDir();
    const run = runChild(['pending', dir, 'wait']);
    expect(await run.waitFor(/^ready/)).toBe('ready 0'); // nothing written yet: the change is pending
    run.child.kill(signal);
    const exit = await run.exited;
    expect(exit.signal).toBe(signal);
    expectFlushed(dir);
  });

  it('process.exit (q): flushed', async () => {
    const dir = tempDir();
    const run = runChild(['pending', dir, 'exit']);
    expect((await run.exited).code).toBe(0);
    expectFlushed(dir);
  });

  it('an uncaught error: flushed, the error still reported and the exit code still 1', async () => {
    const dir = tempDir();
    const run = runChild(['pending', dir, 'throw']);
    const exit = await run.exited;
    expect(exit.code).toBe(1);
    expect(run.stderr()).toMatch(/boom from the state child/);
    expectFlushed(dir);
  });

  it('an unhandled rejection: flushed', async () => {
    const dir = tempDir();
    const run = runChild(['pending', dir, 'reject']);
    const exit = await run.exited;
    expect(exit.code).toBe(1);
    expect(run.stderr()).toMatch(/rejected in the state child/);
    expectFlushed(dir);
  });
});
