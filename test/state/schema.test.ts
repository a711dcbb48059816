import {describe, expect, it} from 'vitest';
import {
  cloneState,
  countState,
  emptyState,
  mergeStates,
  migrateV1toV2,
  parseStateText,
  SCHEMA_VERSION,
  serializeState,
  stateOf,
  toFile,
  validateStateFile,
  type StateData,
} from '../../src/state/schema.js';
import {emptyArticleState, type ArticleState} from '../../src/state/store.js';

const art = (p: Partial<ArticleState>): ArticleState => ({...emptyArticleState(), ...p});

const state = (articles: Record<string, Partial<ArticleState>>): StateData => stateOf(Object.entries(articles).map(([id, p]) => [id, art(p)] as const));

/** A state as plain data, for deep comparison. */
const plain = (s: StateData) => ({articles: Object.fromEntries(s.articles.entries()), global: s.global});

const ok = (text: string, at = 5) => {
  const r = parseStateText(text, at);
  if (r.kind !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return r;
};

describe('v1 migration (guarantee 4)', () => {
  it('turns read/starred lists into stamped columns, stamped with the given time', () => {
    const v2 = migrateV1toV2({version: 1, read: ['a', 'b'], starred: ['b', 'c']}, 1_700_000_000_000);
    expect(v2.version).toBe(2);
    expect(v2.articles).toEqual({
      id: 'abc',
      idWidth: 1,
      read: {rows: [0, 0], values: '11', at: [1_700_000_000_000, 0]},
      starred: {rows: [1, 0], values: '11', at: [1_700_000_000_000, 0]},
    });
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

/** A v2 file text from columns. */
const v2 = (articles: Record<string, unknown>, global: Record<string, unknown> = {}) => JSON.stringify({version: 2, global, articles});

describe('validation of a parsed file (never trusted)', () => {
  it.each([
    ['empty text', ''],
    ['truncated JSON', '{"version": 2, "articles": {"id": ["a"], "read": {"rows": [0], "values": "1", "at": [17'],
    ['an array', '[]'],
    ['no version', '{"articles": {"id": []}}'],
    ['a string version', '{"version": "2", "articles": {"id": []}}'],
    ['version 0', '{"version": 0, "articles": {"id": []}}'],
    ['articles not an object', '{"version": 2, "articles": []}'],
    ['the old one-object-per-article layout', '{"version": 2, "articles": {"a": {"read": true, "readAt": 3}}}'],
    ['a field that is a plain list', v2({id: ['a'], read: [1]})],
    ['values shorter than rows', v2({id: ['a', 'b'], read: {rows: [0, 0], values: '1', at: [5, 1]}})],
    ['at longer than rows', v2({id: ['a'], position: {rows: [0], values: [1], at: [5, 1]}})],
    ['flags that are not a string', v2({id: ['a'], read: {rows: [0], values: [1], at: [5]}})],
    ['a row past the last id', v2({id: ['a', 'b'], read: {rows: [0, 1], values: '11', at: [5, 1]}})],
    ['a negative row gap', v2({id: ['a', 'b'], read: {rows: [1, -1], values: '11', at: [5, 1]}})],
    ['a time that is not a whole number', v2({id: ['a', 'b'], read: {rows: [0, 0], values: '11', at: [5, 1.5]}})],
    ['a time that is a string', v2({id: ['a'], read: {rows: [0], values: '1', at: ['5']}})],
  ])('%s is corrupt, with a one-line reason', (_name, text) => {
    const r = parseStateText(text, 1);
    expect(r.kind).toBe('corrupt');
    if (r.kind === 'corrupt') expect(r.reason).not.toMatch(/\n/);
  });

  it('a newer version is reported as such, not as corrupt', () => {
    expect(parseStateText(JSON.stringify({version: SCHEMA_VERSION + 1, whatever: true}), 1)).toEqual({kind: 'newer', version: SCHEMA_VERSION + 1});
  });

  it('decodes rows as gaps and times as differences (negative too); unlisted rows are never set', () => {
    const r = ok(v2({id: ['a', 'b', 'c', 'd'], read: {rows: [0, 1, 0], values: '101', at: [1000, 500, -200]}}));
    expect(r.data.articles.get('a')).toEqual(art({read: true, readAt: 1000}));
    expect(r.data.articles.get('b')).toEqual(art({}));
    expect(r.data.articles.get('c')).toEqual(art({read: false, readAt: 1500}));
    expect(r.data.articles.get('d')).toEqual(art({read: true, readAt: 1300}));
  });

  it('drops only the invalid rows and says which', () => {
    const r = ok(
      v2(
        {
          id: ['good', 'badFlag', 'negative', 'leaderNum', '', 'good', 'zeroTime', 'good2'],
          read: {rows: [0, 0, 0, 0, 0, 0, 1], values: '1x11111', at: [10, 1, 1, 1, 1, 1, 1]},
          position: {rows: [2, 4], values: [-1, 4], at: [3, 7]},
          leader: {rows: [3, 3], values: [5, 'p'], at: [3, 2]},
          starred: {rows: [6], values: '0', at: [-10]},
        },
        {focusedPane: 'nowhere', focusedPaneAt: 3, lastQuery: 'kishida', lastQueryAt: 4},
      ),
    );
    expect([...r.data.articles.keys()]).toEqual(['good', 'good2']);
    // Differences run on through dropped rows: 10+1+1+1+1+1+1, 3+7, 3+2.
    expect(r.data.articles.get('good2')).toEqual(art({read: true, readAt: 16, position: 4, positionAt: 10, leader: 'p', leaderAt: 5}));
    const reasons = r.dropped.join('\n');
    expect(reasons).toMatch(/"badFlag": bad read/);
    expect(reasons).toMatch(/"negative": bad position/);
    expect(reasons).toMatch(/"leaderNum": bad leader/);
    expect(reasons).toMatch(/"": bad id/);
    expect(reasons).toMatch(/"good": duplicate id/);
    expect(reasons).toMatch(/"zeroTime": bad starred time/);
    expect(r.dropped).toHaveLength(7); // six rows and the global pane
    expect(r.data.global.focusedPane).toBe('list');
    expect(r.data.global.lastQuery).toBe('kishida');
  });

  it('a duplicate among packed ids is dropped', () => {
    const r = ok(v2({id: 'abcdab', idWidth: 2, read: {rows: [0, 0, 0], values: '111', at: [1, 1, 1]}}));
    expect([...r.data.articles.keys()]).toEqual(['ab', 'cd']);
    expect(r.dropped).toEqual(['article "ab": duplicate id']);
  });

  it('keeps a __proto__ id as data, without touching prototypes', () => {
    const r = ok(v2({id: ['__proto__'], read: {rows: [0], values: '1', at: [3]}}));
    expect(r.data.articles.get('__proto__')?.read).toBe(true);
    expect(({} as Record<string, unknown>).read).toBeUndefined();
  });

  it('round-trips through serializeState', () => {
    const s = state({a: {read: true, readAt: 5, position: 12, positionAt: 6}, b: {starred: true, starredAt: 7, leader: 'fumio-kishida', leaderAt: 8}, c: {read: false, readAt: 1_700_000_000_123}});
    s.global = {...s.global, lastArticle: 'a', lastArticleAt: 9, focusedPane: 'quotes', focusedPaneAt: 10};
    const back = ok(serializeState(s)).data;
    expect(plain(back)).toEqual(plain(s));
    expect(validateStateFile(JSON.parse(serializeState(emptyState())), 1)).toMatchObject({kind: 'ok', dropped: []});
  });

  it('writes per field only the rows where it is set, rows as gaps and times as differences, and leaves out fields nobody set', () => {
    const file = toFile(state({a: {read: true, readAt: 1_700_000_000_000}, b: {read: false, readAt: 1_700_000_000_250}, c: {starred: true, starredAt: 1_700_000_000_100}}));
    expect(file.articles).toEqual({
      id: 'abc',
      idWidth: 1,
      read: {rows: [0, 0], values: '10', at: [1_700_000_000_000, 250]},
      starred: {rows: [2], values: '1', at: [1_700_000_000_100]},
    });
    expect(file.global).toEqual({});
    const text = serializeState(state({a: {read: true, readAt: 1}}));
    expect(text.split('\n').length).toBeLessThan(12); // one line per field, not per article
  });

  it('round-trips 20,000 articles with random stamps and values', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const s = emptyState();
    for (let i = 0; i < 20_000; i++) {
      const pick = rand();
      const stampOf = () => (rand() < 0.3 ? 0 : 1 + Math.floor(rand() * 2e12));
      const readAt = stampOf();
      const positionAt = stampOf();
      const leaderAt = pick < 0.2 ? stampOf() : 0;
      s.articles.set(`id-${i.toString(36)}`, art({read: readAt > 0 && rand() < 0.7, readAt, position: positionAt ? Math.floor(rand() * 500) : 0, positionAt, leader: leaderAt ? `p${i % 13}` : null, leaderAt}));
    }
    expect(plain(ok(serializeState(s)).data)).toEqual(plain(s));
  });
});

describe('incremental serialisation (only changed chunks are re-encoded)', () => {
  it('after any mix of changes and appends, the text equals a fresh serialisation', () => {
    let seed = 11;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const s = emptyState();
    for (let i = 0; i < 10_000; i++) s.articles.setField(s.articles.ensure(i.toString(16).padStart(16, '0')), 'read', true, 1_700_000_000_000 + i * 1000);
    for (let round = 0; round < 30; round++) {
      const text = serializeState(s);
      expect(text).toBe(serializeState(cloneState(s))); // a clone has no cache
      expect(plain(ok(text).data)).toEqual(plain(s));
      // Change a few rows anywhere (the last stamp of a chunk moves the next chunk's differences).
      for (let k = 0; k < 3; k++) {
        const row = Math.floor(rand() * s.articles.size);
        const field = (['read', 'starred', 'position', 'leader'] as const)[Math.floor(rand() * 4)]!;
        const value = field === 'position' ? Math.floor(rand() * 100) : field === 'leader' ? `p${k}` : rand() < 0.5;
        s.articles.setField(row, field, value, 1_700_000_000_000 + Math.floor(rand() * 1e10));
      }
      if (round % 5 === 0) s.articles.setField(s.articles.ensure(`new-${round}`.padStart(16, 'x')), 'starred', true, 5);
      if (round === 20) s.articles.setField(s.articles.ensure('short'), 'read', true, 6); // ids no longer of one width
    }
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
    expect(data.articles.size).toBe(3);
    expect(report.articles.sort()).toEqual(['a', 'c']);
    expect(report.fields).toEqual({read: 1, starred: 0, position: 1, leader: 0});
    // Neither input was touched.
    expect(base.articles.get('a')?.read).toBe(true);
    expect(base.articles.has('c')).toBe(false);
  });

  it('merges two loaded files whose packed ids line up (no lookups) and whose rows do not', () => {
    const id = (i: number) => i.toString(16).padStart(16, '0');
    const base = ok(serializeState(state({[id(1)]: {read: true, readAt: 10}, [id(2)]: {read: true, readAt: 10}}))).data;
    base.articles.setField(base.articles.ensure(id(9)), 'starred', true, 50); // appended after the packed ids
    const incoming = ok(serializeState(state({[id(1)]: {read: false, readAt: 20}, [id(2)]: {read: false, readAt: 5}, [id(3)]: {position: 7, positionAt: 30}}))).data;
    const {data, report} = mergeStates(base, incoming);
    expect(data.articles.get(id(1))).toEqual(art({read: false, readAt: 20}));
    expect(data.articles.get(id(2))).toEqual(art({read: true, readAt: 10}));
    expect(data.articles.get(id(3))).toEqual(art({position: 7, positionAt: 30}));
    expect(data.articles.get(id(9))).toEqual(art({starred: true, starredAt: 50}));
    expect(report.articles.sort()).toEqual([id(1), id(3)]);
    // The other way round: the incoming rows are in a different order.
    const reversed = ok(serializeState(state({[id(2)]: {read: false, readAt: 30}, [id(1)]: {starred: true, starredAt: 40}}))).data;
    const back = mergeStates(base, reversed).data;
    expect(back.articles.get(id(1))).toEqual(art({read: true, readAt: 10, starred: true, starredAt: 40}));
    expect(back.articles.get(id(2))).toEqual(art({read: false, readAt: 30}));
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
