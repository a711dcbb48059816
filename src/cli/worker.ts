// A parse worker (bundled as dist/worker.js): receives batches of [index, path], answers with the
// outcome of each file: the head as JSON text, the body's bytes transferred, not copied.
import {parentPort, workerData} from 'node:worker_threads';
import {analyzeFile, type FileOutcome} from './parse-file.js';

export interface WorkerInit {
  /** Content hashes already in the cache: read and hash those files, but do not parse them. */
  known: string[];
}
export type WorkerRequest = {files: Array<[number, string]>};
export type WorkerReply = {results: Array<[number, FileOutcome]>};

const known = new Set((workerData as WorkerInit | undefined)?.known ?? []);

parentPort?.on('message', (request: WorkerRequest) => {
  const results: Array<[number, FileOutcome]> = [];
  const transfer: ArrayBuffer[] = [];
  for (const [index, file] of request.files) {
    let outcome: FileOutcome;
    try {
      outcome = analyzeFile(file, known);
    } catch (error) {
      // A parser bug on one file must not take the others down with it.
      outcome = {kind: 'unreadable', message: `${file}: internal parser error (${(error as Error)?.message ?? String(error)})`};
    }
    if (outcome.kind === 'parsed' && outcome.record.body) transfer.push(outcome.record.body.buffer as ArrayBuffer);
    results.push([index, outcome]);
  }
  const reply: WorkerReply = {results};
  parentPort!.postMessage(reply, transfer);
});
