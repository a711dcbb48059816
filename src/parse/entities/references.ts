// Refiner helpers: what a noun phrase at a position refers to. A person's name, a pronoun (`he`,
// resolved to the right earlier person by gender, recency and subject position), a description
// (`The prime minister`, `The US leader`, `The South Korean president`: the person with that role
// and country), or an organisation (`a White House statement`).
import {countryAt} from './countries.js';
import {CUE_NOUNS, FUNCTION_WORDS, LEADER_HEADS, PRONOUNS, ROLE_HEADS, ROLE_MODIFIERS} from './lexicon.js';
import type {NameMention} from './names.js';
import type {OrgHit} from './organizations.js';
import type {Cluster} from './people.js';
import {isLeaderRole} from './people.js';
import type {Segment} from './segments.js';

export type Ref = {kind: 'person'; cluster: number} | {kind: 'org'; name: string};

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
  /** Per segment: token index -> mention index, for every token of a mention's name and prefix. */
  mentionAt: Array<Map<number, number>>;
}

const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'our']);

export function personAt(doc: Doc, s: number, t: number): number {
  const mi = doc.mentionAt[s]!.get(t);
  return mi === undefined ? -1 : doc.owner[mi]!;
}

function orgAt(doc: Doc, s: number, t: number): OrgHit | null {
  for (const h of doc.orgHits.get(s) ?? []) if (t >= h.from && t < h.to) return h;
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

/** The phrase starting at token t (skipping a determiner): used after a cue (`said Mr. X`) and before one. */
export function phraseFrom(doc: Doc, s: number, t: number, limit: number): Phrase | null {
  const toks = doc.segs[s]!.tokens;
  const tok = toks[t];
  if (!tok || t >= limit) return null;
  const pr = PRONOUNS.get(tok.lower);
  if (pr) return {ref: pr === 'n' ? null : resolvePronoun(doc, s, t, pr), from: t, to: t + 1, nominal: true};
  const mi = doc.mentionAt[s]!.get(t);
  if (mi !== undefined && doc.owner[mi]! >= 0) {
    const m = doc.mentions[mi]!;
    if (m.prefix <= t) return {ref: {kind: 'person', cluster: doc.owner[mi]!}, from: t, to: m.to, nominal: true};
  }
  // determiner / country / modifiers + role head or organisation (+ statement)
  let i = t;
  if (DETERMINERS.has(tok.lower)) i++;
  let country: string | null = null;
  const c = countryAt(toks, i);
  if (c && i < limit) { country = c.entry.code; i = c.to; }
  const org = i < limit ? orgAt(doc, s, i) : null;
  if (org && (org.from === i)) {
    let end = org.to;
    while (end < limit && (CUE_NOUNS.has(toks[end]!.lower) || ['spokesman', 'spokeswoman', 'spokesperson', 'official', 'officials', 'aide', 'source', 'sources', 'press', 'secretary'].includes(toks[end]!.lower))) end++;
    const pmi = doc.mentionAt[s]!.get(end);
    if (pmi !== undefined && doc.owner[pmi]! >= 0) return {ref: {kind: 'person', cluster: doc.owner[pmi]!}, from: t, to: doc.mentions[pmi]!.to, nominal: true};
    return {ref: {kind: 'org', name: org.name}, from: t, to: end, nominal: true};
  }
  const mods: string[] = [];
  while (i < limit && (ROLE_MODIFIERS.has(toks[i]!.lower) || (toks[i]!.cap && !ROLE_HEADS.has(toks[i]!.lower) && !FUNCTION_WORDS.has(toks[i]!.lower)))) {
    const cc = countryAt(toks, i);
    if (cc) { country ??= cc.entry.code; i = cc.to; continue; }
    mods.push(toks[i]!.lower); i++;
  }
  const head = toks[i];
  if (head && i < limit && (ROLE_HEADS.has(head.lower) || head.lower === 'leader') && (i > t || DETERMINERS.has(tok.lower) || country)) {
    if (i === t) return null;
    return {ref: resolveDescription(doc, s, t, head.lower, mods, country), from: t, to: i + 1, nominal: true};
  }
  return null;
}

/** The phrase whose last token is t (for `... Kishida said`, `... the prime minister, meanwhile, said`). */
export function phraseEndingAt(doc: Doc, s: number, t: number, floor: number): Phrase | null {
  const toks = doc.segs[s]!.tokens;
  for (let from = t; from >= Math.max(floor, t - 6); from--) {
    const p = phraseFrom(doc, s, from, t + 1);
    if (p && p.to === t + 1) return p;
    const tk = toks[from]!;
    if (from < t && (DETERMINERS.has(tk.lower) || /[,.;:]/.test(doc.segs[s]!.text.slice(tk.end, toks[from + 1]!.start)))) break;
  }
  return null;
}

/** The person a description names: role head and country agree; the most recently mentioned if several. */
export function resolveDescription(doc: Doc, s: number, t: number, head: string, mods: readonly string[], country: string | null): Ref | null {
  const fits = (c: Cluster): boolean => {
    if (country && c.country !== country) return false;
    if (head === 'leader') return isLeaderRole(c.role) || c.possessiveCountry;
    if (!c.role) return false;
    const words = c.role.split(' ');
    if (words[words.length - 1] !== head && !(LEADER_HEADS.has(head) && words.includes(head))) return false;
    return mods.every((m) => !ROLE_MODIFIERS.has(m) || ['former', 'top', 'senior', 'new', 'white', 'house'].includes(m) || words.includes(m));
  };
  const candidates = doc.clusters.map((c, i) => (fits(c) ? i : -1)).filter((i) => i >= 0);
  if (candidates.length === 0) return null;
  if (candidates.length === 1) return {kind: 'person', cluster: candidates[0]!};
  const recent = lastMentioned(doc, s, t, (ci) => candidates.includes(ci));
  return recent >= 0 ? {kind: 'person', cluster: recent} : null;
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
    return {kind: 'person', cluster: ci};
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
