// The structure extractors' output and the entity extractors' input: the article's text, cut
// into headline and body paragraphs, with a map from every paragraph character back to the
// original input (so quotes can report offsets into what the user gave us).
import type {Dateline} from '../types.js';

export interface ArticleText {
  /** The original input string, exactly as given to parseArticle (BOM, CRLF and all). */
  input: string;
  headline: string;
  /** Offset map for the headline: headlineOffsets[i] is the index in `input` of headline[i]. */
  headlineOffsets: Int32Array;
  dateline: Dateline | null;
  byline: string | null;
  /** Normalised body paragraphs (dateline prefix removed from the first one, boilerplate dropped). */
  paragraphs: string[];
  /** paragraphOffsets[p][i] is the index in `input` of paragraphs[p][i]. */
  paragraphOffsets: Int32Array[];
}
