// `By NAME` lines: `By JOHN SMITH`, `By Jane Doe and Ahmed Khan`, `By Jane Doe, Associated Press`,
// `BY LEE MIN-JI | Reuters`. Returns the names as written (without `By`), or null when the line is a
// sentence that happens to start with "By" (`By Wednesday, ministers had agreed.`).
import {endsWithMark, squeezeSpaces} from './span.js';

const BYLINE = /^by:?\s+(?<who>\S.*)$/i;
const NAME_START = /^[\p{Lu}"“(]/u;
const UPPER_START = /^\p{Lu}/u;
const NON_LETTERS_START = /^[^\p{L}]+/u;
const JOINERS = new Set(['and', 'de', 'da', 'del', 'der', 'di', 'du', 'la', 'le', 'van', 'von', 'bin', 'al', 'el', 'y', 'e', 'in', 'for', 'at', '&', '|', 'the']);
const TIME_WORDS = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|then|now|contrast|comparison|law|far|all|early|late|midday|noon|nightfall|dawn|the|a|an|this|that|these|those|now|next|last|some|most|many|much|its|his|her|their|our|my|your)$/i;

export function extractByline(line: string): string | null {
  const text = squeezeSpaces(line);
  const m = BYLINE.exec(text);
  if (!m?.groups || text.length > 120) return null;
  const who = m.groups.who!.trim();
  const words = who.split(/\s+/);
  if (words.length > 12 || TIME_WORDS.test(words[0]!.replace(/[,.]$/, ''))) return null;
  // a sentence, not a name (both tests always run: a test that runs only after a rare first one deopts the
  // optimised caller when it first does)
  const initialEnd = /\b[A-Z]\.$/.test(who);
  if (endsWithMark(who, '.!?', '"”’') && !initialEnd) return null;
  const nameWords = words.filter((w) => !JOINERS.has(w.toLowerCase().replace(/[,;]$/, '')));
  if (nameWords.length === 0 || !nameWords.every((w) => NAME_START.test(w) || UPPER_START.test(w.replace(NON_LETTERS_START, '')))) return null;
  return who;
}
