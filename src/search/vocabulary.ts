// The vocabulary of things a query can name: people (names and aliases), countries (names, codes, forms,
// demonyms, capitals), organisations, sections and dateline places. A few thousand entries, however many
// articles: the query is fuzzy-matched here (MiniSearch finds candidates in its radix tree, fuse.js ranks
// them and gives the matched characters), and each entry's postings give the articles.
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import worldCountries, {type Country} from 'world-countries';
import type {Corpus} from '../corpus/types.js';
import {fold} from '../corpus/text.js';
import {eachWord, indexWord, type TermIndex} from '../corpus/terms.js';
import {inRange, isOffsets, pack, unpack} from '../corpus/pack.js';

export type TargetKind = 'person' | 'country' | 'org' | 'section' | 'place';

/** One thing a query can name, with the articles that mention it. */
export interface Target {
  kind: TargetKind;
  key: string;
  name: string;
  leader: boolean;
  /** Article indices (corpus order) and, in parallel, how salient the target is there (0..1). */
  docs: Int32Array;
  weights: Float32Array;
}

interface Entry {
  id: number;
  label: string;
  target: number;
}

export interface VocabMatch {
  target: Target;
  label: string;
  /** 1 for an exact match, down to ~0.5 for a distant one. */
  quality: number;
  ranges: Array<[number, number]>;
}

const CANDIDATES = 60;
/** A query of this many letters is matched as the start of a label word (no typo tolerance; one letter
 *  matches only a word of one letter, as in the full-text index). */
const SHORT_PREFIX = 2;

/** How much of an article is about a person, country or organisation, in [SALIENCE_FLOOR, 1): a name in
 *  the headline or the summary counts for several mentions, a quote for two; a single passing mention
 *  scores low. This is what lets the article that quotes Kishida six times outrank one that names him once. */
const SALIENCE_FLOOR = 0.1;
const HEADLINE_EVIDENCE = 4;
const SUMMARY_EVIDENCE = 2;
const QUOTE_EVIDENCE = 2;
const SALIENCE_SCALE = 6;

export function salience(mentions: number, quotes: number, inHeadline: boolean, inSummary: boolean): number {
  const evidence = mentions + QUOTE_EVIDENCE * quotes + (inHeadline ? HEADLINE_EVIDENCE : 0) + (inSummary ? SUMMARY_EVIDENCE : 0);
  return Math.max(SALIENCE_FLOOR, 1 - Math.exp(-evidence / SALIENCE_SCALE));
}

// world-countries is CommonJS; depending on the loader its array is the default export or inside it.
const countryList = (Array.isArray(worldCountries) ? worldCountries : (worldCountries as {default?: Country[]}).default ?? []) as Country[];
const COUNTRY_EXTRA = new Map<string, string[]>(
  countryList.map((c) => [
    c.cca3,
    [c.name.common, c.name.official, c.cca3, c.demonyms?.eng?.m, c.demonyms?.eng?.f, ...(c.capital ?? [])].filter((x): x is string => !!x),
  ]),
);

interface Building {
  kind: TargetKind;
  key: string;
  name: string;
  leader: boolean;
  labels: Set<string>;
  /** Every word (term ids) of each label, for finding the target in a headline or summary. */
  words: Int32Array[] | null;
}

/** Growable flat arrays of (target, article, weight) occurrences: no object or array per target while
 *  walking 100k articles; grouped into per-target postings at the end. */
