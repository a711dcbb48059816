// The words of every article's headline and summary, indexed once and shared by search (which words
// name which articles) and related articles (which articles use the same distinctive words). Integer
// term ids and flat typed arrays throughout: at 100k articles this is millions of entries, and Maps of
// strings or an object per posting would cost seconds and hundreds of megabytes.
import {fold, isStopword} from './text.js';

export interface TermIndex {
  /** Number of articles. */
  readonly n: number;
  /** Term id -> folded word (`pyongyang`). */
  readonly terms: readonly string[];
  /** Folded word -> term id. */
  readonly ids: ReadonlyMap<string, number>;
  /** Postings, by term: articles `postings[postStart[t] .. postStart[t+1])`, ascending, each encoded
   *  `article * 2 + 1` when the word is in the headline, `article * 2` when only in the summary. */
  readonly postStart: Int32Array;
  readonly postings: Int32Array;
  /** Parallel to postings: how often the word occurs there (a headline occurrence counts twice). */
  readonly postCounts: Uint16Array;
  /** Forward index, by article: its distinct terms `docTerms[docStart[d] .. docStart[d+1])`. */
  readonly docStart: Int32Array;
  readonly docTerms: Int32Array;
  /** Parallel to docTerms: 1 when the word is in the headline; how often it occurs (a headline occurrence counts twice). */
  readonly docHead: Uint8Array;
  readonly docCounts: Uint16Array;
  /** Term ids in the order of their words, for prefix search (computed on first use). */
  sorted(): Int32Array;
}

/** What a text gives the index: its folded words, stopwords and single characters dropped. */
export function indexWord(raw: string): string | null {
  const f = fold(raw);
  return f.length < 2 || isStopword(f) ? null : f;
}

const LETTER = /[\p{L}\p{N}\p{M}]/u;

/** True for a character that is part of a word (letters, digits and combining marks, any script). */
function wordChar(code: number, s: string, i: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  if (code >= 0xd800 && code <= 0xdfff) return false;
  return LETTER.test(s[i]!);
}

/** Calls `each(start, end)` for every word of `s`: the same split as /[^\p{L}\p{N}\p{M}]+/u, without a regex per word. */
export function eachWord(s: string, each: (start: number, end: number) => void): void {
  let start = -1;
  for (let i = 0; i < s.length; i++) {
    const inside = wordChar(s.charCodeAt(i), s, i);
    if (inside && start < 0) start = i;
    else if (!inside && start >= 0) {
      each(start, i);
      start = -1;
    }
  }
  if (start >= 0) each(start, s.length);
}

export interface TermSource {
  headline: string;
  summary: readonly string[];
}

export function buildTermIndex(articles: readonly TermSource[]): TermIndex {
  const n = articles.length;
  const terms: string[] = [];
  const ids = new Map<string, number>();
  /** Raw token as written -> term id, or -1 for a dropped word: most tokens repeat, so fold each once. */
  const raw = new Map<string, number>();
  const df: number[] = [];
  /** Per term: the article that last used it and where its entry is in the forward arrays. */
  const lastDoc: number[] = [];
  const lastAt: number[] = [];
  const docStart = new Int32Array(n + 1);
  const fwdTerms: number[] = [];
  const fwdCounts: number[] = [];
  const fwdHead: number[] = [];
  let doc = 0;
  let head = 0;
  let text = '';
  const word = (s: number, e: number): void => {
    const token = text.slice(s, e);
    let id = raw.get(token);
    if (id === undefined) {
      const f = indexWord(token);
      if (f === null) id = -1;
      else {
        id = ids.get(f);
        if (id === undefined) {
          id = terms.length;
          terms.push(f);
          ids.set(f, id);
          df.push(0);
          lastDoc.push(-1);
          lastAt.push(0);
        }
      }
      raw.set(token, id);
    }
    if (id < 0) return;
    if (lastDoc[id] === doc) {
      const at = lastAt[id]!;
      fwdCounts[at]! += 1 + head;
      if (head) fwdHead[at] = 1;
      return;
    }
    lastDoc[id] = doc;
    lastAt[id] = fwdTerms.length;
    df[id]!++;
    fwdTerms.push(id);
    fwdCounts.push(1 + head);
    fwdHead.push(head);
  };
  for (doc = 0; doc < n; doc++) {
    const a = articles[doc]!;
    head = 1;
    text = a.headline;
    eachWord(text, word);
    head = 0;
    for (const s of a.summary) {
      text = s;
      eachWord(text, word);
    }
    docStart[doc + 1] = fwdTerms.length;
  }
  text = '';

  const postStart = new Int32Array(terms.length + 1);
  for (let t = 0; t < terms.length; t++) postStart[t + 1] = postStart[t]! + df[t]!;
  const postings = new Int32Array(fwdTerms.length);
  const postCounts = new Uint16Array(fwdTerms.length);
  const fill = Int32Array.from(postStart.subarray(0, terms.length));
  for (let d = 0; d < n; d++) {
    for (let k = docStart[d]!; k < docStart[d + 1]!; k++) {
      const t = fwdTerms[k]!;
      const at = fill[t]!++;
      postings[at] = d * 2 + fwdHead[k]!;
      postCounts[at] = Math.min(65535, fwdCounts[k]!);
    }
  }
  let sorted: Int32Array | null = null;
  return {
    n,
    terms,
    ids,
    postStart,
    postings,
    postCounts,
    docStart,
    docTerms: Int32Array.from(fwdTerms),
    docHead: Uint8Array.from(fwdHead),
    docCounts: Uint16Array.from(fwdCounts, (c) => Math.min(65535, c)),
    sorted: () => (sorted ??= Int32Array.from(terms.map((_, i) => i).sort((a, b) => (terms[a]! < terms[b]! ? -1 : terms[a]! > terms[b]! ? 1 : 0)))),
  };
}
