// Extractor: countries named by name, short form, code, demonym or capital, from the maintained
// `world-countries` dataset, plus only the aliases it lacks. The lookup is built once per process.
import worldCountries, {type Country} from 'world-countries';
import type {CountryMention} from '../../types.js';
import {FUNCTION_WORDS, MONTHS} from './lexicon.js';
import {growKeys, joinTokens, scanSegments, type Segment, type Token, wordPrefixes} from './segments.js';

// The package is CommonJS with an ES-style `export default` in its types: accept either shape.
const countries: readonly Country[] = Array.isArray(worldCountries) ? (worldCountries as readonly Country[])
  : (worldCountries as unknown as {default: Country[]}).default;

export interface CountryEntry {
  code: string;
  name: string;
}

/** Forms the dataset lacks (or holds only as ambiguous two-letter codes). Keys are lower-case. */
const EXTRA: ReadonlyArray<[string, string]> = [
  ['us', 'USA'], ['u.s', 'USA'], ['u.s.a', 'USA'], ['america', 'USA'], ['washington', 'USA'],
  ['uk', 'GBR'], ['u.k', 'GBR'], ['britain', 'GBR'], ['great britain', 'GBR'], ['british', 'GBR'], ['england', 'GBR'],
  ['scotland', 'GBR'], ['wales', 'GBR'], ['english', 'GBR'], ['scottish', 'GBR'], ['welsh', 'GBR'], ['london', 'GBR'],
  ['south korean', 'KOR'], ['north korean', 'PRK'], ['korea', 'KOR'], ['burma', 'MMR'], ['holland', 'NLD'],
  ['dutch', 'NLD'], ['filipino', 'PHL'], ['kiwi', 'NZL'], ['emirati', 'ARE'], ['uae', 'ARE'], ['czech', 'CZE'],
  ['soviet union', 'RUS'], ['kremlin', 'RUS'], ['beijing', 'CHN'], ['moscow', 'RUS'], ['ussr', 'RUS'],
];

/** Lower-case forms that are also common words or person names: only counted when written as a code. */
const CASE_SENSITIVE = new Set(['us', 'u.s', 'uk', 'u.k', 'uae']);

const LOOKUP = new Map<string, CountryEntry>();
/** Keys that are only ISO codes (`KEN`, `GBR`): counted in capitals only, so `Ken Ellis` is a name. */
const CODES = new Set<string>();
/** Forms that are capitals: counted only where they stand for a government, not a place (`in Madrid`). */
const CAPITALS = new Set<string>();
let MAX_WORDS = 1;

function add(form: string, entry: CountryEntry, capital = false): void {
  const key = form.toLowerCase().replace(/\.$/, '');
  if (!key || LOOKUP.has(key)) return;
  LOOKUP.set(key, entry);
  if (capital) CAPITALS.add(key);
  MAX_WORDS = Math.max(MAX_WORDS, key.split(' ').length);
}

