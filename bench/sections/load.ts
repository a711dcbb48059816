// Parse throughput and load times: cold (workers, writing the cache), warm (cache hit), each next to the
// naive load (read and parse every file in turn on one thread, no cache).
import fs from 'node:fs';
import {loadArticles} from '../../src/cli/load.js';
import {collectFiles} from '../../src/cli/files.js';
import {analyzeBytes} from '../../src/corpus/analyze.js';
import {collectGarbage, now} from '../measure.js';
import {BENCH_CACHE_VERSION, type BenchFigure, type BenchSection} from './types.js';

/** Above this many files the naive sequential parse is timed on a sample and scaled. */
const NAIVE_SAMPLE = 5_000;
/** Files the single-thread parse rate is measured on (spread over the corpus). */
const PARSE_SAMPLE = 3_000;

/** Reads and parses files one by one on this thread: the naive load, and the single-thread parse rate. */
function sequential(files: readonly string[]): {ms: number; parseMs: number; bytes: number; articles: number} {
  const start = now();
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
  return {ms: now() - start, parseMs, bytes, articles};
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
      {metric: 'parse.ms_per_article', value: s.parseMs / sample.length, unit: 'ms', note},
    ];
  },
};

export const loadSection: BenchSection = {
  name: 'load',
  async run({corpus, cacheDir: shared, scratch, log}) {
    const {files} = collectFiles([corpus.dir]);
    const sample = files.length > NAIVE_SAMPLE ? files.slice(0, NAIVE_SAMPLE) : files;
    log(`load: naive sequential parse of ${sample.length} files`);
    collectGarbage();
    const naive = sequential(sample);
    const naiveMs = (naive.ms * files.length) / sample.length;
    const naiveNote = sample.length < files.length ? `baseline timed on ${sample.length} of ${files.length} files and scaled` : undefined;

    // The shared cache when it is still empty (this section runs first), so later sections start warm.
    const cacheDir = shared && !fs.existsSync(shared) ? shared : scratch();
    log(`load: cold load of ${files.length} files (workers, writing the cache)`);
    collectGarbage();
    const cold = await loadArticles([corpus.dir], {cacheDir, cacheVersion: BENCH_CACHE_VERSION});
    log(`load: warm load from the cache`);
    collectGarbage();
    const warm = await loadArticles([corpus.dir], {cacheDir, cacheVersion: BENCH_CACHE_VERSION});
    if (warm.stats.fromCache !== cold.articles.length + cold.failures.length) log(`load: warning: warm load parsed ${warm.stats.parsed} files`);
    // One edited file: re-parsed alone.
    const edited = files[Math.floor(files.length / 2)]!;
    fs.appendFileSync(edited, '\n\nAn added paragraph for the bench.\n');
    collectGarbage();
    const one = await loadArticles([corpus.dir], {cacheDir, cacheVersion: BENCH_CACHE_VERSION});
    fs.writeFileSync(edited, fs.readFileSync(edited, 'utf8').replace('\n\nAn added paragraph for the bench.\n', ''));
    const cacheMb = fs.readdirSync(cacheDir).reduce((n, f) => n + fs.statSync(`${cacheDir}/${f}`).size, 0) / 1048576;
    const target = (k10: number, k100: number): number | null => (corpus.count === 10_000 ? k10 : corpus.count === 100_000 ? k100 : null);
    const figures: BenchFigure[] = [
      {metric: 'load.cold', value: cold.stats.ms, unit: 'ms', baseline: naiveMs, target: corpus.count === 10_000 ? 5000 : null,
        note: `${cold.stats.workers} workers + cache write${naiveNote ? `; ${naiveNote}` : ''}`},
      {metric: 'load.warm', value: warm.stats.ms, unit: 'ms', baseline: naiveMs, target: target(300, 2000), note: `${warm.stats.fromCache} from cache, ${warm.stats.parsed} parsed`},
      {metric: 'load.one_edited', value: one.stats.ms, unit: 'ms', baseline: naiveMs, note: `${one.stats.parsed} parsed, ${one.stats.fromCache} from cache`},
      {metric: 'load.cold_articles_per_s', value: (cold.articles.length / cold.stats.ms) * 1000, unit: 'articles/s', higherIsBetter: true,
        baseline: (naive.articles / naive.ms) * 1000},
      {metric: 'cache.size', value: cacheMb, unit: 'MB', note: `${(corpus.bytes / 1048576).toFixed(0)} MB of articles`},
    ];
    return figures;
  },
};
