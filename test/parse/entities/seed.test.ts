import {existsSync, readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {parseArticle} from '../../../src/parse/index.js';
import {isParseError} from '../../../src/types.js';

const SEED = new URL('../../../../shared/seed/000_4be3d47db556df85.txt', import.meta.url);
const present = existsSync(SEED);
if (!present) console.warn('seed test skipped: ../shared/seed is absent');

describe.skipIf(!present)('the seed article, exactly (needs ../shared)', () => {
  const a = present ? parseArticle(readFileSync(SEED, 'utf8'), {source: 'seed'}) : null;
  const article = a && !isParseError(a) ? a : null;

  it('people', () => {
    const people = article!.people.map((p) => [p.name, p.role, p.country, p.leader]);
    expect(people).toEqual([
      ['Fumio Kishida', 'prime minister', 'JPN', true],
      ['Yoon Suk-yeol', 'president', 'KOR', true],
      ['Joe Biden', 'president', 'USA', true],
      ['Anthony Albanese', null, 'AUS', true],
      ['Jacinda Ardern', null, 'NZL', true],
    ]);
    expect(article!.people[0]!.aliases).toContain('Kushida');
  });

  it('countries', () => {
    const codes = article!.countries.map((c) => c.code);
    for (const c of ['JPN', 'KOR', 'USA', 'PRK', 'RUS', 'UKR', 'AUS', 'NZL', 'CHN']) expect(codes).toContain(c);
    const forms = article!.countries.flatMap((c) => c.forms);
    expect(forms).not.toContain('Indo-Pacific');
    expect(forms).not.toContain('Asia-Pacific');
  });

  it('twelve full quotes: six Kishida, three Yoon, two Biden, one White House', () => {
    const full = article!.quotes.filter((q) => q.text.split(/\s+/).length >= 4);
    expect(full).toHaveLength(12);
    const by = (name: string): number => full.filter((q) => q.speakerName === name).length;
    expect([by('Fumio Kishida'), by('Yoon Suk-yeol'), by('Joe Biden'), by('White House')]).toEqual([6, 3, 2, 1]);
    expect(full.every((q) => !q.partial)).toBe(true);
    expect(full.find((q) => q.speakerName === 'White House')!.text).toContain('unshakeable commitment');
  });
});
