// The parsed-article cache: a folder in the user's cache dir holding
//   manifest.json          which file (folder, name, size, mtime, inode) had which content hash, and where the
//                          record of each content hash lives (shard, head and body ranges, crc32 of each);
//   shard-ID.heads         the heads of the records (cache-record.ts), one per line, ASCII: what a start needs;
//   shard-ID.rests         the rest of each head: people, countries, organisations, quotes and summary;
//   shard-ID.strings       the shard's string table (a JSON array), which the heads refer to by number;
//   shard-ID.bodies        their bodies (paragraphs and quote texts), one per line.
//   KIND-KEY.bin           what the corpus derives from a set of articles (DerivedStore): term index, merged
//                          people, duplicates, search vocabulary.
// Heads are read at load, a heads file in one read, and decoded into articles whose `paragraphs` and quote
// `text` read the body, and whose people, countries, organisations, quotes and summary read the rest of the
// head, when first used (through descriptors kept open; a shard's rests whole once many are wanted): a warm
// start reads a fortieth of the bytes and decodes a few fields per article.
// An unchanged file is found by its stat alone (no read, no hash); a changed stat costs a read and a
// hash, and a parse only when the content is new. Records are verified (range, crc32, JSON, shape)
// before use: a damaged or foreign cache is rebuilt, never trusted and never fatal. Files are written
// to a temp name and renamed, so a crash or a second process leaves a consistent (if older) cache.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import envPaths from 'env-paths';
import {asciiJson, decodeBody, decodeHead, Interner, storedHead, StringTable, type Body, type BodySource, type CachedResult} from './cache-record.js';
import type {Article} from '../types.js';

export {decodeResult, encodeResult, type CachedResult, type EncodedResult} from './cache-record.js';

/** Bump when the layout of manifest.json or of the records changes. */
// 4: format 3 wrote the first record of each shard with string numbers into the previous (or an empty) table.
// 5: a head is two JSON arrays split by a tab (what a start reads, then the rest).
// 6: the manifest's records and files are columns (an array per field), not an array per record and per file.
// 7: the second part of each head in its own file (shard-ID.rests).
const FORMAT = 7;
/** A shard is closed and a new one started past this size (heads and bodies together). */
const SHARD_BYTES = 64 * 1024 * 1024;
/** New records are written in chunks of about this size (not two writes per record). */
const WRITE_CHUNK = 1024 * 1024;
/** Shards nobody references are deleted only when older than this (another process may be writing one). */
const ORPHAN_AGE_MS = 10 * 60 * 1000;
const SHARD_ID = /^shard-[\w-]+$/;
const HEADS = '.heads';
const BODIES = '.bodies';
const STRINGS = '.strings';
const RESTS = '.rests';
const EXTENSIONS = [HEADS, BODIES, STRINGS, RESTS];
/** Rests read one by one from a shard before the whole file is read at once (a corpus derived afresh reads all). */
const RESTS_ONE_BY_ONE = 256;
/** Stored derived data (DerivedStore): `KIND-KEY.bin`, the newest few of each kind kept. */
const DERIVED_EXT = '.bin';
const DERIVED_KEPT = 4;

/** What identifies a file's current state without reading it. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ino: number;
}

export interface Span {
  offset: number;
  length: number;
  crc: number;
}

/** Where a new record went (ShardWriter.append). */
export interface RecordLoc {
  shard: string;
  head: Span;
  /** Null for a ParseError. */
  body: Span | null;
  rest: Span | null;
}

/** The records, column by column (record k is entry k of each): a start holds no object per record. */
interface RecordColumns {
  hash: string[];
  /** Index into Manifest.shards (in memory: into ArticleCache.shardNames). */
  shard: number[];
  headOffset: number[];
  headLength: number[];
  headCrc: number[];
  /** -1, 0, 0 for a ParseError (no body, no rest). */
  bodyOffset: number[];
  bodyLength: number[];
  bodyCrc: number[];
  restOffset: number[];
  restLength: number[];
  restCrc: number[];
}

/** The files of one folder, column by column; `record` indexes RecordColumns. */
interface FolderColumns {
  names: string[];
  size: number[];
  mtimeMs: number[];
  ino: number[];
  record: number[];
}

/** [shard, string table length, string table crc32] */
type ShardRow = [string, number, number];

interface Manifest {
  format: number;
  version: string;
  shards: ShardRow[];
  records: RecordColumns;
  /** Files by folder (absolute), so 100k paths do not repeat their folder. */
  dirs: Array<[string, FolderColumns]>;
}

const RECORD_NUMBERS = ['shard', 'headOffset', 'headLength', 'headCrc', 'bodyOffset', 'bodyLength', 'bodyCrc', 'restOffset', 'restLength', 'restCrc'] as const;
const FOLDER_NUMBERS = ['size', 'mtimeMs', 'ino', 'record'] as const;

