// Extractor: mentions of people. A run of capitalised words, with the titles, roles and countries
// written before it (`Japanese prime minister Fumio Kishida`, `Trade and Industry Secretary
// Patricia Hewitt`, `Australia’s Anthony Albanese`, `Mr Blair`, `Rep. Jerry Nadler`) or in an
// apposition after it (`Jerry Nadler, a Democrat from New York`). Words that are organisations,
// countries, places, months or sentence openers are never names.
import {countryAt, type CountryHit} from './countries.js';
import {ADVERBS, CUE_VERBS, FUNCTION_WORDS, HONORIFICS, MONTHS, NON_PERSON_WORDS, PLACE_TAILS, PLACES, ROLE_ABBREVIATIONS, ROLE_GENDER, ROLE_HEADS, ROLE_MODIFIERS} from './lexicon.js';
import type {OrgHit} from './organizations.js';
import {objectList, type Segment, type Token} from './segments.js';

export interface NameMention {
  /** Index into the segments array. */
  seg: number;
  /** Token range of the name itself (no title). */
  from: number;
  to: number;
  /** Token index where the title/role/country written before the name begins. */
  prefix: number;
  words: string[];
  /** `words` lower-cased (the tokens' own lower case: no word lower-cased again). */
  lower: string[];
  gender: 'm' | 'f' | null;
  role: string | null;
  country: string | null;
  /** A title, role or apposition shows it is a person (otherwise a bare capitalised run). */
  evidence: boolean;
  /** Found in the headline or another context where capitals prove nothing: only joins known people. */
  weak: boolean;
  /** Preceded by `Country’s` with no role: `Australia’s Anthony Albanese`. */
  possessiveCountry: boolean;
}

const LOCATIVES = new Set(['in', 'at', 'from', 'near', 'outside', 'across', 'to', 'into', 'toward', 'towards', 'around', 'inside']);
const PARTICLES = new Set(['de', 'da', 'di', 'del', 'van', 'von', 'der', 'den', 'bin', 'ibn', 'al', 'el', 'la', 'le', 'du', 'dos', 'st']);
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);
/** Role words that are common surnames too: `Charlie King`, `Mr. Judge`. */
const SURNAME_TITLES = new Set(['king', 'prince', 'judge', 'marshal', 'bishop', 'chancellor']);
const gap = (a: Token, b: Token): number => b.start - a.end;

const NO_HITS = objectList<never>();

/** Per token of a segment, 1 when it cannot be part of a name: organisations, countries, places. */
type Taken = number[];

/** Token sets that cannot be part of a name in this segment: organisations and countries. */
function covered(n: number, ...hitLists: ReadonlyArray<ReadonlyArray<{from: number; to: number}>>): Taken {
  // a plain array: a typed array of more than 64 bytes is allocated outside V8's heap, one per paragraph
  const out: Taken = new Array<number>(n).fill(0);
  for (const hits of hitLists) for (const h of hits) for (let i = h.from; i < h.to; i++) out[i] = 1;
  return out;
}

/** A plural of an abbreviation: `MPs`, `NGOs`, `CEOs`. */
const ABBREVIATION_PLURAL = /^\p{Lu}{2,}s$/u;

/** Words that are never a name word: function words, places, role heads and honorifics, in one set (one lookup
 *  per word, not four). */
const NOT_NAME_WORDS: ReadonlySet<string> = new Set([...FUNCTION_WORDS, ...PLACES, ...ROLE_HEADS, ...HONORIFICS.keys()]);

function nameWord(t: Token, taken: boolean): boolean {
  if (taken) return false;
  const l = t.lower;
  const text = t.text;
  // (only a word ending in `s` can be an abbreviation's plural: the regex is run on those alone)
  const plural = text.charCodeAt(text.length - 1) === 115;
  return !NOT_NAME_WORDS.has(l) && !isDigit(l.charCodeAt(0)) && !(text.length > 4 && allCapitals(text)) && !(plural && ABBREVIATION_PLURAL.test(text));
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** `text === text.toUpperCase()`, without upper-casing an ASCII word (slow on two-byte strings). */
function allCapitals(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return text === text.toUpperCase();
    if (c >= 97 && c <= 122) return false;
  }
  return true;
}

