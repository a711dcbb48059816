// One file to a cacheable outcome: read, hash, and (unless the content is already cached) analyze.
// The same step runs in the parse workers and, for a few files, on the main thread.
import {analyzeBytes} from '../corpus/analyze.js';
import {contentHash} from './cache.js';
import {readArticleFile} from './commands/parse.js';

export type FileOutcome =
  /** `json` is the UTF-8 JSON of the Article or ParseError (its own ArrayBuffer, safe to transfer). */
  | {kind: 'parsed'; hash: string; json: Uint8Array}
  /** The content is already in the cache under `hash`. */
  | {kind: 'known'; hash: string}
  /** Could not be read: one line naming the file and the reason. */
  | {kind: 'unreadable'; message: string};

const encoder = new TextEncoder();

export function analyzeFile(file: string, known: ReadonlySet<string> | null): FileOutcome {
  const bytes = readArticleFile(file);
  if (typeof bytes === 'string') return {kind: 'unreadable', message: bytes};
  const hash = contentHash(bytes);
  if (known?.has(hash)) return {kind: 'known', hash};
  const result = analyzeBytes(bytes, {source: file});
  return {kind: 'parsed', hash, json: encoder.encode(JSON.stringify(result))};
}
