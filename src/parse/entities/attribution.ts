// Refiner: who said each quote. Tried in order, first hit wins:
//  1. right after the quote: `“...,” said X`, `“...,” X said`, `“...,” he said`, `according to X`;
//  2. at the end of the quote's sentence: `..., a White House statement added.`;
//  3. before it in its sentence: `X said: “...”`, `X also welcomed ... “...”` (the subject of the
//     nearest cue, or the sentence subject across an apposition);
//  4. a quote later in the same sentence as an attributed one: the same speaker;
//  5. a quote standing alone right after someone spoke (previous quote or report in this or the
//     previous paragraph, nobody else named between): the same speaker.
// When none applies the speaker stays null: a wrong speaker is worse than none.
import {ADVERBS, CUE_NOUNS, CUE_VERBS} from './lexicon.js';
import type {QuoteSpan} from './quote-spans.js';
import {type Doc, type Phrase, phraseEndingAt, phraseFrom, personAt, type Ref} from './references.js';
import {tokenAt} from './segments.js';
import {sentenceEndOf, sentenceStartOf} from './sentences.js';

export interface Attribution {
  ref: Ref | null;
  cue: string | null;
}

const POSSESSIVE_DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'this', 'that']);

function isCue(doc: Doc, s: number, t: number): string | null {
  const tok = doc.segs[s]!.tokens[t];
  if (!tok || doc.quoted[s]![t]) return null;
  const prev = doc.segs[s]!.tokens[t - 1];
  if (tok.lower === 'according' && doc.segs[s]!.tokens[t + 1]?.lower === 'to') return 'according to';
  if (tok.cap && t > 0) return null;
  if (CUE_VERBS.has(tok.lower)) {
    if (prev && POSSESSIVE_DETERMINERS.has(prev.lower) && !doc.quoted[s]![t - 1]) return null; // `in his remarks`, `the claims`
    return tok.lower;
  }
  return null;
}

/** Tokens in [a, b) of segment s, as indexes, outside quotation marks. */
function span(doc: Doc, s: number, from: number, to: number): [number, number] {
  const toks = doc.segs[s]!.tokens;
  return [tokenAt(toks, from), tokenAt(toks, to)];
}