/** Two-word places whose last word is also a given name (`San Francisco`): both words are taken. */
function takePlaces(toks: readonly Token[], taken: Taken): void {
  for (let k = 1; k < toks.length; k++) {
    if (!toks[k - 1]!.cap) continue;
    const heads = PLACE_TAILS.get(toks[k]!.lower);
    if (heads?.has(toks[k - 1]!.lower) && !toks[k - 1]!.poss && gap(toks[k - 1]!, toks[k]!) === 1) taken[k - 1] = taken[k] = 1;
  }
}

const ADJECTIVAL = new Set(['federal', 'national', 'international', 'global', 'world', 'united', 'royal', 'supreme', 'high', 'north',
  'south', 'east', 'west', 'central', 'middle', 'new', 'general', 'grand', 'great', 'little', 'upper', 'lower']);
const MONTH_NAMES_AS_NAMES = new Set(['may', 'june', 'april', 'august', 'jan']);

/**
 * Organisation and place words (`House`, `Court`, `Street`) may open a name (`Bill Clinton`) but not
 * end one; adjectives (`Supreme`, `National`) may not open one; a month is a month before a number.
 */
function personLike(toks: readonly Token[], from: number, to: number): boolean {
  const one = to - from === 1;
  for (let k = from; k < to; k++) {
    const l = toks[k]!.lower;
    // (a word never is empty; read every time, not only after a month, which the first articles may lack)
    const beforeNumber = k + 1 < toks.length && isDigit(toks[k + 1]!.text.charCodeAt(0));
    if (NON_PERSON_WORDS.has(l) && (k > from || one || ADJECTIVAL.has(l))) return false;
    if (MONTHS.has(l) && (!MONTH_NAMES_AS_NAMES.has(l) || beforeNumber || one)) return false;
  }
  return true;
}

/** Party labels written before a name: `Republican Donald Trump`, `Democrat Hillary Clinton`. */
const PARTY_LABELS = new Set(['republican', 'democrat', 'democratic', 'gop', 'tory', 'labour', 'conservative', 'liberal']);

/** A title word inside a capitalised run: the name starts after the last one. */
function titleWord(t: Token): boolean {
  return PARTY_LABELS.has(t.lower) || HONORIFICS.has(t.lower) || (ROLE_ABBREVIATIONS.has(t.lower) && t.dot) || ROLE_HEADS.has(t.lower) || ROLE_MODIFIERS.has(t.lower);
}

function roleOf(toks: readonly Token[], head: number, stop: number, taken: Taken): {role: string; from: number} | null {
  const h = toks[head]!;
  const abbr = ROLE_ABBREVIATIONS.get(h.lower);
  if (abbr && h.dot) return {role: abbr, from: head};
  if (!ROLE_HEADS.has(h.lower)) return null;
  let from = head;
  for (let j = head - 1; j >= stop; j--) {
    const t = toks[j]!;
    if (gap(t, toks[j + 1]!) > 1 || t.poss) break;
    if (taken[j]) break;
    if (ROLE_MODIFIERS.has(t.lower) || ROLE_HEADS.has(t.lower) && t.lower !== 'head') { from = j; continue; }
    const capBefore = j > stop && toks[j - 1]!.cap; // (read every time, not only after `and`: see nameToken)
    if (t.lower === 'and' && capBefore && h.cap) { continue; }
    if (t.cap && h.cap && nameWord(t, false)) { from = j; continue; }
    break;
  }
  if (toks[from]!.lower === 'and') from++;
  let role = '';
  for (let k = from; k <= head; k++) {
    const w = toks[k]!.lower;
    if (w === 'former' || w === 'acting') continue;
    role += role === '' ? w : ' ' + w;
  }
  return {role, from};
}

const INNER_CAPITAL = /\p{Lu}/u;
/** Where a lone capitalised word proves nothing about being a name: `Analysts said`, `from Nottingham agreed`. */
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'from', 'near', 'outside', 'inside', 'across', 'into', 'around', 'toward', 'towards']);

/** Where `he` or `she` is written first and last in a segment (-1: nowhere). */
interface PronounSpan {
  first: number;
  last: number;
}

