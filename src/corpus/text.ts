// Word-level text helpers shared by the summariser, related articles and search: one tokenizer, one
// normalisation (lower case, accents folded), one stop list, so the three agree on what a word is.
// A word is the parser's (letters and digits joined by inner - ' ’ .), found by its scanner.
import {isJoiner, wordCharAt, wordRun} from '../parse/entities/segments.js';

const STOP = new Set(
  ('a about above after again against all also am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each few for from further had has have having he her here hers herself him himself ' +
    'his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours ' +
    'ourselves out over own same she should so some such than that the their theirs them themselves then there these they this ' +
    'those through to too under until up very was we were what when where which while who whom why will with would you your ' +
    'yours yourself yourselves said says say told according added also one two three new last first year years would could ' +
    'mr mrs ms dr s t re ve ll d m wednesday monday tuesday thursday friday saturday sunday week meanwhile however')
    .split(' '),
);

export function isStopword(word: string): boolean {
  return STOP.has(word);
}

/** A light English stem so `missile`/`missiles`, `threat`/`threats` count as one term. */
export function stem(word: string): string {
  let w = word;
  const n = w.length;
  // the possessive: 's or ’s
  if (n >= 2 && w.charCodeAt(n - 1) === 115 /* s */ && (w.charCodeAt(n - 2) === 39 || w.charCodeAt(n - 2) === 0x2019)) w = w.slice(0, -2);
  if (w.length > 4 && w.endsWith('ies')) w = w.slice(0, -3) + 'y';
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  return w;
}

/** Calls `fn(start, end)` for each word of `text`: [\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*, scanned by hand. */
export function eachWordSpan(text: string, fn: (start: number, end: number) => void): void {
  for (let i = 0; i < text.length;) {
    const w = wordCharAt(text, i);
    if (w === 0) {
      i++;
      continue;
    }
    let end = wordRun(text, i + w);
    // (end < length: no read past the end of the text, which deopts)
    while (end < text.length && isJoiner(text.charCodeAt(end)) && wordCharAt(text, end + 1) > 0) end = wordRun(text, end + 1);
    fn(i, end);
    i = end;
  }
}

/** True when `fold(text)` is `text.toLowerCase()`: nothing in it can decompose (ASCII, typographic punctuation). */
export function foldsByLowerCase(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  return !/[^\u0000-\u007f\u2002-\u206f]/.test(text);
}

/** Lower case with accents folded: `Ardérn` -> `ardern`. */
export function fold(s: string): string {
  // Only text with a character that can decompose needs NFD: ASCII and typographic punctuation (curly
  // quotes, dashes: U+2002-U+206F have no canonical decomposition) are lower-cased as they are.
  return foldsByLowerCase(s) ? s.toLowerCase() : s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** /^\d+$/ (ASCII digits) on a non-empty word, by code unit, every unit looked at: no regex, early exit or
 *  second test that would first run (and so deopt the optimised caller) on the rare all-digit word. */
function allDigits(word: string): boolean {
  let digits = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    digits += c >= 48 && c <= 57 ? 1 : 0;
  }
  return digits === word.length;
}

/** The content term of one folded word: stemmed; null for a stopword, a one-letter word or a number. */
export function contentTerm(word: string): string | null {
  if (word.length < 2 || STOP.has(word) || allDigits(word)) return null; // allDigits: not on an empty word
  return stem(word);
}

/** Calls `fn` with each folded word of a text, in order (the words that contentTerm turns into terms). */
export function eachFoldedWord(text: string, fn: (word: string) => void): void {
  // Fold once for the whole text (offsets are not needed here), not once per word.
  const folded = fold(text);
  eachWordSpan(folded, (s, e) => fn(folded.slice(s, e)));
}

/** A URL-safe slug: `Fumio Kishida` -> `fumio-kishida`. */
export function slug(s: string): string {
  return fold(s).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'x';
}