const hasComma = (text: string): boolean => /[,(\u2014]/.test(text);

/** After the quote: `, said X`, `, X said`, `, X, a lawyer, said`, `, according to X`. */
function after(doc: Doc, s: number, a: number, b: number, closePos: number): Attribution | 'unknown' | null {
  if (a >= b) return null;
  const seg = doc.segs[s]!;
  // a signature: `“...” ― Pamela Padilla`
  if (/^\s*[\u2015\u2014\u2013-]+\s*$/.test(seg.text.slice(closePos, seg.tokens[a]!.start))) {
    const p = phraseFrom(doc, s, a, b);
    if (p?.ref) return {ref: p.ref, cue: null};
  }
  for (let c = a; c < Math.min(b, a + 25); c++) {
    const cue = isCue(doc, s, c);
    if (!cue) continue;
    if (c === a || (cue === 'according to' && c === a)) {
      const p = phraseFrom(doc, s, cue === 'according to' ? c + 2 : c + 1, b);
      return p ? (p.ref ? {ref: p.ref, cue} : 'unknown') : null;
    }
    if (cue === 'according to') return null;
    const p = firstPhrase(doc, s, a, c);
    if (!p) return null;
    // the phrase must open the clause: `“...,” Obama said`, not `“...,” and voters said`
    const lead = seg.text.slice(seg.tokens[a]!.start, seg.tokens[p.from]!.start);
    if (/\p{L}/u.test(lead) && !/^(?:\p{Ll}+\s+){0,2}$/u.test(lead)) return null;
    const noun = CUE_NOUNS.has(seg.tokens[p.to - 1]!.lower);
    return p.ref ? {ref: p.ref, cue: noun ? 'statement' : cue} : 'unknown';
  }
  return null;
}

/** The last clause of the sentence: `..., a White House statement added.` */
function sentenceTail(doc: Doc, s: number, a: number, b: number): Attribution | null {
  const seg = doc.segs[s]!;
  for (let c = b - 1; c >= a; c--) {
    const cue = isCue(doc, s, c);
    if (!cue || cue === 'according to') continue;
    if (c < b - 4) return null;
    let e = c - 1;
    while (e >= a && ADVERBS.has(seg.tokens[e]!.lower)) e--;
    if (e < a) return null;
    // a statement noun: `a White House statement added`
    const noun = CUE_NOUNS.has(seg.tokens[e]!.lower);
    const p = phraseEndingAt(doc, s, e, a);
    if (p && (p.ref || noun)) {
      const before = seg.text.slice(seg.tokens[a]!.start, seg.tokens[p.from]!.start);
      if (p.from === a || hasComma(before)) return {ref: p.ref, cue: noun ? 'statement' : cue};
    }
    return null;
  }
  return null;
}

/** Before the quote in its sentence: the subject of the nearest cue. */
function before(doc: Doc, s: number, a: number, b: number): Attribution | null | 'unknown' {
  const seg = doc.segs[s]!;
  for (let c = b - 1; c >= a; c--) {
    if (doc.quoted[s]![c]) continue;
    const cue = isCue(doc, s, c);
    if (!cue) continue;
    if (cue === 'according to') {
      const p = phraseFrom(doc, s, c + 2, b);
      if (p?.ref) return {ref: p.ref, cue};
      continue;
    }
    // `X said`, `X also said`, `X, meanwhile, said`
    let e = c - 1;
    while (e >= a && (ADVERBS.has(seg.tokens[e]!.lower) || seg.tokens[e]!.lower === 'meanwhile')) e--;
    if (e < a) {
      // `said X:` / `Said X,` inverted, rare before a quote
      const p = phraseFrom(doc, s, c + 1, b);
      return p?.ref ? {ref: p.ref, cue} : 'unknown';
    }
    const between = seg.text.slice(seg.tokens[e]!.end, seg.tokens[c]!.start).replace(/\b\p{L}+\b/gu, '');
    const commas = (between.match(/,/g) ?? []).length;
    const direct = commas % 2 === 0 ? phraseEndingAt(doc, s, e, a) : null;
    if (direct?.ref) return {ref: direct.ref, cue};
    if (direct && !direct.ref) return 'unknown';
    // across an apposition or a participle: the sentence subject
    const subject = firstPhrase(doc, s, a, c);
    if (subject?.ref) return {ref: subject.ref, cue};
    if (subject) return 'unknown';
    // `the report said`, `critics said`: a speaker we do not know; nothing is inherited
    return 'unknown';
  }
  return null;
}

/** The first phrase naming someone in [a, b), outside quotation marks. */
function firstPhrase(doc: Doc, s: number, a: number, b: number): Phrase | null {
  for (let t = a; t < b; t++) {
    if (doc.quoted[s]![t]) continue;
    const p = phraseFrom(doc, s, t, b);
    if (p) return p;
  }
  return null;
}

/** Someone named (a person) in [a, b) outside quotation marks. */
function namesSomeone(doc: Doc, s: number, a: number, b: number, except: Ref | null): boolean {
  for (let t = a; t < b; t++) {
    if (doc.quoted[s]![t]) continue;
    const ci = personAt(doc, s, t);
    if (ci >= 0 && !(except?.kind === 'person' && except.cluster === ci)) return true;
  }
  return false;
}

export function attribute(doc: Doc, quotes: readonly QuoteSpan[]): Attribution[] {
  const out: Attribution[] = quotes.map(() => ({ref: null, cue: null}));
  // the last speech act: who, where (segment, token)
  let last: {ref: Ref; seg: number; pos: number} | null = null;
  quotes.forEach((q, qi) => {
    const s = q.seg;
    const seg = doc.segs[s]!;
    const starts = doc.sentences[s]!;
    const endSeg = q.more.length ? q.more[q.more.length - 1]![0] : s;
    const endPos = q.more.length ? q.more[q.more.length - 1]![2] : q.end;
    const closePos = q.more.length ? endPos + 1 : q.close >= 0 ? q.close + 1 : seg.text.length;
    const endSegObj = doc.segs[endSeg]!;
    const endStarts = doc.sentences[endSeg]!;
    // window after the quote: to the next quote's mark or the end of the sentence
    const nextQ = quotes[qi + 1];
    let afterEnd = sentenceEndOf(endStarts, closePos, endSegObj.text.length);
    if (nextQ && nextQ.seg === endSeg && nextQ.open < afterEnd) afterEnd = nextQ.open;
    // the sentence continues after a quote that ends with its own full stop: `“...tests.” Yoon said`
    if (afterEnd === closePos || /^\s*$/.test(endSegObj.text.slice(closePos, afterEnd))) {
      afterEnd = sentenceEndOf(endStarts, closePos + 1, endSegObj.text.length);
      if (nextQ && nextQ.seg === endSeg && nextQ.open < afterEnd) afterEnd = nextQ.open;
    }
    const [aa, ab] = span(doc, endSeg, closePos, afterEnd);
    // window before: from the sentence start or the previous quote in it
    const sentStart = sentenceStartOf(starts, q.open);
    const prevQ = quotes[qi - 1];
    const prevInSentence = prevQ && prevQ.seg === s && !prevQ.more.length && prevQ.close >= 0 && prevQ.close >= sentStart;
    const [ba, bb] = span(doc, s, prevInSentence ? prevQ.close + 1 : sentStart, q.open);
    let found = null as Attribution | null | 'unknown';
    if (q.close >= 0 || q.more.length) found = after(doc, endSeg, aa, ab, closePos) ?? sentenceTail(doc, endSeg, aa, ab);
    if (found === 'unknown' && q.embedded) found = null;
    if (!found || (found !== 'unknown' && !found.ref)) {
      const b = before(doc, s, ba, bb);
      if (b) found = b;
    }
    // the whole sentence before this quote, when the quote shares it with an attributed one
    if (!found && prevInSentence && out[qi - 1]!.ref) found = out[qi - 1]!;
    if (!found && prevInSentence) {
      // the earlier part of the sentence (before the previous quote) may hold the cue
      const [ca, cb] = span(doc, s, sentStart, prevQ.open);
      const b = before(doc, s, ca, cb);
      if (b && b !== 'unknown') found = b;
    }
    // a quote standing alone after someone spoke
    if (!found && !q.embedded && last && last.ref) {
      const sameSeg = last.seg === s;
      const prevSeg = doc.segs[last.seg]!.index === seg.index - 1;
      // names in the previous quote's own sentence (its attribution, an apposition) do not count
      const from = sentenceEndOf(doc.sentences[last.seg]!, last.pos, doc.segs[last.seg]!.text.length);
      const lastTok = tokenAt(doc.segs[last.seg]!.tokens, from);
      const [fa, fb] = sameSeg ? [lastTok, tokenAt(seg.tokens, q.open)] : [0, tokenAt(seg.tokens, q.open)];
      if ((sameSeg || prevSeg) && !namesSomeone(doc, s, fa, fb, last.ref)
        && (sameSeg || !namesSomeone(doc, last.seg, lastTok, doc.segs[last.seg]!.tokens.length, last.ref))) found = {ref: last.ref, cue: null};
    }
    const unknown = found === 'unknown';
    const result: Attribution = found && found !== 'unknown' ? found : {ref: null, cue: null};
    out[qi] = result;
    if (result.ref) last = {ref: result.ref, seg: endSeg, pos: Math.min(closePos, endSegObj.text.length - 1)};
    else if (unknown) last = null; // someone we cannot name spoke: what follows is not the earlier speaker's
  });
  return out;
}
