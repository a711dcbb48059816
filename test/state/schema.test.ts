import {describe, expect, it} from 'vitest';
import {
  countState,
  emptyState,
  mergeStates,
  migrateV1toV2,
  parseStateText,
  SCHEMA_VERSION,
  serializeState,
  validateStateFile,
  type StateData,
} from '../../src/state/schema.js';
import {emptyArticleState, type ArticleState} from '../../src/state/store.js';

const art = (p: Partial<ArticleState>): ArticleState => ({...emptyArticleState(), ...p});

const state = (articles: Record<string, Partial<ArticleState>>): StateData => {
  const s = emptyState();
  for (const [id, p] of Object.entries(articles)) s.articles.set(id, art(p));
  return s;
};

const ok = (text: string, at = 5) => {
  const r = parseStateText(text, at);
  if (r.kind !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return r;
};

describe('v1 migration (guarantee 4)', () => {
  it('turns read/starred lists into stamped fields, stamped with the given time', () => {
    const v2 = migrateV1toV2({version: 1, read: ['a', 'b'], starred: ['b', 'c']}, 1_700_000_000_000);
    expect(v2.version).toBe(2);
    expect(v2.articles.a).toEqual({read: true, readAt: 1_700_000_000_000});
    expect(v2.articles.b).toEqual({read: true, readAt: 1_700_000_000_000, starred: true, starredAt: 1_700_000_000_000});
    expect(v2.articles.c).toEqual({starred: true, starredAt: 1_700_000_000_000});
  });

  it('parses a v1 file into the current state, reporting the version it came from', () => {
    const r = ok(JSON.stringify({version: 1, read: ['x'], starred: ['y']}), 42);
    expect(r.fromVersion).toBe(1);
    expect(r.data.articles.get('x')).toEqual(art({read: true, readAt: 42}));
    expect(r.data.articles.get('y')).toEqual(art({starred: true, starredAt: 42}));
  });

  it('a migrated flag loses to any later change when merged', () => {
    const migrated = ok(JSON.stringify({version: 1, read: ['x'], starred: []}), 100).data;
    const later = state({x: {read: false, readAt: 101}});
    expect(mergeStates(migrated, later).data.articles.get('x')?.read).toBe(false);
  });

  it('rejects a v1 file whose lists are not lists of ids', () => {
    expect(parseStateText(JSON.stringify({version: 1, read: 'abc'}), 1).kind).toBe('corrupt');
    expect(parseStateText(JSON.stringify({version: 1, read: [1, 2]}), 1).kind).toBe('corrupt');
  });
});

describe('validation of a parsed file (never trusted)', () => {
  it.each([
    ['empty text', ''],
    ['truncated JSON', '{"version": 2, "articles": {"a": {"read": tr'],
    ['an array', '[]'],
    ['no version', '{"articles": {}}'],
    ['a string version', '{"version": "2", "articles": {}}'],
    ['version 0', '{"version": 0, "articles": {}}'],
    ['articles not an object', '{"version": 2, "articles": []}'],
  ])('%s is corrupt', (_name, text) => {
    const r = parseStateText(text, 1);
    expect(r.kind).toBe('corrupt');
    if (r.kind === 'corrupt') expect(r.reason).not.toMatch(/\n/);
  });

  it('a newer version is reported as such, not as corrupt', () => {
    expect(parseStateText(JSON.stringify({version: SCHEMA_VERSION + 1, whatever: true}), 1)).toEqual({kind: 'newer', version: SCHEMA_VERSION + 1});
  });

  it('drops only the invalid entries and says which', () => {
    const r = ok(
      JSON.stringify({
        version: 2,
        global: {focusedPane: 'nowhere', focusedPaneAt: 3, lastQuery: 'kishida', lastQueryAt: 4},
        articles: {
          good: {read: true, readAt: 10},
          noStamp: {read: true},
          badType: {starred: 'yes', starredAt: 3},
          negative: {position: -1, positionAt: 3},
          leaderNum: {leader: 5, leaderAt: 3},
          notObject: 7,
        },
      }),
    );
    expect([...r.data.articles.keys()]).toEqual(['good']);
    expect(r.dropped).toHaveLength(6);
    expect(r.dropped.join('\n')).toMatch(/noStamp/);
    expect(r.data.global.focusedPane).toBe('list');
    expect(r.data.global.lastQuery).toBe('kishida');
  });

  it('keeps a __proto__ id as data, without touching prototypes', () => {
    const r = ok('{"version": 2, "articles": {"__proto__": {"read": true, "readAt": 3}}}');
    expect(r.data.articles.get('__proto__')?.read).toBe(true);
    expect(({} as Record<string, unknown>).read).toBeUndefined();
  });

  it('round-trips through serializeState', () => {
    const s = state({a: {read: true, readAt: 5, position: 12, positionAt: 6}, b: {starred: true, starredAt: 7, leader: 'fumio-kishida', leaderAt: 8}});
    s.global = {...s.global, lastArticle: 'a', lastArticleAt: 9, focusedPane: 'quotes', focusedPaneAt: 10};
    const back = ok(serializeState(s)).data;
    expect(back).toEqual(s);
    expect(validateStateFile(JSON.parse(serializeState(emptyState())), 1)).toMatchObject({kind: 'ok', dropped: []});
  });
});

describe('merge by per-field timestamps', () => {
  it('takes the newer change per field and reports it', () => {
    const base = state({a: {read: true, readAt: 10, starred: true, starredAt: 30}, b: {read: true, readAt: 5}});
    const incoming = state({a: {read: false, readAt: 20, starred: false, starredAt: 25}, c: {position: 40, positionAt: 1}});
    const {data, report} = mergeStates(base, incoming);
    expect(data.articles.get('a')).toEqual(art({read: false, readAt: 20, starred: true, starredAt: 30}));
    expect(data.articles.get('b')).toEqual(art({read: true, readAt: 5}));
    expect(data.articles.get('c')).toEqual(art({position: 40, positionAt: 1}));
    expect(report.articles.sort()).toEqual(['a', 'c']);
    expect(report.fields).toEqual({read: 1, starred: 0, position: 1, leader: 0});
    // Neither input was touched.
    expect(base.articles.get('a')?.read).toBe(true);
    expect(base.articles.has('c')).toBe(false);
  });

  it('merges global fields by time too', () => {
    const base = emptyState();
    base.global = {...base.global, lastQuery: 'old', lastQueryAt: 10, lastArticle: 'x', lastArticleAt: 50};
    const inc = emptyState();
    inc.global = {...inc.global, lastQuery: 'new', lastQueryAt: 20, lastArticle: 'y', lastArticleAt: 40};
    const {data, report} = mergeStates(base, inc);
    expect(data.global.lastQuery).toBe('new');
    expect(data.global.lastArticle).toBe('x');
    expect(report.global).toEqual(['lastQuery']);
  });

  it('an exact tie resolves the same way whichever side merges', () => {
    const a = state({x: {read: true, readAt: 10}});
    const b = state({x: {read: false, readAt: 10}});
    expect(mergeStates(a, b).data.articles.get('x')).toEqual(mergeStates(b, a).data.articles.get('x'));
  });

  it('merging a state into itself changes nothing', () => {
    const a = state({x: {read: true, readAt: 10}});
    expect(mergeStates(a, a).report.articles).toEqual([]);
  });

  it('counts read and starred', () => {
    expect(countState(state({a: {read: true, readAt: 1}, b: {starred: true, starredAt: 1}, c: {read: false, readAt: 2}}))).toEqual({articles: 3, read: 1, starred: 1});
  });
});
