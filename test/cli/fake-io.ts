// Fake process streams for running commands in-process through run(argv, io).
import {PassThrough, Writable} from 'node:stream';
import type {Io} from '../../src/cli/io.js';

export interface FakeIo extends Io {
  out(): string;
  err(): string;
}

function sink(): Writable & {text: string} {
  const stream = new Writable({
    write(chunk: Buffer | string, _enc, done) {
      stream.text += chunk.toString();
      done();
    },
  }) as Writable & {text: string};
  stream.text = '';
  return stream;
}

export function fakeIo(options: {cwd: string; env?: NodeJS.ProcessEnv; tty?: boolean}): FakeIo {
  const stdout = sink();
  const stderr = Object.assign(sink(), {isTTY: options.tty ?? false});
  return {
    stdout,
    stderr,
    stdin: new PassThrough(),
    env: options.env ?? {},
    cwd: options.cwd,
    out: () => stdout.text,
    err: () => stderr.text,
  };
}
