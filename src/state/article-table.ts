// Per-article reading state held as columns (one typed array per field, rows in the order ids
// were first seen) instead of one object per article: loading 100k articles is then a handful of
// array copies, and an id -> row hash index built in a few milliseconds (a Map of 100k fresh
// strings costs 15-50 ms of CPU to build). ArticleState objects are made on demand by get(): each
// is a snapshot of that moment, which later changes leave as it was.
import {emptyArticleState, type ArticleState} from './store.js';

export type ArticleField = 'read' | 'starred' | 'position' | 'leader';
export const ARTICLE_FIELDS: readonly ArticleField[] = ['read', 'starred', 'position', 'leader'];

/** The columns of a table, each exactly `ids.length` long (what the file layout holds). */
export interface ArticleColumns {
  ids: string[];
  read: Uint8Array;
  readAt: Float64Array;
  starred: Uint8Array;
  starredAt: Float64Array;
  position: Float64Array;
  positionAt: Float64Array;
  leader: (string | null)[];
  leaderAt: Float64Array;
}

/** FNV-1a over UTF-16 code units, then murmur3's finaliser: FNV's low bits alone cluster. */
function hashId(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Open addressing with linear probing over an Int32Array of row + 1 (0 = empty), kept at most
 * half full. Rows are never removed, so no tombstones are needed.
 */
export class IdIndex {
  private slots: Int32Array;
  private mask: number;
  private count = 0;

  constructor(expected = 0) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.slots = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  /** Row of `id` in `ids`, or -1. */
  find(ids: readonly string[], id: string): number {
    for (let i = hashId(id) & this.mask; ; i = (i + 1) & this.mask) {
      const slot = this.slots[i]!;
      if (slot === 0) return -1;
      if (ids[slot - 1] === id) return slot - 1;
    }
  }

  /** Adds `row` (whose id is `ids[row]`) unless that id is present; returns the row holding the id. */
  add(ids: readonly string[], row: number): number {
    if ((this.count + 1) * 2 > this.slots.length) this.grow(ids);
    const id = ids[row]!;
    for (let i = hashId(id) & this.mask; ; i = (i + 1) & this.mask) {
      const slot = this.slots[i]!;
      if (slot === 0) {
        this.slots[i] = row + 1;
        this.count++;
        return row;
      }
      if (ids[slot - 1] === id) return slot - 1;
    }
  }

  clone(): IdIndex {
    const copy = new IdIndex();
    copy.slots = this.slots.slice();
    copy.mask = this.mask;
    copy.count = this.count;
    return copy;
  }

  private grow(ids: readonly string[]): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.mask = this.slots.length - 1;
    for (const slot of old) {
      if (slot === 0) continue;
      let i = hashId(ids[slot - 1]!) & this.mask;
      while (this.slots[i] !== 0) i = (i + 1) & this.mask;
      this.slots[i] = slot;
    }
  }
}

const grown = <T extends Uint8Array | Float64Array>(array: T, capacity: number): T => {
  const next = new (array.constructor as new (n: number) => T)(capacity);
  next.set(array);
  return next;
};

export class ArticleTable implements Iterable<[string, ArticleState]> {
  private ids: string[];
  private index: IdIndex;
  private read: Uint8Array;
  private readAt: Float64Array;
  private starred: Uint8Array;
  private starredAt: Float64Array;
  private position: Float64Array;
  private positionAt: Float64Array;
  private leader: (string | null)[];
  private leaderAt: Float64Array;

  /** Empty, or over `columns` (taken, not copied; ids must be unique). */
  constructor(columns?: ArticleColumns, index?: IdIndex) {
    const c = columns ?? emptyColumns(0);
    this.ids = c.ids;
    this.read = c.read;
    this.readAt = c.readAt;
    this.starred = c.starred;
    this.starredAt = c.starredAt;
    this.position = c.position;
    this.positionAt = c.positionAt;
    this.leader = c.leader;
    this.leaderAt = c.leaderAt;
    if (index) this.index = index;
    else {
      this.index = new IdIndex(c.ids.length);
      for (let row = 0; row < c.ids.length; row++) {
        if (this.index.add(c.ids, row) !== row) throw new Error(`ArticleTable: duplicate id ${JSON.stringify(c.ids[row])}`);
      }
    }
  }

  get size(): number {
    return this.ids.length;
  }

  /** Row of `id`, or -1. */
  rowOf(id: string): number {
    return this.index.find(this.ids, id);
  }

  idAt(row: number): string {
    return this.ids[row]!;
  }

  has(id: string): boolean {
    return this.rowOf(id) >= 0;
  }

  get(id: string): ArticleState | undefined {
    const row = this.rowOf(id);
    return row < 0 ? undefined : this.stateAt(row);
  }

  /** The state of a row, as a new object. */
  stateAt(row: number): ArticleState {
    return {
      read: this.read[row] === 1,
      readAt: this.readAt[row]!,
      starred: this.starred[row] === 1,
      starredAt: this.starredAt[row]!,
      position: this.position[row]!,
      positionAt: this.positionAt[row]!,
      leader: this.leader[row]!,
      leaderAt: this.leaderAt[row]!,
    };
  }