function pronounSpan(toks: readonly Token[]): PronounSpan {
  let first = -1, last = -1;
  for (let k = 0; k < toks.length; k++) {
    const l = toks[k]!.lower;
    if (l === 'he' || l === 'she') { if (first < 0) first = toks[k]!.start; last = toks[k]!.start; }
  }
  return {first, last};
}

/** What every segment's name search reads: the segments, their sentence starts (absent: one sentence each) and
 *  where `he`/`she` are written in each. */
interface NameContext {
  segs: readonly Segment[];
  sentences: readonly (readonly number[])[] | undefined;
  pronouns: PronounSpan[];
}

const ONE_SENTENCE: readonly number[] = [0];
const NO_SENTENCES: readonly number[] = [];

function opensSentence(cx: NameContext, s: number, t: number): boolean {
  return (cx.sentences?.[s] ?? ONE_SENTENCE).includes(cx.segs[s]!.tokens[t]!.start);
}

function lonePosition(cx: NameContext, s: number, t: number): boolean {
  return opensSentence(cx, s, t) || (t > 0 && PLACE_PREPOSITIONS.has(cx.segs[s]!.tokens[t - 1]!.lower));
}

/** `he` or `she` in a later sentence of this paragraph or the next one's first: someone was just named. */
function pronounAfter(cx: NameContext, s: number, t: number): boolean {
  const pos = cx.segs[s]!.tokens[t]!.start;
  const starts = cx.sentences?.[s] ?? NO_SENTENCES;
  let next = -1;
  for (let k = 0; k < starts.length; k++) if (starts[k]! > pos) { next = starts[k]!; break; }
  if (next >= 0 && cx.pronouns[s]!.last >= next) return true;
  if (s + 1 >= cx.pronouns.length) return false;
  const after = cx.pronouns[s + 1]!;
  const nextStarts = cx.sentences?.[s + 1] ?? NO_SENTENCES;
  return after.first >= 0 && (nextStarts.length < 2 || after.first < nextStarts[1]!);
}

/**
 * `sentences` (per segment, sentence start positions): a single word opening a sentence, or after a place
 * preposition, is not made a person by the verb after it alone (`Critics said`, `councillors from Nottingham
 * agreed`) unless it has a capital inside (`PolitiFact`) or the article goes on with `he` or `she`; it still
 * joins a person the article names in full (`Blair said` after `Tony Blair`).
 */
export function extractNames(segs: readonly Segment[], countryHits: Map<number, CountryHit[]>, orgHits: Map<number, OrgHit[]>, sentences?: readonly (readonly number[])[]): NameMention[] {
  const out = objectList<NameMention>();
  const pronouns: PronounSpan[] = [];
  for (const seg of segs) pronouns.push(pronounSpan(seg.tokens));
  const cx: NameContext = {segs, sentences, pronouns};
  for (let s = 0; s < segs.length; s++) {
    const taken = covered(segs[s]!.tokens.length, countryHits.get(s) ?? NO_HITS, orgHits.get(s) ?? NO_HITS);
    namesIn(cx, s, taken, out);
  }
  return out;
}

/** `Mr. King`, `Charlie King`: a title word that is also a surname, after a first name or an honorific (run from i). */
function surnameAt(toks: readonly Token[], text: string, taken: Taken, i: number, k: number): boolean {
  return SURNAME_TITLES.has(toks[k]!.lower) && k > i && (nameWord(toks[k - 1]!, taken[k - 1] === 1) || HONORIFICS.has(toks[k - 1]!.lower))
    && !(k + 1 < toks.length && toks[k + 1]!.cap && text.slice(toks[k]!.end, toks[k + 1]!.start) === ' ');
}

/** A middle initial that is also a word: `Julie A. Diaz Martinez`, `Michael I. Smith` (name from nameFrom, run to j). */
function initialAt(toks: readonly Token[], taken: Taken, nameFrom: number, j: number, k: number): boolean {
  return k > nameFrom && toks[k]!.text.length === 1 && toks[k]!.cap && toks[k]!.dot && !taken[k] && k + 1 < j;
}

