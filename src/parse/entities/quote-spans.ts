// Extractor: passages in quotation marks. Curly and straight double quotes everywhere, single quotes
// in headlines; an apostrophe is never a closing mark; an unclosed mark runs to the end of its
// paragraph only (or on into the next paragraph when that one opens with a mark again: the
// convention for a quotation over several paragraphs), so it never swallows the article.
import {objectList, type Segment} from './segments.js';

export interface QuoteSpan {
  /** Index into the segments array of the paragraph where the quote opens. */
  seg: number;
  /** Position of the opening mark, and of the quoted words (trimmed), in that segment. */
  open: number;
  start: number;
  end: number;
  /** Position of the closing mark in the segment, or -1 when the quote is not closed there. */
  close: number;
  /** Later segments the quotation runs on into: [segment, start, end] of the words in each. */
  more: Array<[number, number, number]>;
  /** Embedded in running text (not a sentence of its own). */
  embedded: boolean;
}

type Mark = {pos: number; open: boolean};

const isSpace = (c: string | undefined): boolean => c === undefined || /\s/.test(c);
const OPEN_BEFORE = /[\s([{\u2014\u2013\-/:,;]/;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const WORD_OR_STOP = /[\p{L}\p{N}.!?]/u;
const WORD_PERCENT_PAREN = /[\p{L}\p{N}%)]/u;

/** The only characters that can be marks: `"` `'` and U+2018-U+201E. */
const MARK_CHARS = /["'\u2018-\u201e]/g;

function marksOf(text: string, headline: boolean): Mark[] {
  const marks = objectList<Mark>();
  // the regex skips to each candidate mark faster than a loop over every character
  MARK_CHARS.lastIndex = 0;
  for (let found = MARK_CHARS.exec(text); found !== null; found = MARK_CHARS.exec(text)) {
    const i = found.index;
    const c = text[i]!;
    if (c === '“' || c === '„') marks.push({pos: i, open: true});
    else if (c === '”') marks.push({pos: i, open: false});
    else if (c === '"') {
      const prev = text[i - 1], next = text[i + 1];
      const opens = (prev === undefined || OPEN_BEFORE.test(prev) || prev === '“') && !isSpace(next);
      const closes = !isSpace(prev) && (isSpace(next) || /[.,;:!?)\]\u2014\u2013\-]/.test(next!));
      if (opens && !closes) marks.push({pos: i, open: true});
      else if (closes && !opens) marks.push({pos: i, open: false});
    } else if (headline && (c === '‘' || c === "'" || c === '’')) {
      const prev = text[i - 1], next = text[i + 1];
      if (c !== '’' && (prev === undefined || OPEN_BEFORE.test(prev)) && next !== undefined && WORD_CHAR.test(next)) marks.push({pos: i, open: true});
      else if (c !== '‘' && prev !== undefined && WORD_OR_STOP.test(prev) && (next === undefined || /[\s.,;:!?)]/.test(next))) marks.push({pos: i, open: false});
    }
  }
  return marks;
}

/** Trim whitespace and a trailing comma (the comma before `he said` belongs to the sentence). */
function trim(text: string, start: number, end: number): [number, number] {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /[\s,]/.test(text[end - 1]!)) end--;
  return [start, end];
}

/** End of the words of a paragraph a quotation runs on from: only whitespace is trimmed, a comma there is
 *  inside the quotation (`roads, bridges,` / `“schools ...`), not the one before `he said`. */
function runOnEnd(text: string, start: number): number {
  let end = text.length;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end;
}

function embedded(text: string, open: number): boolean {
  let i = open - 1;
  while (i >= 0 && /\s/.test(text[i]!)) i--;
  if (i < 0) return false;
  return WORD_PERCENT_PAREN.test(text[i]!);
}

export function extractQuoteSpans(segs: readonly Segment[]): QuoteSpan[] {
  const out = objectList<QuoteSpan>();
  let carry: QuoteSpan | null = null; // an unclosed quote that may run on into the next paragraph
  for (let s = 0; s < segs.length; s++) {
    const {text, index} = segs[s]!;
    const marks = marksOf(text, index === -1);
    let k = 0;
    if (carry) {
      const first = marks[0];
      const lead = first ? text.slice(0, first.pos).trim() : text.trim();
      if (first?.open && lead === '') {
        // The quotation goes on: its words run to the next closing mark, or on again.
        const close = marks.find((m, j) => j > 0 && !m.open);
        const nextOpen = marks.find((m, j) => j > 0 && m.open);
        const stop = close && (!nextOpen || close.pos < nextOpen.pos) ? close.pos : nextOpen ? nextOpen.pos : text.length;
        const [a, b] = trim(text, first.pos + 1, stop);
        // the paragraph before this one runs on: a comma ending it is part of the quotation
        const last = carry.more[carry.more.length - 1];
        if (b > a) {
          if (last) last[2] = runOnEnd(segs[last[0]]!.text, last[1]);
          else carry.end = runOnEnd(segs[carry.seg]!.text, carry.start);
          carry.more.push([s, a, b]);
        }
        if (close && stop === close.pos) { carry = null; k = marks.indexOf(close) + 1; } else if (stop < text.length) { carry = null; k = marks.findIndex((m) => m.pos === stop); } else { continue; }
      } else carry = null;
    }
    let open: Mark | null = null;
    for (; k < marks.length; k++) {
      const m = marks[k]!;
      if (m.open) {
        if (open) push(s, text, open.pos, m.pos, -1); // an open mark before the close: the first ends here
        open = m;
      } else if (open) {
        push(s, text, open.pos, m.pos, m.pos);
        open = null;
      }
    }
    if (open) {
      const q = push(s, text, open.pos, text.length, -1);
      if (q && index !== -1) carry = q;
    }
  }
  return out;

  function push(seg: number, text: string, open: number, stop: number, close: number): QuoteSpan | null {
    const [start, end] = trim(text, open + 1, stop);
    if (end <= start || !WORD_CHAR.test(text.slice(start, end))) return null;
    const q: QuoteSpan = {seg, open, start, end, close, more: objectList<[number, number, number]>(), embedded: embedded(text, open)};
    out.push(q);
    return q;
  }
}
