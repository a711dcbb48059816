// Layout labels of archive copy that are not content: `ABSTRACT.`, `FULL TEXT.`, `Correction Appended.`.
// `FULL TEXT.` also says where the story proper (and its dateline) begins.
export type Marker = 'abstract' | 'full-text' | 'correction-appended';

const MARKERS: ReadonlyArray<[RegExp, Marker]> = [
  [/^abstract\s*[.:]?$/i, 'abstract'],
  [/^full text\s*[.:]?$/i, 'full-text'],
  [/^correction appended\s*\.?$/i, 'correction-appended'],
];

export function extractMarker(line: string): Marker | null {
  const text = line.trim();
  // Every marker starts with a, f or c in either case (and a case-insensitive match without the u flag never
  // maps a non-ASCII letter to an ASCII one): most lines, the body's, are turned away without a regex.
  const first = text.charCodeAt(0) | 0x20;
  if (first !== 97 && first !== 99 && first !== 102) return null;
  // by index, not `for (const [pattern, marker] of ...)`: destructuring runs the iterator protocol per entry
  for (let k = 0; k < MARKERS.length; k++) if (MARKERS[k]![0].test(text)) return MARKERS[k]![1];
  return null;
}
