// One parse result as the cache stores it: a compact head and a body.
//   head  the fields in a fixed order, people, countries, organisations and quotes as arrays too, quote
//         texts left out. On disk, two JSON arrays in two files: what a start reads of every article (id,
//         section, headline, update, dateline, byline, words, warnings: an eighth of the bytes), and the rest
//         (people, countries, organisations, quotes, summary), read and parsed when something first reads one of
//         them (a warm start takes the corpus's people and the search's postings from the cache, so it reads
//         none). The strings that repeat across articles (names, roles, codes, forms, cues) are numbers into the
//         shard's string table; ASCII only (\u escapes). Between a worker and the main thread one array of all
//         the fields carries the strings themselves.
//   body  [paragraphs, quote texts]: read when something first reads `article.paragraphs` or a
//         `quote.text`. Lazy fields are own enumerable accessors, so spreads, JSON and deep equality see them.
// Either way the repeated strings are shared, so 100k articles hold one copy of `Fumio Kishida`, not one
// per mention.
import type {QuoteSpeakers} from '../corpus/index.js';
import type {Article, CountryMention, Dateline, Organization, OrganizationKind, ParseError, Person, Quote} from '../types.js';

export type CachedResult = Article | ParseError;

/** What a worker hands over for a new record (null body for a ParseError): the head as plain JSON text (a string
 *  crosses threads as one flat copy, and the main thread parses it without a bytes-to-string step or the ASCII
 *  escaping the shard needs, which the main thread does once when it numbers the strings), the body as UTF-8 bytes
 *  that own their ArrayBuffer (transferred, then written to the shard as they are). */
export interface EncodedResult {
  head: string;
  body: Uint8Array | null;
}

/** Reads bodies when first needed (one per shard); null when it cannot (damaged and the file gone). */
export interface BodySource {
  /** The body of record `record` (the source knows where it lies); `file`: the article file the body stands for
   *  (parsed again if the bytes are damaged). */
  load(record: number, file: string): Body | null;
  /** The verified bytes of the second part of record `record`'s head (see storedHead); null when damaged. */
  rest(record: number): Buffer | null;
  /** The file parsed again (a head whose second part turns out malformed when first read); null when it cannot. */
  reparse(file: string): Article | null;
}

export interface Body {
  paragraphs: string[];
  /** The text of each quote, in the article's quote order. */
  quotes: string[];
}

const encoder = new TextEncoder();

/** JSON with every non-ASCII UTF-16 unit escaped: one byte per character. */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const bit = (b: boolean): number => (b ? 1 : 0);

/** How a repeated string is written: itself, or its number in a string table. */
export type StringRef = (s: string) => string | number;
const literal: StringRef = (s) => s;

/** The head of an article as an array; `ref` writes the strings that repeat across articles. */
export function headRow(a: Article, ref: StringRef): unknown[] {
  const r = (s: string | null): string | number | null => (s === null ? null : ref(s));
  const d = a.dateline;
  return [
    a.id, r(a.section), a.headline, a.update, d && [r(d.place), r(d.date), r(d.agency)], a.byline,
    a.people.map((p) => {
      const row = [r(p.id), r(p.name), p.aliases.map(ref), r(p.role), r(p.country), bit(p.leader), p.mentions];
      if (p.gender !== undefined) row.push(p.gender);
      return row;
    }),
    a.countries.map((c) => [ref(c.code), ref(c.name), c.mentions, c.forms.map(ref)]),
    a.organizations.map((o) => [ref(o.id), ref(o.name), ref(o.kind), o.mentions, o.forms.map(ref)]),
    a.quotes.map((q) => {
      const row = [r(q.speaker), r(q.speakerName), r(q.cue), q.paragraph, q.start, q.end, q.paraStart, q.paraEnd, bit(q.partial)];
      if (q.speakerKind !== undefined) row.push(ref(q.speakerKind));
      return row;
    }),
    a.summary, a.words, a.warnings.map(ref),
  ];
}

/** Field positions in a headRow: the first part of a stored head holds LIGHT, the second REST. */
const LIGHT = [0, 1, 2, 3, 4, 5, 11, 12];
const REST = [6, 7, 8, 9, 10];

