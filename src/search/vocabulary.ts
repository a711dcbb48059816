// The vocabulary of things a query can name: people (names and aliases), countries (names, codes, forms,
// demonyms, capitals), organisations, sections and dateline places. A few thousand entries, however many
// articles: the query is fuzzy-matched here (MiniSearch finds candidates in its radix tree, fuse.js ranks
// them and gives the matched characters), and each entry's postings give the articles.
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import worldCountries, {type Country} from 'world-countries';
import type {Corpus} from '../corpus/types.js';
import {fold} from '../corpus/text.js';
import {eachWord, indexWord, type TermIndex} from '../corpus/terms.js';

export type TargetKind = 'person' | 'country' | 'org' | 'section' | 'place';

/** One thing a query can name, with the articles that mention it. */
export interface Target {
  kind: TargetKind;
  key: string;
  name: string;
  leader: boolean;
  /** Article indices (corpus order) and, in parallel, how salient the target is there (0..1). */
  docs: Int32Array;
  weights: Float32Array;
}

interface Entry {
  id: number;
  label: string;
  target: number;
}

export interface VocabMatch {
  target: Target;
  label: string;
  /** 1 for an exact match, down to ~0.5 for a distant one. */
  quality: number;
  ranges: Array<[number, number]>;
}

const CANDIDATES = 60;

/** How much of an article is about a person, country or organisation, in [SALIENCE_FLOOR, 1): a name in
 *  the headline or the summary counts for several mentions, a quote for two; a single passing mention
 *  scores low. This is what lets the article that quotes Kishida six times outrank one that names him once. */
const SALIENCE_FLOOR = 0.1;
const HEADLINE_EVIDENCE = 4;
const SUMMARY_EVIDENCE = 2;
const QUOTE_EVIDENCE = 2;
const SALIENCE_SCALE = 6;

export function salience(mentions: number, quotes: number, inHeadline: boolean, inSummary: boolean): number {
  const evidence = mentions + QUOTE_EVIDENCE * quotes + (inHeadline ? HEADLINE_EVIDENCE : 0) + (inSummary ? SUMMARY_EVIDENCE : 0);
  return Math.max(SALIENCE_FLOOR, 1 - Math.exp(-evidence / SALIENCE_SCALE));
}

class PostingBuilder {
  readonly docs: number[] = [];
  readonly weights: number[] = [];
  add(doc: number, weight: number): void {
    const last = this.docs.length - 1;
    if (this.docs[last] === doc) this.weights[last] = Math.max(this.weights[last]!, weight);
    else {
      this.docs.push(doc);
      this.weights.push(weight);
    }
  }
}

// world-countries is CommonJS; depending on the loader its array is the default export or inside it.
const countryList = (Array.isArray(worldCountries) ? worldCountries : (worldCountries as {default?: Country[]}).default ?? []) as Country[];
const COUNTRY_EXTRA = new Map<string, string[]>(
  countryList.map((c) => [
    c.cca3,
    [c.name.common, c.name.official, c.cca3, c.demonyms?.eng?.m, c.demonyms?.eng?.f, ...(c.capital ?? [])].filter((x): x is string => !!x),
  ]),
);

interface Building {
  kind: TargetKind;
  key: string;
  name: string;
  leader: boolean;
  labels: Set<string>;
  post: PostingBuilder;
}

export class Vocabulary {
  readonly targets: Target[] = [];
  private readonly entries: Entry[] = [];
  private readonly index: MiniSearch<Entry>;

