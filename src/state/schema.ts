// The on-disk reading state: its versioned layout, validation of a parsed file (never trusted),
// migrations from older layouts, and the merge of two states by per-field timestamps (the newer
// change wins). Pure: the file store in src/cli/state/ and `briefing state import` both use it.
//
// Layout v2 is columnar, because 100k articles must load and save in well under 100 ms: one
// object per article cost 120-260 ms in JSON.parse alone, one array per field costs a few ms.
//   {"version": 2,
//    "global": {"lastArticle": ID, "lastArticleAt": MS, "lastQuery": ..., "focusedPane": ...},
//    "articles": {"id": "ID1ID2ID3...", "idWidth": 16,       or "id": [ID, ...]
//                 "read": "0110...",  "readAt": [MS, ...],      one character per article
//                 "starred": "0010...", "starredAt": [...],
//                 "position": [LINE, ...], "positionAt": [...],
//                 "leader": [PERSON-ID|null, ...], "leaderAt": [...]}}
// When every id has the same length (the parser's ids are 16 hex characters) they are written
// back to back in one string with `idWidth`: one string parses in a millisecond where 100k
// strings cost 10-20 ms and as much again in garbage collection; else `id` is a list.
// Every other list (and flag string) has one entry per id. A `...At` list holds the times (ms since
// epoch) of the last change of that field: null = never set; the first non-null entry is the time
// itself and each later one the difference from the previous non-null entry (small numbers parse
// and print several times faster than 13-digit ones). A field no article has set is left out
// (pair and all), and so is a global field never set.
import type {ArticleState, GlobalState, PaneName} from './store.js';
import {ArticleTable, emptyColumns, IdIndex, IdList, ARTICLE_FIELDS, CHUNK_ROWS, type ArticleColumns, type ArticleField} from './article-table.js';

export {ArticleTable, ARTICLE_FIELDS, type ArticleField};

/** The layout written today. v1: {version: 1, read: string[], starred: string[]}. v2: columns with per-field timestamps. */
export const SCHEMA_VERSION = 2;

/** GlobalState with the time each field last changed (0 = never set). */
export interface StampedGlobal extends GlobalState {
  lastArticleAt: number;
  lastQueryAt: number;
  focusedPaneAt: number;
}

/** The whole state in memory. */
export interface StateData {
  articles: ArticleTable;
  global: StampedGlobal;
}

export interface StateFileV1 {
  version: 1;
  read: string[];
  starred: string[];
}

/** `articles` of a v2 file, as written (see the layout above). */
export interface ArticleColumnsV2 {
  /** Ids back to back, each `idWidth` long; or a list when their lengths differ. */
  id: string | string[];
  idWidth?: number;
  read?: string;
  readAt?: (number | null)[];
  starred?: string;
  starredAt?: (number | null)[];
  position?: number[];
  positionAt?: (number | null)[];
  leader?: (string | null)[];
  leaderAt?: (number | null)[];
}

export interface StateFileV2 {
  version: 2;
  global: Partial<StampedGlobal>;
  articles: ArticleColumnsV2;
}

export type ParsedState =
  /** `dropped`: one line per entry that failed validation and was left out. */
  | {kind: 'ok'; data: StateData; fromVersion: number; dropped: string[]}
  | {kind: 'corrupt'; reason: string}
  | {kind: 'newer'; version: number};

export const PANES: readonly PaneName[] = ['list', 'summary', 'quotes', 'related'];

export const emptyGlobal = (): StampedGlobal => ({
  lastArticle: null,
  lastArticleAt: 0,
  lastQuery: '',
  lastQueryAt: 0,
  focusedPane: 'list',
  focusedPaneAt: 0,
});

export const emptyState = (): StateData => ({articles: new ArticleTable(), global: emptyGlobal()});

export const cloneState = (data: StateData): StateData => ({articles: data.articles.clone(), global: {...data.global}});

/** A state from article entries (tests, the memory store's starting articles). */
export const stateOf = (articles: Iterable<readonly [string, ArticleState]>, global: Partial<StampedGlobal> = {}): StateData => ({
  articles: ArticleTable.from(articles),
  global: {...emptyGlobal(), ...global},
});

/** Longest id accepted from a file (parser ids are 16 hex characters). */
const MAX_ID_LENGTH = 256;

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isStamp = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
const isId = (x: unknown): x is string => typeof x === 'string' && x.length > 0 && x.length <= MAX_ID_LENGTH;