/** A head as a shard stores it: two ASCII JSON arrays, for two files (see the top of this file). */
export function storedHead(a: Article, ref: StringRef): [string, string] {
  const row = headRow(a, ref);
  return [asciiJson(LIGHT.map((k) => row[k])), asciiJson(REST.map((k) => row[k]))];
}

/** The body of an article as the cache stores it, as JSON text. */
export function bodyJson(a: Article): string {
  const texts: string[] = [];
  for (const q of a.quotes) texts.push(q.text);
  return JSON.stringify([a.paragraphs, texts]);
}

/** The body of an article as the cache stores it. */
export function encodeBody(a: Article): Uint8Array {
  return encoder.encode(bodyJson(a));
}

/** Splits a parse result into its record for the trip from a worker (strings written as themselves). */
export function encodeResult(result: CachedResult): EncodedResult {
  if ('kind' in result) return {head: JSON.stringify(result), body: null};
  return {head: JSON.stringify(headRow(result, literal)), body: encodeBody(result)};
}

/** Thrown by the decoders on a record of the wrong shape; the caller treats the record as damaged. */
class BadRecord extends Error {}

function fail(): never {
  throw new BadRecord('malformed cache record');
}

const str = (x: unknown): string => (typeof x === 'string' ? x : fail());
const strOrNull = (x: unknown): string | null => (x === null ? null : str(x));
const num = (x: unknown): number => (typeof x === 'number' ? x : fail());
const arr = (x: unknown): unknown[] => (Array.isArray(x) ? x : fail());

/** Where a head's repeated strings come from: the strings themselves (interned) or a string table. */
export interface StringSource {
  s(x: unknown): string;
  /** A list of such strings (aliases, forms, warnings). */
  list(x: unknown): string[];
}

/** One copy of each repeated string for the duration of a load. */
export class Interner implements StringSource {
  private readonly seen = new Map<string, string>();
  s(x: unknown): string {
    const v = str(x);
    const have = this.seen.get(v);
    if (have !== undefined) return have;
    this.seen.set(v, v);
    return v;
  }
  list(x: unknown): string[] {
    return arr(x).map((v) => this.s(v));
  }
}

/** Shared by every empty list read from the cache; frozen, as every shared list is, so a stray write fails loudly. */
const EMPTY: string[] = Object.freeze([]) as unknown as string[];

/** A shard's string table: a head's numbers to strings. Lists of the same numbers (a person's aliases, a country's
 *  forms in article after article) come back as one shared, frozen array: at 100k articles that is ~800k arrays
 *  fewer for the collector to copy and mark. Nothing downstream writes to an article's lists. */
export class StringTable implements StringSource {
  private readonly lists = new Map<string, string[]>();
  constructor(readonly strings: readonly string[]) {}
  s(x: unknown): string {
    return typeof x === 'number' ? (this.strings[x] ?? fail()) : fail();
  }
  list(x: unknown): string[] {
    const a = arr(x);
    if (a.length === 0) return EMPTY;
    for (const v of a) if (typeof v !== 'number') fail();
    const key = a.join(',');
    let out = this.lists.get(key);
    if (!out) this.lists.set(key, (out = Object.freeze(a.map((v) => this.s(v))) as unknown as string[]));
    return out;
  }
}

const sn = (t: StringSource, x: unknown): string | null => (x === null ? null : t.s(x));
const list = (t: StringSource, x: unknown): string[] => t.list(x);

/** The key buildCorpus reads a compact view of an article's quotes under (QUOTE_SPEAKERS of src/corpus/index.ts;
 *  the same registered symbol, named here so the parse worker's bundle does not take in the corpus). */
const QUOTE_SPEAKERS: unique symbol = Symbol.for('briefing.quoteSpeakers');
/** Where an article's (and a quote's) lazy state hangs: the same key, so an article takes one hidden property, not two. */
const BODY: typeof QUOTE_SPEAKERS = QUOTE_SPEAKERS;
type Lazy<T> = T & {[BODY]: LazyBody};

/** Numbers per quote in Rest.packed: speaker, speakerName, cue (string table numbers, -1 for null), paragraph,
 *  start, end, paraStart, paraEnd, partial (0/1), speakerKind (string table number, -1 when none). */
const QUOTE_INTS = 10;

