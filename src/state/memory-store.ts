// A ReadingStore held in memory: what UI tests use, and the core of the file-backed store
// (src/cli/state/), which adds loading, debounced locked writes and exit flushing around it.
import {emptyArticleState, type ArticleState, type GlobalState, type ReadingStore} from './store.js';
import {emptyState, emptyGlobal, mergeInto, reportChanged, ArticleTable, type MergeReport, type StateData} from './schema.js';

export interface MemoryStoreInit {
  /** Starting articles: full states, or partial ones (missing fields never set). */
  articles?: Map<string, ArticleState> | Record<string, Partial<ArticleState>>;
  global?: Partial<GlobalState>;
  readOnly?: boolean;
  warnings?: string[];
  /** Clock for the change timestamps (tests pass a fake one). */
  now?: () => number;
  /** A complete state to start from (the file store's loaded file); wins over `articles`/`global`. */
  data?: StateData;
}

/** ReadingStore plus what the file store (and the CLI) need to drive it. */
export interface MemoryReadingStore extends ReadingStore {
  /** The live state. Treat as read-only: change it through the setters, merge and replace. */
  readonly data: StateData;
  /** Number of changes since creation (or since `markClean`); 0 = nothing to write. */
  readonly pending: number;
  markClean(): void;
  /** Merges another state in (the newer change wins per field) and notifies when anything changed. */
  merge(incoming: StateData): MergeReport;
  /** Replaces the whole state (e.g. after a reload) and notifies. */
  replace(data: StateData): void;
  addWarning(message: string): void;
  setReadOnly(readOnly: boolean): void;
  flush(): void;
}

const blank = emptyArticleState;

function initialData(init: MemoryStoreInit, now: number): StateData {
  const data = emptyState();
  if (init.articles instanceof Map) data.articles = ArticleTable.from(init.articles);
  else if (init.articles) {
    for (const [id, partial] of Object.entries(init.articles)) {
      const s = {...blank(), ...partial};
      // A value given without its time counts as set now.
      if (partial.read !== undefined && !partial.readAt) s.readAt = now;
      if (partial.starred !== undefined && !partial.starredAt) s.starredAt = now;
      if (partial.position !== undefined && !partial.positionAt) s.positionAt = now;
      if (partial.leader !== undefined && !partial.leaderAt) s.leaderAt = now;
      data.articles.set(id, s);
    }
  }
  if (init.global) {
    const g = init.global;
    data.global = {...emptyGlobal(), ...g};
    if (g.lastArticle !== undefined) data.global.lastArticleAt = now;
    if (g.lastQuery !== undefined) data.global.lastQueryAt = now;
    if (g.focusedPane !== undefined) data.global.focusedPaneAt = now;
  }
  return data;
}

export function createMemoryStore(options: MemoryStoreInit = {}): MemoryReadingStore {
  const now = options.now ?? Date.now;
  let data: StateData = options.data ?? initialData(options, now());
  let readOnly = options.readOnly ?? false;
  const warnings: string[] = [...(options.warnings ?? [])];
  const listeners = new Set<() => void>();
  let pending = 0;

  const notify = (): void => {
    for (const l of [...listeners]) l();
  };
  /** Later than `prevAt` even when the clock has not moved (or went back). */
  const stamp = (prevAt: number): number => Math.max(now(), prevAt + 1);

  function update<K extends 'read' | 'starred' | 'position' | 'leader'>(id: string, field: K, value: ArticleState[K]): void {
    const table = data.articles;
    let row = table.rowOf(id);
    const prevAt = row < 0 ? 0 : table.stamp(row, field);
    if (prevAt !== 0 && table.value(row, field) === value) return;
    if (row < 0) row = table.ensure(id);
    table.setField(row, field, value, stamp(prevAt));
    pending++;
    notify();
  }

  let globalView: GlobalState = viewOf(data);
  function viewOf(d: StateData): GlobalState {
    return {lastArticle: d.global.lastArticle, lastQuery: d.global.lastQuery, focusedPane: d.global.focusedPane};
  }

  const store: MemoryReadingStore = {
    get data() {
      return data;
    },
    get pending() {
      return pending;
    },
    get readOnly() {
      return readOnly;
    },
    get warnings() {
      return warnings;
    },
    get(id) {
      return data.articles.get(id);
    },
    setRead(id, read) {
      update(id, 'read', read);
    },
    setStarred(id, starred) {
      update(id, 'starred', starred);
    },
    setPosition(id, position) {
      const p = Number.isFinite(position) ? Math.max(0, Math.floor(position)) : 0;
      update(id, 'position', p);
    },
    setLeader(id, leader) {
      update(id, 'leader', leader);
    },
    global() {
      return globalView;
    },
    setGlobal(patch) {
      const g = {...data.global};
      let changed = false;
      for (const key of ['lastArticle', 'lastQuery', 'focusedPane'] as const) {
        if (!(key in patch) || patch[key] === undefined) continue;
        if (g[key] === patch[key] && g[`${key}At`] !== 0) continue;
        (g as unknown as Record<string, unknown>)[key] = patch[key];
        g[`${key}At`] = stamp(g[`${key}At`]);
        changed = true;
      }
      if (!changed) return;
      data.global = g;
      globalView = viewOf(data);
      pending++;
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    flush() {
      // Nothing to write: the state lives only in memory.
    },
    markClean() {
      pending = 0;
    },
    merge(incoming) {
      const report = mergeInto(data, incoming);
      if (reportChanged(report)) {
        globalView = viewOf(data);
        notify();
      }
      return report;
    },
    replace(next) {
      data = next;
      globalView = viewOf(data);
      notify();
    },
    addWarning(message) {
      warnings.push(message);
      notify();
    },
    setReadOnly(value) {
      readOnly = value;
      notify();
    },
  };
  return store;
}
