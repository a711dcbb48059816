import {describe, expect, it} from 'vitest';
import {createMemoryStore} from '../../src/state/memory-store.js';

describe('createMemoryStore', () => {
  it('stores per-article fields with the time of each change', () => {
    let t = 1000;
    const store = createMemoryStore({now: () => t});
    expect(store.get('a')).toBeUndefined();
    store.setRead('a', true);
    t = 2000;
    store.setStarred('a', true);
    store.setPosition('a', 17.8);
    store.setLeader('a', 'fumio-kishida');
    expect(store.get('a')).toEqual({read: true, readAt: 1000, starred: true, starredAt: 2000, position: 17, positionAt: 2000, leader: 'fumio-kishida', leaderAt: 2000});
  });

  it('stamps strictly later than the previous change even when the clock stands still', () => {
    const store = createMemoryStore({now: () => 5});
    store.setRead('a', true);
    store.setRead('a', false);
    expect(store.get('a')?.readAt).toBe(6);
  });

  it('replaces entries instead of mutating them, and notifies subscribers', () => {
    const store = createMemoryStore();
    let calls = 0;
    const off = store.subscribe(() => calls++);
    store.setRead('a', true);
    const before = store.get('a');
    store.setStarred('a', true);
    expect(before?.starred).toBe(false);
    expect(calls).toBe(2);
    store.setStarred('a', true); // no change: no notification, nothing pending
    expect(calls).toBe(2);
    expect(store.pending).toBe(2);
    off();
    store.setRead('a', false);
    expect(calls).toBe(2);
  });

  it('keeps global state and returns a stable object between changes', () => {
    const store = createMemoryStore({global: {lastQuery: 'kishida'}});
    expect(store.global()).toEqual({lastArticle: null, lastQuery: 'kishida', focusedPane: 'list'});
    const g = store.global();
    expect(store.global()).toBe(g);
    store.setGlobal({focusedPane: 'quotes', lastArticle: 'abc'});
    expect(store.global()).toEqual({lastArticle: 'abc', lastQuery: 'kishida', focusedPane: 'quotes'});
    expect(store.data.global.focusedPaneAt).toBeGreaterThan(0);
  });

  it('accepts starting articles, warnings and read-only mode for UI tests', () => {
    const store = createMemoryStore({articles: {a: {read: true}}, readOnly: true, warnings: ['w']});
    expect(store.get('a')?.read).toBe(true);
    expect(store.get('a')?.readAt).toBeGreaterThan(0);
    expect(store.readOnly).toBe(true);
    expect(store.warnings).toEqual(['w']);
  });
});

describe('createMemoryStore over the columnar table', () => {
  it('get() returns snapshots: a change never alters an object handed out before', () => {
    const store = createMemoryStore();
    store.setRead('a', true);
    const a = store.get('a');
    store.setStarred('a', true);
    expect(a).toMatchObject({read: true, starred: false});
    expect(store.get('a')).toMatchObject({read: true, starred: true});
  });

  it('setting a field to its current value is no change, even for a new article with a default value', () => {
    const store = createMemoryStore({now: () => 9});
    store.setRead('a', false); // never set before: a change (the reader said so)
    expect(store.get('a')).toMatchObject({read: false, readAt: 9});
    store.setRead('a', false);
    expect(store.pending).toBe(1);
  });
});