function emptyRecords(): RecordColumns {
  return {hash: [], shard: [], headOffset: [], headLength: [], headCrc: [], bodyOffset: [], bodyLength: [], bodyCrc: [], restOffset: [], restLength: [], restCrc: []};
}

function emptyFolder(): FolderColumns {
  return {names: [], size: [], mtimeMs: [], ino: [], record: []};
}

export interface CacheLocationOptions {
  /** `--cache-dir DIR` */
  cacheDir?: string;
  /** `--no-cache` */
  noCache?: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** The cache folder to use, or null when caching is off. `--cache-dir` > BRIEFING_CACHE_DIR > the user's cache dir. */
export function resolveCacheDir(options: CacheLocationOptions): string | null {
  if (options.noCache) return null;
  const given = options.cacheDir ?? options.env.BRIEFING_CACHE_DIR;
  if (given) return path.resolve(options.cwd, given);
  return envPaths('briefing', {suffix: ''}).cache;
}

/** The content hash that keys a record. */
export function contentHash(bytes: Uint8Array): string {
  // the one-shot hash: no Hash object and its JS wrappers per file (Node >= 20.12)
  return crypto.hash('sha1', bytes, 'hex');
}


const isString = (x: unknown): x is string => typeof x === 'string';
const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** The files of a folder: the columns and, per file name, its position in them. */
interface Folder {
  cols: FolderColumns;
  at: Map<string, number>;
}

interface ParsedManifest {
  shards: string[];
  tables: Map<string, Span>;
  records: RecordColumns;
  folders: Map<string, Folder>;
}

const allNumbers = (x: unknown, length: number): x is number[] => Array.isArray(x) && x.length === length && x.every(isNumber);
const allIndexes = (x: number[], limit: number): boolean => x.every((v) => Number.isInteger(v) && v >= 0 && v < limit);

function parseManifest(text: string, version: string): ParsedManifest | string {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return 'manifest is not valid JSON';
  }
  const m = data as Partial<Manifest> | null;
  if (!m || typeof m !== 'object' || m.format !== FORMAT) return 'manifest has another format';
  if (m.version !== version) return 'made by another parser version';
  if (!Array.isArray(m.dirs) || !m.records || typeof m.records !== 'object' || !Array.isArray(m.shards)) return 'manifest is incomplete';
  const tables = new Map<string, Span>();
  const shards: string[] = [];
  for (const t of m.shards) {
    if (!Array.isArray(t) || !isString(t[0]) || !isNumber(t[1]) || !isNumber(t[2])) return 'manifest has a malformed shard';
    if (!SHARD_ID.test(t[0])) return 'manifest names a foreign file';
    tables.set(t[0], {offset: 0, length: t[1], crc: t[2]});
    shards.push(t[0]);
  }
  const records = m.records;
  const n = Array.isArray(records.hash) ? records.hash.length : -1;
  if (n < 0 || !records.hash.every(isString) || !RECORD_NUMBERS.every((k) => allNumbers(records[k], n)) || !allIndexes(records.shard, shards.length)) {
    return 'manifest has a malformed record';
  }
  const folders = new Map<string, Folder>();
  for (const d of m.dirs) {
    const cols = Array.isArray(d) ? (d[1] as Partial<FolderColumns> | undefined) : undefined;
    const count = cols && Array.isArray(cols.names) ? cols.names.length : -1;
    if (!isString(d[0]) || !cols || count < 0 || !cols.names!.every(isString) || !FOLDER_NUMBERS.every((k) => allNumbers(cols[k], count))) {
      return 'manifest has a malformed folder';
    }
    if (!allIndexes(cols.record!, n)) return 'manifest has a malformed file entry';
    const at = new Map<string, number>();
    for (let k = 0; k < count; k++) at.set(cols.names![k]!, k);
    folders.set(d[0], {cols: cols as FolderColumns, at});
  }
  return {shards, tables, records, folders};
}

function writeAtomic(file: string, data: string | Uint8Array): void {
  const temp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  try {
    fs.writeFileSync(temp, data);
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, {force: true});
    throw error;
  }
}

/** One file being appended to: lines are written (encoded) straight into a buffer, which goes to the file a megabyte
 *  at a time (no bytes per record to make, gather and copy again). */
class Appender {
  private readonly fd: number;
  private buffer = Buffer.allocUnsafeSlow(WRITE_CHUNK);
  private used = 0;
  size = 0;

  constructor(readonly temp: string, readonly final: string) {
    this.fd = fs.openSync(temp, 'w');
  }

