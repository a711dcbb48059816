// A few runs of the built binary (bin/briefing.js -> dist/), to prove the bundle finds its worker and data/.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const BIN = path.resolve('bin/briefing.js');
const built = fs.existsSync(path.resolve('dist/briefing.js')) && fs.existsSync(path.resolve('dist/worker.js'));
let root: string;

function briefing(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {cwd: root, encoding: 'utf8', env: {PATH: process.env.PATH, BRIEFING_CACHE_DIR: path.join(root, 'cache'), ...env}});
  return {code: r.status, out: r.stdout, err: r.stderr};
}

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-bin-'));
});
afterAll(() => fs.rmSync(root, {recursive: true, force: true}));

describe.skipIf(!built)('the built binary (needs npm run build)', () => {
  it('searches the bundled data/ from any directory, the second time from the cache', () => {
    const cold = briefing(['search', 'kishda', '--json'], {BRIEFING_DEBUG: '1'});
    expect(cold.code).toBe(0);
    const hits = (JSON.parse(cold.out) as {hits: Array<{headline: string}>}).hits;
    expect(hits[0]?.headline).toMatch(/Pyongyang/);
    const warm = briefing(['search', 'kishda', '--json'], {BRIEFING_DEBUG: '1'});
    expect(warm.out).toBe(cold.out);
    expect(warm.err).toMatch(/0 parsed \(0 workers\), \d+ from cache/);
  });

  it('parses a large folder on worker threads from the bundle', () => {
    const seed = fs.readFileSync(path.resolve('data/000_4be3d47db556df85.txt'), 'utf8');
    const dir = path.join(root, 'many');
    fs.mkdirSync(dir);
    for (let i = 0; i < 200; i++) fs.writeFileSync(path.join(dir, `${i}.txt`), seed.replace('amid Pyongyang threat', `amid Pyongyang threat, part ${i}`) + `\n\nEdition ${i}.\n`);
    const r = briefing(['leaders', 'many', '--json', '--no-cache'], {BRIEFING_DEBUG: '1'});
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/loaded 200 files in \d+ ms: 200 parsed \([12] workers\)/);
    const kishida = (JSON.parse(r.out) as Array<{name: string; articles: number}>).find((p) => p.name === 'Fumio Kishida');
    expect(kishida?.articles).toBe(200);
  });

  it('ends an unknown id with exit 1 and one line, no stack', () => {
    const r = briefing(['related', 'ffffffffffffffff']);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/^briefing: no article with id 'ffffffffffffffff'/);
  });
});