  constructor(corpus: Corpus, terms: TermIndex) {
    const n = corpus.articles.length;
    const byKind: Record<TargetKind, Map<string, Building>> = {person: new Map(), country: new Map(), org: new Map(), section: new Map(), place: new Map()};
    const target = (kind: TargetKind, key: string, name: string): Building => {
      let t = byKind[kind].get(key);
      if (!t) {
        t = {kind, key, name, leader: false, labels: new Set([name]), post: new PostingBuilder()};
        byKind[kind].set(key, t);
      }
      return t;
    };
    const people = corpus.people.map((p) => {
      const t = target('person', p.id, p.name);
      t.leader = p.leader;
      for (const a of p.aliases) t.labels.add(a);
      return t;
    });
    const personIndex = new Map(corpus.people.map((p, k) => [p.id, k] as const));
    const fast = corpus.indexes;

    // Whether a name is in an article's headline or summary: its words looked up in the term index.
    // `mark` holds, per term id, 2 for a headline word and 1 for a summary word of the current article.
    const mark = new Uint8Array(terms.terms.length);
    const formTerms = new Map<string, Int32Array>();
    const termsOf = (form: string): Int32Array => {
      let ids = formTerms.get(form);
      if (!ids) {
        const list: number[] = [];
        eachWord(form, (s, e) => {
          // A stopword is not indexed and does not count; any other word missing from the index means the form is absent.
          const w = indexWord(form.slice(s, e));
          if (w !== null) list.push(terms.ids.get(w) ?? -1);
        });
        ids = Int32Array.from(list);
        formTerms.set(form, ids);
      }
      return ids;
    };
    /** 2 when one of the forms is in the headline, 1 in the summary, 0 neither (every word of a form must be there). */
    const placed = (forms: readonly string[]): number => {
      let best = 0;
      for (const f of forms) {
        const ids = termsOf(f);
        if (!ids.length) continue;
        let lowest = 2;
        for (let k = 0; k < ids.length && lowest > 0; k++) lowest = ids[k]! < 0 ? 0 : Math.min(lowest, mark[ids[k]!]!);
        if (lowest > best) best = lowest;
        if (best === 2) break;
      }
      return best;
    };

    for (let i = 0; i < n; i++) {
      const a = corpus.articles[i]!;
      for (let k = terms.docStart[i]!; k < terms.docStart[i + 1]!; k++) mark[terms.docTerms[k]!] = terms.docHead[k] ? 2 : 1;
      for (let j = 0; j < a.people.length; j++) {
        const p = a.people[j]!;
        const k = fast ? fast.personAt[fast.personOffsets[i]! + j]! : personIndex.get(corpus.personOf(a.id, p.id) ?? '') ?? -1;
        if (k < 0) continue;
        let quotes = 0;
        for (const q of a.quotes) if (q.speaker === p.id && !q.partial) quotes++;
        const where = placed([p.name, ...p.aliases]);
        people[k]!.post.add(i, salience(p.mentions, quotes, where === 2, where >= 1));
      }
      for (const c of a.countries) {
        const t = target('country', c.code, c.name);
        for (const f of c.forms) t.labels.add(f);
        const where = placed(c.forms);
        t.post.add(i, salience(c.mentions, 0, where === 2, where >= 1));
      }
      for (const o of a.organizations) {
        const t = target('org', o.id, o.name);
        for (const f of o.forms) t.labels.add(f);
        const where = placed(o.forms);
        t.post.add(i, salience(o.mentions, 0, where === 2, where >= 1));
      }
      if (a.section) target('section', fold(a.section), a.section).post.add(i, 1);
      if (a.dateline?.place) target('place', fold(a.dateline.place), a.dateline.place).post.add(i, 1);
      for (let k = terms.docStart[i]!; k < terms.docStart[i + 1]!; k++) mark[terms.docTerms[k]!] = 0;
    }
    for (const map of Object.values(byKind)) {
      for (const t of map.values()) {
        if (t.kind === 'country') for (const extra of COUNTRY_EXTRA.get(t.key) ?? []) t.labels.add(extra);
        if (!t.post.docs.length) continue;
        const ti = this.targets.length;
        this.targets.push({kind: t.kind, key: t.key, name: t.name, leader: t.leader, docs: Int32Array.from(t.post.docs), weights: Float32Array.from(t.post.weights)});
        const seen = new Set<string>();
        for (const label of t.labels) {
          if (seen.has(fold(label))) continue;
          seen.add(fold(label));
          this.entries.push({id: this.entries.length, label, target: ti});
        }
      }
    }
    this.index = new MiniSearch<Entry>({
      fields: ['label'],
      storeFields: [],
      tokenize: (s) => s.split(/[^\p{L}\p{N}]+/u),
      processTerm: (t) => (t ? fold(t) : null),
    });
    this.index.addAll(this.entries);
  }

  /** Entries matching `query`, best first, each target once (its best label). */
  match(query: string, accept: (t: Target) => boolean = () => true, minQuality = 0.55): VocabMatch[] {
    const q = query.trim();
    if (!q) return [];
    const found = this.index.search(q, {
      prefix: (term) => term.length >= 2,
      // Two edits from six letters: a dropped letter plus a swap (`tgemar` for `tegamar`) is one hurried keystroke.
      fuzzy: (term) => (term.length >= 6 ? 2 : term.length >= 4 ? 1 : false),
      combineWith: 'AND',
      weights: {fuzzy: 0.6, prefix: 0.8},
    });
    const cands: Entry[] = [];
    for (const r of found) {
      const e = this.entries[r.id as number]!;
      if (accept(this.targets[e.target]!)) cands.push(e);
      if (cands.length >= CANDIDATES) break;
    }
    if (!cands.length) return [];
    const fuse = new Fuse(cands, {keys: ['label'], includeScore: true, includeMatches: true, ignoreLocation: true, threshold: 0.45, minMatchCharLength: 2});
    const out: VocabMatch[] = [];
    const seen = new Set<number>();
    const fq = fold(q);
    for (const r of fuse.search(q)) {
      if (seen.has(r.item.target)) continue;
      const whole = fold(r.item.label) === fq;
      const quality = whole ? 1 : Math.max(0, 1 - (r.score ?? 1)) * 0.95;
      if (quality < minQuality) continue;
      seen.add(r.item.target);
      const ranges: Array<[number, number]> = [];
      for (const m of r.matches ?? []) for (const [s, e] of m.indices) ranges.push([s, e + 1]);
      out.push({target: this.targets[r.item.target]!, label: r.item.label, quality, ranges: whole ? [[0, r.item.label.length]] : ranges});
    }
    return out.sort((a, b) => b.quality - a.quality);
  }
}