/** The second part of a stored head, decoded. */
interface Rest {
  people: Person[];
  countries: CountryMention[];
  organizations: Organization[];
  summary: string[];
  /** The quotes as numbers (see QUOTE_INTS), or, for an article parsed again, its quote objects. */
  packed: Int32Array | Quote[];
}
const REST_KEYS = ['people', 'countries', 'organizations', 'summary'] as const;

/** The per-article state behind the lazy accessors: the second part of the head and the body (both read from the
 *  cache on first use) and the quotes, kept as numbers until `article.quotes` is first read (building the corpus
 *  reads their speakers through this object, see QuoteSpeakers). */
class LazyBody implements QuoteSpeakers {
  value: Body | null | undefined;
  /** The quote objects once made (the text accessor finds its quote's index here). */
  quotes: Quote[] | null = null;
  private rested: Rest | null = null;
  constructor(
    readonly source: BodySource,
    /** The record whose body this is (see BodySource). */
    readonly record: number,
    readonly file: string,
    private readonly t: StringTable,
  ) {}
  get(): Body {
    if (this.value === undefined) this.value = this.source.load(this.record, this.file);
    return this.value ?? {paragraphs: [], quotes: []};
  }
  rest(): Rest {
    if (this.rested) return this.rested;
    let rest: Rest | null = null;
    try {
      const bytes = this.source.rest(this.record);
      rest = bytes && decodeRest(JSON.parse(bytes.toString('latin1')), this.t);
    } catch {
      // malformed though its checksum agrees: parsed again below, not trusted
    }
    if (!rest) {
      const fresh = this.source.reparse(this.file);
      if (fresh && this.value === undefined) this.value = {paragraphs: fresh.paragraphs, quotes: fresh.quotes.map((q) => q.text)};
      rest = fresh
        ? {people: fresh.people, countries: fresh.countries, organizations: fresh.organizations, summary: fresh.summary, packed: fresh.quotes}
        : {people: [], countries: [], organizations: [], summary: [], packed: []};
    }
    return (this.rested = rest);
  }
  get length(): number {
    const p = this.rest().packed;
    return Array.isArray(p) ? p.length : p.length / QUOTE_INTS;
  }
  private ref(k: number): string | null {
    return k < 0 ? null : this.t.strings[k]!;
  }
  speaker(k: number): string | null {
    const p = this.rest().packed;
    return Array.isArray(p) ? p[k]!.speaker : this.ref(p[k * QUOTE_INTS]!);
  }
  partial(k: number): boolean {
    const p = this.rest().packed;
    return Array.isArray(p) ? p[k]!.partial : p[k * QUOTE_INTS + 8] === 1;
  }
  makeQuotes(): Quote[] {
    if (this.quotes) return this.quotes;
    const p = this.rest().packed;
    if (Array.isArray(p)) return (this.quotes = p);
    const out: Quote[] = new Array<Quote>(this.length);
    for (let k = 0, o = 0; o < p.length; k++, o += QUOTE_INTS) {
      // Fields in the order a fresh parse through fromHead gives (text last: the lazy accessor).
      const q = {speaker: this.ref(p[o]!), speakerName: this.ref(p[o + 1]!), cue: this.ref(p[o + 2]!)} as Quote;
      if (p[o + 9]! >= 0) q.speakerKind = this.t.strings[p[o + 9]!] as Quote['speakerKind'];
      q.paragraph = p[o + 3]!;
      q.start = p[o + 4]!;
      q.end = p[o + 5]!;
      q.paraStart = p[o + 6]!;
      q.paraEnd = p[o + 7]!;
      q.partial = p[o + 8] === 1;
      hide(q, this);
      Object.defineProperty(q, 'text', textAccessor);
      out[k] = q;
    }
    return (this.quotes = out);
  }
}

/** Quote rows of a head, checked and packed as numbers (see QUOTE_INTS). Throws on a malformed row. */
function packQuotes(rows: unknown[], strings: readonly string[]): Int32Array {
  const out = new Int32Array(rows.length * QUOTE_INTS);
  const ref = (x: unknown): number => (x === null ? -1 : typeof x === 'number' && Number.isInteger(x) && x >= 0 && x < strings.length ? x : fail());
  const int = (x: unknown): number => (typeof x === 'number' && (x | 0) === x ? x : fail());
  for (let k = 0; k < rows.length; k++) {
    const q = arr(rows[k]);
    const o = k * QUOTE_INTS;
    out[o] = ref(q[0]);
    out[o + 1] = ref(q[1]);
    out[o + 2] = ref(q[2]);
    for (let f = 3; f < 8; f++) out[o + f] = int(q[f]);
    out[o + 8] = q[8] === 1 ? 1 : 0;
    out[o + 9] = q.length > 9 ? ref(q[9]) : -1;
    if (q.length > 9 && (q[9] === null || !KINDS.has(strings[out[o + 9]!]!))) fail();
  }
  return out;
}

