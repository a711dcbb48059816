// Property tests (fast-check): the parser never throws, and whitespace noise changes nothing.
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {parseArticle, parseArticleBytes} from '../../src/parse/index.js';
import {extractStructure} from '../../src/parse/structure.js';
import {isParseError} from '../../src/types.js';
import {repoRoot} from './helpers.js';

const dataDir = path.join(repoRoot, 'data');
const samples = fs.readdirSync(dataDir).filter((f) => f.endsWith('.txt')).map((f) => fs.readFileSync(path.join(dataDir, f), 'utf8'));

/** Whitespace noise that must not change an article: CRLF or CR line ends, extra spaces next to
 *  existing spaces, trailing spaces and tabs, NBSP for a space, extra blank lines, a BOM.
 *  (Leading spaces are not noise: a 4-space indent starts a paragraph in wire copy.) */
function addNoise(text: string, seed: number[]): string {
  let k = 0;
  const next = (): number => seed[k++ % seed.length]!;
  const eol = ['\n', '\r\n', '\r'][next() % 3]!;
  const lines = text.split('\n').map((line) => {
    const noisy = line.replace(/(\S) (?=\S)/g, (_m, c: string) => (next() % 4 === 0 ? `${c}  ` : next() % 7 === 0 ? `${c}\u00a0` : `${c} `));
    return noisy + (next() % 3 === 0 ? ' \t ' : '');
  });
  const joined = lines.join(eol).replace(new RegExp(`${eol}${eol}`, 'g'), (m) => (next() % 5 === 0 ? m + eol + '   ' + eol : m));
  return (next() % 2 === 0 ? '\ufeff' : '') + joined;
}

describe('parser properties', () => {
  it('never throws on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({unit: 'binary', maxLength: 400}), (s) => {
      const r = parseArticle(s, {source: 'x'});
      expect(typeof r).toBe('object');
    }), {numRuns: 400});
  });

  it('never throws on arbitrary line-structured text with wire-like pieces', () => {
    const piece = fc.constantFrom('Madrid, Jun 29 (EFE).- ', 'WASHINGTON (AP) — ', '    ', '\n', '\n\n', '\r\n', 'By JANE DOE', '(Update: x)',
      'Related Articles', ' Reuter', '“', '”', '"', 'ABSTRACT.', 'FULL TEXT.', 'Word ', 'word. ', '-', '\u00a0', '\u200b', 'Conflicts & War');
    fc.assert(fc.property(fc.array(fc.oneof(piece, fc.string({maxLength: 12})), {maxLength: 60}), (parts) => {
      const r = parseArticle(parts.join(''), {source: 'x'});
      if (!isParseError(r)) {
        expect(r.headline.length).toBeGreaterThan(0);
        expect(r.paragraphs.length).toBeGreaterThan(0);
        expect(r.id).toMatch(/^[0-9a-f]{16}$/);
      }
    }), {numRuns: 400});
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({maxLength: 400}), (bytes) => {
      const r = parseArticleBytes(bytes, {source: 'x'});
      expect(typeof r).toBe('object');
    }), {numRuns: 400});
  });

  it('every paragraph and headline character maps back to the same character of the input', () => {
    fc.assert(fc.property(fc.constantFrom(...samples), fc.array(fc.nat(), {minLength: 1, maxLength: 20}), (text, seed) => {
      const input = addNoise(text, seed);
      const s = extractStructure(input);
      if ('reason' in s) throw new Error(s.message);
      for (const span of [s.headline, ...s.paragraphs]) {
        expect(span.offsets.length).toBe(span.text.length);
        [...span.text].forEach((c, i) => {
          const o = input[span.offsets[i]!]!;
          expect(c === ' ' ? /\s/.test(o) : o === c).toBe(true);
        });
      }
    }), {numRuns: 60});
  });

  it('is idempotent on whitespace noise: same id, paragraphs and fields', () => {
    expect(samples.length).toBeGreaterThan(0);
    fc.assert(fc.property(fc.constantFrom(...samples), fc.array(fc.nat(), {minLength: 1, maxLength: 30}), (text, seed) => {
      const clean = parseArticle(text, {source: 'a.txt'});
      const noisy = parseArticle(addNoise(text, seed), {source: 'b/c.txt'});
      if (isParseError(clean) || isParseError(noisy)) throw new Error('sample did not parse');
      expect(noisy.id).toBe(clean.id);
      expect(noisy.paragraphs).toEqual(clean.paragraphs);
      expect([noisy.section, noisy.headline, noisy.update, noisy.byline, noisy.dateline]).toEqual([clean.section, clean.headline, clean.update, clean.byline, clean.dateline]);
    }), {numRuns: 100});
  });
});
