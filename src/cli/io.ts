// The process seen by commands: streams, environment and working directory, passed in so that
// commands can run in-process in tests.
import type {Writable, Readable} from 'node:stream';

export interface Io {
  stdout: Writable & {isTTY?: boolean; columns?: number; rows?: number};
  stderr: Writable & {isTTY?: boolean};
  stdin: Readable & {isTTY?: boolean; setRawMode?: (mode: boolean) => unknown};
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** An expected failure of the user's making (bad argument, missing path): one line, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** An expected failure that is not a usage error (unwritable dir, unknown id): one line, exit 1. */
export class CommandError extends Error {
  override name = 'CommandError';
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}

export function processIo(): Io {
  return {stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd()};
}

export const writeLine = (stream: Writable, line = ''): void => {
  stream.write(line + '\n');
};