/** Whether an article's body has been read (false for one whose body was never needed, true for one parsed now). */
export function hasReadBody(article: Article): boolean {
  const lazy = (article as Partial<Lazy<Article>>)[BODY];
  return lazy === undefined || lazy.value !== undefined;
}

function hide(target: object, body: LazyBody): void {
  Object.defineProperty(target, BODY, {value: body, enumerable: false, writable: false, configurable: false});
}

/** Setting a lazy property replaces it with a plain one. */
function plain(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, {value, enumerable: true, writable: true, configurable: true});
}

// One descriptor (one getter, one setter) for every object, so they all share one hidden class.
const paragraphsAccessor: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: Lazy<Article>) {
    return this[BODY].get().paragraphs;
  },
  set(this: Lazy<Article>, v: string[]) {
    plain(this, 'paragraphs', v);
  },
};
const textAccessor: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: Lazy<Quote>) {
    const body = this[BODY];
    return body.get().quotes[body.quotes?.indexOf(this) ?? -1] ?? '';
  },
  set(this: Lazy<Quote>, v: string) {
    plain(this, 'text', v);
  },
};

const quotesAccessor: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: Lazy<Article>) {
    const quotes = this[BODY].makeQuotes();
    plain(this, 'quotes', quotes);
    return quotes;
  },
  set(this: Lazy<Article>, v: Quote[]) {
    plain(this, 'quotes', v);
  },
};

/** people, countries, organizations and summary: the first read decodes the head's second part and makes all four
 *  plain properties (each keeping its place among the keys). */
const restAccessors = Object.fromEntries(
  REST_KEYS.map((key) => [
    key,
    {
      enumerable: true,
      configurable: true,
      get(this: Lazy<Article>) {
        const rest = this[BODY].rest();
        for (const k of REST_KEYS) if (Object.getOwnPropertyDescriptor(this, k)?.get === restAccessors[k]!.get) plain(this, k, rest[k]);
        return this[key];
      },
      set(this: Lazy<Article>, v: unknown) {
        plain(this, key, v);
      },
    } satisfies PropertyDescriptor,
  ]),
) as Record<(typeof REST_KEYS)[number], PropertyDescriptor>;

function dateline(x: unknown, t: StringSource): Dateline | null {
  if (x === null) return null;
  const d = arr(x);
  return {place: t.s(d[0]), date: sn(t, d[1]), agency: sn(t, d[2])};
}

function person(x: unknown, t: StringSource): Person {
  const p = arr(x);
  const out: Person = {id: t.s(p[0]), name: t.s(p[1]), aliases: list(t, p[2]), role: sn(t, p[3]), country: sn(t, p[4]), leader: p[5] === 1, mentions: num(p[6])};
  if (p.length > 7) out.gender = p[7] === 'm' || p[7] === 'f' ? p[7] : p[7] === null ? null : fail();
  return out;
}

function country(x: unknown, t: StringSource): CountryMention {
  const c = arr(x);
  return {code: t.s(c[0]), name: t.s(c[1]), mentions: num(c[2]), forms: list(t, c[3])};
}

function organization(x: unknown, t: StringSource): Organization {
  const o = arr(x);
  return {id: t.s(o[0]), name: t.s(o[1]), kind: t.s(o[2]) as OrganizationKind, mentions: num(o[3]), forms: list(t, o[4])};
}

const KINDS = new Set(['person', 'organization', 'country', 'description']);

function quote(x: unknown, t: StringSource, text: string | null): Quote {
  const q = arr(x);
  const out = {speaker: sn(t, q[0]), speakerName: sn(t, q[1]), cue: sn(t, q[2])} as Quote;
  if (text !== null) out.text = text;
  if (q.length > 9) {
    const kind = t.s(q[9]);
    out.speakerKind = KINDS.has(kind) ? (kind as Quote['speakerKind']) : fail();
  }
  out.paragraph = num(q[3]);
  out.start = num(q[4]);
  out.end = num(q[5]);
  out.paraStart = num(q[6]);
  out.paraEnd = num(q[7]);
  out.partial = q[8] === 1;
  return out;
}

