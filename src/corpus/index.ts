// buildCorpus: parsed articles in, one deduplicated corpus out, with people merged across articles,
// leader and country indexes, quotes by person in date order and (lazily) related articles. Pure.
import type {Article} from '../types.js';
import {dateKey} from './dates.js';
import {mergePeople} from './people.js';
import {RelatedFinder} from './related.js';
import {fold} from './text.js';
import {articlesFingerprint, buildTermIndex, deserializeTermIndex, serializeTermIndex, type TermIndex} from './terms.js';
import {inRange, isOffsets, pack, unpack} from './pack.js';
import type {Corpus, CorpusCountry, CorpusIndexes, CorpusPerson, DerivedData, QuoteRef, RelatedArticle} from './types.js';

/** The kind (see DerivedData) the term index is kept under. */
const TERMS_KIND = 'terms';

export type {Corpus, CorpusCountry, CorpusIndexes, CorpusPerson, DerivedData, QuoteRef, RelatedArticle} from './types.js';

/** The same story twice: the same headline under the same dateline (place and date). */
function storyKey(a: Article): string | null {
  if (!a.dateline) return null;
  return [fold(a.headline).replace(/\s+/g, ' ').trim(), fold(a.dateline.place).trim(), fold(a.dateline.date ?? '').trim()].join('\u0000');
}

interface Deduped {
  articles: Article[];
  paths: ReadonlyMap<string, readonly string[]>;
  /** Article id -> index in `articles`, and -> the article. */
  index: Map<string, number>;
  byId: ReadonlyMap<string, Article>;
}

/** Which articles of `input` repeat an earlier one: pairs [i, k] (flat, i ascending) where input[i] is the same story
 *  as input[k], k < i, and k is kept. */
function findDuplicates(input: readonly Article[]): Int32Array {
  const pairs: number[] = [];
  const byId = new Map<string, number>();
  const byStory = new Map<string, number>();
  for (let i = 0; i < input.length; i++) {
    const a = input[i]!;
    const key = storyKey(a);
    const keep = byId.get(a.id) ?? (key !== null ? byStory.get(key) : undefined);
    if (keep !== undefined) {
      pairs.push(i, keep);
      continue;
    }
    byId.set(a.id, i);
    if (key !== null) byStory.set(key, i);
  }
  return Int32Array.from(pairs);
}

const DUPLICATES_MAGIC = 'briefing-duplicates-1';
const DUPLICATES_KIND = 'duplicates';

/** Stored duplicate pairs (see findDuplicates) for `n` articles, or null on any doubt. */
function unpackDuplicates(bytes: Uint8Array | null, n: number, fingerprint: string): Int32Array | null {
  const got = bytes && unpack(bytes, DUPLICATES_MAGIC, fingerprint);
  const pairs = got?.arrays[0];
  if (!got || got.arrays.length !== 1 || !(pairs instanceof Int32Array) || pairs.length % 2 !== 0) return null;
  const dropped = new Set<number>();
  for (let j = 0; j < pairs.length; j += 2) {
    const i = pairs[j]!;
    const k = pairs[j + 1]!;
    if (!(i < n && k >= 0 && k < i && (j === 0 || i > pairs[j - 2]!) && !dropped.has(k))) return null;
    dropped.add(i);
  }
  return pairs;
}

/** The articles by id, read through the index of their positions (one Map of 100k entries, not two). */
class ArticlesById implements ReadonlyMap<string, Article> {
  constructor(private readonly articles: readonly Article[], private readonly index: ReadonlyMap<string, number>) {}
  get size(): number {
    return this.index.size;
  }
  get(id: string): Article | undefined {
    const i = this.index.get(id);
    return i === undefined ? undefined : this.articles[i];
  }
  has(id: string): boolean {
    return this.index.has(id);
  }
  *entries(): MapIterator<[string, Article]> {
    for (const [id, i] of this.index) yield [id, this.articles[i]!];
  }
  keys(): MapIterator<string> {
    return this.index.keys();
  }
  *values(): MapIterator<Article> {
    for (const i of this.index.values()) yield this.articles[i]!;
  }
  forEach(each: (value: Article, key: string, map: ReadonlyMap<string, Article>) => void): void {
    for (const [id, a] of this.entries()) each(a, id, this);
  }
  [Symbol.iterator](): MapIterator<[string, Article]> {
    return this.entries();
  }
}

