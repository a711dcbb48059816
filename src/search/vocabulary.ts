// The vocabulary of things a query can name: people (names and aliases), countries (names, codes, forms,
// demonyms, capitals), organisations, sections and dateline places. A few thousand entries, however many
// articles: the query is fuzzy-matched here (MiniSearch finds candidates in its radix tree, fuse.js ranks
// them and gives the matched characters), and each entry's postings give the articles.
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import worldCountries, {type Country} from 'world-countries';
import type {Corpus} from '../corpus/types.js';
import {fold} from '../corpus/text.js';

export type TargetKind = 'person' | 'country' | 'org' | 'section' | 'place';

/** One thing a query can name, with the articles that mention it. */
export interface Target {
  kind: TargetKind;
  key: string;
  name: string;
  leader: boolean;
  /** Article indices (corpus order) and, in parallel, how prominent the target is there (0..1]. */
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

function prominence(mentions: number): number {
  return 0.6 + 0.4 * Math.min(1, mentions / 5);
}

class PostingBuilder {
  readonly docs: number[] = [];
  readonly weights: number[] = [];
  add(doc: number, mentions: number): void {
    const last = this.docs.length - 1;
    if (this.docs[last] === doc) this.weights[last] = Math.max(this.weights[last]!, prominence(mentions));
    else {
      this.docs.push(doc);
      this.weights.push(prominence(mentions));
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

export class Vocabulary {
  readonly targets: Target[] = [];
  private readonly entries: Entry[] = [];
  private readonly index: MiniSearch<Entry>;

  constructor(corpus: Corpus) {
    const n = corpus.articles.length;
    const docIndex = new Map(corpus.articles.map((a, i) => [a.id, i] as const));
    const targets = new Map<string, {kind: TargetKind; key: string; name: string; leader: boolean; labels: Set<string>; post: PostingBuilder}>();
    const target = (kind: TargetKind, key: string, name: string) => {
      const k = `${kind}\u0000${key}`;
      let t = targets.get(k);
      if (!t) {
        t = {kind, key, name, leader: false, labels: new Set([name]), post: new PostingBuilder()};
        targets.set(k, t);
      }
      return t;
    };
    for (const p of corpus.people) {
      const t = target('person', p.id, p.name);
      t.leader = p.leader;
      for (const a of p.aliases) t.labels.add(a);
    }
    for (let i = 0; i < n; i++) {
      const a = corpus.articles[i]!;
      for (const p of a.people) {
        const id = corpus.personOf(a.id, p.id);
        if (id) targets.get(`person\u0000${id}`)?.post.add(i, p.mentions);
      }
      for (const c of a.countries) {
        const t = target('country', c.code, c.name);
        for (const f of c.forms) t.labels.add(f);
        t.post.add(i, c.mentions);
      }
      for (const o of a.organizations) {
        const t = target('org', o.id, o.name);
        for (const f of o.forms) t.labels.add(f);
        t.post.add(i, o.mentions);
      }
      if (a.section) target('section', fold(a.section), a.section).post.add(i, 5);
      if (a.dateline?.place) target('place', fold(a.dateline.place), a.dateline.place).post.add(i, 5);
    }
    for (const t of targets.values()) {
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
      fuzzy: (term) => (term.length >= 7 ? 2 : term.length >= 4 ? 1 : false),
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
