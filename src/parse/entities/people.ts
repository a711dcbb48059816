// Refiner: mentions -> people. Full names found first make people; a surname or first name alone,
// or with a title (`Kishida`, `Mr Blair`, `Yoon`), joins the person it names; a misspelled full
// name joins too when the first name (or the role) agrees and the surname is one or two edits away
// (`Fumio Kushida` / `Fumio Kishida`), kept as an alias.
import {distance} from 'fastest-levenshtein';
import type {Person} from '../../types.js';
import {LEADER_HEADS, NON_LEADER_MODIFIERS} from './lexicon.js';
import type {NameMention} from './names.js';
import {slug} from './organizations.js';
import {objectList} from './segments.js';

export interface Cluster {
  forms: string[][];
  mentions: number[];
  role: string | null;
  country: string | null;
  gender: 'm' | 'f' | null;
  possessiveCountry: boolean;
  /** Surname variants seen in merged misspellings. */
  variants: string[];
  /** `forms` lower-cased, kept in step with them (matching lower-cases every form for every mention). */
  lowerForms: string[][];
  /** `forms` joined with spaces, kept in step with them. */
  joinedForms: string[];
}

const low = (w: string): string => w.toLowerCase();
const last = (f: readonly string[]): string => low(f[f.length - 1]!);

/** A mention's words as the matching compares them: lower-cased and joined once per mention, not once per cluster. */
interface Words {
  words: readonly string[];
  lower: string[];
  joined: string;
  lowerJoined: string;
  /** The last word's length and first code unit. */
  lastLength: number;
  lastInitial: number;
}

function wordsOf(m: NameMention): Words {
  const lower = m.lower;
  const lastWord = lower[lower.length - 1]!;
  return {words: m.words, lower, joined: m.words.join(' '), lowerJoined: lower.join(' '), lastLength: lastWord.length, lastInitial: lastWord.charCodeAt(0)};
}

const newCluster = (): Cluster => ({forms: objectList<string[]>(), mentions: [], role: null, country: null, gender: null, possessiveCountry: false,
  variants: objectList<string>(), lowerForms: objectList<string[]>(), joinedForms: objectList<string>()});

/** How far apart two spellings of one surname may be: one edit, two for long names. */
const tolerance = (w: string): number => (w.length >= 9 ? 2 : w.length >= 5 ? 1 : 0);
// (an edit distance is at least the difference in length: most pairs need no distance computed)
const similar = (a: string, b: string): boolean => a === b || (Math.abs(a.length - b.length) <= tolerance(a) && distance(a, b) <= tolerance(a));
const sameInitial = (a: string, b: string): boolean => a === b || (a.replace(/\.$/, '').length === 1 && b.startsWith(a[0]!)) || (b.replace(/\.$/, '').length === 1 && a.startsWith(b[0]!));

function fullMatch(c: Cluster, w: Words, m: NameMention): 'same' | 'variant' | null {
  const {words, lower: lw, joined, lowerJoined} = w;
  const wl = lw[lw.length - 1]!;
  for (let k = 0; k < c.forms.length; k++) {
    const f = c.forms[k]!;
    if (f.length < 2) continue;
    const lf = c.lowerForms[k]!;
    const fl = lf[lf.length - 1]!;
    if (c.joinedForms[k] === joined) return 'same';
    // `De Blasio` is the end of `Bill de Blasio`
    if (words.length < f.length && lf.slice(-words.length).join(' ') === lowerJoined) return 'same';
    const firstAgrees = sameInitial(lf[0]!, lw[0]!);
    if (fl === wl && firstAgrees) return 'same';
    if (fl !== wl && (lf[0] === lw[0] || (m.role !== null && m.role === c.role)) && similar(fl, wl)) return 'variant';
  }
  return null;
}

/** The clusters being built: each mention's words and owner (-1: none yet). */
interface Clustering {
  clusters: Cluster[];
  owner: Int32Array;
  mentions: readonly NameMention[];
  words: Words[];
}

function join(cx: Clustering, ci: number, mi: number): void {
  const c = cx.clusters[ci]!, m = cx.mentions[mi]!, w = cx.words[mi]!;
  cx.owner[mi] = ci;
  c.mentions.push(mi);
  if (!c.joinedForms.includes(w.joined)) { c.forms.push(m.words); c.lowerForms.push(w.lower); c.joinedForms.push(w.joined); }
  c.role ??= m.role;
  c.country ??= m.country;
  c.gender ??= m.gender;
  c.possessiveCountry ||= m.possessiveCountry;
}

/** How well one word (`w`, lower case) names a form: 2 its last word, 1 another of its words, 0 a misspelling of
 *  its last word (when `misspellable`), -1 not at all. */
function formMatch(f: readonly string[], lf: readonly string[], w: string, misspellable: boolean, initial: number): number {
  const fl = lf[lf.length - 1]!;
  const included = lf.includes(w);
  if (fl === w) return 2;
  if (included) return 1;
  return misspellable && f.length > 1 && initial === fl.charCodeAt(0) && similar(fl, w) ? 0 : -1;
}

