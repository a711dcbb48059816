import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const bin = join(root, 'bin/briefing.js');

describe.skipIf(!existsSync(join(root, 'dist/briefing.js')))('output into a pipe that closes early', () => {
  it('stops quietly, with no stack trace, when the reader goes away (briefing parse data | head -c 10)', () => {
    const cache = mkdtempSync(join(tmpdir(), 'briefing-pipe-'));
    const r = spawnSync('bash', ['-c', `node ${bin} parse ${join(root, 'data')} | head -c 10`], {
      encoding: 'utf8',
      env: {...process.env, BRIEFING_CACHE_DIR: cache},
    });
    expect(r.stdout.length).toBe(10);
    expect(r.stderr).not.toMatch(/EPIPE|at .*\.js:\d+/);
  });
});