  /** Adds a line: bytes, or text written as UTF-8 (`latin1` for text known to be ASCII: one byte per character);
   *  returns its span (the bytes without the newline). */
  line(data: Uint8Array | string, encoding: 'utf8' | 'latin1' = 'utf8'): Span {
    const most = typeof data !== 'string' ? data.length : encoding === 'latin1' ? data.length : Buffer.byteLength(data, 'utf8');
    if (this.used + most + 1 > this.buffer.length) {
      this.flush();
      if (most + 1 > this.buffer.length) this.buffer = Buffer.allocUnsafeSlow(most + 1);
    }
    const start = this.used;
    let n: number;
    if (typeof data === 'string') n = this.buffer.write(data, start, encoding);
    else this.buffer.set(data, start), (n = data.length);
    this.buffer[start + n] = 10; // \n
    this.used += n + 1;
    const offset = this.size;
    this.size += n + 1;
    return {offset, length: n, crc: zlib.crc32(this.buffer.subarray(start, start + n))};
  }

  flush(): void {
    for (let at = 0; at < this.used;) at += fs.writeSync(this.fd, this.buffer, at, this.used - at);
    this.used = 0;
    // A buffer grown for one huge line goes back to the usual size.
    if (this.buffer.length > WRITE_CHUNK) this.buffer = Buffer.allocUnsafeSlow(WRITE_CHUNK);
  }

  close(): void {
    try {
      this.flush();
    } finally {
      fs.closeSync(this.fd);
    }
  }
}

/** Appends new records to shard files as they arrive, so parsed JSON is not held in memory until save. The main
 *  thread's cache has one (ArticleCache.put); so does each parse worker, which writes the records of what it parses
 *  itself and hands over only where they went (ArticleCache.adopt). */
export class ShardWriter {
  private heads: Appender | null = null;
  private bodies: Appender | null = null;
  private rests: Appender | null = null;
  private id = '';
  private strings: string[] = [];
  private ids = new Map<string, number>();
  /** Closed files: temp name -> final name, renamed into place on commit. */
  private readonly done: Array<[string, string]> = [];
  /** The string table of each shard written. */
  readonly tables = new Map<string, Span>();
  private readonly ref = (s: string): number => {
    let id = this.ids.get(s);
    if (id === undefined) this.ids.set(s, (id = this.strings.push(s) - 1));
    return id;
  };

  constructor(private readonly dir: string, private readonly shardBytes: number) {}

  /** `body`: its bytes, or its JSON text (bodyJson), written as UTF-8; null for a ParseError. */
  append(result: CachedResult, body: Uint8Array | string | null): RecordLoc {
    // A head's numbers refer to the string table of the shard it goes to: encoded again after a rotation, which
    // starts a new table (encoding it before the rotation wrote the first record of every shard with numbers into
    // the previous shard's table: wrong names, or a record refused as damaged). Heads are ASCII (asciiJson).
    const encode = (): [string, string | null] => ('kind' in result ? [asciiJson(result), null] : storedHead(result, this.ref));
    let parts = this.heads && this.bodies && this.rests ? encode() : null;
    const bodyBytes = body === null ? 0 : typeof body === 'string' ? Buffer.byteLength(body, 'utf8') : body.length;
    const size = (): number => this.heads!.size + this.bodies!.size + this.rests!.size;
    if (!parts || size() + parts[0].length + (parts[1]?.length ?? 0) + bodyBytes > this.shardBytes) {
      this.rotate();
      parts = encode();
    }
    const [head, rest] = parts;
    return {
      shard: this.id,
      head: this.heads!.line(head, 'latin1'),
      body: body === null ? null : this.bodies!.line(body),
      rest: rest === null ? null : this.rests!.line(rest, 'latin1'),
    };
  }

  private temp(ext: string): [string, string] {
    return [path.join(this.dir, `${this.id}${ext}.${process.pid}.tmp`), path.join(this.dir, this.id + ext)];
  }

  private rotate(): void {
    this.closeCurrent();
    this.id = `shard-${Date.now().toString(36)}-${crypto.randomBytes(6).toString('hex')}`;
    this.heads = new Appender(...this.temp(HEADS));
    this.bodies = new Appender(...this.temp(BODIES));
    this.rests = new Appender(...this.temp(RESTS));
  }

  private closeCurrent(): void {
    if (!this.heads || !this.bodies || !this.rests) return;
    for (const a of [this.heads, this.bodies, this.rests]) {
      this.done.push([a.temp, a.final]);
      a.close();
    }
    this.heads = this.bodies = this.rests = null;
    const table = encoder.encode(JSON.stringify(this.strings));
    const [temp, final] = this.temp(STRINGS);
    this.done.push([temp, final]);
    fs.writeFileSync(temp, table);
    this.tables.set(this.id, {offset: 0, length: table.length, crc: zlib.crc32(table)});
    this.strings = [];
    this.ids = new Map();
  }

