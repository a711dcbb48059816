// The parsed-article cache: a folder in the user's cache dir holding
//   manifest.json   which file (absolute path + size + mtime + inode) had which content hash, and where the
//                   parsed record of each content hash lives (shard, offset, length, crc32);
//   shard-*.jsonl   the records, one JSON document per line: an article's head (everything but the
//                   paragraphs, or a ParseError), then its paragraphs on the next line.
// Heads are read at load; paragraphs only when something reads `article.paragraphs` (a lazy property
// reading the shard through a descriptor kept open), so a warm start parses a fifth of the bytes and
// 100k articles do not hold every body in memory.
// An unchanged file is found by its stat alone (no read, no hash); a changed stat costs a read and a
// hash, and a parse only when the content is new. Records are verified (range, crc32, JSON, shape)
// before use: a damaged or foreign cache is rebuilt, never trusted and never fatal. Files are written
// to a temp name and renamed, so a crash or a second process leaves a consistent (if older) cache.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import envPaths from 'env-paths';
import type {Article, ParseError} from '../types.js';

/** Bump when the layout of manifest.json or of the records changes. */
const FORMAT = 2;
/** A shard is closed and a new one started past this size, so reads stay bounded in memory. */
const SHARD_BYTES = 48 * 1024 * 1024;
/** Shards nobody references are deleted only when older than this (another process may be writing one). */
const ORPHAN_AGE_MS = 10 * 60 * 1000;

export type CachedResult = Article | ParseError;

/** What identifies a file's current state without reading it. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ino: number;
}

interface Span {
  offset: number;
  length: number;
  crc: number;
}

interface RecordLoc extends Span {
  shard: string;
  /** The paragraphs line; null for a ParseError. */
  body: Span | null;
}

/** What a worker hands over for a new record: the head JSON and the paragraphs JSON (null for a ParseError). */
export interface EncodedResult {
  head: Uint8Array;
  body: Uint8Array | null;
}

const encoder = new TextEncoder();

/** Splits an analyze result into its cache record: each part has its own ArrayBuffer (safe to transfer). */
export function encodeResult(result: CachedResult): EncodedResult {
  if ('kind' in result) return {head: encoder.encode(JSON.stringify(result)), body: null};
  const {paragraphs, ...head} = result;
  return {head: encoder.encode(JSON.stringify(head)), body: encoder.encode(JSON.stringify(paragraphs))};
}

/** The inverse of encodeResult, for results just parsed. */
export function decodeResult(encoded: EncodedResult): CachedResult {
  const decoder = new TextDecoder();
  const head = JSON.parse(decoder.decode(encoded.head)) as CachedResult;
  if (encoded.body && !('kind' in head)) head.paragraphs = JSON.parse(decoder.decode(encoded.body)) as string[];
  return head;
}

interface FileEntry extends FileStamp {
  hash: string;
}

interface Manifest {
  format: number;
  version: string;
  /** [absolutePath, size, mtimeMs, ino, hash] */
  files: Array<[string, number, number, number, string]>;
  /** [hash, shard, offset, length, crc32, bodyOffset, bodyLength, bodyCrc32] (body -1, 0, 0 when none) */
  records: Array<[string, string, number, number, number, number, number, number]>;
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
  return crypto.createHash('sha1').update(bytes).digest('hex');
}

const isString = (x: unknown): x is string => typeof x === 'string';
const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** The shape check a record must pass before it is used (the crc catches damage; this catches foreign data). */
function looksLikeResult(x: unknown): x is CachedResult {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as Record<string, unknown>;
  if (r.kind === 'parse-error') return isString(r.reason) && isString(r.message);
  return isString(r.id) && isString(r.headline) && Array.isArray(r.paragraphs) && Array.isArray(r.quotes) &&
    Array.isArray(r.people) && Array.isArray(r.countries) && Array.isArray(r.summary);
}

