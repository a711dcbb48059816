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
  // by index, not `for (const [pattern, marker] of ...)`: destructuring runs the iterator protocol per entry
  for (let k = 0; k < MARKERS.length; k++) if (MARKERS[k]![0].test(text)) return MARKERS[k]![1];
  return null;
}
