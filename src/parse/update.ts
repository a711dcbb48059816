// The editor's note under a headline: `(Update: re-ledes, new headline, adds remarks)`,
// `(UPDATE 2: adds quotes)`, `(Corrects spelling of minister's name)`. Returns the note without
// the label and the parentheses, or null.
import {squeezeSpaces} from './span.js';

const UPDATE = /^\((?:(?:update[sd]?|updating|corrected|correction|recasts|refiles?|repeats)(?: \d+)?\s*[:.-]\s*(?<note>[^()]+)|(?<verb>(?:corrects|updates|adds|recasts|refiles|repeats)\b[^()]*))\)$/i;

export function extractUpdate(line: string): string | null {
  const m = UPDATE.exec(squeezeSpaces(line));
  if (!m?.groups) return null;
  const note = (m.groups.note ?? m.groups.verb ?? '').trim();
  return note.length > 0 ? note : null;
}
