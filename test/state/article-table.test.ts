import {describe, expect, it} from 'vitest';
import {ArticleTable, emptyColumns, IdIndex, IdList} from '../../src/state/article-table.js';
import {emptyArticleState} from '../../src/state/store.js';

describe('IdIndex', () => {
  it('finds every id after growing many times, and nothing else', () => {
    const ids = new IdList();
    const index = new IdIndex();
    const wrong: number[] = [];
    for (let i = 0; i < 50_000; i++) {
      ids.push(i.toString(16).padStart(16, '0'));
      if (index.add(ids, i) !== i) wrong.push(i);
    }
    for (let i = 0; i < 50_000; i++) if (index.find(ids, ids.at(i)) !== i) wrong.push(i);
    expect(wrong).toEqual([]);
    expect(index.find(ids, 'not-there')).toBe(-1);
    expect(index.find(ids, '')).toBe(-1);
  });

  it('reports the row already holding an id instead of adding it twice', () => {
    const ids = IdList.of(['a', 'b', 'a']);
    const index = new IdIndex(3);
    index.add(ids, 0);
    index.add(ids, 1);
    expect(index.add(ids, 2)).toBe(0);
    expect(index.find(ids, 'a')).toBe(0);
  });
});

describe('IdList', () => {
  it('packed ids of one width and later ones of any length read back alike', () => {
    const ids = new IdList('aaaabbbbcccc', 4);
    ids.push('dddd');
    expect(ids.length).toBe(4);
    expect(ids.toArray()).toEqual(['aaaa', 'bbbb', 'cccc', 'dddd']);
    expect(ids.equals(1, 'bbbb')).toBe(true);
    expect(ids.equals(1, 'bbb')).toBe(false);
    expect(ids.equals(1, 'bbbbc')).toBe(false);
    expect(ids.uniformWidth()).toBe(4);
    expect(ids.joined()).toBe('aaaabbbbccccdddd');
    ids.push('e');
    expect(ids.uniformWidth()).toBe(0);
    const index = new IdIndex();
    for (let row = 0; row < ids.length; row++) index.add(ids, row);
    expect(['aaaa', 'cccc', 'dddd', 'e', 'bbbbcccc'].map((id) => index.find(ids, id))).toEqual([0, 2, 3, 4, -1]);
  });
});

describe('IdList.alignedRows', () => {
  it('counts the leading rows two packed lists share, and is 0 when it cannot tell', () => {
    expect(new IdList('aabbcc', 2).alignedRows(new IdList('aabbccdd', 2))).toBe(3);
    expect(new IdList('aabbcc', 2).alignedRows(new IdList('aabbxx', 2))).toBe(0);
    expect(new IdList('aabb', 2).alignedRows(new IdList('aabb', 4))).toBe(0);
    expect(IdList.of(['aa', 'bb']).alignedRows(IdList.of(['aa', 'bb']))).toBe(0);
  });
});

describe('ArticleTable', () => {
  it('sets fields by row, appends unknown ids, and reads back whole states', () => {
    const t = new ArticleTable();
    expect(t.get('x')).toBeUndefined();
    const row = t.ensure('x');
    expect(t.ensure('x')).toBe(row);
    expect(t.get('x')).toEqual(emptyArticleState());
    t.setField(row, 'starred', true, 5);
    t.setField(row, 'leader', 'fumio-kishida', 6);
    expect(t.get('x')).toEqual({...emptyArticleState(), starred: true, starredAt: 5, leader: 'fumio-kishida', leaderAt: 6});
    for (let i = 0; i < 1000; i++) t.setField(t.ensure(`id-${i}`), 'position', i, i + 1);
    expect(t.size).toBe(1001);
    expect(t.get('id-999')?.position).toBe(999);
    expect(t.get('x')?.leader).toBe('fumio-kishida');
    expect(t.counts()).toEqual({read: 0, starred: 1});
  });

  it('get() returns a snapshot that later changes leave as it was', () => {
    const t = new ArticleTable();
    t.set('a', {...emptyArticleState(), read: true, readAt: 1});
    const first = t.get('a');
    t.setField(t.rowOf('a'), 'read', false, 2);
    expect(first?.read).toBe(true);
    expect(t.get('a')?.read).toBe(false);
  });

  it('a clone is independent of the original', () => {
    const t = ArticleTable.from([['a', {...emptyArticleState(), read: true, readAt: 1}]]);
    const c = t.clone();
    c.setField(c.ensure('b'), 'read', true, 2);
    c.setField(c.rowOf('a'), 'read', false, 3);
    expect(t.size).toBe(1);
    expect(t.get('a')?.read).toBe(true);
    expect(c.get('a')?.read).toBe(false);
    expect([...c.keys()]).toEqual(['a', 'b']);
  });

  it('refuses columns with a duplicate id', () => {
    const cols = emptyColumns(2);
    cols.ids = IdList.of(['a', 'a']);
    expect(() => new ArticleTable(cols)).toThrow(/duplicate id "a"/);
  });
});