/** Every path each article was found at: its own source, and those of its duplicates (kept apart: a list per
 *  article of 100k would be 100k arrays for the collector, for the few that have more than one). */
class PathIndex implements ReadonlyMap<string, readonly string[]> {
  constructor(private readonly byId: ReadonlyMap<string, Article>, private readonly more: ReadonlyMap<string, readonly string[]>) {}
  get size(): number {
    return this.byId.size;
  }
  get(id: string): readonly string[] | undefined {
    const a = this.byId.get(id);
    return a && (this.more.get(id) ?? [a.source]);
  }
  has(id: string): boolean {
    return this.byId.has(id);
  }
  *entries(): MapIterator<[string, readonly string[]]> {
    for (const id of this.byId.keys()) yield [id, this.get(id)!];
  }
  keys(): MapIterator<string> {
    return this.byId.keys();
  }
  *values(): MapIterator<readonly string[]> {
    for (const id of this.byId.keys()) yield this.get(id)!;
  }
  forEach(each: (value: readonly string[], key: string, map: ReadonlyMap<string, readonly string[]>) => void): void {
    for (const [id, list] of this.entries()) each(list, id, this);
  }
  [Symbol.iterator](): MapIterator<[string, readonly string[]]> {
    return this.entries();
  }
}

/** The articles without their duplicates (`pairs`, see findDuplicates), each with every path it was found at. */
function dedupe(input: readonly Article[], pairs: Int32Array): Deduped {
  const articles: Article[] = [];
  const more = new Map<string, string[]>();
  const index = new Map<string, number>();
  const byId = new ArticlesById(articles, index);
  let next = 0;
  for (let i = 0; i < input.length; i++) {
    const a = input[i]!;
    if (next < pairs.length && pairs[next] === i) {
      const kept = input[pairs[next + 1]!]!;
      let list = more.get(kept.id);
      if (!list) more.set(kept.id, (list = [kept.source]));
      if (!list.includes(a.source)) list.push(a.source);
      next += 2;
      continue;
    }
    index.set(a.id, articles.length);
    articles.push(a);
  }
  return {articles, paths: new PathIndex(byId, more), index, byId};
}

function surname(name: string): string {
  const parts = name.trim().split(/\s+/);
  return parts[parts.length - 1] ?? name;
}

/** What building the corpus reads of an article's quotes: each one's speaker (a local person id) and partial flag.
 *  A loader that keeps quotes compact (the cache, src/cli/cache-record.ts) may attach it to an article under this
 *  non-enumerable key, so that a start does not make every quote object; absent, `article.quotes` is read. */
export interface QuoteSpeakers {
  readonly length: number;
  speaker(k: number): string | null;
  partial(k: number): boolean;
}
export const QUOTE_SPEAKERS: unique symbol = Symbol.for('briefing.quoteSpeakers');

export interface BuildOptions {
  /** The term index stored from an earlier build (serializeCorpusTerms): used when it was made for exactly
   *  these articles, else ignored and rebuilt (never trusted). Saves tokenising every headline and summary. */
  terms?: Uint8Array | null;
  /** Where what the corpus derives is kept between runs, for articles of a given fingerprint (a cache): the term
   *  index, the merged people and countries, and (through CorpusIndexes.derived) the search vocabulary are read from
   *  it when stored for exactly these articles, else built and stored. */
  derived?: (fingerprint: string) => DerivedData | null;
  /** articlesFingerprint of `input`, when the caller has it (reused when no duplicate is dropped). */
  fingerprint?: string;
}

/** The corpus's term index as bytes, for a cache; hand them back as BuildOptions.terms next time. */
export function serializeCorpusTerms(corpus: Corpus): Uint8Array | null {
  return corpus.indexes ? serializeTermIndex(corpus.indexes.terms(), articlesFingerprint(corpus.articles)) : null;
}

/** What building a corpus derives from every article's people, quotes and countries (the costly part, kept in a
 *  cache between runs: see packDerived). */