/** Token k of the capitalised run from i to j, in a name from nameFrom: 2 a word that can open a name (a name
 *  word, or a title that is also a surname), 1 one that can only go on with it (a middle initial, a particle, a
 *  suffix), 0 neither. Every test is made every time: one that the first articles never made would throw the
 *  optimised caller away when an article first needs it. */
function nameToken(toks: readonly Token[], text: string, taken: Taken, i: number, nameFrom: number, j: number, k: number): number {
  const l = toks[k]!.lower;
  const opens = nameWord(toks[k]!, taken[k] === 1), surname = surnameAt(toks, text, taken, i, k);
  const initial = initialAt(toks, taken, nameFrom, j, k), particle = PARTICLES.has(l), suffix = SUFFIXES.has(l);
  return opens || surname ? 2 : initial || particle || suffix ? 1 : 0;
}

/** The name mentions of segment s, appended to `out`. */
function namesIn(cx: NameContext, s: number, taken: Taken, out: NameMention[]): void {
  const seg = cx.segs[s]!;
  const toks = seg.tokens;
  const text = seg.text;
  takePlaces(toks, taken);
  const headline = seg.index === -1;
  for (let i = 0; i < toks.length; i++) {
    if (!toks[i]!.cap) continue;
    // the capitalised run [i, j): joined by single spaces, `Mr. `, initials, particles
    let j = i + 1;
    let nicknames: number[] | null = null;
    while (j < toks.length && !toks[j - 1]!.poss) {
      const prev = toks[j - 1]!, t = toks[j]!;
      const between = text.slice(prev.end, t.start);
      const next = j + 1 < toks.length ? toks[j + 1]! : null;
      const nextCap = next !== null && next.cap;
      // a nickname in quotation marks inside the name: `Marcia "Cia" Price`, `Robert C. “Bobby” Scott`
      if (/^\.? ["“]$/.test(between) && t.cap && /^["”] $/.test(text.slice(t.end, next ? next.start : t.end)) && nextCap) {
        (nicknames ??= []).push(j); j += 2; continue;
      }
      // (each test made every time: one the first articles never made would throw optimised code away)
      const spaced = between === ' ', dotted = between === '. ', joined = between === '';
      if (!(spaced || (prev.dot && dotted) || joined)) break;
      if (t.cap || (PARTICLES.has(t.lower) && nextCap)) j++; else break;
    }
    // the last title inside the run: the name follows it
    let nameFrom = i;
    for (let k = j - 2; k >= i; k--) if (!taken[k] && titleWord(toks[k]!)) { nameFrom = k + 1; break; }
    // leading sentence openers and non-name words are dropped, the name stops at the first bad word
    while (nameFrom < j && nameToken(toks, text, taken, i, nameFrom, j, nameFrom) < 2) nameFrom++;
    let nameTo = nameFrom;
    while (nameTo < j && nameToken(toks, text, taken, i, nameFrom, j, nameTo) > 0) {
      nameTo++;
      if (toks[nameTo - 1]!.poss) break;
    }
    while (nameTo > nameFrom && PARTICLES.has(toks[nameTo - 1]!.lower)) nameTo--;
    // a run going on into an organisation or place word names a thing: `Affordable Care Act`
    // (tested every time, where the name stops short of the run or not: see nameToken)
    const afterPossessive = nameTo > 0 && toks[nameTo - 1]!.poss;
    const thingWord = NON_PERSON_WORDS.has(toks[Math.min(nameTo, j - 1)]!.lower);
    if (nameTo < j && !afterPossessive && thingWord) { i = j - 1; continue; }
    if (!personLike(toks, nameFrom, nameTo)) { i = j - 1; continue; }
    if (nameTo <= nameFrom) { i = j - 1; continue; }
    const m = describe(toks, s, nameFrom, nameTo, taken, text);
    if (nicknames) {
      const nick = nicknames;
      m.words = m.words.filter((_, k) => !nick.includes(nameFrom + k));
      m.lower = m.lower.filter((_, k) => !nick.includes(nameFrom + k));
    }
    // a run of suffixes alone (`II`, `Jr.`) names nobody
    if (m.words.length === 0) { i = j - 1; continue; }
    // a lone word: capitalised only where any word is, with no internal capital (`PolitiFact`), no `he`/`she` after
    const lone = nameTo - nameFrom === 1 && lonePosition(cx, s, nameFrom) && !INNER_CAPITAL.test(toks[nameFrom]!.text.slice(1))
      && !pronounAfter(cx, s, nameFrom);
    if (!m.evidence && !headline && !lone && speaks(toks, nameTo)) m.evidence = true;
    m.weak = headline || (!m.evidence && nameTo - nameFrom === 1);
    out.push(m);
    i = Math.max(i, nameTo - 1);
  }
}

