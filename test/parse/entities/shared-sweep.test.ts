// Entity extraction over every real text in ../shared (research-only; read at run time, never copied):
// it must never fail (the parser would keep the article but warn "entity extraction failed").
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {parseArticleBytes} from '../../../src/parse/index.js';
import {isParseError} from '../../../src/types.js';
import {hasShared, sharedDir} from '../helpers.js';

function texts(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, {withFileTypes: true}).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? texts(p) : e.name.endsWith('.txt') ? [p] : [];
  });
}

describe.skipIf(!hasShared)(`entity extraction over ${sharedDir}${hasShared ? '' : ' (skipped: ../shared is absent)'}`, () => {
  it('no file of ../shared gets an "entity extraction failed" warning', () => {
    const files = texts(sharedDir);
    expect(files.length).toBeGreaterThan(700);
    const failed = files.flatMap((f) => {
      const a = parseArticleBytes(fs.readFileSync(f), {source: f});
      return !isParseError(a) && a.warnings.some((w) => w.startsWith('entity extraction failed')) ? [`${path.relative(sharedDir, f)}: ${a.warnings.join('; ')}`] : [];
    });
    expect(failed).toEqual([]);
  });
  it('every quote with a speaker says what kind of speaker it is', () => {
    const a = parseArticleBytes(fs.readFileSync(path.join(sharedDir, 'seed/000_4be3d47db556df85.txt')), {source: 'seed'});
    if (isParseError(a)) throw new Error(a.message);
    for (const q of a.quotes) expect(q.speakerName === null ? q.speakerKind === undefined : q.speakerKind !== undefined).toBe(true);
  });
});