class Occurrences {
  target = new Int32Array(1 << 16);
  doc = new Int32Array(1 << 16);
  weight = new Float32Array(1 << 16);
  length = 0;
  push(target: number, doc: number, weight: number): void {
    if (this.length === this.target.length) {
      const grow = <T extends Int32Array | Float32Array>(a: T, make: (n: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.target = grow(this.target, (k) => new Int32Array(k));
      this.doc = grow(this.doc, (k) => new Int32Array(k));
      this.weight = grow(this.weight, (k) => new Float32Array(k));
    }
    this.target[this.length] = target;
    this.doc[this.length] = doc;
    this.weight[this.length++] = weight;
  }
}

/** Word lists of labels, each once (`North Korea` and `NORTH KOREA` are the same words), empty ones dropped. */
function distinctWords(lists: Int32Array[]): Int32Array[] {
  const seen = new Set<string>();
  return lists.filter((w) => {
    const key = w.join(' ');
    if (!w.length || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Targets and their labels from the corpus: every article's people, countries, organisations, section and place,
 *  each weighted by its salience there. The costly part of a start (a walk over every article): kept in the cache. */
function buildTargets(corpus: Corpus, terms: TermIndex): Built {
  const targets: Target[] = [];
  const entries: Entry[] = [];
  const n = corpus.articles.length;
  const built: Building[] = [];
  const byKind: Record<TargetKind, Map<string, number>> = {person: new Map(), country: new Map(), org: new Map(), section: new Map(), place: new Map()};
  const target = (kind: TargetKind, key: string, name: string): number => {
    let t = byKind[kind].get(key);
    if (t === undefined) {
      t = built.length;
      built.push({kind, key, name, leader: false, labels: new Set([name]), words: null});
      byKind[kind].set(key, t);
    }
    return t;
  };
  for (const p of corpus.people) {
    const t = built[target('person', p.id, p.name)]!;
    t.leader = p.leader;
    for (const a of p.aliases) t.labels.add(a);
  }
  // Countries and their forms from the corpus index (the articles then only say which and how much).
  for (const c of corpus.countries) {
    const t = built[target('country', c.code, c.name)]!;
    for (const f of c.forms) t.labels.add(f);
    for (const extra of COUNTRY_EXTRA.get(c.code) ?? []) t.labels.add(extra);
  }
  const personIndex = new Map(corpus.people.map((p, k) => [p.id, k] as const));
  const fast = corpus.indexes;

  // Whether a target is named in an article's headline or summary: every word of one of its labels is
  // there. `mark` holds, per term id, 2 for a headline word and 1 for a summary word of the current article.
  const mark = new Uint8Array(terms.terms.length);
  const wordsOf = (label: string): Int32Array => {
    const list: number[] = [];
    eachWord(label, (s, e) => {
      // A stopword is not indexed and does not count; any other word missing from the index means the label is absent.
      const w = indexWord(label.slice(s, e));
      if (w !== null) list.push(terms.ids.get(w) ?? -1);
    });
    return Int32Array.from(list);
  };
  /** 2 when the target is named in the headline, 1 in the summary, 0 neither. */
  const placed = (t: Building): number => {
    const words = (t.words ??= distinctWords([...t.labels].map(wordsOf)));
    let best = 0;
    for (const ids of words) {
      let lowest = 2;
      for (let k = 0; k < ids.length && lowest > 0; k++) lowest = ids[k]! < 0 ? 0 : Math.min(lowest, mark[ids[k]!]!);
      if (lowest > best && (best = lowest) === 2) break;
    }
    return best;
  };

  const occ = new Occurrences();
  for (let i = 0; i < n; i++) {
    const a = corpus.articles[i]!;
    for (let k = terms.docStart[i]!; k < terms.docStart[i + 1]!; k++) mark[terms.docTerms[k]!] = terms.docHead[k] ? 2 : 1;
    for (let j = 0; j < a.people.length; j++) {
      const p = a.people[j]!;
      let k: number;
      let quotes = 0;
      if (fast) {
        k = fast.personAt[fast.personOffsets[i]! + j]!;
        quotes = fast.personQuotes[fast.personOffsets[i]! + j]!;
      } else {
        k = personIndex.get(corpus.personOf(a.id, p.id) ?? '') ?? -1;
        for (const q of a.quotes) if (q.speaker === p.id && !q.partial) quotes++;
      }
      if (k < 0) continue;
      const where = placed(built[k]!);
      occ.push(k, i, salience(p.mentions, quotes, where === 2, where >= 1));
    }
    for (const c of a.countries) {
      const t = target('country', c.code, c.name);
      const where = placed(built[t]!);
      occ.push(t, i, salience(c.mentions, 0, where === 2, where >= 1));
    }
    for (const o of a.organizations) {
      const t = target('org', o.id, o.name);
      const b = built[t]!;
      for (const f of o.forms) if (f !== o.name && !b.labels.has(f)) (b.labels.add(f), (b.words = null));
      const where = placed(b);
      occ.push(t, i, salience(o.mentions, 0, where === 2, where >= 1));
    }
    if (a.section) occ.push(target('section', fold(a.section), a.section), i, 1);
    if (a.dateline?.place) occ.push(target('place', fold(a.dateline.place), a.dateline.place), i, 1);
    for (let k = terms.docStart[i]!; k < terms.docStart[i + 1]!; k++) mark[terms.docTerms[k]!] = 0;
  }

  // Postings per target (articles ascending: occurrences came in article order), best weight per article.
  const count = new Int32Array(built.length + 1);
  for (let k = 0; k < occ.length; k++) count[occ.target[k]! + 1]!++;
  for (let t = 0; t < built.length; t++) count[t + 1]! += count[t]!;
  const docs = new Int32Array(occ.length);
  const weights = new Float32Array(occ.length);
  const fill = count.slice(0, built.length);
  const filled = new Int32Array(built.length);
  for (let k = 0; k < occ.length; k++) {
    const t = occ.target[k]!;
    const d = occ.doc[k]!;
    const w = occ.weight[k]!;
    const last = fill[t]! - 1;
    if (filled[t]! > 0 && docs[last] === d) weights[last] = Math.max(weights[last]!, w);
    else {
      docs[fill[t]!] = d;
      weights[fill[t]!++] = w;
      filled[t]!++;
    }
  }
  for (let t = 0; t < built.length; t++) {
    const b = built[t]!;
    if (!filled[t]) continue;
    const ti = targets.length;
    const from = count[t]!;
    targets.push({kind: b.kind, key: b.key, name: b.name, leader: b.leader, docs: docs.subarray(from, from + filled[t]!), weights: weights.subarray(from, from + filled[t]!)});
    const seen = new Set<string>();
    for (const label of b.labels) {
      const f = fold(label);
      if (seen.has(f)) continue;
      seen.add(f);
      entries.push({id: entries.length, label, target: ti});
    }
  }
  return {targets, entries};
}

interface Built {
  targets: Target[];
  entries: Entry[];
}

/** Bump when Target, Entry or the way they are packed changes. */
const VOCABULARY_MAGIC = 'briefing-vocabulary-2';
const VOCABULARY_KIND = 'vocabulary';
const KINDS: readonly TargetKind[] = ['person', 'country', 'org', 'section', 'place'];

/** What the vocabulary keeps in the cache: its targets and entries, and the label index and words made from them. */
interface Stored extends Built {
  index: MiniSearch<Entry>;
  words: Array<[string, number]>;
}

/** Targets, entries, label index and words as bytes: names, labels and the index as JSON, every target's postings in
 *  two flat typed arrays. */
function packTargets({targets, entries, index, words}: Stored, fingerprint: string): Uint8Array {
  const start = new Int32Array(targets.length + 1);
  targets.forEach((t, k) => (start[k + 1] = start[k]! + t.docs.length));
  const docs = new Int32Array(start[targets.length]!);
  const weights = new Float32Array(docs.length);
  targets.forEach((t, k) => (docs.set(t.docs, start[k]!), weights.set(t.weights, start[k]!)));
  const data = {
    targets: targets.map((t) => [KINDS.indexOf(t.kind), t.key, t.name, t.leader ? 1 : 0]),
    entries: entries.map((e) => [e.label, e.target]),
    index: index.toJSON(),
    words: words.map((w) => w[0]),
  };
  return pack(VOCABULARY_MAGIC, fingerprint, data, [start, docs, weights, Int32Array.from(words, (w) => w[1])]);
}

/** The inverse of packTargets for a corpus of `n` articles with this fingerprint, or null on any doubt. */
function unpackTargets(bytes: Uint8Array | null, n: number, fingerprint: string): Stored | null {
  const got = bytes && unpack(bytes, VOCABULARY_MAGIC, fingerprint);
  if (!got) return null;
  const data = got.data as {targets?: unknown; entries?: unknown; index?: unknown; words?: unknown} | null;
  const [start, docs, weights, wordEntries] = got.arrays;
  if (!data || !Array.isArray(data.targets) || !Array.isArray(data.entries) || !Array.isArray(data.words) || got.arrays.length !== 4) return null;
  const count = data.targets.length;
  if (!isOffsets(start, count, docs?.length ?? -1) || !(docs instanceof Int32Array) || !inRange(docs, 0, n)) return null;
  if (!(weights instanceof Float32Array) || weights.length !== docs.length || !inRange(weights, 0, 1.000001)) return null;
  const targets: Target[] = [];
  for (let k = 0; k < count; k++) {
    const r = data.targets[k] as unknown[];
    const kind = Array.isArray(r) && typeof r[0] === 'number' ? KINDS[r[0]] : undefined;
    if (!kind || typeof r[1] !== 'string' || typeof r[2] !== 'string') return null;
    // Postings ascending, as built (search intersects and binary-searches them).
    for (let j = start[k]! + 1; j < start[k + 1]!; j++) if (docs[j]! <= docs[j - 1]!) return null;
    targets.push({kind, key: r[1], name: r[2], leader: r[3] === 1, docs: docs.subarray(start[k]!, start[k + 1]!), weights: weights.subarray(start[k]!, start[k + 1]!)});
  }
  const entries: Entry[] = [];
  for (const e of data.entries as unknown[]) {
    if (!Array.isArray(e) || typeof e[0] !== 'string' || typeof e[1] !== 'number' || !(e[1] >= 0 && e[1] < count)) return null;
    entries.push({id: entries.length, label: e[0], target: e[1]});
  }
  const list = data.words as unknown[];
  if (!(wordEntries instanceof Int32Array) || wordEntries.length !== list.length || !inRange(wordEntries, 0, entries.length)) return null;
  const words: Array<[string, number]> = [];
  for (let k = 0; k < list.length; k++) {
    const w = list[k];
    if (typeof w !== 'string' || (k > 0 && w < words[k - 1]![0])) return null;
    words.push([w, wordEntries[k]!]);
  }
  let index: MiniSearch<Entry>;
  try {
    index = MiniSearch.loadJS<Entry>(data.index as Parameters<typeof MiniSearch.loadJS>[0], INDEX_OPTIONS);
  } catch {
    return null;
  }
  if (index.documentCount !== entries.length) return null;
  return {targets, entries, index, words};
}

/** The full-text index of the labels: MiniSearch finds candidates in its radix tree. */
const INDEX_OPTIONS = {
  fields: ['label'],
  storeFields: [],
  tokenize: (s: string) => s.split(/[^\p{L}\p{N}]+/u),
  processTerm: (t: string) => (t ? fold(t) : null),
};

function labelIndex(entries: readonly Entry[]): MiniSearch<Entry> {
  const index = new MiniSearch<Entry>(INDEX_OPTIONS);
  index.addAll(entries);
  return index;
}

/** Every word of every label (folded) with its entry, sorted by word. */
function labelWords(entries: readonly Entry[]): Array<[string, number]> {
  return entries
    .flatMap((e) => fold(e.label).split(/[^\p{L}\p{N}]+/u).filter(Boolean).map((w) => [w, e.id] as [string, number]))
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
}

export class Vocabulary {
  readonly targets: Target[];
  private readonly entries: Entry[];
  private readonly index: MiniSearch<Entry>;
  /** Every word of every label (folded) with its entry, sorted by word, for the first letters of a query. */
  private words: Array<[string, number]> | null;

  /** Entries with a label word starting with `prefix`, each once, the most widely covered target first. */
  private withPrefix(prefix: string): number[] {
    const words = (this.words ??= labelWords(this.entries));
    let lo = 0;
    let hi = words.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (words[mid]![0] < prefix) lo = mid + 1;
      else hi = mid;
    }
    const ids = new Set<number>();
    for (let i = lo; i < words.length && words[i]![0].startsWith(prefix); i++) ids.add(words[i]![1]);
    const size = (id: number) => this.targets[this.entries[id]!.target]!.docs.length;
    return [...ids].sort((a, b) => size(b) - size(a) || a - b);
  }

  /** From the corpus, or (the same, without a walk over the articles) from what the corpus's cache kept of it. */
  constructor(corpus: Corpus, terms: TermIndex) {
    const derived = corpus.indexes?.derived;
    const stored = derived ? unpackTargets(derived.read(VOCABULARY_KIND), corpus.articles.length, derived.fingerprint) : null;
    if (stored) {
      this.targets = stored.targets;
      this.entries = stored.entries;
      this.index = stored.index;
      this.words = stored.words;
      return;
    }
    const built = buildTargets(corpus, terms);
    this.targets = built.targets;
    this.entries = built.entries;
    this.index = labelIndex(built.entries);
    this.words = null;
    if (derived) {
      this.words = labelWords(built.entries);
      derived.write(VOCABULARY_KIND, packTargets({...built, index: this.index, words: this.words}, derived.fingerprint));
    }
  }

  /** Entries matching `query`, best first, each target once (its best label). */
  match(query: string, accept: (t: Target) => boolean = () => true, minQuality = 0.55): VocabMatch[] {
    const q = query.trim();
    if (!q) return [];
    const cands: Entry[] = [];
    const fq0 = fold(q);
    if (fq0.length === SHORT_PREFIX && /^[\p{L}\p{N}]+$/u.test(fq0)) {
      // The first letters of a word: the labels with a word starting so, most widely covered first. A sorted
      // list answers it directly; the full-text index would score hundreds of labels for two letters.
      for (const id of this.withPrefix(fq0)) {
        const e = this.entries[id]!;
        if (accept(this.targets[e.target]!)) cands.push(e);
        if (cands.length >= CANDIDATES) break;
      }
    } else {
      const found = this.index.search(q, {
        prefix: (term) => term.length >= 2,
        // Two edits from six letters: a dropped letter plus a swap (`tgemar` for `tegamar`) is one hurried keystroke.
        fuzzy: (term) => (term.length >= 6 ? 2 : term.length >= 4 ? 1 : false),
        combineWith: 'AND',
        weights: {fuzzy: 0.6, prefix: 0.8},
      });
      for (const r of found) {
        const e = this.entries[r.id as number]!;
        if (accept(this.targets[e.target]!)) cands.push(e);
        if (cands.length >= CANDIDATES) break;
      }
    }
    if (!cands.length) return [];
    const fuse = new Fuse(cands, {keys: ['label'], includeScore: true, includeMatches: true, ignoreLocation: true, threshold: 0.45, minMatchCharLength: 2});
    const out: VocabMatch[] = [];
    const seen = new Set<number>();
    const fq = fold(q);
    for (const r of fuse.search(q)) {
      if (seen.has(r.item.target)) continue;
      const whole = fold(r.item.label) === fq;
      const quality = whole ? 1 : Math.max(0, 1 - (r.score ?? 1)) * 0.95;
      if (quality < minQuality) continue;
      seen.add(r.item.target);
      const ranges: Array<[number, number]> = [];
      for (const m of r.matches ?? []) for (const [s, e] of m.indices) ranges.push([s, e + 1]);
      out.push({target: this.targets[r.item.target]!, label: r.item.label, quality, ranges: whole ? [[0, r.item.label.length]] : ranges});
    }
    return out.sort((a, b) => b.quality - a.quality);
  }
}
