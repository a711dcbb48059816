// Refiner: who said each quote. Tried in order, first hit wins:
//  0. a transcript label opening the quoted words: `"WALLACE: But, ...`;
//  1. right after the quote: `“...,” said X`, `“...,” X said`, `“...,” he said`, `according to X`, `as X put it`;
//  2. at the end of the quote's sentence: `..., a White House statement added.`;
//  3. before it in its sentence: `X said: “...”`, `X also welcomed ... “...”` (the subject of the
//     nearest cue, or the sentence subject across an apposition);
//  4. a quote later in the same sentence as an attributed one: the same speaker;
//  5. a quote standing alone right after someone spoke (previous quote, or a sentence without quotes
//     that reports speech, in this or the previous paragraph, nobody else named between): the same speaker;
//     a colon ending a sentence whose subject is a person introduces that person's words.
// A speaker is a person of the article, an organisation or a country's government, or a description
// as written (`the announcer`, `the letter`) when it names no one the article has named.
// When none applies the speaker stays null: a wrong speaker is worse than none.
import {ADVERBS, CUE_NOUNS, CUE_VERBS, FUNCTION_WORDS} from './lexicon.js';
import type {QuoteSpan} from './quote-spans.js';
import {descRef, type Doc, mentionAt, type Phrase, phraseEndingAt, phraseFrom, personAt, personRef, type Ref} from './references.js';
import {objectList, tokenAt} from './segments.js';
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
const ANSWERS = new Set(['yes', 'no']);
const GO_AFTER = new Set(['go', 'goes', 'going', 'gone', 'went']);
/** Words that open a clause of their own: a name after them is not the subject of the quote's clause. */
const CONJUNCTIONS = new Set(['and', 'but', 'or', 'when', 'as', 'while', 'because', 'if', 'after', 'before', 'since', 'until', 'although',
  'though', 'whereas', 'so', 'then', 'where', 'whether', 'than', 'that', 'which', 'who']);

/** The words a cue can start with: any other word is no cue, found with one lookup. */
const CUE_STARTS = new Set([...CUE_VERBS, 'according', 'put', ...GO_AFTER]);

