// Drives the built `bin/briefing.js` in a real pseudo-terminal (node-pty) and reads the screen
// the way a person sees it (@xterm/headless). Waits on screen contents, never on fixed sleeps.
import {fileURLToPath} from 'node:url';
import pty from 'node-pty';
import xterm from '@xterm/headless';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface Session {
  screen(): string;
  /** 'alternate' while the app runs, 'normal' once it restored the terminal. */
  buffer(): 'normal' | 'alternate';
  raw(): string;
  write(keys: string): void;
  resize(columns: number, rows: number): void;
  waitFor(predicate: (screen: string) => boolean, what: string, timeoutMs?: number): Promise<string>;
  exited: Promise<number>;
  kill(): void;
}

export function spawnBriefing(args: string[], size: {columns: number; rows: number}, env: Record<string, string> = {}): Session {
  const term = new xterm.Terminal({cols: size.columns, rows: size.rows, allowProposedApi: true});
  const childEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    // Ink draws nothing live under CI; the test is about what a person in a terminal sees.
    if (v !== undefined && k !== 'CI' && k !== 'CONTINUOUS_INTEGRATION' && !k.startsWith('CI_')) childEnv[k] = v;
  }
  Object.assign(childEnv, {TERM: 'xterm-256color', FORCE_COLOR: '1'}, env);
  const child = pty.spawn(process.execPath, ['bin/briefing.js', ...args], {cols: size.columns, rows: size.rows, cwd: ROOT, env: childEnv, name: 'xterm-256color'});
  let raw = '';
  const waiters = new Set<() => void>();
  child.onData((data) => {
    raw += data;
    term.write(data, () => waiters.forEach((w) => w()));
  });
  const exited = new Promise<number>((resolve) => child.onExit(({exitCode}) => resolve(exitCode)));
  const screen = (): string => {
    const b = term.buffer.active;
    const lines: string[] = [];
    for (let y = 0; y < term.rows; y++) lines.push(b.getLine(b.viewportY + y)?.translateToString(true) ?? '');
    return lines.join('\n');
  };
  return {
    screen,
    buffer: () => term.buffer.active.type,
    raw: () => raw,
    write: (keys) => child.write(keys),
    resize(columns, rows) {
      term.resize(columns, rows);
      child.resize(columns, rows);
    },
    waitFor(predicate, what, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          if (!predicate(screen())) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(screen());
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out waiting for ${what}; screen:\n${screen()}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    exited,
    kill: () => child.kill(),
  };
}
