// Loading a folder of articles: walk the paths, take what the cache knows by stat alone, parse the
// rest (on worker threads when there are many), remember the new results. Used by every corpus
// command and by the TUI. Never throws for bad input: failures and bad paths come back as lines.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import {Worker} from 'node:worker_threads';
import {performance} from 'node:perf_hooks';
import {fileURLToPath} from 'node:url';
import {collectFiles} from './files.js';
import {ArticleCache, decodeResult, DerivedStore, type CacheRequests, type CachedResult, type FileStamp, type Span} from './cache.js';
import {Interner} from './cache-record.js';
import {type FileOutcome, safeAnalyze} from './parse-file.js';
import type {WorkerInit, WorkerReply, WorkerRequest} from './worker.js';
import {PARSER_VERSION} from '../parse/index.js';
import {isParseError, MAX_ARTICLE_BYTES, type Article} from '../types.js';
import type {Corpus, LoadFailure} from '../corpus/types.js';
import {buildCorpus} from '../corpus/index.js';
import {articlesFingerprint} from '../corpus/terms.js';

export interface LoadOptions {
  /** Cache folder (see resolveCacheDir); null or absent: no cache. */
  cacheDir?: string | null;
  /** Overrides the cache key version (tests); default: PARSER_VERSION plus a fingerprint of the parser bundle. */
  cacheVersion?: string;
  /** Size past which the cache starts a new shard (tests); default 64 MB. */
  cacheShardBytes?: number;
  /** Most worker threads to use; 0 parses on this thread. Default: one per core. */
  workers?: number;
  /** Fewest files to parse before a worker is started (~0.1 s before its first result, then its own compile of the
   *  parser); fewer are parsed on this thread. Default 150. */
  workerThreshold?: number;
  /** Files to parse for each worker past the first (tests); default FILES_PER_EXTRA_WORKER. */
  filesPerExtraWorker?: number;
  /** Called as files are resolved: done of total (cache hits count at once). */
  onProgress?: (done: number, total: number) => void;
}

export interface LoadStats {
  /** Files found. */
  files: number;
  /** Files parsed this time. */
  parsed: number;
  /** Files taken from the cache. */
  fromCache: number;
  /** Worker threads used (0: parsed on the main thread). */
  workers: number;
  ms: number;
}

export interface LoadResult {
  /** Articles in file order (argument order; sorted inside folders); duplicates are kept (the corpus merges them). */
  articles: Article[];
  /** Files that could not be read or parsed: source and a one-line reason. */
  failures: LoadFailure[];
  /** Arguments that gave no file (missing path, empty folder), one line each. */
  problems: string[];
  /** Hidden files and folders skipped inside folders. */
  skippedHidden: number;
  /** One line each about the cache (damaged and rebuilt, not writable); never fatal. */
  cacheNotes: string[];
  stats: LoadStats;
  /** Where what the corpus derives from these articles (term index, merged people, search vocabulary) is kept between
   *  runs (null without a cache); see buildLoadedCorpus. */
  derived?: DerivedStore | null;
}

/** The parse worker of the bundle: beside it (dist/briefing.js), one up (dist/chunks/), or dist/ from the sources. */
export function findWorker(): URL | null {
  for (const rel of ['./worker.js', '../worker.js', '../../dist/worker.js']) {
    const url = new URL(rel, import.meta.url);
    if (fs.existsSync(url)) return url;
  }
  return null;
}

let fingerprint: string | undefined;
/** PARSER_VERSION plus a hash of the parser bundle, so a rebuilt parser never reads its predecessor's results. */
export function defaultCacheVersion(): string {
  if (fingerprint === undefined) {
    const worker = findWorker();
    let suffix = 'src';
    if (worker && worker.pathname.includes('/dist/')) {
      try {
        suffix = crypto.createHash('sha1').update(fs.readFileSync(worker)).digest('hex').slice(0, 12);
      } catch {
        // keep 'src'
      }
    }
    fingerprint = `${PARSER_VERSION}+${suffix}`;
  }
  return fingerprint;
}

/** A file found, with its stat (one object per file: at 100k files every object kept through the load costs collector time). */
interface Slot extends FileStamp {
  file: string;
  absolute: string;
}

/** A worker is a fresh V8 isolate that compiles the parser again (~0.45 s of CPU on V8's background threads), so a
 *  second one pays only with enough files. Measured cold loads, one worker against two: 1,000 files 0.99-1.08 s against
 *  1.08-1.11 s, 2,000 files 1.59-1.63 s against 1.50-1.55 s, 6,000 files 4.0-4.1 s against 2.9-3.0 s. One worker rather
 *  than this thread even for few files (the same time: 0.93-1.02 s at 1,000): the app's loading screen and its quit
 *  key stay live. */
