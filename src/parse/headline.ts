// The headline: the first block of the article (after any section line) that reads as a title:
// one to three lines, 1-40 words, at most 300 characters, some letters, and neither a dateline,
// a byline, an update note nor a layout marker. Lines of a two-line headline (a title and its deck,
// `Candidates vie for vets' support;` / `Trump and Clinton point out ...`) are joined.
import {extractByline} from './byline.js';
import {matchDateline} from './dateline.js';
import {extractMarker} from './markers.js';
import {collapseEach, collapseSpaces, endsWithMark, joinSpans, type Span} from './span.js';

const LETTER = /\p{L}/u;
import {extractUpdate} from './update.js';

export const MAX_HEADLINE_WORDS = 40;
export const MAX_HEADLINE_CHARS = 300;

/** Why a block cannot be a headline, or null when it can. */
export function headlineObstacle(lines: readonly Span[]): string | null {
  if (lines.length === 0) return 'nothing';
  if (lines.length > 3) return `a ${lines.length}-line block`;
  const text = collapseSpaces(joinSpans(lines, ' ')).text;
  const words = text.split(' ').length;
  if (words > MAX_HEADLINE_WORDS || text.length > MAX_HEADLINE_CHARS) return `a ${words}-word paragraph`;
  if (!LETTER.test(text)) return 'no letters';
  const dateline = matchDateline(text);
  // A strong dateline (place and date or agency) never heads an article; a bare `CAPS - ` prefix
  // followed by a sentence is a dateline paragraph, not a title.
  if (dateline && (dateline.strong || text.length - dateline.length > 60 || endsWithMark(text, '.!?', '"”’'))) return 'a dateline';
  if (lines.some((l) => extractByline(l.text) !== null)) return 'a byline';
  if (lines.some((l) => extractUpdate(l.text) !== null)) return 'an update note';
  if (lines.some((l) => extractMarker(l.text) !== null)) return 'a layout marker';
  return null;
}

export function extractHeadline(lines: readonly Span[]): Span | null {
  if (headlineObstacle(lines) !== null) return null;
  return collapseSpaces(joinSpans(collapseEach(lines), ' '));
}
