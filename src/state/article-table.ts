// Per-article reading state held as columns (one typed array per field, rows in the order ids
// were first seen) instead of one object per article: loading 100k articles is then a handful of
// array copies, and an id -> row hash index built in a few milliseconds (a Map of 100k fresh
// strings costs 15-50 ms of CPU to build). ArticleState objects are made on demand by get(): each
// is a snapshot of that moment, which later changes leave as it was.
import {emptyArticleState, type ArticleState} from './store.js';

export type ArticleField = 'read' | 'starred' | 'position' | 'leader';
export const ARTICLE_FIELDS: readonly ArticleField[] = ['read', 'starred', 'position', 'leader'];

/** Rows per chunk of change counting: a writer re-encodes only the chunks that changed. */
export const CHUNK_ROWS = 4096;

/** The columns of a table, each exactly `ids.length` long (what the file layout holds). */
export interface ArticleColumns {
  ids: IdList;
  read: Uint8Array;
  readAt: Float64Array;
  starred: Uint8Array;
  starredAt: Float64Array;
  position: Float64Array;
  positionAt: Float64Array;
  leader: (string | null)[];
  leaderAt: Float64Array;
}

/** FNV-1a over UTF-16 code units of text[from, from + length), then murmur3's finaliser (FNV's low bits alone cluster). */
function hashRange(text: string, from: number, length: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < from + length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The ids of a table, append-only. Ids loaded from a file where all have one length stay packed
 * in the one string the file held (no string per id is made until asked for: 100k strings from
 * JSON.parse cost more in parsing and garbage collection than the rest of the load); later ids
 * are kept in a list.
 */
export class IdList {
  readonly packedCount: number;

  /** `packed`: ids of `width` characters each, back to back; `rest`: the ids after them. */
  constructor(
    readonly packed = '',
    readonly width = 0,
    private readonly rest: string[] = [],
  ) {
    this.packedCount = width > 0 ? packed.length / width : 0;
  }

  static of(ids: readonly string[]): IdList {
    return new IdList('', 0, [...ids]);
  }

  get length(): number {
    return this.packedCount + this.rest.length;
  }

  at(row: number): string {
    return row < this.packedCount ? this.packed.slice(row * this.width, (row + 1) * this.width) : this.rest[row - this.packedCount]!;
  }

  equals(row: number, id: string): boolean {
    if (row >= this.packedCount) return this.rest[row - this.packedCount] === id;
    return id.length === this.width && this.packed.startsWith(id, row * this.width);
  }

  hashAt(row: number): number {
    if (row < this.packedCount) return hashRange(this.packed, row * this.width, this.width);
    const id = this.rest[row - this.packedCount]!;
    return hashRange(id, 0, id.length);
  }

  push(id: string): void {
    this.rest.push(id);
  }

  /**
   * How many leading rows hold the same ids here and in `other`, as far as can be told cheaply
   * (one comparison of the packed strings); 0 when unsure.
   */
  alignedRows(other: IdList): number {
    if (this.width === 0 || this.width !== other.width) return 0;
    const end = Math.min(this.packedCount, other.packedCount) * this.width;
    return end > 0 && this.packed.slice(0, end) === other.packed.slice(0, end) ? end / this.width : 0;
  }

  /** The common length of every id, or 0 when they differ (or there are none). */
  uniformWidth(): number {
    const w = this.packedCount > 0 ? this.width : (this.rest[0]?.length ?? 0);
    return this.rest.every((id) => id.length === w) ? w : 0;
  }

  /** Every id back to back (for a uniform width). */
  joined(): string {
    return this.packed + this.rest.join('');
  }

  toArray(): string[] {
    const out = new Array<string>(this.length);
    for (let row = 0; row < out.length; row++) out[row] = this.at(row);
    return out;
  }

  clone(): IdList {
    return new IdList(this.packed, this.width, this.rest.slice());
  }
}

/**
 * id -> row: open addressing with linear probing over an Int32Array of row + 1 (0 = empty), kept
 * at most half full, with each slot's hash beside it so that ids are compared only when their
 * hashes match and growing never rehashes a string. Rows are never removed: no tombstones.
 */
export class IdIndex {
  private slots: Int32Array;
  private hashes: Int32Array;
  private mask: number;
  private count = 0;

  constructor(expected = 0) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.slots = new Int32Array(capacity);
    this.hashes = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  /**
   * The index of every row of `ids` at once; `duplicate(row, first)` is told of each row whose id
   * an earlier row has. One function with the hashing inlined: it is optimised once, early (100k
   * calls of add() run interpreted for a good part of a cold load).
   */
  static build(ids: IdList, duplicate: (row: number, first: number) => void): IdIndex {
    const n = ids.length;
    const index = new IdIndex(n);
    const {slots, hashes, mask} = index;
    const {packed, width, packedCount} = ids;
    let count = 0;
    for (let row = 0; row < n; row++) {
      // FNV-1a and murmur3's finaliser, as hashRange; packed ids are hashed where they lie.
      let h = 0x811c9dc5;
      if (row < packedCount) {
        for (let c = row * width, end = c + width; c < end; c++) h = Math.imul(h ^ packed.charCodeAt(c), 0x01000193);
      } else {
        const id = ids.at(row);
        for (let c = 0; c < id.length; c++) h = Math.imul(h ^ id.charCodeAt(c), 0x01000193);
      }
      h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
      h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
      h ^= h >>> 16;
      let i = h & mask;
      for (; slots[i] !== 0; i = (i + 1) & mask) {
        if (hashes[i] === h && ids.equals(slots[i]! - 1, ids.at(row))) break;
      }
      if (slots[i] === 0) {
        slots[i] = row + 1;
        hashes[i] = h;
        count++;
      } else duplicate(row, slots[i]! - 1);
    }
    index.count = count;
    return index;
  }

  /** Row of `id` among `ids`, or -1. */
  find(ids: IdList, id: string): number {
    const h = hashRange(id, 0, id.length) | 0;
    for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
      const slot = this.slots[i]!;
      if (slot === 0) return -1;
      if (this.hashes[i] === h && ids.equals(slot - 1, id)) return slot - 1;
    }
  }

  /** Adds `row` unless its id is present already; returns the row holding the id. */
  add(ids: IdList, row: number): number {
    if ((this.count + 1) * 2 > this.slots.length) this.grow();
    const h = ids.hashAt(row) | 0;
    for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
      const slot = this.slots[i]!;
      if (slot === 0) {
        this.slots[i] = row + 1;
        this.hashes[i] = h;
        this.count++;
        return row;
      }
      if (this.hashes[i] === h && ids.equals(slot - 1, ids.at(row))) return slot - 1;
    }
  }

  clone(): IdIndex {
    const copy = new IdIndex();
    copy.slots = this.slots.slice();
    copy.hashes = this.hashes.slice();
    copy.mask = this.mask;
    copy.count = this.count;
    return copy;
  }

  private grow(): void {
    const {slots, hashes} = this;
    this.slots = new Int32Array(slots.length * 2);
    this.hashes = new Int32Array(slots.length * 2);
    this.mask = this.slots.length - 1;
    for (let j = 0; j < slots.length; j++) {
      if (slots[j] === 0) continue;
      let i = hashes[j]! & this.mask;
      while (this.slots[i] !== 0) i = (i + 1) & this.mask;
      this.slots[i] = slots[j]!;
      this.hashes[i] = hashes[j]!;
    }
  }
}

