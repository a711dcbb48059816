// Related articles: the first call (builds the text index) and one article's answer, next to a naive
// scan that scores every other article by shared people, countries and headline words.
import type {Article} from '../../src/types.js';
import type {Corpus} from '../../src/corpus/types.js';
import {buildTimes} from '../corpus.js';
import {now, percentile} from '../measure.js';
import type {BenchSection} from './types.js';

const SAMPLE = 40;

function naiveRelated(articles: readonly Article[], target: Article): string[] {
  const people = new Set(target.people.map((p) => p.name));
  const countries = new Set(target.countries.map((c) => c.code));
  const words = new Set(target.headline.toLowerCase().split(/\W+/).filter((w) => w.length > 3));
  const scored: Array<[number, string]> = [];
  for (const a of articles) {
    if (a.id === target.id) continue;
    let s = 0;
    for (const p of a.people) if (people.has(p.name)) s += 2;
    for (const c of a.countries) if (countries.has(c.code)) s += 1;
    for (const w of a.headline.toLowerCase().split(/\W+/)) if (words.has(w)) s += 0.5;
    if (s > 0) scored.push([s, a.id]);
  }
  return scored.sort((x, y) => y[0] - x[0]).slice(0, 5).map((x) => x[1]);
}

export const relatedSection: BenchSection = {
  name: 'related',
  async run({corpus: info, built}) {
    const corpus: Corpus = await built();
    const n = corpus.articles.length;
    const picks = Array.from({length: Math.min(SAMPLE, n)}, (_, i) => corpus.articles[Math.floor((i * n) / SAMPLE)]!);
    let t = now();
    corpus.related(picks[0]!.id);
    const first = now() - t;
    const ours: number[] = [];
    for (const a of picks.slice(1)) {
      t = now();
      corpus.related(a.id);
      ours.push(now() - t);
    }
    const naive: number[] = [];
    for (const a of picks.slice(1)) {
      t = now();
      naiveRelated(corpus.articles, a);
      naive.push(now() - t);
    }
    return [
      {metric: 'corpus.build', value: buildTimes.get(info.label) ?? NaN, unit: 'ms', note: 'buildCorpus: dedupe, people merged, indexes'},
      {metric: 'related.first', value: first, unit: 'ms', baseline: percentile(naive, 50), note: 'first call builds the text index'},
      {metric: 'related.p50', value: percentile(ours, 50), unit: 'ms', baseline: percentile(naive, 50), note: `${ours.length} articles`},
      {metric: 'related.p95', value: percentile(ours, 95), unit: 'ms', baseline: percentile(naive, 95), note: `${ours.length} articles`},
    ];
  },
};
