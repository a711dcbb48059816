// Parse throughput and load times: cold (workers, writing the cache), warm (cache hit) split into reading the
// cache, building the corpus and building the search engine, each next to the naive load (read and parse every
// file in turn on one thread, no cache). Wall times carry the machine's load average; CPU times do not depend on it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {loadArticles} from '../../src/cli/load.js';
import {hasReadBody} from '../../src/cli/cache-record.js';
import {buildLoadedCorpus} from '../../src/cli/load.js';
import {createSearchEngine} from '../../src/search/index.js';
import {collectFiles} from '../../src/cli/files.js';
import {analyzeBytes} from '../../src/corpus/analyze.js';
import {collectGarbage, now} from '../measure.js';
import {BENCH_CACHE_VERSION, benchCacheDir, type BenchFigure, type BenchSection} from './types.js';

/** Above this many files the naive sequential parse is timed on a sample and scaled. */
const NAIVE_SAMPLE = 5_000;
/** Files the single-thread parse rate is measured on (spread over the corpus). */
const PARSE_SAMPLE = 3_000;

/** Reads and parses files one by one on this thread: the naive load, and the single-thread parse rate. */
function sequential(files: readonly string[]): {ms: number; parseMs: number; cpuMs: number; bytes: number; articles: number} {
  const start = now();
  const cpu = process.cpuUsage();
  let parseMs = 0;
  let bytes = 0;
  let articles = 0;
  for (const file of files) {
    const data = fs.readFileSync(file);
    bytes += data.length;
    const t = now();
    const result = analyzeBytes(data, {source: file});
    parseMs += now() - t;
    if (!('kind' in result)) articles++;
  }
  const used = process.cpuUsage(cpu);
  return {ms: now() - start, parseMs, cpuMs: (used.user + used.system) / 1000, bytes, articles};
}

export const parseSection: BenchSection = {
  name: 'parse',
  appliesTo: () => true,
  async run({corpus, log}) {
    const {files} = collectFiles([corpus.dir]);
    const sample = files.length > PARSE_SAMPLE ? files.filter((_, i) => i % Math.ceil(files.length / PARSE_SAMPLE) === 0) : files;
    log(`parse: ${sample.length} files on one thread`);
    collectGarbage();
    const s = sequential(sample);
    const note = sample.length < files.length ? `single thread, sampled ${sample.length} of ${files.length} files` : 'single thread';
    return [
      {metric: 'parse.articles_per_s', value: (sample.length / s.parseMs) * 1000, unit: 'articles/s', higherIsBetter: true, note},
      {metric: 'parse.mb_per_s', value: s.bytes / 1048576 / (s.parseMs / 1000), unit: 'MB/s', higherIsBetter: true, note},
      {metric: 'parse.ms_per_article', value: s.parseMs / sample.length, unit: 'ms', note: `${note}; wall clock, load avg ${os.loadavg()[0]!.toFixed(1)}`},
      {metric: 'parse.cpu_ms_per_article', value: s.cpuMs / sample.length, unit: 'ms', note: `${note}; CPU time (read + parse + GC), whatever the machine's load`},
    ];
  },
};