function describe(toks: readonly Token[], s: number, from: number, to: number, taken: Taken, text: string): NameMention {
  const words = objectList<string>(), lower = objectList<string>();
  for (let k = from; k < to; k++) if (!SUFFIXES.has(toks[k]!.lower)) { words.push(toks[k]!.text); lower.push(toks[k]!.lower); }
  const m: NameMention = {seg: s, from, to, prefix: from, words, lower, gender: null, role: null, country: null, evidence: false, weak: false, possessiveCountry: false};
  let k = from - 1;
  const before = toks[k];
  if (before && gap(before, toks[from]!) <= 2) {
    const hon = HONORIFICS.get(before.lower);
    if (hon !== undefined && !before.poss) { m.gender = hon; m.evidence = true; m.prefix = k; k--; }
    const head = toks[k];
    if (head && !head.poss && gap(head, toks[k + 1]!) <= 2) {
      const r = roleOf(toks, k, 0, taken);
      if (r) { m.role = r.role; m.evidence = true; m.prefix = r.from; m.gender ??= ROLE_GENDER.get(head.lower) ?? null; k = r.from - 1; }
    }
  }
  // a country written before: `Japanese prime minister`, `US president`, `Australia’s`
  const c = countryEnding(toks, k);
  if (c && gap(toks[c.to - 1]!, toks[k + 1]!) <= (toks[c.to - 1]!.poss ? 3 : 2)) {
    m.country = c.entry.code;
    m.prefix = c.from;
    if (toks[c.to - 1]!.poss && m.role === null) { m.possessiveCountry = true; m.evidence = true; }
  }
  // an apposition after: `, a Democrat from New York,` `, the prime minister of Japan,`
  // (not after a place: `a press conference in Chelsea, the mayor said`)
  if (m.role === null && text[toks[to - 1]!.end + (toks[to - 1]!.poss ? 2 : 0)] === ',' && !LOCATIVES.has(toks[from - 1]?.lower ?? '')) {
    for (let a = to; a < Math.min(toks.length, to + 9); a++) {
      const t = toks[a]!;
      if (a > to && /[,.;:()]/.test(text.slice(toks[a - 1]!.end, t.start))) break;
      if (ROLE_HEADS.has(t.lower) && !t.poss) {
        const r = roleOf(toks, a, to, taken);
        if (r) { m.role = r.role; m.evidence = true; m.gender ??= ROLE_GENDER.get(t.lower) ?? null; }
        const tail = toks[a + 1]?.lower === 'of' ? countryAt(toks, a + 2) : null;
        const lead = countryEnding(toks, r ? r.from - 1 : a - 1);
        m.country ??= tail?.entry.code ?? lead?.entry.code ?? null;
        break;
      }
      if (/^(democrat|republican)$/.test(t.lower) && t.cap) { m.evidence = true; break; }
    }
  }
  return m;
}

/** The name ending before token t is the subject of a cue verb: `Obama said`, `Reid also warned`. */
function speaks(toks: readonly Token[], t: number): boolean {
  let k = t;
  while (k < toks.length && k < t + 3 && ADVERBS.has(toks[k]!.lower)) k++;
  const next = toks[k];
  return next !== undefined && !next.cap && CUE_VERBS.has(next.lower) && next.start - toks[t - 1]!.end <= (k === t ? 2 : 40);
}

/** A country form whose last token is at index k. */
function countryEnding(toks: readonly Token[], k: number): CountryHit | null {
  for (let from = Math.max(0, k - 3); from <= k; from++) {
    const hit = countryAt(toks, from);
    if (hit && hit.to === k + 1) return hit;
  }
  return null;
}
