import type {Io} from './io.js';

export interface Command {
  /** The word after `briefing`; '' for the default command (open the app). */
  name: string;
  /** One line for `briefing --help`. */
  summary: string;
  /** Usage line(s) for `briefing CMD --help`. */
  usage: string;
  /** Returns the exit code: 0 ok, 1 some input failed, 2 usage error. */
  run(args: string[], io: Io): Promise<number>;
}
