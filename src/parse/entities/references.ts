// Refiner helpers: what a noun phrase at a position refers to. A person's name, a pronoun (`he`,
// resolved to the right earlier person by gender, recency and subject position), a description
// (`The prime minister`, `The US leader`, `The South Korean president`: the person with that role
// and country), or an organisation (`a White House statement`).
import {countryAt, NO_COUNTRY} from './countries.js';
import {ADVERBS, CUE_NOUNS, CUE_VERBS, FUNCTION_WORDS, LEADER_HEADS, MONTHS, PERSON_NOUNS, PRONOUNS, ROLE_HEADS, ROLE_MODIFIERS, TIME_WORDS} from './lexicon.js';
import type {NameMention} from './names.js';
import type {OrgHit} from './organizations.js';
import type {Cluster} from './people.js';
import {isLeaderRole} from './people.js';
import {GAP_DOT_SPACE, GAP_NONE, GAP_SPACE, gapKind, type Segment, type Token} from './segments.js';

/** Who a phrase names: a person of the article, an organisation, a country (speaking for its government), or
 *  someone described but not named (`the announcer`, `the letter`, `one questioner`), as written. */
export type Ref = {kind: 'person'; cluster: number; name: null; code: null} | {kind: 'org'; cluster: -1; name: string; code: null}
  | {kind: 'country'; cluster: -1; name: string; code: string} | {kind: 'desc'; cluster: -1; name: string; code: null};

// Every Ref is made here, with all four fields in one order: one hidden class for all kinds, so the code
// reading refs never meets a new one (a new hidden class throws optimised code away: "wrong map").
export const personRef = (cluster: number): Ref => ({kind: 'person', cluster, name: null, code: null});
export const orgRef = (name: string): Ref => ({kind: 'org', cluster: -1, name, code: null});
export const countryRef = (code: string, name: string): Ref => ({kind: 'country', cluster: -1, name, code});
export const descRef = (name: string): Ref => ({kind: 'desc', cluster: -1, name, code: null});

export interface Doc {
  segs: Segment[];
  mentions: NameMention[];
  owner: Int32Array;
  clusters: Cluster[];
  orgHits: Map<number, OrgHit[]>;
  /** Per segment: 1 for tokens inside quotation marks. */
  quoted: Uint8Array[];
  /** Per segment: sentence start positions. */
  sentences: number[][];
  /** Per segment: token index -> mention index (-1 for none), for every token of a mention's name and prefix. */
  mentionAt: Int32Array[];
}

/** The mention whose name or prefix holds token t of segment s, or -1. */
export function mentionAt(doc: Doc, s: number, t: number): number {
  const mi = doc.mentionAt[s]![t];
  return mi === undefined ? -1 : mi;
}

const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'our']);

export function personAt(doc: Doc, s: number, t: number): number {
  const mi = mentionAt(doc, s, t);
  return mi < 0 ? -1 : doc.owner[mi]!;
}

function orgAt(doc: Doc, s: number, t: number): OrgHit | null {
  const hits = doc.orgHits.get(s);
  if (hits) for (const h of hits) if (t >= h.from && t < h.to) return h;
  return null;
}

export interface Phrase {
  ref: Ref | null;
  /** Token range of the phrase. */
  from: number;
  to: number;
  /** A phrase that names someone (even if unresolved): `the spokesman`, `it`. */
  nominal: boolean;
}

/** Words after an organisation that speak for it: `a White House spokesman`, `Treasury officials`. */
const SPEAKS_FOR = new Set(['spokesman', 'spokeswoman', 'spokesperson', 'official', 'officials', 'aide', 'source', 'sources', 'press', 'secretary']);
const INDEFINITE = new Set(['a', 'an', 'one']);
/** Small words inside a capitalised name in a description: `A Department for Education and Skills spokeswoman`. */
const SMALL_NAME_WORDS = new Set(['of', 'for', 'and']);
/** Role modifiers a description may carry that a person's role need not: `the former president`. */
const UNRANKED_MODIFIERS = new Set(['former', 'top', 'senior', 'new', 'white', 'house']);

/** True when text[from, to) has a comma, semicolon or colon. */
function clausePunctuation(text: string, from: number, to: number): boolean {
  let found = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    found = found || c === 44 || c === 59 || c === 58;
  }
  return found;
}

