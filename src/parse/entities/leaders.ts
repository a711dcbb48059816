// Refiner: leaders named in a list alike. In `Australia’s Anthony Albanese, South Korea’s Yoon
// Suk-yeol, Japan’s Fumio Kishida and New Zealand’s Jacinda Ardern`, people written the same way
// (`Country’s Name`, joined by commas or `and`) are of one kind: when one is a leader, all are.
import type {NameMention} from './names.js';
import type {Cluster} from './people.js';
import {isLeaderRole} from './people.js';
import type {Segment} from './segments.js';

export function listedLeaders(segs: readonly Segment[], mentions: readonly NameMention[], owner: Int32Array, clusters: readonly Cluster[]): Set<number> {
  const out = new Set<number>();
  let run: number[] = [];
  const flush = (): void => {
    if (run.length >= 2 && run.some((ci) => isLeaderRole(clusters[ci]!.role))) for (const ci of run) out.add(ci);
    run = [];
  };
  let prev: NameMention | null = null;
  mentions.forEach((m, mi) => {
    const ci = owner[mi]!;
    if (ci < 0 || !m.possessiveCountry) { flush(); prev = null; return; }
    if (prev && prev.seg === m.seg) {
      const seg = segs[m.seg]!;
      const between = seg.text.slice(seg.tokens[prev.to - 1]!.end, seg.tokens[m.prefix]!.start);
      if (!/^\s*(,|,?\s*and)\s*$/.test(between)) flush();
    } else flush();
    run.push(ci);
    prev = m;
  });
  flush();
  return out;
}
