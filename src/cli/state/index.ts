// The impure side of reading state, for the commands and the TUI:
//   const store = openReadingStore({stateDir, env: io.env, stderr: io.stderr});
//   flushOnExit(store);
export {openFileStore, StateError, STATE_FILE, type FileReadingStore, type FileStoreOptions} from './file-store.js';
export {flushOnExit} from './exit.js';
export {resolveLocation, type Settings} from './location.js';
import type {Writable} from 'node:stream';
import {resolve} from 'node:path';
import {CommandError} from '../io.js';
import {openFileStore, StateError, type FileReadingStore} from './file-store.js';
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

/** The `--state-dir DIR` option of the state commands, for parseOptions. */
export const stateOptionSpec = {'state-dir': {type: 'string'}} as const;

/** Opens the store for a one-shot command: warnings on stderr, failures as one-line CommandErrors. */
export function openForCommand(values: {'state-dir'?: string | undefined}, io: {env: NodeJS.ProcessEnv; cwd: string; stderr: Writable}): OpenedReadingStore {
  const given = values['state-dir'] ?? io.env.BRIEFING_STATE_DIR;
  try {
    return openReadingStore({stateDir: given ? resolve(io.cwd, given) : undefined, env: io.env, stderr: io.stderr, debounceMs: 60_000});
  } catch (error) {
    if (error instanceof StateError) throw new CommandError(error.message);
    throw error;
  }
}
