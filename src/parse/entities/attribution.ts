// Refiner: who said each quote. Tried in order, first hit wins:
//  1. right after the quote: `“...,” said X`, `“...,” X said`, `“...,” he said`, `according to X`;
//  2. at the end of the quote's sentence: `..., a White House statement added.`;
//  3. before it in its sentence: `X said: “...”`, `X also welcomed ... “...”` (the subject of the
//     nearest cue, or the sentence subject across an apposition);
//  4. a quote later in the same sentence as an attributed one: the same speaker;
//  5. a quote standing alone right after someone spoke (previous quote or report in this or the
//     previous paragraph, nobody else named between): the same speaker.
// When none applies the speaker stays null: a wrong speaker is worse than none.
import {ADVERBS, CUE_NOUNS, CUE_VERBS, FUNCTION_WORDS, PRONOUNS} from './lexicon.js';
import type {QuoteSpan} from './quote-spans.js';
import {type Doc, type Phrase, phraseEndingAt, phraseFrom, personAt, type Ref} from './references.js';
import {tokenAt} from './segments.js';
import {sentenceEndOf, sentenceStartOf} from './sentences.js';

export interface Attribution {
  ref: Ref | null;
  cue: string | null;
}

const POSSESSIVE_DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'this', 'that']);

/** Cue forms that are nouns as often as verbs (`a campaign message`, `late-night tweets`, `the attack`). */
const NOUN_CUES = new Set(`message messages email emails text texts post posts tweet tweets comment comments report reports
call claim claims remark remarks quote quotes demand demands promise promises pledge pledges vow vows joke jokes attack
attacks label labels brand brands note notes estimate estimates forecast forecasts charge charges counter counters
praise cry cries stress hope hopes welcome reply replies whisper whispers scream screams chant chants taunt taunts
murmur thought warning warnings ridicule rail rails lash gripe gripes sneer sneers retort retorts counsel dub mock
snap snaps tout`.split(/\s+/));
/** Words after which a noun-like cue is a verb: `he tweets`, `will post`, `also notes`. */
const VERB_CONTEXT = new Set(['he', 'she', 'they', 'it', 'i', 'we', 'you', 'who', 'which', 'that', 'will', 'would', 'can', 'could',
  'may', 'might', 'should', 'must', 'shall', 'do', 'does', 'did', 'to', 'not', 'never']);
/** Words that open a clause of their own: a name after them is not the subject of the quote's clause. */
const CONJUNCTIONS = new Set(['and', 'but', 'or', 'when', 'as', 'while', 'because', 'if', 'after', 'before', 'since', 'until', 'although',
  'though', 'whereas', 'so', 'then', 'where', 'whether', 'than', 'that', 'which', 'who']);

