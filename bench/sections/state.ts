// Reading state at the corpus size (issue 6, guarantee 6: load and save well under 100 ms at 100k
// articles). Two states per size:
//   worst:   every article touched (all read, a tenth starred, a third with a scroll position,
//            one in fifty with a picked leader), times spread over a year: the largest file a
//            reader of that many articles can have;
//   typical: a tenth of the articles touched (most of a large corpus is never opened).
// Load = open the store (read, parse, validate, index) and look one article up. Save = changes
// written by flushSync: lock, serialise, atomic write with fsync, all synchronous, so this is
// also how long a save blocks the TUI (once per debounce, never per key). The first save after
// opening encodes every column; later ones re-encode only the chunks that changed. Merge save =
// a save after another process wrote the file (re-read, merge, write). Wall times are next to CPU times, since the bench machine is often
// shared. The baseline is the naive way: the same state kept in `conf`, where one conf.set
// re-reads and rewrites the whole file.
import {dirname, join} from 'node:path';
import {existsSync, statSync} from 'node:fs';
import {execFileSync} from 'node:child_process';
import Conf from 'conf';
import {openFileStore, type FileReadingStore} from '../../src/cli/state/file-store.js';
import {emptyGlobal, stateOf, type StateData} from '../../src/state/schema.js';
import {emptyArticleState, type ArticleState} from '../../src/state/store.js';
import {collectGarbage, now, percentile} from '../measure.js';
import type {BenchFigure, BenchSection} from './types.js';

const RUNS = 5;
const TARGET_MS = 100;
const YEAR_MS = 365 * 24 * 3600 * 1000;

/** Park-Miller: deterministic, so two runs measure the same state. */
function rng(seed: number): () => number {
  let x = (seed % 2147483646) + 1;
  return () => (x = (x * 48271) % 2147483647) / 2147483647;
}

const idOf = (i: number): string => (i * 2654435761 % 2 ** 32).toString(16).padStart(8, '0') + i.toString(16).padStart(8, '0');

/** `touched` articles out of `count`, first touched in order over a year, some changed again later. */
function syntheticState(count: number, touched: number, t0: number): StateData {
  const rand = rng(count + touched);
  const entries: Array<[string, ArticleState]> = [];
  const step = YEAR_MS / touched;
  for (let k = 0; k < touched; k++) {
    const i = Math.floor((k * count) / touched);
    const t = Math.floor(t0 + k * step + rand() * step);
    const later = (): number => t + Math.floor(rand() * (rand() < 0.1 ? YEAR_MS / 4 : 60_000));
    const s: ArticleState = {...emptyArticleState(), read: true, readAt: later()};
    if (rand() < 0.1) Object.assign(s, {starred: true, starredAt: later()});
    if (rand() < 0.33) Object.assign(s, {position: Math.floor(rand() * 200), positionAt: later()});
    if (rand() < 0.02) Object.assign(s, {leader: `person-${Math.floor(rand() * 3000)}`, leaderAt: later()});
    entries.push([idOf(i), s]);
  }
  return stateOf(entries, {...emptyGlobal(), lastArticle: entries[0]?.[0] ?? null, lastArticleAt: t0, lastQuery: 'kishida', lastQueryAt: t0});
}

interface Timing {
  wall: number;
  cpu: number;
}

function timed(fn: () => void): Timing {
  const cpu0 = process.cpuUsage();
  const start = now();
  fn();
  const wall = now() - start;
  const cpu = process.cpuUsage(cpu0);
  return {wall, cpu: (cpu.user + cpu.system) / 1000};
}

const p50 = (xs: Timing[], key: keyof Timing): number => percentile(xs.map((x) => x[key]), 50);

interface Measured {
  bytes: number;
  loads: Timing[];
  firstSaves: Timing[];
  saves: Timing[];
  mergeSaves: Timing[];
}

function measure(dir: string, state: StateData, probe: string): Measured {
  const seed = openFileStore({dir, stderr: null});
  seed.importState(state);
  seed.close();
  const bytes = statSync(join(dir, 'state.json')).size;
  const m: Measured = {bytes, loads: [], firstSaves: [], saves: [], mergeSaves: []};
  for (let r = 0; r < RUNS; r++) {
    collectGarbage();
    let store: FileReadingStore | undefined;
    m.loads.push(timed(() => void (store = openFileStore({dir, stderr: null})).get(probe)));
    if (store!.data.articles.size !== state.articles.size) throw new Error(`state: loaded ${store!.data.articles.size} of ${state.articles.size} articles`);
    const s = store!;
    // The first save after opening encodes every column; later ones only the chunks that changed.
    s.setPosition(probe, r + 1);
    collectGarbage();
    m.firstSaves.push(timed(() => s.flushSync()));
    s.setPosition(probe, r + 100);
    s.setRead(state.articles.idAt(0), r % 2 === 0);
    collectGarbage();
    m.saves.push(timed(() => s.flushSync()));
    // Another process writes; our next save must re-read and merge.
    const other = openFileStore({dir, stderr: null});
    other.setStarred(probe, r % 2 === 0);
    other.flushSync();
    other.close();
    s.setRead(probe, r % 2 === 0);
    collectGarbage();
    m.mergeSaves.push(timed(() => s.flushSync()));
    s.close();
  }
  return m;
}