function parseError(x: Record<string, unknown>): ParseError {
  if (x.kind !== 'parse-error') fail();
  return {kind: 'parse-error', source: str(x.source), reason: str(x.reason) as ParseError['reason'], message: str(x.message)};
}

/** A head (already JSON-parsed, all fields in one array: a worker's) to its result, with its body. Throws on a record
 *  of the wrong shape. */
function fromHead(value: unknown, t: StringSource, body: Body): CachedResult {
  if (!Array.isArray(value)) return value !== null && typeof value === 'object' ? parseError(value as Record<string, unknown>) : fail();
  const h = value;
  const rows = arr(h[9]);
  if (body.quotes.length !== rows.length) fail();
  const article = {
    id: str(h[0]), source: '', section: sn(t, h[1]), headline: str(h[2]), update: strOrNull(h[3]), dateline: dateline(h[4], t), byline: strOrNull(h[5]),
  } as Article;
  article.paragraphs = body.paragraphs;
  article.quotes = rows.map((q, i) => quote(q, t, body.quotes[i]!));
  article.people = arr(h[6]).map((p) => person(p, t));
  article.countries = arr(h[7]).map((c) => country(c, t));
  article.organizations = arr(h[8]).map((o) => organization(o, t));
  article.summary = arr(h[10]).map(str);
  article.words = num(h[11]);
  article.warnings = list(t, h[12]);
  return article;
}

/** The second part of a stored head (see storedHead). Throws on a malformed one. */
function decodeRest(value: unknown, t: StringTable): Rest {
  const h = arr(value);
  return {
    people: arr(h[0]).map((p) => person(p, t)),
    countries: arr(h[1]).map((c) => country(c, t)),
    organizations: arr(h[2]).map((o) => organization(o, t)),
    packed: packQuotes(arr(h[3]), t.strings),
    summary: arr(h[4]).map(str),
  };
}

/** A stored head (the first part: the bytes [start, end) of `bytes`) to its result, the second part and the body of
 *  record `record` read lazily from `source` (-1: none, a ParseError). Null when the record is malformed. */
export function decodeHead(bytes: Buffer, start: number, end: number, t: StringTable, source: BodySource, record: number, file: string): CachedResult | null {
  try {
    const value: unknown = JSON.parse(bytes.toString('latin1', start, end));
    if (!Array.isArray(value)) return record < 0 && value !== null && typeof value === 'object' ? parseError(value as Record<string, unknown>) : null;
    if (record < 0) return null;
    const h = value;
    const article = {
      id: str(h[0]), source: '', section: sn(t, h[1]), headline: str(h[2]), update: strOrNull(h[3]), dateline: dateline(h[4], t), byline: strOrNull(h[5]),
    } as Article;
    Object.defineProperty(article, 'paragraphs', paragraphsAccessor);
    Object.defineProperty(article, 'quotes', quotesAccessor);
    for (const key of REST_KEYS) Object.defineProperty(article, key, restAccessors[key]);
    article.words = num(h[6]);
    article.warnings = list(t, h[7]);
    const lazy = new LazyBody(source, record, file, t);
    hide(article, lazy);
    return article;
  } catch {
    return null;
  }
}

/** A body's bytes to paragraphs and quote texts; null when malformed. */
export function decodeBody(bytes: Uint8Array): Body | null {
  try {
    const v: unknown = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
    const [paragraphs, quotes] = arr(v);
    const p = arr(paragraphs);
    const q = arr(quotes);
    return p.every((x) => typeof x === 'string') && q.every((x) => typeof x === 'string') ? {paragraphs: p as string[], quotes: q as string[]} : null;
  } catch {
    return null;
  }
}

/** The inverse of encodeResult, for results just parsed (head and body together). */
export function decodeResult(encoded: EncodedResult, t: StringSource = new Interner()): CachedResult {
  const head: unknown = JSON.parse(encoded.head);
  if (!encoded.body) return Array.isArray(head) ? fail() : fromHead(head, t, {paragraphs: [], quotes: []});
  const body = decodeBody(encoded.body);
  return body ? fromHead(head, t, body) : fail();
}
