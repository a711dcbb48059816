import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {tokenize} from '../../src/parse/entities/segments.js';
import {parseArticle} from '../../src/parse/index.js';
import {NO_TOKENS, wordsAround} from '../../src/parse/words.js';
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

describe('wordsAround', () => {
  const runs = (t: string): number => t.match(/\S+/g)?.length ?? 0;
  const piece = fc.constantFrom('Minister', 'U.S.-led', 'Japan’s', 'said', '“yes”', ' ', '  ', '\u00a0', '\u3000', '\ufeff', '\t', '—', '2.5', 'x', '.');

  it('counts the \\S+ runs of any range from the gaps between the tokens starting in it', () => {
    fc.assert(fc.property(fc.array(piece, {maxLength: 40}).map((a) => a.join('')), fc.nat(), fc.nat(), (text, a, b) => {
      const toks = tokenize(text);
      const start = Math.min(a, b) % (text.length + 1);
      const end = start + (Math.max(a, b) - Math.min(a, b)) % (text.length - start + 1);
      let k0 = 0;
      while (k0 < toks.length && toks[k0]!.start < start) k0++;
      let k1 = k0;
      while (k1 < toks.length && toks[k1]!.start < end) k1++;
      expect(wordsAround(text, toks, k0, k1, start, end)).toBe(runs(text.slice(start, end)));
      expect(wordsAround(text, NO_TOKENS, 0, 0, start, end)).toBe(runs(text.slice(start, end)));
    }), {numRuns: 1000});
  });

  it('reads a single-spaced sentence as its spaces plus one, and falls back on doubled or other spaces', () => {
    for (const text of ['The minister said no.', 'The  minister said', 'The\tminister', ' lead', 'trail ', '', 'one']) {
      const toks = tokenize(text);
      expect(wordsAround(text, toks, 0, toks.length, 0, text.length)).toBe(runs(text));
    }
  });
});
