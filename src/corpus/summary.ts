// Extractive summary: two or three whole sentences of the article, verbatim and in article order.
// Sentences are ranked by TextRank (PageRank over word-overlap similarity) personalised towards the lead,
// the way news is written; near-duplicates of a chosen sentence are skipped; a sentence with an unbalanced
// quotation mark (a quote that runs on into the next paragraph) is never chosen, so quotes stay whole.
import {scannedEnd, type Token} from '../parse/entities/segments.js';
import {paragraphSentenceStarts, sentencesAt} from '../parse/sentences.js';
import {NO_TOKENS, wordsAround} from '../parse/words.js';
import type {Article} from '../types.js';
import {contentTerm, eachFoldedWord, foldsByLowerCase} from './text.js';

/** Only the first sentences are ranked: the lead carries the story, and it bounds the cost. */
const MAX_SENTENCES = 40;
const DAMPING = 0.85;
const ITERATIONS = 30;
/** Above this word-overlap (Jaccard) a sentence repeats one already chosen. */
const REDUNDANT = 0.5;
/** Two sentences shorter than this many words in total leave room for a third. */
const ROOM_FOR_THIRD = 55;

interface Candidate {
  text: string;
  order: number;
  /** The sentence's distinct content terms, as ids of this article's terms, ascending. */
  terms: number[];
  words: number;
}

const QUOTE_MARK = /[“”"]/g;

function balancedQuotes(s: string): boolean {
  let curly = 0;
  let straight = 0;
  // the regex skips to each mark (most sentences have none) faster than a loop over every character
  QUOTE_MARK.lastIndex = 0;
  for (let m = QUOTE_MARK.exec(s); m !== null; m = QUOTE_MARK.exec(s)) {
    const c = s.charCodeAt(m.index);
    if (c === 0x201c) curly++;
    else if (c === 0x201d && --curly < 0) return false;
    else if (c === 34) straight++;
  }
  return curly === 0 && straight % 2 === 0;
}

interface Candidates {
  list: Candidate[];
  /** The number of distinct terms (the term ids are 0 to terms - 1). */
  terms: number;
}

/** The content terms of the sentences, as small ids (sentences compare as sorted integer lists, not as sets
 *  of strings), filled one word at a time: a class (one shape, methods shared) rather than a closure made
 *  per article. */
class TermTable {
  /** Per term id, the last candidate (by order) that holds it: a term is counted once per sentence. One list of
   *  numbers, not a list of holders per term (hundreds of small arrays per article). */
  readonly last: number[] = [];
  private readonly ids = new Map<string, number>();
  /** Each folded word's term id, -1 when it is no content term: a word met again is not stemmed or looked up again. */
  private readonly wordIds = new Map<string, number>();
  /** The sentence being filled: its order and its term ids so far, ascending. */
  order = 0;
  terms: number[] = [];

  add(word: string): void {
    let id = this.wordIds.get(word);
    if (id === undefined) {
      const term = contentTerm(word);
      id = term === null ? -1 : this.ids.get(term);
      if (id === undefined) {
        this.ids.set(term!, (id = this.ids.size));
        this.last.push(-1);
      }
      this.wordIds.set(word, id);
    }
    if (id < 0) return;
    if (this.last[id] === this.order) return;
    this.last[id] = this.order;
    // kept ascending as it grows (a sentence has a few dozen terms at most): no sort, no typed array per sentence
    const terms = this.terms;
    let at = terms.length;
    for (; at > 0 && terms[at - 1]! > id; at--) terms[at] = terms[at - 1]!;
    terms[at] = id;
  }
}

/** The index of the first token at or after `pos`, from `k` on. */
function tokenFrom(toks: readonly Token[], k: number, pos: number): number {
  while (k < toks.length && toks[k]!.start < pos) k++;
  return k;
}

/** Adds the words toks[k0, k1) of a paragraph (as the text's folded words: lower case, a possessive `’s` kept). */
function addTokens(table: TermTable, paragraph: string, toks: readonly Token[], k0: number, k1: number): void {
  for (let k = k0; k < k1; k++) {
    const tok = toks[k]!;
    // nothing follows a word at the paragraph's end (and scannedEnd would read past it: a deopt)
    const end = tok.end < paragraph.length ? scannedEnd(paragraph, tok) : tok.end;
    table.add(end === tok.end ? tok.lower : tok.lower + paragraph.slice(tok.end, end));
  }
}

/**
 * The first sentences with their content terms. `starts`: each paragraph's sentence starts, one list per
 * paragraph. `words`: each paragraph's words as the parser found them;
 * where folding a paragraph is only lower-casing, its sentences' words are these (sentences start after
 * a space, so no word crosses one), and the text is not scanned again.
 */
function candidates(article: Article, starts: readonly (readonly number[])[], words?: readonly (readonly Token[])[]): Candidates {
  const list: Candidate[] = [];
  const table = new TermTable();
  const add = (word: string): void => table.add(word);
  const paragraphs = article.paragraphs;
  const byWords = words !== undefined && words.length === paragraphs.length;
  for (let p = 0; p < paragraphs.length && list.length < MAX_SENTENCES; p++) {
    const paragraph = paragraphs[p]!;
    const toks = byWords ? words[p]! : NO_TOKENS;
    const folds = byWords && foldsByLowerCase(paragraph);
    let k = 0;
    const sentences = sentencesAt(paragraph, starts[p]!);
    // by index: breaking out of a for-of closes its iterator, a step the first (short) articles never take
    for (let q = 0; q < sentences.length; q++) {
      const s = sentences[q]!;
      const terms: number[] = [];
      table.order = list.length;
      table.terms = terms;
      const k0 = tokenFrom(toks, k, s.start);
      k = tokenFrom(toks, k0, s.end);
      if (folds) addTokens(table, paragraph, toks, k0, k);
      else eachFoldedWord(s.text, add);
      list.push({text: s.text, order: list.length, terms, words: wordsAround(paragraph, toks, k0, k, s.start, s.end)});
      if (list.length >= MAX_SENTENCES) break;
    }
  }
  return {list, terms: table.last.length};
}

/** Terms two sentences share: a merge of two ascending lists. */
function overlap(a: readonly number[], b: readonly number[]): number {
  let n = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    const x = a[i]!, y = b[j]!;
    if (x === y) { n++; i++; j++; } else if (x < y) i++; else j++;
  }
  return n;
}