  /** Closes and renames every shard into place (heads last: a heads file never names missing bodies or strings). */
  commit(): void {
    this.closeCurrent();
    const order = this.done.splice(0).sort((a, b) => Number(a[1].endsWith(HEADS)) - Number(b[1].endsWith(HEADS)));
    for (const [temp, final] of order) fs.renameSync(temp, final);
  }

  abort(): void {
    try {
      this.closeCurrent();
    } catch {
      // closing what failed to write; the temp files go below
    }
    for (const [temp] of this.done.splice(0)) fs.rmSync(temp, {force: true});
  }
}

const encoder = new TextEncoder();

export interface CacheRead {
  /** Index (caller's) -> the verified record (sparse). */
  results: Array<CachedResult | undefined>;
  /** Indexes whose record was missing or damaged: parse them again. */
  damaged: number[];
}

/** Records to read: the caller's index of each and its record number (ArticleCache.lookup / record), side by side. */
export interface CacheRequests {
  index: number[];
  record: number[];
}

/** Parses a file again (a damaged body or head found after the load); null when it cannot. */
export type Reparse = (file: string) => Article | null;

/** Bodies files read from, kept open for lazy bodies (a descriptor survives the file's deletion or replacement). */
const openShards = new Map<string, number>();

function shardFd(file: string): number {
  let fd = openShards.get(file);
  if (fd === undefined) {
    fd = fs.openSync(file, 'r');
    openShards.set(file, fd);
  }
  return fd;
}

/** Closes the shards kept open for lazy bodies (tests; a long-lived process that reloads). */
export function closeShards(): void {
  for (const fd of openShards.values()) fs.closeSync(fd);
  openShards.clear();
}

/** Whether a range lies inside a file of this size. */
const fits = (offset: number, length: number, size: number): boolean => offset >= 0 && length > 0 && offset + length <= size;

function readSpan(fd: number, offset: number, length: number, crc: number): Buffer | null {
  const bytes = Buffer.allocUnsafe(length);
  if (fs.readSync(fd, bytes, 0, length, offset) !== length) return null;
  return zlib.crc32(bytes) === crc ? bytes : null;
}

/** The bodies and the rests of a shard's heads (record numbers index `records`), read when first wanted; a record
 *  parsed again from its file if its bytes turn out damaged. */
class ShardBodies implements BodySource {
  private restsRead = 0;
  /** The whole rests file once many rests were wanted. */
  private allRests: Buffer | null = null;
  constructor(
    private readonly fd: number,
    private readonly restFd: number,
    private readonly records: RecordColumns,
    readonly reparse: Reparse,
  ) {}

  rest(record: number): Buffer | null {
    const r = this.records;
    const offset = r.restOffset[record]!;
    const length = r.restLength[record]!;
    try {
      if (!this.allRests && ++this.restsRead > RESTS_ONE_BY_ONE) {
        const size = fs.fstatSync(this.restFd).size;
        const whole = Buffer.allocUnsafeSlow(size);
        if (fs.readSync(this.restFd, whole, 0, size, 0) === size) this.allRests = whole;
      }
      if (this.allRests) {
        if (!fits(offset, length, this.allRests.length)) return null;
        const bytes = this.allRests.subarray(offset, offset + length);
        return zlib.crc32(bytes) === r.restCrc[record] ? bytes : null;
      }
      return readSpan(this.restFd, offset, length, r.restCrc[record]!);
    } catch {
      return null;
    }
  }

  load(record: number, file: string): Body | null {
    let bytes: Buffer | null = null;
    try {
      const r = this.records;
      bytes = readSpan(this.fd, r.bodyOffset[record]!, r.bodyLength[record]!, r.bodyCrc[record]!);
    } catch {
      // closed or unreadable: parse again
    }
    const body = bytes && decodeBody(bytes);
    if (body) return body;
    const fresh = this.reparse(file);
    return fresh && {paragraphs: fresh.paragraphs, quotes: fresh.quotes.map((q) => q.text)};
  }
}

/** A verified head: bytes [start, end) of `bytes`. */
interface HeadBytes {
  bytes: Buffer;
  start: number;
  end: number;
}

/** The heads of one shard: the whole file in one read when most of it is wanted, else a read per head. */
class HeadsReader {
  private whole: Buffer | null = null;
  readonly size: number;
  private readonly fd: number;

  constructor(file: string, wantedBytes: number) {
    this.fd = fs.openSync(file, 'r');
    try {
      this.size = fs.fstatSync(this.fd).size;
      if (wantedBytes * 2 >= this.size) {
        const whole = Buffer.allocUnsafeSlow(this.size);
        if (fs.readSync(this.fd, whole, 0, this.size, 0) === this.size) this.whole = whole;
      }
    } catch (error) {
      fs.closeSync(this.fd);
      throw error;
    }
  }

