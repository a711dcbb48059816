import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {run} from '../../src/cli/main.js';
import {fakeIo} from './fake-io.js';

const SEED = path.resolve('data/000_4be3d47db556df85.txt');
let root: string;
let folder: string;
let cache: string;

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-cmd-'));
  folder = path.join(root, 'news');
  cache = path.join(root, 'cache');
  fs.mkdirSync(path.join(folder, 'sub'), {recursive: true});
  fs.copyFileSync(SEED, path.join(folder, 'seed.txt'));
  fs.writeFileSync(path.join(folder, 'sub', 'other.txt'),
    'Politics\n\nFinance minister Ada Lindqvist warns on budget\n\nStockholm, May 3 (AP).- Swedish finance minister Ada Lindqvist said on Tuesday ' +
    'that the budget would be cut.\n\n“We have no choice but to act now on spending,” Lindqvist said.\n');
  fs.writeFileSync(path.join(folder, '.draft.txt'), 'hidden');
});
afterAll(() => fs.rmSync(root, {recursive: true, force: true}));

async function cli(argv: string[], options: {cwd?: string; env?: NodeJS.ProcessEnv} = {}) {
  const io = fakeIo({cwd: options.cwd ?? root, env: options.env ?? {BRIEFING_CACHE_DIR: cache}});
  const code = await run(argv, io);
  return {code, out: io.out(), err: io.err()};
}

interface LeaderJson {id: string; name: string; role: string | null; country: string | null; quotes: number; articles: number; leader: boolean}
interface QuoteGroupJson {speaker: string; person: {id: string; name: string} | null; quotes: Array<{text: string; articleId: string}>}

