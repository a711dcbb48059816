// PLACEHOLDER until the parser lands (issue 2): splits on blank lines. Replaced wholesale.
import {createHash} from 'node:crypto';
import type {Article, ParseError, ParseOptions} from '../types.js';

export function parseArticle(text: string, options: ParseOptions): Article | ParseError {
  const blocks = text.replace(/\r\n?/g, '\n').split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean);
  const [headline, ...paragraphs] = blocks;
  if (!headline) return {kind: 'parse-error', source: options.source, reason: 'empty', message: 'empty file'};
  const id = createHash('sha256').update(blocks.join('\n')).digest('hex').slice(0, 16);
  return {id, source: options.source, section: null, headline, update: null, dateline: null, byline: null, paragraphs,
    quotes: [], people: [], countries: [], organizations: [], summary: [], words: paragraphs.join(' ').split(/\s+/).length, warnings: []};
}

export function parseArticleBytes(bytes: Uint8Array, options: ParseOptions): Article | ParseError {
  return parseArticle(new TextDecoder().decode(bytes), options);
}
