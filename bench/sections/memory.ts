// Peak memory (RSS) of a start, measured in a child process so that nothing else in the bench counts:
// the app (warm load from the cache, corpus, search engine, a search, related articles) next to the
// naive way (sequential parse without cache, fuse.js over every article, a search).
import {spawnSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import fs from 'node:fs';
import os from 'node:os';
import {buildLoadedCorpus, loadArticles} from '../../src/cli/load.js';
import {buildCorpus} from '../../src/corpus/index.js';
import {analyzeBytes} from '../../src/corpus/analyze.js';
import {collectFiles} from '../../src/cli/files.js';
import {createSearchEngine, naiveSearch} from '../../src/search/index.js';
import {isParseError, type Article} from '../../src/types.js';
import type {Corpus} from '../../src/corpus/types.js';
import {now} from '../measure.js';
import {BENCH_CACHE_VERSION, type BenchSection} from './types.js';

/** Above this many files the naive child (a sequential parse) is not run: it would take minutes. */
const NAIVE_MAX = 20_000;

interface ChildReport {
  peakMb: number;
  /** V8 heap in use at the end (after a GC when exposed): what the structures themselves hold. */
  heapMb: number;
  ms: number;
}

/** The child's side: `dist/bench.js --child app|naive DIR CACHE`. Prints one JSON line. */
export async function memoryChild(mode: string, dir: string, cacheDir: string): Promise<void> {
  const start = now();
  let articles: readonly Article[];
  let corpus: Corpus;
  if (mode === 'app') {
    // As the app starts: the corpus with its term index from the cache.
    const loaded = await loadArticles([dir], {cacheDir, cacheVersion: BENCH_CACHE_VERSION});
    articles = loaded.articles;
    corpus = buildLoadedCorpus(loaded);
  } else {
    const list: Article[] = [];
    for (const file of collectFiles([dir]).files) {
      const r = analyzeBytes(fs.readFileSync(file), {source: file});
      if (!isParseError(r)) list.push(r);
    }
    articles = list;
    corpus = buildCorpus(articles);
  }
  const engine = mode === 'app' ? createSearchEngine(corpus) : naiveSearch(corpus);
  engine.search(corpus.people[0]?.name ?? 'president', {limit: 50});
  if (mode === 'app' && corpus.articles[0]) corpus.related(corpus.articles[0].id);
  const ms = now() - start;
  (globalThis as {gc?: () => void}).gc?.();
  const report: ChildReport = {peakMb: process.resourceUsage().maxRSS / 1024, heapMb: process.memoryUsage().heapUsed / 1048576, ms};
  process.stdout.write(JSON.stringify(report) + '\n');
}

function child(mode: string, dir: string, cacheDir: string): ChildReport | string {
  const bench = fileURLToPath(new URL(import.meta.url));
  const r = spawnSync(process.execPath, ['--expose-gc', bench, '--child', mode, dir, cacheDir], {encoding: 'utf8', maxBuffer: 1 << 20});
  if (r.status !== 0) return `child ${mode} failed: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`;
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as ChildReport;
}

export const memorySection: BenchSection = {
  name: 'memory',
  async run({corpus, articles, cacheDir, log}) {
    await articles(); // warms the shared cache the app child starts from
    log('memory: app child (warm start, corpus, engine, search, related)');
    const app = child('app', corpus.dir, cacheDir!);
    if (typeof app === 'string') throw new Error(app);
    let naive: ChildReport | string | null = null;
    if (corpus.count <= NAIVE_MAX) {
      log('memory: naive child (sequential parse, fuse.js over every article)');
      naive = child('naive', corpus.dir, cacheDir!);
      if (typeof naive === 'string') log(`memory: ${naive}`), (naive = null);
    }
    return [
      {metric: 'memory.peak_rss', value: app.peakMb, unit: 'MB', baseline: naive?.peakMb ?? null, target: corpus.count === 100_000 ? 1024 : null,
        note: `${naive ? 'separate processes' : `naive not run above ${NAIVE_MAX} files (sequential parse takes minutes)`}; warm start with corpus, search engine, a search and related built; load avg ${os.loadavg()[0]!.toFixed(1)}`},
      {metric: 'memory.heap_after', value: app.heapMb, unit: 'MB', baseline: naive?.heapMb ?? null, note: 'V8 heap held after the start (after a GC)'},
      {metric: 'start.warm_to_first_search', value: app.ms, unit: 'ms', baseline: naive?.ms ?? null, note: 'load + corpus + engine + search + related, cache hit'},
    ];
  },
};
