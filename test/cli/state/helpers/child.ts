// Runs dist/state-child.js (built by `npm run build`, which `npm test` runs first).
import {spawn, type ChildProcess} from 'node:child_process';
import {existsSync, mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

export const CHILD = fileURLToPath(new URL('../../../../dist/state-child.js', import.meta.url));

export function requireBuild(): void {
  if (!existsSync(CHILD)) throw new Error(`${CHILD} is missing: run \`npm run build\` first (npm test does)`);
}

export const tempDir = (): string => mkdtempSync(join(tmpdir(), 'briefing-state-'));

export interface Running {
  child: ChildProcess;
  lines: string[];
  stderr: () => string;
  /** Resolves with the first stdout line matching `re`. */
  waitFor(re: RegExp): Promise<string>;
  exited: Promise<{code: number | null; signal: NodeJS.Signals | null}>;
}

export function runChild(args: string[], env: NodeJS.ProcessEnv = {}): Running {
  const child = spawn(process.execPath, [CHILD, ...args], {stdio: ['ignore', 'pipe', 'pipe'], env: {...process.env, ...env}});
  const lines: string[] = [];
  let err = '';
  let partial = '';
  const waiters: Array<{re: RegExp; resolve: (l: string) => void}> = [];
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    partial += chunk;
    const parts = partial.split('\n');
    partial = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      for (const w of [...waiters]) {
        if (w.re.test(line)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(line);
        }
      }
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<{code: number | null; signal: NodeJS.Signals | null}>((resolve) =>
    child.on('close', (code, signal) => resolve({code, signal})),
  );
  return {
    child,
    lines,
    stderr: () => err,
    exited,
    waitFor(re) {
      const seen = lines.find((l) => re.test(l));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        waiters.push({re, resolve});
        void exited.then(() => reject(new Error(`child exited before printing ${re}; stderr: ${err}`)));
      });
    },
  };
}