const grown = <T extends Uint8Array | Float64Array>(array: T, capacity: number): T => {
  const next = new (array.constructor as new (n: number) => T)(capacity);
  next.set(array);
  return next;
};

export class ArticleTable implements Iterable<[string, ArticleState]> {
  private ids: IdList;
  private index: IdIndex;
  private read: Uint8Array;
  private readAt: Float64Array;
  private starred: Uint8Array;
  private starredAt: Float64Array;
  private position: Float64Array;
  private positionAt: Float64Array;
  private leader: (string | null)[];
  private leaderAt: Float64Array;
  /** Per field, how many times each chunk of CHUNK_ROWS rows changed. */
  private readonly changes: Record<ArticleField, number[]> = {read: [], starred: [], position: [], leader: []};

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
    this.index =
      index ??
      IdIndex.build(c.ids, (row) => {
        throw new Error(`ArticleTable: duplicate id ${JSON.stringify(c.ids.at(row))}`);
      });
  }

  get size(): number {
    return this.ids.length;
  }

  /** Row of `id`, or -1. */
  rowOf(id: string): number {
    return this.index.find(this.ids, id);
  }

  idAt(row: number): string {
    return this.ids.at(row);
  }

  /** Is `id` the id of `row`? (No string is made for a packed id.) */
  idEquals(row: number, id: string): boolean {
    return row < this.ids.length && this.ids.equals(row, id);
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

  /** A number that changes whenever a row of the chunk changes in `field`. */
  chunkVersion(field: ArticleField, chunk: number): number {
    return this.changes[field][chunk] ?? 0;
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
    const counts = this.changes[field];
    const chunk = Math.floor(row / CHUNK_ROWS);
    while (counts.length <= chunk) counts.push(0);
    counts[chunk]!++;
  }

  /** Replaces the whole state of `id`. */
  set(id: string, s: ArticleState): this {
    const row = this.ensure(id);
    for (const f of ARTICLE_FIELDS) this.setField(row, f, s[f], s[`${f}At`]);
    return this;
  }

  *keys(): IterableIterator<string> {
    for (let row = 0; row < this.ids.length; row++) yield this.ids.at(row);
  }

  *values(): IterableIterator<ArticleState> {
    for (let row = 0; row < this.ids.length; row++) yield this.stateAt(row);
  }

  *entries(): IterableIterator<[string, ArticleState]> {
    for (let row = 0; row < this.ids.length; row++) yield [this.ids.at(row), this.stateAt(row)];
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
      ids: c.ids.clone(),
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
    ids: new IdList(),
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
