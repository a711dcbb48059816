import {afterEach, describe, expect, it} from 'vitest';
import {existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {Writable} from 'node:stream';
import {openFileStore, StateError} from '../../../src/cli/state/index.js';
import {parseStateText, SCHEMA_VERSION} from '../../../src/state/schema.js';
import {tempDir} from './helpers/child.js';

const sink = () => {
  let text = '';
  const stream = new Writable({
    write(chunk, _enc, cb) {
      text += String(chunk);
      cb();
    },
  });
  return {stream, text: () => text};
};

const opened: Array<{close(): void}> = [];
const open = (dir: string, extra: {debounceMs?: number} = {}) => {
  const err = sink();
  const store = openFileStore({dir, stderr: err.stream, ...extra});
  opened.push(store);
  return {store, stderr: err.text};
};
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

const onDisk = (dir: string) => {
  const r = parseStateText(readFileSync(join(dir, 'state.json'), 'utf8'), 0);
  if (r.kind !== 'ok') throw new Error(`state.json does not parse: ${JSON.stringify(r)}`);
  return r;
};

describe('file store basics', () => {
  it('starts empty in a new directory (created) and writes on flush', async () => {
    const dir = join(tempDir(), 'nested', 'state');
    const {store} = open(dir);
    expect(store.warnings).toEqual([]);
    expect(store.fileVersion).toBeNull();
    store.setRead('a', true);
    store.setGlobal({lastArticle: 'a'});
    await store.flush();
    const disk = onDisk(dir);
    expect(disk.fromVersion).toBe(SCHEMA_VERSION);
    expect(disk.data.articles.get('a')?.read).toBe(true);
    expect(disk.data.global.lastArticle).toBe('a');
    const again = open(dir).store;
    expect(again.get('a')?.read).toBe(true);
    expect(again.global().lastArticle).toBe('a');
  });

  it('an unusable directory is one clear StateError', () => {
    const base = tempDir();
    writeFileSync(join(base, 'file'), 'x');
    expect(() => open(join(base, 'file', 'sub'))).toThrow(StateError);
    expect(() => open(join(base, 'file', 'sub'))).toThrow(/cannot use state directory .*file.*ENOTDIR/);
  });

  it('merges on write: two stores on one file keep each other\'s changes', async () => {
    const dir = tempDir();
    const a = open(dir).store;
    const b = open(dir).store;
    a.setRead('from-a', true);
    b.setStarred('from-b', true);
    await a.flush();
    await b.flush();
    const disk = onDisk(dir).data;
    expect(disk.articles.get('from-a')?.read).toBe(true);
    expect(disk.articles.get('from-b')?.starred).toBe(true);
    // b saw a's change while merging, and told its subscribers.
    expect(b.get('from-a')?.read).toBe(true);
  });

  it('the newer change of one field wins across stores', async () => {
    const dir = tempDir();
    let t = 1000;
    const a = openFileStore({dir, stderr: null, now: () => t});
    const b = openFileStore({dir, stderr: null, now: () => t});
    opened.push(a, b);
    a.setRead('x', true); // at 1000
    t = 2000;
    b.setRead('x', false); // at 2000, newer
    await b.flush();
    await a.flush(); // a's older change must not overwrite b's
    expect(onDisk(dir).data.articles.get('x')?.read).toBe(false);
    expect(a.get('x')?.read).toBe(false);
  });
});

describe('guarantee 3: corrupt and newer files', () => {
  it.each([
    ['truncated JSON', '{"version": 2, "articles": {"id": ["a"], "read": {"rows": [0], "values": "1", "at": [17'],
    ['binary garbage', '\u0000\u0001\u0002garbage'],
    ['wrong shape', '{"version": 2, "articles": [1, 2]}'],
    ['lists of different lengths', '{"version": 2, "articles": {"id": ["a", "b"], "read": {"rows": [0, 0], "values": "1", "at": [5]}}}'],
    ['empty file', ''],
  ])('%s: moved aside to state.corrupt-<time>.json, started empty, warned in store and on stderr', (_n, text) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'state.json'), text);
    const {store, stderr} = open(dir);
    const aside = readdirSync(dir).filter((f) => /^state\.corrupt-.+\.json$/.test(f));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0]!), 'utf8')).toBe(text);
    expect(store.readOnly).toBe(false);
    expect(store.data.articles.size).toBe(0);
    expect(store.warnings).toHaveLength(1);
    expect(store.warnings[0]).toContain(aside[0]);
    expect(stderr()).toContain(aside[0]);
    expect(stderr().trim().split('\n')).toHaveLength(1);
    // The new file is valid and empty; the next start has no warning.
    expect(onDisk(dir).data.articles.size).toBe(0);
    expect(open(dir).store.warnings).toEqual([]);
  });

  it('an unreadable state file (a directory in its place) is moved aside too', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'state.json'));
    const {store} = open(dir);
    expect(store.warnings[0]).toMatch(/EISDIR.*moved it to .*state\.corrupt-/);
    expect(statSync(join(dir, 'state.json')).isFile()).toBe(true);
  });

  it('invalid entries are dropped, the rest kept, and the original file kept aside', () => {
    const dir = tempDir();
    const text = JSON.stringify({version: 2, global: {}, articles: {id: ['good', 'bad'], read: {rows: [0, 0], values: '1y', at: [5, 0]}}});
    writeFileSync(join(dir, 'state.json'), text);
    const {store} = open(dir);
    expect(store.get('good')?.read).toBe(true);
    expect(store.warnings[0]).toMatch(/left out 1 invalid entry .*bad.*kept at .*state\.corrupt-/);
    const aside = readdirSync(dir).find((f) => f.startsWith('state.corrupt-'))!;
    expect(readFileSync(join(dir, aside), 'utf8')).toBe(text);
  });

  it('a newer schema version: file left untouched, read-only, warning; changes stay in memory', async () => {
    const dir = tempDir();
    const text = JSON.stringify({version: SCHEMA_VERSION + 1, articles: {a: {state: 'future'}}});
    writeFileSync(join(dir, 'state.json'), text);
    const before = statSync(join(dir, 'state.json')).mtimeMs;
    const {store, stderr} = open(dir, {debounceMs: 1});
    expect(store.readOnly).toBe(true);
    expect(store.fileVersion).toBe(SCHEMA_VERSION + 1);
    expect(store.warnings[0]).toMatch(/newer briefing \(schema v3.*read-only/);
    expect(stderr()).toMatch(/read-only/);
    store.setRead('b', true);
    expect(store.get('b')?.read).toBe(true);
    await store.flush();
    store.flushSync();
    await new Promise((r) => setTimeout(r, 20));
    expect(readFileSync(join(dir, 'state.json'), 'utf8')).toBe(text);
    expect(statSync(join(dir, 'state.json')).mtimeMs).toBe(before);
    expect(store.writes).toBe(0);
    expect(readdirSync(dir).filter((f) => f.startsWith('state.corrupt'))).toEqual([]);
  });

  it('a file replaced by a newer version while running turns the store read-only at the next write', async () => {
    const dir = tempDir();
    const {store} = open(dir);
    store.setRead('a', true);
    await store.flush();
    const newer = JSON.stringify({version: SCHEMA_VERSION + 5});
    writeFileSync(join(dir, 'state.json'), newer);
    store.setRead('b', true);
    await store.flush();
    expect(store.readOnly).toBe(true);
    expect(readFileSync(join(dir, 'state.json'), 'utf8')).toBe(newer);
  });
});