/** The cluster a single word or headline form names (the most mentioned when several do), or -1. */
function single(clusters: readonly Cluster[], m: NameMention, mw: Words, exact: boolean): number {
  const w = mw.lower[mw.lower.length - 1]!;
  // (what the rarer tests read is read up front, every time: code the first articles never ran would make
  // optimised code bail out and be compiled again when an article first takes it)
  const misspellable = !exact && mw.lastLength >= 5;
  const initial = mw.lastInitial;
  const multi = m.words.length > 1;
  const gender = m.gender;
  let best = -1, score = -1, bestMentions = 0;
  for (let ci = 0; ci < clusters.length; ci++) {
    const c = clusters[ci]!;
    const other = c.gender;
    if (gender !== other && gender !== null && other !== null) continue; // `Mr. Obama` is not Michelle Obama
    let s = -1;
    for (let k = 0; k < c.forms.length; k++) {
      const same = c.joinedForms[k] === mw.joined;
      s = Math.max(s, multi ? (same ? 3 : -1) : formMatch(c.forms[k]!, c.lowerForms[k]!, w, misspellable, initial));
    }
    const mentions = c.mentions.length;
    const more = mentions > bestMentions;
    if (s > score || (s === score && s >= 0 && more)) { best = ci; score = s; bestMentions = mentions; }
  }
  return score >= 0 ? best : -1;
}

export function clusterPeople(mentions: readonly NameMention[]): {clusters: Cluster[]; owner: Int32Array} {
  const clusters = objectList<Cluster>();
  const owner = new Int32Array(mentions.length).fill(-1);
  const words = objectList<Words>();
  for (const m of mentions) words.push(wordsOf(m));
  const cx: Clustering = {clusters, owner, mentions, words};
  // 1. full names
  for (let mi = 0; mi < mentions.length; mi++) {
    const m = mentions[mi]!;
    if (m.words.length < 2 || m.weak) continue;
    let joined = false;
    for (let ci = 0; ci < clusters.length; ci++) {
      const r = fullMatch(clusters[ci]!, words[mi]!, m);
      if (r) { if (r === 'variant') clusters[ci]!.variants.push(m.words[m.words.length - 1]!); join(cx, ci, mi); joined = true; break; }
    }
    if (joined) continue;
    clusters.push(newCluster());
    join(cx, clusters.length - 1, mi);
  }
  // 2. single words and headline forms join the person they name (the most mentioned when several do)
  for (const exact of [true, false]) {
    for (let mi = 0; mi < mentions.length; mi++) {
      const m = mentions[mi]!;
      if (owner[mi] !== -1 || (m.words.length >= 2 && !m.weak)) continue;
      const ci = single(clusters, m, words[mi]!, exact);
      if (ci >= 0) {
        const c = clusters[ci]!;
        const w = m.words[m.words.length - 1]!;
        const lw = words[mi]!.lower[m.words.length - 1]!;
        if (!c.lowerForms.some((f) => f.includes(lw)) && m.words.length === 1) c.variants.push(w);
        join(cx, ci, mi);
      }
    }
  }
  // 3. a single word with a title or role and no full name: a person known by one name (`Mr Blair`)
  for (let mi = 0; mi < mentions.length; mi++) {
    const m = mentions[mi]!;
    if (owner[mi] !== -1 || m.weak || !m.evidence) continue;
    const ci = single(clusters, m, words[mi]!, true);
    if (ci >= 0) { join(cx, ci, mi); continue; }
    clusters.push(newCluster());
    join(cx, clusters.length - 1, mi);
  }
  return {clusters, owner};
}

export function isLeaderRole(role: string | null): boolean {
  if (!role) return false;
  const words = role.split(' ');
  return LEADER_HEADS.has(words[words.length - 1]!) && !words.some((w) => NON_LEADER_MODIFIERS.has(w));
}

/** Canonical name: the longest full form, the spelling used most when spellings differ. */
export function canonical(c: Cluster, mentions: readonly NameMention[]): string[] {
  const count = new Map<string, number>();
  for (const mi of c.mentions) { const w = last(mentions[mi]!.words); count.set(w, (count.get(w) ?? 0) + 1); }
  let best = c.forms[0]!;
  for (const f of c.forms) {
    const better = f.length > best.length || (f.length === best.length && (count.get(last(f)) ?? 0) > (count.get(last(best)) ?? 0));
    if (better) best = f;
  }
  return best;
}

export function toPeople(clusters: readonly Cluster[], mentions: readonly NameMention[], leaders: ReadonlySet<number>): Person[] {
  const people = objectList<Person>();
  clusters.forEach((c, ci) => {
    const name = canonical(c, mentions).join(' ');
    const aliases = objectList<string>();
    for (const f of c.forms) { const s = f.join(' '); if (s !== name && !aliases.includes(s)) aliases.push(s); }
    const nameWords = new Set(name.toLowerCase().split(' '));
    for (const f of c.forms) { const w = f[f.length - 1]!; if (f.length > 1 && !nameWords.has(w.toLowerCase()) && !aliases.includes(w)) aliases.push(w); }
    for (const v of c.variants) if (!nameWords.has(v.toLowerCase()) && !aliases.includes(v)) aliases.push(v);
    people.push({id: slug(name), name, aliases, role: c.role, country: c.country, leader: isLeaderRole(c.role) || leaders.has(ci),
      mentions: c.mentions.length, gender: c.gender});
  });
  return people;
}
