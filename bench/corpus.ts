// Building the Corpus once per size for the sections that need it, timed (it is part of every start).
import {buildCorpus} from '../src/corpus/index.js';
import type {Article} from '../src/types.js';
import type {Corpus} from '../src/corpus/types.js';
import {now} from './measure.js';

/** Build times by corpus label, reported by the related section. */
export const buildTimes = new Map<string, number>();

export async function buildCorpusForBench(articles: readonly Article[], log: (m: string) => void, label: string): Promise<Corpus> {
  const start = now();
  const corpus = buildCorpus(articles);
  const ms = now() - start;
  buildTimes.set(label, ms);
  log(`${label}: corpus built in ${Math.round(ms)} ms (${corpus.articles.length} articles, ${corpus.people.length} people)`);
  return corpus;
}
