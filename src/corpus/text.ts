// Word-level text helpers shared by the summariser, related articles and search: one tokenizer, one
// normalisation (lower case, accents folded), one stop list, so the three agree on what a word is.

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

/** Lower case with accents folded: `Ardérn` -> `ardern`. */
export function fold(s: string): string {
  // Only text with a character that can decompose needs NFD: ASCII and typographic punctuation (curly
  // quotes, dashes: U+2002-U+206F have no canonical decomposition) are lower-cased as they are.
  // eslint-disable-next-line no-control-regex
  return /[^\u0000-\u007f\u2002-\u206f]/.test(s) ? s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase() : s.toLowerCase();
}

const WORD_RE = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu;

export interface Token {
  /** Folded form. */
  term: string;
  start: number;
  end: number;
}

/** Words with their offsets: `Yoon Suk-yeol’s` -> yoon, suk-yeol’s. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD_RE)) out.push({term: fold(m[0]), start: m.index, end: m.index + m[0].length});
  return out;
}

/** Folded words without offsets, for indexing. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(WORD_RE)) out.push(fold(m[0]));
  return out;
}

/** A light English stem so `missile`/`missiles`, `threat`/`threats` count as one term. */
export function stem(word: string): string {
  let w = word.replace(/['’]s$/, '');
  if (w.length > 4 && w.endsWith('ies')) w = w.slice(0, -3) + 'y';
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  return w;
}

/** Content terms of a text: folded, stemmed, stopwords and one-letter words dropped. */
export function contentTerms(text: string): string[] {
  const out: string[] = [];
  // Fold once for the whole text (offsets are not needed here), not once per word.
  for (const m of fold(text).matchAll(WORD_RE)) {
    const w = m[0];
    if (w.length < 2 || STOP.has(w) || (w.charCodeAt(0) < 58 && /^\d+$/.test(w))) continue;
    out.push(stem(w));
  }
  return out;
}

/** A URL-safe slug: `Fumio Kishida` -> `fumio-kishida`. */
export function slug(s: string): string {
  return fold(s).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'x';
}
