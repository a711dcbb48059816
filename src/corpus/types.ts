// The shapes of a loaded corpus: articles merged across files, people merged across articles.
import type {Article, Quote} from '../types.js';
import type {TermIndex} from './terms.js';

export type {TermIndex} from './terms.js';

/** A person merged across the whole corpus (Kishida in one article, Fumio Kishida in another). */
export interface CorpusPerson {
  /** Corpus-wide id (slug of the canonical name, suffixed `-2`, `-3` when two people share it). */
  id: string;
  name: string;
  aliases: string[];
  role: string | null;
  country: string | null;
  leader: boolean;
  mentions: number;
  /** Ids of the articles that mention the person, in corpus order. */
  articles: string[];
  /** Number of quotes attributed to the person. */
  quoteCount: number;
}

/** A quote located in the corpus. */
export interface QuoteRef {
  articleId: string;
  /** Index into the article's `quotes`. */
  index: number;
  quote: Quote;
  /** Corpus person id of the speaker, or null. */
  personId: string | null;
}

export interface CorpusCountry {
  code: string;
  name: string;
  mentions: number;
  forms: string[];
  articles: string[];
}

export interface RelatedArticle {
  id: string;
  score: number;
  /** Human reasons, most important first: `shares Kishida, North Korea`, `similar text`. */
  reason: string;
  sharedPeople: string[];
  sharedCountries: string[];
}

/** A file that failed to load, with a one-line reason (shown in the status bar and on stderr). */
export interface LoadFailure {
  source: string;
  message: string;
}

/** What a corpus derived from its articles, kept between runs (a cache, src/cli/load.ts) for exactly these articles:
 *  `read(kind)` gives what was stored under that kind for articles of this fingerprint (or null), `write` stores it.
 *  Whoever reads checks what it reads (format, fingerprint, ranges) and rebuilds on any doubt. */
export interface DerivedData {
  /** articlesFingerprint (src/corpus/terms.ts) of the corpus's articles. */
  readonly fingerprint: string;
  read(kind: string): Uint8Array | null;
  write(kind: string, bytes: Uint8Array): void;
}

/** Integer views of a corpus made by buildCorpus, for search/ and related articles (a Corpus made
 *  some other way may leave them out; consumers then derive what they need from the articles). */
export interface CorpusIndexes {
  /** `articles[i].people[j]` is `people[personAt[personOffsets[i] + j]]`; -1 when it was not merged. */
  readonly personOffsets: Int32Array;
  readonly personAt: Int32Array;
  /** Parallel to personAt: how many whole (not partial) quotes that person has in that article. */
  readonly personQuotes: Uint16Array;
  /** Words of the headlines and summaries (built on first use, then shared by search and related). */
  terms(): TermIndex;
  /** Where what is derived from these articles is kept between runs (search keeps its vocabulary there); absent
   *  without a cache. */
  readonly derived?: DerivedData;
}

export interface Corpus {
  /** Deduplicated articles, in load order (sorted paths). */
  readonly articles: readonly Article[];
  readonly byId: ReadonlyMap<string, Article>;
  /** Every path an article was found at (more than one for duplicates). */
  readonly paths: ReadonlyMap<string, readonly string[]>;
  readonly people: readonly CorpusPerson[];
  readonly personById: ReadonlyMap<string, CorpusPerson>;
  readonly countries: readonly CorpusCountry[];
  /** Integer views for search and related; present when built by buildCorpus. */
  readonly indexes?: CorpusIndexes;
  /** Corpus person id for an article-local Person id. */
  personOf(articleId: string, localPersonId: string): string | null;
  /** Every quote of a person across the corpus, in date order (then corpus order). */
  quotesBy(personId: string): readonly QuoteRef[];
  /** The quotes of one article with corpus person ids. */
  quotesIn(articleId: string): readonly QuoteRef[];
  /** The five (or `limit`) most related articles; never itself or its duplicate. Computed lazily. */
  related(articleId: string, limit?: number): readonly RelatedArticle[];
}
