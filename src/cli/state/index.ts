// The impure side of reading state, for the commands and the TUI:
//   const store = openReadingStore({stateDir, env: io.env, stderr: io.stderr});
//   flushOnExit(store);
export {openFileStore, StateError, STATE_FILE, type FileReadingStore, type FileStoreOptions} from './file-store.js';
export {flushOnExit} from './exit.js';
export {resolveLocation, type Settings} from './location.js';
import type {Writable} from 'node:stream';
import {openFileStore, type FileReadingStore} from './file-store.js';
import {resolveLocation, type Settings} from './location.js';

export interface OpenReadingStoreOptions {
  /** `--state-dir DIR`; else BRIEFING_STATE_DIR; else the OS config dir. */
  stateDir?: string | undefined;
  env?: NodeJS.ProcessEnv;
  /** Where warnings are also printed; null for silence (the TUI shows `store.warnings`). */
  stderr?: Writable | null;
  debounceMs?: number;
}

export interface OpenedReadingStore extends FileReadingStore {
  /** Small user settings kept by `conf` next to the state (null when its file is unusable). */
  readonly settings: Settings | null;
}

/** Opens (creating when needed) the reading state. Throws StateError for an unusable directory. */
export function openReadingStore(options: OpenReadingStoreOptions = {}): OpenedReadingStore {
  const location = resolveLocation({stateDir: options.stateDir, env: options.env});
  const stderr = options.stderr === undefined ? process.stderr : options.stderr;
  for (const w of location.warnings) stderr?.write(`briefing: ${w}\n`);
  const store = openFileStore({dir: location.dir, stderr, debounceMs: options.debounceMs});
  for (const w of location.warnings) (store.warnings as string[]).push(w);
  return Object.assign(store, {settings: location.settings});
}