function parseManifest(text: string, version: string): {files: Map<string, FileEntry>; records: Map<string, RecordLoc>} | string {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return 'manifest is not valid JSON';
  }
  const m = data as Partial<Manifest> | null;
  if (!m || typeof m !== 'object' || m.format !== FORMAT) return 'manifest has another format';
  if (m.version !== version) return 'made by another parser version';
  if (!Array.isArray(m.files) || !Array.isArray(m.records)) return 'manifest is incomplete';
  const records = new Map<string, RecordLoc>();
  for (const r of m.records) {
    if (!Array.isArray(r) || !isString(r[0]) || !isString(r[1]) || !r.slice(2, 8).every(isNumber)) return 'manifest has a malformed record';
    if (!/^shard-[\w-]+\.jsonl$/.test(r[1])) return 'manifest names a foreign file';
    records.set(r[0], {shard: r[1], offset: r[2], length: r[3], crc: r[4], body: r[5] >= 0 ? {offset: r[5], length: r[6], crc: r[7]} : null});
  }
  const files = new Map<string, FileEntry>();
  for (const f of m.files) {
    if (!Array.isArray(f) || !isString(f[0]) || !isNumber(f[1]) || !isNumber(f[2]) || !isNumber(f[3]) || !isString(f[4])) return 'manifest has a malformed file entry';
    files.set(f[0], {size: f[1], mtimeMs: f[2], ino: f[3], hash: f[4]});
  }
  return {files, records};
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

/** Appends new records to shard files as they arrive, so parsed JSON is not held in memory until save. */
class ShardWriter {
  private fd: number | null = null;
  private temp = '';
  private name = '';
  private size = 0;
  /** Temp file -> final name, renamed into place on close. */
  private readonly done: Array<[string, string]> = [];

  constructor(private readonly dir: string) {}

  append(record: EncodedResult): RecordLoc {
    if (this.fd === null || this.size + record.head.length + (record.body?.length ?? 0) > SHARD_BYTES) this.rotate();
    const head = this.line(record.head);
    return {shard: this.name, ...head, body: record.body ? this.line(record.body) : null};
  }

  private line(bytes: Uint8Array): Span {
    const offset = this.size;
    fs.writeSync(this.fd!, bytes);
    fs.writeSync(this.fd!, '\n');
    this.size += bytes.length + 1;
    return {offset, length: bytes.length, crc: zlib.crc32(bytes)};
  }

  private rotate(): void {
    this.closeCurrent();
    this.name = `shard-${Date.now().toString(36)}-${crypto.randomBytes(6).toString('hex')}.jsonl`;
    this.temp = path.join(this.dir, `${this.name}.${process.pid}.tmp`);
    this.fd = fs.openSync(this.temp, 'w');
    this.size = 0;
  }

  private closeCurrent(): void {
    if (this.fd === null) return;
    fs.closeSync(this.fd);
    this.fd = null;
    this.done.push([this.temp, path.join(this.dir, this.name)]);
  }

  /** Closes and renames every shard into place. */
  commit(): void {
    this.closeCurrent();
    for (const [temp, final] of this.done.splice(0)) fs.renameSync(temp, final);
  }

  abort(): void {
    this.closeCurrent();
    for (const [temp] of this.done.splice(0)) fs.rmSync(temp, {force: true});
  }
}

export interface CacheRead {
  /** Index (caller's) -> the verified record. */
  results: Map<number, CachedResult>;
  /** Indexes whose record was missing or damaged: parse them again. */
  damaged: number[];
}

export interface CacheRequest {
  index: number;
  hash: string;
  /** Called if the article's paragraphs turn out to be damaged when first read: parse the file again. */
  reparse: () => string[];
}

/** Shards read from, kept open for lazy paragraphs (a descriptor survives the file's deletion or replacement). */
const openShards = new Map<string, number>();

function shardFd(file: string): number {
  let fd = openShards.get(file);
  if (fd === undefined) {
    fd = fs.openSync(file, 'r');
    openShards.set(file, fd);
  }
  return fd;
}

/** Closes the shards kept open for lazy paragraphs (tests; a long-lived process that reloads). */
export function closeShards(): void {
  for (const fd of openShards.values()) fs.closeSync(fd);
  openShards.clear();
}

function readVerified(fd: number, span: Span, whole: Buffer | null, size: number): Buffer | null {
  if (span.offset < 0 || span.length <= 0 || span.offset + span.length > size) return null;
  let bytes: Buffer;
  if (whole) bytes = whole.subarray(span.offset, span.offset + span.length);
  else {
    bytes = Buffer.allocUnsafe(span.length);
    if (fs.readSync(fd, bytes, 0, span.length, span.offset) !== span.length) return null;
  }
  return zlib.crc32(bytes) === span.crc ? bytes : null;
}

