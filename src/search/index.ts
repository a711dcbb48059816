// The search engine: the query language over a built corpus. Built once per corpus:
// - a vocabulary of people, countries, organisations, sections and places (fuzzy-matched, see vocabulary.ts)
//   whose postings give the articles, weighted so naming a person or country outranks an incidental word;
// - a compact inverted index (text-index.ts: exact, prefix for the word being typed, typo fallback) over
//   headlines and summaries.
// Per keystroke the work is proportional to the matches, not to the corpus (except `"phrase"` alone,
// which scans the bodies). Matched ranges are computed only for the hits returned first.
import Fuse from 'fuse.js';
import type {Corpus} from '../corpus/types.js';
import {fold, isStopword} from '../corpus/text.js';
import type {Article} from '../types.js';
import {parseQuery} from './query.js';
import type {MatchField, MatchRange, QueryTerm, SearchEngine, SearchHit, SearchOptions, SearchResult} from './types.js';
import {TextIndex} from './text-index.js';
import {Vocabulary, type Target, type TargetKind, type VocabMatch} from './vocabulary.js';

export type {SearchEngine, SearchResult, SearchHit, MatchRange, ParsedQuery, QueryTerm, SearchOptions, ReadFlags} from './types.js';
export {parseQuery} from './query.js';

/** What naming each kind of thing is worth, against TEXT_WEIGHT for a word in a headline or summary. */
const KIND_WEIGHT: Record<TargetKind, number> = {person: 10, country: 8, org: 6, section: 3, place: 3};
const TEXT_WEIGHT = 4;
/** Matched ranges are computed for this many hits unless SearchOptions.matchLimit says otherwise. */
const DEFAULT_MATCH_LIMIT = 200;

const FIELD_KIND: Record<string, TargetKind> = {leader: 'person', person: 'person', country: 'country', section: 'section', org: 'org', place: 'place'};
const KIND_FIELD: Record<TargetKind, MatchField> = {person: 'people', country: 'countries', org: 'organizations', section: 'section', place: 'dateline'};

const SPLIT = /[^\p{L}\p{N}]+/u;
const WORD = /[\p{L}\p{N}]+/gu;

function indexTerm(t: string): string | null {
  if (!t) return null;
  const f = fold(t);
  return f.length < 2 || isStopword(f) ? null : f;
}