interface Derived {
  people: CorpusPerson[];
  offsets: Int32Array;
  personAt: Int32Array;
  personQuotes: Uint16Array;
  countries: CorpusCountry[];
  /** Per country code, the articles naming it (corpus order). */
  countryDocs: Map<string, Int32Array | number[]>;
}

function derive(articles: readonly Article[]): Derived {
  const n = articles.length;
  const {people, offsets, personAt} = mergePeople(articles);

  // Quote counts per person, and per person of each article (quotes themselves are gathered on demand).
  const personQuotes = new Uint16Array(personAt.length);
  for (let i = 0; i < n; i++) {
    const a = articles[i]!;
    const list = a.people;
    const count = (speaker: string | null, partial: boolean): void => {
      if (!speaker) return;
      let j = 0;
      while (j < list.length && list[j]!.id !== speaker) j++;
      const k = j < list.length ? personAt[offsets[i]! + j]! : -1;
      if (k < 0) return;
      people[k]!.quoteCount++;
      if (!partial) personQuotes[offsets[i]! + j]!++;
    };
    const view = (a as {[QUOTE_SPEAKERS]?: QuoteSpeakers})[QUOTE_SPEAKERS];
    if (view) for (let k = 0; k < view.length; k++) count(view.speaker(k), view.partial(k));
    else for (const q of a.quotes) count(q.speaker, q.partial);
  }

  const countryMap = new Map<string, CorpusCountry>();
  const countryDocs = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const a = articles[i]!;
    for (const c of a.countries) {
      let cc = countryMap.get(c.code);
      let docs = countryDocs.get(c.code);
      if (!cc || !docs) {
        cc = {code: c.code, name: c.name, mentions: 0, forms: [], articles: []};
        countryMap.set(c.code, cc);
        countryDocs.set(c.code, (docs = []));
      }
      cc.mentions += c.mentions;
      for (const f of c.forms) if (cc.forms[0] !== f && !cc.forms.includes(f)) cc.forms.push(f);
      if (docs[docs.length - 1] !== i) {
        cc.articles.push(a.id);
        docs.push(i);
      }
    }
  }
  const countries = [...countryMap.values()].sort((a, b) => b.articles.length - a.articles.length || a.name.localeCompare(b.name));
  return {people, offsets, personAt, personQuotes, countries, countryDocs};
}

/** Bump when Derived or the way it is packed changes. */
const DERIVED_MAGIC = 'briefing-corpus-1';
const DERIVED_KIND = 'corpus';

/** Derived as bytes: names and lists as JSON, article numbers as typed arrays (CSR per person and per country). */
function packDerived(d: Derived, articleIndex: ReadonlyMap<string, number>, fingerprint: string): Uint8Array {
  const csr = <T extends {articles: string[]}>(list: readonly T[]): [Int32Array, Int32Array] => {
    const start = new Int32Array(list.length + 1);
    list.forEach((x, k) => (start[k + 1] = start[k]! + x.articles.length));
    const docs = new Int32Array(start[list.length]!);
    let at = 0;
    for (const x of list) for (const id of x.articles) docs[at++] = articleIndex.get(id)!;
    return [start, docs];
  };
  const people = d.people.map((p) => [p.id, p.name, p.aliases, p.role, p.country, p.leader ? 1 : 0, p.mentions, p.quoteCount]);
  const countries = d.countries.map((c) => [c.code, c.name, c.mentions, c.forms]);
  return pack(DERIVED_MAGIC, fingerprint, {people, countries}, [d.offsets, d.personAt, d.personQuotes, ...csr(d.people), ...csr(d.countries)]);
}

const isStr = (x: unknown): x is string => typeof x === 'string';
const isStrOrNull = (x: unknown): x is string | null => x === null || typeof x === 'string';
const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;
const isStrings = (x: unknown): x is string[] => Array.isArray(x) && x.every(isStr);

/** Where the article lists of stored people or countries come from: entry k lists articles docs[start[k] .. start[k+1]). */
interface IdSource {
  articles: readonly Article[];
  start: Int32Array;
  docs: Int32Array;
}
const IDS = Symbol('briefing.articleIds');
type WithIds = {articles: string[]; [IDS]: [IdSource, number]};

