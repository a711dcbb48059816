// The file-backed ReadingStore. Per-article state lives in memory (createMemoryStore); changes are
// written on a debounce timer and on exit, each write under a lock: re-read the file (only when
// another process wrote it since), merge by per-field timestamps (another process's marks
// survive), write atomically (write-file-atomic: temp file, fsync, rename; then an fsync of the
// directory). A corrupt file is moved aside, never silently reset; a file from a newer schema is
// left untouched and the store goes read-only. Saves are synchronous (the exit paths need that,
// and a lock held across an await could not be taken back by a synchronous exit flush); at 100k
// articles a later save costs ~10 ms of CPU plus the fsync (see `npm run bench`).
import {closeSync, copyFileSync, fsyncSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, statSync, existsSync, unlinkSync} from 'node:fs';
import {join} from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type {Writable} from 'node:stream';
import {createMemoryStore, type MemoryReadingStore} from '../../state/memory-store.js';
import type {ReadingStore} from '../../state/store.js';
import {emptyReport, emptyState, parseStateText, serializeState, SCHEMA_VERSION, type MergeReport, type ParsedState, type StateData} from '../../state/schema.js';
import {withLock, withLockSync, type LockOptions} from './lock.js';

export const STATE_FILE = 'state.json';

/** An expected failure of the state file or directory; the message is one line naming the path. */
export class StateError extends Error {
  override name = 'StateError';
}

export interface FileStoreOptions {
  /** Directory holding state.json (created when missing). */
  dir: string;
  /** Delay between the first unsaved change and its write (ms). Default 500. */
  debounceMs?: number;
  lock?: LockOptions;
  /** Warnings are also written here (`briefing: ...`); null for silence. */
  stderr?: Writable | null;
  now?: () => number;
}

export interface FileReadingStore extends ReadingStore {
  readonly dir: string;
  readonly path: string;
  /** Schema version of the file found at open; null when there was none. */
  readonly fileVersion: number | null;
  /** Number of times the file was written by this store. */
  readonly writes: number;
  /** The live state (read-only view). */
  readonly data: StateData;
  flush(): Promise<void>;
  /** Writes pending changes now, blocking (for exit paths). */
  flushSync(): void;
  /** Merges another state in (newer change wins per field) and writes at once; reports what changed. */
  importState(incoming: StateData): MergeReport;
  /** Stops the debounce timer without writing. */
  close(): void;
}

type DiskRead = ParsedState | {kind: 'missing'} | {kind: 'unreadable'; reason: string};

const errorReason = (error: unknown): string => {
  const e = error as NodeJS.ErrnoException;
  return e.code ?? e.message?.split('\n')[0] ?? String(error);
};

/** What identifies one version of the file: an atomic rename gives a new inode. */
const fileIdentity = (path: string): string | null => {
  try {
    const s = statSync(path);
    return `${s.ino}:${s.size}:${s.mtimeMs}`;
  } catch {
    return null;
  }
};

function readDisk(path: string): DiskRead {
  let text: string;
  let mtime: number;
  try {
    mtime = statSync(path).mtimeMs;
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {kind: 'missing'};
    return {kind: 'unreadable', reason: errorReason(error)};
  }
  return parseStateText(text, mtime);
}

/** `state.corrupt-2026-05-01T10-22-03-123Z.json`, unique in `dir`. */
function asideName(dir: string, now: number): string {
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  for (let i = 0; ; i++) {
    const path = join(dir, `state.corrupt-${stamp}${i ? `-${i}` : ''}.json`);
    if (!existsSync(path)) return path;
  }
}

/**
 * write-file-atomic: a temp file in the same directory, written and fsynced, then renamed over the
 * target, so a reader (or a crash, SIGKILL included) sees the old file or the new one, never a
 * mix. `mode` applies to a new file; an existing one keeps its owner and mode.
 */
export function writeFileAtomicSync(path: string, text: string, mode?: number): void {
  writeFileAtomic.sync(path, text, mode === undefined ? {} : {mode});
}

/** write-file-atomic's temp names: `state.json.<32-bit hash>`. */
const TEMP_NAME = new RegExp(`^${STATE_FILE.replace('.', '\\.')}\\.\\d+$`);

/**
 * Removes temp files a killed writer left behind. Only under the lock: every writer of the state
 * file holds it while its temp file exists, so any temp file seen then is abandoned.
 */
function removeAbandonedTemps(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!TEMP_NAME.test(name)) continue;
    try {
      unlinkSync(join(dir, name));
    } catch {
      // Gone already, or not ours to remove: harmless.
    }
  }
}

