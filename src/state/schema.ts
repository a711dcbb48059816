// The on-disk reading state: its versioned layout, validation of a parsed file (never trusted),
// migrations from older layouts, and the merge of two states by per-field timestamps (the newer
// change wins). Pure: the file store in src/cli/state/ and `briefing state import` both use it.
//
// Layout v2 is columnar, because 100k articles must load and save in well under 100 ms: one
// object per article cost 120-260 ms in JSON.parse alone, a few lists per field cost a few ms.
//   {"version": 2,
//    "global": {"lastArticle": ID, "lastArticleAt": MS, "lastQuery": ..., "focusedPane": ...},
//    "articles": {"id": "ID1ID2ID3...", "idWidth": 16,           or "id": [ID, ...]
//                 "read":     {"rows": [GAP, ...], "values": "0110...", "at": [MS, ...]},
//                 "starred":  {... the same ...},
//                 "position": {"rows": [...], "values": [LINE, ...], "at": [...]},
//                 "leader":   {"rows": [...], "values": [PERSON-ID|null, ...], "at": [...]}}}
// When every id has the same length (the parser's ids are 16 hex characters) they are written
// back to back in one string with `idWidth`: one string parses in a millisecond where 100k
// strings cost 10-20 ms and as much again in garbage collection; else `id` is a list.
// Each field lists only the articles where it was ever set (in a large corpus most articles have
// few fields set, or none): `rows` are row numbers into `id`, the first as is and each later one
// as the gap since the previous (0 = the next row); `at` holds the times (ms since epoch) of the
// last change, the first as is and each later one as the difference from the previous (small
// numbers parse and print several times faster than 13-digit ones). A field no article has set is
// left out, and so is a global field never set.
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

/** One field of a v2 file: the rows where it is set (as gaps), their values and times (as differences). */
export interface FieldV2<V> {
  rows: number[];
  values: V;
  at: number[];
}

