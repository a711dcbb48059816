// Reading state at the corpus size (issue 6, guarantee 6: load and save well under 100 ms at 100k
// articles). Measures the file store's load (read, parse, validate) and one save (lock, re-read,
// merge, serialise, atomic write with fsync), next to the naive way: the same state kept in `conf`,
// where one conf.set re-reads and rewrites the whole file.
import {join} from 'node:path';
import {statSync} from 'node:fs';
import Conf from 'conf';
import {openFileStore} from '../../src/cli/state/file-store.js';
import {emptyArticleState, type ArticleState} from '../../src/state/store.js';
import {collectGarbage, now, percentile} from '../measure.js';
import type {BenchFigure, BenchSection} from './types.js';

const RUNS = 5;
const TARGET_MS = 100;

/** A realistic mix: every article read, a tenth starred, a third with a scroll position. */
function syntheticState(count: number, t0: number): Map<string, ArticleState> {
  const articles = new Map<string, ArticleState>();
  for (let i = 0; i < count; i++) {
    const s = {...emptyArticleState(), read: true, readAt: t0 + i};
    if (i % 10 === 0) Object.assign(s, {starred: true, starredAt: t0 + i});
    if (i % 3 === 0) Object.assign(s, {position: i % 97, positionAt: t0 + i});
    articles.set(i.toString(16).padStart(16, '0'), s);
  }
  return articles;
}

function timed(fn: () => void): number {
  const start = now();
  fn();
  return now() - start;
}

export const stateSection: BenchSection = {
  name: 'state',
  appliesTo: (corpus) => corpus.synthetic,
  async run({corpus, scratch, log}) {
    const n = corpus.count;
    const dir = scratch();
    log(`state: ${n} articles`);
    // Write the initial file through the store itself.
    const seed = openFileStore({dir, stderr: null});
    seed.importState({articles: syntheticState(n, 1_700_000_000_000), global: {lastArticle: null, lastArticleAt: 0, lastQuery: '', lastQueryAt: 0, focusedPane: 'list', focusedPaneAt: 0}});
    const bytes = statSync(join(dir, 'state.json')).size;

    const loads: number[] = [];
    const saves: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      collectGarbage();
      let store = seed;
      loads.push(timed(() => (store = openFileStore({dir, stderr: null}))));
      if (store.data.articles.size !== n) throw new Error(`state: loaded ${store.data.articles.size} of ${n} articles`);
      store.setPosition('0000000000000000', r + 1);
      collectGarbage();
      saves.push(timed(() => store.flushSync()));
      store.close();
    }

    // Naive: the same entries in conf, one conf.set for one change.
    const confDir = scratch();
    const record: Record<string, ArticleState> = {};
    for (const [id, s] of syntheticState(n, 1_700_000_000_000)) record[id] = s;
    const conf = new Conf<Record<string, unknown>>({cwd: confDir, configName: 'state', accessPropertiesByDotNotation: false});
    conf.store = {articles: record};
    const naiveLoads: number[] = [];
    const naiveSaves: number[] = [];
    for (let r = 0; r < Math.min(RUNS, 3); r++) {
      collectGarbage();
      naiveLoads.push(timed(() => new Conf<Record<string, unknown>>({cwd: confDir, configName: 'state', accessPropertiesByDotNotation: false}).get('articles')));
      collectGarbage();
      naiveSaves.push(
        timed(() => {
          const articles = conf.get('articles') as Record<string, ArticleState>;
          articles['0000000000000000'] = {...articles['0000000000000000']!, position: r + 1};
          conf.set('articles', articles);
        }),
      );
    }

    const figures: BenchFigure[] = [
      {metric: 'state.load.p50', value: percentile(loads, 50), unit: 'ms', baseline: percentile(naiveLoads, 50), target: TARGET_MS, note: `${n} articles, read+parse+validate; baseline: conf load`},
      {metric: 'state.save.p50', value: percentile(saves, 50), unit: 'ms', baseline: percentile(naiveSaves, 50), target: TARGET_MS, note: 'one change: lock, re-read, merge, write, fsync; baseline: one conf.set'},
      {metric: 'state.file', value: bytes / 1e6, unit: 'MB', baseline: statSync(join(confDir, 'state.json')).size / 1e6},
    ];
    return figures;
  },
};
