// The article as the entity extractors see it: headline and paragraphs ("segments"), each with its
// words (tokens) found once, so every extractor after this works on indexes, never re-scanning text.
import type {ArticleText} from '../text.js';

export interface Token {
  /** As written, without a possessive `’s`. */
  text: string;
  lower: string;
  /** Offsets in the segment text (end exclusive; a possessive `’s` lies after `end`). */
  start: number;
  end: number;
  /** First letter upper-case. */
  cap: boolean;
  /** Followed by `’s` / `'s` / `’` (`Japan’s`, `the US’`). */
  poss: boolean;
  /** Followed directly by a dot (`Mr.`, `U.S.`, `Rep.`). */
  dot: boolean;
}

export interface Segment {
  /** -1 for the headline, else the paragraph index. */
  index: number;
  text: string;
  offsets: Int32Array;
  tokens: Token[];
}

// Words (letters/digits joined by inner hyphens, apostrophes and dots: `Suk-yeol`, `O’Neill`, `U.S`):
// /[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*/gu, scanned by hand in tokenize().
const POSSESSIVE = /^(.*\p{L})(?:['’]s)$/u;

const LETTER = /\p{L}/u;

// The Unicode regex costs more than the rest of tokenising. Letters and digits of the BMP
// are classified once (0 unknown, 1 word character, 2 not); astral characters are asked of the regex.
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const BMP_CLASS = new Uint8Array(0x10000);
for (let c = 0; c < 0x80; c++) BMP_CLASS[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 2;

/** Length (1 or 2 code units) of the word character at i, or 0. */
export function wordCharAt(text: string, i: number): number {
  // (reading past the end would give NaN, but throws optimised code away: "out of bounds")
  if (i >= text.length) return 0;
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) {
    const cp = text.codePointAt(i)!;
    return cp > 0xffff && WORD_CHAR.test(String.fromCodePoint(cp)) ? 2 : 0;
  }
  let k = BMP_CLASS[c]!;
  if (k === 0) BMP_CLASS[c] = k = WORD_CHAR.test(text[i]!) ? 1 : 2;
  return k === 1 ? 1 : 0;
}

/** End of the run of word characters starting at i. */
export function wordRun(text: string, i: number): number {
  for (let w = wordCharAt(text, i); w > 0; w = wordCharAt(text, i)) i += w;
  return i;
}

export const isJoiner = (c: number): boolean => c === 45 || c === 39 || c === 0x2019 || c === 46;

/**
 * True when lower-casing `text` at once lower-cases each code unit on its own, so a word's lower case is the
 * same slice of the lower-cased text: no character lower-cases to two units (`İ`) and no context applies
 * (the final sigma is the one rule of `toLowerCase` that looks at the neighbours of `Σ`).
 */
export function lowersByUnit(text: string, lower: string): boolean {
  return lower.length === text.length && !text.includes('Σ');
}

/**
 * An empty array for objects (or strings). V8 gives a `[]` the hidden class of an array of small integers and
 * changes it on the first object pushed, so code that meets both empty and filled arrays of one kind sees two
 * hidden classes and throws its optimised code away ("wrong map"); this one starts with the filled one's.
 */
export function objectList<T>(): T[] {
  const out: unknown[] = [null];
  // (pop, not `length = 0`: setting the length is a runtime call, pop is a few instructions; the kind is kept)
  out.pop();
  return out as T[];
}

export function tokenize(text: string): Token[] {
  const out = objectList<Token>();
  // One toLowerCase per segment, not per word (on text with curly quotes each word is a two-byte string,
  // which V8 lower-cases by a slow runtime call).
  const lowerText = text.toLowerCase();
  const byUnit = lowersByUnit(text, lowerText);
  const length = text.length;
  for (let i = 0; i < length;) {
    // ASCII (most characters) classified by the table alone, without a call
    const c0 = text.charCodeAt(i);
    if (c0 < 0x80 ? BMP_CLASS[c0] !== 1 : wordCharAt(text, i) === 0) { i++; continue; }
    const start = i;
    // the word's end, as wordRun and the joiners find it; `plain` while it has only ASCII lower-case letters,
    // digits and ASCII joiners (most words), which are their own lower case
    let end = i;
    let plain = true;
    while (end < length) {
      const c = text.charCodeAt(end);
      if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) { end++; continue; }
      // capitals and other word characters step on by one addition, which capitals (common) run early on
      const k = c >= 65 && c <= 90 ? 1 : wordCharAt(text, end);
      if (k > 0) { plain = false; end += k; continue; }
      if (end > start && isJoiner(c) && wordCharAt(text, end + 1) > 0) { if (c === 0x2019) plain = false; end++; continue; }
      break;
    }
    i = end;
    let word = text.slice(start, end);
    let poss = false;
    const last = word.length - 1;
    // only a word ending in `’s` / `'s` can be a possessive: test the regex on those alone
    if (last >= 2 && word.charCodeAt(last) === 115 && (word.charCodeAt(last - 1) === 0x2019 || word.charCodeAt(last - 1) === 39)) {
      const p = POSSESSIVE.exec(word);
      if (p) { word = p[1]!; poss = true; }
    }
    const after = end;
    // `the US’ unshakeable`: a bare apostrophe after a word ending in s is a possessive, not a mark.
    const a = after < text.length ? text.charCodeAt(after) : -1;
    if (!poss && (a === 0x2019 || a === 39) && !(after + 1 < text.length && LETTER.test(text[after + 1]!))) {
      const z = word.charCodeAt(word.length - 1);
      if (z === 115 || z === 83) poss = true;
    }
    let lower: string;
    let cap: boolean;
    if (plain) {
      lower = word;
      cap = false;
    } else if (byUnit) {
      lower = lowerText.slice(start, start + word.length);
      const c = text.charCodeAt(start);
      // a lone surrogate lower-cases to itself: an astral first letter is never a capital (as `word[0]` says)
      cap = (c < 0xd800 || c > 0xdfff) && lowerText.charCodeAt(start) !== c;
    } else {
      const first = word[0]!;
      lower = word.toLowerCase();
      cap = first !== first.toLowerCase();
    }
    out.push({text: word, lower, start, end: start + word.length, cap, poss, dot: a === 46});
  }
  return out;
}

/** The texts (or lower-case forms) of tokens [from, to) joined by single spaces: no array made for it. */
export function joinTokens(toks: readonly Token[], from: number, to: number, lower: boolean): string {
  let out = '';
  for (let k = from; k < to; k++) {
    if (k > from) out += ' ';
    out += lower ? toks[k]!.lower : toks[k]!.text;
  }
  return out;
}

/** gapKind's answers. */
export const GAP_NONE = 0, GAP_SPACE = 1, GAP_DOT_SPACE = 2, GAP_OTHER = 3;

/**
 * What lies between two tokens: text[from, to) (empty when from >= to), without one leading `'` or `’` (a
 * possessive's), as GAP_NONE (nothing), GAP_SPACE (` `), GAP_DOT_SPACE (`. `) or GAP_OTHER. `to` is a token's
 * start. No string is made, and every read and test is made on every call: optimised callers do not meet a
 * code path the first articles never took (which throws their optimised code away).
 */
export function gapKind(text: string, from: number, to: number): number {
  const first = Math.min(from, to);
  const a = text.charCodeAt(first);
  const start = first + (a === 39 || a === 0x2019 ? 1 : 0);
  const n = to - start;
  const b = text.charCodeAt(Math.min(start, to)), c = text.charCodeAt(Math.min(start + 1, to));
  const one = n === 1, two = n === 2, space = b === 32, dotSpace = (b === 46 ? c : 0) === 32;
  return n <= 0 ? GAP_NONE : one ? (space ? GAP_SPACE : GAP_OTHER) : two && dotSpace ? GAP_DOT_SPACE : GAP_OTHER;
}

/** End of the word as scanned in `text`: past a possessive `’s` / `'s` that the token's text leaves out. */
export function scannedEnd(text: string, tok: Token): number {
  const a = text.charCodeAt(tok.end);
  // a bare apostrophe (`the US’ unshakeable`) also makes a possessive, but is not part of the word
  return tok.poss && (a === 0x2019 || a === 39) && text.charCodeAt(tok.end + 1) === 115 ? tok.end + 2 : tok.end;
}

export function segmentsOf(text: ArticleText): Segment[] {
  const segs = objectList<Segment>();
  if (text.headline) segs.push({index: -1, text: text.headline, offsets: text.headlineOffsets, tokens: tokenize(text.headline)});
  text.paragraphs.forEach((p, i) => segs.push({index: i, text: p, offsets: text.paragraphOffsets[i]!, tokens: tokenize(p)}));
  return segs;
}

/** Every word-prefix of the keys (`south`, `south korea` of `south korea`): a lookup that grows a key word by
 *  word stops as soon as its words lead to no key. */
export function wordPrefixes(keys: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const key of keys) {
    const words = key.split(' ');
    for (let n = 1; n <= words.length; n++) out.add(words.slice(0, n).join(' '));
  }
  return out;
}

