// `briefing state`, `state export/import` and `mark`, run in-process on the package's data/.
import {beforeAll, describe, expect, it} from 'vitest';
import {readFileSync, writeFileSync, existsSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {run} from '../../../src/cli/main.js';
import {loadArticles} from '../../../src/cli/load.js';
import {parseStateText, SCHEMA_VERSION} from '../../../src/state/schema.js';
import {fakeIo} from '../fake-io.js';
import {tempDir} from './helpers/child.js';

const DATA = resolve('data');
let ids: string[] = [];
let headlines = new Map<string, string>();

beforeAll(async () => {
  const loaded = await loadArticles([DATA], {workers: 0});
  ids = [...new Set(loaded.articles.map((a) => a.id))];
  headlines = new Map(loaded.articles.map((a) => [a.id, a.headline]));
  expect(ids.length).toBeGreaterThan(2);
});

const cli = async (args: string[], stateDir: string) => {
  const io = fakeIo({cwd: stateDir, env: {BRIEFING_STATE_DIR: stateDir}});
  const code = await run(args, io);
  return {code, out: io.out(), err: io.err()};
};

const disk = (dir: string) => {
  const r = parseStateText(readFileSync(join(dir, 'state.json'), 'utf8'), 0);
  if (r.kind !== 'ok') throw new Error('state.json does not parse');
  return r.data;
};

describe('briefing state', () => {
  it('summarises counts, file location and schema version (--json)', async () => {
    const dir = tempDir();
    const empty = await cli(['state', '--json'], dir);
    expect(empty.code).toBe(0);
    expect(JSON.parse(empty.out)).toMatchObject({path: join(dir, 'state.json'), schemaVersion: SCHEMA_VERSION, fileVersion: null, read: 0, starred: 0, readOnly: false});
    expect((await cli(['mark', ids[0]!, '--read', '--star', DATA, '--no-cache'], dir)).code).toBe(0);
    expect((await cli(['mark', ids[1]!, '--read', DATA, '--no-cache'], dir)).code).toBe(0);
    const after = JSON.parse((await cli(['state', '--json'], dir)).out) as Record<string, unknown>;
    expect(after).toMatchObject({read: 2, starred: 1, fileVersion: SCHEMA_VERSION});
    const text = await cli(['state'], dir);
    expect(text.out).toMatch(/read\s+2\n/);
    expect(text.out).toContain(join(dir, 'state.json'));
  });

  it('--json carries the warnings: a corrupt file moved aside is named there and on stderr', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'state.json'), '{"version": 2, "articles": {"id": ["a"], "read": {"rows": [0], "values": "1", "at": [');
    const r = await cli(['state', '--json'], dir);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out) as {warnings: string[]; dir: string; settingsPath: string; read: number};
    expect(s.dir).toBe(dir);
    expect(s.settingsPath).toBe(join(dir, 'settings.json'));
    expect(s.read).toBe(0);
    expect(s.warnings).toHaveLength(1);
    expect(s.warnings[0]).toMatch(/was unusable \(not valid JSON.*moved it to .*state\.corrupt-.*\.json/);
    expect(r.err).toContain(s.warnings[0]);
    const text = await cli(['state'], dir); // the next start: nothing to warn about
    expect(text.out).not.toMatch(/warning/);
  });

  it('--state-dir wins over BRIEFING_STATE_DIR', async () => {
    const envDir = tempDir();
    const flagDir = tempDir();
    const r = await cli(['state', '--json', '--state-dir', flagDir], envDir);
    expect(JSON.parse(r.out).path).toBe(join(flagDir, 'state.json'));
  });
});