  /** Where the verified bytes of a head are, or null. */
  head(offset: number, length: number, crc: number): HeadBytes | null {
    if (!fits(offset, length, this.size)) return null;
    const end = offset + length;
    if (this.whole) return zlib.crc32(this.whole.subarray(offset, end)) === crc ? {bytes: this.whole, start: offset, end} : null;
    const bytes = readSpan(this.fd, offset, length, crc);
    return bytes && {bytes, start: 0, end: bytes.length};
  }

  close(): void {
    fs.closeSync(this.fd);
  }
}

export class ArticleCache {
  /** One line each: why the old cache was set aside (`made by another parser version`). */
  readonly notes: string[] = [];
  /** Shards by number (RecordColumns.shard), and back. */
  private shardNames: string[] = [];
  private shardIds = new Map<string, number>();
  /** Shard -> the range and crc of its string table. */
  private tables = new Map<string, Span>();
  /** Every record ever known this session (numbers stay put); records found damaged are `dead`. */
  private records: RecordColumns = emptyRecords();
  private readonly dead = new Set<number>();
  /** The live records by content hash: made when first needed (a warm start, which finds every file's record by
   *  its folder and name, never needs it). */
  private byHash: Map<string, number> | null = null;
  private get recordOf(): Map<string, number> {
    if (!this.byHash) {
      this.byHash = new Map();
      const hashes = this.records.hash;
      for (let k = 0; k < hashes.length; k++) if (!this.dead.has(k)) this.byHash.set(hashes[k]!, k);
    }
    return this.byHash;
  }
  /** Files by folder and name. */
  private folders = new Map<string, Folder>();
  private writer: ShardWriter | null = null;
  private dirty = false;
  private writable = true;

  private constructor(readonly dir: string, readonly version: string, readonly shardBytes: number) {}

  /** Opens (never fails): a missing, unreadable or damaged manifest gives an empty cache and a note. */
  /** `shardBytes`: where a new shard is started (tests make it small). */
  static open(dir: string, version: string, shardBytes = SHARD_BYTES): ArticleCache {
    const cache = new ArticleCache(dir, version, shardBytes);
    let text: string | null = null;
    try {
      text = fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') cache.notes.push(`cache ${dir}: cannot read manifest (${(error as NodeJS.ErrnoException).code ?? 'error'}), rebuilding`);
    }
    if (text !== null) {
      const parsed = parseManifest(text, version);
      if (typeof parsed === 'string') {
        // A version or format change is routine; only damage is worth a note.
        if (parsed !== 'made by another parser version' && parsed !== 'manifest has another format') cache.notes.push(`cache ${dir}: ${parsed}, rebuilding`);
        cache.dirty = true;
      } else {
        cache.shardNames = parsed.shards;
        parsed.shards.forEach((id, k) => cache.shardIds.set(id, k));
        cache.tables = parsed.tables;
        cache.records = parsed.records;
        cache.folders = parsed.folders;
      }
    }
    return cache;
  }

  get size(): number {
    return this.recordOf.size;
  }

  /** The last folder looked up (files come folder by folder). */
  private lastFolder: [string, Folder | undefined] = ['', undefined];

  /** The record number of this file's content if its stat is unchanged and its record is known, else -1. */
  lookup(absolutePath: string, stamp: FileStamp): number {
    const cut = absolutePath.lastIndexOf(path.sep);
    // The folder as path.dirname gives it (the root keeps its separator).
    const dir = cut > 0 ? absolutePath.slice(0, cut) : path.dirname(absolutePath);
    if (this.lastFolder[0] !== dir) this.lastFolder = [dir, this.folders.get(dir)];
    const folder = this.lastFolder[1];
    const k = folder?.at.get(absolutePath.slice(cut + 1));
    if (!folder || k === undefined) return -1;
    const c = folder.cols;
    if (c.size[k] !== stamp.size || c.mtimeMs[k] !== stamp.mtimeMs || c.ino[k] !== stamp.ino) return -1;
    const record = c.record[k]!;
    return record >= 0 && !this.dead.has(record) ? record : -1;
  }

  /** The live record number of a content hash, or -1. */
  record(hash: string): number {
    return this.recordOf.get(hash) ?? -1;
  }

  has(hash: string): boolean {
    return this.recordOf.has(hash);
  }

  /** Every known content hash (for workers, so they skip parsing content already cached). */
  hashes(): string[] {
    return [...this.recordOf.keys()];
  }

