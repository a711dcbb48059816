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
        if (q.speaker) expect([...e.people.map((p) => p.id), ...e.organizations.map((o) => o.id)]).toContain(q.speaker);
      }
    }), {numRuns: 400});
  });
});