/** The phrase starting at token t (skipping a determiner): used after a cue (`said Mr. X`) and before one. */
export function phraseFrom(doc: Doc, s: number, t: number, limit: number): Phrase | null {
  const toks = doc.segs[s]!.tokens;
  const tok = toks[t];
  if (!tok || t >= limit) return null;
  const pr = PRONOUNS.get(tok.lower);
  if (pr) return {ref: pr === 'n' ? null : resolvePronoun(doc, s, t, pr), from: t, to: t + 1, nominal: true};
  const mi = mentionAt(doc, s, t);
  if (mi >= 0 && doc.owner[mi]! >= 0) {
    const m = doc.mentions[mi]!;
    // (the gap after the name is read every time, a possessive or not: see gapKind)
    const clauseAfter = m.to < toks.length && clausePunctuation(doc.segs[s]!.text, toks[m.to - 1]!.end, toks[m.to]!.start);
    if (m.prefix <= t && !(m.to < limit && toks[m.to - 1]!.poss && !clauseAfter)) {
      return {ref: personRef(doc.owner[mi]!), from: t, to: m.to, nominal: true};
    }
    // `Hillary Clinton’s campaign manager Robby Mook`; else `Scott’s relatives`, `Obama's former strategist`
    if (m.prefix <= t) return titledNameAhead(doc, s, t, m.to, limit) ?? descriptionFrom(doc, s, t, limit);
  }
  // `the Rev. Peter Wherry`, `retired Air Force general Lloyd Newton`, `9/11 widow Terry Strada`
  const titled = titledNameAhead(doc, s, t, t, limit);
  if (titled) return titled;
  // determiner / country / modifiers + role head or organisation (+ statement)
  let i = t;
  if (DETERMINERS.has(tok.lower)) i++;
  let country: string | null = null;
  const c = countryAt(toks, i);
  if (c && i < limit) {
    country = c.entry.code; i = c.to;
    // a country alone speaks for its government: `Russia insisted`, `Japan branded`
    const before = toks[t - 1];
    // (a single space told by code unit: the sliced gap's string kind varies, and optimised code tests for one)
    const titled = before !== undefined && tok.start - before.end === 1 && doc.segs[s]!.text.charCodeAt(before.end) === 32
      && (before.cap || ROLE_HEADS.has(before.lower));
    if (!titled && i === t + (c.to - c.from) && (i >= limit || !toks[i]!.cap) && !toks[i - 1]!.poss && !orgAt(doc, s, i)
      && !(toks[i] && (ROLE_HEADS.has(toks[i]!.lower) || ROLE_MODIFIERS.has(toks[i]!.lower) || PERSON_NOUNS.has(toks[i]!.lower)))) {
      return {ref: countryRef(c.entry.code, c.entry.name), from: t, to: i, nominal: true};
    }
  }
  const org = i < limit ? orgAt(doc, s, i) : null;
  if (org && (org.from === i)) {
    let end = org.to;
    // a step of 0 or 1 each round: the addition runs on every call, not only after a statement noun (code the
    // first articles never ran throws optimised code away when an article first does)
    for (let step = 1; step > 0; end += step) step = end < limit && (CUE_NOUNS.has(toks[end]!.lower) || SPEAKS_FOR.has(toks[end]!.lower)) ? 1 : 0;
    const pmi = mentionAt(doc, s, end);
    if (pmi >= 0 && doc.owner[pmi]! >= 0) return {ref: personRef(doc.owner[pmi]!), from: t, to: doc.mentions[pmi]!.to, nominal: true};
    // `the Treasury Secretary said`: the person holding that office, when the article names one
    const last = toks[end - 1]!.lower;
    const leader = LEADER_HEADS.has(last); // (tested every time: see `step` above)
    if (end > org.to && leader) {
      const holder = resolveDescription(doc, s, t, last, toks.slice(org.from, org.to).map((x) => x.lower), null);
      if (holder) return {ref: holder, from: t, to: end, nominal: true};
    }
    return {ref: orgRef(org.name), from: t, to: end, nominal: true};
  }
  const mods: string[] = [];
  while (i < limit && (ROLE_MODIFIERS.has(toks[i]!.lower) || (toks[i]!.cap && !ROLE_HEADS.has(toks[i]!.lower) && descriptionWord(toks[i]!)))) {
    // (the hit's fields read every time, a hit or not: see `step` above)
    const cc = countryAt(toks, i) ?? NO_COUNTRY;
    const ccCode = cc.entry.code, ccTo = cc.to;
    if (cc !== NO_COUNTRY) { country ??= ccCode; i = ccTo; continue; }
    mods.push(toks[i]!.lower); i++;
  }
  const head = toks[i];
  if (head && i < limit && (ROLE_HEADS.has(head.lower) || PERSON_NOUNS.has(head.lower)) && (i > t || DETERMINERS.has(tok.lower) || country)
    && !(toks[i + 1] && i + 1 < limit && isNounAfter(toks[i + 1]!, toks[i]!, doc.segs[s]!.text))) {
    if (i === t) return null;
    // a definite description names someone of the article when one person fits; `a`/`one` never do
    const definite = !INDEFINITE.has(tok.lower);
    const ref = definite ? resolveDescription(doc, s, t, head.lower, mods, country) : null;
    return {ref: ref ?? describe(doc, s, t, i + 1), from: t, to: i + 1, nominal: true};
  }
  return descriptionFrom(doc, s, t, limit);
}

