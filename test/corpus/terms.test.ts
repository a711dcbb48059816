import {describe, expect, it} from 'vitest';
import {buildCorpus, serializeCorpusTerms} from '../../src/corpus/index.js';
import {articlesFingerprint, buildTermIndex, deserializeTermIndex, eachWord, serializeTermIndex} from '../../src/corpus/terms.js';
import {createSearchEngine} from '../../src/search/index.js';
import {article, country, person} from './fixtures.js';

const a = article({headline: 'Kishida warns on missile launches', summary: ['Kishida warned about ballistic missile launches, twice: missile!'],
  people: [person('Fumio Kishida', {aliases: ['Kishida'], country: 'JPN', mentions: 3})], countries: [country('PRK', 'North Korea', ['Pyongyang'], 2)]});
const b = article({headline: 'Ardérn visits Pyongyang’s neighbours', summary: ['The visit of Ardérn was brief.']});
const c = article({headline: 'Cod quotas', summary: ['Quotas for cod were agreed.']});

describe('term index', () => {
  const index = buildTermIndex([a, b, c]);
  const docsOf = (word: string) => {
    const t = index.ids.get(word)!;
    return [...index.postings.subarray(index.postStart[t]!, index.postStart[t + 1]!)];
  };

  it('indexes folded words of headline and summary, stopwords dropped, headline flagged', () => {
    expect(docsOf('missile')).toEqual([0 * 2 + 1]);
    expect(docsOf('ballistic')).toEqual([0]);
    expect(docsOf('ardern')).toEqual([1 * 2 + 1]);
    expect(docsOf('pyongyang')).toEqual([3]);
    expect(index.ids.has('the')).toBe(false);
    expect(docsOf('cod')).toEqual([2 * 2 + 1]);
    // Counts: `missile` once in the headline (counts twice) and twice in the summary.
    const t = index.ids.get('missile')!;
    expect(index.postCounts[index.postStart[t]!]).toBe(4);
  });

  it('keeps a forward index that agrees with the postings', () => {
    for (let d = 0; d < index.n; d++) {
      for (let k = index.docStart[d]!; k < index.docStart[d + 1]!; k++) {
        const t = index.docTerms[k]!;
        expect(docsOf(index.terms[t]!)).toContain(d * 2 + index.docHead[k]!);
      }
    }
    expect([...index.sorted()].map((t) => index.terms[t]!)).toEqual([...index.terms].sort());
  });

  it('splits words like the search does, in any script', () => {
    const words: string[] = [];
    const s = 'Yoon Suk-yeol’s 김민지 said: “ok”';
    eachWord(s, (x, y) => words.push(s.slice(x, y)));
    expect(words).toEqual(['Yoon', 'Suk', 'yeol', 's', '김민지', 'said', 'ok']);
  });

  it('round-trips through bytes, and refuses other articles or damaged bytes', () => {
    const fp = articlesFingerprint([a, b, c]);
    const bytes = serializeTermIndex(index, fp);
    const back = deserializeTermIndex(bytes, fp)!;
    expect(back).not.toBeNull();
    for (const k of ['postStart', 'postings', 'postCounts', 'docStart', 'docTerms', 'docHead', 'docCounts'] as const) expect([...back[k]]).toEqual([...index[k]]);
    expect(back.terms).toEqual(index.terms);
    expect(deserializeTermIndex(bytes, articlesFingerprint([a, c, b]))).toBeNull();
    expect(deserializeTermIndex(bytes.subarray(0, bytes.length - 3), fp)).toBeNull();
    expect(deserializeTermIndex(new Uint8Array([1, 2, 3]), fp)).toBeNull();
  });

  it('lets a corpus start from stored terms and search the same', () => {
    const first = buildCorpus([a, b, c]);
    const stored = serializeCorpusTerms(first)!;
    const again = buildCorpus([a, b, c], {terms: stored});
    const q = (corpus: typeof first, s: string) => JSON.stringify(createSearchEngine(corpus).search(s));
    for (const s of ['kishida', 'missile', 'ardern', 'quot', 'pyongyang']) expect(q(again, s)).toBe(q(first, s));
    // Stored for other articles: ignored, rebuilt.
    const other = buildCorpus([a, b], {terms: stored});
    expect(other.indexes!.terms().n).toBe(2);
  });
});
