// Refiner: a person's gender from the pronouns that follow them. In a sentence whose only person is
// P, `he`/`his`/`him` (outside quotation marks) after P's name count for `m`, `she`/`her` for `f`;
// a clear majority sets the gender when no title or role already did.
import {POSSESSIVE_PRONOUNS} from './lexicon.js';
import type {Doc} from './references.js';

export function inferGender(doc: Doc): void {
  // the votes as two lists of small integers, not an object per person (whose hidden class optimised code
  // sometimes found changed: "wrong map")
  const m: number[] = [], f: number[] = [];
  for (let ci = 0; ci < doc.clusters.length; ci++) { m.push(0); f.push(0); }
  for (let s = 0; s < doc.segs.length; s++) vote(doc, s, m, f);
  doc.clusters.forEach((c, ci) => {
    const vm = m[ci]!, vf = f[ci]!;
    if (c.gender === null && vm + vf > 0) {
      if (vm >= 2 * vf + 1) c.gender = 'm';
      else if (vf >= 2 * vm + 1) c.gender = 'f';
    }
  });
}

/** Counts segment s's pronouns (outside quotation marks) for the only person named in their sentence so far.
 *  Plain loops and locals: no closure per segment and token, whose shared variables would live in a heap context. */
function vote(doc: Doc, s: number, m: number[], f: number[]): void {
  const toks = doc.segs[s]!.tokens;
  const starts = doc.sentences[s]!;
  const quoted = doc.quoted[s]!;
  const mentions = doc.mentionAt[s]!; // (mentionAt's table for this segment, read directly)
  let k = 0;
  let person = -1, several = false;
  for (let ti = 0; ti < toks.length; ti++) {
    const t = toks[ti]!;
    while (k + 1 < starts.length && starts[k + 1]! <= t.start) { k++; person = -1; several = false; }
    if (quoted[ti]) continue;
    const mi = mentions[ti]!;
    if (mi >= 0 && doc.owner[mi]! >= 0) {
      const ci = doc.owner[mi]!;
      if (person >= 0 && person !== ci) several = true;
      person = ci;
      continue;
    }
    // he, his, him, she, her, hers: short words starting with h or s (most words are not looked up)
    const l = t.lower;
    const c = l.charCodeAt(0);
    const g = l.length <= 4 && (c === 104 || c === 115) ? POSSESSIVE_PRONOUNS.get(l) : undefined;
    if (g && person >= 0 && !several) (g === 'm' ? m : f)[person]!++; // (one increment for both: see above)
  }
}
