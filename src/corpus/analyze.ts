// One file's bytes to a finished Article: parse (src/parse) then the per-article corpus steps
// (the extractive summary). What `briefing parse`, the loader and its workers all call.
// The summary takes the parser's own sentence split and words: each article is split and tokenised once.
import {parseArticleBytesSplit} from '../parse/index.js';
import type {Article, ParseError, ParseOptions} from '../types.js';
import {summarize} from './summary.js';

export function analyzeBytes(bytes: Uint8Array, options: ParseOptions): Article | ParseError {
  const parsed = parseArticleBytesSplit(bytes, options);
  if ('kind' in parsed) return parsed;
  const {article, sentenceStarts, words} = parsed;
  // filled in place (the article is this call's own): a `{...article}` copy is a generic property-by-property clone
  article.summary = summarize(article, sentenceStarts, words);
  return article;
}