/** `articles` of a v2 file, as written (see the layout above). */
export interface ArticleColumnsV2 {
  /** Ids back to back, each `idWidth` long; or a list when their lengths differ. */
  id: string | string[];
  idWidth?: number;
  read?: FieldV2<string>;
  starred?: FieldV2<string>;
  position?: FieldV2<number[]>;
  leader?: FieldV2<(string | null)[]>;
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

/** The three lists of one field, checked for shape only (entries are checked one by one). */
function fieldLists(raw: Record<string, unknown>, f: ArticleField): {rows: unknown[]; values: string | unknown[]; at: unknown[]} | string | null {
  const v = raw[f];
  if (v === undefined) return null;
  if (!isRecord(v) || !Array.isArray(v.rows) || !Array.isArray(v.at)) return `articles.${f} is not {rows, values, at}`;
  const flags = f === 'read' || f === 'starred';
  if (flags ? typeof v.values !== 'string' : !Array.isArray(v.values)) return `articles.${f}.values is not ${flags ? 'a string of flags' : 'a list'}`;
  const values = v.values as string | unknown[];
  if (values.length !== v.rows.length || v.at.length !== v.rows.length) return `articles.${f}: rows, values and at differ in length`;
  return {rows: v.rows, values, at: v.at};
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
    const lists = fieldLists(raw, f);
    if (lists === null) continue;
    if (typeof lists === 'string') return lists;
    // One pass per field over its set entries: decode rows and stamps, check them and the values.
    // (A pass runs interpreted for a while before it is optimised: fewer, shorter passes load
    // faster cold.)
    const {rows, values, at: stamps} = lists;
    const at = cols[`${f}At`];
    const flags = typeof values === 'string' ? values : '';
    const out = f === 'read' ? cols.read : cols.starred;
    let row = -1;
    let t = 0;
    for (let k = 0; k < rows.length; k++) {
      const gap: unknown = rows[k];
      const d: unknown = stamps[k];
      if (typeof gap !== 'number' || !Number.isSafeInteger(gap) || gap < 0 || row + gap + 1 >= n) return `articles.${f}.rows[${k}] is not a row gap within the ${n} ids`;
      if (typeof d !== 'number' || !Number.isSafeInteger(d)) return `articles.${f}.at[${k}] is not a whole number`;
      row += gap + 1;
      t += d;
      if (t < 1 || t > Number.MAX_SAFE_INTEGER) {
        reject(row, `bad ${f} time`);
        continue;
      }
      at[row] = t;
      if (flags) {
        const c = flags.charCodeAt(k) - 48;
        if (c === 0 || c === 1) out[row] = c;
        else reject(row, `bad ${f}`);
      } else if (f === 'position') {
        const p = (values as unknown[])[k];
        if (typeof p === 'number' && p >= 0 && Number.isSafeInteger(p)) cols.position[row] = p;
        else reject(row, 'bad position');
      } else {
        const l = (values as unknown[])[k];
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

/** The encoded entries of one field over one chunk of rows, and what they were made from. */
interface ChunkText {
  version: number;
  rows: number;
  /** The last set row and time before the chunk (its first gap and difference are from them). */
  prevRow: number;
  prevAt: number;
  /** The same up to the end of the chunk. */
  lastRow: number;
  lastAt: number;
  /** The three lists' entries, comma-separated ('' when no row of the chunk is set). */
  gaps: string;
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

function encodeChunk(c: ArticleColumns, f: ArticleField, start: number, end: number, prevRow: number, prevAt: number, version: number): ChunkText {
  const at = c[`${f}At`];
  const gaps: number[] = [];
  const stamps: number[] = [];
  const picked: number[] = [];
  let lastRow = prevRow;
  let lastAt = prevAt;
  for (let row = start; row < end; row++) {
    const t = at[row]!;
    if (t === 0) continue;
    gaps.push(row - lastRow - 1);
    stamps.push(t - lastAt);
    picked.push(row);
    lastRow = row;
    lastAt = t;
  }
  let values: string;
  if (f === 'read' || f === 'starred') {
    const flags = c[f];
    values = Buffer.from(picked.map((row) => 48 + flags[row]!)).toString('latin1');
  } else if (f === 'position') values = picked.map((row) => c.position[row]!).join(',');
  else values = JSON.stringify(picked.map((row) => c.leader[row]!)).slice(1, -1);
  return {version, rows: end - start, prevRow, prevAt, lastRow, lastAt, gaps: gaps.join(','), values, stamps: stamps.join(',')};
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
    let prevRow = -1;
    let prevAt = 0;
    const used: ChunkText[] = [];
    for (let k = 0; k * CHUNK_ROWS < n; k++) {
      const start = k * CHUNK_ROWS;
      const end = Math.min(n, start + CHUNK_ROWS);
      const version = table.chunkVersion(f, k);
      let chunk = chunks[k];
      if (!chunk || chunk.version !== version || chunk.rows !== end - start || chunk.prevRow !== prevRow || chunk.prevAt !== prevAt) {
        chunk = encodeChunk(c, f, start, end, prevRow, prevAt, version);
        chunks[k] = chunk;
      }
      prevRow = chunk.lastRow;
      prevAt = chunk.lastAt;
      if (chunk.gaps) used.push(chunk);
    }
    if (used.length === 0) continue;
    const list = (key: 'gaps' | 'values' | 'stamps'): string => used.map((x) => x[key]).join(',');
    const values = f === 'read' || f === 'starred' ? `"${used.map((x) => x.values).join('')}"` : `[${list('values')}]`;
    lines.push(`    "${f}": {"rows": [${list('gaps')}], "values": ${values}, "at": [${list('stamps')}]}`);
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
  // Files written by the same stores keep rows in the same order: rows known to line up need no
  // lookup at all, and the others try the same row before hashing.
  const aligned = from.ids.alignedRows(into.columns().ids);
  for (let row = 0; row < n; row++) {
    let id: string | null = null;
    let cur = row;
    if (row >= aligned) {
      id = from.ids.at(row);
      if (!into.idEquals(row, id)) cur = into.rowOf(id);
    }
    for (let k = 0; k < ARTICLE_FIELDS.length; k++) {
      const inAt = stamps[k]![row]!;
      if (inAt === 0) continue;
      const f = ARTICLE_FIELDS[k]!;
      const inValue = columnValue(from, row, f);
      if (cur >= 0) {
        const curAt = into.stamp(cur, f);
        if (inAt < curAt || (inAt === curAt && !wins(into.value(cur, f), curAt, inValue, inAt))) continue;
      } else cur = into.ensure((id ??= from.ids.at(row)));
      into.setField(cur, f, inValue, inAt);
      report.fields[f]++;
      changedRows.add((id ??= from.ids.at(row)));
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