function isCue(doc: Doc, s: number, t: number): string | null {
  const toks = doc.segs[s]!.tokens;
  const tok = toks[t];
  if (!tok || doc.quoted[s]![t] || !CUE_STARTS.has(tok.lower)) return null;
  const prev = toks[t - 1];
  if (tok.lower === 'according' && toks[t + 1]?.lower === 'to') return 'according to';
  if (tok.lower === 'put' && toks[t + 1]?.lower === 'it' && prev && !prev.cap) return 'put it'; // `as a memo put it`
  if (GO_AFTER.has(tok.lower) && toks[t + 1]?.lower === 'after') return `${tok.lower} after`; // `has gone after Trump as a “...”`
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

/** A phrase's ref (null without a phrase): one load for the rarer sites to share, whose feedback the common ones
 *  have filled (a load the first articles never made throws the optimised caller away when one first does). */
function refOf(p: Phrase | null): Ref | null {
  return p === null ? null : p.ref;
}

/** The attribution to a ref found (null without one), made in one place for the rarer sites to share. */
function attributed(ref: Ref | null, cue: string): Attribution | null {
  return ref ? {ref, cue} : null;
}

/** Tokens in [a, b) of segment s, as indexes, outside quotation marks. */
function span(doc: Doc, s: number, from: number, to: number): [number, number] {
  const toks = doc.segs[s]!.tokens;
  return [tokenAt(toks, from), tokenAt(toks, to)];
}

const hasComma = (text: string): boolean => /[,(\u2014]/.test(text);
const LEAD_WORD = /\p{L}[\p{L}'’.-]*/gu;
const FEW_LOWER_WORDS = /^(?:\p{Ll}+\s+){0,2}$/u;
const WHOLE_WORD = /\b\p{L}+\b/gu;

/** After the quote: `, said X`, `, X said`, `, X, a lawyer, said`, `, according to X`. */
function after(doc: Doc, s: number, a: number, b: number, closePos: number): Attribution | 'unknown' | null {
  if (a >= b) return null;
  const seg = doc.segs[s]!;
  // a signature: `“...” ― Pamela Padilla`
  if (/^\s*[\u2015\u2014\u2013-]+\s*$/.test(seg.text.slice(closePos, seg.tokens[a]!.start))) {
    const p = phraseFrom(doc, s, a, b);
    if (p?.ref?.kind === 'person') return {ref: p.ref, cue: null};
  }
  for (let c = a; c < Math.min(b, a + 25); c++) {
    const cue = isCue(doc, s, c);
    if (!cue) continue;
    // `“...,” Melanie said yes`: an answer, not the words before it
    if (c + 1 < b && ANSWERS.has(seg.tokens[c + 1]!.lower)) return null;
    if (c === a || (cue === 'according to' && c === a)) {
      const found = phraseFrom(doc, s, cue === 'according to' ? c + 2 : c + 1, b);
      const p = found && single(doc, s, found, found.from, b);
      if (!p && cue !== 'according to') {
        const ci = nameAfterModifiers(doc, s, c + 1, b);
        if (ci >= 0) return {ref: personRef(ci), cue};
      }
      return p ? (p.ref ? {ref: p.ref, cue} : 'unknown') : null;
    }
    if (cue === 'according to') return null;
    // `“...,” as a memo put it`, `as Obama said`
    const first = seg.tokens[a]!.lower === 'as' && c > a + 1 ? phraseFrom(doc, s, a + 1, c) ?? firstPhrase(doc, s, a, c) : firstPhrase(doc, s, a, c);
    if (!first) return null;
    const p = single(doc, s, named(doc, s, first, c), a, c);
    // the phrase must open the clause: `“...,” Obama said`, not `“...,” and voters said` or `when Clinton said`;
    // titles before a name may stand between: `“...,” retired Air Force general Lloyd Newton said`
    const lead = seg.text.slice(seg.tokens[a]!.start, seg.tokens[p.from]!.start);
    const leadWords = lead.toLowerCase().match(LEAD_WORD) ?? [];
    const plain = (FEW_LOWER_WORDS.test(lead) && !leadWords.some((w) => CONJUNCTIONS.has(w))) || (lead.trim() === 'as' && p.from === a + 1);
    const titles = p.ref?.kind === 'person' && leadWords.length <= 4 && !/[,;:()]/.test(lead) && !leadWords.some((w) => FUNCTION_WORDS.has(w) || CUE_VERBS.has(w));
    if (leadWords.length && !plain && !titles) return null;
    const noun = CUE_NOUNS.has(seg.tokens[p.to - 1]!.lower);
    return p.ref ? {ref: p.ref, cue: noun ? 'statement' : cue} : 'unknown';
  }
  return null;
}

/** `said 9/11 widow Terry Strada`: a person named after a few lower-case or numeric words right after the cue. */
function nameAfterModifiers(doc: Doc, s: number, from: number, b: number): number {
  const seg = doc.segs[s]!;
  for (let k = from; k < Math.min(b, from + 4); k++) {
    const tok = seg.tokens[k]!;
    if (doc.quoted[s]![k]) return -1;
    if (k > from && /[,;:()\u2014]/.test(seg.text.slice(seg.tokens[k - 1]!.end, tok.start))) return -1;
    const ci = personAt(doc, s, k);
    if (ci >= 0) return k > from ? ci : -1;
    if (tok.cap || FUNCTION_WORDS.has(tok.lower) || CUE_VERBS.has(tok.lower)) return -1;
  }
  return -1;
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
    const found = phraseEndingAt(doc, s, e, a);
    const p = found && single(doc, s, found, a, c);
    if (p && (p.ref || noun)) {
      const before = seg.text.slice(seg.tokens[a]!.start, seg.tokens[p.from]!.start);
      if (p.from === a || hasComma(before)) return {ref: p.ref, cue: noun ? 'statement' : cue};
    }
    return null;
  }
  return null;
}

const RELATIVES = new Set(['who', 'which', 'that']);

/** Before the quote in its sentence: the subject of the nearest cue. */
function before(doc: Doc, s: number, a: number, b: number, sentA: number = a): Attribution | null | 'unknown' {
  const seg = doc.segs[s]!;
  for (let c = b - 1; c >= a; c--) {
    if (doc.quoted[s]![c]) continue;
    const cue = isCue(doc, s, c);
    if (!cue) continue;
    if (cue === 'according to') {
      const found = attributed(refOf(phraseFrom(doc, s, c + 2, b)), cue);
      if (found) return found;
      continue;
    }
    // `X said`, `X also said`, `X, meanwhile, said`
    let e = c - 1;
    while (e >= a && (ADVERBS.has(seg.tokens[e]!.lower) || seg.tokens[e]!.lower === 'meanwhile')) e--;
    // `people who believe that ...`: a relative clause inside the sentence, not its attribution
    if (e >= a && RELATIVES.has(seg.tokens[e]!.lower)) continue;
    if (e < a) {
      // `said X:` / `Said X,` inverted, rare before a quote
      return attributed(refOf(phraseFrom(doc, s, c + 1, b)), cue) ?? 'unknown';
    }
    // `X (R-Utah) said`: a parenthesis after the subject is skipped
    if (seg.tokens[e]!.end < seg.tokens[c]!.start && /\)\s*$/.test(seg.text.slice(seg.tokens[e]!.end, seg.tokens[c]!.start))) {
      let k = e;
      while (k > a && !seg.text.slice(seg.tokens[k - 1]!.end, seg.tokens[k]!.start).includes('(')) k--;
      if (k > a && k > e - 4) e = k - 1;
    }
    const between = seg.text.slice(seg.tokens[e]!.end, seg.tokens[c]!.start).replace(WHOLE_WORD, '');
    const commas = (between.match(/,/g) ?? []).length;
    // `quoted Fernandez as stressing`: the person before `as`
    if (cue.endsWith('ing') && seg.tokens[e]!.lower === 'as' && e - 1 >= a) {
      const agent = phraseEndingAt(doc, s, e - 1, a);
      if (agent?.ref?.kind === 'person') return {ref: agent.ref, cue};
    }
    // `criticised Smith for saying`, `where he appeared ... and for saying`: the nearest person before the preposition
    if (cue.endsWith('ing') && PARTICIPLE_PREPOSITIONS.has(seg.tokens[e]!.lower)) {
      const agent = nearestPerson(doc, s, a, e);
      if (agent) return {ref: agent, cue};
    }
    const ending = commas % 2 === 0 ? phraseEndingAt(doc, s, e, a) : null;
    let direct = ending && single(doc, s, ending, a, c);
    // a participle (`..., calling it`, `issued a statement calling`) belongs to the subject unless a person's name stands right before it
    if (cue.endsWith('ing') && direct && direct.ref?.kind !== 'person') direct = null;
    if (direct?.ref) return {ref: direct.ref, cue};
    if (direct && !direct.ref) return 'unknown';
    // across an apposition or a participle: the sentence subject
    const subject = clauseSubject(doc, s, a, c) ?? (sentA < a ? clauseSubject(doc, s, sentA, c) : null);
    if (subject && conjoined(doc, s, subject, subject.from, c)) return 'unknown';
    if (subject?.ref) return {ref: subject.ref, cue};
    if (subject) return 'unknown';
    // `the report said`, `critics said`: a speaker we do not know; nothing is inherited
    return 'unknown';
  }
  return null;
}

/** `criticised X for saying`: the one who said is the nearest person (`by saying`, `after saying` are the subject's). */
const PARTICIPLE_PREPOSITIONS = new Set(['for']);

/** The person named nearest before token e in [a, e) outside quotation marks: a name, or `he`/`she` resolved. */
function nearestPerson(doc: Doc, s: number, a: number, e: number): Ref | null {
  const toks = doc.segs[s]!.tokens;
  for (let k = e - 1; k >= a; k--) {
    if (doc.quoted[s]![k]) continue;
    const ci = personAt(doc, s, k);
    if (ci >= 0) return personRef(ci);
    if (toks[k]!.lower === 'he' || toks[k]!.lower === 'she') {
      const p = phraseFrom(doc, s, k, e);
      return p?.ref?.kind === 'person' ? p.ref : null;
    }
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

const LINKERS = new Set(['but', 'and', 'yet', 'so', 'still', 'instead', 'however', 'also', 'then', 'now', 'meanwhile', 'later', 'earlier']);

/** The subject of the clause in [a, b): the phrase opening it, or the one after a fronted adverbial and its comma. */
function clauseSubject(doc: Doc, s: number, a: number, b: number): Phrase | null {
  const seg = doc.segs[s]!;
  let t = a;
  while (t < b && doc.quoted[s]![t]) t++;
  if (t >= b) return null;
  const p = phraseFrom(doc, s, t, b);
  if (p) return named(doc, s, p, b);
  if (!INTRODUCERS.has(seg.tokens[t]!.lower)) return null;
  // `But Tony Banks, Labour MP for West Ham, said`: a conjunction or adverb, then the subject
  if (LINKERS.has(seg.tokens[t]!.lower) && t + 1 < b && !/,/.test(seg.text.slice(seg.tokens[t]!.end, seg.tokens[t + 1]!.start))) {
    const q = phraseFrom(doc, s, t + 1, b);
    if (q) return named(doc, s, q, b);
  }
  // `Following a swiftly called, late-afternoon meeting, the Security Council ...`: the first comma that a phrase follows
  let commas = 0;
  for (let k = t + 1; k < b && commas < 3; k++) {
    if (!/,/.test(seg.text.slice(seg.tokens[k - 1]!.end, seg.tokens[k]!.start))) continue;
    commas++;
    let j = k;
    while (j < b && doc.quoted[s]![j]) j++;
    const q = j < b ? phraseFrom(doc, s, j, b) : null;
    if (q) return named(doc, s, q, b);
  }
  return null;
}

/** `Scottish Conservative leader, David McLetchie, said`: a description followed by the name it describes. */
function named(doc: Doc, s: number, p: Phrase, b: number): Phrase {
  if (p.ref?.kind !== 'desc' || p.to >= b) return p;
  const seg = doc.segs[s]!;
  if (seg.text.slice(seg.tokens[p.to - 1]!.end, seg.tokens[p.to]!.start).trim() !== ',') return p;
  const n = phraseFrom(doc, s, p.to, b);
  return n?.ref?.kind === 'person' ? n : p;
}

/** The gap between tokens i and i + 1 of segment s. */
const gapAfter = (doc: Doc, s: number, i: number): string => {
  const toks = doc.segs[s]!.tokens;
  return doc.segs[s]!.text.slice(toks[i]!.end + (toks[i]!.poss ? 2 : 0), toks[i + 1]!.start);
};

/**
 * One conjunct of a conjoined subject (`X and Y urged`, `Tokyo, Seoul call for`, `Britain, France and
 * Germany said`): no single speaker said it. Before the phrase: a name, organisation or country joined by
 * `and` or a comma, the chain opening the clause (at `floor` or after a comma); after it: `and` and another
 * phrase, before `limit`.
 */
function conjoined(doc: Doc, s: number, phrase: Phrase, floor: number, limit: number): boolean {
  const toks = doc.segs[s]!.tokens;
  // a phrase found from its last word may start inside a name: widen it to the whole name and its title
  const whole = (x: Phrase): Phrase => {
    const mi = mentionAt(doc, s, x.from);
    return mi < 0 ? x : {ref: x.ref, from: Math.max(floor, Math.min(x.from, doc.mentions[mi]!.prefix)), to: x.to, nominal: x.nominal};
  };
  const p = whole(phrase);
  if (p.to + 1 < limit && toks[p.to]!.lower === 'and' && gapAfter(doc, s, p.to - 1) === ' ' && gapAfter(doc, s, p.to) === ' '
    && !doc.quoted[s]![p.to] && !PRONOUNS_AFTER_AND.has(toks[p.to + 1]!.lower)) {
    const next = phraseFrom(doc, s, p.to + 1, limit);
    if (next?.ref) return true;
  }
  for (let cur = p, hops = 0; cur.from > floor && hops < 6; hops++) {
    const and = toks[cur.from - 1]!.lower === 'and' && gapAfter(doc, s, cur.from - 1) === ' ';
    const end = and ? cur.from - 2 : cur.from - 1;
    if (end < floor || (!and && gapAfter(doc, s, end) !== ', ') || (and && !/^,? $/.test(gapAfter(doc, s, end)))) return false;
    const found = phraseEndingAt(doc, s, end, floor);
    const left = found && whole(found);
    if (!left?.ref || (!and && left.ref.kind === 'desc')) return false;
    if (left.from === floor || /,/.test(gapAfter(doc, s, left.from - 1))) return true;
    cur = left;
  }
  return false;
}
/** `and he said`, `and then`: a new clause, not a second subject. */
const PRONOUNS_AFTER_AND = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you']);

/** The phrase as a speaker, or with no referent when it is one of several conjoined subjects. */
function single(doc: Doc, s: number, p: Phrase, floor: number, limit: number): Phrase {
  // (a literal in the Phrase's key order, not a spread copy: one hidden class for every phrase)
  return p.ref && conjoined(doc, s, p, floor, limit) ? {ref: null, from: p.from, to: p.to, nominal: p.nominal} : p;
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

/** A speech act: who spoke, where (segment, position of the cue or the quote's end). */
interface SpeechAct {
  ref: Ref;
  seg: number;
  pos: number;
}

/**
 * Sentences without quotation marks that report speech (`..., Schiff said.`, `Lawrence Cummings called
 * him a master at deals.`): a quote standing alone after one is the same speaker's. Linear: one backward
 * scan per sentence from its end to its first cue. Lazy: sentences are read in order only as far as the
 * quotes reach (none at all in an article without quotes), and only in the quote's paragraph and the one
 * before it: a speech act further back is never taken for a quote standing alone (see attribute).
 */
function reports(doc: Doc): (s: number, pos: number) => SpeechAct | null {
  let s = 0;
  let k = 0;
  /** The next speech act in a sentence starting before position `pos` of segment `before` and in the
   *  segment before it, or null. */
  return (beforeSeg, pos) => {
    if (s < beforeSeg - 1) { s = beforeSeg - 1; k = 0; }
    for (; s < doc.segs.length && s <= beforeSeg; s++, k = 0) {
      const seg = doc.segs[s]!;
      if (seg.index < 0) continue;
      const starts = doc.sentences[s]!;
      for (; k < starts.length; k++) {
        const start = starts[k]!;
        if (s === beforeSeg && start >= pos) return null;
        const end = starts[k + 1] ?? seg.text.length;
        if (/["“”]/.test(seg.text.slice(start, end))) continue;
        const [a, b] = span(doc, s, start, end);
        const found = before(doc, s, a, b);
        if (found && found !== 'unknown' && found.ref?.kind === 'person') { k++; return {ref: found.ref, seg: s, pos: start}; }
      }
    }
    return null;
  };
}

/** `WALLACE: But, Governor ...`: a transcript's speaker label opening the quoted words. */
const LABEL = /^([A-Z][A-Z’'-]{2,}(?: [A-Z][A-Z’'-]{2,})?):\s/;

function labelled(doc: Doc, q: QuoteSpan, names: ReadonlyMap<string, number>): Attribution | null {
  const m = LABEL.exec(doc.segs[q.seg]!.text.slice(q.start, q.start + 40));
  if (!m) return null;
  const words = m[1]!.toLowerCase().split(' ');
  const ci = names.get(words[words.length - 1]!);
  const name = m[1]!.split(' ').map((w) => w[0] + w.slice(1).toLowerCase()).join(' ');
  return {ref: ci !== undefined ? personRef(ci) : descRef(name), cue: null};
}

export function attribute(doc: Doc, quotes: readonly QuoteSpan[]): Attribution[] {
  const out = objectList<Attribution>();
  for (let qi = 0; qi < quotes.length; qi++) out.push({ref: null, cue: null});
  // surnames of the article's people, for transcript labels
  const surnames = new Map<string, number>();
  doc.clusters.forEach((c, ci) => { for (const f of c.forms) { const w = f[f.length - 1]!.toLowerCase(); if (!surnames.has(w)) surnames.set(w, ci); } });
  const nextAct = reports(doc);
  // the last speech act: who, where (segment, token)
  let last: SpeechAct | null = null;
  quotes.forEach((q, qi) => {
    const s = q.seg;
    const seg = doc.segs[s]!;
    for (let act = nextAct(s, q.open); act; act = nextAct(s, q.open)) {
      if (!last || act.seg > last.seg || (act.seg === last.seg && act.pos > last.pos)) last = act;
    }
    const starts = doc.sentences[s]!;
    const endSeg = q.more.length ? q.more[q.more.length - 1]![0] : s;
    const endPos = q.more.length ? q.more[q.more.length - 1]![2] : q.end;
    const closePos = q.more.length ? endPos + 1 : q.close >= 0 ? q.close + 1 : seg.text.length;
    const endSegObj = doc.segs[endSeg]!;
    const endStarts = doc.sentences[endSeg]!;
    // window after the quote: to the next quote's mark or the end of the sentence
    const nextQ = quotes[qi + 1];
    let afterEnd = sentenceEndOf(endStarts, closePos, endSegObj.text.length);
    // a nickname or scare word inside the attribution (`Marcia "Cia" Price shouted`) does not end it
    const small = (x: QuoteSpan | undefined): boolean => !!x && x.embedded && !x.more.length && doc.segs[x.seg]!.text.slice(x.start, x.end).split(/\s+/).length <= 2;
    if (nextQ && nextQ.seg === endSeg && nextQ.open < afterEnd && !small(nextQ)) afterEnd = nextQ.open;
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
    let found = labelled(doc, q, surnames) as Attribution | null | 'unknown';
    if (!found && (q.close >= 0 || q.more.length)) found = after(doc, endSeg, aa, ab, closePos) ?? sentenceTail(doc, endSeg, aa, ab);
    if (found === 'unknown' && q.embedded) found = null;
    const [sa] = span(doc, s, sentStart, q.open);
    if (!found || (found !== 'unknown' && !found.ref)) {
      const b = before(doc, s, ba, bb, sa);
      if (b) found = b;
    }
    // `President Obama is rolling out a new message: “It's about me.”`: the subject of a sentence that introduces the quote
    if (!found && !prevInSentence && /:\s*$/.test(seg.text.slice(seg.tokens[Math.max(ba, bb - 1)]?.end ?? 0, q.open))) {
      const subject = clauseSubject(doc, s, ba, bb);
      if (subject?.ref?.kind === 'person') found = {ref: subject.ref, cue: null};
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
    const asNoun = q.close >= 0 && /^\s+(?:is|was|are|were|has|had|have|will|would|can|could)\b/.test(seg.text.slice(q.close + 1, q.close + 12)) && !/[,.!?]\s*$/.test(seg.text.slice(q.start, q.close));
    if (!found && !q.embedded && !asNoun && last && last.ref) {
      // (segments are the headline and the paragraphs in order: the paragraph before is the segment before)
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