describe('guarantee 4: a v1 file is upgraded in place', () => {
  it('migrates on open and rewrites the file as the current version, keeping every mark', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'state.json'), JSON.stringify({version: 1, read: ['r1', 'r2'], starred: ['r2', 's1']}));
    const mtime = statSync(join(dir, 'state.json')).mtimeMs;
    const {store} = open(dir);
    expect(store.fileVersion).toBe(1);
    expect(store.warnings).toEqual([]);
    const disk = onDisk(dir);
    expect(disk.fromVersion).toBe(SCHEMA_VERSION);
    expect(JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')).version).toBe(SCHEMA_VERSION);
    expect([...disk.data.articles.keys()].sort()).toEqual(['r1', 'r2', 's1']);
    expect(disk.data.articles.get('r2')).toMatchObject({read: true, starred: true, readAt: Math.floor(mtime)});
    expect(store.get('s1')?.starred).toBe(true);
  });
});

describe('guarantee 5: debounced writes', () => {
  it('10,000 changes in a burst are one write, made after the delay', async () => {
    const dir = tempDir();
    const {store} = open(dir, {debounceMs: 50});
    for (let i = 0; i < 10_000; i++) store.setRead(`id-${i}`, true);
    expect(store.writes).toBe(0);
    expect(existsSync(join(dir, 'state.json'))).toBe(false);
    await new Promise((r) => setTimeout(r, 300));
    expect(store.writes).toBe(1);
    expect(onDisk(dir).data.articles.size).toBe(10_000);
  });

  it('changes spread over time are batched at most once per delay', async () => {
    const dir = tempDir();
    const {store} = open(dir, {debounceMs: 100});
    const start = Date.now();
    let i = 0;
    while (Date.now() - start < 450) {
      store.setPosition('a', i++);
      await new Promise((r) => setTimeout(r, 2));
    }
    await new Promise((r) => setTimeout(r, 250));
    expect(i).toBeGreaterThan(50);
    expect(store.writes).toBeGreaterThanOrEqual(2);
    expect(store.writes).toBeLessThanOrEqual(7);
    expect(onDisk(dir).data.articles.get('a')?.position).toBe(i - 1);
  });

  it('flushSync writes what is pending at once; nothing pending means no write', () => {
    const dir = tempDir();
    const {store} = open(dir, {debounceMs: 60_000});
    store.flushSync();
    expect(store.writes).toBe(0);
    store.setStarred('a', true);
    store.flushSync();
    expect(store.writes).toBe(1);
    expect(onDisk(dir).data.articles.get('a')?.starred).toBe(true);
  });
});
