// One file to a cacheable outcome: read, hash, and (unless the content is already cached) analyze.
// The same step runs in the parse workers and, for a few files, on the main thread.
import {analyzeBytes} from '../corpus/analyze.js';
import {contentHash, encodeResult, type EncodedResult} from './cache.js';
import {readArticleFile} from './commands/parse.js';

export type FileOutcome =
  /** The Article or ParseError encoded as its cache record (buffers safe to transfer). */
  | {kind: 'parsed'; hash: string; record: EncodedResult}
  /** The content is already in the cache under `hash`. */
  | {kind: 'known'; hash: string}
  /** Could not be read: one line naming the file and the reason. */
  | {kind: 'unreadable'; message: string};

export function analyzeFile(file: string, known: ReadonlySet<string> | null): FileOutcome {
  const bytes = readArticleFile(file);
  if (typeof bytes === 'string') return {kind: 'unreadable', message: bytes};
  const hash = contentHash(bytes);
  if (known?.has(hash)) return {kind: 'known', hash};
  const result = analyzeBytes(bytes, {source: file});
  return {kind: 'parsed', hash, record: encodeResult(result)};
}
