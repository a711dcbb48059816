import {describe, expect, it} from 'vitest';
import {buildCorpus} from '../../src/corpus/index.js';
import {leaderQuoteCounts, leaderQuotes, pickerPeople} from '../../src/ui/model.js';
import {sampleArticles} from './fixtures/articles.js';
import {fakeCorpus} from './fixtures/corpus.js';

describe('leader quote counts (the picker rows)', () => {
  const articles = sampleArticles();
  articles[0]!.quotes[2]!.partial = true; // a fragment: highlighted in the reader, never listed
  const corpus = fakeCorpus(articles);

  it('agree with the quotes the pane lists: this article, and in all, fragments left out', () => {
    const [a1, a2] = [articles[0]!, articles[1]!];
    const holm = pickerPeople(corpus, a2)[0]!;
    expect(leaderQuoteCounts(corpus, a1.id, holm)).toEqual({here: 1, all: 2});
    expect(leaderQuoteCounts(corpus, a2.id, holm)).toEqual({here: 1, all: 2});
    for (const article of articles) {
      for (const person of pickerPeople(corpus, article)) {
        const {here, elsewhere} = leaderQuotes(corpus, article.id, person);
        expect(leaderQuoteCounts(corpus, article.id, person)).toEqual({here: here.length, all: here.length + elsewhere.length});
      }
    }
  });

  it("go through a leader's quotes across the corpus once, not for every article the cursor passes", () => {
    const fresh = fakeCorpus(sampleArticles());
    const quotesBy = fresh.quotesBy.bind(fresh);
    let scans = 0;
    fresh.quotesBy = (id) => {
      scans++;
      return quotesBy(id);
    };
    const holm = pickerPeople(fresh, fresh.articles[1]!)[0]!;
    for (let i = 0; i < 5; i++) for (const a of fresh.articles) leaderQuoteCounts(fresh, a.id, holm);
    expect(scans).toBe(1);
  });

  it("on a built corpus, come from its per-article counts: the pane's numbers, without gathering anyone's quotes", () => {
    const built = sampleArticles();
    built[0]!.quotes[2]!.partial = true;
    const real = buildCorpus(built);
    expect(real.indexes).toBeDefined();
    const expected = new Map<string, number>();
    for (const article of real.articles) {
      for (const person of pickerPeople(real, article)) {
        const {here, elsewhere} = leaderQuotes(real, article.id, person);
        expected.set(`${article.id} ${person}`, here.length + elsewhere.length);
      }
    }
    expect([...expected.values()].some((n) => n > 1)).toBe(true);
    const fresh = buildCorpus(built);
    let scans = 0;
    const quotesBy = fresh.quotesBy.bind(fresh);
    (fresh as {quotesBy: typeof quotesBy}).quotesBy = (id) => {
      scans++;
      return quotesBy(id);
    };
    for (const article of fresh.articles) {
      for (const person of pickerPeople(fresh, article)) expect([article.id, person, leaderQuoteCounts(fresh, article.id, person).all]).toEqual([article.id, person, expected.get(`${article.id} ${person}`)]);
    }
    expect(scans).toBe(0);
  });
});