// rank's matrices and vectors, allocated once and reused (n <= MAX_SENTENCES): a typed array of more than 64
// bytes is allocated outside V8's heap, and each allocation is more code for a fresh isolate to compile.
const N2 = MAX_SENTENCES * MAX_SENTENCES;
const SHARED = new Uint16Array(N2);
const WEIGHTS = new Float64Array(N2);
const OUT_SUM = new Float64Array(MAX_SENTENCES);
const LOG_LENGTH = new Float64Array(MAX_SENTENCES);
const TELEPORT = new Float64Array(MAX_SENTENCES);
const BASE = new Float64Array(MAX_SENTENCES);
const SCORES_A = new Float64Array(MAX_SENTENCES);
const SCORES_B = new Float64Array(MAX_SENTENCES);

// countShared's per-term tables, grown as needed (an article has a few hundred terms).
let termStart = new Int32Array(1024);
let holderList = new Int32Array(2048);

/** Terms each pair of sentences shares, counted from each term's holders (the sentences that have it: most terms
 *  are in one or two), rather than by merging the term lists of all n² pairs. */
function countShared(cands: readonly Candidate[], terms: number): Uint16Array {
  const n = cands.length;
  // the holders of every term as runs of one list, ascending: a counting sort of the (sentence, term) pairs
  if (termStart.length < terms + 2) termStart = new Int32Array(2 * terms + 2);
  const start = termStart.fill(0, 0, terms + 2);
  let pairs = 0;
  for (let x = 0; x < n; x++) {
    const ts = cands[x]!.terms;
    pairs += ts.length;
    for (let k = 0; k < ts.length; k++) start[ts[k]! + 2]!++;
  }
  for (let t = 2; t < terms + 2; t++) start[t]! += start[t - 1]!;
  if (holderList.length < pairs) holderList = new Int32Array(2 * pairs);
  const holders = holderList;
  // start[t + 1] is where term t's run is filled next; once filled, term t's run is [start[t], start[t + 1])
  for (let x = 0; x < n; x++) {
    const ts = cands[x]!.terms;
    for (let k = 0; k < ts.length; k++) holders[start[ts[k]! + 1]!++] = x;
  }
  const shared = SHARED.fill(0, 0, n * n);
  for (let t = 0; t < terms; t++) {
    const end = start[t + 1]!;
    for (let a = start[t]!; a < end; a++) for (let b = a + 1; b < end; b++) shared[holders[a]! * n + holders[b]!]!++;
  }
  return shared;
}

/** The similarity weights (symmetric, in WEIGHTS) and each sentence's sum of them (in OUT_SUM). */
function similarity(cands: readonly Candidate[], shared: Uint16Array): void {
  const n = cands.length;
  const weights = WEIGHTS.fill(0, 0, n * n);
  const outSum = OUT_SUM.fill(0, 0, n);
  const logLength = LOG_LENGTH;
  for (let i = 0; i < n; i++) logLength[i] = Math.log(cands[i]!.terms.length);
  for (let i = 0; i < n; i++) {
    if (cands[i]!.terms.length < 2) continue;
    for (let j = i + 1; j < n; j++) {
      const common = shared[i * n + j]!;
      if (common === 0 || cands[j]!.terms.length < 2) continue; // a zero weight adds nothing below
      const w = common / (logLength[i]! + logLength[j]!);
      weights[i * n + j] = w;
      weights[j * n + i] = w;
      outSum[i]! += w;
      outSum[j]! += w;
    }
  }
}

/**
 * One round of the power iteration: next = BASE + DAMPING * (share x score). Four rows at a time: each row's sum
 * still adds its terms one by one in ascending order (the same floating-point result), but four independent
 * sums keep the adder busy where one would wait on each addition.
 */