// ---------------------------------------------------------------------------------------------
// Migrations: MIGRATIONS[n] turns a validated layout n into layout n + 1.

function validateV1(raw: Record<string, unknown>): StateFileV1 | string {
  const {read, starred} = raw;
  for (const [name, list] of [['read', read], ['starred', starred]] as const) {
    if (list === undefined) continue;
    if (!Array.isArray(list)) return `v1 field '${name}' is not a list`;
    const bad = list.findIndex((id) => !isId(id));
    if (bad >= 0) return `v1 field '${name}' has a bad id at index ${bad}`;
  }
  return {version: 1, read: (read as string[] | undefined) ?? [], starred: (starred as string[] | undefined) ?? []};
}

/**
 * v1 -> v2. v1 kept no times, so every migrated flag gets `at` (the caller passes the old file's
 * modification time: the changes happened no later than that), which any later change beats.
 */
export function migrateV1toV2(v1: StateFileV1, at: number): StateFileV2 {
  const stamp = Math.max(1, Math.floor(at));
  const table = new ArticleTable();
  for (const id of v1.read) table.setField(table.ensure(id), 'read', true, stamp);
  for (const id of v1.starred) table.setField(table.ensure(id), 'starred', true, stamp);
  return toFile({articles: table, global: emptyGlobal()});
}

// ---------------------------------------------------------------------------------------------
// Validation of the current layout.

function validateGlobal(raw: unknown, dropped: string[]): StampedGlobal {
  const g = emptyGlobal();
  if (raw === undefined) return g;
  if (!isRecord(raw)) {
    dropped.push('global: not an object');
    return g;
  }
  if (raw.lastArticle !== undefined || raw.lastArticleAt !== undefined) {
    if ((raw.lastArticle === null || isId(raw.lastArticle)) && isStamp(raw.lastArticleAt)) {
      g.lastArticle = raw.lastArticle;
      g.lastArticleAt = raw.lastArticleAt;
    } else dropped.push('global.lastArticle: bad value');
  }
  if (raw.lastQuery !== undefined || raw.lastQueryAt !== undefined) {
    if (typeof raw.lastQuery === 'string' && isStamp(raw.lastQueryAt)) {
      g.lastQuery = raw.lastQuery;
      g.lastQueryAt = raw.lastQueryAt;
    } else dropped.push('global.lastQuery: bad value');
  }
  if (raw.focusedPane !== undefined || raw.focusedPaneAt !== undefined) {
    if (PANES.includes(raw.focusedPane as PaneName) && isStamp(raw.focusedPaneAt)) {
      g.focusedPane = raw.focusedPane as PaneName;
      g.focusedPaneAt = raw.focusedPaneAt;
    } else dropped.push('global.focusedPane: bad value');
  }
  return g;
}

/** The value list of one field, checked for shape only (values are checked row by row). */
function valueList(raw: Record<string, unknown>, field: ArticleField, n: number): string | unknown[] | string[] | null {
  const v = raw[field];
  const at = raw[`${field}At`];
  if (v === undefined && at === undefined) return null;
  if (v === undefined || at === undefined) return `articles.${v === undefined ? field : `${field}At`} is missing (the other of the pair is there)`;
  if (field === 'read' || field === 'starred') {
    if (typeof v !== 'string' || v.length !== n) return `articles.${field} is not a string of ${n} flags`;
    return [v];
  }
  if (!Array.isArray(v) || v.length !== n) return `articles.${field} is not a list of ${n} entries`;
  return v;
}

