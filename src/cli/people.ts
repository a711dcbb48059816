// Finding corpus people by a name as a user types it (`--leader kishida`, `--leader "Fumio Kishida"`, `kishda`).
import Fuse from 'fuse.js';
import type {Corpus, CorpusPerson} from '../corpus/types.js';

/** Lower case, no diacritics, words separated by single spaces. */
export function normalizeName(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The people a name means: exact name, alias or id first; then people whose names contain every word;
 *  then the closest spellings. Empty when nothing is close. */
export function findPeople(corpus: Corpus, name: string): CorpusPerson[] {
  const wanted = normalizeName(name);
  if (!wanted) return [];
  const forms = (p: CorpusPerson): string[] => [p.name, ...p.aliases].map(normalizeName);
  const exact = corpus.people.filter((p) => p.id === name.trim() || forms(p).includes(wanted));
  if (exact.length) return exact;
  const words = wanted.split(' ');
  const byWords = corpus.people.filter((p) => forms(p).some((f) => {
    const have = f.split(' ');
    return words.every((w) => have.includes(w));
  }));
  if (byWords.length) return byWords;
  const fuse = new Fuse(corpus.people.map((p) => ({p, forms: forms(p)})), {keys: ['forms'], includeScore: true, threshold: 0.34, ignoreLocation: true});
  const hits = fuse.search(wanted);
  const best = hits[0]?.score;
  if (best === undefined) return [];
  return hits.filter((h) => (h.score ?? 1) <= best + 0.02).map((h) => h.item.p);
}
