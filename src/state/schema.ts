// The on-disk reading state: its versioned layout, validation of a parsed file (never trusted),
// migrations from older layouts, and the merge of two states by per-field timestamps (the newer
// change wins). Pure: the file store in src/cli/state/ and `briefing state import` both use it.
import {emptyArticleState, type ArticleState, type GlobalState, type PaneName} from './store.js';

/** The layout written today. v1: {version: 1, read: string[], starred: string[]}. v2: per-field timestamps. */
export const SCHEMA_VERSION = 2;

/** GlobalState with the time each field last changed (0 = never set). */
export interface StampedGlobal extends GlobalState {
  lastArticleAt: number;
  lastQueryAt: number;
  focusedPaneAt: number;
}

/** The whole state in memory. Entries are never mutated in place: a change replaces the object. */
export interface StateData {
  articles: Map<string, ArticleState>;
  global: StampedGlobal;
}

export interface StateFileV1 {
  version: 1;
  read: string[];
  starred: string[];
}

/** An article entry on disk: fields whose timestamp is 0 (never set) are left out. */
export type ArticleEntryV2 = Partial<ArticleState>;

export interface StateFileV2 {
  version: 2;
  global: Partial<StampedGlobal>;
  articles: Record<string, ArticleEntryV2>;
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

export const emptyState = (): StateData => ({articles: new Map(), global: emptyGlobal()});

export const cloneState = (data: StateData): StateData => ({articles: new Map(data.articles), global: {...data.global}});

/** Longest id accepted from a file (parser ids are 16 hex characters). */
const MAX_ID_LENGTH = 256;

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isStamp = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
const isPosition = isStamp;
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
  const articles: Record<string, ArticleEntryV2> = Object.create(null) as Record<string, ArticleEntryV2>;
  for (const id of v1.read) articles[id] = {read: true, readAt: stamp};
  for (const id of v1.starred) articles[id] = {...articles[id], starred: true, starredAt: stamp};
  return {version: 2, global: {}, articles};
}

// ---------------------------------------------------------------------------------------------
// Validation of the current layout.

/** Checks one v2 article entry; returns the full state or a reason. */
function validateEntry(raw: unknown): ArticleState | string {
  if (!isRecord(raw)) return 'not an object';
  const s: ArticleState = emptyArticleState();
  if (raw.read !== undefined || raw.readAt !== undefined) {
    if (typeof raw.read !== 'boolean' || !isStamp(raw.readAt)) return 'bad read/readAt';
    s.read = raw.read;
    s.readAt = raw.readAt;
  }
  if (raw.starred !== undefined || raw.starredAt !== undefined) {
    if (typeof raw.starred !== 'boolean' || !isStamp(raw.starredAt)) return 'bad starred/starredAt';
    s.starred = raw.starred;
    s.starredAt = raw.starredAt;
  }
  if (raw.position !== undefined || raw.positionAt !== undefined) {
    if (!isPosition(raw.position) || !isStamp(raw.positionAt)) return 'bad position/positionAt';
    s.position = raw.position;
    s.positionAt = raw.positionAt;
  }
  if (raw.leader !== undefined || raw.leaderAt !== undefined) {
    if (!(raw.leader === null || isId(raw.leader)) || !isStamp(raw.leaderAt)) return 'bad leader/leaderAt';
    s.leader = raw.leader;
    s.leaderAt = raw.leaderAt;
  }
  return s;
}

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

function validateV2(raw: Record<string, unknown>): {data: StateData; dropped: string[]} | string {
  if (!isRecord(raw.articles)) return "field 'articles' is missing or not an object";
  const dropped: string[] = [];
  const global = validateGlobal(raw.global, dropped);
  const articles = new Map<string, ArticleState>();
  for (const id of Object.keys(raw.articles)) {
    const entry = isId(id) ? validateEntry(raw.articles[id]) : 'bad id';
    if (typeof entry === 'string') dropped.push(`article ${JSON.stringify(id.slice(0, 40))}: ${entry}`);
    else articles.set(id, entry);
  }
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

export function toFile(data: StateData): StateFileV2 {
  const articles: Record<string, ArticleEntryV2> = Object.create(null) as Record<string, ArticleEntryV2>;
  for (const [id, s] of data.articles) {
    const e: ArticleEntryV2 = {};
    if (s.readAt) (e.read = s.read), (e.readAt = s.readAt);
    if (s.starredAt) (e.starred = s.starred), (e.starredAt = s.starredAt);
    if (s.positionAt) (e.position = s.position), (e.positionAt = s.positionAt);
    if (s.leaderAt) (e.leader = s.leader), (e.leaderAt = s.leaderAt);
    articles[id] = e;
  }
  const g = data.global;
  const global: Partial<StampedGlobal> = {};
  if (g.lastArticleAt) (global.lastArticle = g.lastArticle), (global.lastArticleAt = g.lastArticleAt);
  if (g.lastQueryAt) (global.lastQuery = g.lastQuery), (global.lastQueryAt = g.lastQueryAt);
  if (g.focusedPaneAt) (global.focusedPane = g.focusedPane), (global.focusedPaneAt = g.focusedPaneAt);
  return {version: SCHEMA_VERSION, global, articles};
}

/** One article per line: readable, diffable, and still fast to parse at 100k articles. */
export function serializeState(data: StateData): string {
  const file = toFile(data);
  const lines: string[] = [];
  for (const id of Object.keys(file.articles)) lines.push(`    ${JSON.stringify(id)}: ${JSON.stringify(file.articles[id])}`);
  const body = lines.length ? `{\n${lines.join(',\n')}\n  }` : '{}';
  return `{\n  "version": ${SCHEMA_VERSION},\n  "global": ${JSON.stringify(file.global)},\n  "articles": ${body}\n}\n`;
}

// ---------------------------------------------------------------------------------------------
// Merge by per-field timestamps.

export type ArticleField = 'read' | 'starred' | 'position' | 'leader';
export const ARTICLE_FIELDS: readonly ArticleField[] = ['read', 'starred', 'position', 'leader'];
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

const blank: ArticleState = emptyArticleState();

/**
 * Merges `incoming` into `target` field by field (the newer change wins) and reports what was
 * taken from `incoming`. Changed entries are replaced by new objects, never mutated.
 */
export function mergeInto(target: StateData, incoming: StateData): MergeReport {
  const report = emptyReport();
  for (const [id, inc] of incoming.articles) {
    const cur = target.articles.get(id) ?? blank;
    let next: ArticleState | null = null;
    for (const f of ARTICLE_FIELDS) {
      const at = `${f}At` as const;
      if (wins(cur[f], cur[at], inc[f], inc[at])) {
        next ??= {...cur};
        (next as unknown as Record<string, unknown>)[f] = inc[f];
        next[at] = inc[at];
        report.fields[f]++;
      }
    }
    if (next) {
      target.articles.set(id, next);
      report.articles.push(id);
    }
  }
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
  let read = 0;
  let starred = 0;
  for (const s of data.articles.values()) {
    if (s.read) read++;
    if (s.starred) starred++;
  }
  return {articles: data.articles.size, read, starred};
}
