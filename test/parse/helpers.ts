// Shared helpers for the parser tests.
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {expect} from 'vitest';
import {parseArticle} from '../../src/parse/index.js';
import {extractStructure, type Structure} from '../../src/parse/structure.js';
import {isParseError, type Article, type ParseError} from '../../src/types.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const sharedDir = path.resolve(repoRoot, '../shared');
export const hasShared = fs.existsSync(sharedDir);

export function parseOk(text: string, source = 'test.txt'): Article {
  const result = parseArticle(text, {source});
  if (isParseError(result)) throw new Error(`expected an article, got ${result.reason}: ${result.message}`);
  return result;
}

export function parseFail(text: string, source = 'test.txt'): ParseError {
  const result = parseArticle(text, {source});
  expect(isParseError(result)).toBe(true);
  return result as ParseError;
}

export function structureOf(text: string): Structure {
  const s = extractStructure(text);
  if ('reason' in s) throw new Error(`expected a structure, got ${s.reason}: ${s.message}`);
  return s;
}

/** A minimal wire article around the given lines. */
export const wire = (...blocks: string[]): string => blocks.join('\n\n') + '\n';
