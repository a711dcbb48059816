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

// Words (letters/digits joined by inner hyphens, apostrophes and dots: `Suk-yeol`, `O’Neill`, `U.S`).
const WORD = /[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*/gu;
const POSSESSIVE = /^(.*\p{L})(?:['’]s)$/u;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    let word = m[0];
    const start = m.index;
    let poss = false;
    const p = POSSESSIVE.exec(word);
    if (p) { word = p[1]!; poss = true; }
    const after = start + m[0].length;
    // `the US’ unshakeable`: a bare apostrophe after a word ending in s is a possessive, not a mark.
    if (!poss && /['’]/.test(text[after] ?? '') && !/\p{L}/u.test(text[after + 1] ?? '') && /s$/i.test(word)) poss = true;
    const first = word[0]!;
    out.push({text: word, lower: word.toLowerCase(), start, end: start + word.length, cap: first !== first.toLowerCase(),
      poss, dot: text[after] === '.'});
  }
  return out;
}

export function segmentsOf(text: ArticleText): Segment[] {
  const segs: Segment[] = [];
  if (text.headline) segs.push({index: -1, text: text.headline, offsets: text.headlineOffsets, tokens: tokenize(text.headline)});
  text.paragraphs.forEach((p, i) => segs.push({index: i, text: p, offsets: text.paragraphOffsets[i]!, tokens: tokenize(p)}));
  return segs;
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

export function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
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