/** The keys starting at token i, grown one adjacent word at a time (lower-case words joined by single spaces),
 *  for as long as they lead to a known key (`prefixes`, see wordPrefixes) and within `maxWords`; a key never
 *  crosses a possessive or punctuation. Returns their number; `keys[n - 1]` is the key of n words (`keys` is
 *  the caller's scratch array, reused from call to call: no array or callback made per token). The caller
 *  keeps the longest that suits it, trying the longest first. */
export function growKeys(toks: readonly Token[], i: number, maxWords: number, prefixes: ReadonlySet<string>, keys: string[]): number {
  let key = '';
  let n = 1;
  for (; n <= maxWords && i + n <= toks.length; n++) {
    const last = toks[i + n - 1]!;
    if (n > 1) {
      const prev = toks[i + n - 2]!;
      if (prev.poss || last.start - prev.end > 1) break;
      key += ' ';
    }
    key += last.lower;
    if (!prefixes.has(key)) break;
    keys[n - 1] = key;
  }
  return n - 1;
}

/** Index of the first token starting at or after `pos` (binary search). */
export function tokenAt(tokens: readonly Token[], pos: number): number {
  let lo = 0, hi = tokens.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (tokens[mid]!.start < pos) lo = mid + 1; else hi = mid; }
  return lo;
}

