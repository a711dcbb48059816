// The structure extractors in order (chrono style: each extractor says null when unsure; the steps
// below are the ordered refiners that decide what each block is):
//   1. normalise lines with offsets, group into blocks           (normalize.ts)
//   2. drop boilerplate lines, related-link lists, the sign-off  (boilerplate.ts)
//   3. section line, if a headline follows it                    (section.ts)
//   4. head: headline, then update note, byline, layout markers  (headline, update, byline, markers)
//   5. body blocks to paragraphs (indents, hard wraps)           (paragraphs.ts)
//   6. dateline at the start of the first paragraph (or of the first after `FULL TEXT.`),
//      cut from that paragraph                                   (dateline.ts)
import type {Dateline, ParseErrorReason} from '../types.js';
import {dropBoilerplate} from './boilerplate.js';
import {extractByline} from './byline.js';
import {matchDateline} from './dateline.js';
import {extractHeadline, headlineObstacle, MAX_HEADLINE_WORDS} from './headline.js';
import {extractMarker} from './markers.js';
import {normalizeLines, toBlocks} from './normalize.js';
import {blockParagraphs} from './paragraphs.js';
import {extractSection} from './section.js';
import {collapseSpaces, sliceSpan, type Span} from './span.js';
import {extractUpdate} from './update.js';

/** A paragraph this short before a dateline paragraph is a deck (sub-headline), not the story. */
export const MAX_DECK_WORDS = 30;

export interface Structure {
  section: string | null;
  headline: Span;
  update: string | null;
  byline: string | null;
  dateline: Dateline | null;
  paragraphs: Span[];
}

export interface StructureFailure {
  reason: ParseErrorReason;
  message: string;
}

/** Splits a multi-line first block into headline lines and the body lines run on after them. */
function splitHeadBlock(lines: readonly Span[]): [Span[], Span[]] {
  const k = lines.findIndex((l, i) => i > 0 && matchDateline(collapseSpaces(l).text) !== null);
  if (k > 0) return [lines.slice(0, k), lines.slice(k)];
  const words = lines.reduce((n, l) => n + l.text.trim().split(/\s+/).length, 0);
  if (lines.length > 3 || words > MAX_HEADLINE_WORDS) return [lines.slice(0, 1), lines.slice(1)];
  return [[...lines], []];
}

export function extractStructure(input: string): Structure | StructureFailure {
  const blocks = dropBoilerplate(toBlocks(normalizeLines(input)));
  if (blocks.length === 0) return {reason: 'empty', message: 'nothing but boilerplate'};
  let i = 0;
  const section = extractSection(blocks[0]!, blocks[1]);
  if (section !== null) i = 1;

  let headline: Span | null = null;
  let update: string | null = null;
  let byline: string | null = null;
  const body: Span[][] = [];
  for (; i < blocks.length && body.length === 0; i++) {
    const kept: Span[] = [];
    for (const line of blocks[i]!) {
      if (extractMarker(line.text) !== null) kept.push(line); // handled with the body
      else if (byline === null && extractByline(line.text) !== null) byline = extractByline(line.text);
      else if (update === null && headline !== null && extractUpdate(line.text) !== null) update = extractUpdate(line.text);
      else kept.push(line);
    }
    if (kept.length === 0) continue;
    if (headline !== null) {
      body.push(kept); // the first body block: the loop ends after this one
      continue;
    }
    const [head, rest] = splitHeadBlock(kept);
    headline = extractHeadline(head);
    if (headline === null) {
      return {reason: 'no-headline', message: `no recognisable headline (the text starts with ${headlineObstacle(head)})`};
    }
    if (rest.length > 0) body.push(rest);
  }
  if (headline === null) return {reason: 'no-headline', message: 'no recognisable headline'};
  body.push(...blocks.slice(i));

  // Body paragraphs; layout markers dropped, remembering where `FULL TEXT.` starts the story.
  const paragraphs: Span[] = [];
  let storyStart = 0;
  for (const block of body) {
    let run: Span[] = [];
    const flush = (): void => {
      if (run.length > 0) paragraphs.push(...blockParagraphs(run).filter((p) => p.text.length > 0));
      run = [];
    };
    for (const line of block) {
      const marker = extractMarker(line.text);
      if (marker === null) run.push(line);
      else {
        flush();
        if (marker === 'full-text') storyStart = paragraphs.length;
      }
    }
    flush();
  }

  // A short deck under the headline (`Curfew lifted, but city still in limbo.`) may come before it.
  let dateline: Dateline | null = null;
  let match = paragraphs[storyStart] ? matchDateline(paragraphs[storyStart]!.text) : null;
  const deck = paragraphs[storyStart];
  if (!match && deck && deck.text.split(' ').length <= MAX_DECK_WORDS && paragraphs[storyStart + 1]) {
    match = matchDateline(paragraphs[storyStart + 1]!.text);
    if (match) storyStart++;
  }
  const first = paragraphs[storyStart];
  if (first && match) {
    dateline = match.dateline;
    const rest = collapseSpaces(sliceSpan(first, match.length));
    if (rest.text.length > 0) paragraphs[storyStart] = rest;
    else paragraphs.splice(storyStart, 1);
  }
  if (paragraphs.length === 0) return {reason: 'no-body', message: 'a headline but no body text'};
  return {section, headline, update, byline, dateline, paragraphs};
}
