// Where the state lives: `--state-dir DIR`, else BRIEFING_STATE_DIR, else the OS config dir as
// `conf` resolves it (env-paths: $XDG_CONFIG_HOME/briefing or ~/.config/briefing on Linux,
// ~/Library/Preferences/briefing on macOS, %APPDATA%\briefing\Config on Windows). `conf` also keeps
// the small settings file there (settings.json); per-article state never goes through conf.set,
// which re-reads and rewrites the whole file on every call.
import Conf from 'conf';
import envPaths from 'env-paths';
import {renameSync} from 'node:fs';
import {join} from 'node:path';
import {StateError} from './file-store.js';

export type Settings = Conf<Record<string, unknown>>;

export interface LocationOptions {
  /** `--state-dir DIR`. */
  stateDir?: string | undefined;
  env?: NodeJS.ProcessEnv;
}

export interface StateLocation {
  dir: string;
  settings: Settings | null;
  warnings: string[];
}

const PROJECT = 'briefing';

export function overrideDir(options: LocationOptions): string | undefined {
  const env = options.env ?? process.env;
  return options.stateDir || env.BRIEFING_STATE_DIR || undefined;
}

export function resolveLocation(options: LocationOptions): StateLocation {
  const cwd = overrideDir(options);
  const warnings: string[] = [];
  const dir = cwd ?? envPaths(PROJECT, {suffix: ''}).config;
  const make = (): Settings => new Conf<Record<string, unknown>>({projectName: PROJECT, projectSuffix: '', configName: 'settings', cwd});
  try {
    return {dir, settings: make(), warnings};
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code) throw new StateError(`cannot use state directory ${dir}: ${e.code}`);
    // A settings file conf cannot parse: keep it for the user, start settings afresh.
    const file = join(dir, 'settings.json');
    const aside = join(dir, `settings.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    try {
      renameSync(file, aside);
      warnings.push(`${file} was unusable (${e.message.split('\n')[0]}): moved it to ${aside}`);
      return {dir, settings: make(), warnings};
    } catch {
      warnings.push(`${file} is unusable (${e.message.split('\n')[0]}): settings are not available`);
      return {dir, settings: null, warnings};
    }
  }
}