const FILES_PER_EXTRA_WORKER = 1500;

/** Batches each worker has in flight: it starts the next while the main thread takes in the last one's results. */
const IN_FLIGHT = 2;
/** A parse worker's young generation (MB): V8's default scavenges a parse's short-lived strings and arrays often.
 *  Measured on 10k articles: worker GC 0.63 s (default) / 0.53 s (32) / 0.36 s (64) per 5000 articles, for ~60 MB
 *  more peak RSS in all (a fixed cost of the two workers, not per article). */
const YOUNG_MB = 64;

/** A record a worker stored in a shard of its own, with that shard's string table once the worker committed it (null:
 *  it did not, the record is lost). */
type Stored = [index: number, outcome: StoredOutcome, table: Span | null];
type StoredOutcome = Extract<FileOutcome, {kind: 'stored'}>;

/** Parses [index, path] pairs on a pool of workers; hands outcomes back a batch at a time, and the records each worker
 *  stored in the cache (`cache`) when it has committed them. Falls back to this thread. */
async function parseOnWorkers(
  jobs: Array<[number, string]>,
  count: number,
  known: string[],
  cache: WorkerInit['cache'],
  onBatch: (results: Array<[number, FileOutcome]>) => void,
  onStored: (stored: Stored[]) => void,
): Promise<number> {
  const url = findWorker();
  if (!url || count < 1) return 0;
  // Small enough that the last batches end together (no worker idles at the tail), large enough that a round
  // trip per batch is noise (~40 ms of parsing at 32 files).
  const batch = Math.max(8, Math.min(32, Math.ceil(jobs.length / (count * IN_FLIGHT * 4))));
  let next = 0;
  const take = (): Array<[number, string]> | null => {
    if (next >= jobs.length) return null;
    const files = jobs.slice(next, next + batch);
    next += files.length;
    return files;
  };
  const init: WorkerInit = {known, cache};
  let started = 0;
  const runOne = (): Promise<void> =>
    new Promise((resolve) => {
      let worker: Worker;
      try {
        worker = new Worker(url, {workerData: init, resourceLimits: {maxYoungGenerationSizeMb: YOUNG_MB}});
      } catch {
        resolve();
        return;
      }
      started++;
      // Batches sent and not yet answered, oldest first (a worker answers in the order it was asked).
      const flying: Array<Array<[number, string]>> = [];
      // Records this worker stored, usable once it has committed its shards.
      const stored: Array<[number, StoredOutcome]> = [];
      let stopped = false;
      let closing = false;
      /** Hands over the stored records: with their string tables, or none (lost: parsed again by the caller). */
      const settle = (tables: ReadonlyMap<string, Span> | null): void => {
        onStored(stored.splice(0).map(([i, o]) => [i, o, tables?.get(o.loc.shard) ?? null]));
      };
      const stop = (): void => {
        stopped = true;
        void worker.terminate().then(() => resolve());
      };
      const send = (): void => {
        while (!stopped && flying.length < IN_FLIGHT) {
          const files = take();
          if (!files) break;
          flying.push(files);
          worker.postMessage({files} satisfies WorkerRequest);
        }
        if (flying.length === 0 && !closing) {
          closing = true;
          worker.postMessage({close: true} satisfies WorkerRequest);
        }
      };
      worker.on('message', (reply: WorkerReply) => {
        if ('closed' in reply) {
          settle(reply.closed && new Map(reply.closed));
          stop();
          return;
        }
        flying.shift();
        try {
          // One at a time: a reply that fails half-way (a stale worker bundle) leaves its rest to this thread, and
          // only what was taken in counts as stored.
          for (const item of reply.results) {
            onBatch([item]);
            if (item[1].kind === 'stored') stored.push([item[0], item[1]]);
          }
        } catch {
          // A reply we cannot use (a stale worker bundle): stop this worker; its files are parsed here.
          flying.length = 0;
          settle(null);
          stop();
          return;
        }
        send();
      });
      // A dead worker hands its batches back to this thread, and its stored records are lost; the others carry on.
      worker.on('error', () => {
        stopped = true;
        const set = new Set(known);
        for (const files of flying.splice(0)) onBatch(files.map(([i, f]) => [i, safeAnalyze(f, set)]));
        settle(null);
        resolve();
      });
      worker.on('exit', () => {
        if (stored.length) settle(null);
        resolve();
      });
      send();
    });
  await Promise.all(Array.from({length: count}, runOne));
  return started;
}