function step(share: Float64Array, score: Float64Array, next: Float64Array, n: number): void {
  const base = BASE;
  // a last group of fewer than four rows sums its first row again in the missing ones (and does not store them):
  // no separate loop for the rest, which the first articles might never run before this is optimised
  for (let j = 0; j < n; j += 4) {
    const r0 = j * n;
    const r1 = j + 1 < n ? r0 + n : r0;
    const r2 = j + 2 < n ? r1 + n : r0;
    const r3 = j + 3 < n ? r2 + n : r0;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (let i = 0; i < n; i++) {
      const x = score[i]!;
      s0 += share[r0 + i]! * x;
      s1 += share[r1 + i]! * x;
      s2 += share[r2 + i]! * x;
      s3 += share[r3 + i]! * x;
    }
    next[j] = base[j]! + DAMPING * s0;
    if (j + 1 < n) next[j + 1] = base[j + 1]! + DAMPING * s1;
    if (j + 2 < n) next[j + 2] = base[j + 2]! + DAMPING * s2;
    if (j + 3 < n) next[j + 3] = base[j + 3]! + DAMPING * s3;
  }
}

/**
 * TextRank with a teleport vector that favours early sentences (position-biased PageRank). The scores are
 * valid in [0, n) of the array returned, until the next call.
 */
function rank({list: cands, terms}: Candidates): Float64Array {
  const n = cands.length;
  similarity(cands, countShared(cands, terms));
  const weights = WEIGHTS;
  const outSum = OUT_SUM;
  const teleport = TELEPORT;
  let tsum = 0;
  for (let i = 0; i < n; i++) tsum += teleport[i] = 1 / (i + 1);
  for (let i = 0; i < n; i++) teleport[i]! /= tsum;
  // the teleport term of each round, computed once
  const base = BASE;
  for (let i = 0; i < n; i++) base[i] = (1 - DAMPING) * teleport[i]!;
  // Transition probabilities once, in place of the weights (which are symmetric: row j holds column j): the
  // share of i's weight that goes to j, zero where i does not link to j. The bench's articles link nearly every
  // pair (1,012 links of 1,044 entries on average), so the dense product is the cheaper one, and it gives the
  // same sums as summing the links alone: each missing term adds +0, in the same ascending order.
  const share = weights;
  for (let j = 0, row = 0; j < n; j++, row += n) {
    for (let i = 0; i < n; i++) {
      const w = share[row + i]!;
      if (w > 0) share[row + i] = w / outSum[i]!;
    }
  }
  let score = SCORES_A;
  let next = SCORES_B;
  for (let i = 0; i < n; i++) score[i] = teleport[i]!;
  for (let it = 0; it < ITERATIONS; it++) {
    step(share, score, next, n);
    let moved = false;
    for (let j = 0; j < n; j++) if (next[j] !== score[j]) moved = true;
    const last = score;
    score = next;
    next = last;
    if (!moved) break; // a fixed point: further rounds give the same scores
  }
  // The lead bias again on the final score: the teleport alone is too weak in a well-connected article.
  for (let i = 0; i < n; i++) score[i]! *= 1 + 1 / (1 + i);
  return score;
}

function suitable(c: Candidate): boolean {
  return c.words >= 6 && c.words <= 80 && c.terms.length >= 3 && balancedQuotes(c.text);
}

function jaccard(a: readonly number[], b: readonly number[]): number {
  const inter = overlap(a, b);
  return inter / (a.length + b.length - inter || 1);
}

/** True when `c` repeats a sentence already chosen. */
function redundant(c: Candidate, chosen: readonly Candidate[]): boolean {
  for (const d of chosen) if (jaccard(c.terms, d.terms) > REDUNDANT) return true;
  return false;
}

/** The sentences' texts, in a packed array (an optimised `.map` makes a holey one: two array kinds downstream). */
function textsOf(cands: readonly Candidate[]): string[] {
  const out: string[] = [];
  for (const c of cands) out.push(c.text);
  return out;
}

/** `sentenceStarts`: each paragraph's sentence start positions as the parser found them (one split per
 *  article); split here the same way when not given. `words`: each paragraph's words as the parser found
 *  them (the text is scanned here when not given). */
export function summarize(article: Article, sentenceStarts?: readonly (readonly number[])[], words?: readonly (readonly Token[])[]): string[] {
  const starts = sentenceStarts?.length === article.paragraphs.length ? sentenceStarts : paragraphSentenceStarts(article.paragraphs);
  const cands = candidates(article, starts, sentenceStarts === starts ? words : undefined);
  const all = cands.list;
  if (all.length <= 2) return textsOf(all);
  const score = rank(cands);
  const pool = all.filter(suitable);
  const ranked = (pool.length >= 2 ? pool : all).slice().sort((a, b) => score[b.order]! - score[a.order]! || a.order - b.order);
  const chosen: Candidate[] = [];
  let total = 0;
  for (const c of ranked) {
    if (redundant(c, chosen)) continue;
    chosen.push(c);
    total += c.words;
    if (chosen.length === 3 || (chosen.length === 2 && total > ROOM_FOR_THIRD)) break;
  }
  return textsOf(chosen.sort((a, b) => a.order - b.order));
}