  /** Records that a file (at this stat) has this content hash, whose record exists. */
  remember(absolutePath: string, stamp: FileStamp, hash: string): void {
    const record = this.recordOf.get(hash);
    if (record === undefined) return;
    const dir = path.dirname(absolutePath);
    const name = path.basename(absolutePath);
    let folder = this.folders.get(dir);
    if (!folder) {
      this.folders.set(dir, (folder = {cols: emptyFolder(), at: new Map()}));
      this.lastFolder = ['', undefined];
    }
    const c = folder.cols;
    let k = folder.at.get(name);
    if (k === undefined) {
      folder.at.set(name, (k = c.names.push(name) - 1));
      c.size.push(0), c.mtimeMs.push(0), c.ino.push(0), c.record.push(-1);
    } else if (c.record[k] === record && c.size[k] === stamp.size && c.mtimeMs[k] === stamp.mtimeMs && c.ino[k] === stamp.ino) {
      return;
    }
    c.size[k] = stamp.size;
    c.mtimeMs[k] = stamp.mtimeMs;
    c.ino[k] = stamp.ino;
    c.record[k] = record;
    this.dirty = true;
  }

  /** Stores a new record (a parse result and its encoded body) and remembers the file. */
  put(absolutePath: string, stamp: FileStamp, hash: string, result: CachedResult, body: Uint8Array | null): void {
    if (!this.writable) return;
    if (!this.recordOf.has(hash)) {
      let loc: RecordLoc;
      try {
        if (!this.writer) {
          fs.mkdirSync(this.dir, {recursive: true});
          this.writer = new ShardWriter(this.dir, this.shardBytes);
        }
        loc = this.writer.append(result, body);
      } catch (error) {
        this.writable = false;
        this.notes.push(`cache ${this.dir}: cannot write (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}), continuing without it`);
        this.writer?.abort();
        this.writer = null;
        return;
      }
      this.pushRecord(hash, loc);
    }
    this.remember(absolutePath, stamp, hash);
  }

  /** Takes in a record another writer (a parse worker's ShardWriter, committed) stored in a shard of this folder, and
   *  remembers the file. `table`: that shard's string table. Returns the record's number (an earlier record of the
   *  same content if there is one), or -1 when the cache is not writable. */
  adopt(absolutePath: string, stamp: FileStamp, hash: string, loc: RecordLoc, table: Span): number {
    if (!this.writable) return -1;
    let record = this.recordOf.get(hash);
    if (record === undefined) {
      this.tables.set(loc.shard, table);
      record = this.pushRecord(hash, loc);
    }
    this.remember(absolutePath, stamp, hash);
    return record;
  }

  /** Adds a record at `loc` (its shard numbered on first sight); returns its number. */
  private pushRecord(hash: string, loc: RecordLoc): number {
    let shard = this.shardIds.get(loc.shard);
    if (shard === undefined) this.shardIds.set(loc.shard, (shard = this.shardNames.push(loc.shard) - 1));
    const r = this.records;
    const record = r.hash.push(hash) - 1;
    this.recordOf.set(hash, record);
    r.shard.push(shard);
    r.headOffset.push(loc.head.offset), r.headLength.push(loc.head.length), r.headCrc.push(loc.head.crc);
    r.bodyOffset.push(loc.body?.offset ?? -1), r.bodyLength.push(loc.body?.length ?? 0), r.bodyCrc.push(loc.body?.crc ?? 0);
    r.restOffset.push(loc.rest?.offset ?? -1), r.restLength.push(loc.rest?.length ?? 0), r.restCrc.push(loc.rest?.crc ?? 0);
    return record;
  }

