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
/** Per UTF-16 code unit: 0 not yet known, 1 part of a word (letters, digits, combining marks), 2 not. */
const WORD_CHAR = new Uint8Array(65536);
for (let c = 0; c < 128; c++) WORD_CHAR[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 2;
for (let c = 0xd800; c <= 0xdfff; c++) WORD_CHAR[c] = 2;

function wordChar(code: number): boolean {
  let k = WORD_CHAR[code]!;
  if (k === 0) WORD_CHAR[code] = k = LETTER.test(String.fromCharCode(code)) ? 1 : 2;
  return k === 1;
}

/** Calls `each(start, end)` for every word of `s`: the same split as /[^\p{L}\p{N}\p{M}]+/u. */
export function eachWord(s: string, each: (start: number, end: number) => void): void {
  const len = s.length;
  let i = 0;
  while (i < len) {
    if (!wordChar(s.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < len && wordChar(s.charCodeAt(i))) i++;
    each(start, i);
  }
}

/** Words as written -> term ids, without making a string per occurrence: an open-addressing table keyed
 *  by a hash of the characters, compared in place. Most tokens repeat, so each distinct one is folded once. */
class TokenTable {
  private slots = new Int32Array(1 << 12).fill(-1);
  private readonly raw: string[] = [];
  private readonly hashes: number[] = [];
  readonly termOf: number[] = [];

  constructor(private readonly resolve: (token: string) => number) {}

  /** FNV-1a over the characters of a token: start from HASH_START, fold in each character with `step`. */
  static readonly HASH_START = 0x811c9dc5;
  static step(h: number, code: number): number {
    return Math.imul(h ^ code, 16777619);
  }

  /** Term id (-1 for a dropped word) of s[start, end), whose characters hash to `h` (see `step`). */
  lookup(s: string, start: number, end: number, h: number): number {
    h >>>= 0;
    const mask = this.slots.length - 1;
    const len = end - start;
    for (let at = h & mask; ; at = (at + 1) & mask) {
      const id = this.slots[at]!;
      if (id < 0) return this.insert(s.slice(start, end), h, at);
      if (this.hashes[id] !== h) continue;
      const r = this.raw[id]!;
      if (r.length === len && s.startsWith(r, start)) return this.termOf[id]!;
    }
  }

  private insert(token: string, h: number, at: number): number {
    const id = this.raw.length;
    const term = this.resolve(token);
    this.raw.push(token);
    this.hashes.push(h);
    this.termOf.push(term);
    this.slots[at] = id;
    if (this.raw.length * 2 > this.slots.length) {
      const slots = new Int32Array(this.slots.length * 2).fill(-1);
      const mask = slots.length - 1;
      for (let k = 0; k < this.raw.length; k++) {
        let p = this.hashes[k]! & mask;
        while (slots[p]! >= 0) p = (p + 1) & mask;
        slots[p] = k;
      }
      this.slots = slots;
    }
    return term;
  }
}

/** An Int32Array that grows. */
class IntList {
  data: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Int32Array(Math.max(16, capacity));
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

export interface TermSource {
  headline: string;
  summary: readonly string[];
}

export function buildTermIndex(articles: readonly TermSource[]): TermIndex {
  const n = articles.length;
  const terms: string[] = [];
  const ids = new Map<string, number>();
  const df: number[] = [];
  const tokens = new TokenTable((token) => {
    const f = indexWord(token);
    if (f === null) return -1;
    let id = ids.get(f);
    if (id === undefined) {
      id = terms.length;
      terms.push(f);
      ids.set(f, id);
      df.push(0);
    }
    return id;
  });
  /** Per term: 1 + the article that last used it, and where its entry is in the forward arrays. */
  let lastDoc = new Int32Array(1024);
  let lastAt = new Int32Array(1024);
  const docStart = new Int32Array(n + 1);
  // Forward entries: term id * 2 + headline flag, and counts (a headline occurrence counts twice).
  const fwd = new IntList(n * 48);
  const counts = new IntList(n * 48);
  for (let doc = 0; doc < n; doc++) {
    const a = articles[doc]!;
    for (let part = -1; part < a.summary.length; part++) {
      const s = part < 0 ? a.headline : a.summary[part]!;
      const head = part < 0 ? 1 : 0;
      const len = s.length;
      let i = 0;
      while (i < len) {
        if (!wordChar(s.charCodeAt(i))) {
          i++;
          continue;
        }
        const start = i;
        let h = TokenTable.HASH_START;
        for (let code = s.charCodeAt(i); i < len && wordChar(code); code = s.charCodeAt(++i)) h = TokenTable.step(h, code);
        const id = tokens.lookup(s, start, i, h);
        if (id < 0) continue;
        if (id >= lastDoc.length) {
          const grow = (x: Int32Array) => {
            const y = new Int32Array(Math.max(x.length * 2, id + 1));
            y.set(x);
            return y;
          };
          lastDoc = grow(lastDoc);
          lastAt = grow(lastAt);
        }
        if (lastDoc[id] === doc + 1) {
          const at = lastAt[id]!;
          counts.data[at]! += 1 + head;
          fwd.data[at]! |= head;
          continue;
        }
        lastDoc[id] = doc + 1;
        lastAt[id] = fwd.length;
        df[id]!++;
        fwd.push(id * 2 + head);
        counts.push(1 + head);
      }
    }
    docStart[doc + 1] = fwd.length;
  }

  const m = fwd.length;
  const docTerms = new Int32Array(m);
  const docHead = new Uint8Array(m);
  const docCounts = new Uint16Array(m);
  const postStart = new Int32Array(terms.length + 1);
  for (let t = 0; t < terms.length; t++) postStart[t + 1] = postStart[t]! + df[t]!;
  const postings = new Int32Array(m);
  const postCounts = new Uint16Array(m);
  const fill = postStart.slice(0, terms.length);
  for (let d = 0; d < n; d++) {
    for (let k = docStart[d]!; k < docStart[d + 1]!; k++) {
      const code = fwd.data[k]!;
      const t = code >> 1;
      const c = Math.min(65535, counts.data[k]!);
      docTerms[k] = t;
      docHead[k] = code & 1;
      docCounts[k] = c;
      const at = fill[t]!++;
      postings[at] = d * 2 + (code & 1);
      postCounts[at] = c;
    }
  }
  return withSorted({n, terms, ids, postStart, postings, postCounts, docStart, docTerms, docHead, docCounts});
}

/** A fingerprint of the articles a term index was built from (ids in corpus order), so that a stored
 *  index is only ever used for the same articles. */
export function articlesFingerprint(articles: ReadonlyArray<{id: string}>): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (const a of articles) {
    for (let i = 0; i < a.id.length; i++) {
      const c = a.id.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 16777619);
      h2 = Math.imul(h2 ^ c, 2246822519);
    }
    h1 = Math.imul(h1 ^ 10, 16777619);
  }
  return `${articles.length}-${(h1 >>> 0).toString(16)}-${(h2 >>> 0).toString(16)}`;
}

const MAGIC = 'briefing-terms-1';

interface StoredHeader {
  magic: string;
  fingerprint: string;
  n: number;
  terms: number;
  entries: number;
}

/** The index as bytes (for a cache): a JSON header line, the words, then the typed arrays. Pure. */
export function serializeTermIndex(index: TermIndex, fingerprint: string): Uint8Array {
  const encoder = new TextEncoder();
  const header: StoredHeader = {magic: MAGIC, fingerprint, n: index.n, terms: index.terms.length, entries: index.postings.length};
  const head = encoder.encode(JSON.stringify(header) + '\n');
  const words = encoder.encode(index.terms.join('\n'));
  const parts: Uint8Array[] = [
    head,
    new Uint8Array(Uint32Array.of(words.length).buffer),
    words,
    ...[index.postStart, index.postings, index.docStart, index.docTerms, index.postCounts, index.docCounts, index.docHead].map(
      (a) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength),
    ),
  ];
  // Typed arrays need aligned offsets: pad the text parts to a multiple of 4.
  const pad = (k: number) => (4 - (k % 4)) % 4;
  const textPad = pad(head.length + 4 + words.length);
  const size = parts.reduce((s, p) => s + p.length, 0) + textPad;
  const out = new Uint8Array(size);
  let at = 0;
  for (let i = 0; i < parts.length; i++) {
    out.set(parts[i]!, at);
    at += parts[i]!.length + (i === 2 ? textPad : 0);
  }
  return out;
}

