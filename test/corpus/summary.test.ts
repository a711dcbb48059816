import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {analyzeBytes} from '../../src/corpus/analyze.js';
import {parseArticleBytesSplit} from '../../src/parse/index.js';
import {summarize} from '../../src/corpus/summary.js';
import {isParseError, type Article} from '../../src/types.js';
import {article} from './fixtures.js';

/** The invariants every summary keeps: 2-3 whole sentences of the article, in order, quotes whole. */
function checkInvariants(a: Article, summary: string[]): void {
  const body = a.paragraphs.join('\n');
  const min = Math.min(2, a.paragraphs.length);
  expect(summary.length).toBeGreaterThanOrEqual(min);
  expect(summary.length).toBeLessThanOrEqual(3);
  let from = 0;
  for (const s of summary) {
    const at = body.indexOf(s, from);
    expect(at, `verbatim and in order: ${s}`).toBeGreaterThanOrEqual(0);
    from = at + s.length;
    // Whole sentences: ends with terminal punctuation (possibly inside a closing mark) or a paragraph end.
    const paragraphEnd = body[at + s.length] === undefined || body[at + s.length] === '\n';
    expect(paragraphEnd || /[.!?…]["”’)]*$/.test(s), `ends a sentence: ${s}`).toBe(true);
    expect((s.match(/“/g) ?? []).length, `quotes whole: ${s}`).toBe((s.match(/”/g) ?? []).length);
    expect((s.match(/"/g) ?? []).length % 2).toBe(0);
  }
  expect(new Set(summary).size).toBe(summary.length);
}

describe('summarize', () => {
  const a = article({
    headline: 'Leaders call for stronger alliance',
    paragraphs: [
      'The U.S. and Japan on Wednesday agreed to strengthen their alliance against missile threats, officials said. Mr. Biden met the Japanese prime minister in Madrid.',
      'The prime minister said the missile threats showed that the alliance “needs to be upgraded. It is essential.” He did not give details.',
      'The alliance agreed to strengthen missile warning exercises. The alliance agreed to strengthen missile warning exercises again.',
      'Growth in Japan was 2.5 percent on Jan. 5, a separate report said.',
      '“We hope this will be an opportunity,” the president said, adding that the partnership would continue',
    ],
  });

  it('chooses two or three whole sentences verbatim, in article order, quotes intact', () => {
    const s = summarize(a);
    checkInvariants(a, s);
    expect(s[0]).toBe(a.paragraphs[0]!.split(' Mr. Biden')[0]);
  });

  it('does not choose two near-identical sentences', () => {
    const s = summarize(a);
    const repeats = s.filter((x) => x.startsWith('The alliance agreed to strengthen missile warning'));
    expect(repeats.length).toBeLessThanOrEqual(1);
  });

  it('returns what there is for very short articles', () => {
    expect(summarize(article({headline: 'H', paragraphs: ['Only one sentence here.']}))).toEqual(['Only one sentence here.']);
    expect(summarize(article({headline: 'H', paragraphs: []}))).toEqual([]);
  });

  it('never picks a sentence whose quotation runs on into the next paragraph', () => {
    const b = article({
      headline: 'H',
      paragraphs: [
        '“The alliance must be upgraded to face the missile threat from the north, the prime minister said today',
        'The alliance leaders met in Madrid on Wednesday to discuss the missile threat.',
        'The leaders of four Pacific countries also met in Madrid before the summit.',
        'Officials said the leaders would meet again in the autumn to discuss the alliance.',
      ],
    });
    const s = summarize(b);
    checkInvariants(b, s);
    expect(s.some((x) => x.startsWith('“'))).toBe(false);
  });
});

/** The summary from the parser's words must be the summary from scanning the text (analyzeBytes passes the words). */
function sameAsScanned(bytes: Uint8Array): void {
  const split = parseArticleBytesSplit(bytes, {source: 't'});
  if ('kind' in split) return;
  expect(split.words.length).toBe(split.article.paragraphs.length);
  expect(summarize(split.article, split.sentenceStarts, split.words)).toEqual(summarize(split.article, split.sentenceStarts));
}

describe('summarize from the parser\'s words', () => {
  it('chooses what scanning the text chooses: possessives, accents, numbers, stopwords, quotes', () => {
    const word = fc.constantFrom('Japan’s', 'boss’s', 'it’s', "it's", '5’s’', 'US’', 'missiles', 'missile', 'Ardérn', 'ΣΟΦΙΑ', 'İstanbul', 'the',
      '2024', 'U.S.', 'said', 'alliance', 'threats', 'Threat', '“Yes,”', 'talks.', 'Mr.', 'Kishida', 'minister', 'ties', 'a', '—');
    const sentence = fc.array(word, {minLength: 3, maxLength: 14}).map((w) => `${w.join(' ')}.`);
    const paragraph = fc.array(sentence, {minLength: 1, maxLength: 4}).map((s) => s.join(' '));
    fc.assert(fc.property(fc.array(paragraph, {minLength: 2, maxLength: 8}), (ps) => {
      sameAsScanned(new TextEncoder().encode(`Leaders meet\n\n${ps.join('\n\n')}\n`));
    }), {numRuns: 300});
  });
});

const DATA = join(import.meta.dirname, '../../data');
const SHARED = join(import.meta.dirname, '../../../shared/corpus/bbc-politics');

function checkFolder(dir: string, limit: number): void {
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt')).slice(0, limit)) {
    const bytes = readFileSync(join(dir, f));
    const a = analyzeBytes(bytes, {source: f});
    if (!isParseError(a)) checkInvariants(a, a.summary);
    sameAsScanned(bytes);
  }
}

describe('summarize on real articles', () => {
  it('keeps the invariants on every article in data/', () => checkFolder(DATA, Infinity));

  describe.skipIf(!existsSync(SHARED))('on ../shared/corpus (skipped: ../shared/corpus/bbc-politics is absent)', () => {
    it('keeps the invariants on 60 BBC politics articles', () => checkFolder(SHARED, 60));
  });
});
