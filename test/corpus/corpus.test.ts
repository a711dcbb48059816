import {describe, expect, it} from 'vitest';
import {buildCorpus} from '../../src/corpus/index.js';
import {pack} from '../../src/corpus/pack.js';
import {articlesFingerprint} from '../../src/corpus/terms.js';
import {article, country, person, quote} from './fixtures.js';

const JPN = country('JPN', 'Japan', ['Japan', 'Japanese']);

describe('buildCorpus: people merged across articles', () => {
  const seedLike = article({
    headline: 'Tokyo and Seoul call for upgraded alliance',
    dateline: {place: 'Madrid', date: 'Jun 29', agency: 'EFE'},
    people: [person('Fumio Kishida', {aliases: ['Fumio Kushida', 'Kishida', 'Kushida'], role: 'prime minister', country: 'JPN', leader: true, mentions: 6})],
    countries: [JPN],
  });
  const surnameOnly = article({
    headline: 'Kishida visits Seoul',
    dateline: {place: 'Seoul', date: 'Jul 2', agency: null},
    people: [person('Kishida', {role: 'prime minister', country: 'JPN', leader: true, mentions: 3})],
    quotes: [quote('We will work together', 'kishida')],
    countries: [JPN],
  });
  const misspelt = article({
    headline: 'Kushida speaks in Tokyo',
    dateline: {place: 'Tokyo', date: 'Jun 1', agency: null},
    people: [person('Kushida', {mentions: 1})],
    quotes: [quote('An earlier remark', 'kushida')],
  });
  const fullNameTypo = article({
    headline: 'Fumio Kushida meets Biden',
    people: [person('Fumio Kushida', {role: 'prime minister', mentions: 2})],
  });

  it('joins Kishida, Fumio Kishida and the Kushida misspellings into one person with one id', () => {
    const corpus = buildCorpus([seedLike, surnameOnly, misspelt, fullNameTypo]);
    const kishidas = corpus.people.filter((p) => /k[iu]shida/i.test(p.name));
    expect(kishidas).toHaveLength(1);
    const k = kishidas[0]!;
    expect(k.name).toBe('Fumio Kishida');
    expect(k.id).toBe('fumio-kishida');
    expect(k.articles).toEqual([seedLike.id, surnameOnly.id, misspelt.id, fullNameTypo.id]);
    expect(k.aliases).toEqual(expect.arrayContaining(['Kishida', 'Kushida', 'Fumio Kushida']));
    expect(k.leader).toBe(true);
    expect(k.country).toBe('JPN');
    expect(k.mentions).toBe(12);
    expect(k.quoteCount).toBe(2);
    expect(corpus.personOf(surnameOnly.id, 'kishida')).toBe(k.id);
    expect(corpus.personOf(misspelt.id, 'kushida')).toBe(k.id);
    expect(corpus.personOf(misspelt.id, 'nobody')).toBeNull();
  });

  it('lists a person’s quotes in date order, then corpus order', () => {
    const corpus = buildCorpus([seedLike, surnameOnly, misspelt]);
    const quotes = corpus.quotesBy('fumio-kishida');
    expect(quotes.map((q) => q.quote.text)).toEqual(['An earlier remark', 'We will work together']);
    expect(quotes.every((q) => q.personId === 'fumio-kishida')).toBe(true);
    expect(corpus.quotesIn(surnameOnly.id)).toEqual([
      {articleId: surnameOnly.id, index: 0, quote: surnameOnly.quotes[0], personId: 'fumio-kishida'},
    ]);
    expect(corpus.quotesBy('no-such-person')).toEqual([]);
  });

  it('keeps two Smiths apart when their first names differ', () => {
    const a = article({headline: 'Budget row', people: [person('John Smith', {role: 'chancellor', country: 'GBR'})]});
    const b = article({headline: 'Hospital opens', people: [person('Jane Smith', {role: 'health secretary', country: 'GBR'})]});
    const c = article({headline: 'Budget row continues', people: [person('John Smith', {country: 'GBR'})]});
    const corpus = buildCorpus([a, b, c]);
    const smiths = corpus.people.filter((p) => p.name.endsWith('Smith'));
    expect(smiths.map((p) => p.name).sort()).toEqual(['Jane Smith', 'John Smith']);
    expect(corpus.personOf(a.id, 'john-smith')).toBe(corpus.personOf(c.id, 'john-smith'));
    expect(corpus.personOf(a.id, 'john-smith')).not.toBe(corpus.personOf(b.id, 'jane-smith'));
  });

  it('keeps two Smiths apart when their roles differ, and leaves an ambiguous bare surname alone', () => {
    const a = article({headline: 'Trade talks', people: [person('Smith', {role: 'president', country: 'USA'})]});
    const b = article({headline: 'Football final', people: [person('Smith', {role: 'coach'})]});
    const c = article({headline: 'Rain expected', people: [person('Smith')]});
    const d = article({headline: 'Trade talks resume', people: [person('Smith', {role: 'us president'})]});
    const corpus = buildCorpus([a, b, c, d]);
    const pa = corpus.personOf(a.id, 'smith');
    const pb = corpus.personOf(b.id, 'smith');
    const pc = corpus.personOf(c.id, 'smith');
    expect(pa).not.toBe(pb);
    expect(pc).not.toBe(pa);
    expect(pc).not.toBe(pb);
    expect(corpus.personOf(d.id, 'smith')).toBe(pa);
    expect(new Set(corpus.people.map((p) => p.id)).size).toBe(corpus.people.length);
    expect(corpus.people.map((p) => p.id)).toEqual(['smith', 'smith-2', 'smith-3']);
  });

  it('never merges two people named in the same article', () => {
    const a = article({headline: 'Two Smiths', people: [person('John Smith', {country: 'GBR'}), person('Smith', {country: 'GBR'})]});
    const corpus = buildCorpus([a]);
    expect(corpus.people).toHaveLength(2);
    expect(corpus.personOf(a.id, 'smith')).not.toBe(corpus.personOf(a.id, 'john-smith'));
  });

  it('joins a family name written first (`Yoon`) to the full name when the country agrees', () => {
    const a = article({headline: 'A', people: [person('Yoon Suk-yeol', {role: 'president', country: 'KOR'})]});
    const b = article({headline: 'B', people: [person('Yoon', {country: 'KOR'})]});
    const c = article({headline: 'C', people: [person('Yoon', {country: 'USA'})]});
    const corpus = buildCorpus([a, b, c]);
    expect(corpus.personById.get('yoon-suk-yeol')?.name).toBe('Yoon Suk-yeol');
    expect(corpus.personOf(b.id, 'yoon')).toBe('yoon-suk-yeol');
    expect(corpus.personOf(c.id, 'yoon')).not.toBe('yoon-suk-yeol');
  });

  it('does not join a one-typo surname without anything else in common', () => {
    const a = article({headline: 'A', people: [person('Maria Kishida', {country: 'USA'})]});
    const b = article({headline: 'B', people: [person('Fumio Kushida', {country: 'JPN'})]});
    expect(buildCorpus([a, b]).people).toHaveLength(2);
  });
});

