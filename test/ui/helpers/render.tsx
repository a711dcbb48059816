// Our render helper for frame tests: a fake stdout with columns AND rows (Ink's layout and our
// size hook read both), a fake stdin in raw mode, and waits that resolve on the next frame that
// differs (Shopify-style sendInputAndWaitForChange), never on fixed sleeps.
import {stripVTControlCharacters} from 'node:util';
import {render, type Instance} from 'ink';
import type {ReactElement} from 'react';
import type {LoadFailure} from '../../../src/corpus/types.js';
import type {Article} from '../../../src/types.js';
import {Root, type Phase} from '../../../src/ui/components/Root.js';
import {createTheme} from '../../../src/ui/theme.js';
import {fakeCorpus} from '../fixtures/corpus.js';
import {fakeSearch} from '../fixtures/search.js';
import {fakeStore, type FakeStore} from '../fixtures/store.js';
import {FakeStdin, FakeStdout} from './terminal.js';

export const KEYS = {
  enter: '\r',
  escape: '\u001b',
  tab: '\t',
  shiftTab: '\u001b[Z',
  up: '\u001b[A',
  down: '\u001b[B',
  pageDown: '\u001b[6~',
  pageUp: '\u001b[5~',
  backspace: '\u007f',
  ctrlC: '\u0003',
} as const;

export interface Rendered {
  instance: Instance;
  stdout: FakeStdout;
  /** The last frame, without escape codes. */
  frame(): string;
  /** Sends keys and resolves with the first frame that differs from the current one. */
  press(input: string, timeoutMs?: number): Promise<string>;
  /** Resolves when a frame satisfies the predicate (checked now and on every write). */
  waitFor(predicate: (frame: string) => boolean, timeoutMs?: number): Promise<string>;
  resize(columns: number, rows: number): Promise<string>;
  unmount(): void;
}

export function renderFrames(element: ReactElement, size: {columns: number; rows: number}): Rendered {
  const stdout = new FakeStdout(size.columns, size.rows);
  const stderr = new FakeStdout(size.columns, size.rows);
  const stdin = new FakeStdin();
  const instance = render(element, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: stderr as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  const frame = (): string => stripVTControlCharacters(stdout.frames.at(-1) ?? '');
  const waitFor = (predicate: (f: string) => boolean, timeoutMs = 3000): Promise<string> =>
    new Promise((resolve, reject) => {
      if (predicate(frame())) return resolve(frame());
      const timer = setTimeout(() => {
        stdout.off('frame', check);
        reject(new Error(`no matching frame within ${timeoutMs} ms; last frame:\n${frame()}`));
      }, timeoutMs);
      function check(): void {
        if (!predicate(frame())) return;
        clearTimeout(timer);
        stdout.off('frame', check);
        resolve(frame());
      }
      stdout.on('frame', check);
    });
  const changeFrom = (action: () => void, timeoutMs?: number): Promise<string> => {
    const before = frame();
    const done = waitFor((f) => f !== before && f.trim() !== '', timeoutMs);
    action();
    return done;
  };
  return {
    instance,
    stdout,
    frame,
    waitFor,
    press: (input, timeoutMs) => changeFrom(() => stdin.send(input), timeoutMs),
    resize: (columns, rows) =>
      changeFrom(() => {
        stdout.columns = columns;
        stdout.rows = rows;
        stdout.emit('resize');
      }),
    unmount: () => instance.unmount(),
  };
}

export interface BriefingOptions {
  articles: Article[];
  columns?: number;
  rows?: number;
  store?: FakeStore;
  failures?: LoadFailure[];
  color?: boolean;
}

export function renderBriefing(options: BriefingOptions): Rendered & {store: FakeStore; quits: () => number} {
  const corpus = fakeCorpus(options.articles);
  const phase: Phase = {kind: 'ready', corpus, engine: fakeSearch(corpus), failures: options.failures ?? []};
  const store = options.store ?? fakeStore();
  let quits = 0;
  const r = renderFrames(<Root phase={phase} store={store} theme={createTheme({color: options.color ?? false})} onQuit={() => quits++} />, {
    columns: options.columns ?? 80,
    rows: options.rows ?? 24,
  });
  return {...r, store, quits: () => quits};
}