describe('briefing leaders', () => {
  it('lists leaders with role, country, quote and article counts (JSON)', async () => {
    const r = await cli(['leaders', 'news', '--json']);
    expect(r.code).toBe(0);
    const leaders = JSON.parse(r.out) as LeaderJson[];
    const kishida = leaders.find((l) => l.name === 'Fumio Kishida');
    expect(kishida).toMatchObject({role: 'prime minister', country: 'JPN', leader: true, articles: 1});
    expect(kishida!.quotes).toBeGreaterThan(0);
    expect(leaders.every((l) => l.leader)).toBe(true);
    // Most quoted first.
    for (let i = 1; i < leaders.length; i++) expect(leaders[i - 1]!.quotes).toBeGreaterThanOrEqual(leaders[i]!.quotes);
    expect(r.err).toContain('skipped 1 hidden file');
  });

  it('prints an aligned table', async () => {
    const r = await cli(['leaders', 'news']);
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+ROLE\s+COUNTRY\s+QUOTES\s+ARTICLES$/);
    const row = lines.find((l) => l.startsWith('Fumio Kishida'))!;
    expect(row).toMatch(/prime minister\s+JPN\s+\d+\s+1$/);
    expect(row.indexOf('prime minister')).toBe(lines[0]!.indexOf('ROLE'));
  });

  it('defaults to the package data/ folder, not the working directory', async () => {
    const r = await cli(['leaders', '--json', '--no-cache'], {cwd: os.tmpdir()});
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as LeaderJson[]).some((l) => l.name === 'Fumio Kishida')).toBe(true);
  });

  it('answers from the paths that exist and exits 2 naming the missing one', async () => {
    const r = await cli(['leaders', 'news', 'nope', '--json']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('briefing: nope: no such file or directory');
    expect(JSON.parse(r.out)).not.toHaveLength(0);
  });

  it('rejects an unknown option with exit 2 and one line', async () => {
    const r = await cli(['leaders', '--frobnicate']);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toMatch(/^briefing: .*frobnicate/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});

describe('briefing quotes', () => {
  it('groups quotes by speaker, each speaker once', async () => {
    const r = await cli(['quotes', 'news', '--json']);
    expect(r.code).toBe(0);
    const groups = JSON.parse(r.out) as QuoteGroupJson[];
    const speakers = groups.map((g) => g.speaker);
    expect(new Set(speakers).size).toBe(speakers.length);
    const kishida = groups.find((g) => g.speaker === 'Fumio Kishida')!;
    expect(kishida.quotes.length).toBeGreaterThanOrEqual(6);
    expect(kishida.quotes.some((q) => q.text.startsWith('need to be upgraded'))).toBe(true);
  });

  it('--leader takes a misspelt name and keeps to that person', async () => {
    const r = await cli(['quotes', 'news', '--leader', 'kishda', '--json']);
    expect(r.code).toBe(0);
    const groups = JSON.parse(r.out) as QuoteGroupJson[];
    expect(groups.map((g) => g.speaker)).toEqual(['Fumio Kishida']);
  });

  it('--leader with nobody matching is exit 1 with one line', async () => {
    const r = await cli(['quotes', 'news', '--leader', 'Zzyzx Qwertyuiop']);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n').at(-1)).toMatch(/^briefing: no person matches 'Zzyzx Qwertyuiop'/);
  });

  it('prints text with the speaker, the quote and where it is from', async () => {
    const r = await cli(['quotes', 'news', '--leader', 'Lindqvist']);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe('Ada Lindqvist (finance minister, SWE): 1 quote');
    expect(r.out.split('\n')[1]).toMatch(/^ {2}“We have no choice but to act now on spending,?”$/);
    expect(r.out.split('\n')[2]).toMatch(/^ {6}[0-9a-f]{16} May 3 {2}Finance minister Ada Lindqvist warns on budget$/);
  });
});

describe('briefing related', () => {
  it('needs an ID (exit 2) and names an unknown one (exit 1)', async () => {
    expect((await cli(['related'])).code).toBe(2);
    const r = await cli(['related', 'ffffffffffffffff', 'news']);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n').at(-1)).toBe("briefing: no article with id 'ffffffffffffffff' among the 2 loaded");
  });

  it('takes an id prefix and never lists the article itself', async () => {
    const all = JSON.parse((await cli(['leaders', 'news', '--json', '--all'])).out) as LeaderJson[];
    expect(all.length).toBeGreaterThan(0);
    const ids = JSON.parse((await cli(['quotes', 'news', '--json'])).out) as QuoteGroupJson[];
    const id = ids.find((g) => g.speaker === 'Fumio Kishida')!.quotes[0]!.articleId;
    const r = await cli(['related', id.slice(0, 6), 'news', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as {article: {id: string}; related: Array<{id: string; reason: string}>};
    expect(out.article.id).toBe(id);
    expect(out.related.every((x) => x.id !== id && x.reason.length > 0)).toBe(true);
  });
});

describe('cache options', () => {
  it('--cache-dir writes the cache there; --no-cache writes none', async () => {
    const dir = path.join(root, 'c2');
    await cli(['leaders', 'news', '--cache-dir', dir]);
    expect(fs.existsSync(path.join(dir, 'manifest.json'))).toBe(true);
    const none = path.join(root, 'c3');
    await cli(['leaders', 'news', '--no-cache'], {env: {BRIEFING_CACHE_DIR: none}});
    expect(fs.existsSync(none)).toBe(false);
  });

  it('a cache-hit run answers the same as a cold one', async () => {
    const dir = path.join(root, 'c4');
    const cold = await cli(['quotes', 'news', '--json', '--cache-dir', dir]);
    const warm = await cli(['quotes', 'news', '--json', '--cache-dir', dir]);
    expect(warm.out).toBe(cold.out);
  });
});

describe('briefing search', () => {
  interface SearchJson {total: number; hits: Array<{id: string; headline: string; source: string; score: number; matches: Array<{field: string; ranges: number[][]}>}>}
  it.each(['kishda', 'pyongyang', 'north korea', 'PRK', 'nato'])('finds the seed first for %s', async (query) => {
    const r = await cli(['search', query, 'news', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as SearchJson;
    expect(out.hits[0]?.source).toBe(path.join('news', 'seed.txt'));
    expect(out.hits[0]!.matches.length).toBeGreaterThan(0);
  });

  it('combines a filter with text and honours --limit', async () => {
    const r = await cli(['search', 'country:sweden budget', 'news', '--json', '--limit', '1']);
    const out = JSON.parse(r.out) as SearchJson;
    expect(out.hits.map((h) => h.headline)).toEqual(['Finance minister Ada Lindqvist warns on budget']);
  });

  it('prints one line per hit: id and headline', async () => {
    const r = await cli(['search', 'lindqvist', 'news']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^[0-9a-f]{16} {2}Finance minister Ada Lindqvist warns on budget/);
  });

  it('reports a malformed query with exit 1 and the query error', async () => {
    const r = await cli(['search', 'colour:red', 'news']);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n').at(-1)).toMatch(/^briefing: bad query 'colour:red': .+\(at character \d+\)$/);
  });

  it('needs a QUERY and a positive --limit (exit 2)', async () => {
    expect((await cli(['search'])).code).toBe(2);
    const r = await cli(['search', 'x', 'news', '--limit', '0']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--limit must be a positive whole number');
  });
});
