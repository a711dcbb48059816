// The contract of one section of `npm run bench`. A section measures one thing on each synthetic
// corpus size (and optionally once on ../shared/corpus) and returns figures, each next to its naive
// baseline measured in the same run. Add a section: write bench/sections/NAME.ts exporting a
// BenchSection and add one line to bench/sections/index.ts.
import type {Article} from '../../src/types.js';
import type {Corpus} from '../../src/corpus/types.js';

/** The cache key version every bench load uses: a rebuild of dist/ by someone else mid-run (which changes the
 *  default key, a fingerprint of the parser bundle) must not turn a warm measurement into a cold one. */
export const BENCH_CACHE_VERSION = 'bench';

/** Above this many articles a corpus's cache is kept between runs (beside the corpus, in the temp dir) instead of
 *  being built cold in every run: a cold parse of 100k articles takes many minutes on two cores. The load section
 *  then times the cold load on a sample and scales it. Delete the folder (or pass --fresh-cache) to rebuild it. */
export const KEEP_CACHE_ABOVE = 20_000;

/** The kept cache folder of a big synthetic corpus, or undefined for a corpus whose cache lives only for the run. */
export function benchCacheDir(corpus: BenchCorpus): string | undefined {
  return corpus.synthetic && corpus.count > KEEP_CACHE_ABOVE ? `${corpus.dir}.cache` : undefined;
}

/** One synthetic corpus the runner generated on disk for this run. */
export interface BenchCorpus {
  /** `1k`, `10k`, `100k`, or `shared` for ../shared/corpus. */
  label: string;
  /** Number of article files. */
  count: number;
  /** Folder holding the `.txt` files (a temp dir for synthetic corpora). */
  dir: string;
  /** Total bytes of the article files. */
  bytes: number;
  /** True for the generated corpora, false for real news. */
  synthetic: boolean;
}

export interface SectionContext {
  corpus: BenchCorpus;
  /** The parsed articles of this corpus (loaded once per size, shared by all sections; no cache). */
  articles(): Promise<readonly Article[]>;
  /** The built Corpus of these articles (built once per size, shared by all sections). */
  built(): Promise<Corpus>;
  /** The article cache that articles() loads through (warm once articles() has run); deleted after the run. */
  cacheDir?: string;
  /** A fresh scratch directory for this section and size, deleted after the run. */
  scratch(): string;
  /** Progress for humans, on stderr; not part of the results. */
  log(message: string): void;
}

/** One measured figure. `baseline` is the naive way measured in the same run (null when not applicable). */
export interface BenchFigure {
  /** Short stable key, e.g. `search.short.p95`. */
  metric: string;
  value: number;
  /** `ms`, `articles/s`, `MB/s`, `MB`. */
  unit: string;
  baseline?: number | null;
  /** The target from the issue when there is one, in the same unit (lower is better unless `higherIsBetter`). */
  target?: number | null;
  higherIsBetter?: boolean;
  /** Free text: `baseline sampled on 2,000 of 100,000 articles`, ... */
  note?: string;
}

export interface BenchSection {
  /** Shown in the table: `parse`, `load`, `search`, `related`, `state`, `ui`. */
  name: string;
  /** Which corpora this section runs on; default: every synthetic size. */
  appliesTo?(corpus: BenchCorpus): boolean;
  run(ctx: SectionContext): Promise<BenchFigure[]>;
}
