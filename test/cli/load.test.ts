import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type {Article} from '../../src/types.js';
import {buildLoadedCorpus, loadArticles, findWorker} from '../../src/cli/load.js';
import {createSearchEngine} from '../../src/search/index.js';
import {buildCorpus} from '../../src/corpus/index.js';
import {resolveCacheDir} from '../../src/cli/cache.js';

let root: string;
let data: string;
let cacheDir: string;

function article(n: number, extra = ''): string {
  return `Headline number ${n} about the summit${extra}\n\nTOKYO, Jan 5 (AP) - Leader ${n} met his counterpart on Monday to discuss trade.\n\n` +
    `"We will keep talking," he said. The talks covered ${n} topics.\n`;
}

function write(rel: string, text: string | Uint8Array): string {
  const file = path.join(data, rel);
  fs.mkdirSync(path.dirname(file), {recursive: true});
  fs.writeFileSync(file, text);
  return file;
}

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-load-'));
  data = path.join(root, 'data');
  cacheDir = path.join(root, 'cache');
  for (let i = 0; i < 6; i++) write(`${i < 3 ? 'a' : 'b/c'}/${i}.txt`, article(i));
});
afterEach(() => fs.rmSync(root, {recursive: true, force: true}));

const load = (options: Parameters<typeof loadArticles>[1] = {}) => loadArticles([data], {cacheDir, cacheVersion: 't1', workers: 0, ...options});
const shards = (ext = '.heads') => fs.readdirSync(cacheDir).filter((n) => n.startsWith('shard-') && n.endsWith(ext));

describe('loadArticles: files', () => {
  it('walks folders recursively in sorted order, skipping and counting hidden files', async () => {
    write('.hidden.txt', article(99));
    write('.git/x.txt', article(98));
    write('notes.md', 'not an article');
    const r = await load({cacheDir: null});
    expect(r.articles.map((a) => path.relative(data, a.source))).toEqual(['a/0.txt', 'a/1.txt', 'a/2.txt', 'b/c/3.txt', 'b/c/4.txt', 'b/c/5.txt']);
    expect(r.skippedHidden).toBe(2);
    expect(r.failures).toEqual([]);
    expect(r.stats).toMatchObject({files: 6, parsed: 6, fromCache: 0});
  });

  it('reports unreadable and unparseable files one line each and loads the rest', async () => {
    write('a/empty.txt', '');
    write('a/big.txt', Buffer.alloc(6 * 1024 * 1024, 97));
    const r = await load({cacheDir: null});
    expect(r.articles).toHaveLength(6);
    const messages = r.failures.map((f) => f.message);
    expect(messages).toHaveLength(2);
    expect(messages.find((m) => m.includes('big.txt'))).toMatch(/big\.txt: file too large \(6\.0 MB, limit 5 MB\)$/);
    expect(messages.find((m) => m.includes('empty.txt'))).toMatch(/empty\.txt: .*empty/);
    for (const m of messages) expect(m).not.toContain('\n');
  });

  it('reports missing paths as problems', async () => {
    const r = await loadArticles([data, path.join(root, 'nope')], {workers: 0});
    expect(r.articles).toHaveLength(6);
    expect(r.problems).toEqual([`${path.join(root, 'nope')}: no such file or directory`]);
  });

  it('reports progress up to the total', async () => {
    const seen: Array<[number, number]> = [];
    await load({cacheDir: null, onProgress: (d, t) => seen.push([d, t])});
    expect(seen.at(-1)).toEqual([6, 6]);
    for (let i = 1; i < seen.length; i++) expect(seen[i]![0]).toBeGreaterThanOrEqual(seen[i - 1]![0]);
  });
});