/** path.resolve(file), without its work for a path that is absolute and normal already (what a folder walk gives). */
function absolutePath(file: string): string {
  const normal = path.sep === '/' && file.startsWith('/') && !file.includes('//') && !file.includes('/./') && !file.includes('/../') && !file.endsWith('/.') && !file.endsWith('/..') && !file.endsWith('/');
  return normal ? file : path.resolve(file);
}

export async function loadArticles(paths: readonly string[], options: LoadOptions = {}): Promise<LoadResult> {
  const started = performance.now();
  const {files, skippedHidden, problems} = collectFiles(paths);
  const total = files.length;
  const progress = options.onProgress ?? (() => {});
  const version = options.cacheVersion ?? defaultCacheVersion();
  // Stats are taken here, one by one: taken on libuv's threads (fs.stat) while this thread read the manifest, 100k
  // files cost 0.6 s more CPU, 80 MB more RSS and more wall time on two busy cores (callbacks, Stats kept alive).
  const cache = options.cacheDir ? ArticleCache.open(options.cacheDir, version, options.cacheShardBytes) : null;

  const results: Array<CachedResult | undefined> = new Array(total);
  const unreadable = new Map<number, string>();
  // A slot only for a file the cache did not have (one object per file kept through the load costs collector time).
  const slots = new Map<number, Slot>();
  const hits: CacheRequests = {index: [], record: []};
  const misses: Array<[number, string]> = [];

  for (let i = 0; i < total; i++) {
    const file = files[i]!;
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch (error) {
      unreadable.set(i, `${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
      continue;
    }
    if (stat.size > MAX_ARTICLE_BYTES) {
      // readArticleFile says the same; no need to open the file.
      unreadable.set(i, `${file}: file too large (${(stat.size / 1048576).toFixed(1)} MB, limit ${MAX_ARTICLE_BYTES / 1048576} MB)`);
      continue;
    }
    const absolute = absolutePath(file);
    const record = cache ? cache.lookup(absolute, stat) : -1;
    if (record >= 0) {
      hits.index.push(i);
      hits.record.push(record);
    } else {
      slots.set(i, {file, absolute, size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino});
      misses.push([i, file]);
    }
  }

  let done = unreadable.size;
  let fromCache = 0;
  let parsed = 0;
  // Bodies are read from the cache when first used; if their record is damaged by then, parse the file again.
  const reparse = (file: string): Article | null => {
    const outcome = safeAnalyze(file, null);
    if (outcome.kind !== 'parsed') return null;
    const result = decodeResult(outcome.record);
    return 'kind' in result ? null : result;
  };
  const fileOf = (index: number): string => files[index]!;
  /** `fresh`: records the workers just stored for files counted as parsed already (one found damaged is not). */
  const takeFromCache = (requests: CacheRequests, fresh = false): void => {
    if (!cache || requests.index.length === 0) return;
    const read = cache.read(requests, fileOf, reparse);
    let n = 0;
    for (const index of requests.index) {
      const result = read.results[index];
      if (result) (results[index] = result), n++;
    }
    if (fresh) (parsed -= read.damaged.length), (done -= read.damaged.length);
    else (fromCache += n), (done += n);
    for (const index of read.damaged) misses.push([index, files[index]!]);
  };
  takeFromCache(hits);
  progress(done, total);

  // Parse what the cache did not have. Content already cached under another path is only hashed.
  const adopted: CacheRequests = {index: [], record: []};
  const interner = new Interner();
  const knownLater: Array<[number, string]> = [];
  /** A file's slot; for one the cache had but could not give (a damaged record), its stat taken again. */
  const slotOf = (index: number): Slot | null => {
    let slot = slots.get(index);
    if (!slot) {
      try {
        const file = files[index]!;
        const stat = fs.statSync(file);
        slots.set(index, (slot = {file, absolute: path.resolve(file), size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino}));
      } catch {
        return null;
      }
    }
    return slot;
  };
  const accept = (batch: Array<[number, FileOutcome]>): void => {
    for (const [index, outcome] of batch) {
      const slot = outcome.kind === 'unreadable' ? null : slotOf(index);
      if (outcome.kind === 'unreadable') unreadable.set(index, outcome.message);
      else if (outcome.kind === 'stored') {
        // Taken in once its worker has committed it (onStored), read back with the heads at the end.
        parsed++;
      } else if (outcome.kind === 'known') {
        knownLater.push([index, outcome.hash]);
        if (slot) cache?.remember(slot.absolute, slot, outcome.hash);
        continue;
      } else {
        const result = decodeResult(outcome.record, interner);
        results[index] = result;
        if (slot) cache?.put(slot.absolute, slot, outcome.hash, result, outcome.record.body);
        parsed++;
      }
      done++;
    }
    progress(done, total);
  };

  let workersUsed = 0;
  const pending = misses.splice(0);
  const maxWorkers = options.workers ?? os.availableParallelism();
  if (pending.length >= (options.workerThreshold ?? 150) && maxWorkers > 0) {
    const count = Math.min(maxWorkers, 1 + Math.floor(pending.length / (options.filesPerExtraWorker ?? FILES_PER_EXTRA_WORKER)));
    const seen = new Set<number>();
    const toCache = cache ? {dir: cache.dir, shardBytes: cache.shardBytes} : null;
    const onStored = (stored: Stored[]): void => {
      for (const [index, outcome, table] of stored) {
        const slot = table ? slotOf(index) : null;
        const record = slot && table ? cache!.adopt(slot.absolute, slot, outcome.hash, outcome.loc, table) : -1;
        if (record >= 0) adopted.index.push(index), adopted.record.push(record);
        else parsed--, done--, misses.push([index, files[index]!]); // lost with its worker's shards: parsed below
      }
    };
    workersUsed = await parseOnWorkers(pending, count, cache ? cache.hashes() : [], toCache, (batch) => {
      accept(batch);
      for (const [index] of batch) seen.add(index);
    }, onStored);
    // Whatever the workers did not finish (none started, one died) is parsed here.
    const left = pending.filter(([i]) => !seen.has(i));
    pending.length = 0;
    pending.push(...left);
  }
  if (pending.length) {
    const known = cache ? new Set(cache.hashes()) : null;
    for (let k = 0; k < pending.length; k += 32) {
      accept(pending.slice(k, k + 32).map(([i, f]) => [i, safeAnalyze(f, known)]));
    }
  }
  // What the workers stored, then content cached under another path: read now, as a warm start reads (a record lost
  // meanwhile is parsed below).
  takeFromCache(adopted, true);
  const later: CacheRequests = {index: [], record: []};
  for (const [index, hash] of knownLater) {
    const record = cache ? cache.record(hash) : -1;
    if (record < 0) misses.push([index, files[index]!]);
    else later.index.push(index), later.record.push(record);
  }
  takeFromCache(later);
  // A record lost between hashing and reading (damaged shard): parse it after all, without the cache's help.
  if (misses.length) accept(misses.splice(0).map(([i, f]) => [i, safeAnalyze(f, null)]));
  cache?.save();

  const articles: Article[] = [];
  const failures: LoadFailure[] = [];
  for (let i = 0; i < total; i++) {
    const message = unreadable.get(i);
    if (message !== undefined) {
      failures.push({source: files[i]!, message});
      continue;
    }
    const result = results[i];
    if (!result) continue;
    if (isParseError(result)) failures.push({source: files[i]!, message: `${files[i]}: ${result.message}`});
    else {
      // Cached by content: the path is this file's, whatever file first had these words.
      result.source = files[i]!;
      articles.push(result);
    }
  }
  return {
    articles,
    failures,
    problems,
    skippedHidden,
    cacheNotes: cache?.notes ?? [],
    stats: {files: total, parsed, fromCache, workers: workersUsed, ms: performance.now() - started},
    derived: options.cacheDir ? DerivedStore.for(options.cacheDir, version, articlesFingerprint(articles), options.cacheVersion === undefined ? codeStamp() : '') : null,
  };
}

let stamp: string | undefined;
/** A stamp of the code that derives the corpus and the search vocabulary from articles (the bundle this runs from:
 *  name, size and mtime, rewritten by every build), so a rebuilt app never reads what its predecessor derived. */
function codeStamp(): string {
  if (stamp === undefined) {
    stamp = 'src';
    try {
      const file = fileURLToPath(import.meta.url);
      if (file.includes(`${path.sep}dist${path.sep}`)) {
        const s = fs.statSync(file);
        stamp = `${path.basename(file)}:${s.size}:${s.mtimeMs}`;
      }
    } catch {
      // keep 'src'
    }
  }
  return stamp;
}

/** buildCorpus on loaded articles, with what it derives (term index, merged people and countries, the search
 *  vocabulary) taken from the cache when it was made for exactly these articles by this code, and stored there when
 *  it had to be built (first run, a changed folder, a damaged file). Failures to store only cost the next start. */
export function buildLoadedCorpus(loaded: Pick<LoadResult, 'articles' | 'derived'>): Corpus {
  const store = loaded.derived ?? null;
  if (!store) return buildCorpus(loaded.articles);
  return buildCorpus(loaded.articles, {
    fingerprint: store.fingerprint,
    derived: (fingerprint) => {
      const s = store.withFingerprint(fingerprint);
      return {fingerprint, read: (kind) => s.read(kind), write: (kind, bytes) => void s.write(kind, bytes)};
    },
  });
}
