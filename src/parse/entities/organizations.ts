// Extractor: organisations. Well-known bodies by their forms (`NATO`/`Nato`, `EU`, `White House`,
// news agencies, parties), and any capitalised name ending in an organisation word
// (`Tax Policy Center`, `Scottish National Party`, `State Department`).
import type {Organization, OrganizationKind} from '../../types.js';
import {FUNCTION_WORDS} from './lexicon.js';
import {growKeys, joinTokens, scanSegments, type Segment, type Token, wordPrefixes} from './segments.js';

const KNOWN: ReadonlyArray<[string, OrganizationKind, string[]]> = [
  ['NATO', 'international', ['nato', 'north atlantic treaty organization', 'north atlantic treaty organisation']],
  ['EU', 'international', ['eu', 'european union', 'european commission']],
  ['UN', 'international', ['un', 'united nations', 'u.n']],
  ['UN Security Council', 'international', ['un security council', 'u.n security council', 'united nations security council', 'security council']],
  ['IMF', 'international', ['imf', 'international monetary fund']],
  ['World Bank', 'international', ['world bank']],
  ['WTO', 'international', ['wto', 'world trade organization', 'world trade organisation']],
  ['WHO', 'international', ['world health organization', 'world health organisation']],
  ['OPEC', 'international', ['opec']],
  ['G7', 'international', ['g7', 'g8', 'g20']],
  ['White House', 'government', ['white house']],
  ['Kremlin', 'government', ['kremlin']],
  ['Pentagon', 'government', ['pentagon']],
  ['State Department', 'government', ['state department', 'department of state']],
  ['Downing Street', 'government', ['downing street', 'no 10', 'number 10']],
  ['Home Office', 'government', ['home office']],
  ['Foreign Office', 'government', ['foreign office']],
  ['Treasury', 'government', ['treasury']],
  ['FBI', 'government', ['fbi']],
  ['CIA', 'government', ['cia']],
  ['Congress', 'government', ['congress']],
  ['Senate', 'government', ['senate']],
  ['Parliament', 'government', ['parliament']],
  ['EFE', 'agency', ['efe', 'efe-epa']],
  ['Yonhap', 'agency', ['yonhap']],
  ['AP', 'agency', ['ap', 'associated press']],
  ['AFP', 'agency', ['afp', 'agence france-presse']],
  ['Reuters', 'agency', ['reuters']],
  ['Xinhua', 'agency', ['xinhua']],
  ['Kyodo', 'agency', ['kyodo']],
  ['KCNA', 'agency', ['kcna', 'korean central news agency']],
  ['Bloomberg', 'agency', ['bloomberg']],
  ['BBC', 'agency', ['bbc']],
  ['CNN', 'agency', ['cnn']],
  ['Fox News', 'agency', ['fox news']],
  ['Labour', 'party', ['labour', 'labour party']],
  ['Conservatives', 'party', ['conservative party', 'conservatives', 'tories', 'tory party']],
  ['Liberal Democrats', 'party', ['liberal democrats', 'lib dems', 'lib dem']],
  ['SNP', 'party', ['snp', 'scottish national party']],
  ['UKIP', 'party', ['ukip', 'uk independence party']],
  ['Plaid Cymru', 'party', ['plaid cymru']],
  ['Democratic Party', 'party', ['democratic party', 'democratic national committee', 'dnc']],
  ['Republican Party', 'party', ['republican party', 'gop', 'republican national committee', 'rnc']],
];

const FORMS = new Map<string, {name: string; kind: OrganizationKind}>();
let MAX_WORDS = 1;
for (const [name, kind, forms] of KNOWN) for (const f of forms) { FORMS.set(f, {name, kind}); MAX_WORDS = Math.max(MAX_WORDS, f.split(' ').length); }
/** Short all-letter forms that are English words in lower or title case (`who`, `ap`, `un`): only in capitals. */
const PREFIXES = wordPrefixes(FORMS.keys());
const CAPITALS_ONLY = new Set(['un', 'ap', 'eu', 'who', 'cia', 'fbi', 'imf', 'wto', 'gop', 'dnc', 'rnc', 'efe', 'afp', 'snp', 'bbc', 'cnn', 'kcna']);

