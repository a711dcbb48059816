// Related articles: shared people and countries (weighted by how rare they are in the corpus) plus text
// similarity (TF-IDF cosine between the article's most distinctive words and the others', through the
// shared term index of headlines and summaries: never all pairs, never a second tokenisation).
// Nothing is built up front; per-article norms are computed when first needed, each answer is cached.
import type {Article} from '../types.js';
import {fold} from './text.js';
import type {TermIndex} from './terms.js';
import type {RelatedArticle} from './types.js';

/** Terms kept per article for its side of the comparison: its most distinctive ones. */
const SIGNATURE = 24;
/** The longest posting list a text term may have: it bounds the work of one related() call. */
const MAX_POSTINGS = 2000;
const PERSON_WEIGHT = 1.0;
/** Answers kept per article (callers ask for five by default). */
const KEEP = 20;
const COUNTRY_WEIGHT = 0.35;
const TEXT_WEIGHT = 3.0;

export interface RelatedInput {
  articles: readonly Article[];
  terms: TermIndex;
  /** `articles[i].people[j]` is person `personAt[personOffsets[i] + j]` (-1: none). */
  personOffsets: Int32Array;
  personAt: Int32Array;
  /** Per corpus person index: id and display name. */
  people: ReadonlyArray<{id: string; label: string}>;
  countryDocs: ReadonlyMap<string, Int32Array | readonly number[]>;
  countryName: ReadonlyMap<string, string>;
}

function sameStory(a: Article, b: Article): boolean {
  return fold(a.headline).trim() === fold(b.headline).trim();
}

export class RelatedFinder {
  private readonly cache = new Map<number, RelatedArticle[]>();
  private readonly n: number;
  private readonly maxDf: number;
  /** Accumulators reused across calls (zeroed after each). */
  private readonly score: Float64Array;
  private readonly cos: Float64Array;
  /** Per article: L2 norm of its TF-IDF vector, computed on first use (-1 until then). */
  private readonly norms: Float32Array;
  /** Per person: the articles naming them (CSR), built on the first call. */
  private personStart: Int32Array | null = null;
  private personDocs: Int32Array | null = null;

  constructor(private readonly input: RelatedInput) {
    this.n = input.articles.length;
    this.maxDf = Math.max(3, Math.min(this.n / 10, MAX_POSTINGS));
    this.score = new Float64Array(this.n);
    this.cos = new Float64Array(this.n);
    this.norms = new Float32Array(this.n).fill(-1);
  }

  related(doc: number, limit: number): RelatedArticle[] {
    let all = this.cache.get(doc);
    if (!all) {
      all = this.compute(doc);
      this.cache.set(doc, all);
    }
    return all.slice(0, limit);
  }

  private df(t: number): number {
    return this.input.terms.postStart[t + 1]! - this.input.terms.postStart[t]!;
  }

  /** A term in one article links nothing; a term in many says little and costs a long posting list. */
  private useful(t: number): boolean {
    const df = this.df(t);
    return df >= 2 && df <= this.maxDf;
  }

  private weight(t: number, count: number): number {
    return (1 + Math.log(count)) * Math.log(this.n / this.df(t));
  }

  private norm(d: number): number {
    let v = this.norms[d]!;
    if (v >= 0) return v;
    const {docStart, docTerms, docCounts} = this.input.terms;
    let sum = 0;
    for (let k = docStart[d]!; k < docStart[d + 1]!; k++) {
      const t = docTerms[k]!;
      if (!this.useful(t)) continue;
      const w = this.weight(t, docCounts[k]!);
      sum += w * w;
    }
    v = Math.sqrt(sum) || 1;
    this.norms[d] = v;
    return v;
  }

  /** The article's most distinctive terms and their normalised weights, best first. */
  private signature(d: number): Array<[number, number]> {
    const {docStart, docTerms, docCounts} = this.input.terms;
    const scored: Array<[number, number]> = [];
    for (let k = docStart[d]!; k < docStart[d + 1]!; k++) {
      const t = docTerms[k]!;
      if (this.useful(t)) scored.push([t, this.weight(t, docCounts[k]!)]);
    }
    scored.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const top = scored.slice(0, SIGNATURE);
    const norm = Math.hypot(...top.map((x) => x[1])) || 1;
    return top.map(([t, w]) => [t, w / norm]);
  }