/**
 * Loads in a fresh process each time, as the app does (no code warmed up yet), through the bundled
 * state child next to the bench bundle; null when it is missing.
 */
function coldLoads(dir: string, probe: string, size: number): Timing[] | null {
  const child = join(dirname(process.argv[1] ?? ''), 'state-child.js');
  if (!existsSync(child)) return null;
  const out: Timing[] = [];
  for (let r = 0; r < RUNS; r++) {
    const line = execFileSync(process.execPath, [child, 'time-load', dir, probe], {encoding: 'utf8'}).trim();
    const t = JSON.parse(line) as Timing & {size: number; found: boolean};
    if (t.size !== size || !t.found) throw new Error(`state: a cold load saw ${t.size} of ${size} articles`);
    out.push(t);
  }
  return out;
}

export const stateSection: BenchSection = {
  name: 'state',
  appliesTo: (corpus) => corpus.synthetic,
  async run({corpus, scratch, log}) {
    const n = corpus.count;
    const t0 = 1_700_000_000_000;
    log(`state: ${n} articles, worst case (all touched) and typical (a tenth touched)`);
    const worstState = syntheticState(n, n, t0);
    const probe = worstState.articles.idAt(Math.floor(n / 2));
    const worstDir = scratch();
    const worst = measure(worstDir, worstState, probe);
    const cold = coldLoads(worstDir, probe, worstState.articles.size);
    if (!cold) log('state: dist/state-child.js missing: cold loads not measured');
    const typicalState = syntheticState(n, Math.max(1, Math.floor(n / 10)), t0);
    const typical = measure(scratch(), typicalState, typicalState.articles.idAt(0));

    // Naive: the worst-case entries in conf, one conf.set for one change.
    const confDir = scratch();
    const record: Record<string, ArticleState> = {};
    for (const [id, s] of worstState.articles) record[id] = s;
    const conf = new Conf<Record<string, unknown>>({cwd: confDir, configName: 'state', accessPropertiesByDotNotation: false});
    conf.store = {articles: record};
    const naiveLoads: number[] = [];
    const naiveSaves: number[] = [];
    for (let r = 0; r < Math.min(RUNS, 3); r++) {
      collectGarbage();
      naiveLoads.push(timed(() => new Conf<Record<string, unknown>>({cwd: confDir, configName: 'state', accessPropertiesByDotNotation: false}).get('articles')).wall);
      collectGarbage();
      naiveSaves.push(
        timed(() => {
          const articles = conf.get('articles') as Record<string, ArticleState>;
          articles[probe] = {...articles[probe]!, position: r + 1};
          conf.set('articles', articles);
        }).wall,
      );
    }

    const cpu = (m: Measured, key: 'loads' | 'firstSaves' | 'saves' | 'mergeSaves'): string => `cpu ${Math.round(p50(m[key], 'cpu'))} ms`;
    const figures: BenchFigure[] = [
      {metric: 'state.load.p50', value: p50(worst.loads, 'wall'), unit: 'ms', baseline: percentile(naiveLoads, 50), target: TARGET_MS, note: `all ${n} touched: read+parse+validate+index+get; ${cpu(worst, 'loads')}; baseline: conf load`},
      ...(cold ? [{metric: 'state.load.cold.p50', value: p50(cold, 'wall'), unit: 'ms', target: TARGET_MS, note: `all touched, in a fresh process as the app loads (code not yet optimised); cpu ${Math.round(p50(cold, 'cpu'))} ms`}] : []),
      {metric: 'state.save.first.p50', value: p50(worst.firstSaves, 'wall'), unit: 'ms', baseline: percentile(naiveSaves, 50), target: TARGET_MS, note: `all touched, first save after open (encodes every column): lock+serialise+write+fsync, synchronous; ${cpu(worst, 'firstSaves')}; baseline: one conf.set`},
      {metric: 'state.save.p50', value: p50(worst.saves, 'wall'), unit: 'ms', baseline: percentile(naiveSaves, 50), target: TARGET_MS, note: `all touched, a later save (re-encodes changed chunks only), synchronous; ${cpu(worst, 'saves')}; baseline: one conf.set`},
      {metric: 'state.save.merge.p50', value: p50(worst.mergeSaves, 'wall'), unit: 'ms', target: TARGET_MS, note: `all touched, after another process wrote: + re-read and merge; ${cpu(worst, 'mergeSaves')}`},
      {metric: 'state.file', value: worst.bytes / 1e6, unit: 'MB', baseline: statSync(join(confDir, 'state.json')).size / 1e6, note: 'all touched'},
      {metric: 'state.load.typical.p50', value: p50(typical.loads, 'wall'), unit: 'ms', target: TARGET_MS, note: `${typicalState.articles.size} of ${n} touched; ${cpu(typical, 'loads')}`},
      {metric: 'state.save.typical.p50', value: p50(typical.firstSaves, 'wall'), unit: 'ms', target: TARGET_MS, note: `${typicalState.articles.size} of ${n} touched, first save after open; ${cpu(typical, 'firstSaves')}`},
      {metric: 'state.file.typical', value: typical.bytes / 1e6, unit: 'MB'},
    ];
    return figures;
  },
};
