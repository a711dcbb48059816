// Hand-built Articles for unit tests, independent of the parser being rewritten alongside.
import {createHash} from 'node:crypto';
import type {Article, CountryMention, Organization, Person, Quote} from '../../src/types.js';
import {slug} from '../../src/corpus/text.js';

export function person(name: string, extra: Partial<Person> = {}): Person {
  return {id: slug(name), name, aliases: [], role: null, country: null, leader: false, mentions: 1, ...extra};
}

export function country(code: string, name: string, forms: string[] = [name], mentions = 1): CountryMention {
  return {code, name, forms, mentions};
}

export function org(name: string, extra: Partial<Organization> = {}): Organization {
  return {id: slug(name), name, kind: 'other', mentions: 1, forms: [name], ...extra};
}

export function quote(text: string, speaker: string | null, extra: Partial<Quote> = {}): Quote {
  return {text, speaker, speakerName: null, cue: 'said', paragraph: 0, start: 0, end: 0, paraStart: 0, paraEnd: 0, partial: false, ...extra};
}

export interface ArticleSpec extends Partial<Article> {
  headline: string;
}

/** An Article with an id derived from its text (like the parser's), overridable. */
export function article(spec: ArticleSpec): Article {
  const paragraphs = spec.paragraphs ?? [`${spec.headline}.`];
  const id = spec.id ?? createHash('sha256').update([spec.headline, ...paragraphs].join('\n')).digest('hex').slice(0, 16);
  return {
    id,
    source: spec.source ?? `${id}.txt`,
    section: null,
    update: null,
    dateline: null,
    byline: null,
    quotes: [],
    people: [],
    countries: [],
    organizations: [],
    summary: [],
    words: paragraphs.join(' ').split(/\s+/).length,
    warnings: [],
    ...spec,
    paragraphs,
  };
}
