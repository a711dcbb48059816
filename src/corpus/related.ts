// Related articles: shared people and countries (weighted by how rare they are in the corpus) plus text
// similarity (TF-IDF cosine over each article's most distinctive terms, through an inverted index, never
// all pairs). The text index is built on the first call; each article's answer is cached.
import type {Article} from '../types.js';
import {contentTerms, fold} from './text.js';
import type {RelatedArticle} from './types.js';

/** Terms kept per article for the text vector: its most distinctive ones. */
const SIGNATURE = 24;
/** The text vector reads the headline and the summary (the lead, where news says what it is about), or
 *  these first paragraphs when there is no summary; reading whole bodies costs seconds at 100k articles. */
const LEAD_PARAGRAPHS = 2;
/** The longest posting list a text term may have: it bounds the work of one related() call. */
const MAX_POSTINGS = 2000;
const PERSON_WEIGHT = 1.0;
/** Answers kept per article (callers ask for five by default). */
const KEEP = 20;
const COUNTRY_WEIGHT = 0.35;
const TEXT_WEIGHT = 3.0;

export interface RelatedInput {
  articles: readonly Article[];
  /** Per article index: corpus person ids and display names. */
  people: ReadonlyArray<ReadonlyArray<{id: string; label: string}>>;
  /** Per corpus person id: article indices. */
  personDocs: ReadonlyMap<string, readonly number[]>;
  countryDocs: ReadonlyMap<string, readonly number[]>;
  countryName: ReadonlyMap<string, string>;
}

interface TextIndex {
  /** Per article: term ids and L2-normalised weights of its signature. */
  terms: Int32Array[];
  weights: Float32Array[];
  /** Per term id: article indices and weights. */
  postDocs: Int32Array[];
  postWeights: Float32Array[];
  vocab: string[];
}

function buildTextIndex(articles: readonly Article[]): TextIndex {
  const ids = new Map<string, number>();
  const vocab: string[] = [];
  const df: number[] = [];
  const perDoc: Array<Map<number, number>> = [];
  for (const a of articles) {
    const tf = new Map<number, number>();
    const text = [a.headline, a.headline, ...(a.summary.length ? a.summary : a.paragraphs.slice(0, LEAD_PARAGRAPHS))].join(' ');
    for (const t of contentTerms(text)) {
      let id = ids.get(t);
      if (id === undefined) {
        id = vocab.length;
        ids.set(t, id);
        vocab.push(t);
        df.push(0);
      }
      tf.set(id, (tf.get(id) ?? 0) + 1);
    }
    for (const id of tf.keys()) df[id]!++;
    perDoc.push(tf);
  }
  const n = articles.length;
  const maxDf = Math.max(3, Math.min(n / 10, MAX_POSTINGS));
  const terms: Int32Array[] = [];
  const weights: Float32Array[] = [];
  const postLists: Array<Array<[number, number]>> = vocab.map(() => []);
  perDoc.forEach((tf, doc) => {
    const scored: Array<[number, number]> = [];
    for (const [id, count] of tf) {
      // A term in one article links nothing; a term in many says little and costs a long posting list.
      if (df[id]! < 2 || df[id]! > maxDf) continue;
      scored.push([id, (1 + Math.log(count)) * Math.log(n / df[id]!)]);
    }
    scored.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const top = scored.slice(0, SIGNATURE);
    const norm = Math.hypot(...top.map((t) => t[1])) || 1;
    terms.push(Int32Array.from(top.map((t) => t[0])));
    weights.push(Float32Array.from(top.map((t) => t[1] / norm)));
    for (const [id, w] of top) postLists[id]!.push([doc, w / norm]);
  });
  return {
    terms,
    weights,
    postDocs: postLists.map((l) => Int32Array.from(l.map((p) => p[0]))),
    postWeights: postLists.map((l) => Float32Array.from(l.map((p) => p[1]))),
    vocab,
  };
}

function sameStory(a: Article, b: Article): boolean {
  return fold(a.headline).trim() === fold(b.headline).trim();
}