function plainArticles(target: object, value: unknown): void {
  Object.defineProperty(target, 'articles', {value, enumerable: true, writable: true, configurable: true});
}

/** `articles` made when first read (a start reads few of 100k articles' worth of id lists): an own enumerable
 *  accessor, so JSON, spreads and deep equality see it; setting it makes it plain. */
const articlesAccessor: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: WithIds) {
    const [{articles, start, docs}, k] = this[IDS];
    const ids = new Array<string>(start[k + 1]! - start[k]!);
    for (let j = start[k]!; j < start[k + 1]!; j++) ids[j - start[k]!] = articles[docs[j]!]!.id;
    plainArticles(this, ids);
    return ids;
  },
  set(this: WithIds, v: string[]) {
    plainArticles(this, v);
  },
};

function lazyIds(target: object, source: IdSource, k: number): void {
  Object.defineProperty(target, 'articles', articlesAccessor);
  Object.defineProperty(target, IDS, {value: [source, k], enumerable: false});
}

/** The inverse of packDerived for these articles, or null on any doubt (the caller derives again). */
function unpackDerived(bytes: Uint8Array | null, articles: readonly Article[], fingerprint: string): Derived | null {
  const got = bytes && unpack(bytes, DERIVED_MAGIC, fingerprint);
  if (!got) return null;
  const n = articles.length;
  const data = got.data as {people?: unknown; countries?: unknown} | null;
  const [offsets, personAt, personQuotes, personStart, personDocs, countryStart, countryDocList] = got.arrays;
  if (!data || !Array.isArray(data.people) || !Array.isArray(data.countries) || got.arrays.length !== 7) return null;
  const p = data.people.length;
  const c = data.countries.length;
  if (!isOffsets(offsets, n, personAt?.length ?? -1) || !(personAt instanceof Int32Array) || !inRange(personAt, -1, p)) return null;
  if (!(personQuotes instanceof Uint16Array) || personQuotes.length !== personAt.length) return null;
  if (!isOffsets(personStart, p, personDocs?.length ?? -1) || !inRange(personDocs, 0, n)) return null;
  if (!isOffsets(countryStart, c, countryDocList?.length ?? -1) || !(countryDocList instanceof Int32Array) || !inRange(countryDocList, 0, n)) return null;
  const personIds: IdSource = {articles, start: personStart, docs: personDocs as Int32Array};
  const people: CorpusPerson[] = [];
  for (let k = 0; k < p; k++) {
    const r = data.people[k] as unknown[];
    if (!Array.isArray(r) || !isStr(r[0]) || !isStr(r[1]) || !isStrings(r[2]) || !isStrOrNull(r[3]) || !isStrOrNull(r[4]) || !isCount(r[6]) || !isCount(r[7])) return null;
    const person = {id: r[0], name: r[1], aliases: r[2], role: r[3], country: r[4], leader: r[5] === 1, mentions: r[6]} as CorpusPerson;
    lazyIds(person, personIds, k);
    person.quoteCount = r[7];
    people.push(person);
  }
  const countryIds: IdSource = {articles, start: countryStart, docs: countryDocList};
  const countries: CorpusCountry[] = [];
  const countryDocs = new Map<string, Int32Array>();
  for (let k = 0; k < c; k++) {
    const r = data.countries[k] as unknown[];
    if (!Array.isArray(r) || !isStr(r[0]) || !isStr(r[1]) || !isCount(r[2]) || !isStrings(r[3])) return null;
    const country = {code: r[0], name: r[1], mentions: r[2], forms: r[3]} as CorpusCountry;
    lazyIds(country, countryIds, k);
    countries.push(country);
    countryDocs.set(r[0], countryDocList.subarray(countryStart[k]!, countryStart[k + 1]!));
  }
  return {people, offsets, personAt, personQuotes, countries, countryDocs};
}

