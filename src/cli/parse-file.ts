// One file to a cacheable outcome: read, hash, and (unless the content is already cached) analyze.
// The same step runs in the parse workers and, for a few files, on the main thread.
import {analyzeBytes} from '../corpus/analyze.js';
import {contentHash, encodeResult, type EncodedResult, type RecordLoc, type ShardWriter} from './cache.js';
import {bodyJson} from './cache-record.js';
import {readArticleFile} from './commands/parse.js';

export type FileOutcome =
  /** The Article or ParseError encoded as its cache record (buffers safe to transfer). */
  | {kind: 'parsed'; hash: string; record: EncodedResult}
  /** Written to a shard by the worker's own ShardWriter: where (usable once that writer has committed). */
  | {kind: 'stored'; hash: string; loc: RecordLoc}
  /** The content is already in the cache under `hash`. */
  | {kind: 'known'; hash: string}
  /** Could not be read: one line naming the file and the reason. */
  | {kind: 'unreadable'; message: string};

/** `writer`: where to store the result (a worker's shards); its write errors are thrown to the caller. */
export function analyzeFile(file: string, known: ReadonlySet<string> | null, writer: ShardWriter | null = null): FileOutcome {
  const bytes = readArticleFile(file);
  if (typeof bytes === 'string') return {kind: 'unreadable', message: bytes};
  const hash = contentHash(bytes);
  if (known?.has(hash)) return {kind: 'known', hash};
  const result = analyzeBytes(bytes, {source: file});
  if (writer) return {kind: 'stored', hash, loc: writer.append(result, 'kind' in result ? null : bodyJson(result))};
  return {kind: 'parsed', hash, record: encodeResult(result)};
}

/** A parser bug on one file as that file's outcome: it must not take the others down with it. */
export function parserError(file: string, error: unknown): FileOutcome {
  return {kind: 'unreadable', message: `${file}: internal parser error (${(error as Error)?.message ?? String(error)})`};
}

/** analyzeFile with nowhere to store the result, a parser bug on the file as its outcome (parserError). */
export function safeAnalyze(file: string, known: ReadonlySet<string> | null): FileOutcome {
  try {
    return analyzeFile(file, known);
  } catch (error) {
    return parserError(file, error);
  }
}
