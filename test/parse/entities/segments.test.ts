import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {GAP_DOT_SPACE, GAP_NONE, GAP_OTHER, GAP_SPACE, gapKind, scannedEnd, tokenize} from '../../../src/parse/entities/segments.js';

// The tokenizer scans words by hand for speed; it must find exactly the words of this regex.
const WORD = /[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*/gu;
const regexWords = (text: string): Array<[number, number]> => [...text.matchAll(WORD)].map((m) => [m.index, m.index + m[0].length]);
/** Token extents: a possessive `’s` is kept out of the token's text but is part of the word. */
const tokenWords = (text: string): Array<[number, number]> =>
  tokenize(text).map((t) => [t.start, t.poss && /^['’]s(?![\p{L}\p{N}])/u.test(text.slice(t.end)) ? t.end + 2 : t.end]);

describe('tokenize', () => {
  it('finds the same words as the word regex, on text with joiners, accents and astral letters', () => {
    const chars = fc.constantFrom('a', 'Z', '7', ' ', '-', "'", '’', '.', ',', 'é', 'Ω', '中', '𝐀', '😀', '\u00a0', '”', 's');
    fc.assert(fc.property(fc.array(chars, {maxLength: 40}).map((a) => a.join('')), (text) => {
      expect(tokenWords(text)).toEqual(regexWords(text));
    }), {numRuns: 2000});
  });

  it('scannedEnd is the end of the regex word, past a possessive the token leaves out', () => {
    const chars = fc.constantFrom('a', 'Z', '7', ' ', '-', "'", '’', '.', 's', 'S', 'é');
    fc.assert(fc.property(fc.array(chars, {maxLength: 30}).map((a) => a.join('')), (text) => {
      expect(tokenize(text).map((t) => [t.start, scannedEnd(text, t)])).toEqual(regexWords(text));
    }), {numRuns: 2000});
  });

  // lower and cap come from the segment lower-cased once; they must be what lower-casing each word gives
  it('lower-cases each word as toLowerCase does on the word alone (İ, final sigma, astral capitals)', () => {
    const chars = fc.constantFrom('a', 'Z', ' ', '’', 'É', 'İ', 'Σ', 'σ', 'Ω', '𐐀', '𝐀', 'ẞ', 'ǅ', '.', '-');
    fc.assert(fc.property(fc.array(chars, {maxLength: 30}).map((a) => a.join('')), (text) => {
      for (const t of tokenize(text)) {
        expect(t.lower).toBe(t.text.toLowerCase());
        expect(t.cap).toBe(t.text[0] !== t.text[0]!.toLowerCase());
      }
    }), {numRuns: 2000});
    expect(tokenize('ΟΔΟΣ’s İstanbul ΣΟΦΙΑ').map((t) => t.lower)).toEqual(['οδος', 'i̇stanbul', 'σοφια']);
  });

  it('splits possessives and keeps joined words whole', () => {
    const toks = tokenize('Japan’s Suk-yeol met O’Neill in the U.S. and the US’ allies');
    expect(toks.map((t) => t.text)).toEqual(['Japan', 'Suk-yeol', 'met', 'O’Neill', 'in', 'the', 'U.S', 'and', 'the', 'US', 'allies']);
    expect(toks.filter((t) => t.poss).map((t) => t.text)).toEqual(['Japan', 'US']);
    expect(toks.find((t) => t.text === 'U.S')!.dot).toBe(true);
    expect(toks.map((t) => t.cap)).toEqual([true, true, false, true, false, false, true, false, false, true, false]);
  });
});

describe('gapKind', () => {
  // what it replaces: the gap's text, one leading apostrophe dropped, compared with '', ' ' and '. '
  const byText = (text: string, from: number, to: number): number => {
    const g = text.slice(from, to).replace(/^['’]/, '');
    return g === '' ? GAP_NONE : g === ' ' ? GAP_SPACE : g === '. ' ? GAP_DOT_SPACE : GAP_OTHER;
  };

  it('tells the gaps between tokens apart as comparing their text does', () => {
    const chars = fc.constantFrom('a', ' ', '.', ',', '’', "'", 'É', '“');
    fc.assert(fc.property(fc.array(chars, {maxLength: 12}).map((a) => a.join('') + 'x'), fc.nat(), fc.nat(), (text, x, y) => {
      const to = y % text.length;
      const from = x % (text.length + 2);
      expect(gapKind(text, from, to)).toBe(byText(text, from, to));
    }), {numRuns: 3000});
  });

  it('drops one possessive apostrophe, not two', () => {
    expect(gapKind('US’ allies', 2, 4)).toBe(GAP_SPACE);
    expect(gapKind("US'' allies", 2, 5)).toBe(GAP_OTHER);
    expect(gapKind('U.S. official', 3, 5)).toBe(GAP_DOT_SPACE);
    expect(gapKind('ab', 1, 1)).toBe(GAP_NONE);
  });
});