describe('loadArticles: cache', () => {
  it('reopens an unchanged folder without parsing, with identical articles', async () => {
    const first = await load();
    expect(first.stats).toMatchObject({parsed: 6, fromCache: 0});
    const second = await load();
    expect(second.stats).toMatchObject({parsed: 0, fromCache: 6});
    expect(second.articles).toEqual(first.articles);
    expect(second.cacheNotes).toEqual([]);
  });

  it('finds the same files in the cache however their paths are written (relative, with . and ..)', async () => {
    await load();
    const cwd = process.cwd();
    process.chdir(root);
    try {
      for (const given of ['data', './data/', path.join(data, 'a', '..', '.', 'b', '..')]) {
        const r = await loadArticles([given], {cacheDir, cacheVersion: 't1', workers: 0});
        expect(r.stats, given).toMatchObject({parsed: 0, fromCache: 6});
      }
    } finally {
      process.chdir(cwd);
    }
  });

  it('re-parses an edited file alone', async () => {
    await load();
    const edited = write('a/1.txt', article(1, ' (updated)'));
    const r = await load();
    expect(r.stats).toMatchObject({parsed: 1, fromCache: 5});
    expect(r.articles.find((a) => a.source === edited)?.headline).toContain('(updated)');
  });

  it('takes a copied file from the cache by its content, under its own path', async () => {
    await load();
    const copy = write('z/copy.txt', article(2));
    const r = await load();
    expect(r.stats).toMatchObject({parsed: 0, fromCache: 7});
    const a = r.articles.find((x) => x.source === copy)!;
    expect(a.headline).toBe('Headline number 2 about the summit');
  });

  it('caches parse errors too, and reports them again', async () => {
    write('a/empty.txt', '   \n');
    await load();
    const r = await load();
    expect(r.stats.parsed).toBe(0);
    expect(r.failures.map((f) => f.source)).toEqual([path.join(data, 'a/empty.txt')]);
  });

  it('re-parses everything under another parser version, silently', async () => {
    await load();
    const r = await load({cacheVersion: 't2'});
    expect(r.stats).toMatchObject({parsed: 6, fromCache: 0});
    expect(r.cacheNotes).toEqual([]);
    expect((await load({cacheVersion: 't2'})).stats.fromCache).toBe(6);
  });

  it.each([
    ['garbage', () => fs.writeFileSync(path.join(cacheDir, 'manifest.json'), '\u0000\u0001 not json')],
    ['truncated', () => {
      const m = path.join(cacheDir, 'manifest.json');
      fs.writeFileSync(m, fs.readFileSync(m, 'utf8').slice(0, 40));
    }],
    ['wrong shape', () => {
      const m = path.join(cacheDir, 'manifest.json');
      const manifest = JSON.parse(fs.readFileSync(m, 'utf8')) as {dirs: unknown};
      fs.writeFileSync(m, JSON.stringify({...manifest, dirs: [[1, 2]]}));
    }],
    ['file entry naming no record', () => {
      const m = path.join(cacheDir, 'manifest.json');
      const manifest = JSON.parse(fs.readFileSync(m, 'utf8')) as {dirs: Array<[string, {record: number[]}]>};
      manifest.dirs[0]![1].record[0] = 999;
      fs.writeFileSync(m, JSON.stringify(manifest));
    }],
    ['record column cut short', () => {
      const m = path.join(cacheDir, 'manifest.json');
      const manifest = JSON.parse(fs.readFileSync(m, 'utf8')) as {records: {headCrc: number[]}};
      manifest.records.headCrc.pop();
      fs.writeFileSync(m, JSON.stringify(manifest));
    }],
    ['record naming no shard', () => {
      const m = path.join(cacheDir, 'manifest.json');
      const manifest = JSON.parse(fs.readFileSync(m, 'utf8')) as {records: {shard: number[]}};
      manifest.records.shard[0] = 7;
      fs.writeFileSync(m, JSON.stringify(manifest));
    }],
  ])('rebuilds a %s manifest with a note, never fatal', async (_name, damage) => {
    const first = await load();
    damage();
    const r = await load();
    expect(r.stats).toMatchObject({parsed: 6, fromCache: 0});
    expect(r.articles).toEqual(first.articles);
    expect(r.cacheNotes.join('\n')).toMatch(/rebuilding/);
    expect((await load()).stats).toMatchObject({parsed: 0, fromCache: 6});
  });

  it('reads back the first record of every shard with its own strings (not numbers into the previous table)', async () => {
    fs.rmSync(data, {recursive: true, force: true});
    // The first article names people and places no later one does, so numbers into the wrong table would show.
    write('c.txt', 'Ardern meets Albanese in Wellington\n\nWELLINGTON, Feb 2 (AP) - New Zealand Prime Minister Jacinda Ardern met Australian Prime Minister Anthony Albanese.\n\n"We are family," Ardern said.\n');
    write('a.txt', article(1));
    write('b.txt', article(2));
    const fresh = await load({cacheDir: null});
    // A shard per record: each record after the first starts a new shard and string table.
    await load({cacheShardBytes: 1});
    expect(shards()).toHaveLength(3);
    const warm = await load();
    expect(warm.cacheNotes).toEqual([]);
    expect(warm.stats).toMatchObject({parsed: 0, fromCache: 3});
    expect(JSON.parse(JSON.stringify(warm.articles))).toEqual(JSON.parse(JSON.stringify(fresh.articles)));
  });

  it('rebuilds a cache of an older format silently', async () => {
    await load();
    const m = path.join(cacheDir, 'manifest.json');
    fs.writeFileSync(m, JSON.stringify({...JSON.parse(fs.readFileSync(m, 'utf8')), format: 2}));
    const r = await load();
    expect(r.stats).toMatchObject({parsed: 6, fromCache: 0});
    expect(r.cacheNotes).toEqual([]);
  });

  it.each(['.bodies', '.rests'])('re-parses the records of a truncated %s file at load, not later', async (ext) => {
    const first = await load();
    const bodies = path.join(cacheDir, shards(ext)[0]!);
    fs.truncateSync(bodies, Math.floor(fs.statSync(bodies).size / 2));
    const r = await load();
    expect(r.stats.parsed).toBeGreaterThan(0);
    expect(r.stats.parsed + r.stats.fromCache).toBe(6);
    expect(r.articles).toEqual(first.articles);
    expect(r.cacheNotes.join('\n')).toMatch(/damaged record/);
  });

  it('re-parses the records of a truncated shard and trusts the intact ones', async () => {
    const first = await load();
    const shard = path.join(cacheDir, shards()[0]!);
    const size = fs.statSync(shard).size;
    fs.truncateSync(shard, Math.floor(size / 2));
    const r = await load();
    expect(r.articles).toEqual(first.articles);
    expect(r.stats.parsed).toBeGreaterThan(0);
    expect(r.stats.fromCache).toBeGreaterThan(0);
    expect(r.stats.parsed + r.stats.fromCache).toBe(6);
    expect(r.cacheNotes.join('\n')).toMatch(/damaged record/);
    expect((await load()).stats).toMatchObject({parsed: 0, fromCache: 6});
  });

  it('never trusts a record whose bytes changed (checksum), even if it is still JSON', async () => {
    const first = await load();
    const shard = path.join(cacheDir, shards()[0]!);
    const text = fs.readFileSync(shard, 'utf8');
    fs.writeFileSync(shard, text.replace('Headline number 3', 'Headline NUMBER 3'));
    const r = await load();
    expect(r.articles).toEqual(first.articles);
    expect(r.stats.parsed).toBe(1);
  });

  it('survives a deleted shard', async () => {
    const first = await load();
    for (const s of shards('')) fs.rmSync(path.join(cacheDir, s));
    const r = await load();
    expect(r.articles).toEqual(first.articles);
    expect(r.stats.parsed).toBe(6);
  });

  it('stores an article larger than its write buffer (1 MB), and text beyond ASCII, byte for byte', async () => {
    const paragraph = 'Ministers met in Zürich — “a long day”, said the envoy, as talks on the 東京 accord went on. ';
    write('big.txt', article(7, '') + `\n${paragraph.repeat(12_000)}\n`);
    const fresh = await load({cacheDir: null});
    // Written by the workers (the body as text) when the bundle has them, else on this thread (as bytes).
    const stored = await load(findWorker() ? {workers: 2, workerThreshold: 1, filesPerExtraWorker: 10} : {});
    expect(stored.stats.parsed).toBe(7);
    const warm = await load();
    expect(warm.stats.parsed).toBe(0);
    const big = (r: typeof warm) => r.articles.find((a) => a.source.endsWith('big.txt'))!;
    expect(big(warm).paragraphs.join('\n').length).toBeGreaterThan(1_048_576);
    expect(JSON.parse(JSON.stringify(warm.articles))).toEqual(JSON.parse(JSON.stringify(fresh.articles)));
  });

  it('carries on without a cache it cannot write', async () => {
    fs.writeFileSync(cacheDir, 'a file where the folder should be');
    const r = await load();
    expect(r.articles).toHaveLength(6);
    expect(r.cacheNotes.join('\n')).toMatch(/cannot write|cannot save/);
  });

  it('writes no temp files and keeps one manifest', async () => {
    await load();
    write('a/new.txt', article(42));
    await load();
    const names = fs.readdirSync(cacheDir);
    expect(names.filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(names).toContain('manifest.json');
  });
});

describe('resolveCacheDir', () => {
  const base = {env: {}, cwd: '/home/u'};
  it('prefers --cache-dir, then BRIEFING_CACHE_DIR, then the user cache dir; --no-cache turns it off', () => {
    expect(resolveCacheDir({...base, cacheDir: 'c', env: {BRIEFING_CACHE_DIR: '/e'}})).toBe('/home/u/c');
    expect(resolveCacheDir({...base, env: {BRIEFING_CACHE_DIR: '/e'}})).toBe('/e');
    expect(resolveCacheDir({...base, noCache: true, cacheDir: 'c'})).toBeNull();
    expect(resolveCacheDir(base)).toMatch(/briefing$/);
  });
});

describe.skipIf(!findWorker())('loadArticles: workers (needs dist/worker.js: npm run build)', () => {
  it('parses on worker threads with the same result as on this thread, and caches it', async () => {
    for (let i = 10; i < 60; i++) write(`w/${i}.txt`, article(i));
    write('w/empty.txt', '');
    const inThread = await load({cacheDir: null});
    const seen: number[] = [];
    const pooled = await load({workers: 2, workerThreshold: 1, filesPerExtraWorker: 10, onProgress: (d) => seen.push(d)});
    expect(pooled.stats.workers).toBeGreaterThan(0);
    expect(pooled.stats.parsed).toBe(57);
    expect(pooled.articles).toEqual(inThread.articles);
    expect(pooled.failures).toEqual(inThread.failures);
    expect(seen.at(-1)).toBe(57);
    const again = await load({workers: 2, workerThreshold: 1, filesPerExtraWorker: 10});
    expect(again.stats).toMatchObject({parsed: 0, fromCache: 57, workers: 0});
    // The records the workers' results were written as read back as the same articles.
    expect(again.articles).toEqual(inThread.articles);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('has the workers write the records themselves, in shards of their own, committed whole (small shards, copies across workers)', async () => {
    for (let i = 10; i < 70; i++) write(`w/${i}.txt`, article(i));
    // The same content under several names: one record, every name remembered.
    for (let i = 0; i < 5; i++) write(`copies/${i}.txt`, article(999));
    const inThread = await load({cacheDir: null});
    const pooled = await load({workers: 2, workerThreshold: 1, filesPerExtraWorker: 10, cacheShardBytes: 4096});
    expect(pooled.stats.workers).toBe(2);
    expect(pooled.stats.parsed).toBe(71);
    expect(pooled.articles).toEqual(inThread.articles);
    expect(pooled.articles.map((a) => a.source)).toEqual(inThread.articles.map((a) => a.source));
    const names = fs.readdirSync(cacheDir);
    expect(names.filter((n) => n.endsWith('.tmp'))).toEqual([]);
    // 4 KB shards: many, from both workers, each with its string table.
    expect(shards().length).toBeGreaterThan(4);
    expect(shards('.strings').length).toBe(shards().length);
    const manifest = JSON.parse(fs.readFileSync(path.join(cacheDir, 'manifest.json'), 'utf8')) as {records: {hash: string[]}};
    expect(new Set(manifest.records.hash).size).toBe(manifest.records.hash.length);
    expect(manifest.records.hash).toHaveLength(67);
    const again = await load({workers: 2, workerThreshold: 1, filesPerExtraWorker: 10});
    expect(again.stats).toMatchObject({parsed: 0, fromCache: 71});
    expect(again.articles).toEqual(inThread.articles);
  });

  it('parses again what the workers stored when they cannot commit it (the cache folder removed during the load)', async () => {
    for (let i = 10; i < 70; i++) write(`w/${i}.txt`, article(i));
    const inThread = await load({cacheDir: null});
    let removed = false;
    const r = await load({
      workers: 2, workerThreshold: 1, filesPerExtraWorker: 10,
      onProgress: (done) => {
        if (!removed && done >= 20) (removed = true), fs.rmSync(cacheDir, {recursive: true, force: true});
      },
    });
    expect(removed).toBe(true);
    expect(r.articles).toEqual(inThread.articles);
    expect(r.stats.parsed).toBe(66);
    // What was parsed again went to a cache of its own: the next load takes every file from it.
    const again = await load();
    expect(again.stats).toMatchObject({parsed: 0, fromCache: 66});
    expect(again.articles).toEqual(inThread.articles);
  });

  it('carries on, every file loaded, when the workers cannot write the cache', async () => {
    for (let i = 10; i < 40; i++) write(`w/${i}.txt`, article(i));
    fs.writeFileSync(cacheDir, 'a file where the folder should be');
    const inThread = await load({cacheDir: null});
    const r = await load({workers: 2, workerThreshold: 1, filesPerExtraWorker: 10});
    expect(r.articles).toEqual(inThread.articles);
    expect(r.stats.parsed).toBe(36);
    expect(r.cacheNotes.join('\n')).toMatch(/cannot write|cannot save/);
  });
});

describe('loadArticles: lazy bodies', () => {
  it('reads paragraphs and quote texts from the cache when first used, and re-parses the file if that record is damaged', async () => {
    const first = await load();
    const warm = await load();
    expect(warm.stats.fromCache).toBe(6);
    const bodies = path.join(cacheDir, shards('.bodies')[0]!);
    // Damage every body (in place: the loader keeps the file open) but no head, and edit one source file
    // without touching its stat: what the reader then sees can only come from reading the body now.
    fs.writeFileSync(bodies, fs.readFileSync(bodies, 'utf8').replaceAll('Leader', 'LEADER'), {flag: 'r+'});
    const source = warm.articles[0]!.source;
    const stat = fs.statSync(source);
    fs.writeFileSync(source, fs.readFileSync(source, 'utf8').replace('to discuss trade', 'to discuss grain'));
    fs.utimesSync(source, stat.atime, stat.mtime);
    expect(warm.articles[0]!.paragraphs.join(' ')).toContain('to discuss grain');
    expect(warm.articles[0]!.quotes.map((q) => q.text)).toEqual(first.articles[0]!.quotes.map((q) => q.text));
    expect(warm.articles.slice(1).map((a) => a.paragraphs)).toEqual(first.articles.slice(1).map((a) => a.paragraphs));
  });

  it('gives quote texts and paragraphs from an intact cache, equal to a fresh parse, through spreads and JSON too', async () => {
    const first = await load();
    const warm = await load();
    expect(warm.articles.every((a) => a.quotes.length > 0)).toBe(true);
    expect(warm.articles.map((a) => a.quotes.map((q) => q.text))).toEqual(first.articles.map((a) => a.quotes.map((q) => q.text)));
    expect(JSON.parse(JSON.stringify(warm.articles))).toEqual(JSON.parse(JSON.stringify(first.articles)));
    expect({...warm.articles[1]!}).toEqual(first.articles[1]);
  });

  it('lets a lazy property be replaced', async () => {
    await load();
    const a = (await load()).articles[0]!;
    a.paragraphs = ['replaced'];
    a.quotes[0]!.text = 'new words';
    expect(a.paragraphs).toEqual(['replaced']);
    expect(a.quotes[0]!.text).toBe('new words');
  });
});

describe('loadArticles: quotes from the cache', () => {
  it('are made only when first read; the corpus counts them without making them, as from a fresh parse', async () => {
    write('a/said.txt', 'Kishida warns Pyongyang\n\nTOKYO, Jan 5 (AP) - Japanese Prime Minister Fumio Kishida spoke on Monday.\n\n' +
      '"We will not accept this," Kishida said. "It is a grave threat," he added.\n');
    await load();
    const cached = (await load()).articles;
    const fresh = (await load({cacheDir: null})).articles;
    const made = () => cached.filter((a) => Object.getOwnPropertyDescriptor(a, 'quotes')?.get === undefined).length;
    const a = buildCorpus(cached);
    const b = buildCorpus(fresh);
    expect(made()).toBe(0);
    expect(b.people.reduce((n, p) => n + p.quoteCount, 0)).toBeGreaterThan(1);
    expect(a.people.map((p) => [p.id, p.quoteCount])).toEqual(b.people.map((p) => [p.id, p.quoteCount]));
    expect([...a.indexes!.personQuotes]).toEqual([...b.indexes!.personQuotes]);
    const first = cached[0]!.quotes;
    expect(cached[0]!.quotes).toBe(first);
    expect(made()).toBe(1);
    expect(cached.map((x) => x.quotes)).toEqual(fresh.map((x) => x.quotes));
    expect(a.quotesBy(a.people.find((p) => p.name.includes('Kishida'))!.id).map((r) => r.quote.text)).toEqual(['We will not accept this', 'It is a grave threat']);
  });
});

describe('loadArticles: the rest of a head (people, countries, organisations, quotes, summary) from the cache', () => {
  const restFields = ['people', 'countries', 'organizations', 'summary'] as const;
  const decoded = (articles: readonly Article[]) => articles.filter((a) => restFields.some((k) => Object.getOwnPropertyDescriptor(a, k)?.get === undefined)).length;

  it('is decoded only when first read: a warm start with the corpus and search kept in the cache decodes none', async () => {
    write('a/said.txt', 'Kishida warns Pyongyang\n\nTOKYO, Jan 5 (AP) - Japanese Prime Minister Fumio Kishida spoke on Monday.\n\n' +
      '"We will not accept this," Kishida said.\n');
    const fresh = (await load({cacheDir: null})).articles;
    createSearchEngine(buildLoadedCorpus(await load())).search('kishida', {limit: 5});
    const warm = await load();
    const engine = createSearchEngine(buildLoadedCorpus(warm));
    expect(decoded(warm.articles)).toBe(0);
    // A search reads the summaries of the hits it highlights, no more.
    const result = engine.search('kishda', {limit: 5});
    expect(result.ok && result.hits.length).toBe(1);
    expect(decoded(warm.articles)).toBe(1);
    // All four become plain properties at the first read of any, in their places among the keys.
    expect(warm.articles[0]!.countries).toEqual(fresh[0]!.countries);
    expect(decoded(warm.articles)).toBe(2);
    expect(Object.keys(warm.articles[0]!)).toEqual(Object.keys(fresh[0]!));
    expect(JSON.parse(JSON.stringify(warm.articles))).toEqual(JSON.parse(JSON.stringify(fresh)));
  });

  it('is parsed again from the file when damaged, or malformed though its checksum is intact (never trusted, never fatal)', async () => {
    const fresh = (await load({cacheDir: null})).articles;
    await load();
    const rests = path.join(cacheDir, shards('.rests')[0]!);
    const good = fs.readFileSync(rests, 'latin1');
    const end = good.indexOf('\n');
    // The first record's rest made into same-length garbage: refused by its checksum, then with the checksum agreeing.
    const changed = 'x'.repeat(end) + good.slice(end);
    fs.writeFileSync(rests, changed, 'latin1');
    const damaged = await load();
    expect(damaged.stats.fromCache).toBe(6);
    expect(JSON.parse(JSON.stringify(damaged.articles))).toEqual(JSON.parse(JSON.stringify(fresh)));
    const manifestFile = path.join(cacheDir, 'manifest.json');
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as {records: {restOffset: number[]; restCrc: number[]}};
    manifest.records.restCrc[manifest.records.restOffset.indexOf(0)] = zlib.crc32(Buffer.from(changed.slice(0, end), 'latin1'));
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));
    const malformed = await load();
    expect(malformed.stats.fromCache).toBe(6);
    expect(JSON.parse(JSON.stringify(malformed.articles))).toEqual(JSON.parse(JSON.stringify(fresh)));
  });

  it('is read from the whole file once many are wanted, with the same result', async () => {
    for (let i = 6; i < 300; i++) write(`d/${i}.txt`, article(i));
    const fresh = (await load({cacheDir: null})).articles;
    await load();
    const warm = (await load()).articles;
    expect(decoded(warm)).toBe(0);
    expect(JSON.parse(JSON.stringify(warm))).toEqual(JSON.parse(JSON.stringify(fresh)));
  });
});

describe('buildLoadedCorpus: the term index kept in the cache', () => {
  const termFiles = () => fs.readdirSync(cacheDir).filter((n) => n.startsWith('terms-'));
  /** What search finds (text words, so the term index decides). */
  const found = (corpus: ReturnType<typeof buildLoadedCorpus>) => {
    const engine = createSearchEngine(corpus);
    return ['summit', 'headline number', 'topics', 'counterpart trade'].map((q) => JSON.stringify(engine.search(q, {limit: 10})));
  };

  it('is stored after the first build and used as it is on the next start, with the same results', async () => {
    const first = found(buildLoadedCorpus(await load()));
    expect(termFiles()).toHaveLength(1);
    const file = path.join(cacheDir, termFiles()[0]!);
    const {ino} = fs.statSync(file);
    const second = found(buildLoadedCorpus(await load()));
    expect(second).toEqual(first);
    // Not rebuilt and rewritten (a write goes through a new file renamed into place).
    expect(fs.statSync(file).ino).toBe(ino);
  });

  it('is rebuilt, never trusted, when damaged, and stored again whole', async () => {
    const first = found(buildLoadedCorpus(await load()));
    const file = path.join(cacheDir, termFiles()[0]!);
    const good = fs.readFileSync(file);
    const bad = Buffer.from(good);
    // Flip bytes inside the typed arrays (the header line still parses and still names these articles).
    for (let i = bad.length - 40; i < bad.length - 20; i++) bad[i] = bad[i]! ^ 0x5a;
    fs.writeFileSync(file, bad);
    expect(found(buildLoadedCorpus(await load()))).toEqual(first);
    expect(fs.readFileSync(file).equals(good)).toBe(true);
    fs.writeFileSync(file, good.subarray(0, 100));
    expect(found(buildLoadedCorpus(await load()))).toEqual(first);
    expect(fs.readFileSync(file).equals(good)).toBe(true);
  });

  it('is not used for other articles: an added file gives a new index, with the new article found', async () => {
    found(buildLoadedCorpus(await load()));
    expect(termFiles()).toHaveLength(1);
    write('a/new.txt', 'Zanzibar ferry timetable changes\n\nDAR ES SALAAM, Jan 6 (AP) - The ferry company said on Tuesday that the timetable would change.\n');
    const corpus = buildLoadedCorpus(await load());
    const result = createSearchEngine(corpus).search('zanzibar', {limit: 5});
    expect(JSON.stringify(result)).toContain('Zanzibar ferry');
    expect(termFiles()).toHaveLength(2);
  });

  it('keeps the merged people and the search vocabulary too, each rebuilt (never trusted) when damaged', async () => {
    write('a/said.txt', 'Kishida warns Pyongyang\n\nTOKYO, Jan 5 (AP) - Japanese Prime Minister Fumio Kishida spoke on Monday.\n\n' +
      '"We will not accept this," Kishida said. "It is a grave threat," he added.\n');
    /** Everything a start derives and the commands show. */
    const everything = (corpus: ReturnType<typeof buildLoadedCorpus>) => JSON.stringify([
      found(corpus), corpus.people, corpus.countries, corpus.people.map((p) => corpus.quotesBy(p.id).map((q) => q.quote.text)),
      corpus.articles.map((a) => corpus.related(a.id)), createSearchEngine(corpus).search('kishda pyongyang', {limit: 5}),
    ]);
    const fresh = everything(buildLoadedCorpus(await load({cacheDir: null})));
    expect(everything(buildLoadedCorpus(await load()))).toEqual(fresh);
    const kinds = ['corpus', 'terms', 'vocabulary'];
    const files = kinds.map((k) => fs.readdirSync(cacheDir).filter((n) => n.startsWith(`${k}-`)));
    expect(files.map((f) => f.length)).toEqual([1, 1, 1]);
    const inodes = files.map((f) => fs.statSync(path.join(cacheDir, f[0]!)).ino);
    expect(everything(buildLoadedCorpus(await load()))).toEqual(fresh);
    // Read, not rebuilt and rewritten (a write goes through a new file renamed into place).
    expect(files.map((f) => fs.statSync(path.join(cacheDir, f[0]!)).ino)).toEqual(inodes);
    for (const [k, list] of files.entries()) {
      const file = path.join(cacheDir, list[0]!);
      const good = fs.readFileSync(file);
      const bad = Buffer.from(good);
      for (let i = Math.floor(bad.length / 2); i < Math.floor(bad.length / 2) + 8; i++) bad[i] = bad[i]! ^ 0x5a;
      fs.writeFileSync(file, bad);
      expect(everything(buildLoadedCorpus(await load())), kinds[k]).toEqual(fresh);
      expect(fs.readFileSync(file).equals(good), kinds[k]).toBe(true);
      fs.writeFileSync(file, good.subarray(0, 20));
      expect(everything(buildLoadedCorpus(await load())), kinds[k]).toEqual(fresh);
      expect(fs.readFileSync(file).equals(good), kinds[k]).toBe(true);
    }
  });

  it('is not kept without a cache', async () => {
    const loaded = await load({cacheDir: null});
    expect(loaded.derived).toBeNull();
    expect(found(buildLoadedCorpus(loaded))).toHaveLength(4);
  });
});
