// Merging people across articles. Each article already merged its own mentions (`Fumio Kushida`,
// `Kishida` -> one Person with aliases); here the per-article people are clustered across the corpus.
// Two entries join when a name or alias is the same (`Kushida` alias meets `Kushida`), or the surnames are
// the same or one typo apart and nothing contradicts it: a different first name (`John`/`Jane Smith`), a
// different country, an incompatible role (`president` vs `prime minister`), or both appearing in the same
// article as different people. A bare surname that fits several people stays apart rather than guess.
import {distance} from 'fastest-levenshtein';
import type {Article, Person} from '../types.js';
import {fold, slug} from './text.js';
import type {CorpusPerson} from './types.js';

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'dame', 'lord', 'lady', 'president', 'prime', 'minister', 'king', 'queen', 'prince', 'princess', 'gen', 'general', 'sen', 'senator', 'rep', 'gov', 'governor', 'pm']);

function nameTokens(name: string): string[] {
  const toks = fold(name).replace(/['’]s\b/g, '').split(/[^\p{L}\p{N}-]+/u).filter(Boolean);
  let i = 0;
  while (i < toks.length - 1 && TITLES.has(toks[i]!.replace(/\.$/, ''))) i++;
  return toks.slice(i);
}

function similarSurname(a: string, b: string): boolean {
  if (a === b) return true;
  return a.length >= 5 && b.length >= 5 && a[0] === b[0] && distance(a, b) <= 1;
}

/** Surnames one typo apart (`Kushida`/`Kishida`), found by symmetric deletion rather than a scan. */
class DeletionIndex {
  private readonly map = new Map<string, Set<string>>();
  private readonly seen = new Set<string>();
  private static variants(s: string): string[] {
    const out = [s];
    for (let i = 0; i < s.length; i++) out.push(s.slice(0, i) + s.slice(i + 1));
    return out;
  }
  add(surname: string): void {
    if (surname.length < 5 || this.seen.has(surname)) return;
    this.seen.add(surname);
    for (const v of DeletionIndex.variants(surname)) {
      const set = this.map.get(v);
      if (set) set.add(surname);
      else this.map.set(v, new Set([surname]));
    }
  }
  similar(surname: string): string[] {
    if (surname.length < 5) return [];
    const out = new Set<string>();
    for (const v of DeletionIndex.variants(surname)) {
      for (const s of this.map.get(v) ?? []) if (s !== surname && similarSurname(s, surname)) out.add(s);
    }
    return [...out];
  }
}

function firstNamesAgree(a: string, b: string): boolean {
  if (a === b) return true;
  // An initial agrees with a name that starts with it: `F.` / `Fumio`.
  const ia = a.replace(/\.$/, '');
  const ib = b.replace(/\.$/, '');
  return (ia.length === 1 && ib.startsWith(ia)) || (ib.length === 1 && ia.startsWith(ib));
}

const ROLE_HEADS = ['prime minister', 'president', 'vice president', 'chancellor', 'king', 'queen', 'secretary', 'minister', 'governor', 'senator', 'mayor', 'spokesman', 'spokeswoman', 'chief', 'leader', 'ambassador', 'general'];

function roleHead(role: string): string {
  const r = fold(role);
  for (const h of ROLE_HEADS) if (r === h || r.endsWith(' ' + h)) return h;
  return r.split(/\s+/).pop() ?? r;
}

function rolesAgree(a: string, b: string): boolean {
  const fa = fold(a);
  const fb = fold(b);
  return fa.includes(fb) || fb.includes(fa) || roleHead(a) === roleHead(b);
}

/** Every occurrence of a per-article person with the same name, aliases, role, country and leader flag.
 *  The merge decides once per group (a few thousand on a corpus of a million mentions), not per mention. */
interface Group {
  name: string;
  aliases: readonly string[];
  role: string | null;
  country: string | null;
  leader: boolean;
  /** First name token (null for a bare surname), last token, and every name form as folded tokens. */
  first: string | null;
  surname: string;
  keys: string[];
  /** Position among all groups; occurrences counted while grouping, listed once grouping is done. */
  index: number;
  count: number;
  firstArticle: number;
  maxMentions: number;
}

/** The occurrences of one group that joined one cluster. */
interface Part {
  group: Group;
  count: number;
  mentions: number;
}

interface Cluster {
  id: number;
  parts: Part[];
  firsts: Set<string>;
  countries: Set<string>;
  roles: Set<string>;
  first: number;
  size: number;
}

function sameAliases(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function groupOf(person: Person): Group | null {
  const toks = nameTokens(person.name);
  if (!toks.length) return null;
  const keys = new Set<string>([toks.join(' ')]);
  for (const alias of person.aliases) {
    const t = nameTokens(alias);
    if (t.length) keys.add(t.join(' '));
  }
  return {
    name: person.name,
    aliases: person.aliases,
    role: person.role,
    country: person.country,
    leader: person.leader,
    first: toks.length > 1 ? toks[0]! : null,
    surname: toks[toks.length - 1]!,
    keys: [...keys],
    index: 0,
    count: 0,
    firstArticle: 0,
    maxMentions: 0,
  };
}

function firstsAgree(g: Group, c: Cluster): boolean {
  for (const f of c.firsts) if (firstNamesAgree(f, g.first!)) return true;
  return false;
}

function rolesFit(g: Group, c: Cluster): boolean {
  for (const r of c.roles) if (rolesAgree(r, g.role!)) return true;
  return false;
}

/** Something in the cluster says it is someone else (the article conflict is checked by the caller). */
function contradicts(g: Group, c: Cluster): boolean {
  if (g.first && c.firsts.size && !firstsAgree(g, c)) return true;
  if (g.country && c.countries.size && !c.countries.has(g.country)) return true;
  return !!g.role && c.roles.size > 0 && !rolesFit(g, c);
}

/** Something positive beyond the surname: same first name, same country, or an agreeing role. */
function corroborates(g: Group, c: Cluster): boolean {
  if (g.first && firstsAgree(g, c)) return true;
  if (g.country && c.countries.has(g.country)) return true;
  return !!g.role && rolesFit(g, c);
}

export interface MergedPeople {
  people: CorpusPerson[];
  /** Article i's person j (`articles[i].people[j]`) is `people[personAt[offsets[i] + j]]`; -1 when it has no name. */
  offsets: Int32Array;
  personAt: Int32Array;
}

function mostCommon(counts: Map<string, number>): string | null {
  let best: string | null = null;
  let n = 0;
  for (const [v, k] of counts) if (k > n) [best, n] = [v, k];
  return best;
}

export function mergePeople(articles: readonly Article[]): MergedPeople {
  const n = articles.length;
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + articles[i]!.people.length;
  const total = offsets[n]!;
  /** Per occurrence (article i's person j is occurrence offsets[i] + j): cluster id (-1 until placed,
   *  and for nameless entries), group, article and mentions. Flat arrays, nothing allocated per mention. */
  const assigned = new Int32Array(total).fill(-1);
  const groupAt = new Int32Array(total).fill(-1);
  const articleAt = new Int32Array(total);
  const mentionsAt = new Int32Array(total);

  // Group identical occurrences (interned by name; a handful of variants per name).
  const byName = new Map<string, Group[]>();
  const groups: Group[] = [];
  for (let i = 0; i < n; i++) {
    const people = articles[i]!.people;
    for (let j = 0; j < people.length; j++) {
      const p = people[j]!;
      let list = byName.get(p.name);
      if (!list) byName.set(p.name, (list = []));
      let g: Group | null | undefined = list.find((x) => x.role === p.role && x.country === p.country && x.leader === p.leader && sameAliases(x.aliases, p.aliases));
      if (!g) {
        g = groupOf(p);
        if (!g) continue;
        g.index = groups.length;
        g.firstArticle = i;
        list.push(g);
        groups.push(g);
      }
      const slot = offsets[i]! + j;
      groupAt[slot] = g.index;
      articleAt[slot] = i;
      mentionsAt[slot] = p.mentions;
      g.count++;
      if (p.mentions > g.maxMentions) g.maxMentions = p.mentions;
    }
  }
  // Each group's occurrences, in article order.
  const groupStart = new Int32Array(groups.length + 1);
  for (let g = 0; g < groups.length; g++) groupStart[g + 1] = groupStart[g]! + groups[g]!.count;
  const groupSlots = new Int32Array(groupStart[groups.length]!);
  const fill = groupStart.slice(0, groups.length);
  for (let slot = 0; slot < total; slot++) if (groupAt[slot]! >= 0) groupSlots[fill[groupAt[slot]!]!++] = slot;
  const slotsOf = (g: Group) => groupSlots.subarray(groupStart[g.index]!, groupStart[g.index + 1]!);
  // Full names first, so bare surnames find the people they may belong to; then the most mentioned.
  const order = groups.slice().sort((x, y) => Number(!!y.first) - Number(!!x.first) || y.maxMentions - x.maxMentions || x.firstArticle - y.firstArticle);

  const clusters: Cluster[] = [];
  const byKey = new Map<string, Set<Cluster>>();
  const bySurname = new Map<string, Set<Cluster>>();
  const near = new DeletionIndex();
  /** Full-name clusters by their first token: `Yoon` alone may be `Yoon Suk-yeol` (family name first). */
  const byFirstToken = new Map<string, Set<Cluster>>();
  const unresolved = new Map<string, Cluster>();
  const push = <K, V>(m: Map<K, Set<V>>, k: K, v: V) => {
    const set = m.get(k);
    if (!set) m.set(k, new Set([v]));
    else set.add(v);
  };
  const holds = (c: Cluster, article: number): boolean => {
    for (let k = offsets[article]!; k < offsets[article + 1]!; k++) if (assigned[k] === c.id) return true;
    return false;
  };
  /** The one cluster to join, or null: several that fit equally well is a reason to keep apart. */
  const choose = (g: Group, article: number, found: Iterable<Cluster>, needCorroboration: boolean): Cluster | null => {
    let fits = [...new Set(found)].filter((c) => !contradicts(g, c) && (article < 0 || !holds(c, article)));
    if (needCorroboration || fits.length > 1) fits = fits.filter((c) => corroborates(g, c));
    return fits.length === 1 ? fits[0]! : null;
  };
  const find = (g: Group, article: number): Cluster | null =>
    choose(g, article, g.keys.flatMap((k) => [...(byKey.get(k) ?? [])]), false) ??
    choose(g, article, bySurname.get(g.surname) ?? [], false) ??
    choose(g, article, near.similar(g.surname).flatMap((s) => [...(bySurname.get(s) ?? [])]), true) ??
    (g.first ? null : choose(g, article, byFirstToken.get(g.surname) ?? [], true));
  const open = (g: Group, article: number): Cluster => {
    const c: Cluster = {id: clusters.length, parts: [], firsts: new Set(), countries: new Set(), roles: new Set(), first: article, size: 0};
    clusters.push(c);
    const unattributed = !g.first && !g.role && !g.country;
    if (unattributed && bySurname.has(g.surname) && !unresolved.has(g.surname)) unresolved.set(g.surname, c);
    return c;
  };
  const join = (c: Cluster, g: Group, slots: ArrayLike<number>): void => {
    if (!slots.length) return;
    let mentions = 0;
    for (let k = 0; k < slots.length; k++) {
      const slot = slots[k]!;
      assigned[slot] = c.id;
      mentions += mentionsAt[slot]!;
      if (articleAt[slot]! < c.first) c.first = articleAt[slot]!;
    }
    const part = c.parts.find((p) => p.group === g);
    if (part) (part.count += slots.length), (part.mentions += mentions);
    else c.parts.push({group: g, count: slots.length, mentions});
    c.size += slots.length;
    if (g.first) c.firsts.add(g.first);
    if (g.country) c.countries.add(g.country);
    if (g.role) c.roles.add(fold(g.role));
    for (const k of g.keys) push(byKey, k, c);
    push(bySurname, g.surname, c);
    if (g.first) push(byFirstToken, g.first, c);
    near.add(g.surname);
  };
  /** A bare name with nothing else that fits several people joins the one "unresolved" entry for that
   *  name instead of guessing; without it every such mention would open a cluster of its own. */
  const fallback = (g: Group, article: number): Cluster | null => {
    if (g.first || g.role || g.country) return null;
    const bucket = unresolved.get(g.surname);
    return bucket && (article < 0 || !holds(bucket, article)) ? bucket : null;
  };

  for (const g of order) {
    // One decision for the group; an occurrence whose article already has someone in that cluster
    // (two people of one article are never one) is decided on its own.
    const slots = slotsOf(g);
    const target = find(g, -1) ?? fallback(g, -1) ?? open(g, g.firstArticle);
    let alone: number[] | null = null;
    for (let k = 0; k < slots.length; k++) if (holds(target, articleAt[slots[k]!]!)) (alone ??= []).push(slots[k]!);
    join(target, g, alone ? Array.from(slots).filter((slot) => !alone!.includes(slot)) : slots);
    for (const slot of alone ?? []) {
      const a = articleAt[slot]!;
      join(find(g, a) ?? fallback(g, a) ?? open(g, a), g, [slot]);
    }
  }

  // Ids and order follow the corpus: the person first met first.
  const live = clusters.filter((c) => c.size > 0).sort((a, b) => a.first - b.first || b.size - a.size);
  const index = new Int32Array(clusters.length).fill(-1);
  live.forEach((c, i) => (index[c.id] = i));
  const docs: number[][] = live.map(() => []);
  for (let i = 0; i < n; i++) {
    for (let k = offsets[i]!; k < offsets[i + 1]!; k++) {
      const c = assigned[k]!;
      if (c >= 0) {
        assigned[k] = index[c]!;
        docs[index[c]!]!.push(i);
      }
    }
  }
  const used = new Set<string>();
  const people: CorpusPerson[] = live.map((c, ci) => {
    // The canonical name: a full name over a bare one, then the one most articles use, the most mentioned, the longest.
    const votes = new Map<string, number>();
    const roles = new Map<string, number>();
    const countries = new Map<string, number>();
    let mentions = 0;
    let leader = false;
    for (const {group: g, count, mentions: m} of c.parts) {
      votes.set(g.name, (votes.get(g.name) ?? (g.first ? 1e9 : 0)) + count * (1e4 + g.name.length / 100) + m);
      if (g.role) roles.set(g.role, (roles.get(g.role) ?? 0) + count);
      if (g.country) countries.set(g.country, (countries.get(g.country) ?? 0) + count);
      mentions += m;
      leader ||= g.leader;
    }
    const name = [...votes].sort((a, b) => b[1] - a[1])[0]![0];
    const base = slug(name);
    let id = base;
    for (let k = 2; used.has(id); k++) id = `${base}-${k}`;
    used.add(id);
    const aliases = new Set<string>();
    for (const {group: g} of c.parts) for (const a of [g.name, ...g.aliases]) if (a !== name) aliases.add(a);
    return {
      id,
      name,
      aliases: [...aliases],
      role: mostCommon(roles),
      country: mostCommon(countries),
      leader,
      mentions,
      articles: docs[ci]!.map((i) => articles[i]!.id),
      quoteCount: 0,
    };
  });
  return {people, offsets, personAt: assigned};
}
