// The composition root: picks the command, runs it, turns expected failures into one line and an
// exit code. Nothing else in the program decides how the process ends.
import {commands, defaultCommand} from './commands/index.js';
import {CommandError, UsageError, processIo, writeLine, type Io} from './io.js';
import {VERSION} from './version.js';

function help(io: Io): void {
  const lines = [
    `briefing ${VERSION}: read news briefings in the terminal; knows who said what, about where.`,
    '',
    'Usage:',
    `  ${defaultCommand.usage}`,
    ...commands.map((c) => `  ${c.usage.split('\n')[0]}`),
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(9)} ${c.summary}`),
    '',
    'Run `briefing COMMAND --help` for the options of one command.',
  ];
  writeLine(io.stdout, lines.join('\n'));
}

export async function run(argv: string[], io: Io): Promise<number> {
  const [first, ...rest] = argv;
  if (first === '--help' || first === '-h' || first === 'help') {
    help(io);
    return 0;
  }
  if (first === '--version' || first === '-V') {
    writeLine(io.stdout, VERSION);
    return 0;
  }
  const command = commands.find((c) => c.name === first);
  const [chosen, args] = command ? [command, rest] : [defaultCommand, argv];
  if (args.includes('--help') || args.includes('-h')) {
    writeLine(io.stdout, `Usage:\n  ${chosen.usage.split('\n').join('\n  ')}\n\n${chosen.summary}`);
    return 0;
  }
  try {
    return await chosen.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      writeLine(io.stderr, `briefing: ${error.message}`);
      writeLine(io.stderr, `usage: ${chosen.usage.split('\n')[0]}`);
      return 2;
    }
    if (error instanceof CommandError) {
      writeLine(io.stderr, `briefing: ${error.message}`);
      return error.exitCode;
    }
    throw error;
  }
}

/** `briefing leaders | head`: the reader went away; stop quietly instead of dying on an unhandled EPIPE. */
function exitQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

export async function main(argv: string[]): Promise<void> {
  const io = processIo();
  exitQuietlyOnClosedPipe(process.stdout);
  try {
    process.exitCode = await run(argv, io);
  } catch (error) {
    // An unexpected failure is a bug: say so plainly, with the stack for the report.
    writeLine(io.stderr, `briefing: internal error: ${(error as Error)?.message ?? String(error)}`);
    if (io.env.BRIEFING_DEBUG) writeLine(io.stderr, (error as Error)?.stack ?? '');
    process.exitCode = 70;
  }
}
