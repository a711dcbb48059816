// One file's bytes to a finished Article: parse (src/parse) then the per-article corpus steps
// (the extractive summary). What `briefing parse`, the loader and its workers all call.
import {parseArticleBytes} from '../parse/index.js';
import {isParseError, type Article, type ParseError, type ParseOptions} from '../types.js';
import {summarize} from './summary.js';

export function analyzeBytes(bytes: Uint8Array, options: ParseOptions): Article | ParseError {
  const parsed = parseArticleBytes(bytes, options);
  if (isParseError(parsed)) return parsed;
  return {...parsed, summary: summarize(parsed)};
}