/** Validates v2 columns into a table; structural damage makes the file corrupt, a bad row is dropped. */
function validateArticles(raw: unknown, dropped: string[]): ArticleTable | string {
  if (!isRecord(raw)) return "field 'articles' is missing or not an object";
  const rawIds: unknown = raw.id;
  /** Why a row is dropped ('' = kept); made only when some row is bad. */
  let bad: string[] | null = null;
  let n: number;
  const reject = (row: number, reason: string): void => {
    bad ??= new Array<string>(n).fill('');
    bad[row] ||= reason;
  };

  // Ids: valid and unique. Loop one column at a time: a loop per row over the fields is 5x slower.
  let ids: IdList;
  if (typeof rawIds === 'string') {
    const width = raw.idWidth;
    if (!isStamp(width) || width < 1 || width > MAX_ID_LENGTH || rawIds.length % width !== 0) {
      return 'articles.idWidth is missing or does not divide the length of articles.id';
    }
    n = rawIds.length / width;
    ids = new IdList(rawIds, width);
  } else if (Array.isArray(rawIds)) {
    n = rawIds.length;
    // A bad id stays in the list as '' (for the index; its row is dropped below).
    const list: string[] = rawIds.map((id, row) => (isId(id) ? id : (reject(row, 'bad id'), '')));
    ids = new IdList('', 0, list);
  } else return 'articles.id is missing or not a list';
  const index = IdIndex.build(ids, (row) => reject(row, 'duplicate id'));
  const cols: ArticleColumns = emptyColumns(n);
  for (const f of ARTICLE_FIELDS) {
    const list = valueList(raw, f, n);
    if (list === null) continue;
    if (typeof list === 'string') return list;
    // One pass per field: decode the stamps, check them and the values. (Each pass over 100k rows
    // runs interpreted for a while before it is optimised, so fewer passes load faster cold.)
    const name = `${f}At` as const;
    const raws: unknown = raw[name];
    if (!Array.isArray(raws) || raws.length !== n) return `articles.${name} is not a list of ${n} entries`;
    const at = cols[name];
    const flags = f === 'read' || f === 'starred' ? (list[0] as string) : '';
    const out = f === 'read' ? cols.read : cols.starred;
    let prev = 0;
    for (let row = 0; row < n; row++) {
      const d: unknown = raws[row];
      if (d === null) continue; // never set: the value is ignored
      if (typeof d !== 'number' || !Number.isSafeInteger(d)) return `articles.${name}[${row}] is not a whole number or null`;
      prev += d;
      if (prev < 1 || prev > Number.MAX_SAFE_INTEGER) {
        reject(row, `bad ${name}`);
        continue;
      }
      at[row] = prev;
      if (flags) {
        const c = flags.charCodeAt(row) - 48;
        if (c === 0 || c === 1) out[row] = c;
        else reject(row, `bad ${f}`);
      } else if (f === 'position') {
        const p = list[row];
        if (typeof p === 'number' && p >= 0 && Number.isSafeInteger(p)) cols.position[row] = p;
        else reject(row, 'bad position');
      } else {
        const l = list[row];
        if (l === null || isId(l)) cols.leader[row] = l;
        else reject(row, 'bad leader');
      }
    }
  }
  cols.ids = ids;
  if (bad === null) return new ArticleTable(cols, index);

  // Rare: some rows were bad. Copy the good ones into a new table.
  const reasons: string[] = bad;
  const all = new ArticleTable(cols, new IdIndex(0));
  const table = new ArticleTable();
  for (let row = 0; row < n; row++) {
    if (reasons[row]) {
      const id: unknown = typeof rawIds === 'string' ? ids.at(row) : rawIds[row];
      dropped.push(`article ${typeof id === 'string' ? JSON.stringify(id.slice(0, 40)) : `#${row}`}: ${reasons[row]}`);
      continue;
    }
    const r = table.ensure(ids.at(row));
    for (const f of ARTICLE_FIELDS) {
      const t = all.stamp(row, f);
      if (t) table.setField(r, f, all.value(row, f), t);
    }
  }
  return table;
}

function validateV2(raw: Record<string, unknown>): {data: StateData; dropped: string[]} | string {
  const dropped: string[] = [];
  const articles = validateArticles(raw.articles, dropped);
  if (typeof articles === 'string') return articles;
  const global = validateGlobal(raw.global, dropped);
  return {data: {articles, global}, dropped};
}

/**
 * Validates a parsed state file of any known version and brings it to the current layout.
 * `migratedAt` stamps the fields of layouts that had no timestamps (v1).
 */
export function validateStateFile(raw: unknown, migratedAt: number): ParsedState {
  if (!isRecord(raw)) return {kind: 'corrupt', reason: 'not a JSON object'};
  const version = raw.version;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
    return {kind: 'corrupt', reason: "missing or bad 'version'"};
  }
  if (version > SCHEMA_VERSION) return {kind: 'newer', version};
  let current: Record<string, unknown> = raw;
  if (version === 1) {
    const v1 = validateV1(raw);
    if (typeof v1 === 'string') return {kind: 'corrupt', reason: v1};
    current = migrateV1toV2(v1, migratedAt) as unknown as Record<string, unknown>;
  }
  const v2 = validateV2(current);
  if (typeof v2 === 'string') return {kind: 'corrupt', reason: v2};
  return {kind: 'ok', data: v2.data, fromVersion: version, dropped: v2.dropped};
}

