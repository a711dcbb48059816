// A block of lines (between blank lines) to body paragraphs:
// - wire copy with 4-space paragraph indents (Reuters): a new paragraph at each indented line,
//   the hard-wrapped lines in between joined;
// - other hard-wrapped text (lines of at most WRAP_WIDTH characters, the longest at least
//   MIN_WRAP): joined into one paragraph;
// - otherwise each line is a paragraph (scraped copy with single line breaks between paragraphs).
// A line ending in a hyphen after a letter joins the next without a space (`English-` + `language`).
// Spaces are collapsed in every paragraph.
import {collapseEach, collapseSpaces, joinSpansWith, type Span} from './span.js';

export const WRAP_WIDTH = 90;
export const MIN_WRAP = 45;

const isIndented = (line: Span): boolean => /^ {2,}\S/.test(line.text);
const LETTER_HYPHEN_END = /\p{L}-$/u;
const LOWER_START = /^\s*\p{Ll}/u;

function joinWrapped(lines: readonly Span[]): Span {
  // One pass (joining pairwise would copy the paragraph once per line): each later line is collapsed and
  // joined with a space, or with nothing after a letter-hyphen when it starts in lower case; empty parts vanish.
  const parts: Span[] = [];
  const seps: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const part = i === 0 ? lines[0]! : collapseSpaces(lines[i]!);
    if (part.text.length === 0) continue;
    const prev = parts[parts.length - 1];
    seps.push(prev && !(LETTER_HYPHEN_END.test(prev.text) && LOWER_START.test(lines[i]!.text)) ? ' ' : '');
    parts.push(part);
  }
  if (parts.length === 0) return collapseSpaces(lines[0]!);
  return collapseSpaces(parts.length === 1 ? parts[0]! : joinSpansWith(parts, seps));
}

export function isHardWrapped(lines: readonly Span[]): boolean {
  if (lines.length < 2) return false;
  // the longest line but the last (which may be short)
  let longest = 0;
  for (let i = 0; i < lines.length - 1; i++) longest = Math.max(longest, lines[i]!.text.trim().length);
  return longest <= WRAP_WIDTH && longest >= MIN_WRAP;
}

export function blockParagraphs(lines: readonly Span[]): Span[] {
  if (lines.length === 1) return [collapseSpaces(lines[0]!)];
  let indented = false;
  for (let i = 1; i < lines.length && !indented; i++) indented = isIndented(lines[i]!);
  if (indented) {
    const out: Span[] = [];
    let group: Span[] = [];
    for (const line of lines) {
      if (group.length > 0 && isIndented(line)) {
        out.push(joinWrapped(group));
        group = [];
      }
      group.push(line);
    }
    out.push(joinWrapped(group));
    return out;
  }
  if (isHardWrapped(lines)) return [joinWrapped(lines)];
  return collapseEach(lines);
}
