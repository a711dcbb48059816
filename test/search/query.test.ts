import {describe, expect, it} from 'vitest';
import {parseQuery} from '../../src/search/query.js';

const terms = (q: string) => {
  const r = parseQuery(q);
  if (!r.ok) throw new Error(`${r.error} at ${r.at}`);
  return r.query.terms;
};
const error = (q: string) => {
  const r = parseQuery(q);
  if (r.ok) throw new Error(`expected an error for ${q}`);
  return {error: r.error, at: r.at};
};

describe('parseQuery', () => {
  it('parses free words, phrases and negation', () => {
    expect(terms('kishida  "exact phrase" -word -"not this"')).toEqual([
      {kind: 'text', value: 'kishida', negated: false},
      {kind: 'phrase', value: 'exact phrase', negated: false},
      {kind: 'text', value: 'word', negated: true},
      {kind: 'phrase', value: 'not this', negated: true},
    ]);
  });

  it('parses each field filter', () => {
    for (const field of ['leader', 'person', 'country', 'section', 'org', 'place'] as const) {
      expect(terms(`${field}:abc`)).toEqual([{kind: 'field', field, value: 'abc', negated: false}]);
    }
    expect(terms('Country:"north korea"')).toEqual([{kind: 'field', field: 'country', value: 'north korea', negated: false}]);
  });

  it('parses is: flags and their negation', () => {
    expect(terms('is:unread is:starred -is:read IS:Unstarred')).toEqual([
      {kind: 'is', value: 'unread', negated: false},
      {kind: 'is', value: 'starred', negated: false},
      {kind: 'is', value: 'read', negated: true},
      {kind: 'is', value: 'unstarred', negated: false},
    ]);
  });

  it('parses a combination of everything', () => {
    expect(terms('leader:kishida country:japan section:war is:unread is:starred "exact phrase" -word missile')).toEqual([
      {kind: 'field', field: 'leader', value: 'kishida', negated: false},
      {kind: 'field', field: 'country', value: 'japan', negated: false},
      {kind: 'field', field: 'section', value: 'war', negated: false},
      {kind: 'is', value: 'unread', negated: false},
      {kind: 'is', value: 'starred', negated: false},
      {kind: 'phrase', value: 'exact phrase', negated: false},
      {kind: 'text', value: 'word', negated: true},
      {kind: 'text', value: 'missile', negated: false},
    ]);
  });

  it('treats a colon after digits as text, and an empty query as no terms', () => {
    expect(terms('10:30')).toEqual([{kind: 'text', value: '10:30', negated: false}]);
    expect(terms('   ')).toEqual([]);
  });

  it('reports an unknown field at its offset', () => {
    expect(error('kishida colour:red')).toEqual({error: expect.stringContaining('unknown field "colour:"'), at: 8});
  });

  it('reports unclosed quotes, empty values and empty phrases at their offsets', () => {
    expect(error('north "korea')).toEqual({error: 'unclosed quote', at: 6});
    expect(error('country:"north korea')).toEqual({error: 'unclosed quote', at: 8});
    expect(error('leader: kishida')).toEqual({error: 'empty value for leader:', at: 7});
    expect(error('a ""')).toEqual({error: 'empty phrase ""', at: 2});
    expect(error('is:')).toMatchObject({at: 3});
    expect(error('is:favourite')).toEqual({error: expect.stringContaining('unknown is:favourite'), at: 3});
    expect(error('kishida -')).toMatchObject({at: 8});
    expect(error('"a"b')).toMatchObject({error: expect.stringContaining('space must follow'), at: 3});
  });
});