  /** Reads, verifies and decodes the heads of many records at once, a shard at a time; bodies come later, lazily.
   *  `fileOf`: the file a request's record stands for (parsed again if its body or head turns out damaged later). */
  read(requests: CacheRequests, fileOf: (index: number) => string, reparse: Reparse): CacheRead {
    const results: Array<CachedResult | undefined> = [];
    const damaged: number[] = [];
    const r = this.records;
    // Per shard, the positions of its requests.
    const byShard = new Map<number, number[]>();
    for (let k = 0; k < requests.index.length; k++) {
      const shard = r.shard[requests.record[k]!]!;
      let list = byShard.get(shard);
      if (!list) byShard.set(shard, (list = []));
      list.push(k);
    }
    const bad = new Set<number>();
    const interner = new Interner();
    for (const [shardNumber, list] of byShard) {
      const shard = this.shardNames[shardNumber]!;
      let heads: HeadsReader;
      let bodySize: number;
      let restSize: number;
      let strings: StringTable;
      let bodies: ShardBodies;
      try {
        strings = this.strings(shard, interner);
        const bodyFd = shardFd(path.join(this.dir, shard + BODIES));
        const restFd = shardFd(path.join(this.dir, shard + RESTS));
        bodySize = fs.fstatSync(bodyFd).size;
        restSize = fs.fstatSync(restFd).size;
        bodies = new ShardBodies(bodyFd, restFd, r, reparse);
        heads = new HeadsReader(path.join(this.dir, shard + HEADS), list.reduce((n, k) => n + r.headLength[requests.record[k]!]! + 1, 0));
      } catch {
        for (const k of list) damaged.push(requests.index[k]!), bad.add(requests.record[k]!);
        continue;
      }
      try {
        for (const k of list) {
          const index = requests.index[k]!;
          const record = requests.record[k]!;
          const hasBody = r.bodyOffset[record]! >= 0;
          // The ranges of the body and the rest are checked now (their bytes when first read), so a truncated file is
          // caught at load.
          const inside = !hasBody || (fits(r.bodyOffset[record]!, r.bodyLength[record]!, bodySize) && fits(r.restOffset[record]!, r.restLength[record]!, restSize));
          const head = inside ? heads.head(r.headOffset[record]!, r.headLength[record]!, r.headCrc[record]!) : null;
          const result = head && decodeHead(head.bytes, head.start, head.end, strings, bodies, hasBody ? record : -1, fileOf(index));
          if (!result || ('kind' in result) === hasBody) {
            damaged.push(index), bad.add(record);
            continue;
          }
          results[index] = result;
        }
      } finally {
        heads.close();
      }
    }
    if (bad.size) {
      for (const record of bad) {
        this.dead.add(record);
        if (this.byHash?.get(r.hash[record]!) === record) this.byHash.delete(r.hash[record]!);
      }
      this.notes.push(`cache ${this.dir}: ${bad.size} damaged record${bad.size === 1 ? '' : 's'}, re-parsed`);
      this.dirty = true;
    }
    return {results, damaged};
  }

  /** A shard's string table, verified, its strings shared with the other shards'. Throws when missing or damaged. */
  private strings(shard: string, interner: Interner): StringTable {
    const span = this.tables.get(shard);
    if (!span) throw new Error(`${shard}: no string table`);
    const bytes = fs.readFileSync(path.join(this.dir, shard + STRINGS));
    if (bytes.length !== span.length || zlib.crc32(bytes) !== span.crc) throw new Error(`${shard}: damaged string table`);
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    if (!Array.isArray(value)) throw new Error(`${shard}: damaged string table`);
    return new StringTable(value.map((x) => interner.s(x)));
  }

