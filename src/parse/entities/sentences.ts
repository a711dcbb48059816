// Extractor: sentence starts in a segment. A full stop inside a quotation, after a title (`Mr.`,
// `Rep.`), an initial (`G. K.`) or an abbreviation (`U.S.`, `Jan.`) does not end a sentence.
import type {QuoteSpan} from './quote-spans.js';
import {objectList, type Segment} from './segments.js';

const CLOSING = /["”’')\]]/;
const UPPER_OR_DIGIT = /[\p{Lu}\d]/u;
const OPENING = /["“‘(]/;
/** The word before a full stop (letters and inner dots), when it is a whole word: `50m` is no initial `m`,
 *  nor is the `s` of `Blunkett's` or the `t` of `wasn't`. */
const LAST_WORD = /(?:^|[^\p{L}\p{N}.'’])([\p{L}.]+)$/u;
const ONE_LETTER = /^\p{L}$/u;
const INITIALS = /^(\p{L}\.)+\p{L}$/u;

const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'rep', 'sen', 'gov', 'gen', 'lt', 'col', 'capt', 'sgt', 'st', 'jr', 'sr',
  'prof', 'rev', 'no', 'vs', 'inc', 'corp', 'co', 'ltd', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct',
  'nov', 'dec', 'u.s', 'u.k', 'u.n', 'd.c', 'ft', 'mt', 'gov', 'del', 'adm', 'pres', 'e.g', 'i.e', 'etc']);

const STOPS = /[.!?]/g;

const isAsciiLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/** `n` ASCII letters right before position i: the word there is longer than any abbreviation (four letters
 *  at most), and no initial or run of initials (`G. K`) ends in two letters, so it ends a sentence. */
function lettersBefore(text: string, i: number, n: number): boolean {
  if (i < n) return false;
  for (let k = i - n; k < i; k++) if (!isAsciiLetter(text.charCodeAt(k))) return false;
  return true;
}

/** Sorted start positions of the sentences of a segment (the first is 0). */
export function sentenceStarts(seg: Segment, quotes: readonly QuoteSpan[]): number[] {
  const text = seg.text;
  // a full stop inside the words of a quotation (not its last character) ends nothing
  const inside = (i: number): boolean => quotes.some((q) => i >= q.start && i < q.end - 1);
  const starts = [0];
  // the regex skips to each `.`, `!`, `?` (a few per paragraph) faster than a loop over every character
  STOPS.lastIndex = 0;
  for (let stop = STOPS.exec(text); stop !== null; stop = STOPS.exec(text)) {
    const i = stop.index;
    if (inside(i)) continue;
    const c = text[i]!;
    let j = i + 1;
    while (j < text.length && CLOSING.test(text[j]!)) j++;
    if (j >= text.length || text[j] !== ' ') continue;
    let k = j;
    while (k < text.length && text[k] === ' ') k++;
    const next = text[k];
    if (next === undefined || !(UPPER_OR_DIGIT.test(next) || OPENING.test(next))) continue;
    if (c === '.' && !lettersBefore(text, i, 5)) {
      const m = LAST_WORD.exec(text.slice(Math.max(0, i - 12), i));
      const word = m ? m[1]!.toLowerCase() : '';
      if (ABBREVIATIONS.has(word) || ONE_LETTER.test(word) || INITIALS.test(word)) continue;
    }
    starts.push(k);
  }
  return starts;
}

/** Per segment, its sentence starts, given the article's quote spans (as extractQuoteSpans finds them: in
 *  segment order, so each segment's are a run of them). */
export function sentenceStartsOf(segs: readonly Segment[], spans: readonly QuoteSpan[]): number[][] {
  const out: number[][] = [];
  // (a list of objects, empty: the element kind of the runs sliced from `spans`)
  const none = objectList<QuoteSpan>();
  for (let s = 0, k = 0; s < segs.length; s++) {
    const from = k;
    while (k < spans.length && spans[k]!.seg === s) k++;
    out.push(sentenceStarts(segs[s]!, k > from ? spans.slice(from, k) : none));
  }
  return out;
}

/** Start of the sentence holding position pos. */
export function sentenceStartOf(starts: readonly number[], pos: number): number {
  let lo = 0, hi = starts.length - 1;
  while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (starts[mid]! <= pos) lo = mid; else hi = mid - 1; }
  return starts[lo]!;
}

/** End (exclusive) of the sentence holding position pos. */
export function sentenceEndOf(starts: readonly number[], pos: number, length: number): number {
  for (const s of starts) if (s > pos) return s;
  return length;
}
