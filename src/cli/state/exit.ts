// Flushing pending state on every way out of the process: a normal end or process.exit (q),
// SIGINT (Ctrl-C outside raw mode), SIGTERM, SIGHUP (terminal closed), an uncaught exception or
// an unhandled rejection.
import {constants} from 'node:os';

export interface SyncFlushable {
  flushSync(): void;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Registers the flushes; returns the function that removes them. After a signal, the process
 * ends with that signal (re-raised) unless another listener for it remains to decide.
 */
export function flushOnExit(store: SyncFlushable, stderr: NodeJS.WritableStream = process.stderr): () => void {
  let done = false;
  const flush = (): void => {
    try {
      store.flushSync();
    } catch (error) {
      stderr.write(`briefing: ${(error as Error).message}\n`);
    }
  };
  const onExit = (): void => flush();
  const onFatal = (): void => flush(); // the default handler still prints the error and exits
  const onSignal = (signal: NodeJS.Signals): void => {
    flush();
    unregister();
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    else process.exitCode ??= 128 + (constants.signals[signal] ?? 0);
  };
  function unregister(): void {
    if (done) return;
    done = true;
    process.off('exit', onExit);
    process.off('uncaughtExceptionMonitor', onFatal);
    for (const s of SIGNALS) process.off(s, onSignal);
  }
  process.on('exit', onExit);
  process.on('uncaughtExceptionMonitor', onFatal);
  for (const s of SIGNALS) process.on(s, onSignal);
  return unregister;
}
