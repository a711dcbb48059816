// Text to normalised lines, each character mapped back to the original input.
// - line ends: CRLF, CR, LF, U+2028/2029, NEL, VT and FF all end a line;
// - tabs, NBSP and the other Unicode spaces (U+1680, U+2000-200A, U+202F, U+205F, U+3000) become ' ';
// - zero-width characters (U+200B-200D, U+2060, a BOM anywhere), soft hyphens and control
//   characters are dropped;
// - trailing spaces are dropped, so a line of only spaces is an empty line;
// - leading spaces are KEPT (a 4-space indent starts a paragraph in hard-wrapped wire copy);
// - quotes, curly or straight, and everything else are kept as written.
import type {Span} from './span.js';

// Character classes by code unit (a per-character regex costs ~5x more on large corpora).
const isSpace = (c: number): boolean =>
  c === 9 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000;
const isDropped = (c: number): boolean =>
  c <= 8 || (c >= 0x0e && c <= 0x1f) || (c >= 0x7f && c <= 0x84) || (c >= 0x86 && c <= 0x9f) || c === 0xad ||
  c === 0x180e || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff;
const isBreak = (c: number): boolean => c === 10 || c === 11 || c === 12 || c === 0x85 || c === 0x2028 || c === 0x2029;

/** JavaScript's `\s`, by code unit (checked against the regex over all 65,536). */
export const isWhitespace = (c: number): boolean =>
  c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
  c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

/** The characters normalizeLines does something with: CR, the breaks, the dropped ones and the spaces it replaces
 *  (by code unit, as isBreak, isDropped and isSpace say). */
// eslint-disable-next-line no-control-regex
const SPECIAL = /[\x00-\x1f\x7f-\x9f\xa0\xad\u1680\u180e\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]/g;

/** A finished line, trailing spaces dropped; `offsets` from `start` on are its characters' offsets. */
function lineSpan(line: string, offsets: Int32Array, start: number): Span {
  // trimEnd is exact here: every other whitespace character has become a space, a line end or nothing (and a
  // native trim leaves no loop for the first articles, which rarely have trailing spaces, to skip before it is
  // optimised)
  const text = line.trimEnd();
  return {text, offsets: offsets.subarray(start, start + text.length)};
}

export function normalizeLines(input: string): Span[] {
  const lines: Span[] = [];
  const offsets = new Int32Array(input.length);
  // A line is built from runs of input copied as they are (one slice per run, not one string per character):
  // `line` holds the finished runs, `run` is where the current run started in the input. (No closure here:
  // variables a closure shares live in a heap context, and every access in the loop below would go there.)
  let line = '';
  let run = 0;
  let lineStart = 0; // index into `offsets` where the current line starts
  let n = 0;
  SPECIAL.lastIndex = 0;
  for (let i = 0; i < input.length; i++) {
    // every character up to the next special one is copied as part of the run (the regex finds it faster than
    // a loop over every character would)
    // (test, not exec: no match array per special character; the class matches one code unit, so the match is
    // the one before lastIndex)
    const found = SPECIAL.test(input);
    const next = found ? SPECIAL.lastIndex - 1 : input.length;
    while (i < next) offsets[n++] = i++;
    if (!found) break;
    const c = input.charCodeAt(i);
    const lineEnd = c === 13 ? i + 1 >= input.length || input.charCodeAt(i + 1) !== 10 : isBreak(c);
    if (c === 13 || lineEnd || isDropped(c)) {
      if (run < i) line += input.slice(run, i);
      run = i + 1;
      if (lineEnd) {
        lines.push(lineSpan(line, offsets, lineStart));
        line = '';
        lineStart = n;
      }
      continue;
    }
    if (isSpace(c)) {
      if (run < i) line += input.slice(run, i);
      line += ' ';
      run = i + 1;
    }
    offsets[n++] = i;
  }
  if (run < input.length) line += input.slice(run);
  lines.push(lineSpan(line, offsets, lineStart));
  return lines;
}

/** True when the text has nothing but whitespace, zero-width and control characters. */
export function isBlank(input: string): boolean {
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c === 32 || c === 13 || isBreak(c) || isSpace(c) || isDropped(c)) continue;
    return false;
  }
  return true;
}

/** Groups lines into blocks separated by empty lines. */
export function toBlocks(lines: readonly Span[]): Span[][] {
  const blocks: Span[][] = [];
  let current: Span[] = [];
  for (const line of lines) {
    if (line.text.length === 0) {
      if (current.length > 0) blocks.push(current);
      current = [];
    } else current.push(line);
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}