describe('buildCorpus: duplicates', () => {
  it('keeps an article found twice with identical content once, with both paths', () => {
    const a = article({headline: 'Same', source: 'a/one.txt'});
    const b = {...a, source: 'b/one-copy.txt'};
    const corpus = buildCorpus([a, b]);
    expect(corpus.articles).toHaveLength(1);
    expect(corpus.paths.get(a.id)).toEqual(['a/one.txt', 'b/one-copy.txt']);
    expect(corpus.byId.get(a.id)).toBe(a);
  });

  it('keeps the same headline under the same dateline once, even when the text differs', () => {
    const dateline = {place: 'Madrid', date: 'Jun 29', agency: 'EFE'};
    const a = article({headline: 'Leaders meet in Madrid', dateline, paragraphs: ['First version.'], source: 'x.txt'});
    const b = article({headline: 'Leaders  meet in MADRID', dateline: {...dateline, place: 'MADRID'}, paragraphs: ['Second version.'], source: 'y.txt'});
    const c = article({headline: 'Leaders meet in Madrid', dateline: {...dateline, date: 'Jun 30'}, paragraphs: ['A day later.']});
    const corpus = buildCorpus([a, b, c]);
    expect(corpus.articles.map((x) => x.id)).toEqual([a.id, c.id]);
    expect(corpus.paths.get(a.id)).toEqual(['x.txt', 'y.txt']);
  });
});

