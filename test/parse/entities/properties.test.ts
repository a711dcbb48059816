import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {extractEntities} from '../../../src/parse/entities/index.js';
import {articleText} from './helpers.js';

const normal = (s: string): string => s.replace(/[“”"‘’']/g, '').replace(/\s+/g, ' ').trim();
const word = fc.constantFrom('said', 'he', 'she', 'Mr', 'Blair', 'Ann', 'Lee', 'the', 'prime', 'minister', 'Japan’s', 'US’', '“', '”', '"', "'", '‘', '’', ',', '.', ':', '—', 'according', 'to', 'Nato', 'Seoul', 'White', 'House', 'statement', 'added', 'We', 'will', 'win', '\n');
const paragraph = fc.oneof(fc.array(word, {maxLength: 40}).map((w) => w.join(' ')), fc.string({maxLength: 80}));

describe('properties', () => {
  it('no input throws, and every quote slice of the input holds its text', () => {
    fc.assert(fc.property(paragraph, fc.array(paragraph, {maxLength: 6}), (headline, paras) => {
      const text = articleText(headline, ...paras);
      const e = extractEntities(text);
      for (const q of e.quotes) {
        expect(q.start).toBeLessThanOrEqual(q.end);
        expect(normal(text.input.slice(q.start, q.end))).toBe(normal(q.text));
        if (q.speaker) expect([...e.people.map((p) => p.id), ...e.organizations.map((o) => o.id), ...e.countries.map((c) => c.code)]).toContain(q.speaker);
        if (q.speakerKind === 'country') expect(e.organizations.map((o) => o.id)).not.toContain(q.speaker);
      }
    }), {numRuns: Number(process.env.FC_RUNS ?? 400)});
  });

  it('fast-check seed 1836990033: a comma ending the opening paragraph of a quote that runs on stays in its text', () => {
    // headline "" and paragraphs [“ said ,] ["#]: the text was `said #` while the input slice reads `said , #`
    const text = articleText('', '“ said ,', '"#');
    const e = extractEntities(text);
    expect(e.quotes).toHaveLength(1);
    const q = e.quotes[0]!;
    expect(normal(text.input.slice(q.start, q.end))).toBe(normal(q.text));
    expect(q.text).toBe('said , #');
  });

  it('a quote over three paragraphs keeps the commas that end its opening and middle paragraphs', () => {
    const text = articleText('H', '“We will build roads, bridges,', '“schools and hospitals,', '“and we will pay for all of it,” she said.');
    const q = extractEntities(text).quotes[0]!;
    expect(q.text).toBe('We will build roads, bridges, schools and hospitals, and we will pay for all of it');
    expect(normal(text.input.slice(q.start, q.end))).toBe(normal(q.text));
  });
});