export function buildCorpus(input: readonly Article[], options: BuildOptions = {}): Corpus {
  // Which articles repeat others: found by folding every headline, or kept from an earlier run for the same articles.
  const given = options.fingerprint !== undefined ? (options.derived?.(options.fingerprint) ?? null) : null;
  let pairs = given ? unpackDuplicates(given.read(DUPLICATES_KIND), input.length, given.fingerprint) : null;
  if (!pairs) {
    pairs = findDuplicates(input);
    given?.write(DUPLICATES_KIND, pack(DUPLICATES_MAGIC, given.fingerprint, null, [pairs]));
  }
  const {articles, paths, index, byId} = dedupe(input, pairs);
  const n = articles.length;
  const fingerprint = given && n === input.length ? given.fingerprint : articlesFingerprint(articles);
  const store = given && given.fingerprint === fingerprint ? given : (options.derived?.(fingerprint) ?? null);

  let derived = store ? unpackDerived(store.read(DERIVED_KIND), articles, fingerprint) : null;
  if (!derived) {
    derived = derive(articles);
    store?.write(DERIVED_KIND, packDerived(derived, index, fingerprint));
  }
  const {people, offsets, personAt, personQuotes, countries, countryDocs} = derived;
  const personById = new Map(people.map((p) => [p.id, p] as const));
  /** Corpus person index of article i's local person id, or -1. */
  const localPerson = (i: number, localId: string): number => {
    const list = articles[i]!.people;
    for (let j = 0; j < list.length; j++) if (list[j]!.id === localId) return personAt[offsets[i]! + j]!;
    return -1;
  };

  const quotesIn = (articleId: string): QuoteRef[] => {
    const i = index.get(articleId);
    if (i === undefined) return [];
    return articles[i]!.quotes.map((quote, qi) => {
      const k = quote.speaker ? localPerson(i, quote.speaker) : -1;
      return {articleId, index: qi, quote, personId: k >= 0 ? people[k]!.id : null};
    });
  };

  const quoteCache = new Map<string, QuoteRef[]>();
  const quotesBy = (personId: string): QuoteRef[] => {
    let out = quoteCache.get(personId);
    if (out) return out;
    const person = personById.get(personId);
    const docs = person ? person.articles.map((id) => index.get(id)!) : [];
    // Date order, then corpus order (docs are in corpus order and the sort is stable). Each date is read once:
    // a prolific leader at 100k has thousands of articles, and the comparator runs n log n times.
    const keys = new Map<number, number>();
    for (const d of docs) keys.set(d, dateKey(articles[d]!.dateline?.date));
    const byDate = (a: number, b: number): number => {
      const x = keys.get(a)!, y = keys.get(b)!;
      return x === y ? 0 : x < y ? -1 : 1;
    };
    const sorted = docs.sort(byDate);
    out = sorted.flatMap((d) => quotesIn(articles[d]!.id).filter((q) => q.personId === personId));
    quoteCache.set(personId, out);
    return out;
  };

  let terms: TermIndex | null = null;
  const termIndex = (): TermIndex => {
    const stored = options.terms ?? store?.read(TERMS_KIND) ?? null;
    const found = stored && deserializeTermIndex(stored, fingerprint);
    if (found) return found;
    const built = buildTermIndex(articles);
    store?.write(TERMS_KIND, serializeTermIndex(built, fingerprint));
    return built;
  };
  const indexes: CorpusIndexes = {
    personOffsets: offsets,
    personAt,
    personQuotes,
    terms: () => (terms ??= termIndex()),
    ...(store ? {derived: store} : {}),
  };
  let finder: RelatedFinder | null = null;
  const relatedFinder = (): RelatedFinder =>
    (finder ??= new RelatedFinder({
      articles,
      terms: indexes.terms(),
      personOffsets: offsets,
      personAt,
      people: people.map((p) => ({id: p.id, label: surname(p.name)})),
      countryDocs,
      countryName: new Map(countries.map((c) => [c.code, c.name])),
    }));

  return {
    articles,
    byId,
    paths,
    people,
    personById,
    countries,
    indexes,
    personOf: (articleId, localPersonId) => {
      const i = index.get(articleId);
      const k = i === undefined ? -1 : localPerson(i, localPersonId);
      return k >= 0 ? people[k]!.id : null;
    },
    quotesBy,
    quotesIn,
    related: (articleId: string, limit = 5): readonly RelatedArticle[] => {
      const i = index.get(articleId);
      return i === undefined ? [] : relatedFinder().related(i, limit);
    },
  };
}