const TITLE_ADJECTIVES = new Set(['retired', 'former', 'late', 'longtime', 'veteran', 'fellow', 'then', 'acting', 'incoming', 'outgoing', 'current', 'republican', 'democratic']);

/** A person's name a few describing words after t, written as one phrase: the phrase [t, name end). */
function titledNameAhead(doc: Doc, s: number, t: number, from: number, limit: number): Phrase | null {
  const toks = doc.segs[s]!.tokens;
  const text = doc.segs[s]!.text;
  for (let k = from; k < Math.min(limit, from + 5); k++) {
    const tk = toks[k]!;
    if (k > t && !/^['’]?s? $|^ $|^\. $/.test(text.slice(toks[k - 1]!.end, tk.start))) return null;
    const mi = mentionAt(doc, s, k);
    if (k > t && mi >= 0 && doc.owner[mi]! >= 0 && doc.mentions[mi]!.prefix === k) {
      const m = doc.mentions[mi]!;
      if (toks[m.to - 1]!.poss && m.to < limit) return null;
      return {ref: personRef(doc.owner[mi]!), from: t, to: m.to, nominal: true};
    }
    if (k > t && mi >= 0) return null;
    const titleLike = tk.cap || ROLE_HEADS.has(tk.lower) || ROLE_MODIFIERS.has(tk.lower) || PERSON_NOUNS.has(tk.lower) || TITLE_ADJECTIVES.has(tk.lower) || /^\d/.test(tk.text);
    if (!(k === t && DESCRIPTION_OPENERS.has(tk.lower)) && !(titleLike && descriptionWord(tk))) return null;
  }
  return null;
}

/** Determiners that open a description of a speaker: `the announcer`, `one questioner`, `my father`. */
const DESCRIPTION_OPENERS = new Set(['the', 'a', 'an', 'one', 'my', 'his', 'her', 'their', 'our', 'its', 'your', 'this', 'that',
  'several', 'some', 'many', 'two', 'three', 'four', 'five', 'another', 'each', 'both', 'most', 'few']);
const NUMBER_WORDS = new Set(['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten']);
/** Words that end a description rather than name what it is about. */
const NOT_HEADS = new Set(`time times day days week weeks month months year years night morning afternoon evening today
tonight yesterday tomorrow moment way thing things fact case point end lot number percent cent kind sort part rest
same other others one ones who which what whom`.trim().split(/\s+/));

/** A negated auxiliary (`doesn’t`, `can't`): a verb, never part of a description. */
const NEGATED = /n['’]t$/;

/** A word that can sit inside a description: `34-year-old`, `Clinton`, `band`, `former`. */
function descriptionWord(t: Token): boolean {
  // `The New York businessman`: a capitalised `New` opens a place name
  return (!FUNCTION_WORDS.has(t.lower) || (t.cap && t.lower === 'new')) && !PRONOUNS.has(t.lower) && !ADVERBS.has(t.lower)
    && !MONTHS.has(t.lower) && !TIME_WORDS.has(t.lower) && !NEGATED.test(t.lower)
    && !(CUE_VERBS.has(t.lower) && !t.cap && !PERSON_NOUNS.has(t.lower) && !CUE_NOUNS.has(t.lower));
}

/** The next token continues a noun phrase (`leader Tom`, `spokesman Jim`): the head is not the end. */
function isNounAfter(next: Token, head: Token, text: string): boolean {
  return text.slice(head.end, next.start) === ' ' && !head.poss && next.cap;
}

function describe(doc: Doc, s: number, from: number, to: number): Ref {
  const seg = doc.segs[s]!;
  let name = seg.text.slice(seg.tokens[from]!.start, seg.tokens[to - 1]!.end + (seg.tokens[to - 1]!.poss ? 2 : 0));
  const first = seg.tokens[from]!;
  // a sentence-initial determiner is not part of the name: `The commission` -> `the commission`
  if (DESCRIPTION_OPENERS.has(first.lower) && first.cap) name = first.lower + name.slice(first.text.length);
  return descRef(name.replace(/\s+/g, ' '));
}

/**
 * A description forward from token t (a determiner, or a possessive name): `the ruling`, `one Democratic
 * source` (stops before `on the panel`), `the ad’s narrator`, `the 34-year-old mother of three`.
 */
export function descriptionFrom(doc: Doc, s: number, t: number, limit: number): Phrase | null {
  const toks = doc.segs[s]!.tokens;
  const text = doc.segs[s]!.text;
  const first = toks[t]!;
  // a phrase opening the sentence is capitalised for that reason only: `Small groups of protesters said`
  const initial = first.cap && doc.sentences[s]!.includes(first.start) && personAt(doc, s, t) < 0 && !FUNCTION_WORDS.has(first.lower);
  // `Ivana Trump's brief`, `Obama's former campaign strategist`: a possessive name opens a description
  const mi = mentionAt(doc, s, t);
  const possName = mi >= 0 && doc.mentions[mi]!.prefix <= t && toks[doc.mentions[mi]!.to - 1]!.poss ? doc.mentions[mi]!.to : -1;
  const opener = DESCRIPTION_OPENERS.has(first.lower) || first.poss || initial || possName > 0;
  if (!opener && !(first.cap && descriptionWord(first))) return null;
  let end = possName > 0 ? possName : DESCRIPTION_OPENERS.has(first.lower) ? t + 1 : t;
  let head = -1;
  while (end < limit && end < t + 9) {
    const tk = toks[end]!;
    const prev = toks[end - 1];
    // (the next token read on every round, not only after `of`: see gapKind)
    const after = end + 1;
    const next = after < limit && after < toks.length ? toks[after]! : null;
    if (end > t && prev) {
      const gap = gapKind(text, prev.end + (prev.poss ? 2 : 0), tk.start);
      // `one U.S. official`: an abbreviation's dot is not a break
      const abbreviation = (prev.text.includes('.') || prev.text.length <= 3) && prev.dot;
      const spaced = gap === GAP_SPACE, joined = gap === GAP_NONE, dotted = gap === GAP_DOT_SPACE;
      if (!(spaced || joined || (dotted && abbreviation))) break;
    }
    // words taken without ending the phrase, with one step for all (each test made every round: see gapKind)
    const of = tk.lower === 'of' && head >= 0 && next !== null;
    const numberNext = next !== null && NUMBER_WORDS.has(next.lower);
    // `mother of three`, `secretary of state`
    const ofWords = of && /^\d|^[a-z]/.test(next.text) && !FUNCTION_WORDS.has(next.lower) && !next.poss;
    const ofNumber = !ofWords && of && numberNext;
    // `A Department for Education and Skills spokeswoman`: small words inside a capitalised name
    const small = !ofWords && !ofNumber && SMALL_NAME_WORDS.has(tk.lower) && head >= 0 && toks[head]!.cap && next !== null && next.cap;
    if (ofNumber) head = after;
    const skip = ofWords || small ? 1 : ofNumber ? 2 : 0;
    end += skip;
    if (skip > 0) continue;
    if (!descriptionWord(tk)) break;
    if (!opener && !tk.cap) break; // an undetermined phrase is a name: `The Hill`, `Yahoo News`
    // a past-tense verb ends the phrase: `the documentary showed`
    if (head >= 0 && !tk.cap && /[^e]ed$/.test(tk.lower) && !PERSON_NOUNS.has(tk.lower) && !ROLE_HEADS.has(tk.lower)) break;
    head = end; end++;
    if (tk.poss && end < limit) head = -1; // `the ad’s` goes on to its head
  }
  if (head < 0) return null;
  const h = toks[head]!;
  if ((NOT_HEADS.has(h.lower) && !h.cap) || /^\d/.test(h.text) || (NUMBER_WORDS.has(h.lower) && toks[head - 1]?.lower !== 'of') || (h.cap && (first.poss || possName > 0))) return null;
  // an undetermined phrase opening a sentence is a plural (`Small groups of protesters`, `Officials`), not a clause
  if (initial && !DESCRIPTION_OPENERS.has(first.lower) && !first.poss && !(h.lower.endsWith('s') && !h.cap) && !(head === t && h.lower.endsWith('s'))) return null;
  if (!opener && (mentionAt(doc, s, head) >= 0 || PRONOUNS.has(h.lower))) return null;
  return {ref: describe(doc, s, t, head + 1), from: t, to: head + 1, nominal: true};
}

/** The phrase whose last token is t (for `... Kishida said`, `... the prime minister, meanwhile, said`). */
export function phraseEndingAt(doc: Doc, s: number, t: number, floor: number): Phrase | null {
  const toks = doc.segs[s]!.tokens;
  let best: Phrase | null = null;
  for (let from = t; from >= Math.max(floor, t - 7); from--) {
    const p = phraseFrom(doc, s, from, t + 1);
    if (p && p.to === t + 1) {
      if (p.ref?.kind !== 'desc') return p;
      best = p; // a longer description may start further back: `the ad’s narrator`
    }
    const tk = toks[from]!;
    if (from < t && (DESCRIPTION_OPENERS.has(tk.lower) || /[,.;:()\u2014]/.test(doc.segs[s]!.text.slice(tk.end, toks[from + 1]!.start)))) break;
    if (from > floor && /[,.;:()\u2014"“”]/.test(doc.segs[s]!.text.slice(toks[from - 1]!.end, tk.start).replace(/^['’]s?/, ''))) break;
  }
  return best;
}

/** The person a description names: role head and country agree; the most recently mentioned if several. */
export function resolveDescription(doc: Doc, s: number, t: number, head: string, mods: readonly string[], country: string | null): Ref | null {
  const fits = (c: Cluster): boolean => {
    if (country && c.country !== country) return false;
    if (head === 'leader') return isLeaderRole(c.role) || c.possessiveCountry;
    if (!c.role) return false;
    const words = c.role.split(' ');
    if (words[words.length - 1] !== head && !(LEADER_HEADS.has(head) && words.includes(head))) return false;
    return mods.every((m) => !ROLE_MODIFIERS.has(m) || UNRANKED_MODIFIERS.has(m) || words.includes(m));
  };
  const candidates: number[] = [];
  for (let i = 0; i < doc.clusters.length; i++) if (fits(doc.clusters[i]!)) candidates.push(i);
  if (candidates.length === 0) return null;
  if (candidates.length === 1) return personRef(candidates[0]!);
  const recent = lastMentioned(doc, s, t, (ci) => candidates.includes(ci));
  return recent >= 0 ? personRef(recent) : null;
}

function lastMentioned(doc: Doc, s: number, t: number, ok: (ci: number) => boolean): number {
  for (let mi = doc.mentions.length - 1; mi >= 0; mi--) {
    const m = doc.mentions[mi]!;
    if (m.seg > s || (m.seg === s && m.from >= t)) continue;
    const ci = doc.owner[mi]!;
    if (ci >= 0 && ok(ci)) return ci;
  }
  return -1;
}

/**
 * The antecedent of `he`/`she` at token t: walking back sentence by sentence (this one first, then
 * earlier ones, up to three paragraphs back), the subject of the nearest sentence that names a person
 * of a compatible gender; a name inside quotation marks is never an antecedent.
 */
export function resolvePronoun(doc: Doc, s: number, t: number, gender: 'm' | 'f'): Ref | null {
  const compatible = (ci: number): boolean => { const g = doc.clusters[ci]!.gender; return g === null || g === gender; };
  // group candidate mentions by (segment, sentence), newest first
  let group: number[] = [];
  let groupKey = '';
  const pick = (): Ref | null => {
    if (!group.length) return null;
    // the group is newest-first: the subject is the earliest mention in the sentence
    const ci = doc.owner[group[group.length - 1]!]!;
    return personRef(ci);
  };
  for (let mi = doc.mentions.length - 1; mi >= 0; mi--) {
    const m = doc.mentions[mi]!;
    if (m.seg > s || (m.seg === s && m.from >= t)) continue;
    if (doc.segs[m.seg]!.index < doc.segs[s]!.index - 3) break;
    const ci = doc.owner[mi]!;
    if (ci < 0 || doc.quoted[m.seg]![m.from] || doc.segs[m.seg]!.index === -1) continue;
    const starts = doc.sentences[m.seg]!;
    let k = 0;
    const pos = doc.segs[m.seg]!.tokens[m.from]!.start;
    while (k + 1 < starts.length && starts[k + 1]! <= pos) k++;
    const key = `${m.seg}:${k}`;
    if (key !== groupKey) {
      const r = pick();
      if (r) return r;
      group = []; groupKey = key;
    }
    if (compatible(ci)) group.push(mi);
  }
  return pick();
}
