import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {parseArticle} from '../../src/parse/index.js';
import {isParseError} from '../../src/types.js';

// `words` is counted by hand for speed: it must equal the number of \S+ runs in the paragraphs.
describe('words', () => {
  it('counts the whitespace-separated runs of every paragraph, odd spaces included', () => {
    const piece = fc.constantFrom('Minister', 'said', '“yes”', ' ', '  ', '\u00a0', '\u2009', '\u3000', '\ufeff', 'x', '—', '\t', '.', '\n', '\n\n');
    fc.assert(fc.property(fc.array(piece, {maxLength: 60}).map((a) => `Headline of the day\n\n${a.join('')} end.`), (text) => {
      const a = parseArticle(text, {source: 't'});
      if (isParseError(a)) return;
      expect(a.words).toBe(a.paragraphs.reduce((n, p) => n + (p.match(/\S+/g)?.length ?? 0), 0));
    }), {numRuns: 500});
  });
});
