// The search engine: the query language over a built corpus. Built once per corpus:
// - a vocabulary of people, countries, organisations, sections and places (fuzzy-matched, see vocabulary.ts)
//   whose postings give the articles, each weighted by how salient the thing is in that article, so naming
//   a person or country outranks an incidental word and the article about them outranks a passing mention;
// - the corpus term index of headlines and summaries (src/corpus/terms.ts, shared with related articles),
//   searched by text-index.ts: exact, prefix for the word being typed, typo fallback.
// Per keystroke the work is proportional to the matches, not to the corpus (except `"phrase"` alone,
// which scans the bodies): scores go into typed arrays reused across keystrokes, and only the best
// `limit` are sorted. Matched ranges are computed only for the hits returned first.
import Fuse from 'fuse.js';
import type {Corpus} from '../corpus/types.js';
import {fold} from '../corpus/text.js';
import {buildTermIndex, eachWord, indexWord} from '../corpus/terms.js';
import type {Article} from '../types.js';
import {parseQuery} from './query.js';
import type {MatchField, MatchRange, QueryTerm, SearchEngine, SearchHit, SearchOptions, SearchResult} from './types.js';
import {Scores, TextSearch} from './text-index.js';
import {Vocabulary, type Target, type TargetKind, type VocabMatch} from './vocabulary.js';

export type {SearchEngine, SearchResult, SearchHit, MatchRange, ParsedQuery, QueryTerm, SearchOptions, ReadFlags} from './types.js';
export {parseQuery} from './query.js';

/** What naming each kind of thing is worth, against TEXT_WEIGHT for a word in a headline or summary. */
const KIND_WEIGHT: Record<TargetKind, number> = {person: 10, country: 8, org: 6, section: 3, place: 3};
const TEXT_WEIGHT = 4;
/** A word that also names an entity of the article is mostly that entity (its salience already counts
 *  headline and summary): the text match adds only this share on top. */
const TEXT_WITH_ENTITY = 0.25;
/** Matched ranges are computed for this many hits unless SearchOptions.matchLimit says otherwise. */
const DEFAULT_MATCH_LIMIT = 200;

const FIELD_KIND: Record<string, TargetKind> = {leader: 'person', person: 'person', country: 'country', section: 'section', org: 'org', place: 'place'};
const KIND_FIELD: Record<TargetKind, MatchField> = {person: 'people', country: 'countries', org: 'organizations', section: 'section', place: 'dateline'};

// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\u0000-\u007f]/;

/** What one positive word (or the whole free text) matched: per-article scores, the entities and the
 *  index words behind them (for highlighting the hits shown). */
interface WordMatch {
  scores: Scores;
  entities: VocabMatch[];
  textTerms: Set<string>;
}