/** JSON text -> state; a syntax error is reported as corrupt with the parser's reason. */
export function parseStateText(text: string, migratedAt: number): ParsedState {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const reason = text.trim() === '' ? 'empty file' : `not valid JSON (${(error as Error).message.split('\n')[0]})`;
    return {kind: 'corrupt', reason};
  }
  return validateStateFile(raw, migratedAt);
}

// ---------------------------------------------------------------------------------------------
// Serialisation.

function globalOut(g: StampedGlobal): Partial<StampedGlobal> {
  const global: Partial<StampedGlobal> = {};
  if (g.lastArticleAt) (global.lastArticle = g.lastArticle), (global.lastArticleAt = g.lastArticleAt);
  if (g.lastQueryAt) (global.lastQuery = g.lastQuery), (global.lastQueryAt = g.lastQueryAt);
  if (g.focusedPaneAt) (global.focusedPane = g.focusedPane), (global.focusedPaneAt = g.focusedPaneAt);
  return global;
}

/** The encoded text of one field over one chunk of rows, and what it was made from. */
interface ChunkText {
  version: number;
  rows: number;
  /** The last time set before the chunk (the stamps are differences from it). */
  prev: number;
  /** The last time set up to the end of the chunk. */
  last: number;
  any: boolean;
  values: string;
  stamps: string;
}

interface WriterCache {
  idCount: number;
  idText: string;
  fields: Record<ArticleField, ChunkText[]>;
}

/**
 * Encoded chunks per table, so that a save after a few changes re-encodes only the chunks they
 * touched (at 100k articles, encoding everything costs 20-40 ms; a chunk well under one).
 */
const writerCaches = new WeakMap<ArticleTable, WriterCache>();

function encodeChunk(c: ArticleColumns, f: ArticleField, start: number, end: number, prev: number, version: number): ChunkText {
  const at = c[`${f}At`];
  const stamps = new Array<number | null>(end - start);
  let last = prev;
  let any = false;
  for (let row = start; row < end; row++) {
    const t = at[row]!;
    if (t === 0) stamps[row - start] = null;
    else {
      stamps[row - start] = t - last;
      last = t;
      any = true;
    }
  }
  const values =
    f === 'read' || f === 'starred'
      ? Buffer.from(c[f].subarray(start, end).map((x) => 48 + x)).toString('latin1')
      : f === 'position'
        ? JSON.stringify(Array.from(c.position.subarray(start, end))).slice(1, -1)
        : JSON.stringify(c.leader.slice(start, end)).slice(1, -1);
  return {version, rows: end - start, prev, last, any, values, stamps: JSON.stringify(stamps).slice(1, -1)};
}

/** The `id` (and `idWidth`) lines; ids only ever grow at the end, so the text is extended. */
function idLines(c: ArticleColumns, cache: WriterCache): string[] {
  const width = c.ids.uniformWidth();
  if (width === 0) return [`    "id": ${JSON.stringify(c.ids.toArray())}`];
  const n = c.ids.length;
  if (cache.idCount !== n) {
    const joined = c.ids.joined();
    const added = JSON.stringify(joined.slice(cache.idCount * width)).slice(1, -1);
    cache.idText = cache.idCount > 0 && cache.idCount < n ? cache.idText + added : added;
    cache.idCount = n;
  }
  return [`    "id": "${cache.idText}"`, `    "idWidth": ${width}`];
}

/** The file's JSON text: one line per column, so it stays readable and diffable. */
export function serializeState(data: StateData): string {
  const table = data.articles;
  const c = table.columns();
  let cache = writerCaches.get(table);
  if (!cache) {
    cache = {idCount: 0, idText: '', fields: {read: [], starred: [], position: [], leader: []}};
    writerCaches.set(table, cache);
  }
  const lines = idLines(c, cache);
  const n = c.ids.length;
  for (const f of ARTICLE_FIELDS) {
    const chunks = cache.fields[f];
    let prev = 0;
    let any = false;
    for (let k = 0; k * CHUNK_ROWS < n; k++) {
      const start = k * CHUNK_ROWS;
      const end = Math.min(n, start + CHUNK_ROWS);
      const version = table.chunkVersion(f, k);
      let chunk = chunks[k];
      if (!chunk || chunk.version !== version || chunk.rows !== end - start || chunk.prev !== prev) {
        chunk = encodeChunk(c, f, start, end, prev, version);
        chunks[k] = chunk;
      }
      prev = chunk.last;
      any ||= chunk.any;
    }
    if (!any) continue;
    const used = chunks.slice(0, Math.ceil(n / CHUNK_ROWS));
    const values = f === 'read' || f === 'starred' ? `"${used.map((x) => x.values).join('')}"` : `[${used.map((x) => x.values).join(',')}]`;
    lines.push(`    "${f}": ${values}`, `    "${f}At": [${used.map((x) => x.stamps).join(',')}]`);
  }
  return `{\n  "version": ${SCHEMA_VERSION},\n  "global": ${JSON.stringify(globalOut(data.global))},\n  "articles": {\n${lines.join(',\n')}\n  }\n}\n`;
}

