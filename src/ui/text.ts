// Display-width text helpers: every layout decision in the UI is made in terminal columns
// (string-width: CJK and emoji take two), never in UTF-16 `.length`.
import stringWidth from 'string-width';

const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

// One column per UTF-16 unit for text made only of characters that are never wide nor zero-width:
// ASCII, Latin, Greek, Cyrillic, general punctuation (‘’“”—…), box drawing and geometric shapes.
// string-width segments graphemes and runs emoji regexes; this skips that for most news text.
const NARROW = /^[\x20-\x7e\u00a0-\u00ac\u00ae-\u02ff\u0370-\u0482\u048a-\u0590\u2010-\u2027\u2030-\u205e\u2500-\u25fc]*$/;

export const width = (text: string): number => (NARROW.test(text) ? text.length : stringWidth(text));

/** Cuts `text` to at most `max` columns, ending with `…` when something was cut. */
export function truncate(text: string, max: number): string {
  if (max <= 0) return '';
  if (width(text) <= max) return text;
  let out = '';
  let used = 0;
  for (const {segment} of segmenter.segment(text)) {
    const w = width(segment);
    if (used + w > max - 1) break;
    out += segment;
    used += w;
  }
  return out + '…';
}

/** Pads (or truncates) `text` to exactly `columns` columns. */
export function fit(text: string, columns: number): string {
  const cut = truncate(text, columns);
  return cut + ' '.repeat(Math.max(0, columns - width(cut)));
}

/** One wrapped line: its text and where it starts and ends in the source string (UTF-16 offsets). */
export interface WrappedLine {
  text: string;
  start: number;
  end: number;
}

/** Word-wraps `text` to `columns` display columns, keeping source offsets (for highlighting).
 *  Words wider than a line are broken at grapheme boundaries. */
export function wrap(text: string, columns: number): WrappedLine[] {
  const max = Math.max(1, columns);
  const lines: WrappedLine[] = [];
  let lineStart = -1;
  let lineEnd = 0;
  let used = 0;
  const push = (): void => {
    if (lineStart >= 0) lines.push({text: text.slice(lineStart, lineEnd), start: lineStart, end: lineEnd});
    lineStart = -1;
    used = 0;
  };
  const re = /\S+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const word = m[0];
    const start = m.index;
    const w = width(word);
    if (lineStart >= 0 && used + 1 + w <= max) {
      used += 1 + w;
      lineEnd = start + word.length;
      continue;
    }
    push();
    if (w <= max) {
      lineStart = start;
      lineEnd = start + word.length;
      used = w;
      continue;
    }
    // A word wider than the line: break it by graphemes.
    let offset = start;
    for (const {segment} of segmenter.segment(word)) {
      const sw = width(segment);
      if (lineStart >= 0 && used + sw > max) push();
      if (lineStart < 0) lineStart = offset;
      used += sw;
      offset += segment.length;
      lineEnd = offset;
    }
  }
  push();
  return lines;
}

/** A run of text drawn in one role. */
export interface Segment<R extends string = string> {
  text: string;
  role: R | null;
  /** Drawn emphasised over its role (the focused quote in the reader). */
  strong?: boolean;
}

/** Splits `text` into segments, giving `role` to the [start, end) ranges (sorted, may overlap the ends). */
export function highlight<R extends string>(text: string, ranges: ReadonlyArray<readonly [number, number, R]>): Segment<R>[] {
  const out: Segment<R>[] = [];
  let at = 0;
  for (const [s, e, role] of ranges) {
    const start = Math.max(at, Math.min(s, text.length));
    const end = Math.max(start, Math.min(e, text.length));
    if (start > at) out.push({text: text.slice(at, start), role: null});
    if (end > start) out.push({text: text.slice(start, end), role});
    at = Math.max(at, end);
  }
  if (at < text.length) out.push({text: text.slice(at), role: null});
  return out;
}

/** Cuts segments to at most `max` columns, with `…` when something was cut. */
export function truncateSegments<R extends string>(segments: readonly Segment<R>[], max: number): Segment<R>[] {
  const total = segments.reduce((n, s) => n + width(s.text), 0);
  if (total <= max) return [...segments];
  const out: Segment<R>[] = [];
  let left = max - 1;
  for (const s of segments) {
    if (left <= 0) break;
    const w = width(s.text);
    if (w <= left) {
      out.push(s);
      left -= w;
      continue;
    }
    let text = '';
    for (const {segment} of segmenter.segment(s.text)) {
      const sw = width(segment);
      if (sw > left) break;
      text += segment;
      left -= sw;
    }
    if (text) out.push({...s, text});
    break;
  }
  out.push({text: '…', role: null});
  return out;
}
