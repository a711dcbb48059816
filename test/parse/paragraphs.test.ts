import {describe, expect, it} from 'vitest';
import {blockParagraphs, isHardWrapped} from '../../src/parse/paragraphs.js';
import {normalizeLines} from '../../src/parse/normalize.js';
import {parseOk, structureOf, wire} from './helpers.js';

const texts = (input: string) => blockParagraphs(normalizeLines(input)).map((p) => p.text);

describe('paragraphs', () => {
  it('splits blank-line separated blocks, including lines with only spaces', () => {
    expect(parseOk('Headline\n\nOne.\n   \nTwo.\n\n\n\nThree.\n').paragraphs).toEqual(['One.', 'Two.', 'Three.']);
  });

  it('joins hard-wrapped wire lines and starts a paragraph at each 4-space indent', () => {
    const block = [
      'MONTREAL, Feb 26 - Quebecor Inc, one of Canada\'s largest',
      'publishing and printing companies, is likely to launch a new',
      'daily newspaper, president Pierre Peladeau said.',
      '    "I would say we will move ahead with the daily.... This',
      'is not definite," he said.',
      '    A new daily would give Montreal its second English-',
      'language paper.',
    ].join('\n');
    expect(texts(block)).toEqual([
      "MONTREAL, Feb 26 - Quebecor Inc, one of Canada's largest publishing and printing companies, is likely to launch a new daily newspaper, president Pierre Peladeau said.",
      '"I would say we will move ahead with the daily.... This is not definite," he said.',
      'A new daily would give Montreal its second English-language paper.',
    ]);
  });

  it('joins hard-wrapped lines without indents', () => {
    expect(texts('The finance minister said on Monday that the budget deficit\nwould narrow this year.')).toEqual([
      'The finance minister said on Monday that the budget deficit would narrow this year.',
    ]);
  });

  it('keeps long lines separated by single line breaks as separate paragraphs', () => {
    const long = 'Hillary Clinton spoke out Tuesday about the death of a man in Tulsa, Oklahoma, arguing that the epidemic should be recognized.';
    expect(texts(`${long}\n${long}`)).toEqual([long, long]);
    expect(isHardWrapped(normalizeLines(`${long}\n${long}`))).toBe(false);
  });

  it('keeps short label lines apart from the paragraph under them', () => {
    expect(texts('Getty/Instagram.\nA much longer line that follows the short one and that runs on beyond the wrap width of wire copy for sure.'))
      .toHaveLength(2);
  });

  it('collapses runs of spaces and maps each paragraph character to the input', () => {
    const input = 'Headline\r\n\r\nThe  finance minister\u00a0said on Monday that the\r\nbudget deficit would narrow this year and next, officials\r\nsaid.\r\n';
    const s = structureOf(input);
    expect(s.paragraphs.map((p) => p.text)).toEqual(['The finance minister said on Monday that the budget deficit would narrow this year and next, officials said.']);
    const p = s.paragraphs[0]!;
    [...p.text].forEach((c, i) => {
      if (c !== ' ') expect(input[p.offsets[i]!]).toBe(c);
    });
  });

  it('counts body words', () => {
    expect(parseOk(wire('Headline', 'One two three.', 'Four five.')).words).toBe(5);
  });
});