  /** Value of one field at a row (booleans for read/starred). */
  value(row: number, field: ArticleField): boolean | number | string | null {
    switch (field) {
      case 'read':
        return this.read[row] === 1;
      case 'starred':
        return this.starred[row] === 1;
      case 'position':
        return this.position[row]!;
      case 'leader':
        return this.leader[row]!;
    }
  }

  /** Time of the last change of one field at a row; 0 = never set. */
  stamp(row: number, field: ArticleField): number {
    return this.stampsOf(field)[row]!;
  }

  /** The stamp column of a field (its current buffer: may be longer than `size`). */
  private stampsOf(field: ArticleField): Float64Array {
    switch (field) {
      case 'read':
        return this.readAt;
      case 'starred':
        return this.starredAt;
      case 'position':
        return this.positionAt;
      case 'leader':
        return this.leaderAt;
    }
  }

  /** Row of `id`, appended (all fields never set) when absent. */
  ensure(id: string): number {
    const row = this.rowOf(id);
    if (row >= 0) return row;
    const next = this.ids.length;
    if (next === this.readAt.length) this.reserve(Math.max(16, next * 2));
    this.ids.push(id);
    this.leader.push(null);
    this.index.add(this.ids, next);
    return next;
  }

  /** Sets one field of a row (the value must suit the field). */
  setField(row: number, field: ArticleField, value: boolean | number | string | null, at: number): void {
    switch (field) {
      case 'read':
        this.read[row] = value ? 1 : 0;
        break;
      case 'starred':
        this.starred[row] = value ? 1 : 0;
        break;
      case 'position':
        this.position[row] = value as number;
        break;
      case 'leader':
        this.leader[row] = value as string | null;
        break;
    }
    this.stampsOf(field)[row] = at;
  }

  /** Replaces the whole state of `id`. */
  set(id: string, s: ArticleState): this {
    const row = this.ensure(id);
    for (const f of ARTICLE_FIELDS) this.setField(row, f, s[f], s[`${f}At`]);
    return this;
  }

  *keys(): IterableIterator<string> {
    for (let row = 0; row < this.ids.length; row++) yield this.ids[row]!;
  }

  *values(): IterableIterator<ArticleState> {
    for (let row = 0; row < this.ids.length; row++) yield this.stateAt(row);
  }

  *entries(): IterableIterator<[string, ArticleState]> {
    for (let row = 0; row < this.ids.length; row++) yield [this.ids[row]!, this.stateAt(row)];
  }

  [Symbol.iterator](): IterableIterator<[string, ArticleState]> {
    return this.entries();
  }

  /** Views of the columns, exactly `size` long (for serialising; do not modify). */
  columns(): ArticleColumns {
    const n = this.ids.length;
    return {
      ids: this.ids,
      read: this.read.subarray(0, n),
      readAt: this.readAt.subarray(0, n),
      starred: this.starred.subarray(0, n),
      starredAt: this.starredAt.subarray(0, n),
      position: this.position.subarray(0, n),
      positionAt: this.positionAt.subarray(0, n),
      leader: this.leader,
      leaderAt: this.leaderAt.subarray(0, n),
    };
  }

  /** Counts for `briefing state`. */
  counts(): {read: number; starred: number} {
    let read = 0;
    let starred = 0;
    for (let row = 0; row < this.ids.length; row++) {
      read += this.read[row]!;
      starred += this.starred[row]!;
    }
    return {read, starred};
  }

  clone(): ArticleTable {
    const c = this.columns();
    const copy: ArticleColumns = {
      ids: c.ids.slice(),
      read: c.read.slice(),
      readAt: c.readAt.slice(),
      starred: c.starred.slice(),
      starredAt: c.starredAt.slice(),
      position: c.position.slice(),
      positionAt: c.positionAt.slice(),
      leader: c.leader.slice(),
      leaderAt: c.leaderAt.slice(),
    };
    return new ArticleTable(copy, this.index.clone());
  }

  static from(entries: Iterable<readonly [string, ArticleState]>): ArticleTable {
    const table = new ArticleTable();
    for (const [id, s] of entries) table.set(id, s);
    return table;
  }

  private reserve(capacity: number): void {
    this.read = grown(this.read, capacity);
    this.readAt = grown(this.readAt, capacity);
    this.starred = grown(this.starred, capacity);
    this.starredAt = grown(this.starredAt, capacity);
    this.position = grown(this.position, capacity);
    this.positionAt = grown(this.positionAt, capacity);
    this.leaderAt = grown(this.leaderAt, capacity);
  }
}

/** Columns for `n` articles with every field never set (ids left empty for the caller to fill). */
export function emptyColumns(n: number): ArticleColumns {
  return {
    ids: [],
    read: new Uint8Array(n),
    readAt: new Float64Array(n),
    starred: new Uint8Array(n),
    starredAt: new Float64Array(n),
    position: new Float64Array(n),
    positionAt: new Float64Array(n),
    leader: new Array<string | null>(n).fill(null),
    leaderAt: new Float64Array(n),
  };
}

/** The blank state (every field never set), shared and never mutated. */
export const BLANK: Readonly<ArticleState> = Object.freeze(emptyArticleState());
