// Shared option parsing for the commands, on node:util parseArgs: unknown options are usage errors.
import {parseArgs, type ParseArgsConfig} from 'node:util';
import {UsageError} from './io.js';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseOptions<T extends Options>(args: string[], options: T) {
  try {
    return parseArgs({args, options, allowPositionals: true, strict: true});
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0] ?? 'bad arguments');
  }
}

/** `--limit N` and friends: a positive integer or a usage error naming the option. */
export function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--${name} must be a positive whole number, not '${value}'`);
  return n;
}