describe('buildCorpus: country index', () => {
  it('merges countries by code with forms, mentions and articles', () => {
    const a = article({headline: 'A', countries: [country('PRK', 'North Korea', ['North Korea'], 2)]});
    const b = article({headline: 'B', countries: [country('PRK', 'North Korea', ['Pyongyang'], 3), JPN]});
    const corpus = buildCorpus([a, b]);
    expect(corpus.countries[0]).toEqual({code: 'PRK', name: 'North Korea', mentions: 5, forms: ['North Korea', 'Pyongyang'], articles: [a.id, b.id]});
    expect(corpus.countries.map((c) => c.code)).toEqual(['PRK', 'JPN']);
  });
});

describe('buildCorpus: what it derives, kept between runs (BuildOptions.derived)', () => {
  const JPNx = country('JPN', 'Japan', ['Japan', 'Tokyo']);
  const PRK = country('PRK', 'North Korea', ['Pyongyang']);
  const make = () => [
    article({headline: 'Kishida warns Pyongyang', dateline: {place: 'Tokyo', date: 'Jun 2', agency: null}, countries: [JPNx, PRK],
      people: [person('Fumio Kishida', {aliases: ['Kishida'], role: 'prime minister', country: 'JPN', leader: true, mentions: 3}), person('Yoon Suk-yeol', {leader: true})],
      quotes: [quote('We will respond', 'fumio-kishida'), quote('firm', 'fumio-kishida', {partial: true})]}),
    article({headline: 'Kushida in Seoul', dateline: {place: 'Seoul', date: 'Jun 1', agency: null}, countries: [PRK],
      people: [person('Kushida', {mentions: 2})], quotes: [quote('An earlier remark', 'kushida')]}),
    article({headline: 'Trade talks', countries: [JPNx], people: [person('John Smith', {role: 'minister'}), person('Jane Smith', {role: 'president'})]}),
  ];
  /** A DerivedData in memory, recording what was read and written. */
  const memory = () => {
    const kept = new Map<string, Uint8Array>();
    const log: string[] = [];
    const derived = (fingerprint: string) => ({
      fingerprint,
      read: (kind: string) => (log.push(`read ${kind}`), kept.get(`${fingerprint}/${kind}`) ?? null),
      write: (kind: string, bytes: Uint8Array) => void (log.push(`write ${kind}`), kept.set(`${fingerprint}/${kind}`, bytes)),
    });
    return {kept, log, derived};
  };
  const snapshot = (c: ReturnType<typeof buildCorpus>) => ({
    people: c.people,
    countries: c.countries,
    indexes: [c.indexes!.personOffsets, c.indexes!.personAt, c.indexes!.personQuotes].map((a) => [...a]),
    quotes: c.people.map((p) => c.quotesBy(p.id).map((q) => [q.articleId, q.index])),
    personOf: c.articles.map((a) => a.people.map((p) => c.personOf(a.id, p.id))),
    related: c.articles.map((a) => c.related(a.id)),
  });

  it('is stored on the first build and read back on the next, giving the same corpus', () => {
    const fresh = snapshot(buildCorpus(make()));
    const m = memory();
    expect(snapshot(buildCorpus(make(), {derived: m.derived}))).toEqual(fresh);
    expect(m.log).toEqual(['read corpus', 'write corpus', 'read terms', 'write terms']);
    m.log.length = 0;
    expect(snapshot(buildCorpus(make(), {derived: m.derived}))).toEqual(fresh);
    expect(m.log).toEqual(['read corpus', 'read terms']);
  });

  it('is not used for other articles, and a damaged or tampered copy is rebuilt, never trusted', () => {
    const m = memory();
    buildCorpus(make(), {derived: m.derived});
    const [key, good] = [...m.kept].find(([k]) => k.endsWith('/corpus'))!;
    // Another set of articles (one dropped): its own fingerprint, nothing read from the first set's.
    const fewer = make().slice(0, 2);
    expect(snapshot(buildCorpus(fewer, {derived: m.derived}))).toEqual(snapshot(buildCorpus(make().slice(0, 2))));
    const fresh = snapshot(buildCorpus(make()));
    const tamper = (bytes: Uint8Array): void => {
      m.kept.set(key!, bytes);
      m.log.length = 0;
      expect(snapshot(buildCorpus(make(), {derived: m.derived}))).toEqual(fresh);
      expect(m.log).toContain('write corpus');
    };
    tamper(good!.subarray(0, good!.length - 3));
    tamper(new TextEncoder().encode('not a corpus\n'));
    // A person index out of range, framing intact (the last array is the country CSR; personAt comes second).
    const bad = good!.slice();
    const text = new TextDecoder().decode(bad.subarray(0, bad.indexOf(10)));
    const header = JSON.parse(text) as {arrays: Array<[string, number]>};
    const start = Math.ceil((bad.indexOf(10) + 1) / 4) * 4 + Math.ceil((header.arrays[0]![1] * 4) / 4) * 4;
    new DataView(bad.buffer).setInt32(start, 999, true);
    tamper(bad);
  });

  it('keeps which articles are duplicates, for the articles as given; a wrong list is rebuilt, never trusted', () => {
    const dateline = {place: 'Madrid', date: 'Jun 29', agency: 'EFE'};
    const input = () => {
      const a = article({headline: 'Leaders meet in Madrid', dateline, paragraphs: ['First version.'], source: 'x.txt'});
      const b = article({headline: 'Leaders  meet in MADRID', dateline, paragraphs: ['Second version.'], source: 'y.txt'});
      const c = article({headline: 'Another story', source: 'z.txt'});
      return [a, b, c, {...a, source: 'x-copy.txt'}];
    };
    const fingerprint = articlesFingerprint(input());
    const shape = (c: ReturnType<typeof buildCorpus>) => [c.articles.map((x) => x.id), [...c.paths]];
    const fresh = shape(buildCorpus(input()));
    expect(fresh[1]).toEqual([[input()[0]!.id, ['x.txt', 'y.txt', 'x-copy.txt']], [input()[2]!.id, ['z.txt']]]);
    const m = memory();
    expect(shape(buildCorpus(input(), {derived: m.derived, fingerprint}))).toEqual(fresh);
    expect(m.log.slice(0, 2)).toEqual(['read duplicates', 'write duplicates']);
    m.log.length = 0;
    expect(shape(buildCorpus(input(), {derived: m.derived, fingerprint}))).toEqual(fresh);
    expect(m.log).not.toContain('write duplicates');
    // A pair pointing forward (or at a dropped article) is refused.
    m.kept.set(`${fingerprint}/duplicates`, pack('briefing-duplicates-1', fingerprint, null, [Int32Array.of(1, 2, 3, 0)]));
    m.log.length = 0;
    expect(shape(buildCorpus(input(), {derived: m.derived, fingerprint}))).toEqual(fresh);
    expect(m.log).toContain('write duplicates');
  });
});