/** The inverse of serializeTermIndex, or null when the bytes are damaged, from another version, or
 *  were made for other articles (`fingerprint`, see articlesFingerprint). Never throws. The arrays may be views of
 *  `bytes`: the caller hands them over and does not change them afterwards. */
export function deserializeTermIndex(bytes: Uint8Array, fingerprint: string): TermIndex | null {
  try {
    const nl = bytes.indexOf(10);
    if (nl < 0) return null;
    const decoder = new TextDecoder();
    const header = JSON.parse(decoder.decode(bytes.subarray(0, nl))) as StoredHeader;
    if (header.magic !== MAGIC || header.fingerprint !== fingerprint) return null;
    const {n, entries} = header;
    let at = nl + 1;
    const wordsLength = new DataView(bytes.buffer, bytes.byteOffset + at, 4).getUint32(0, true);
    at += 4;
    const terms = wordsLength || header.terms ? decoder.decode(bytes.subarray(at, at + wordsLength)).split('\n') : [];
    if (terms.length !== header.terms) return null;
    at += wordsLength;
    at += (4 - (at % 4)) % 4;
    const take = <T>(make: (buffer: ArrayBuffer, offset: number, length: number) => T, count: number, width: number): T => {
      if (at + count * width > bytes.length) throw new Error('truncated');
      const offset = bytes.byteOffset + at;
      at += count * width;
      // A view of the caller's bytes (which it hands over) when aligned; a copy otherwise.
      if (offset % width === 0) return make(bytes.buffer as ArrayBuffer, offset, count);
      return make(bytes.slice(at - count * width, at).buffer, 0, count);
    };
    const i32 = (b: ArrayBuffer, o: number, l: number) => new Int32Array(b, o, l);
    const u16 = (b: ArrayBuffer, o: number, l: number) => new Uint16Array(b, o, l);
    const u8 = (b: ArrayBuffer, o: number, l: number) => new Uint8Array(b, o, l);
    const postStart = take(i32, terms.length + 1, 4);
    const postings = take(i32, entries, 4);
    const docStart = take(i32, n + 1, 4);
    const docTerms = take(i32, entries, 4);
    const postCounts = take(u16, entries, 2);
    const docCounts = take(u16, entries, 2);
    const docHead = take(u8, entries, 1);
    if (at !== bytes.length || postStart[terms.length] !== entries || docStart[n] !== entries) return null;
    const ids = new Map(terms.map((t, i) => [t, i] as const));
    return withSorted({n, terms, ids, postStart, postings, postCounts, docStart, docTerms, docHead, docCounts});
  } catch {
    return null;
  }
}

/** The index with its term order for prefix search, sorted on first use. */
function withSorted(parts: Omit<TermIndex, 'sorted'>): TermIndex {
  const {terms} = parts;
  let sorted: Int32Array | null = null;
  const order = () => Int32Array.from(terms.map((_, i) => i).sort((a, b) => (terms[a]! < terms[b]! ? -1 : terms[a]! > terms[b]! ? 1 : 0)));
  return {...parts, sorted: () => (sorted ??= order())};
}