  /** Writes the new shards and the manifest (atomically), and removes shards nothing refers to. Never throws. */
  save(): void {
    if (!this.writable) return;
    if (!this.dirty && !this.writer) return;
    try {
      fs.mkdirSync(this.dir, {recursive: true});
      if (this.writer) {
        this.writer.commit();
        for (const [shard, span] of this.writer.tables) this.tables.set(shard, span);
        this.writer = null;
      }
      // Forget files whose record is gone, and records no file refers to; number what is left afresh.
      const r = this.records;
      const out = emptyRecords();
      const renumbered = new Map<number, number>();
      const shardRows: ShardRow[] = [];
      const shardOut = new Map<number, number>();
      const dirs: Array<[string, FolderColumns]> = [];
      for (const [dir, {cols}] of this.folders) {
        const kept = emptyFolder();
        for (let k = 0; k < cols.names.length; k++) {
          // A file whose record died finds the record stored since for the same content, if any.
          const record = cols.record[k]! < 0 ? undefined : this.dead.has(cols.record[k]!) ? this.recordOf.get(r.hash[cols.record[k]!]!) : cols.record[k];
          if (record === undefined) continue;
          let i = renumbered.get(record);
          if (i === undefined) {
            let shard = shardOut.get(r.shard[record]!);
            if (shard === undefined) {
              const name = this.shardNames[r.shard[record]!]!;
              const span = this.tables.get(name);
              if (!span) continue;
              shardOut.set(r.shard[record]!, (shard = shardRows.push([name, span.length, span.crc]) - 1));
            }
            renumbered.set(record, (i = out.hash.push(r.hash[record]!) - 1));
            out.shard.push(shard);
            for (const key of RECORD_NUMBERS) if (key !== 'shard') out[key].push(r[key][record]!);
          }
          kept.names.push(cols.names[k]!);
          kept.size.push(cols.size[k]!), kept.mtimeMs.push(cols.mtimeMs[k]!), kept.ino.push(cols.ino[k]!), kept.record.push(i);
        }
        if (kept.names.length) dirs.push([dir, kept]);
      }
      const manifest: Manifest = {format: FORMAT, version: this.version, shards: shardRows, records: out, dirs};
      writeAtomic(path.join(this.dir, 'manifest.json'), JSON.stringify(manifest));
      this.dirty = false;
      this.removeOrphans(new Set(shardRows.map((row) => row[0])));
    } catch (error) {
      this.writer?.abort();
      this.writer = null;
      this.notes.push(`cache ${this.dir}: cannot save (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
  }

  private removeOrphans(live: ReadonlySet<string>): void {
    const now = Date.now();
    for (const name of fs.readdirSync(this.dir)) {
      if (!name.startsWith('shard-')) continue;
      const ext = EXTENSIONS.find((e) => name.endsWith(e));
      const id = ext ? name.slice(0, -ext.length) : name;
      if (live.has(id)) continue;
      const file = path.join(this.dir, name);
      try {
        // Not ours to judge while fresh: another process may be about to name it in its manifest.
        if (now - fs.statSync(file).mtimeMs > ORPHAN_AGE_MS) fs.rmSync(file, {force: true});
      } catch {
        // gone already
      }
    }
  }
}

/** What a corpus derives from its articles (the term index, merged people, the search vocabulary; see DerivedData in
 *  src/corpus/types.ts), stored beside the records as `KIND-KEY.bin`, keyed by the articles it was made for (their
 *  fingerprint), the cache version and the code that made it (`code`: a stamp of the running bundle). Framed as
 *  [crc32, length] then the bytes, so a damaged file is refused, never trusted; whoever reads also checks the
 *  fingerprint inside before using it. The newest few of each kind are kept (one per folder set recently opened). */
export class DerivedStore {
  private readonly key: string;
  /** `fingerprint`: of the articles as loaded (before the corpus merges duplicates). */
  private constructor(private readonly dir: string, private readonly base: string, readonly fingerprint: string) {
    this.key = crypto.createHash('sha1').update(`${base}\u0000${fingerprint}`).digest('hex').slice(0, 24);
  }

  /** The store for a set of articles (`fingerprint`: articlesFingerprint of the loaded articles); `code` stamps the
   *  code that derives (empty: the version alone decides). */
  static for(dir: string, version: string, fingerprint: string, code = ''): DerivedStore {
    return new DerivedStore(dir, `${version}\u0000${code}`, fingerprint);
  }

  /** The same store for other articles (the corpus dropped duplicates, so its fingerprint differs). */
  withFingerprint(fingerprint: string): DerivedStore {
    return fingerprint === this.fingerprint ? this : new DerivedStore(this.dir, this.base, fingerprint);
  }

  private file(kind: string): string {
    return path.join(this.dir, `${kind}-${this.key}${DERIVED_EXT}`);
  }

  /** Whether data of this kind is stored for these articles (not whether it is intact: read() says that). */
  exists(kind: string): boolean {
    return fs.existsSync(this.file(kind));
  }

  /** The stored bytes, or null when absent or damaged (wrong length or crc32). Never throws. */
  read(kind: string): Uint8Array | null {
    const file = this.file(kind);
    let data: Buffer;
    try {
      data = fs.readFileSync(file);
    } catch {
      return null;
    }
    if (data.length < 8) return null;
    const crc = data.readUInt32LE(0);
    const length = data.readUInt32LE(4);
    const bytes = data.subarray(8);
    if (bytes.length !== length || zlib.crc32(bytes) !== crc) return null;
    // A plain Uint8Array view: Buffer's slice() shares memory, which a reader of typed arrays may not expect.
    const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
    // Touched so the newest few survive the pruning below.
    try {
      const t = new Date();
      fs.utimesSync(file, t, t);
    } catch {
      // read-only cache: fine
    }
    return view;
  }

  /** Stores the bytes (atomically) and keeps only the newest few of this kind. Returns a note on failure, never throws. */
  write(kind: string, bytes: Uint8Array): string | null {
    const file = this.file(kind);
    try {
      fs.mkdirSync(this.dir, {recursive: true});
      const frame = Buffer.allocUnsafe(8);
      frame.writeUInt32LE(zlib.crc32(bytes), 0);
      frame.writeUInt32LE(bytes.length, 4);
      writeAtomic(file, Buffer.concat([frame, bytes]));
      const prefix = `${kind}-`;
      const stored = fs
        .readdirSync(this.dir)
        .filter((n) => n.startsWith(prefix) && n.endsWith(DERIVED_EXT) && /^[0-9a-f]{24}$/.test(n.slice(prefix.length, -DERIVED_EXT.length)))
        .map((n) => {
          const at = path.join(this.dir, n);
          try {
            return {file: at, mtime: fs.statSync(at).mtimeMs};
          } catch {
            return {file: at, mtime: 0};
          }
        })
        .sort((a, b) => b.mtime - a.mtime);
      for (const old of stored.slice(DERIVED_KEPT)) if (old.file !== file) fs.rmSync(old.file, {force: true});
      return null;
    } catch (error) {
      return `cache ${this.dir}: cannot store the ${kind} index (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
    }
  }
}