/** The file as an object (what serializeState writes). */
export function toFile(data: StateData): StateFileV2 {
  return JSON.parse(serializeState(data)) as StateFileV2;
}

// ---------------------------------------------------------------------------------------------
// Merge by per-field timestamps.

export type GlobalField = 'lastArticle' | 'lastQuery' | 'focusedPane';
export const GLOBAL_FIELDS: readonly GlobalField[] = ['lastArticle', 'lastQuery', 'focusedPane'];

export interface MergeReport {
  /** Ids of the articles where at least one field was taken from the incoming state. */
  articles: string[];
  /** How many fields of each kind were taken from the incoming state. */
  fields: Record<ArticleField, number>;
  /** Global fields taken from the incoming state. */
  global: GlobalField[];
}

export const emptyReport = (): MergeReport => ({articles: [], fields: {read: 0, starred: 0, position: 0, leader: 0}, global: []});

/**
 * Does the incoming (value, at) beat the current one? The later change wins; on an exact tie the
 * larger value (as a string) wins, so that every process merging the same two states agrees.
 */
function wins(curValue: unknown, curAt: number, inValue: unknown, inAt: number): boolean {
  if (inAt !== curAt) return inAt > curAt;
  if (inValue === curValue) return false;
  return String(inValue) > String(curValue);
}

/** The value of one field at a row of some columns (booleans for read/starred). */
function columnValue(c: ArticleColumns, row: number, f: ArticleField): boolean | number | string | null {
  return f === 'read' ? c.read[row] === 1 : f === 'starred' ? c.starred[row] === 1 : f === 'position' ? c.position[row]! : c.leader[row]!;
}

/** Merges `incoming` into `target` field by field (the newer change wins) and reports what was taken. */
export function mergeInto(target: StateData, incoming: StateData): MergeReport {
  const report = emptyReport();
  const changedRows = new Set<string>();
  const into = target.articles;
  const from = incoming.articles.columns();
  const stamps = ARTICLE_FIELDS.map((f) => from[`${f}At`]);
  const n = from.ids.length;
  for (let row = 0; row < n; row++) {
    const id = from.ids.at(row);
    // Files written by the same stores keep rows in the same order: try the same row before hashing.
    let cur = into.idEquals(row, id) ? row : into.rowOf(id);
    for (let k = 0; k < ARTICLE_FIELDS.length; k++) {
      const inAt = stamps[k]![row]!;
      if (inAt === 0) continue;
      const f = ARTICLE_FIELDS[k]!;
      const inValue = columnValue(from, row, f);
      if (cur >= 0) {
        const curAt = into.stamp(cur, f);
        if (inAt < curAt || (inAt === curAt && !wins(into.value(cur, f), curAt, inValue, inAt))) continue;
      } else cur = into.ensure(id);
      into.setField(cur, f, inValue, inAt);
      report.fields[f]++;
      changedRows.add(id);
    }
  }
  report.articles = [...changedRows];
  const g = target.global;
  const ig = incoming.global;
  let nextGlobal: StampedGlobal | null = null;
  for (const f of GLOBAL_FIELDS) {
    const at = `${f}At` as const;
    if (wins(g[f], g[at], ig[f], ig[at])) {
      nextGlobal ??= {...g};
      (nextGlobal as unknown as Record<string, unknown>)[f] = ig[f];
      nextGlobal[at] = ig[at];
      report.global.push(f);
    }
  }
  if (nextGlobal) target.global = nextGlobal;
  return report;
}

/** Pure merge: a new state, neither input touched. */
export function mergeStates(base: StateData, incoming: StateData): {data: StateData; report: MergeReport} {
  const data = cloneState(base);
  const report = mergeInto(data, incoming);
  return {data, report};
}

export const reportChanged = (r: MergeReport): boolean => r.articles.length > 0 || r.global.length > 0;

/** Counts for `briefing state`. */
export function countState(data: StateData): {articles: number; read: number; starred: number} {
  return {articles: data.articles.size, ...data.articles.counts()};
}
