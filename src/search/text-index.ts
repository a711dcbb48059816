// A compact inverted index over headlines and summaries: term -> article indices (typed arrays), with a
// sorted term list for prefix search. MiniSearch's BM25 scoring walks every posting of a common word
// (`minister`) through Maps, ~20 ms at 10k articles; here a word costs one pass over an Int32Array.
import {distance} from 'fastest-levenshtein';

/** Prefix search expands to at most this many terms (the most widespread first). */
const MAX_EXPANSION = 64;

export interface TextHits {
  /** Article index -> score in (0, 1]. */
  score: Map<number, number>;
  /** The index terms that matched (for highlighting). */
  terms: Set<string>;
}

export class TextIndex {
  private readonly postings = new Map<string, Int32Array>();
  private readonly sorted: string[];
  private readonly n: number;

  /** `fields(i)` gives article i's headline and other text; `term` folds a token or drops it (null). */
  constructor(n: number, fields: (i: number) => [string, string], split: RegExp, term: (t: string) => string | null) {
    this.n = n;
    const build = new Map<string, number[]>();
    for (let i = 0; i < n; i++) {
      const [headline, rest] = fields(i);
      // Encoded as doc * 2 + 1 when the term is in the headline.
      const seen = new Map<string, number>();
      for (const tok of headline.split(split)) {
        const t = term(tok);
        if (t) seen.set(t, i * 2 + 1);
      }
      for (const tok of rest.split(split)) {
        const t = term(tok);
        if (t && !seen.has(t)) seen.set(t, i * 2);
      }
      for (const [t, code] of seen) {
        const list = build.get(t);
        if (list) list.push(code);
        else build.set(t, [code]);
      }
    }
    for (const [t, list] of build) this.postings.set(t, Int32Array.from(list));
    this.sorted = [...build.keys()].sort();
  }

  private lowerBound(prefix: string): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.sorted[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Articles containing `term` (exact), or a word starting with it (`prefix`), or, when neither finds
   *  anything and `fuzzy` > 0, a word within that edit distance. Rarer words score higher. */
  search(term: string, prefix: boolean, fuzzy: number): TextHits {
    const out: TextHits = {score: new Map(), terms: new Set()};
    const expand: Array<[string, number]> = [];
    if (this.postings.has(term)) expand.push([term, 1]);
    if (prefix) {
      const more: string[] = [];
      for (let i = this.lowerBound(term); i < this.sorted.length && this.sorted[i]!.startsWith(term); i++) {
        if (this.sorted[i] !== term) more.push(this.sorted[i]!);
      }
      more.sort((a, b) => this.postings.get(b)!.length - this.postings.get(a)!.length);
      for (const t of more.slice(0, MAX_EXPANSION)) expand.push([t, 0.7]);
    }
    if (!expand.length && fuzzy > 0) {
      for (const t of this.sorted) {
        if (Math.abs(t.length - term.length) <= fuzzy && t[0] === term[0] && distance(t, term) <= fuzzy) expand.push([t, 0.5]);
      }
    }
    for (const [t, weight] of expand) {
      const list = this.postings.get(t)!;
      const idf = Math.log(1 + this.n / list.length) / Math.log(1 + this.n);
      out.terms.add(t);
      for (let j = 0; j < list.length; j++) {
        const code = list[j]!;
        const d = code >> 1;
        const s = weight * (0.5 + idf) * (code & 1 ? 1 : 0.5);
        if (s > (out.score.get(d) ?? 0)) out.score.set(d, s);
      }
    }
    return out;
  }
}
