// The section or kicker line above a headline (`Conflicts & War`, `World`, `Asia-Pacific`,
// `BUSINESS NEWS`): a single short line of capitalised words with no sentence punctuation, and only
// when the block after it can itself be a headline (so a short title-case headline followed by the
// body is never taken for a section), and that block does not end with a full stop.
import {extractByline} from './byline.js';
import {headlineObstacle} from './headline.js';
import {endsWithMark, squeezeSpaces, type Span} from './span.js';

const UPPER_START = /^\p{Lu}/u;

export const MAX_SECTION_WORDS = 5;
const MINOR = new Set(['&', 'and', 'of', 'the', 'in', 'on', 'for', 'de', 'y', '/', '-', '|', '+']);

export function isSectionLine(text: string): boolean {
  const t = text.trim();
  if (t.length === 0 || t.length > 40) return false;
  if (/[.,;:!?"“”‘’()\d]/.test(t.replace(/’s\b|'s\b/g, ''))) return false;
  const words = t.split(/\s+/);
  if (words.length > MAX_SECTION_WORDS || extractByline(t) !== null) return false;
  return words.every((w) => MINOR.has(w.toLowerCase()) || UPPER_START.test(w)) && UPPER_START.test(t);
}

/** The section when `block` is a section line and `next` a possible headline; otherwise null. */
export function extractSection(block: readonly Span[], next: readonly Span[] | undefined): string | null {
  if (block.length !== 1 || next === undefined) return null;
  if (!isSectionLine(block[0]!.text) || headlineObstacle(next) !== null) return null;
  // A headline under a kicker does not end like a sentence; a short first paragraph does.
  if (endsWithMark(next[next.length - 1]!.text, '.', '"”’')) return null;
  return squeezeSpaces(block[0]!.text);
}