function readParagraphs(fd: number, span: Span): string[] | null {
  try {
    const bytes = readVerified(fd, span, null, Number.MAX_SAFE_INTEGER);
    if (!bytes) return null;
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    return Array.isArray(value) && value.every(isString) ? value : null;
  } catch {
    return null;
  }
}

/** Makes `paragraphs` read the shard on first use (then keeps them); a damaged body is parsed again from the file. */
function lazyParagraphs(article: Article, fd: number, span: Span, reparse: () => string[]): void {
  let value: string[] | undefined;
  Object.defineProperty(article, 'paragraphs', {
    enumerable: true,
    configurable: true,
    get: () => (value ??= readParagraphs(fd, span) ?? reparse()),
    set: (v: string[]) => void (value = v),
  });
}

export class ArticleCache {
  /** One line each: why the old cache was set aside (`made by another parser version`). */
  readonly notes: string[] = [];
  private files = new Map<string, FileEntry>();
  private records = new Map<string, RecordLoc>();
  private writer: ShardWriter | null = null;
  private dirty = false;
  private writable = true;

  private constructor(readonly dir: string, readonly version: string) {}

  /** Opens (never fails): a missing, unreadable or damaged manifest gives an empty cache and a note. */
  static open(dir: string, version: string): ArticleCache {
    const cache = new ArticleCache(dir, version);
    let text: string | null = null;
    try {
      text = fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') cache.notes.push(`cache ${dir}: cannot read manifest (${(error as NodeJS.ErrnoException).code ?? 'error'}), rebuilding`);
    }
    if (text !== null) {
      const parsed = parseManifest(text, version);
      if (typeof parsed === 'string') {
        // A version change is routine; only damage is worth a note.
        if (parsed !== 'made by another parser version') cache.notes.push(`cache ${dir}: ${parsed}, rebuilding`);
        cache.dirty = true;
      } else {
        cache.files = parsed.files;
        cache.records = parsed.records;
      }
    }
    return cache;
  }

  get size(): number {
    return this.records.size;
  }

  /** The content hash recorded for this file if its stat is unchanged and its record is known. */
  lookup(absolutePath: string, stamp: FileStamp): string | null {
    const entry = this.files.get(absolutePath);
    if (!entry || entry.size !== stamp.size || entry.mtimeMs !== stamp.mtimeMs || entry.ino !== stamp.ino) return null;
    return this.records.has(entry.hash) ? entry.hash : null;
  }

  has(hash: string): boolean {
    return this.records.has(hash);
  }

  /** Every known content hash (for workers, so they skip parsing content already cached). */
  hashes(): string[] {
    return [...this.records.keys()];
  }

  /** Records that a file (at this stat) has this content hash, whose record exists. */
  remember(absolutePath: string, stamp: FileStamp, hash: string): void {
    const old = this.files.get(absolutePath);
    if (old && old.hash === hash && old.size === stamp.size && old.mtimeMs === stamp.mtimeMs && old.ino === stamp.ino) return;
    this.files.set(absolutePath, {...stamp, hash});
    this.dirty = true;
  }

  /** Stores a new record (an encoded analyze result) and remembers the file. */
  put(absolutePath: string, stamp: FileStamp, hash: string, json: EncodedResult): void {
    if (!this.writable) return;
    if (!this.records.has(hash)) {
      try {
        if (!this.writer) {
          fs.mkdirSync(this.dir, {recursive: true});
          this.writer = new ShardWriter(this.dir);
        }
        this.records.set(hash, this.writer.append(json));
      } catch (error) {
        this.writable = false;
        this.notes.push(`cache ${this.dir}: cannot write (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}), continuing without it`);
        this.writer?.abort();
        this.writer = null;
        return;
      }
    }
    this.remember(absolutePath, stamp, hash);
  }