export class RelatedFinder {
  private text: TextIndex | null = null;
  private readonly cache = new Map<number, RelatedArticle[]>();
  private readonly n: number;
  /** Accumulators reused across calls (zeroed after each). */
  private score: Float64Array | null = null;
  private cos: Float64Array | null = null;
  constructor(private readonly input: RelatedInput) {
    this.n = input.articles.length;
  }

  related(doc: number, limit: number): RelatedArticle[] {
    let all = this.cache.get(doc);
    if (!all) {
      all = this.compute(doc);
      this.cache.set(doc, all);
    }
    return all.slice(0, limit);
  }

  private compute(doc: number): RelatedArticle[] {
    const {articles, people, personDocs, countryDocs, countryName} = this.input;
    const text = (this.text ??= buildTextIndex(articles));
    const score = (this.score ??= new Float64Array(this.n));
    const cos = (this.cos ??= new Float64Array(this.n));
    const touched: number[] = [];
    const bump = (d: number, s: number) => {
      if (score[d] === 0) touched.push(d);
      score[d]! += s;
    };
    const idf = (df: number) => Math.log(1 + this.n / df);

    for (const p of people[doc] ?? []) {
      const docs = personDocs.get(p.id) ?? [];
      const w = PERSON_WEIGHT * idf(docs.length);
      for (const d of docs) bump(d, w);
    }
    for (const c of articles[doc]!.countries) {
      const docs = countryDocs.get(c.code) ?? [];
      const w = COUNTRY_WEIGHT * idf(docs.length);
      for (const d of docs) bump(d, w);
    }
    const myTerms = text.terms[doc]!;
    const myWeights = text.weights[doc]!;
    for (let i = 0; i < myTerms.length; i++) {
      const t = myTerms[i]!;
      const ds = text.postDocs[t]!;
      const ws = text.postWeights[t]!;
      for (let j = 0; j < ds.length; j++) {
        const s = myWeights[i]! * ws[j]!;
        cos[ds[j]!]! += s;
        bump(ds[j]!, TEXT_WEIGHT * s);
      }
    }

    const me = articles[doc]!;
    touched.sort((a, b) => score[b]! - score[a]! || a - b);
    const ranked: Array<[number, number, number]> = [];
    for (const d of touched) {
      if (ranked.length >= KEEP) break;
      if (d !== doc && score[d]! > 0 && !sameStory(me, articles[d]!)) ranked.push([d, score[d]!, cos[d]!]);
    }
    for (const d of touched) score[d] = cos[d] = 0;
    return ranked.map(([d, s, c]) => this.explain(doc, d, s, c));
  }
  private explain(doc: number, other: number, score: number, cosine: number): RelatedArticle {
    const {articles, people, countryName} = this.input;
    const theirPeople = new Set((people[other] ?? []).map((p) => p.id));
    const sharedPeople = (people[doc] ?? []).filter((p) => theirPeople.has(p.id));
    const theirCountries = new Set(articles[other]!.countries.map((c) => c.code));
    const sharedCountries = articles[doc]!.countries.filter((c) => theirCountries.has(c.code)).map((c) => c.code);
    const reasons: string[] = [];
    const names = [...sharedPeople.map((p) => p.label), ...sharedCountries.map((c) => countryName.get(c) ?? c)];
    if (names.length) reasons.push(`shares ${names.slice(0, 4).join(', ')}${names.length > 4 ? ` and ${names.length - 4} more` : ''}`);
    if (cosine > 0) {
      const theirs = new Set(this.text!.terms[other]);
      const common = [...this.text!.terms[doc]!].filter((t) => theirs.has(t)).slice(0, 3).map((t) => this.text!.vocab[t]!);
      reasons.push(`similar text (${common.join(', ')})`);
    }
    return {
      id: articles[other]!.id,
      score: Math.round(score * 1000) / 1000,
      reason: reasons.join('; ') || 'similar text',
      sharedPeople: sharedPeople.map((p) => p.id),
      sharedCountries,
    };
  }
}
