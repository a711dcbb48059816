import {describe, expect, it} from 'vitest';
import {splitSentences} from '../../src/parse/sentences.js';

const texts = (s: string) => splitSentences(s).map((x) => x.text);

describe('splitSentences', () => {
  it('does not split after abbreviations, initials, dates or decimals', () => {
    expect(texts('The U.S. president met Mr. Kishida on Jan. 5 in Tokyo. Growth was 2.5 percent. Dr. Smith of St. Louis agreed.')).toEqual([
      'The U.S. president met Mr. Kishida on Jan. 5 in Tokyo.',
      'Growth was 2.5 percent.',
      'Dr. Smith of St. Louis agreed.',
    ]);
    expect(texts('President George W. Bush arrived at 5 p.m. on Friday. He spoke.')).toEqual([
      'President George W. Bush arrived at 5 p.m. on Friday.',
      'He spoke.',
    ]);
  });

  it('splits after a closing quotation mark that ends a sentence', () => {
    expect(texts('He was “deeply concerned over nuclear testing.” The prime minister spoke next.')).toEqual([
      'He was “deeply concerned over nuclear testing.”',
      'The prime minister spoke next.',
    ]);
    expect(texts('It was "fine." Then it rained.')).toEqual(['It was "fine."', 'Then it rained.']);
  });

  it('never splits inside a quotation', () => {
    expect(texts('He said: “I will go. I will not stay.” The minister agreed.')).toEqual([
      'He said: “I will go. I will not stay.”',
      'The minister agreed.',
    ]);
    expect(texts('Asked again, he said: "No. Never." Officials agreed.')).toEqual([
      'Asked again, he said: "No. Never."',
      'Officials agreed.',
    ]);
  });

  it('keeps apostrophes from being taken for quotation marks', () => {
    expect(texts('Pyongyang’s missiles worried Tokyo. Seoul’s leaders met.')).toEqual(['Pyongyang’s missiles worried Tokyo.', 'Seoul’s leaders met.']);
  });

  it('keeps a wire dateline with its sentence and reports offsets into the input', () => {
    const input = '  Madrid, Jun 29 (EFE).- Leaders met. They “agreed.”  ';
    const out = splitSentences(input);
    expect(out.map((s) => s.text)).toEqual(['Madrid, Jun 29 (EFE).- Leaders met.', 'They “agreed.”']);
    for (const s of out) expect(input.slice(s.start, s.end)).toBe(s.text);
  });

  it('returns nothing for blank text and one sentence for text without a full stop', () => {
    expect(splitSentences('   ')).toEqual([]);
    expect(texts('A headline without a stop')).toEqual(['A headline without a stop']);
  });
});

describe('splitSentences: units after numbers', () => {
  it('a unit letter after a number is not an initial: `£50m. Chief executive ...` ends a sentence', () => {
    expect(texts('It cost £50m. Chief executive John Beaumont quit. It rose 5km. Then it rained.')).toEqual([
      'It cost £50m.', 'Chief executive John Beaumont quit.', 'It rose 5km.', 'Then it rained.',
    ]);
  });
  it('the `s` of a possessive or the `t` of a contraction is not an initial', () => {
    expect(texts('She denies he is Mr Brown’s. The interview came later. And indeed he wasn\'t. Michael Howard spoke.')).toEqual([
      'She denies he is Mr Brown’s.', 'The interview came later.', 'And indeed he wasn\'t.', 'Michael Howard spoke.',
    ]);
  });
});