  /** Reads and verifies the heads of many records at once, a shard at a time; paragraphs come later, lazily. */
  read(requests: readonly CacheRequest[]): CacheRead {
    const results = new Map<number, CachedResult>();
    const damaged: number[] = [];
    const byShard = new Map<string, Array<{request: CacheRequest; loc: RecordLoc}>>();
    for (const request of requests) {
      const loc = this.records.get(request.hash);
      if (!loc) {
        damaged.push(request.index);
        continue;
      }
      let list = byShard.get(loc.shard);
      if (!list) byShard.set(loc.shard, (list = []));
      list.push({request, loc});
    }
    const bad = new Set<RecordLoc>();
    for (const [shard, list] of byShard) {
      list.sort((a, b) => a.loc.offset - b.loc.offset);
      let fd: number;
      let size: number;
      try {
        fd = shardFd(path.join(this.dir, shard));
        size = fs.fstatSync(fd).size;
      } catch {
        for (const r of list) damaged.push(r.request.index), bad.add(r.loc);
        continue;
      }
      // Most of the shard wanted: one read. A few heads: one read each.
      const wanted = list.reduce((n, r) => n + r.loc.length, 0);
      let whole: Buffer | null = null;
      if (wanted * 8 >= size) {
        whole = Buffer.allocUnsafe(size);
        if (fs.readSync(fd, whole, 0, size, 0) !== size) whole = null;
      }
      for (const {request, loc} of list) {
        const result = this.decodeHead(fd, whole, size, loc);
        if (!result) {
          damaged.push(request.index), bad.add(loc);
          continue;
        }
        if (!('kind' in result) && loc.body) lazyParagraphs(result, fd, loc.body, request.reparse);
        results.set(request.index, result);
      }
    }
    if (bad.size) {
      for (const [hash, loc] of this.records) if (bad.has(loc)) this.records.delete(hash);
      this.notes.push(`cache ${this.dir}: ${bad.size} damaged record${bad.size === 1 ? '' : 's'}, re-parsed`);
      this.dirty = true;
    }
    return {results, damaged};
  }

  private decodeHead(fd: number, whole: Buffer | null, size: number, loc: RecordLoc): CachedResult | null {
    const bytes = readVerified(fd, loc, whole, size);
    if (!bytes) return null;
    // The body's range is checked now (its bytes when first read), so a truncated shard is caught at load.
    if (loc.body && (loc.body.offset < 0 || loc.body.offset + loc.body.length > size)) return null;
    try {
      const value: unknown = JSON.parse(bytes.toString('utf8'));
      if (loc.body && value && typeof value === 'object') (value as {paragraphs?: unknown}).paragraphs = [];
      return looksLikeResult(value) ? value : null;
    } catch {
      return null;
    }
  }

  /** Writes the new shards and the manifest (atomically), and removes shards nothing refers to. Never throws. */
  save(): void {
    if (!this.writable) return;
    if (!this.dirty && !this.writer) return;
    try {
      fs.mkdirSync(this.dir, {recursive: true});
      this.writer?.commit();
      this.writer = null;
      // Forget files whose record is gone, and records no file refers to.
      const live = new Set<string>();
      const files: Manifest['files'] = [];
      for (const [p, e] of this.files) {
        if (!this.records.has(e.hash)) continue;
        live.add(e.hash);
        files.push([p, e.size, e.mtimeMs, e.ino, e.hash]);
      }
      const records: Manifest['records'] = [];
      const shards = new Set<string>();
      for (const [hash, loc] of this.records) {
        if (!live.has(hash)) continue;
        records.push([hash, loc.shard, loc.offset, loc.length, loc.crc, loc.body?.offset ?? -1, loc.body?.length ?? 0, loc.body?.crc ?? 0]);
        shards.add(loc.shard);
      }
      const manifest: Manifest = {format: FORMAT, version: this.version, files, records};
      writeAtomic(path.join(this.dir, 'manifest.json'), JSON.stringify(manifest));
      this.dirty = false;
      this.removeOrphans(shards);
    } catch (error) {
      this.writer?.abort();
      this.writer = null;
      this.notes.push(`cache ${this.dir}: cannot save (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
  }

  private removeOrphans(live: ReadonlySet<string>): void {
    const now = Date.now();
    for (const name of fs.readdirSync(this.dir)) {
      if (!name.startsWith('shard-') || live.has(name)) continue;
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
