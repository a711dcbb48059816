// Refiner: a person's gender from the pronouns that follow them. In a sentence whose only person is
// P, `he`/`his`/`him` (outside quotation marks) after P's name count for `m`, `she`/`her` for `f`;
// a clear majority sets the gender when no title or role already did.
import {POSSESSIVE_PRONOUNS} from './lexicon.js';
import {type Doc, mentionAt} from './references.js';

export function inferGender(doc: Doc): void {
  const votes = doc.clusters.map(() => ({m: 0, f: 0}));
  doc.segs.forEach((seg, s) => {
    const starts = doc.sentences[s]!;
    let k = 0;
    let person = -1, several = false;
    const flush = (): void => { person = -1; several = false; };
    seg.tokens.forEach((t, ti) => {
      while (k + 1 < starts.length && starts[k + 1]! <= t.start) { k++; flush(); }
      if (doc.quoted[s]![ti]) return;
      const mi = mentionAt(doc, s, ti);
      if (mi >= 0 && doc.owner[mi]! >= 0) {
        const ci = doc.owner[mi]!;
        if (person >= 0 && person !== ci) several = true;
        person = ci;
        return;
      }
      const g = t.lower.length <= 4 ? POSSESSIVE_PRONOUNS.get(t.lower) : undefined; // he, his, him, she, her, hers
      if (g && person >= 0 && !several) votes[person]![g]++;
    });
  });
  doc.clusters.forEach((c, ci) => {
    const v = votes[ci]!;
    if (c.gender === null && v.m + v.f > 0) {
      if (v.m >= 2 * v.f + 1) c.gender = 'm';
      else if (v.f >= 2 * v.m + 1) c.gender = 'f';
    }
  });
}
