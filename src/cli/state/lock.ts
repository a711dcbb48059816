// An inter-process lock: a lock file created with O_CREAT|O_EXCL (atomic on local file systems)
// holding {pid, host, token, at}.
//
// Why our own and not proper-lockfile (4.1.2, the maintained choice; checked against its source):
//  - The state must be written synchronously on every exit path (q, Ctrl-C, SIGTERM, an uncaught
//    error), where no event loop runs, and another instance may hold the lock for a few ms right
//    then. proper-lockfile's lockSync cannot wait: any `retries` throws ESYNC ("Cannot use retries
//    with the sync api"), so we would write the blocking wait loop around it anyway. Here both a
//    blocking acquire (Atomics.wait between tries) and an async one exist.
//  - A holder killed with SIGKILL: proper-lockfile judges staleness by mtime only, with a floor of
//    2 s (any smaller `stale` is raised to 2000 ms; 10 s by default), so a crashed reader blocks
//    every other instance that long. Here a lock whose holder is on this host and no longer
//    running is broken at once (pid check); only a lock from another host waits `staleMs`.
//  - proper-lockfile refreshes the lock's mtime from a timer; if the event loop is blocked past
//    `stale` (a busy machine), the lock is declared compromised and, by default, that timer throws
//    an uncaught exception. Our critical section (re-read, merge, write) is synchronous and lasts
//    milliseconds, so it needs no heartbeat at all.
// Breaking a stale lock renames it aside first and checks its token, so two breakers cannot both
// win, and a fresh lock taken meanwhile is put back.
import {closeSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync, linkSync} from 'node:fs';
import {hostname} from 'node:os';
import {randomBytes} from 'node:crypto';

export interface LockOptions {
  /** Give up after this long (ms). */
  timeoutMs?: number;
  /** A lock older than this whose owner cannot be checked (another host) is considered abandoned. */
  staleMs?: number;
  /** Poll interval while waiting (ms); jittered. */
  retryMs?: number;
}

interface LockInfo {
  pid: number;
  host: string;
  token: string;
  at: number;
}

export class LockTimeoutError extends Error {
  override name = 'LockTimeoutError';
}

const defaults = {timeoutMs: 10_000, staleMs: 10_000, retryMs: 8};

function readInfo(path: string): LockInfo | null {
  try {
    const raw = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockInfo>;
    if (typeof raw.pid === 'number' && typeof raw.host === 'string' && typeof raw.token === 'string') {
      return {pid: raw.pid, host: raw.host, token: raw.token, at: typeof raw.at === 'number' ? raw.at : 0};
    }
  } catch {
    // Unreadable or half-written: judged by age below.
  }
  return null;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Is the lock at `path` abandoned? Returns the info judged (to check we break the same lock). */
function staleLock(path: string, staleMs: number): {stale: boolean; token: string | null} {
  let mtime: number;
  try {
    mtime = statSync(path).mtimeMs;
  } catch {
    return {stale: false, token: null}; // gone: the next try will get it
  }
  const info = readInfo(path);
  const age = Date.now() - mtime;
  if (!info) return {stale: age > 1000, token: null}; // a holder dies between create and write
  if (info.host === hostname() && info.pid !== process.pid) return {stale: !pidAlive(info.pid), token: info.token};
  return {stale: age > staleMs, token: info.token};
}

/** Removes an abandoned lock, unless someone replaced it meanwhile (then it is put back). */
function breakLock(path: string, token: string | null): void {
  const aside = `${path}.${randomBytes(4).toString('hex')}.stale`;
  try {
    renameSync(path, aside);
  } catch {
    return;
  }
  const info = readInfo(aside);
  if ((info?.token ?? null) !== token) {
    // We moved a fresh lock taken after our check: restore it if nobody took the name since.
    try {
      linkSync(aside, path);
    } catch {
      // Another process now holds a lock of its own; the moved one's holder keeps going.
    }
  }
  try {
    unlinkSync(aside);
  } catch {
    // Already gone.
  }
}

/** One attempt; returns the release function or null when the lock is held by someone else. */
export function tryLock(path: string, staleMs = defaults.staleMs): (() => void) | null {
  const info: LockInfo = {pid: process.pid, host: hostname(), token: randomBytes(8).toString('hex'), at: Date.now()};
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const judged = staleLock(path, staleMs);
    if (judged.stale) breakLock(path, judged.token);
    return null;
  }
  try {
    writeSync(fd, JSON.stringify(info));
  } finally {
    closeSync(fd);
  }
  return () => {
    // Remove only our own lock (it may have been broken as stale and retaken by now).
    if (readInfo(path)?.token === info.token) {
      try {
        unlinkSync(path);
      } catch {
        // Already removed.
      }
    }
  };
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
const jitter = (ms: number): number => ms + Math.floor(Math.random() * ms);

function timeoutError(path: string, ms: number): LockTimeoutError {
  const info = readInfo(path);
  const who = info ? ` by process ${info.pid} on ${info.host}` : '';
  return new LockTimeoutError(`${path}: still locked${who} after ${Math.round(ms / 1000)} s`);
}

const NOT_YET: unique symbol = Symbol('not yet');

/** One try: fn's result holding the lock, NOT_YET while someone else holds it, an error past the deadline. */
function attempt<T>(path: string, fn: () => T, o: Required<LockOptions>, deadline: number): T | typeof NOT_YET {
  const release = tryLock(path, o.staleMs);
  if (!release) {
    if (Date.now() > deadline) throw timeoutError(path, o.timeoutMs);
    return NOT_YET;
  }
  try {
    return fn();
  } finally {
    release();
  }
}

/** Runs `fn` holding the lock, blocking the thread while waiting (for exit paths). */
export function withLockSync<T>(path: string, fn: () => T, options: LockOptions = {}): T {
  const o = {...defaults, ...options};
  const deadline = Date.now() + o.timeoutMs;
  for (;;) {
    const result = attempt(path, fn, o, deadline);
    if (result !== NOT_YET) return result;
    Atomics.wait(sleeper, 0, 0, jitter(o.retryMs));
  }
}

/** Runs the synchronous `fn` holding the lock, waiting without blocking the event loop. */
export async function withLock<T>(path: string, fn: () => T, options: LockOptions = {}): Promise<T> {
  const o = {...defaults, ...options};
  const deadline = Date.now() + o.timeoutMs;
  for (;;) {
    const result = attempt(path, fn, o, deadline);
    if (result !== NOT_YET) return result;
    await new Promise((resolve) => setTimeout(resolve, jitter(o.retryMs)));
  }
}