const HEADS: ReadonlyMap<string, OrganizationKind> = new Map([
  ['party', 'party'], ['department', 'government'], ['ministry', 'government'], ['agency', 'other'], ['office', 'government'],
  ['committee', 'other'], ['council', 'other'], ['commission', 'government'], ['university', 'other'], ['institute', 'other'],
  ['center', 'other'], ['centre', 'other'], ['foundation', 'other'], ['association', 'other'], ['bank', 'company'],
  ['corporation', 'company'], ['corp', 'company'], ['inc', 'company'], ['company', 'company'], ['group', 'company'],
  ['network', 'company'], ['times', 'company'], ['post', 'company'], ['journal', 'company'], ['union', 'other'],
  ['administration', 'government'], ['court', 'government'], ['campaign', 'other'], ['caucus', 'other'],
]);

export interface OrgHit {
  name: string;
  kind: OrganizationKind;
  from: number;
  to: number;
  form: string;
}

const slug = (s: string): string => s.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');

/** growKeys' scratch array. */
const KEYS: string[] = [];

function knownAt(toks: readonly Token[], i: number): OrgHit | null {
  // the longest form found wins
  for (let n = growKeys(toks, i, MAX_WORDS, PREFIXES, KEYS); n >= 1; n--) {
    const key = KEYS[n - 1]!;
    const hit = FORMS.get(key);
    if (!hit) continue;
    const form = joinTokens(toks, i, i + n, false);
    if (CAPITALS_ONLY.has(key) ? form !== form.toUpperCase() : !toks[i]!.cap) continue;
    return {name: hit.name, kind: hit.kind, from: i, to: i + n, form}; // the key order of every OrgHit
  }
  return null;
}

/** Small words inside an organisation's name: `Department of Justice`. */
const NAME_JOINERS = new Set(['of', 'for', 'and', 'on']);

/** A run of capitalised words ending in an organisation word: `Tax Policy Center`, `Scottish National Party`. */
function namedAt(toks: readonly Token[], i: number): OrgHit | null {
  let j = i;
  while (j < toks.length && (toks[j]!.cap || (j > i && NAME_JOINERS.has(toks[j]!.lower) && toks[j + 1]?.cap))) {
    if (j > i && toks[j]!.start - toks[j - 1]!.end > 1) break;
    j++;
    if (toks[j - 1]!.poss) break;
  }
  for (let end = j; end > i + 1; end--) {
    const kind = HEADS.get(toks[end - 1]!.lower);
    if (kind && toks[end - 1]!.cap) {
      const form = joinTokens(toks, i, end, false);
      return {name: form, kind, from: i, to: end, form};
    }
  }
  // `Department of Justice`, `University of Virginia`, `Commission for Racial Equality`
  if (j - i >= 3 && HEADS.has(toks[i]!.lower) && (toks[i + 1]!.lower === 'of' || toks[i + 1]!.lower === 'for')) {
    const form = joinTokens(toks, i, j, false);
    return {name: form, kind: HEADS.get(toks[i]!.lower)!, from: i, to: j, form};
  }
  return null;
}

export function organizationAt(toks: readonly Token[], i: number): OrgHit | null {
  const t = toks[i];
  if (!t?.cap) return null;
  return knownAt(toks, i) ?? (FUNCTION_WORDS.has(t.lower) ? null : namedAt(toks, i));
}

/** Organisations of the article; the dateline's agency (`(EFE)`) counts as one mention. */
export function extractOrganizations(segs: readonly Segment[], agency: string | null = null): {organizations: Organization[]; hits: Map<number, OrgHit[]>} {
  const byName = new Map<string, Organization>();
  if (agency) {
    const known = FORMS.get(agency.toLowerCase());
    const name = known?.name ?? agency;
    byName.set(slug(name), {id: slug(name), name, kind: known?.kind ?? 'agency', mentions: 1, forms: [agency]});
  }
  const hits = scanSegments(segs, organizationAt);
  for (const hit of [...hits.values()].flat()) {
    const id = slug(hit.name);
    let o = byName.get(id);
    if (!o) byName.set(id, (o = {id, name: hit.name, kind: hit.kind, mentions: 0, forms: []}));
    o.mentions++;
    if (!o.forms.includes(hit.form)) o.forms.push(hit.form);
  }
  return {organizations: [...byName.values()].sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name)), hits};
}

export {slug};
