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

/** How many lines of a multi-line first block are the headline; the body runs on after them. */
function headLines(lines: readonly Span[]): number {
  for (let k = 1; k < lines.length; k++) if (matchDateline(collapseSpaces(lines[k]!).text) !== null) return k;
  let words = 0;
  for (const l of lines) words += l.text.trim().split(/\s+/).length;
  return lines.length > 3 || words > MAX_HEADLINE_WORDS ? 1 : lines.length;
}

/** The head of the article: headline, update note and byline, and the body blocks after it. */
interface Head {
  headline: Span;
  update: string | null;
  byline: string | null;
  body: Span[][];
}

/** Reads the head from block `from` on (after any section line). */
function extractHead(blocks: readonly Span[][], from: number): Head | StructureFailure {
  let headline: Span | null = null;
  let update: string | null = null;
  let byline: string | null = null;
  const body: Span[][] = [];
  let i = from;
  for (; i < blocks.length && body.length === 0; i++) {
    const kept: Span[] = [];
    for (const line of blocks[i]!) {
      if (extractMarker(line.text) !== null) {
        kept.push(line); // handled with the body
        continue;
      }
      const by: string | null = byline === null ? extractByline(line.text) : null;
      if (by !== null) {
        byline = by;
        continue;
      }
      const note: string | null = update === null && headline !== null ? extractUpdate(line.text) : null;
      if (note !== null) update = note;
      else kept.push(line);
    }
    if (kept.length === 0) continue;
    if (headline !== null) {
      body.push(kept); // the first body block: the loop ends after this one
      continue;
    }
    const k = headLines(kept);
    const head = kept.slice(0, k);
    headline = extractHeadline(head);
    if (headline === null) {
      return {reason: 'no-headline', message: `no recognisable headline (the text starts with ${headlineObstacle(head)})`};
    }
    if (k < kept.length) body.push(kept.slice(k));
  }
  if (headline === null) return {reason: 'no-headline', message: 'no recognisable headline'};
  for (; i < blocks.length; i++) body.push(blocks[i]!);
  return {headline, update, byline, body};
}

/** Adds a run of body lines as paragraphs (empty ones dropped). */
function addParagraphs(paragraphs: Span[], run: readonly Span[]): void {
  if (run.length === 0) return;
  for (const p of blockParagraphs(run)) if (p.text.length > 0) paragraphs.push(p);
}

/** Body paragraphs; layout markers dropped. Returns where `FULL TEXT.` starts the story (0 without one). */
function bodyParagraphs(body: readonly Span[][], paragraphs: Span[]): number {
  let storyStart = 0;
  for (const block of body) {
    let run: Span[] = [];
    for (const line of block) {
      const marker = extractMarker(line.text);
      if (marker === null) run.push(line);
      else {
        addParagraphs(paragraphs, run);
        run = [];
        if (marker === 'full-text') storyStart = paragraphs.length;
      }
    }
    addParagraphs(paragraphs, run);
  }
  return storyStart;
}

/** The dateline at the start of the story, cut from its paragraph; a short deck under the headline
 *  (`Curfew lifted, but city still in limbo.`) may come before it. */
function cutDateline(paragraphs: Span[], storyStart: number): Dateline | null {
  if (storyStart >= paragraphs.length) return null;
  let at = storyStart;
  let match = matchDateline(paragraphs[at]!.text);
  if (!match && paragraphs[at]!.text.split(' ').length <= MAX_DECK_WORDS && at + 1 < paragraphs.length) {
    match = matchDateline(paragraphs[at + 1]!.text);
    if (match) at++;
  }
  if (!match) return null;
  const rest = collapseSpaces(sliceSpan(paragraphs[at]!, match.length));
  if (rest.text.length > 0) paragraphs[at] = rest;
  else paragraphs.splice(at, 1);
  return match.dateline;
}

export function extractStructure(input: string): Structure | StructureFailure {
  const blocks = dropBoilerplate(toBlocks(normalizeLines(input)));
  if (blocks.length === 0) return {reason: 'empty', message: 'nothing but boilerplate'};
  const section = extractSection(blocks[0]!, blocks.length > 1 ? blocks[1] : undefined);
  const head = extractHead(blocks, section === null ? 0 : 1);
  if ('reason' in head) return head;
  const paragraphs: Span[] = [];
  const storyStart = bodyParagraphs(head.body, paragraphs);
  const dateline = cutDateline(paragraphs, storyStart);
  if (paragraphs.length === 0) return {reason: 'no-body', message: 'a headline but no body text'};
  return {section, headline: head.headline, update: head.update, byline: head.byline, dateline, paragraphs};
}