for (const c of countries) {
  const entry = {code: c.cca3, name: c.name.common};
  add(c.name.common, entry);
  add(c.name.official, entry);
  for (const alt of c.altSpellings) if (alt.length > 3 && /^[A-Z][A-Za-z .'-]+$/.test(alt) && !alt.includes(',')) add(alt, entry);
  if (!LOOKUP.has(c.cca3.toLowerCase())) { add(c.cca3, entry); CODES.add(c.cca3.toLowerCase()); }
  const dem = c.demonyms?.['eng'];
  if (dem) { add(dem.m, entry); add(dem.f, entry); }
}
for (const [form, code] of EXTRA) {
  const c = countries.find((x) => x.cca3 === code)!;
  LOOKUP.set(form, {code, name: c.name.common});
  MAX_WORDS = Math.max(MAX_WORDS, form.split(' ').length);
}
for (const c of countries) for (const cap of c.capital ?? []) add(cap, {code: c.cca3, name: c.name.common}, true);
CAPITALS.add('washington').add('beijing').add('moscow').add('london');
// Three-letter codes that are English words or names are not countries when written in capitals in news.
for (const k of ['can', 'and', 'per', 'bra', 'arm', 'tur', 'nor', 'fin', 'gab', 'mon', 'col', 'ven', 'cod']) LOOKUP.delete(k);
const PREFIXES = wordPrefixes(LOOKUP.keys());
const JOINERS = new Set(['of', 'the', 'and']);

const LOCATIVE = new Set(['in', 'at', 'from', 'to', 'near', 'outside', 'around', 'across', 'into', 'via', 'toward', 'towards', 'visit', 'visited', 'visiting', 'through']);

export interface CountryHit {
  entry: CountryEntry;
  /** Token range [from, to) in the segment. */
  from: number;
  to: number;
  form: string;
}

/** No country: a hit of the same shape, for code that reads a hit's fields whether or not there is one. */
export const NO_COUNTRY: CountryHit = {entry: {code: '', name: ''}, from: -1, to: -1, form: ''};

/** growKeys' scratch array. */
const KEYS: string[] = [];

/** The country named by the capitalised words starting at token i, longest match first. */
export function countryAt(toks: readonly Token[], i: number): CountryHit | null {
  const t = toks[i];
  if (!t?.cap) return null;
  // the longest form found wins (`South Korea` over `South`)
  for (let n = growKeys(toks, i, MAX_WORDS, PREFIXES, KEYS); n >= 1; n--) {
    const key = KEYS[n - 1]!;
    const last = toks[i + n - 1]!;
    const joiner = JOINERS.has(last.lower); // (tested every time, a capital or not: see standaloneCountryAt)
    if (!last.cap && !joiner) continue;
    const entry = LOOKUP.get(key);
    if (!entry) continue;
    const form = n === 1 ? t.text : joinTokens(toks, i, i + n, false);
    if ((CASE_SENSITIVE.has(key) || CODES.has(key)) && form !== form.toUpperCase()) continue;
    return {entry, from: i, to: i + n, form: n === 1 && t.dot && /\./.test(t.text) ? form + '.' : form};
  }
  return null;
}

/** True when the capital at token i stands for its government: not after `in`, not part of a longer name. */
function governmentUse(toks: readonly Token[], hit: CountryHit): boolean {
  const key = joinTokens(toks, hit.from, hit.to, true);
  const prev = hit.from > 0 ? toks[hit.from - 1]! : null;
  const afterLocative = prev !== null && LOCATIVE.has(prev.lower); // (tested every time, a capital or not)
  if (!CAPITALS.has(key)) return true;
  const next = toks[hit.to];
  if (afterLocative) return false;
  if (next?.cap && !toks[hit.to - 1]!.poss && next.start - toks[hit.to - 1]!.end <= 1) return false; // `Washington Post`
  return true;
}

/** A country hit that is not the tail of another name (`New Mexico`, `Jim Jordan`, `Chad` as a surname). */
function standaloneCountryAt(toks: readonly Token[], i: number): CountryHit | null {
  const hit = countryAt(toks, i);
  // (most tokens name no country: nothing else is read for them)
  if (hit === null) return null;
  if (i === 0) return hit;
  // (every test made for every hit, not only after a capitalised word: code the first articles never ran would
  // throw optimised code away when an article first runs it)
  const prev = toks[i - 1]!;
  const word = prev.lower;
  const tail = !FUNCTION_WORDS.has(word) && !MONTHS.has(word) && countryAt(toks, i - 1) === null;
  if (prev.cap && !prev.poss && toks[i]!.start - prev.end === 1 && (word === 'new' || tail)) return null;
  return hit;
}

export function extractCountries(segs: readonly Segment[]): {countries: CountryMention[]; hits: Map<number, CountryHit[]>} {
  const byCode = new Map<string, CountryMention>();
  const hits = scanSegments(segs, standaloneCountryAt);
  for (const [s, list] of hits) {
    for (const hit of list) {
      if (!governmentUse(segs[s]!.tokens, hit)) continue;
      let c = byCode.get(hit.entry.code);
      if (!c) byCode.set(hit.entry.code, (c = {code: hit.entry.code, name: hit.entry.name, mentions: 0, forms: []}));
      c.mentions++;
      if (!c.forms.includes(hit.form)) c.forms.push(hit.form);
    }
  }
  return {countries: [...byCode.values()].sort((a, b) => b.mentions - a.mentions || a.code.localeCompare(b.code)), hits};
}