function fsyncDir(dir: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Not supported everywhere (Windows); the rename itself is still atomic.
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

export function openFileStore(options: FileStoreOptions): FileReadingStore {
  const {dir} = options;
  const now = options.now ?? Date.now;
  const debounceMs = options.debounceMs ?? 500;
  const stderr = options.stderr === undefined ? process.stderr : options.stderr;
  const path = join(dir, STATE_FILE);
  const lockPath = `${path}.lock`;
  try {
    mkdirSync(dir, {recursive: true});
  } catch (error) {
    throw new StateError(`cannot use state directory ${dir}: ${errorReason(error)}`);
  }

  const memory: MemoryReadingStore = createMemoryStore({data: emptyState(), now});
  let writes = 0;
  let timer: NodeJS.Timeout | null = null;
  let lastTimerError = '';
  let fileVersion: number | null = null;
  /** Identity of the file as we last read or wrote it (null: unknown, read it). */
  let known: string | null = null;
  /** Abandoned temp files are looked for once per store, at its first write. */
  let tempsChecked = false;

  const warn = (message: string): void => {
    memory.addWarning(message);
    stderr?.write(`briefing: ${message}\n`);
  };

  /** Moves an unusable state file aside; false when even that failed. */
  const moveAside = (reason: string): boolean => {
    const aside = asideName(dir, now());
    try {
      renameSync(path, aside);
    } catch (error) {
      warn(`${path} is unusable (${reason}) and could not be moved aside (${errorReason(error)}): running read-only, nothing will be saved`);
      memory.setReadOnly(true);
      return false;
    }
    warn(`${path} was unusable (${reason}): moved it to ${aside} and started from an empty state`);
    return true;
  };

  const newer = (version: number): void => {
    warn(`${path} was written by a newer briefing (schema v${version}; this one knows v${SCHEMA_VERSION}): left it untouched, running read-only, changes will not be saved`);
    memory.setReadOnly(true);
  };

  /** Folds what is on disk into memory. Returns false when nothing may be written. */
  const absorb = (disk: DiskRead): boolean => {
    switch (disk.kind) {
      case 'missing':
        return true;
      case 'newer':
        newer(disk.version);
        return false;
      case 'corrupt':
      case 'unreadable':
        return moveAside(disk.reason);
      case 'ok':
        if (disk.dropped.length) {
          const aside = asideName(dir, now());
          copyFileSync(path, aside);
          warn(`${path}: left out ${disk.dropped.length} invalid entr${disk.dropped.length === 1 ? 'y' : 'ies'} (first: ${disk.dropped[0]}); the original file is kept at ${aside}`);
        }
        memory.merge(disk.data);
        return true;
    }
  };

  /** The critical section, run under the lock: re-read, merge, write atomically. */
  const writeLocked = (incoming: StateData | null): MergeReport => {
    if (!incoming && memory.pending === 0) return emptyReport();
    // Re-read only when someone else wrote since we last read or wrote the file.
    if (fileIdentity(path) !== known || known === null) {
      if (!absorb(readDisk(path))) return emptyReport();
    }
    const report = incoming ? memory.merge(incoming) : emptyReport();
    if (!tempsChecked) removeAbandonedTemps(dir);
    tempsChecked = true;
    try {
      writeFileAtomicSync(path, serializeState(memory.data), 0o600);
    } catch (error) {
      throw new StateError(`cannot save reading state to ${path}: ${errorReason(error)}`);
    }
    fsyncDir(dir);
    known = fileIdentity(path);
    writes++;
    memory.markClean();
    return report;
  };

  const lockError = (error: unknown): Error =>
    error instanceof StateError ? error : new StateError(`cannot save reading state to ${path}: ${(error as Error).message ?? errorReason(error)}`);

  const cancelTimer = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
  };

  // Open: read the file; decide, under the lock, what to do with an unusable one.
  const identity = fileIdentity(path);
  const first = readDisk(path);
  if (first.kind === 'ok' || first.kind === 'newer') fileVersion = first.kind === 'ok' ? first.fromVersion : first.version;
  if (first.kind === 'ok' && first.dropped.length === 0) {
    memory.replace(first.data); // memory is empty: no need to merge field by field
    if (fileIdentity(path) === identity) known = identity;
    if (first.fromVersion < SCHEMA_VERSION) {
      // Upgrade in place now, so the old layout never meets a newer writer.
      try {
        withLockSync(lockPath, () => writeLocked(emptyState()), options.lock);
      } catch (error) {
        warn(lockError(error).message);
      }
    }
  } else if (first.kind === 'newer') {
    newer(first.version);
  } else if (first.kind !== 'missing') {
    try {
      withLockSync(lockPath, () => writeLocked(emptyState()), options.lock);
    } catch (error) {
      warn(lockError(error).message);
      memory.setReadOnly(true);
    }
  }
  memory.markClean();

  const store: FileReadingStore = {
    dir,
    path,
    get fileVersion() {
      return fileVersion;
    },
    get writes() {
      return writes;
    },
    get data() {
      return memory.data;
    },
    get readOnly() {
      return memory.readOnly;
    },
    get warnings() {
      return memory.warnings;
    },
    get: (id) => memory.get(id),
    setRead: (id, v) => memory.setRead(id, v),
    setStarred: (id, v) => memory.setStarred(id, v),
    setPosition: (id, v) => memory.setPosition(id, v),
    setLeader: (id, v) => memory.setLeader(id, v),
    global: () => memory.global(),
    setGlobal: (patch) => memory.setGlobal(patch),
    subscribe: (listener) => memory.subscribe(listener),
    async flush() {
      cancelTimer();
      if (memory.pending === 0 || memory.readOnly) return;
      try {
        await withLock(lockPath, () => writeLocked(null), options.lock);
      } catch (error) {
        throw lockError(error);
      }
    },
    flushSync() {
      cancelTimer();
      if (memory.pending === 0 || memory.readOnly) return;
      try {
        withLockSync(lockPath, () => writeLocked(null), options.lock);
      } catch (error) {
        throw lockError(error);
      }
    },
    importState(incoming) {
      if (memory.readOnly) throw new StateError(`${path} is read-only in this session: ${memory.warnings.at(-1) ?? 'see the warnings'}`);
      cancelTimer();
      try {
        return withLockSync(lockPath, () => writeLocked(incoming), options.lock);
      } catch (error) {
        throw lockError(error);
      }
    },
    close: cancelTimer,
  };

  // Debounce: the first unsaved change starts the timer; later ones ride along with it.
  memory.subscribe(() => {
    if (timer || memory.pending === 0 || memory.readOnly) return;
    timer = setTimeout(() => {
      timer = null;
      store.flush().then(
        () => {
          lastTimerError = '';
        },
        (error: unknown) => {
          const message = (error as Error).message;
          if (message !== lastTimerError) warn(message);
          lastTimerError = message;
        },
      );
    }, debounceMs);
    timer.unref();
  });

  return store;
}
