// buildCorpus: parsed articles in, one deduplicated corpus out, with people merged across articles,
// leader and country indexes, quotes by person in date order and (lazily) related articles. Pure.
import type {Article} from '../types.js';
import {dateKey} from './dates.js';
import {mergePeople} from './people.js';
import {RelatedFinder} from './related.js';
import {fold} from './text.js';
import type {Corpus, CorpusCountry, CorpusPerson, QuoteRef, RelatedArticle} from './types.js';

export type {Corpus, CorpusCountry, CorpusPerson, QuoteRef, RelatedArticle} from './types.js';

/** The same story twice: the same headline under the same dateline (place and date). */
function storyKey(a: Article): string | null {
  if (!a.dateline) return null;
  return [fold(a.headline).replace(/\s+/g, ' ').trim(), fold(a.dateline.place).trim(), fold(a.dateline.date ?? '').trim()].join('\u0000');
}

function dedupe(input: readonly Article[]): {articles: Article[]; paths: Map<string, string[]>} {
  const articles: Article[] = [];
  const paths = new Map<string, string[]>();
  const byStory = new Map<string, string>();
  for (const a of input) {
    const key = storyKey(a);
    const keep = paths.has(a.id) ? a.id : key !== null ? byStory.get(key) : undefined;
    if (keep !== undefined) {
      const list = paths.get(keep)!;
      if (!list.includes(a.source)) list.push(a.source);
      continue;
    }
    articles.push(a);
    paths.set(a.id, [a.source]);
    if (key !== null) byStory.set(key, a.id);
  }
  return {articles, paths};
}

function surname(name: string): string {
  const parts = name.trim().split(/\s+/);
  return parts[parts.length - 1] ?? name;
}

export function buildCorpus(input: readonly Article[]): Corpus {
  const {articles, paths} = dedupe(input);
  const index = new Map<string, number>();
  articles.forEach((a, i) => index.set(a.id, i));
  const byId = new Map(articles.map((a) => [a.id, a] as const));

  const {people, local} = mergePeople(articles);
  const personById = new Map(people.map((p) => [p.id, p] as const));
  const personDocs = new Map<string, number[]>(people.map((p) => [p.id, p.articles.map((id) => index.get(id)!)]));

  // Quote counts per person (quotes themselves are gathered per person on demand).
  for (let i = 0; i < articles.length; i++) {
    for (const q of articles[i]!.quotes) {
      const pid = q.speaker ? local[i]!.get(q.speaker) : undefined;
      if (pid) (personById.get(pid) as CorpusPerson).quoteCount++;
    }
  }

  const countryMap = new Map<string, CorpusCountry & {forms: string[]}>();
  const countryDocs = new Map<string, number[]>();
  articles.forEach((a, i) => {
    for (const c of a.countries) {
      let cc = countryMap.get(c.code);
      if (!cc) {
        cc = {code: c.code, name: c.name, mentions: 0, forms: [], articles: []};
        countryMap.set(c.code, cc);
        countryDocs.set(c.code, []);
      }
      cc.mentions += c.mentions;
      for (const f of c.forms) if (!cc.forms.includes(f)) cc.forms.push(f);
      if (cc.articles[cc.articles.length - 1] !== a.id) {
        cc.articles.push(a.id);
        countryDocs.get(c.code)!.push(i);
      }
    }
  });
  const countries = [...countryMap.values()].sort((a, b) => b.articles.length - a.articles.length || a.name.localeCompare(b.name));

  const quotesIn = (articleId: string): QuoteRef[] => {
    const i = index.get(articleId);
    if (i === undefined) return [];
    return articles[i]!.quotes.map((quote, qi) => ({
      articleId,
      index: qi,
      quote,
      personId: (quote.speaker && local[i]!.get(quote.speaker)) || null,
    }));
  };

  const quoteCache = new Map<string, QuoteRef[]>();
  const quotesBy = (personId: string): QuoteRef[] => {
    let out = quoteCache.get(personId);
    if (out) return out;
    const docs = personDocs.get(personId) ?? [];
    // Date order, then corpus order (docs are in corpus order and the sort is stable).
    const sorted = [...docs].sort((a, b) => dateKey(articles[a]!.dateline?.date) - dateKey(articles[b]!.dateline?.date));
    out = sorted.flatMap((d) => quotesIn(articles[d]!.id).filter((q) => q.personId === personId));
    quoteCache.set(personId, out);
    return out;
  };

  const related = new RelatedFinder({
    articles,
    people: articles.map((_, i) => [...new Set(local[i]!.values())].map((id) => ({id, label: surname(personById.get(id)!.name)}))),
    personDocs,
    countryDocs,
    countryName: new Map(countries.map((c) => [c.code, c.name])),
  });

  return {
    articles,
    byId,
    paths,
    people,
    personById,
    countries,
    personOf: (articleId, localPersonId) => {
      const i = index.get(articleId);
      return i === undefined ? null : (local[i]!.get(localPersonId) ?? null);
    },
    quotesBy,
    quotesIn,
    related: (articleId: string, limit = 5): readonly RelatedArticle[] => {
      const i = index.get(articleId);
      return i === undefined ? [] : related.related(i, limit);
    },
  };
}
