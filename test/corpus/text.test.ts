// The word scanner and the content terms are written by hand for speed (the summary runs them on every
// sentence of every article); they must find exactly what the regular expression they replace finds.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {contentTerm, eachFoldedWord, eachWordSpan, fold, isStopword, stem} from '../../src/corpus/text.js';

/** The content terms of a text as the summary takes them, word by word. */
const contentTerms = (text: string): string[] => {
  const out: string[] = [];
  eachFoldedWord(text, (w) => {
    const t = contentTerm(w);
    if (t !== null) out.push(t);
  });
  return out;
};

const WORD_RE = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu;
const byRegex = (text: string): Array<[number, number]> => [...text.matchAll(WORD_RE)].map((m) => [m.index, m.index + m[0].length]);
const byScanner = (text: string): Array<[number, number]> => {
  const out: Array<[number, number]> = [];
  eachWordSpan(text, (s, e) => out.push([s, e]));
  return out;
};
/** The content terms as first written: regex words of the folded text, filtered, stemmed by regex. */
const referenceTerms = (text: string): string[] =>
  [...fold(text).matchAll(WORD_RE)]
    .map((m) => m[0])
    .filter((w) => w.length >= 2 && !isStopword(w) && !/^\d+$/.test(w))
    .map((w) => {
      let s = w.replace(/['’]s$/, '');
      if (s.length > 4 && s.endsWith('ies')) s = s.slice(0, -3) + 'y';
      else if (s.length > 3 && s.endsWith('s') && !s.endsWith('ss') && !s.endsWith('us') && !s.endsWith('is')) s = s.slice(0, -1);
      return s;
    });

const piece = fc.constantFrom('Kishida', 'Suk-yeol', 'U.S.', 'O’Neill', 'Japan’s', "it's", 'the US’ ', '2.5', '1,000', 'é', 'e\u0301',
  'İstanbul', '𝐀𝐁', '😀', '\ud83d', '-', '.', '’', "'", ' ', '\u00a0', 'Ardérn', '한국', 'ﬁne', 'missiles', 'policies', 'x', '“', '”');
const texts = fc.array(piece, {maxLength: 40}).map((a) => a.join(''));

describe('the word scanner', () => {
  it('finds the same words as the regular expression, astral letters, lone surrogates and joiners included', () => {
    fc.assert(fc.property(texts, (t) => {
      expect(byScanner(t)).toEqual(byRegex(t));
    }), {numRuns: 2000});
  });
});

describe('content terms', () => {
  it('equal the regex-based definition on any text', () => {
    fc.assert(fc.property(texts, (t) => {
      expect(contentTerms(t)).toEqual(referenceTerms(t));
    }), {numRuns: 2000});
  });

  it('drop stopwords, one-letter words and numbers, and stem plurals and possessives', () => {
    expect(contentTerms('The President’s policies on missiles, 2024 and a U.S. visit')).toEqual(['president', 'policy', 'missile', 'u.s', 'visit']);
    expect(stem('boss')).toBe('boss');
    expect(stem('virus')).toBe('virus');
    expect(stem('Japan’s')).toBe('Japan');
  });
});
