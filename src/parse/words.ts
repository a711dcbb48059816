// Whitespace-separated words (`\S+` runs), the measure of an article's `words` and of a summary sentence's
// length. Where the parser's tokens of the text are at hand, only the gaps between them are read: a token holds
// no whitespace, and most gaps are one space, so most characters are never looked at.
import type {Token} from './entities/segments.js';
import {isWhitespace} from './normalize.js';

/** No tokens at hand: wordsAround then reads every character. */
export const NO_TOKENS: readonly Token[] = [];

/** The number of `\S+` runs in text[start, end). */
function runsIn(text: string, start: number, end: number): number {
  let n = 0;
  let inWord = false;
  for (let i = start; i < end; i++) {
    const space = isWhitespace(text.charCodeAt(i));
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** The number of `\S+` runs in text (no tokens at hand). */
export function wordCount(text: string): number {
  return runsIn(text, 0, text.length);
}

/** Single spaces in the gaps around toks[k0, k1) within [start, end), or -1 when a gap has other whitespace or
 *  two spaces in a row. */
function gapSpaces(text: string, toks: readonly Token[], k0: number, k1: number, start: number, end: number): number {
  let spaces = 0;
  let from = start;
  for (let k = k0; k <= k1; k++) {
    const to = k < k1 ? toks[k]!.start : end;
    let space = false;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      const was = space;
      space = c === 32;
      if (space) {
        if (was) return -1;
        spaces++;
      } else if ((c < 32 || c >= 0xa0) && isWhitespace(c)) return -1;
    }
    if (k < k1) from = Math.max(from, toks[k]!.end);
  }
  return spaces;
}

/**
 * The number of `\S+` runs in text[start, end), where toks[k0, k1) are the text's tokens (as the parser's
 * tokenizer found them in `text`) that start in that range, ascending.
 */
export function wordsAround(text: string, toks: readonly Token[], k0: number, k1: number, start: number, end: number): number {
  // single spaces between non-blank ends: one word more than spaces
  if (end > start && !isWhitespace(text.charCodeAt(start)) && !isWhitespace(text.charCodeAt(end - 1))) {
    const spaces = gapSpaces(text, toks, k0, k1, start, end);
    if (spaces >= 0) return spaces + 1;
  }
  return runsIn(text, start, end);
}
