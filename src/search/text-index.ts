// Word search over the corpus term index (src/corpus/terms.ts: headlines and summaries): the exact
// word, words starting with it (for the word being typed), or, when neither exists, words a typo or two
// away. Scores go into a typed accumulator; the work is one pass over the matching postings.
import {distance} from 'fastest-levenshtein';
import type {TermIndex} from '../corpus/terms.js';

/** Prefix search expands to at most this many terms (the most widespread first). */
const MAX_EXPANSION = 64;

/** Per-article scores of one query part: `score[d] > 0` for exactly the articles `docs[0 .. size)`.
 *  Typed arrays sized to the corpus, reused across searches (cleared where written). */
export class Scores {
  readonly score: Float32Array;
  readonly docs: Int32Array;
  size = 0;
  constructor(n: number) {
    this.score = new Float32Array(n);
    this.docs = new Int32Array(n);
  }
  /** Raises article d's score to s (the best of several ways a part matched). */
  raise(d: number, s: number): void {
    const prev = this.score[d]!;
    if (prev === 0) this.docs[this.size++] = d;
    if (s > prev) this.score[d] = s;
  }
  /** Adds s to article d's score. */
  add(d: number, s: number): void {
    const prev = this.score[d]!;
    if (prev === 0) this.docs[this.size++] = d;
    this.score[d] = prev + s;
  }
  list(): Int32Array {
    return this.docs.subarray(0, this.size);
  }
  clear(): void {
    for (let k = 0; k < this.size; k++) this.score[this.docs[k]!] = 0;
    this.size = 0;
  }
}

export class TextSearch {
  constructor(private readonly index: TermIndex) {}

  private df(t: number): number {
    return this.index.postStart[t + 1]! - this.index.postStart[t]!;
  }

  /** First position in the sorted term list whose word is >= prefix. */
  private lowerBound(sorted: Int32Array, prefix: string): number {
    const {terms} = this.index;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (terms[sorted[mid]!]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Articles containing `term` (exact), or a word starting with it (`prefix`), or, when neither finds
   *  anything and `fuzzy` > 0, a word within that edit distance. Rarer words score higher; a headline
   *  word scores twice a summary word. Scores in (0, 1.5]; returns the words that matched. */
  search(term: string, prefix: boolean, fuzzy: number, out: Scores): Set<string> {
    const {ids, terms, postStart, postings, n} = this.index;
    const expand: Array<[number, number]> = [];
    const exact = ids.get(term);
    if (exact !== undefined) expand.push([exact, 1]);
    if (prefix) {
      const sorted = this.index.sorted();
      const more: number[] = [];
      for (let i = this.lowerBound(sorted, term); i < sorted.length && terms[sorted[i]!]!.startsWith(term); i++) {
        if (sorted[i] !== exact) more.push(sorted[i]!);
      }
      more.sort((a, b) => this.df(b) - this.df(a));
      for (const t of more.slice(0, MAX_EXPANSION)) expand.push([t, 0.7]);
    }
    if (!expand.length && fuzzy > 0) {
      const first = term.charCodeAt(0);
      for (let t = 0; t < terms.length; t++) {
        const w = terms[t]!;
        if (w.charCodeAt(0) === first && Math.abs(w.length - term.length) <= fuzzy && distance(w, term) <= fuzzy) expand.push([t, 0.5]);
      }
    }
    const matched = new Set<string>();
    const logN = Math.log(1 + n);
    for (const [t, weight] of expand) {
      const idf = Math.log(1 + n / this.df(t)) / logN;
      const head = weight * (0.5 + idf);
      matched.add(terms[t]!);
      for (let j = postStart[t]!; j < postStart[t + 1]!; j++) {
        const code = postings[j]!;
        out.raise(code >> 1, code & 1 ? head : head * 0.5);
      }
    }
    return matched;
  }
}
