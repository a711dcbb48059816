// The alternate screen and the cursor come back when rendering throws: runTui (the real Ink
// render, the real app) on a fake terminal, with a corpus that throws as soon as the app reads it.
import {beforeAll, describe, expect, it} from 'vitest';
import {PassThrough} from 'node:stream';
import type {Corpus} from '../../src/corpus/types.js';
import {runTui} from '../../src/cli/tui.js';
import {createTheme} from '../../src/ui/theme.js';
import {sampleArticles} from './fixtures/articles.js';
import {fakeSearch} from './fixtures/search.js';
import {fakeCorpus} from './fixtures/corpus.js';
import {fakeStore} from './fixtures/store.js';
import {FakeStdin, FakeStdout} from './helpers/terminal.js';

const ENTER_ALT = '\u001b[?1049h';
const LEAVE_ALT = '\u001b[?1049l';
const SHOW_CURSOR = '\u001b[?25h';

class RecordingStdin extends FakeStdin {
  rawModes: boolean[] = [];
  override setRawMode(mode?: boolean): void {
    if (mode !== undefined) this.rawModes.push(mode);
  }
}

/** A corpus whose every property read throws, as a bug in a pane would. */
const explodingCorpus = (): Corpus =>
  new Proxy({} as Corpus, {
    get() {
      throw new Error('corpus exploded while drawing');
    },
  });

const SIGNALS = ['exit', 'SIGTERM', 'SIGHUP', 'SIGINT'] as const;
const listenerCounts = (): number[] => SIGNALS.map((s) => process.listenerCount(s));

function session(load: Parameters<typeof runTui>[0]['load']) {
  const stdout = new FakeStdout(80, 24);
  const stdin = new RecordingStdin();
  const store = fakeStore();
  const run = runTui({io: {stdout: stdout as never, stderr: new PassThrough(), stdin: stdin as never, env: {}, cwd: process.cwd()}, store, theme: createTheme({color: false}), load});
  return {stdout, stdin, store, run};
}

describe('runTui exit paths', () => {
  // A first session quit with q. It also lets Ink's cursor helper (restore-cursor) register its
  // process-wide signal-exit handlers, which stay for the life of the process by design, so the
  // counts below see only what runTui itself adds and removes.
  let quit: ReturnType<typeof session>;
  beforeAll(async () => {
    const corpus = fakeCorpus(sampleArticles());
    quit = session(async () => ({corpus, engine: fakeSearch(corpus), failures: []}));
    await new Promise<void>((resolve) => {
      const check = (): void => {
        if (!quit.stdout.frames.join('').includes('loaded')) return;
        quit.stdout.off('frame', check);
        resolve();
      };
      quit.stdout.on('frame', check);
    });
    quit.stdin.send('q');
    await quit.run;
  });

  it('q restores the terminal the same way', () => {
    const out = quit.stdout.frames.join('');
    expect(out.startsWith(ENTER_ALT)).toBe(true);
    expect(out.endsWith(SHOW_CURSOR + LEAVE_ALT)).toBe(true);
    expect(quit.stdin.rawModes.at(-1)).toBe(false);
    expect(quit.store.flushed).toBeGreaterThan(0);
  });

  it('restores the terminal (alternate screen left, cursor shown, raw mode off), flushes and rethrows when rendering throws', async () => {
    const before = listenerCounts();
    const {stdout, stdin, store, run} = session(async () => ({corpus: explodingCorpus(), engine: fakeSearch(fakeCorpus([])), failures: []}));
    await expect(run).rejects.toThrow('corpus exploded while drawing');
    const out = stdout.frames.join('');
    expect(out.startsWith(ENTER_ALT)).toBe(true);
    // Ink drew its error screen from inside the render (the throw really came from drawing)...
    expect(out.indexOf('corpus exploded while drawing')).toBeGreaterThan(out.indexOf(ENTER_ALT));
    // ...and the last thing written shows the cursor and leaves the alternate screen.
    expect(out.endsWith(SHOW_CURSOR + LEAVE_ALT)).toBe(true);
    expect(out.split(LEAVE_ALT).length).toBe(2); // left once, not twice
    expect(stdin.rawModes.at(-1)).toBe(false);
    expect(store.flushed).toBeGreaterThan(0);
    // No exit or signal handler is left behind to write to the terminal later.
    expect(listenerCounts()).toEqual(before);
  });
});
