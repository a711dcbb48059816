// Sweep over the real texts in ../shared (research-only; read at run time, never copied).
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {isBoilerplateLine} from '../../src/parse/boilerplate.js';
import {parseArticleBytes} from '../../src/parse/index.js';
import {isParseError} from '../../src/types.js';
import {hasShared, sharedDir} from './helpers.js';

const DIRS = ['corpus/bbc-politics', 'corpus/bbc-business', 'corpus/reuters', 'eval/polnear-dev/text', 'seed'];

const listTexts = (dir: string): string[] =>
  fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(dir, f)) : [];

/** An independent, deliberately simple detector: does the story proper start with a dateline?
 *  Looks at the first body line after the headline, after a `FULL TEXT.` line, or after a short deck. */
const DATELINE_START = /^(?:\d\s+)?(?:[A-Z][A-Z.' -]+|[A-Z][a-z]+)(?:, [A-Za-z. ]+?)?(?:,? (?:[A-Z][a-z]{2,8}\.?|[A-Z]{3,9}) \d{1,2})?(?: ?\([A-Za-z-]+\))?(?:\.-| +-{1,2} | [—–―] )/;
function startsWithDateline(raw: string): boolean {
  const lines = raw.split('\n');
  const full = lines.findIndex((l) => l.trim() === 'FULL TEXT.');
  const blocks = raw.split(/\n\s*\n/).slice(1).map((b) => b.trim()).filter(Boolean);
  const candidates = full >= 0 ? [lines.slice(full + 1).find((l) => l.trim())!.trim()] : blocks.slice(0, 2).filter((b, i) => i === 0 || blocks[0]!.split(/\s+/).length <= 30);
  return candidates.some((c) => DATELINE_START.test(c) && !/^[A-Z][A-Z' ]+ [A-Z' ]+ [A-Z' ]+ [A-Z' ]+ —/.test(c));
}

describe.skipIf(!hasShared)(`corpus sweep over ${sharedDir}${hasShared ? '' : ' (skipped: ../shared is absent)'}`, () => {
  for (const dir of DIRS) {
    const files = listTexts(path.join(sharedDir, dir));
    it(`${dir}: every file parses, with a headline, no boilerplate line, and a dateline wherever the text starts with one`, () => {
      expect(files.length).toBeGreaterThan(0);
      const problems: string[] = [];
      let withDateline = 0;
      for (const file of files) {
        const raw = fs.readFileSync(file);
        const a = parseArticleBytes(raw, {source: file});
        const name = path.basename(file);
        if (isParseError(a)) {
          problems.push(`${name}: ${a.message}`);
          continue;
        }
        if (a.headline.trim() === '') problems.push(`${name}: empty headline`);
        if (a.paragraphs.length === 0) problems.push(`${name}: no paragraphs`);
        const junk = a.paragraphs.find((p) => isBoilerplateLine(p) || /^\s*reuter\b/i.test(p) || /REUTER\.\.\./.test(p));
        if (junk) problems.push(`${name}: boilerplate survived: ${junk}`);
        if (startsWithDateline(raw.toString('utf8'))) {
          withDateline++;
          if (a.dateline === null) problems.push(`${name}: dateline missed`);
          else if (a.paragraphs.some((p, i) => i < 2 && p.startsWith(a.dateline!.place + ','))) problems.push(`${name}: dateline left in the body`);
        }
      }
      expect(problems).toEqual([]);
      if (dir === 'corpus/reuters') expect(withDateline).toBe(files.length);
    });
  }

  it('BBC texts (no datelines) get no dateline, section or byline', () => {
    for (const dir of ['corpus/bbc-politics', 'corpus/bbc-business']) {
      for (const file of listTexts(path.join(sharedDir, dir))) {
        const a = parseArticleBytes(fs.readFileSync(file), {source: file});
        if (isParseError(a)) throw new Error(a.message);
        expect({file, d: a.dateline, s: a.section, b: a.byline}).toEqual({file, d: null, s: null, b: null});
      }
    }
  });

  it('Reuters: paragraphs are joined from hard wraps (none ends mid-wrap with a hyphen+space)', () => {
    for (const file of listTexts(path.join(sharedDir, 'corpus/reuters'))) {
      const a = parseArticleBytes(fs.readFileSync(file), {source: file});
      if (isParseError(a)) throw new Error(a.message);
      expect(a.headline).toBe(a.headline.toUpperCase());
      for (const p of a.paragraphs) expect(p).not.toMatch(/\n|\s{2}/);
    }
  });
});
