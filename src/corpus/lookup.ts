// Finding an article by what a user types for it: its id, or an unambiguous prefix of it.
import type {Article} from '../types.js';
import type {Corpus} from './types.js';

/** A shorter prefix is too likely to be a word (or to match half the corpus). */
export const MIN_ID_PREFIX = 4;

/** The articles `id` names: the exact id, else every article whose id starts with it (hex, at least
 *  MIN_ID_PREFIX characters); empty when it names none. More than one means the prefix is ambiguous. */
export function articlesById(corpus: Corpus, id: string): Article[] {
  const exact = corpus.byId.get(id);
  if (exact) return [exact];
  const wanted = id.toLowerCase();
  if (wanted.length < MIN_ID_PREFIX || !/^[0-9a-f]+$/.test(wanted)) return [];
  return corpus.articles.filter((a) => a.id.startsWith(wanted));
}
