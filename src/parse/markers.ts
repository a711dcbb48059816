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
  for (const [pattern, marker] of MARKERS) if (pattern.test(text)) return marker;
  return null;
}
