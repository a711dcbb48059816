import {describe, expect, it} from 'vitest';
import {buildCorpus} from '../../src/corpus/index.js';
import {articlesById} from '../../src/corpus/lookup.js';
import {article} from './fixtures.js';

describe('articlesById', () => {
  const a = article({headline: 'One', id: 'abcd111100000000'});
  const b = article({headline: 'Two', id: 'abcd222200000000'});
  const corpus = buildCorpus([a, b]);

  it('finds the exact id', () => expect(articlesById(corpus, a.id).map((x) => x.id)).toEqual([a.id]));
  it('finds a unique prefix, in any case', () => expect(articlesById(corpus, 'ABCD1').map((x) => x.id)).toEqual([a.id]));
  it('returns every match of an ambiguous prefix', () => expect(articlesById(corpus, 'abcd')).toHaveLength(2));
  it('ignores prefixes shorter than four characters and non-hex words', () => {
    expect(articlesById(corpus, 'abc')).toEqual([]);
    expect(articlesById(corpus, 'kishida')).toEqual([]);
  });
});