describe('briefing mark', () => {
  it('marks by full id and by id prefix, and unmarks', async () => {
    const dir = tempDir();
    const r = await cli(['mark', ids[0]!.slice(0, 8), '--star', DATA, '--no-cache'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain(ids[0]);
    expect(disk(dir).articles.get(ids[0]!)?.starred).toBe(true);
    await cli(['mark', ids[0]!, '--unstar', '--read', DATA, '--no-cache'], dir);
    expect(disk(dir).articles.get(ids[0]!)).toMatchObject({starred: false, read: true});
  });

  it('marks every article a query finds, with the same search as the TUI', async () => {
    const dir = tempDir();
    const target = ids[2]!;
    const query = `"${headlines.get(target)!.split(/\s+/).slice(0, 4).join(' ')}"`;
    const r = await cli(['mark', query, '--read', '--json', DATA, '--no-cache'], dir);
    expect(r.code, r.err).toBe(0);
    const marked = (JSON.parse(r.out) as {ids: string[]}).ids;
    expect(marked).toContain(target);
    for (const id of marked) expect(disk(dir).articles.get(id)?.read).toBe(true);
  });

  it.each([
    ['an unknown full id', 'ffffffffffffffff', /unknown id 'ffffffffffffffff'/],
    ['a query with no match', 'zzqqxxvvnope', /no article matches/],
    ['a bad query', 'leader:', /bad query/],
  ])('%s: one line, exit 1, state untouched', async (_n, target, message) => {
    const dir = tempDir();
    await cli(['mark', ids[0]!, '--read', DATA, '--no-cache'], dir);
    const before = readFileSync(join(dir, 'state.json'), 'utf8');
    const r = await cli(['mark', target, '--star', DATA, '--no-cache'], dir);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(message);
    expect(readFileSync(join(dir, 'state.json'), 'utf8')).toBe(before);
  });

  it('an unwritable state dir: one line naming it, exit 1, nothing loaded or written', async () => {
    const base = tempDir();
    writeFileSync(join(base, 'plain-file'), 'x');
    const r = await cli(['mark', ids[0]!, '--read', DATA, '--no-cache', '--state-dir', join(base, 'plain-file', 'state')], base);
    expect(r.code).toBe(1);
    expect(r.err.trim()).toMatch(/^briefing: cannot use state directory .*plain-file.*: ENOTDIR$/);
  });

  it('usage errors exit 2', async () => {
    const dir = tempDir();
    expect((await cli(['mark', ids[0]!, DATA], dir)).code).toBe(2);
    expect((await cli(['mark', ids[0]!, '--read', '--unread', DATA], dir)).code).toBe(2);
  });
});

describe('briefing state export / import', () => {
  it('exports, imports into another state merging by time, and reports what changed', async () => {
    const home = tempDir();
    const work = tempDir();
    await cli(['mark', ids[0]!, '--read', DATA, '--no-cache'], work);
    await cli(['mark', ids[1]!, '--star', DATA, '--no-cache'], work);
    await cli(['mark', ids[2]!, '--star', DATA, '--no-cache'], home);
    const file = join(work, 'export.json');
    const ex = await cli(['state', 'export', file], work);
    expect(ex.code).toBe(0);
    expect(existsSync(file)).toBe(true);
    // A later change at home to an article the export also has: the newer (home) one must win.
    await cli(['mark', ids[0]!, '--unread', DATA, '--no-cache'], home);
    const im = await cli(['state', 'import', file], home);
    expect(im.code, im.err).toBe(0);
    expect(im.out).toMatch(/1 article changed \(starred 1\)/);
    const data = disk(home);
    expect(data.articles.get(ids[0]!)?.read).toBe(false);
    expect(data.articles.get(ids[1]!)?.starred).toBe(true);
    expect(data.articles.get(ids[2]!)?.starred).toBe(true);
    const again = await cli(['state', 'import', file, '--json'], home);
    expect(JSON.parse(again.out)).toMatchObject({changed: 0});
  });

  it('imports a v1 file through the migration', async () => {
    const dir = tempDir();
    const file = join(dir, 'old.json');
    writeFileSync(file, JSON.stringify({version: 1, read: [ids[0]], starred: [ids[1]]}));
    const r = await cli(['state', 'import', file], dir);
    expect(r.code).toBe(0);
    expect(disk(dir).articles.get(ids[1]!)?.starred).toBe(true);
  });

  it.each([
    ['missing', null, /cannot read .*missing\.json: ENOENT/],
    ['not JSON', '{"version": 2, "articles": {', /is not a briefing state file: not valid JSON/],
    ['the wrong shape', '{"version": 2, "articles": {"a": {"read": true, "readAt": 1}}}', /is not a briefing state file: articles\.id is missing/],
    ['an invalid entry', JSON.stringify({version: 2, articles: {id: ['a', 'b'], read: {rows: [0, 0], values: '1y', at: [1, 1]}}}), /1 invalid entry \(first: article "b": bad read\).*nothing imported/],
    ['a newer version', JSON.stringify({version: 99}), /newer briefing \(schema v99/],
  ])('a malformed import file (%s): one line, exit 1, state untouched', async (_n, content, message) => {
    const dir = tempDir();
    await cli(['mark', ids[0]!, '--read', DATA, '--no-cache'], dir);
    const before = readFileSync(join(dir, 'state.json'), 'utf8');
    const file = join(dir, 'missing.json');
    if (content !== null) writeFileSync(file, content);
    const r = await cli(['state', 'import', file], dir);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(message);
    expect(readFileSync(join(dir, 'state.json'), 'utf8')).toBe(before);
  });
});

describe('location', () => {
  it('without an override the state lives in $XDG_CONFIG_HOME/briefing (through conf)', async () => {
    const {execFileSync} = await import('node:child_process');
    const xdg = tempDir();
    const env: NodeJS.ProcessEnv = {...process.env, XDG_CONFIG_HOME: xdg};
    delete env.BRIEFING_STATE_DIR;
    const out = execFileSync(process.execPath, [resolve('bin/briefing.js'), 'state', '--json'], {env, encoding: 'utf8'});
    expect(JSON.parse(out).path).toBe(join(xdg, 'briefing', 'state.json'));
  });
});
