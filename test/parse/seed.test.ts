// The user's own example article (data/000_*.txt, copied from ../shared/seed), field by field.
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {parseArticleBytes, PARSER_VERSION} from '../../src/parse/index.js';
import {isParseError, type Article} from '../../src/types.js';
import {repoRoot} from './helpers.js';

const seedPath = path.join(repoRoot, 'data/000_4be3d47db556df85.txt');
const bytes = fs.readFileSync(seedPath);
const parsed = parseArticleBytes(bytes, {source: 'data/000_4be3d47db556df85.txt'});
if (isParseError(parsed)) throw new Error(parsed.message);
const a: Article = parsed;

describe('seed article', () => {
  it('section, headline, update', () => {
    expect(a.section).toBe('Conflicts & War');
    expect(a.headline).toBe('Tokyo, Seoul call for ‘upgraded’ US alliance amid Pyongyang threat');
    expect(a.update).toBe('re-ledes, new headline, adds remarks');
  });

  it('dateline Madrid / Jun 29 / EFE, cut from the first paragraph', () => {
    expect(a.dateline).toEqual({place: 'Madrid', date: 'Jun 29', agency: 'EFE'});
    expect(a.paragraphs[0]).toMatch(/^Japanese prime minister Fumio Kushida and South Korean president/);
  });

  it('19 body paragraphs, no boilerplate, last one the Biden quote', () => {
    expect(a.paragraphs).toHaveLength(19);
    expect(a.paragraphs.some((p) => /Related Articles|Back to top/.test(p))).toBe(false);
    expect(a.paragraphs[18]).toMatch(/^Biden, meanwhile, said the “attendance/);
    expect(a.paragraphs[5]).toMatch(/^“In the case a nuclear test is performed/);
  });

  it('id, source, byline, words, warnings', () => {
    expect(a.id).toMatch(/^[0-9a-f]{16}$/);
    expect(a.source).toBe('data/000_4be3d47db556df85.txt');
    expect(a.byline).toBeNull();
    expect(a.words).toBeGreaterThan(550);
    expect(a.words).toBeLessThan(650);
    expect(a.warnings).toEqual([]);
    expect(a.summary).toEqual([]);
  });

  it('same id under another path, with CRLF line ends, and with a BOM', () => {
    const crlf = Buffer.from('\ufeff' + bytes.toString('utf8').replace(/\n/g, '\r\n'));
    const b = parseArticleBytes(crlf, {source: '/elsewhere/copy.txt'});
    expect(isParseError(b) ? null : b.id).toBe(a.id);
  });

  it('exports a parser version for the cache', () => {
    expect(PARSER_VERSION).toMatch(/\S/);
  });
});