/** Binary search in a sorted posting list. */
function contains(docs: Int32Array, d: number): number {
  let lo = 0;
  let hi = docs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = docs[mid]!;
    if (v === d) return mid;
    if (v < d) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The best `k` of `docs` by score (then corpus order), without sorting them all. */
function topK(docs: number[], score: Float64Array, k: number): number[] {
  const better = (a: number, b: number) => score[a]! > score[b]! || (score[a] === score[b] && a < b);
  if (k >= docs.length / 4) return docs.sort((a, b) => score[b]! - score[a]! || a - b).slice(0, k);
  // A min-heap (worst on top) of the k best so far.
  const heap: number[] = [];
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let w = i;
      if (l < heap.length && better(heap[w]!, heap[l]!)) w = l;
      if (r < heap.length && better(heap[w]!, heap[r]!)) w = r;
      if (w === i) return;
      [heap[i], heap[w]] = [heap[w]!, heap[i]!];
      i = w;
    }
  };
  for (const d of docs) {
    if (heap.length < k) {
      heap.push(d);
      for (let i = heap.length - 1; i > 0; ) {
        const p = (i - 1) >> 1;
        if (!better(heap[p]!, heap[i]!)) break;
        [heap[i], heap[p]] = [heap[p]!, heap[i]!];
        i = p;
      }
    } else if (score[d]! >= score[heap[0]!]! && better(d, heap[0]!)) {
      heap[0] = d;
      down(0);
    }
  }
  return heap.sort((a, b) => score[b]! - score[a]! || a - b);
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
  private readonly text: TextSearch;
  private readonly n: number;
  /** Per-article accumulators are reused across keystrokes (allocating 100k-entry arrays each time
   *  costs more in garbage collection than the search itself); each is cleared where it was written. */
  private readonly free: Scores[] = [];
  private readonly lent: Scores[] = [];
  private readonly total: Float64Array;
  private readonly excluded: Uint8Array;
  /** Where `total` and `excluded` were written during the current search (lists of articles). */
  private readonly written: number[][] = [];
  private readonly excludedDocs: number[] = [];

  constructor(corpus: Corpus) {
    this.articles = corpus.articles;
    this.n = corpus.articles.length;
    const terms = corpus.indexes?.terms() ?? buildTermIndex(corpus.articles);
    this.vocab = new Vocabulary(corpus, terms);
    this.text = new TextSearch(terms);
    this.total = new Float64Array(this.n);
    this.excluded = new Uint8Array(this.n);
  }

  private scores(): Scores {
    const out = this.free.pop() ?? new Scores(this.n);
    this.lent.push(out);
    return out;
  }

  /** Clears and takes back every accumulator lent during a search. */
  private release(): void {
    for (const s of this.lent) {
      s.clear();
      this.free.push(s);
    }
    this.lent.length = 0;
    for (const list of this.written) for (const d of list) this.total[d] = 0;
    for (const d of this.excludedDocs) this.excluded[d] = 0;
    this.written.length = this.excludedDocs.length = 0;
  }

  search(query: string, options: SearchOptions = {}): SearchResult {
    try {
      return this.run(query, options);
    } finally {
      this.release();
    }
  }

  private run(query: string, options: SearchOptions): SearchResult {
    const parsed = parseQuery(query);
    if (!parsed.ok) return parsed;
    const {terms} = parsed.query;
    const n = this.n;
    const limit = options.limit ?? Infinity;

    const positiveWords = terms.filter((t): t is Extract<QueryTerm, {kind: 'text'}> => t.kind === 'text' && !t.negated).map((t) => t.value);
    const filters = terms.filter((t) => t.kind === 'field' || t.kind === 'phrase');

    // Candidates and scores from the free words.
    const wordMatches = positiveWords.map((w, i) => this.matchWord(w, i === positiveWords.length - 1 && !/\s$/.test(query)));
    let candidates: number[] | null = null;
    const score = this.total;
    if (wordMatches.length) {
      const joined = positiveWords.length > 1 ? this.matchEntities(positiveWords.join(' '), positiveWords.length) : null;
      // Every word must match (a stopword that matches nothing is ignored), unless the words together
      // name one thing (`north korea`). The rarest word leads the intersection.
      const required = wordMatches.filter((m, i) => m.scores.size > 0 || indexWord(positiveWords[i]!) !== null).map((m) => m.scores.score);
      const lead = required.length ? wordMatches.filter((m) => required.includes(m.scores.score)).reduce((a, b) => (b.scores.size < a.scores.size ? b : a)).scores : null;
      const all = wordMatches.map((m) => m.scores.score);
      candidates = [];
      this.written.push(candidates);
      const add = (d: number) => {
        if (score[d] !== 0) return;
        let s = joined ? joined.scores.score[d]! : 0;
        for (let k = 0; k < all.length; k++) s += all[k]![d]!;
        score[d] = s;
        candidates!.push(d);
      };
      if (lead) {
        for (let j = 0; j < lead.size; j++) {
          const d = lead.docs[j]!;
          let every = true;
          for (let k = 0; k < required.length && every; k++) every = required[k]![d]! > 0;
          if (every) add(d);
        }
      }
      if (joined) {
        for (const d of joined.scores.list()) add(d);
        wordMatches.push(joined);
      }
    }

    // Field filters and phrases narrow (or, negated, exclude); they add their quality to the score.
    const excluded = this.excluded;
    const exclude = (d: number) => {
      if (!excluded[d]) this.excludedDocs.push(d);
      excluded[d] = 1;
    };
    for (const t of filters) {
      if (t.kind !== 'field' && t.kind !== 'phrase') continue;
      const docs = t.kind === 'phrase' ? this.phraseDocs(t.value, t.negated ? null : candidates) : this.fieldDocs(t.field, t.value);
      if (t.negated) {
        for (const d of docs.list()) exclude(d);
        continue;
      }
      if (candidates === null) {
        candidates = Array.from(docs.list());
        for (const d of candidates) score[d]! += docs.score[d]!;
        this.written.push(candidates);
      } else {
        candidates = candidates.filter((d) => docs.score[d]! > 0);
        for (const d of candidates) score[d]! += docs.score[d]!;
      }
    }
    for (const t of terms) {
      if (t.kind !== 'text' || !t.negated) continue;
      for (const d of this.exactWordDocs(t.value)) exclude(d);
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

    let shown: number[];
    let total: number;
    if (candidates === null) {
      // Nothing positive to match: every article, in corpus order, minus exclusions and flags.
      const order: number[] = [];
      for (let d = 0; d < n; d++) if (keep(d)) order.push(d);
      total = order.length;
      shown = order.slice(0, limit);
    } else {
      const order = isTerms.length || this.excludedDocs.length ? candidates.filter(keep) : candidates;
      total = order.length;
      shown = topK(order, score, Math.min(limit, order.length));
    }
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

  /** Entities named by `value` (fuzzy): per article, the best of them weighted by kind, match quality
   *  and salience in that article. */
  private matchEntities(value: string, wordsCovered = 1, accept?: (t: Target) => boolean): WordMatch {
    const out: WordMatch = {scores: this.scores(), entities: this.vocab.match(value, accept), textTerms: new Set()};
    for (const m of out.entities) {
      const w = KIND_WEIGHT[m.target.kind] * m.quality * wordsCovered;
      const {docs, weights} = m.target;
      for (let j = 0; j < docs.length; j++) out.scores.raise(docs[j]!, w * weights[j]!);
    }
    return out;
  }

  /** One free word: the best entity it names plus its headline/summary text score. Prefix search only
   *  for the word being typed (the last); typo tolerance in text only when the word matches nothing as
   *  written (names, where typos matter most, are matched fuzzily in the vocabulary anyway). */
  private matchWord(word: string, last: boolean): WordMatch {
    const m = this.matchEntities(word);
    const term = indexWord(word);
    if (!term) return m;
    const text = this.scores();
    m.textTerms = this.text.search(term, last && term.length >= 3, term.length >= 8 ? 2 : term.length >= 5 ? 1 : 0, text);
    const entity = m.scores.score;
    for (let j = 0; j < text.size; j++) {
      const d = text.docs[j]!;
      const t = TEXT_WEIGHT * text.score[d]!;
      m.scores.add(d, entity[d]! > 0 ? t * TEXT_WITH_ENTITY : t);
    }
    return m;
  }

  private fieldMatches(field: string, value: string): VocabMatch[] {
    const kind = FIELD_KIND[field]!;
    const all = this.vocab.match(value, (t) => t.kind === kind && (field !== 'leader' || t.leader), 0.5);
    // A filter takes what the value names best, not everything near it.
    const best = all[0]?.quality ?? 0;
    return all.filter((m) => m.quality >= Math.max(0.6, best - 0.15));
  }

  private fieldDocs(field: string, value: string): Scores {
    const out = this.scores();
    for (const m of this.fieldMatches(field, value)) {
      const {docs, weights} = m.target;
      for (let j = 0; j < docs.length; j++) out.raise(docs[j]!, m.quality * weights[j]!);
    }
    return out;
  }

  private phraseDocs(phrase: string, among: number[] | null): Scores {
    const re = phraseRegExp(phrase);
    const out = this.scores();
    const test = (s: string) => {
      re.lastIndex = 0;
      return re.test(s);
    };
    const check = (d: number) => {
      const a = this.articles[d]!;
      if (test(a.headline)) out.raise(d, 3);
      else if (a.summary.some(test)) out.raise(d, 2);
      else if (a.paragraphs.some(test)) out.raise(d, 1);
    };
    if (among) for (const d of among) check(d);
    else for (let d = 0; d < this.articles.length; d++) check(d);
    return out;
  }

  /** Articles a `-word` excludes: the exact word in the headline or summary, or an entity it names exactly. */
  private exactWordDocs(word: string): Set<number> {
    const out = new Set<number>();
    const term = indexWord(word);
    if (term) {
      const found = this.scores();
      this.text.search(term, false, 0, found);
      for (const d of found.list()) out.add(d);
    }
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
      if (!(w.scores.score[d]! > 0)) continue;
      // The entity that gave this article its score: the best-weighted one that names it.
      let best: VocabMatch | null = null;
      let bestScore = 0;
      for (const m of w.entities) {
        const j = contains(m.target.docs, d);
        const s = j < 0 ? 0 : KIND_WEIGHT[m.target.kind] * m.quality * m.target.weights[j]!;
        if (s > bestScore) [best, bestScore] = [m, s];
      }
      if (best) add(KIND_FIELD[best.target.kind], best.label, best.ranges);
      for (const t of w.textTerms) textTerms.add(t);
    }
    for (const list of fields) {
      for (const m of list) {
        if (contains(m.target.docs, d) >= 0) add(KIND_FIELD[m.target.kind], m.label, m.ranges);
      }
    }
    if (textTerms.size) {
      // Only words that can fold to a matched term are folded and compared: its length, or any length
      // when the text is not plain ASCII (folding drops combining marks).
      const lengths = new Set([...textTerms].map((t) => t.length));
      const termRanges = (value: string) => {
        const r: Array<[number, number]> = [];
        const ascii = !NON_ASCII.test(value);
        eachWord(value, (start, end) => {
          if ((!ascii || lengths.has(end - start)) && textTerms.has(fold(value.slice(start, end)))) r.push([start, end]);
        });
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
