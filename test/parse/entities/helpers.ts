// Builds the ArticleText the structure parser would hand over: headline, blank line, paragraphs.
import {extractEntities, type Entities} from '../../../src/parse/entities/index.js';
import type {ArticleText} from '../../../src/parse/text.js';

export function articleText(headline: string, ...paragraphs: string[]): ArticleText {
  const input = [headline, ...paragraphs].join('\n\n') + '\n';
  const range = (from: number, n: number): Int32Array => Int32Array.from({length: n}, (_, i) => from + i);
  let pos = headline.length + 2;
  const paragraphOffsets = paragraphs.map((p) => { const r = range(pos, p.length); pos += p.length + 2; return r; });
  return {input, headline, headlineOffsets: range(0, headline.length), dateline: null, byline: null, paragraphs, paragraphOffsets};
}

export function entities(headline: string, ...paragraphs: string[]): Entities & {input: string} {
  const text = articleText(headline, ...paragraphs);
  return {...extractEntities(text), input: text.input};
}

/** The speaker's name of the quote whose text contains `words`. */
export function speakerOf(e: Entities, words: string): string | null | undefined {
  return e.quotes.find((q) => q.text.includes(words))?.speakerName;
}