/** What one positive word (or the whole free text) matched: per article, a score and how to highlight it. */
interface WordMatch {
  score: Map<number, number>;
  entity: Map<number, VocabMatch>;
  /** Index terms the word matched in headlines and summaries (for highlighting). */
  textTerms: Set<string>;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function phraseRegExp(phrase: string): RegExp {
  // No `u` flag: case-insensitive literal search without it is several times faster over long bodies.
  return new RegExp(phrase.split(/\s+/).map(escapeRegExp).join('\\s+'), 'gi');
}

function rangesOf(re: RegExp, value: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  re.lastIndex = 0;
  for (let m = re.exec(value); m; m = re.exec(value)) {
    out.push([m.index, m.index + m[0].length]);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

function normaliseRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  const sorted = ranges.slice().sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Array<[number, number]> = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

class Engine implements SearchEngine {
  private readonly articles: readonly Article[];
  private readonly vocab: Vocabulary;
  private readonly text: TextIndex;

  constructor(corpus: Corpus) {
    this.articles = corpus.articles;
    this.vocab = new Vocabulary(corpus);
    this.text = new TextIndex(this.articles.length, (i) => [this.articles[i]!.headline, this.articles[i]!.summary.join(' ')], SPLIT, indexTerm);
  }

  search(query: string, options: SearchOptions = {}): SearchResult {
    const parsed = parseQuery(query);
    if (!parsed.ok) return parsed;
    const {terms} = parsed.query;
    const n = this.articles.length;
    const limit = options.limit ?? Infinity;

    const positiveWords = terms.filter((t): t is Extract<QueryTerm, {kind: 'text'}> => t.kind === 'text' && !t.negated).map((t) => t.value);
    const filters = terms.filter((t) => t.kind === 'field' || t.kind === 'phrase');

    // Candidates and scores from the free words.
    const wordMatches = positiveWords.map((w, i) => this.matchWord(w, i === positiveWords.length - 1 && !/\s$/.test(query)));
    let candidates: number[] | null = null;
    const score = new Float64Array(n);
    if (wordMatches.length) {
      const joined = positiveWords.length > 1 ? this.matchEntities(positiveWords.join(' '), positiveWords.length) : null;
      const required = wordMatches.filter((m, i) => m.score.size > 0 || indexTerm(positiveWords[i]!) !== null);
      // Every word must match (a stopword that matches nothing is ignored), unless the words together
      // name one thing (`north korea`).
      const first = required[0] ?? wordMatches[0]!;
      const set = new Set<number>();
      for (const d of first.score.keys()) if (required.every((m) => m.score.has(d))) set.add(d);
      if (joined) for (const d of joined.score.keys()) set.add(d);
      for (const d of set) {
        let s = joined?.score.get(d) ?? 0;
        for (const m of wordMatches) s += m.score.get(d) ?? 0;
        score[d] = s;
      }
      candidates = [...set];
      if (joined) wordMatches.push(joined);
    }

    // Field filters and phrases narrow (or, negated, exclude); they add their quality to the score.
    const excluded = new Uint8Array(n);
    for (const t of filters) {
      if (t.kind !== 'field' && t.kind !== 'phrase') continue;
      const docs = t.kind === 'phrase' ? this.phraseDocs(t.value, t.negated ? null : candidates) : this.fieldDocs(t.field, t.value);
      if (t.negated) {
        for (const d of docs.keys()) excluded[d] = 1;
        continue;
      }
      if (candidates === null) {
        candidates = [...docs.keys()];
        for (const [d, s] of docs) score[d]! += s;
      } else {
        candidates = candidates.filter((d) => docs.has(d));
        for (const d of candidates) score[d]! += docs.get(d)!;
      }
    }
    for (const t of terms) {
      if (t.kind !== 'text' || !t.negated) continue;
      for (const d of this.exactWordDocs(t.value)) excluded[d] = 1;
    }

    const flags = options.flags;
    const isTerms = terms.filter((t): t is Extract<QueryTerm, {kind: 'is'}> => t.kind === 'is');
    const keep = (d: number): boolean => {
      if (excluded[d]) return false;
      if (!isTerms.length) return true;
      const f = flags?.(this.articles[d]!.id) ?? {read: false, starred: false};
      for (const t of isTerms) {
        const v = t.value === 'read' ? f.read : t.value === 'unread' ? !f.read : t.value === 'starred' ? f.starred : !f.starred;
        if (v === t.negated) return false;
      }
      return true;
    };

    let order: number[];
    if (candidates === null) {
      // Nothing positive to match: every article, in corpus order, minus exclusions and flags.
      order = [];
      for (let d = 0; d < n; d++) if (keep(d)) order.push(d);
    } else {
      order = candidates.filter(keep);
      order.sort((a, b) => score[b]! - score[a]! || a - b);
    }
    const total = order.length;
    const shown = order.slice(0, limit);
    const matchLimit = options.matchLimit ?? DEFAULT_MATCH_LIMIT;
    const phrases = terms.filter((t) => t.kind === 'phrase' && !t.negated).map((t) => phraseRegExp(t.value));
    const fieldMatches = terms
      .filter((t): t is Extract<QueryTerm, {kind: 'field'}> => t.kind === 'field' && !t.negated)
      .map((t) => this.fieldMatches(t.field, t.value));
    const hits: SearchHit[] = shown.map((d, i) => ({
      id: this.articles[d]!.id,
      score: Math.round(score[d]! * 1000) / 1000,
      matches: i < matchLimit ? this.ranges(d, wordMatches, fieldMatches, phrases) : [],
    }));
    return {ok: true, query: parsed.query, hits, total};
  }

  /** Entities named by `value` (fuzzy), as article -> score. */
  private matchEntities(value: string, wordsCovered = 1, accept?: (t: Target) => boolean): WordMatch {
    const out: WordMatch = {score: new Map(), entity: new Map(), textTerms: new Set()};
    for (const m of this.vocab.match(value, accept)) {
      const w = KIND_WEIGHT[m.target.kind] * m.quality * wordsCovered;
      const {docs, weights} = m.target;
      for (let j = 0; j < docs.length; j++) {
        const d = docs[j]!;
        const s = w * weights[j]!;
        if (s > (out.score.get(d) ?? 0)) {
          out.score.set(d, s);
          out.entity.set(d, m);
        }
      }
    }
    return out;
  }

  /** One free word: the best entity it names plus its headline/summary text score. Prefix search only
   *  for the word being typed (the last); typo tolerance in text only when the word matches nothing as
   *  written (names, where typos matter most, are matched fuzzily in the vocabulary anyway). */
  private matchWord(word: string, last: boolean): WordMatch {
    const m = this.matchEntities(word);
    const term = indexTerm(word);
    if (!term) return m;
    const found = this.text.search(term, last && term.length >= 3, term.length >= 8 ? 2 : term.length >= 5 ? 1 : 0);
    for (const [d, sc] of found.score) m.score.set(d, (m.score.get(d) ?? 0) + TEXT_WEIGHT * sc);
    m.textTerms = found.terms;
    return m;
  }

  private fieldMatches(field: string, value: string): VocabMatch[] {
    const kind = FIELD_KIND[field]!;
    const all = this.vocab.match(value, (t) => t.kind === kind && (field !== 'leader' || t.leader), 0.5);
    // A filter takes what the value names best, not everything near it.
    const best = all[0]?.quality ?? 0;
    return all.filter((m) => m.quality >= Math.max(0.6, best - 0.15));
  }

  private fieldDocs(field: string, value: string): Map<number, number> {
    const out = new Map<number, number>();
    for (const m of this.fieldMatches(field, value)) {
      const {docs, weights} = m.target;
      for (let j = 0; j < docs.length; j++) out.set(docs[j]!, Math.max(out.get(docs[j]!) ?? 0, m.quality * weights[j]!));
    }
    return out;
  }

  private phraseDocs(phrase: string, among: number[] | null): Map<number, number> {
    const re = phraseRegExp(phrase);
    const out = new Map<number, number>();
    const test = (s: string) => {
      re.lastIndex = 0;
      return re.test(s);
    };
    const check = (d: number) => {
      const a = this.articles[d]!;
      if (test(a.headline)) out.set(d, 3);
      else if (a.summary.some(test)) out.set(d, 2);
      else if (a.paragraphs.some(test)) out.set(d, 1);
    };
    if (among) for (const d of among) check(d);
    else for (let d = 0; d < this.articles.length; d++) check(d);
    return out;
  }

  /** Articles a `-word` excludes: the exact word in the headline or summary, or an entity it names exactly. */
  private exactWordDocs(word: string): Set<number> {
    const out = new Set<number>();
    const term = indexTerm(word);
    if (term) for (const d of this.text.search(term, false, 0).score.keys()) out.add(d);
    for (const m of this.vocab.match(word, undefined, 0.99)) for (const d of m.target.docs) out.add(d);
    return out;
  }

  private ranges(d: number, words: WordMatch[], fields: VocabMatch[][], phrases: RegExp[]): MatchRange[] {
    const a = this.articles[d]!;
    const out: MatchRange[] = [];
    const add = (field: MatchField, value: string, ranges: Array<[number, number]>) => {
      if (!ranges.length) return;
      const prev = out.find((m) => m.field === field && m.value === value);
      if (prev) prev.ranges = normaliseRanges([...prev.ranges, ...ranges]);
      else out.push({field, value, ranges: normaliseRanges(ranges)});
    };
    const textTerms = new Set<string>();
    for (const w of words) {
      const e = w.entity.get(d);
      if (e) add(KIND_FIELD[e.target.kind], e.label, e.ranges);
      if (w.score.has(d)) for (const t of w.textTerms) textTerms.add(t);
    }
    for (const list of fields) {
      for (const m of list) {
        if (m.target.docs.includes(d)) add(KIND_FIELD[m.target.kind], m.label, m.ranges);
      }
    }
    if (textTerms.size) {
      const termRanges = (value: string) => {
        const r: Array<[number, number]> = [];
        for (const m of value.matchAll(WORD)) if (textTerms.has(fold(m[0]))) r.push([m.index, m.index + m[0].length]);
        return r;
      };
      add('headline', a.headline, termRanges(a.headline));
      for (const s of a.summary) add('summary', s, termRanges(s));
    }
    for (const re of phrases) {
      add('headline', a.headline, rangesOf(re, a.headline));
      for (const s of a.summary) add('summary', s, rangesOf(re, s));
      for (const p of a.paragraphs) add('body', p, rangesOf(re, p));
    }
    return out;
  }
}

export function createSearchEngine(corpus: Corpus): SearchEngine {
  return new Engine(corpus);
}

/** The naive baseline for the bench: fuse.js over every article object with default options. */
export function naiveSearch(corpus: Corpus): SearchEngine {
  const fuse = new Fuse(corpus.articles as Article[], {
    keys: ['headline', 'section', 'summary', 'people.name', 'people.aliases', 'countries.name', 'countries.forms', 'organizations.name'],
  });
  return {
    search(query: string, options: SearchOptions = {}): SearchResult {
      const results = fuse.search(query, options.limit ? {limit: options.limit} : undefined);
      return {
        ok: true,
        query: {raw: query, terms: [{kind: 'text', value: query, negated: false}]},
        hits: results.map((r) => ({id: r.item.id, score: 1 - (r.score ?? 0), matches: []})),
        total: results.length,
      };
    },
  };
}