  private peopleOf(d: number): number[] {
    const {personOffsets, personAt} = this.input;
    const out: number[] = [];
    for (let k = personOffsets[d]!; k < personOffsets[d + 1]!; k++) {
      const p = personAt[k]!;
      if (p >= 0 && !out.includes(p)) out.push(p);
    }
    return out;
  }

  private docsOfPerson(p: number): Int32Array {
    if (!this.personStart || !this.personDocs) {
      const {personOffsets, personAt, people} = this.input;
      const start = new Int32Array(people.length + 1);
      const lists: number[][] = people.map(() => []);
      for (let d = 0; d < this.n; d++) {
        for (let k = personOffsets[d]!; k < personOffsets[d + 1]!; k++) {
          const q = personAt[k]!;
          const list = q >= 0 ? lists[q]! : null;
          if (list && list[list.length - 1] !== d) list.push(d);
        }
      }
      for (let q = 0; q < people.length; q++) start[q + 1] = start[q]! + lists[q]!.length;
      const docs = new Int32Array(start[people.length]!);
      for (let q = 0; q < people.length; q++) docs.set(lists[q]!, start[q]!);
      this.personStart = start;
      this.personDocs = docs;
    }
    return this.personDocs.subarray(this.personStart[p]!, this.personStart[p + 1]!);
  }

  private compute(doc: number): RelatedArticle[] {
    const {articles, countryDocs, terms} = this.input;
    const {score, cos} = this;
    const touched: number[] = [];
    const bump = (d: number, s: number) => {
      if (score[d] === 0) touched.push(d);
      score[d]! += s;
    };
    const idf = (df: number) => Math.log(1 + this.n / df);

    for (const p of this.peopleOf(doc)) {
      const docs = this.docsOfPerson(p);
      const w = PERSON_WEIGHT * idf(docs.length);
      for (let j = 0; j < docs.length; j++) bump(docs[j]!, w);
    }
    for (const c of articles[doc]!.countries) {
      const docs = countryDocs.get(c.code) ?? [];
      const w = COUNTRY_WEIGHT * idf(docs.length);
      for (const d of docs) bump(d, w);
    }
    const signature = this.signature(doc);
    for (const [t, mine] of signature) {
      const lw = Math.log(this.n / this.df(t));
      for (let j = terms.postStart[t]!; j < terms.postStart[t + 1]!; j++) {
        const d = terms.postings[j]! >> 1;
        const s = (mine * (1 + Math.log(terms.postCounts[j]!)) * lw) / this.norm(d);
        cos[d]! += s;
        bump(d, TEXT_WEIGHT * s);
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
    return ranked.map(([d, s, c]) => this.explain(doc, d, s, c, signature));
  }

  private explain(doc: number, other: number, score: number, cosine: number, signature: Array<[number, number]>): RelatedArticle {
    const {articles, people, countryName, terms} = this.input;
    const theirPeople = new Set(this.peopleOf(other));
    const sharedPeople = this.peopleOf(doc).filter((p) => theirPeople.has(p)).map((p) => people[p]!);
    const theirCountries = new Set(articles[other]!.countries.map((c) => c.code));
    const sharedCountries = articles[doc]!.countries.filter((c) => theirCountries.has(c.code)).map((c) => c.code);
    const reasons: string[] = [];
    const names = [...sharedPeople.map((p) => p.label), ...sharedCountries.map((c) => countryName.get(c) ?? c)];
    if (names.length) reasons.push(`shares ${names.slice(0, 4).join(', ')}${names.length > 4 ? ` and ${names.length - 4} more` : ''}`);
    if (cosine > 0) {
      const theirs = new Set(terms.docTerms.subarray(terms.docStart[other]!, terms.docStart[other + 1]!));
      const common = signature.filter(([t]) => theirs.has(t)).slice(0, 3).map(([t]) => terms.terms[t]!);
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
