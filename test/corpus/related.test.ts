import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {analyzeBytes} from '../../src/corpus/analyze.js';
import {buildCorpus} from '../../src/corpus/index.js';
import {isParseError, type Article} from '../../src/types.js';
import {article, country, person} from './fixtures.js';

const kishida = () => person('Fumio Kishida', {aliases: ['Kishida'], country: 'JPN', leader: true, mentions: 3});
const prk = () => country('PRK', 'North Korea', ['North Korea', 'Pyongyang'], 2);

describe('related articles', () => {
  const dateline = {place: 'Tokyo', date: 'May 1', agency: null};
  const a = article({headline: 'Kishida warns on missile launches', dateline, people: [kishida()], countries: [prk()],
    summary: ['Kishida warned about ballistic missile launches.'], paragraphs: ['Kishida warned about ballistic missile launches.']});
  const aAgain = article({headline: 'Kishida warns on missile launches', dateline, people: [kishida()], countries: [prk()],
    summary: ['Kishida warned again about ballistic missile launches.'], paragraphs: ['Kishida warned again about ballistic missile launches.']});
  const sameStoryElsewhere = article({headline: 'Kishida warns on missile launches', people: [kishida()], countries: [prk()], paragraphs: ['Republished.']});
  const b = article({headline: 'Tokyo talks on missiles', people: [person('Kishida', {country: 'JPN'})], countries: [prk()],
    summary: ['Talks about ballistic missile defence.'], paragraphs: ['Talks about ballistic missile defence.']});
  const c = article({headline: 'Missile tests worry region', countries: [prk()], summary: ['New ballistic missile launches were reported.'],
    paragraphs: ['New ballistic missile launches were reported.']});
  const d = article({headline: 'Fishing quotas agreed', countries: [country('NOR', 'Norway')], summary: ['Quotas for cod were agreed.'], paragraphs: ['Quotas for cod were agreed.']});
  const e = article({headline: 'Cod stocks recover', countries: [country('NOR', 'Norway')], summary: ['Cod stocks recovered and quotas rose.'], paragraphs: ['Cod stocks recovered and quotas rose.']});
  const corpus = buildCorpus([a, aAgain, sameStoryElsewhere, b, c, d, e]);

  it('never lists the article itself or its duplicate, and gives a reason for each', () => {
    expect(corpus.articles.map((x) => x.id)).not.toContain(aAgain.id);
    for (const x of corpus.articles) {
      const rel = corpus.related(x.id);
      const ids = rel.map((r) => r.id);
      expect(ids).not.toContain(x.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const r of rel) {
        expect(r.reason.length).toBeGreaterThan(0);
        expect(corpus.byId.get(r.id)!.headline).not.toBe(x.headline);
      }
    }
    expect(corpus.related(a.id).map((r) => r.id)).not.toContain(sameStoryElsewhere.id);
  });

  it('ranks by shared people and countries, then similar text, with the reason naming them', () => {
    const rel = corpus.related(a.id);
    expect(rel.map((r) => r.id).slice(0, 2)).toEqual([b.id, c.id]);
    expect(rel[0]!.sharedPeople).toEqual(['fumio-kishida']);
    expect(rel[0]!.sharedCountries).toEqual(['PRK']);
    expect(rel[0]!.reason).toMatch(/^shares Kishida, North Korea/);
    expect(rel.map((r) => r.id)).not.toContain(d.id);
    expect(corpus.related(d.id).map((r) => r.id)).toEqual([e.id]);
    expect(corpus.related(d.id)[0]!.reason).toMatch(/shares Norway; similar text \(.*(cod|quota).*\)/);
  });

  it('honours the limit, caches, and answers [] for an unknown id', () => {
    expect(corpus.related(a.id, 1)).toHaveLength(1);
    expect(corpus.related(a.id)).toEqual(corpus.related(a.id));
    expect(corpus.related('nope')).toEqual([]);
  });
});

describe('related on data/ (through the parser)', () => {
  const dir = join(import.meta.dirname, '../../data');
  const articles: Article[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) {
    const a = analyzeBytes(readFileSync(join(dir, f)), {source: f});
    if (!isParseError(a)) articles.push(a);
  }
  const corpus = buildCorpus(articles);
  it('keeps the invariants for every article', () => {
    for (const a of corpus.articles) {
      const rel = corpus.related(a.id);
      expect(rel.length).toBeLessThanOrEqual(5);
      for (const r of rel) {
        expect(r.id).not.toBe(a.id);
        expect(r.reason).toMatch(/^(shares|similar text)/);
        expect(r.score).toBeGreaterThan(0);
      }
    }
  });
});
