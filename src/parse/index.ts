// PLACEHOLDER until the parser lands (issue 2): splits on blank lines. Replaced wholesale.
import {createHash} from 'node:crypto';
import type {Article, ParseError, ParseOptions} from '../types.js';
import {extractEntities} from './entities/index.js';
import type {ArticleText} from './text.js';

function block(input: string, from: number, to: number): [string, Int32Array] {
  let out = '';
  const map: number[] = [];
  let space = false;
  for (let i = from; i < to; i++) {
    const c = input[i]!;
    if (/\s/.test(c)) { space = out.length > 0; continue; }
    if (space) { out += ' '; map.push(i - 1); space = false; }
    out += c; map.push(i);
  }
  return [out, Int32Array.from(map)];
}

export function parseArticle(input: string, options: ParseOptions): Article | ParseError {
  const blocks: Array<[string, Int32Array]> = [];
  const re = /\n[ \t\r]*\n/g;
  let last = 0;
  for (let m = re.exec(input); ; m = re.exec(input)) {
    const end = m ? m.index : input.length;
    const b = block(input, last, end);
    if (b[0]) blocks.push(b);
    if (!m) break;
    last = m.index + m[0].length;
  }
  const [head, ...rest] = blocks;
  if (!head) return {kind: 'parse-error', source: options.source, reason: 'empty', message: 'empty file'};
  const text: ArticleText = {input, headline: head[0], headlineOffsets: head[1], dateline: null, byline: null,
    paragraphs: rest.map((b) => b[0]), paragraphOffsets: rest.map((b) => b[1])};
  const id = createHash('sha256').update(blocks.map((b) => b[0]).join('\n')).digest('hex').slice(0, 16);
  return {id, source: options.source, section: null, headline: text.headline, update: null, dateline: null, byline: null,
    paragraphs: text.paragraphs, ...extractEntities(text), summary: [], words: text.paragraphs.join(' ').split(/\s+/).length, warnings: []};
}

export function parseArticleBytes(bytes: Uint8Array, options: ParseOptions): Article | ParseError {
  return parseArticle(new TextDecoder().decode(bytes), options);
}

/** Bump when the parser's output changes: cached articles from another version are re-parsed. */
export const PARSER_VERSION = 1;
