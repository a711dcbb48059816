// The article parser: bytes or text in, an Article or a one-line ParseError out. Never throws.
// Pipeline: decode -> normalise with offsets -> structure extractors -> extractEntities -> Article.
// Pure: no file system, no process, no terminal.
import {MAX_ARTICLE_BYTES, type Article, type CountryMention, type Organization, type ParseError, type ParseErrorReason, type ParseOptions, type Person, type Quote} from '../types.js';
import {decodeBytes, tooLargeMessage} from './decode.js';
import {extractEntitiesAndSentences, type EntitiesAndSentences} from './entities/index.js';
import {objectList, type Token} from './entities/segments.js';
import {articleId} from './id.js';
import {isBlank} from './normalize.js';
import {extractStructure} from './structure.js';
import {paragraphSentenceStarts} from './sentences.js';
import {ownString} from './span.js';
import type {ArticleText} from './text.js';
import {NO_TOKENS, wordsAround} from './words.js';

/** Bump whenever the parser's output changes for the same input (the cache keys on it). */
export const PARSER_VERSION = '2.8.0';

const parseError = (source: string, reason: ParseErrorReason, message: string): ParseError =>
  ({kind: 'parse-error', source, reason, message});

function utf8Length(text: string): number {
  return text.length * 3 <= MAX_ARTICLE_BYTES ? text.length : new TextEncoder().encode(text).length;
}

function entitiesOf(text: ArticleText, warnings: string[]): EntitiesAndSentences {
  try {
    return extractEntitiesAndSentences(text);
  } catch (error) {
    // A bug in entity extraction must not cost the user the article: keep the structure, say so.
    warnings.push(`entity extraction failed (${error instanceof Error ? error.message : String(error)})`);
    // lists made as the entity layer makes its own (objectList: the element kind they will have)
    return {
      entities: {quotes: objectList<Quote>(), people: objectList<Person>(), countries: objectList<CountryMention>(), organizations: objectList<Organization>()},
      sentenceStarts: paragraphSentenceStarts(text.paragraphs),
      words: objectList<Token[]>(),
    };
  }
}

/** An article, the sentence start positions of each of its paragraphs (the split the parser made, for the
 *  summary) and each paragraph's words as the parser found them (empty when entity extraction failed). */
export interface SplitArticle {
  article: Article;
  sentenceStarts: number[][];
  words: Token[][];
}

function parseText(input: string, source: string, warnings: string[]): SplitArticle | ParseError {
  const size = utf8Length(input);
  if (size > MAX_ARTICLE_BYTES) return parseError(source, 'too-large', tooLargeMessage(size));
  if (isBlank(input)) return parseError(source, 'empty', input.length === 0 ? 'empty file' : 'empty file (only whitespace)');
  const structure = extractStructure(input);
  if ('reason' in structure) return parseError(source, structure.reason, structure.message);
  // loops, not `.map`: an optimised `.map` returns a holey array where the interpreted one is packed, and the
  // switch of array kind after warm-up deopts every consumer of the paragraphs
  const paragraphs: string[] = [];
  const paragraphOffsets: Int32Array[] = [];
  for (const p of structure.paragraphs) {
    paragraphs.push(ownString(p.text)); // (read many times over by what follows: see ownString)
    paragraphOffsets.push(p.offsets);
  }
  const text: ArticleText = {
    input,
    headline: structure.headline.text,
    headlineOffsets: structure.headline.offsets,
    dateline: structure.dateline,
    byline: structure.byline,
    paragraphs,
    paragraphOffsets,
  };
  const id = articleId({
    section: structure.section,
    headline: text.headline,
    update: structure.update,
    byline: structure.byline,
    dateline: structure.dateline,
    paragraphs,
  });
  const {entities, sentenceStarts, words: paragraphWords} = entitiesOf(text, warnings);
  let words = 0;
  for (let p = 0; p < paragraphs.length; p++) {
    // each paragraph's words from the gaps between its tokens (none when entity extraction failed)
    const toks = p < paragraphWords.length ? paragraphWords[p]! : NO_TOKENS;
    words += wordsAround(paragraphs[p]!, toks, 0, toks.length, 0, paragraphs[p]!.length);
  }
  const article: Article = {
    id,
    source,
    section: structure.section,
    headline: text.headline,
    update: structure.update,
    dateline: structure.dateline,
    byline: structure.byline,
    paragraphs,
    // named, not spread: a spread builds the object by a slow generic copy
    quotes: entities.quotes,
    people: entities.people,
    countries: entities.countries,
    organizations: entities.organizations,
    summary: objectList<string>(), // filled by the summariser: a list of strings from the start
    words,
    warnings,
  };
  return {article, sentenceStarts, words: paragraphWords};
}

const articleOf = (r: SplitArticle | ParseError): Article | ParseError => ('kind' in r ? r : r.article);

/** Parses article text (as already decoded). Offsets in quotes refer to this string. */
export function parseArticle(input: string, options: ParseOptions): Article | ParseError {
  return articleOf(parseText(input, options.source, objectList<string>()));
}

/** Decodes a file's bytes (see decode.ts for the encoding policy) and parses them. */
export function parseArticleBytes(bytes: Uint8Array, options: ParseOptions): Article | ParseError {
  return articleOf(parseArticleBytesSplit(bytes, options));
}

/** parseArticleBytes, with each paragraph's sentence starts as the parser found them. */
export function parseArticleBytesSplit(bytes: Uint8Array, options: ParseOptions): SplitArticle | ParseError {
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return parseError(options.source, decoded.reason, decoded.message);
  return parseText(decoded.text, options.source, decoded.warnings);
}