function isCue(doc: Doc, s: number, t: number): string | null {
  const toks = doc.segs[s]!.tokens;
  const tok = toks[t];
  if (!tok || doc.quoted[s]![t]) return null;
  const prev = toks[t - 1];
  if (tok.lower === 'according' && toks[t + 1]?.lower === 'to') return 'according to';
  if (tok.lower === 'put' && toks[t + 1]?.lower === 'it' && prev && !prev.cap) return 'put it'; // `as a memo put it`
  // a capitalised cue only opens a sentence: `Said Ellis: “...”`
  if (tok.cap && t > 0 && !doc.sentences[s]!.includes(tok.start)) return null;
  if (CUE_VERBS.has(tok.lower)) {
    if (prev && POSSESSIVE_DETERMINERS.has(prev.lower) && !doc.quoted[s]![t - 1]) return null; // `in his remarks`, `the claims`
    if (prev?.poss) return null; // `Obama’s remarks`
    if (NOUN_CUES.has(tok.lower) && prev && !prev.cap && !VERB_CONTEXT.has(prev.lower) && !ADVERBS.has(prev.lower)) return null; // `a campaign message`
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
    // the phrase must open the clause: `“...,” Obama said`, not `“...,” and voters said` or `when Clinton said`;
    // titles before a name may stand between: `“...,” retired Air Force general Lloyd Newton said`
    const lead = seg.text.slice(seg.tokens[a]!.start, seg.tokens[p.from]!.start);
    const leadWords = lead.toLowerCase().match(/\p{L}[\p{L}'’.-]*/gu) ?? [];
    const plain = /^(?:\p{Ll}+\s+){0,2}$/u.test(lead) && !leadWords.some((w) => CONJUNCTIONS.has(w));
    const titles = p.ref?.kind === 'person' && leadWords.length <= 4 && !/[,;:()]/.test(lead) && !leadWords.some((w) => FUNCTION_WORDS.has(w) || CUE_VERBS.has(w));
    if (leadWords.length && !plain && !titles) return null;
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
    // `X (R-Utah) said`: a parenthesis after the subject is skipped
    if (seg.tokens[e]!.end < seg.tokens[c]!.start && /\)\s*$/.test(seg.text.slice(seg.tokens[e]!.end, seg.tokens[c]!.start))) {
      let k = e;
      while (k > a && !seg.text.slice(seg.tokens[k - 1]!.end, seg.tokens[k]!.start).includes('(')) k--;
      if (k > a && k > e - 4) e = k - 1;
    }
    const between = seg.text.slice(seg.tokens[e]!.end, seg.tokens[c]!.start).replace(/\b\p{L}+\b/gu, '');
    const commas = (between.match(/,/g) ?? []).length;
    let direct = commas % 2 === 0 ? phraseEndingAt(doc, s, e, a) : null;
    // a participle (`..., calling it`, `issued a statement calling`) belongs to the subject unless a person's name stands right before it
    if (cue.endsWith('ing') && direct && direct.ref?.kind !== 'person') direct = null;
    if (direct?.ref) return {ref: direct.ref, cue};
    if (direct && !direct.ref) return 'unknown';
    // across an apposition or a participle: the sentence subject
    const subject = clauseSubject(doc, s, a, c);
    if (subject?.ref) return {ref: subject.ref, cue};
    if (subject) return 'unknown';
    // `the report said`, `critics said`: a speaker we do not know; nothing is inherited
    return 'unknown';
  }
  return null;
}

/** The first phrase naming someone in [a, b), outside quotation marks; anything but a person only at a. */
function firstPhrase(doc: Doc, s: number, a: number, b: number): Phrase | null {
  for (let t = a; t < b; t++) {
    if (doc.quoted[s]![t]) continue;
    const p = phraseFrom(doc, s, t, b);
    if (p && (p.ref?.kind === 'person' || t === a)) return p;
  }
  return null;
}

/** Words that open a fronted adverbial: `In August, X ...`, `Asked about it, X ...`. */
const INTRODUCERS = new Set(['in', 'on', 'at', 'after', 'before', 'as', 'with', 'during', 'when', 'while', 'since', 'despite', 'following',
  'asked', 'speaking', 'earlier', 'later', 'meanwhile', 'to', 'for', 'from', 'by', 'under', 'amid', 'until', 'last', 'this', 'yesterday', 'today',
  'still', 'but', 'and', 'yet', 'instead', 'however', 'also', 'then', 'now', 'once', 'if', 'although', 'though', 'because', 'pressed', 'according']);

/** The subject of the clause in [a, b): the phrase opening it, or the one after a fronted adverbial and its comma. */
function clauseSubject(doc: Doc, s: number, a: number, b: number): Phrase | null {
  const seg = doc.segs[s]!;
  let t = a;
  while (t < b && doc.quoted[s]![t]) t++;
  if (t >= b) return null;
  const p = phraseFrom(doc, s, t, b);
  if (p) return p;
  if (!INTRODUCERS.has(seg.tokens[t]!.lower)) return null;
  for (let k = t + 1; k < b; k++) {
    if (!/,/.test(seg.text.slice(seg.tokens[k - 1]!.end, seg.tokens[k]!.start))) continue;
    while (k < b && doc.quoted[s]![k]) k++;
    return k < b ? phraseFrom(doc, s, k, b) : null;
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
    // (a short attribution only: `“...tests.” Yoon said on Monday.`, never a sentence of its own after a fragment)
    if (!q.embedded && (afterEnd === closePos || /^\s*$/.test(endSegObj.text.slice(closePos, afterEnd)))) {
      let next = sentenceEndOf(endStarts, closePos + 1, endSegObj.text.length);
      if (nextQ && nextQ.seg === endSeg && nextQ.open < next) next = nextQ.open;
      const [na, nb] = span(doc, endSeg, closePos, next);
      if (nb - na <= 10) afterEnd = next;
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
