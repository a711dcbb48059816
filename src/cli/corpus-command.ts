// What the corpus commands (search, related, leaders, quotes; and the TUI) share: the PATH default,
// the cache options, loading with progress on stderr, and reporting what could not be loaded.
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {resolveCacheDir} from './cache.js';
import {loadArticles, type LoadResult} from './load.js';
import {writeLine, type Io} from './io.js';

/** The options every corpus command takes, for parseOptions. */
export const corpusOptionSpec = {
  'cache-dir': {type: 'string'},
  'no-cache': {type: 'boolean'},
  json: {type: 'boolean'},
} as const;

export const corpusUsageTail = '[--cache-dir DIR | --no-cache]';

/** The package's own data/ folder (beside dist/ or src/), wherever the command is run from. */
export function packageDataDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && fs.existsSync(path.join(dir, 'data'))) {
      try {
        if ((JSON.parse(fs.readFileSync(pkg, 'utf8')) as {name?: string}).name === 'briefing') return path.join(dir, 'data');
      } catch {
        // not ours; keep looking
      }
    }
    dir = path.dirname(dir);
  }
  return path.resolve('data');
}

/** The most failures listed one by one before a count stands for the rest. */
const MAX_LISTED = 20;

/** Shows `parsing 1234/10000 files` on a TTY stderr, at most ~10 times a second, after the first half second. */
export function stderrProgress(io: Io): {onProgress?: (done: number, total: number) => void; clear(): void} {
  if (!io.stderr.isTTY) return {clear() {}};
  const begun = Date.now();
  let last = 0;
  let shown = false;
  return {
    onProgress(done, total) {
      const t = Date.now();
      if (t - begun < 500 || t - last < 100 || done >= total) return;
      last = t;
      shown = true;
      io.stderr.write(`\rbriefing: loading ${done}/${total} files (${Math.floor((done / total) * 100)}%)\x1b[K`);
    },
    clear() {
      if (shown) io.stderr.write('\r\x1b[K');
    },
  };
}

export interface CommandLoad extends LoadResult {
  /** 2 when a PATH gave nothing (as `briefing parse`), else 0: the command may still answer from the rest. */
  exitCode: number;
}

/** Loads the PATHs (default: the package data/) for a command and reports on stderr what could not be loaded. */
export async function loadForCommand(
  positionals: readonly string[],
  values: {'cache-dir'?: string; 'no-cache'?: boolean},
  io: Io,
): Promise<CommandLoad> {
  const paths = positionals.length ? positionals.map((p) => (path.isAbsolute(p) ? p : path.join(io.cwd, p))) : [packageDataDir()];
  const cacheDir = resolveCacheDir({cacheDir: values['cache-dir'], noCache: values['no-cache'], env: io.env, cwd: io.cwd});
  const progress = stderrProgress(io);
  const result = await loadArticles(paths, {cacheDir, onProgress: progress.onProgress});
  progress.clear();
  // Paths as the user typed them, not as joined to the cwd.
  const shown = (line: string): string => (positionals.length && line.startsWith(io.cwd + path.sep) ? line.slice(io.cwd.length + 1) : line);
  for (const problem of result.problems) writeLine(io.stderr, `briefing: ${shown(problem)}`);
  for (const failure of result.failures.slice(0, MAX_LISTED)) writeLine(io.stderr, `briefing: ${shown(failure.message)}`);
  if (result.failures.length > MAX_LISTED) writeLine(io.stderr, `briefing: ... and ${result.failures.length - MAX_LISTED} more files that could not be loaded`);
  if (result.skippedHidden) writeLine(io.stderr, `briefing: skipped ${result.skippedHidden} hidden file${result.skippedHidden === 1 ? '' : 's'}`);
  for (const note of result.cacheNotes) writeLine(io.stderr, `briefing: ${note}`);
  if (io.env.BRIEFING_DEBUG) {
    const {files, parsed, fromCache, workers, ms} = result.stats;
    writeLine(io.stderr, `briefing: loaded ${files} files in ${Math.round(ms)} ms: ${parsed} parsed (${workers} workers), ${fromCache} from cache ${cacheDir ?? '(off)'}`);
  }
  for (const article of result.articles) article.source = shown(article.source);
  return {...result, exitCode: result.problems.length ? 2 : 0};
}
