// Search latency per keystroke (the query typed one character at a time) for a short name, a typo of
// it and a filtered query, next to the naive fuse.js over every article in the same run.
import {createSearchEngine, naiveSearch} from '../../src/search/index.js';
import type {Corpus, CorpusPerson} from '../../src/corpus/types.js';
import type {SearchEngine} from '../../src/search/types.js';
import {collectGarbage, now, percentile} from '../measure.js';
import type {BenchFigure, BenchSection} from './types.js';

/** Time the naive engine may take per query kind before its remaining keystrokes are skipped. */
const NAIVE_BUDGET_MS = 15_000;

/** A well-covered leader of the corpus, so the queries have many hits (the hard case). */
function subject(corpus: Corpus): CorpusPerson {
  const leaders = corpus.people.filter((p) => p.leader && p.country);
  return [...leaders].sort((a, b) => b.articles.length - a.articles.length)[0] ?? corpus.people[0]!;
}

/** One character dropped and two swapped, like a hurried typist: `kishida` -> `kihsda`. */
function typo(word: string): string {
  if (word.length < 5) return word.slice(0, -1);
  const w = word.slice(0, 3) + word.slice(4);
  return w.slice(0, 1) + w[2] + w[1] + w.slice(3);
}

function keystrokes(engine: SearchEngine, query: string, budgetMs: number): {samples: number[]; skipped: number} {
  const samples: number[] = [];
  const start = now();
  for (let i = 1; i <= query.length; i++) {
    if (now() - start > budgetMs) return {samples, skipped: query.length - i + 1};
    const t = now();
    engine.search(query.slice(0, i), {limit: 50});
    samples.push(now() - t);
  }
  return {samples, skipped: 0};
}

export const searchSection: BenchSection = {
  name: 'search',
  async run({corpus: info, built, log}) {
    const corpus = await built();
    collectGarbage();
    let t = now();
    const engine = createSearchEngine(corpus);
    engine.search('warm up', {limit: 50});
    const buildMs = now() - t;
    t = now();
    const naive = naiveSearch(corpus);
    naive.search('warm up', {limit: 50});
    const naiveBuildMs = now() - t;
    const person = subject(corpus);
    const last = person.name.split(' ').at(-1)!.toLowerCase();
    const country = corpus.countries.find((c) => c.code === person.country)?.name ?? person.country ?? '';
    const queries = {short: last, typo: typo(last), filtered: `leader:${last} country:${country.toLowerCase().replace(/\s+/g, '-')} talks`};
    const target = info.count === 10_000 ? 16 : info.count === 100_000 ? 50 : null;
    const figures: BenchFigure[] = [
      {metric: 'search.index_build', value: buildMs, unit: 'ms', baseline: naiveBuildMs, note: 'engine construction + first query'},
    ];
    for (const [kind, query] of Object.entries(queries)) {
      const full = engine.search(query, {limit: 1});
      if (!full.ok) log(`search: warning: '${query}' is not a valid query`);
      const hits = full.ok ? full.total : 0;
      const ours: number[] = [];
      for (let round = 0; round < 3; round++) ours.push(...keystrokes(engine, query, Infinity).samples);
      log(`search: ${kind} '${query}' naive`);
      // The naive engine ignores filters: it gets the query as free text, which is what a plain fuse.js search does.
      const base = keystrokes(naive, query, NAIVE_BUDGET_MS);
      const note = `'${query}' (${hits} hits)${base.skipped ? `; naive sampled on ${base.samples.length} of ${query.length} keystrokes` : ''}`;
      figures.push(
        {metric: `search.${kind}.p50`, value: percentile(ours, 50), unit: 'ms', baseline: percentile(base.samples, 50), note},
        {metric: `search.${kind}.p95`, value: percentile(ours, 95), unit: 'ms', baseline: percentile(base.samples, 95), target, note},
      );
    }
    return figures;
  },
};