/** Offset into the original input of segment position `pos` (end positions map one past the last char). */
export function inputOffset(seg: Segment, pos: number, isEnd: boolean): number {
  if (seg.offsets.length === 0) return 0;
  if (isEnd) return pos <= 0 ? seg.offsets[0]! : seg.offsets[Math.min(pos, seg.offsets.length) - 1]! + 1;
  return seg.offsets[Math.min(pos, seg.offsets.length - 1)]!;
}

/** Whitespace runs as one space, trimmed. */
export function collapse(s: string): string {
  // the parser's text has single spaces only: nothing to replace (a replace would rebuild the string)
  return /\s\s|[^\S ]/.test(s) ? s.replace(/\s+/g, ' ').trim() : s.trim();
}

/** Every hit of an extractor over the segments' tokens, left to right, hits not overlapping. */
export function scanSegments<H extends {to: number}>(segs: readonly Segment[], at: (toks: readonly Token[], i: number) => H | null): Map<number, H[]> {
  const hits = new Map<number, H[]>();
  segs.forEach((seg, s) => {
    const list: H[] = [];
    for (let i = 0; i < seg.tokens.length; i++) {
      const hit = at(seg.tokens, i);
      if (hit) { list.push(hit); i = hit.to - 1; }
    }
    if (list.length) hits.set(s, list);
  });
  return hits;
}
