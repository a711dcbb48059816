// A parse worker (bundled as dist/worker.js): receives batches of [index, path], answers with the outcome of each
// file. With a cache, it writes the records itself, to shards of its own, and answers with where they went: the main
// thread then neither decodes nor encodes what was parsed (it reads the heads back, as a warm start does, once the
// worker has committed its shards on `close`). Without one, or if writing fails, it answers with the record encoded:
// the head as JSON text, the body's bytes transferred, not copied.
import fs from 'node:fs';
import {parentPort, workerData} from 'node:worker_threads';
import {ShardWriter, type Span} from './cache.js';
import {analyzeFile, type FileOutcome, parserError, safeAnalyze} from './parse-file.js';

export interface WorkerInit {
  /** Content hashes already in the cache: read and hash those files, but do not parse them. */
  known: string[];
  /** The cache folder to write records to, and the size past which a shard is closed; null: no cache. */
  cache: {dir: string; shardBytes: number} | null;
}
export type WorkerRequest = {files: Array<[number, string]>} | {close: true};
export type WorkerReply =
  | {results: Array<[number, FileOutcome]>}
  /** After `close`: the string table of each shard written (committed, in place), or null if committing failed (its
   *  stored records are lost: parse those files again). */
  | {closed: Array<[string, Span]> | null};

const init = workerData as WorkerInit | undefined;
const known = new Set(init?.known ?? []);
let writer: ShardWriter | null = null;
if (init?.cache) {
  try {
    fs.mkdirSync(init.cache.dir, {recursive: true});
    writer = new ShardWriter(init.cache.dir, init.cache.shardBytes);
  } catch {
    writer = null; // an unwritable cache: hand the records to the main thread, which says so
  }
}

function analyze(file: string): FileOutcome {
  if (writer) {
    try {
      return analyzeFile(file, known, writer);
    } catch (error) {
      if ((error as NodeJS.ErrnoException)?.code === undefined) return parserError(file, error); // not a write failure
      // Cannot write (disk full...): stop writing; this and later records go to the main thread.
      writer.abort();
      writer = null;
    }
  }
  return safeAnalyze(file, known);
}

parentPort?.on('message', (request: WorkerRequest) => {
  if ('close' in request) {
    let closed: Array<[string, Span]> | null = [];
    try {
      if (writer) {
        writer.commit();
        closed = [...writer.tables];
      }
    } catch {
      writer?.abort();
      closed = null;
    }
    writer = null;
    parentPort!.postMessage({closed} satisfies WorkerReply);
    return;
  }
  const results: Array<[number, FileOutcome]> = [];
  const transfer: ArrayBuffer[] = [];
  for (const [index, file] of request.files) {
    const outcome = analyze(file);
    if (outcome.kind === 'parsed' && outcome.record.body) transfer.push(outcome.record.body.buffer as ArrayBuffer);
    results.push([index, outcome]);
  }
  parentPort!.postMessage({results} satisfies WorkerReply, transfer);
});
