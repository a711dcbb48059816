// Runs the full-screen app: alternate screen in, Ink rendering the loading screen then the app,
// and on EVERY way out (q, Ctrl-C, SIGTERM, SIGHUP, an uncaught error) the terminal restored
// (alternate screen left, cursor shown, raw mode off) and the reading state flushed.
import {render, type Instance} from 'ink';
import {constants} from 'node:os';
import type {Corpus, LoadFailure} from '../corpus/types.js';
import type {SearchEngine} from '../search/types.js';
import type {ReadingStore} from '../state/store.js';
import {Root, type Phase} from '../ui/components/Root.js';
import type {Progress} from '../ui/components/LoadingScreen.js';
import type {Theme} from '../ui/theme.js';
import type {Io} from './io.js';

const ENTER_ALT = '\u001b[?1049h\u001b[H';
const LEAVE_ALT = '\u001b[?1049l';
const SHOW_CURSOR = '\u001b[?25h';
const SIGNALS = ['SIGTERM', 'SIGHUP', 'SIGINT'] as const;

export interface Loaded {
  corpus: Corpus;
  engine: SearchEngine;
  failures: readonly LoadFailure[];
}

export interface TuiOptions {
  io: Io;
  store: ReadingStore;
  theme: Theme;
  /** Loads the corpus, reporting progress; the screen shows it meanwhile. */
  load(onProgress: (done: number, total: number) => void): Promise<Loaded>;
}

/** Returns when the user quits. `quitEarly` is true when they quit before loading finished. */
export async function runTui({io, store, theme, load}: TuiOptions): Promise<{quitEarly: boolean}> {
  const stdout = io.stdout as NodeJS.WriteStream;
  const stdin = io.stdin as NodeJS.ReadStream;
  let restored = false;
  const restore = (): void => {
    if (restored) return;
    restored = true;
    try {
      stdin.setRawMode?.(false);
    } catch {
      // stdin already closed
    }
    if (!stdout.destroyed) stdout.write(SHOW_CURSOR + LEAVE_ALT);
  };
  let instance: Instance | null = null;
  const onSignal = (signal: NodeJS.Signals): void => {
    instance?.unmount();
    restore();
    // 'exit' listeners (the reading store's flush) run on the way out.
    process.exit(128 + (constants.signals[signal] ?? 0));
  };
  process.on('exit', restore);
  for (const s of SIGNALS) process.on(s, onSignal);

  stdout.write(ENTER_ALT);
  let phase: Phase = {kind: 'loading', progress: {done: 0, total: 0, stage: 'finding files'}};
  let loaded = false;
  const onQuit = (): void => instance?.unmount();
  const draw = (): void => instance?.rerender(<Root phase={phase} store={store} theme={theme} onQuit={onQuit} />);
  try {
    instance = render(<Root phase={phase} store={store} theme={theme} onQuit={onQuit} />, {
      stdout,
      stdin,
      stderr: io.stderr as NodeJS.WriteStream,
      exitOnCtrlC: false, // Ctrl-C is a command: it quits through the same path as q, from anywhere
      patchConsole: false, // nothing logs while the app runs; the store reports through the status bar
      // Not incrementalRendering: in Ink 6.8 it moves the cursor up one line short for a frame that
      // ends in a newline (ours, one row shorter than the terminal so Ink never falls back to
      // clearing the whole screen per frame), and the screen stops updating (seen in tmux).
      incrementalRendering: false,
      maxFps: 60,
    });
    let lastDraw = 0;
    const loading = load((done, total) => {
      const now = Date.now();
      if (now - lastDraw < 50 && done < total) return;
      lastDraw = now;
      phase = {kind: 'loading', progress: {done, total, stage: done < total ? 'parsing' : 'indexing'} satisfies Progress};
      draw();
    }).then((data) => {
      loaded = true;
      phase = {kind: 'ready', ...data};
      draw();
    });
    const exited = instance.waitUntilExit();
    await Promise.race([exited, loading.then(() => exited)]);
    return {quitEarly: !loaded};
  } finally {
    instance?.unmount();
    restore();
    process.off('exit', restore);
    for (const s of SIGNALS) process.off(s, onSignal);
    await store.flush();
  }
}
