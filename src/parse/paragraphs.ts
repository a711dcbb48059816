// A block of lines (between blank lines) to body paragraphs:
// - wire copy with 4-space paragraph indents (Reuters): a new paragraph at each indented line,
//   the hard-wrapped lines in between joined;
// - other hard-wrapped text (lines of at most WRAP_WIDTH characters, the longest at least
//   MIN_WRAP): joined into one paragraph;
// - otherwise each line is a paragraph (scraped copy with single line breaks between paragraphs).
// A line ending in a hyphen after a letter joins the next without a space (`English-` + `language`).
// Spaces are collapsed in every paragraph.
import {collapseSpaces, joinSpans, type Span} from './span.js';

export const WRAP_WIDTH = 90;
export const MIN_WRAP = 45;

const isIndented = (line: Span): boolean => /^ {2,}\S/.test(line.text);

function joinWrapped(lines: readonly Span[]): Span {
  let joined: Span = lines[0]!;
  for (let i = 1; i < lines.length; i++) {
    const hyphen = /\p{L}-$/u.test(joined.text) && /^\s*\p{Ll}/u.test(lines[i]!.text);
    joined = joinSpans([joined, collapseSpaces(lines[i]!)], hyphen ? '' : ' ');
  }
  return collapseSpaces(joined);
}

export function isHardWrapped(lines: readonly Span[]): boolean {
  if (lines.length < 2) return false;
  const heads = lines.slice(0, -1).map((l) => l.text.trim().length);
  return Math.max(...heads) <= WRAP_WIDTH && Math.max(...heads) >= MIN_WRAP;
}

export function blockParagraphs(lines: readonly Span[]): Span[] {
  if (lines.length === 1) return [collapseSpaces(lines[0]!)];
  if (lines.slice(1).some(isIndented)) {
    const groups: Span[][] = [];
    for (const line of lines) {
      if (groups.length === 0 || isIndented(line)) groups.push([line]);
      else groups[groups.length - 1]!.push(line);
    }
    return groups.map(joinWrapped);
  }
  if (isHardWrapped(lines)) return [joinWrapped(lines)];
  return lines.map(collapseSpaces);
}
