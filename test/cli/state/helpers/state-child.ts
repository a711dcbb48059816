// A child process for the state tests (bundled to dist/state-child.js by scripts/build.mjs).
//   loop DIR START        mark start, start+1, ... read, flushing after each; prints `ack N` once N is saved
//   many DIR PREFIX N     mark PREFIX-0..N-1 read, each with a fresh store flushed at once (contention)
//   pending DIR MODE      flushOnExit, make changes left pending (long debounce), print `ready`, then
//                         MODE = wait (parent sends a signal) | exit (process.exit, like q) | throw | reject
//   time-load DIR ID      open the store in this fresh process (cold, as the app does) and look ID up;
//                         prints {"wall": MS, "cpu": MS, "size": N} (used by the bench)
import {performance} from 'node:perf_hooks';
import {openReadingStore, flushOnExit} from '../../../../src/cli/state/index.js';

const [mode, dir, a, b] = process.argv.slice(2);
const out = (line: string): void => {
  process.stdout.write(line + '\n');
};

async function main(): Promise<void> {
  if (!mode || !dir) throw new Error('usage: state-child MODE DIR ...');
  if (mode === 'loop') {
    const store = openReadingStore({stateDir: dir, stderr: null, debounceMs: 60_000});
    for (let n = Number(a ?? 0); ; n++) {
      store.setRead(`id-${n}`, true);
      store.setPosition(`id-${n}`, n);
      await store.flush();
      out(`ack ${n}`);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  if (mode === 'many') {
    // A fresh store per change, like a script calling `briefing mark` in a loop: nothing is kept
    // in memory between changes, so a write that clobbers another process's would lose it for good.
    const count = Number(b);
    let writes = 0;
    for (let i = 0; i < count; i++) {
      const store = openReadingStore({stateDir: dir, stderr: null, debounceMs: 60_000});
      store.setRead(`${a}-${i}`, true);
      await store.flush();
      writes += store.writes;
    }
    out(`done ${writes}`);
    return;
  }
  if (mode === 'pending') {
    const store = openReadingStore({stateDir: dir, stderr: null, debounceMs: 60_000});
    flushOnExit(store);
    for (let i = 0; i < 100; i++) store.setStarred(`pending-${i}`, true);
    store.setGlobal({lastArticle: 'pending-99'});
    out(`ready ${store.writes}`);
    if (a === 'exit') process.exit(0);
    if (a === 'throw') setTimeout(() => {
      throw new Error('boom from the state child');
    }, 10);
    if (a === 'reject') setTimeout(() => void Promise.reject(new Error('rejected in the state child')), 10);
    if (a === 'wait') setInterval(() => undefined, 1000);
    return;
  }
  if (mode === 'time-load') {
    const cpu0 = process.cpuUsage();
    const start = performance.now();
    const store = openReadingStore({stateDir: dir, stderr: null, debounceMs: 60_000});
    const found = store.get(a ?? '') !== undefined;
    const wall = performance.now() - start;
    const cpu = process.cpuUsage(cpu0);
    out(JSON.stringify({wall, cpu: (cpu.user + cpu.system) / 1000, size: store.data.articles.size, found}));
    store.close();
    return;
  }
  throw new Error(`unknown mode ${mode}`);
}

void main().catch((error: unknown) => {
  process.stderr.write(`state-child: ${(error as Error).message}\n`);
  process.exit(3);
});