/** Files the cold load of a corpus with a kept cache (100k) is timed on, spread over it, then scaled. */
const COLD_SAMPLE = 4_000;

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Wall and CPU time of a step (CPU: this process, all threads; the machine's other work does not count). */
async function timed<T>(fn: () => T | Promise<T>): Promise<{value: T; ms: number; cpu: number}> {
  collectGarbage();
  const c = cpuMs();
  const t = now();
  const value = await fn();
  return {value, ms: now() - t, cpu: cpuMs() - c};
}

const loadNote = (): string => `load avg ${os.loadavg()[0]!.toFixed(1)}`;

/** Appends a paragraph to a file, runs fn, and puts the file back as it was, mtime included (so later loads hit). */
async function withEdited<T>(file: string, fn: () => Promise<T>): Promise<T> {
  const before = fs.readFileSync(file);
  const stat = fs.statSync(file);
  fs.appendFileSync(file, '\n\nAn added paragraph for the bench.\n');
  try {
    return await fn();
  } finally {
    fs.writeFileSync(file, before);
    fs.utimesSync(file, stat.atime, stat.mtime);
  }
}

export const loadSection: BenchSection = {
  name: 'load',
  async run({corpus, cacheDir: shared, articles, scratch, log}) {
    const {files} = collectFiles([corpus.dir]);
    const sample = files.length > NAIVE_SAMPLE ? files.slice(0, NAIVE_SAMPLE) : files;
    log(`load: naive sequential parse of ${sample.length} files`);
    collectGarbage();
    const naive = sequential(sample);
    const naiveMs = (naive.ms * files.length) / sample.length;
    const naiveNote = sample.length < files.length ? `baseline timed on ${sample.length} of ${files.length} files and scaled` : undefined;

    // Cold: every file into an empty cache; for a corpus whose cache is kept (100k), a sample spread over it, scaled.
    const kept = benchCacheDir(corpus);
    const coldFiles = kept ? files.filter((_, i) => i % Math.ceil(files.length / COLD_SAMPLE) === 0) : null;
    // The shared cache when it is still empty (this section runs first), so later sections start warm.
    const coldCache = !kept && shared && !fs.existsSync(shared) ? shared : scratch();
    log(`load: cold load of ${coldFiles ? `${coldFiles.length} of ${files.length}` : files.length} files (workers, writing the cache)`);
    // Only its figures are kept: its articles, left alive, would be traced by every collection of the warm start timed below.
    const cold = await timed(async () => {
      const loaded = await loadArticles(coldFiles ?? [corpus.dir], {cacheDir: coldCache, cacheVersion: BENCH_CACHE_VERSION});
      return {workers: loaded.stats.workers, loaded: coldFiles ? null : loaded};
    });
    // The app's first session then builds its corpus and search, which stores what they derive (term index, merged
    // people, search vocabulary) for the next start. Timed too: what the app's first start costs in all, so that work
    // moved out of the load (articles whose people and quotes are read back from the cache when first used) shows.
    const firstBuild = cold.value.loaded ? await timed(() => createSearchEngine(buildLoadedCorpus(cold.value.loaded!)).search('warm up', {limit: 50})) : null;
    cold.value.loaded = null;
    const coldMs = (cold.ms * files.length) / (coldFiles ?? files).length;
    const coldNote = coldFiles ? `timed on ${coldFiles.length} files spread over the corpus and scaled to ${files.length}` : 'all files';

    // Warm: the whole corpus from a full cache (the kept one is built here on its first run, which takes long).
    const warmCache = kept ? shared! : coldCache;
    // A kept cache is filled by the sections' own load on its first run; after that the warm start is timed first, in a
    // process that holds no other corpus (one more live corpus of 100k articles doubles the collector's work).
    if (kept && !fs.existsSync(path.join(warmCache, 'manifest.json'))) {
      log(`load: warming the kept cache ${warmCache} (first run: a full cold parse, many minutes)`);
      await articles();
    }
    log(`load: warm load from the cache, then the corpus and the search engine built from it`);
    const warmLoad = () => timed(() => loadArticles([corpus.dir], {cacheDir: warmCache, cacheVersion: BENCH_CACHE_VERSION}));
    let warm = await warmLoad();
    if (warm.value.stats.parsed > files.length / 2) {
      // The kept cache was of another format or version: that load refilled it. Time the warm start again, after a
      // first session stored what its corpus and search derive.
      log(`load: the kept cache was refilled (${warm.value.stats.parsed} parsed); timing the warm start again`);
      createSearchEngine(buildLoadedCorpus(warm.value));
      warm = await warmLoad();
    }
    const load = loadNote();
    if (warm.value.stats.parsed) log(`load: warning: warm load parsed ${warm.value.stats.parsed} files`);
    const stored = ['terms', 'corpus', 'vocabulary'].filter((kind) => warm.value.derived?.exists(kind));
    const built = await timed(() => buildLoadedCorpus(warm.value));
    const engine = await timed(() => createSearchEngine(built.value).search('warm up', {limit: 50}));
    const bodiesRead = warm.value.articles.filter(hasReadBody).length;
    const total = warm.ms + built.ms + engine.ms;

    // One edited file: re-parsed alone.
    const edited = files[Math.floor(files.length / 2)]!;
    const one = await withEdited(edited, () => loadArticles([corpus.dir], {cacheDir: warmCache, cacheVersion: BENCH_CACHE_VERSION}));
    const cacheMb = fs.readdirSync(warmCache).reduce((n, f) => n + fs.statSync(path.join(warmCache, f)).size, 0) / 1048576;
    const target = (k10: number, k100: number): number | null => (corpus.count === 10_000 ? k10 : corpus.count === 100_000 ? k100 : null);
    const figures: BenchFigure[] = [
      {metric: 'load.cold', value: coldMs, unit: 'ms', baseline: naiveMs, target: corpus.count === 10_000 ? 5000 : null,
        note: `${cold.value.workers} workers + cache write, ${coldNote}; ${Math.round(cold.cpu)} ms CPU${naiveNote ? `; ${naiveNote}` : ''}; ${load}`},
      ...(firstBuild ? [{metric: 'start.cold_total', value: cold.ms + firstBuild.ms, unit: 'ms', baseline: naiveMs,
        note: `the first start: cold load + build corpus + build search (and store what they derive); ${Math.round(cold.cpu + firstBuild.cpu)} ms CPU; ${load}`}] : []),
      {metric: 'load.warm', value: warm.ms, unit: 'ms', baseline: naiveMs, target: target(300, 2000),
        note: `read the cache: ${warm.value.stats.fromCache} from cache, ${warm.value.stats.parsed} parsed; ${load}`},
      {metric: 'load.warm_cpu', value: warm.cpu, unit: 'ms', note: 'CPU time of the warm load (all threads): what it costs on an idle machine'},
      {metric: 'start.corpus_build', value: built.ms, unit: 'ms', note: `buildCorpus on the warm articles; ${Math.round(built.cpu)} ms CPU`},
      {metric: 'start.search_build', value: engine.ms, unit: 'ms', note: `createSearchEngine + first query; ${Math.round(engine.cpu)} ms CPU; from the cache: ${stored.join(', ') || 'nothing (built and stored)'}`},
      {metric: 'start.warm_total', value: total, unit: 'ms', baseline: naiveMs, target: target(300, 2000),
        note: `read cache + build corpus + build search; ${Math.round(warm.cpu + built.cpu + engine.cpu)} ms CPU; ${bodiesRead} bodies read; ${load}`},
      {metric: 'load.one_edited', value: one.stats.ms, unit: 'ms', baseline: naiveMs, note: `${one.stats.parsed} parsed, ${one.stats.fromCache} from cache`},
      {metric: 'load.cold_articles_per_s', value: ((coldFiles ?? files).length / cold.ms) * 1000, unit: 'articles/s', higherIsBetter: true,
        baseline: (naive.articles / naive.ms) * 1000, note: coldNote},
      {metric: 'cache.size', value: cacheMb, unit: 'MB', note: `${(corpus.bytes / 1048576).toFixed(0)} MB of articles`},
    ];
    return figures;
  },
};
