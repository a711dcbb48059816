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

interface Entry {
  article: number;
  person: Person;
  first: string | null;
  surname: string;
  keys: string[];
}

interface Cluster {
  entries: Entry[];
  firsts: Set<string>;
  countries: Set<string>;
  roles: Set<string>;
  articles: Set<number>;
  first: number;
}

function entryOf(article: number, person: Person): Entry | null {
  const toks = nameTokens(person.name);
  if (!toks.length) return null;
  const keys = new Set<string>([toks.join(' ')]);
  for (const alias of person.aliases) {
    const t = nameTokens(alias);
    if (t.length) keys.add(t.join(' '));
  }
  return {article, person, first: toks.length > 1 ? toks[0]! : null, surname: toks[toks.length - 1]!, keys: [...keys]};
}

function contradicts(e: Entry, c: Cluster): boolean {
  if (c.articles.has(e.article)) return true;
  if (e.first && c.firsts.size && ![...c.firsts].some((f) => firstNamesAgree(f, e.first!))) return true;
  if (e.person.country && c.countries.size && !c.countries.has(e.person.country)) return true;
  if (e.person.role && c.roles.size && ![...c.roles].some((r) => rolesAgree(r, e.person.role!))) return true;
  return false;
}

/** Something positive beyond the surname: same first name, same country, or an agreeing role. */
function corroborates(e: Entry, c: Cluster): boolean {
  if (e.first && [...c.firsts].some((f) => firstNamesAgree(f, e.first!))) return true;
  if (e.person.country && c.countries.has(e.person.country)) return true;
  return !!e.person.role && [...c.roles].some((r) => rolesAgree(r, e.person.role!));
}

function add(c: Cluster, e: Entry): void {
  c.entries.push(e);
  if (e.first) c.firsts.add(e.first);
  if (e.person.country) c.countries.add(e.person.country);
  if (e.person.role) c.roles.add(fold(e.person.role));
  c.articles.add(e.article);
  c.first = Math.min(c.first, e.article);
}

export interface MergedPeople {
  people: CorpusPerson[];
  /** articleIndex -> local person id -> corpus person id. */
  local: Map<string, string>[];
}

function mostCommon(values: Array<string | null>): string | null {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  let n = 0;
  for (const [v, k] of counts) if (k > n) [best, n] = [v, k];
  return best;
}

export function mergePeople(articles: readonly Article[]): MergedPeople {
  const entries: Entry[] = [];
  articles.forEach((a, i) => {
    for (const p of a.people) {
      const e = entryOf(i, p);
      if (e) entries.push(e);
    }
  });
  // Full names first, so bare surnames find the people they may belong to; then by mentions.
  const order = entries
    .map((e, i) => ({e, i}))
    .sort((x, y) => Number(!!y.e.first) - Number(!!x.e.first) || y.e.person.mentions - x.e.person.mentions || x.i - y.i)
    .map((x) => x.e);

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
  /** The one cluster to join, or null: several that fit equally well is a reason to keep apart. */
  const choose = (e: Entry, found: Iterable<Cluster>, needCorroboration: boolean): Cluster | null => {
    let fits = [...new Set(found)].filter((c) => !contradicts(e, c));
    if (needCorroboration || fits.length > 1) fits = fits.filter((c) => corroborates(e, c));
    return fits.length === 1 ? fits[0]! : null;
  };

  for (const e of order) {
    const exact = e.keys.flatMap((k) => [...(byKey.get(k) ?? [])]);
    let cluster =
      choose(e, exact, false) ??
      choose(e, bySurname.get(e.surname) ?? [], false) ??
      choose(e, near.similar(e.surname).flatMap((s) => [...(bySurname.get(s) ?? [])]), true) ??
      (e.first ? null : choose(e, byFirstToken.get(e.surname) ?? [], true));
    // A bare name with nothing else that fits several people joins the one "unresolved" entry for that
    // name instead of guessing; without it every such mention would open a cluster of its own (and make
    // the next one more ambiguous still: quadratic on a large corpus).
    const unattributed = !e.first && !e.person.role && !e.person.country;
    if (!cluster && unattributed) {
      const bucket = unresolved.get(e.surname);
      if (bucket && !bucket.articles.has(e.article)) cluster = bucket;
    }
    if (!cluster) {
      cluster = {entries: [], firsts: new Set(), countries: new Set(), roles: new Set(), articles: new Set(), first: e.article};
      clusters.push(cluster);
      if (unattributed && bySurname.has(e.surname) && !unresolved.has(e.surname)) unresolved.set(e.surname, cluster);
    }
    add(cluster, e);
    for (const k of e.keys) push(byKey, k, cluster);
    push(bySurname, e.surname, cluster);
    if (e.first) push(byFirstToken, e.first, cluster);
    near.add(e.surname);
  }

  // Ids and order follow the corpus: the person first met first.
  clusters.sort((a, b) => a.first - b.first || b.entries.length - a.entries.length);
  const used = new Set<string>();
  const local: Map<string, string>[] = articles.map(() => new Map());
  const people: CorpusPerson[] = clusters.map((c) => {
    // The canonical name: a full name over a bare one, then the one most articles use, the most mentioned, the longest.
    const votes = new Map<string, number>();
    for (const e of c.entries) {
      const full = e.first ? 1e9 : 0;
      votes.set(e.person.name, (votes.get(e.person.name) ?? full) + 1e4 + e.person.mentions + e.person.name.length / 100);
    }
    const name = [...votes].sort((a, b) => b[1] - a[1])[0]![0];
    const base = slug(name);
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    const aliases = new Set<string>();
    for (const e of c.entries) for (const a of [e.person.name, ...e.person.aliases]) if (a !== name) aliases.add(a);
    for (const e of c.entries) local[e.article]!.set(e.person.id, id);
    return {
      id,
      name,
      aliases: [...aliases],
      role: mostCommon(c.entries.map((e) => e.person.role)),
      country: mostCommon(c.entries.map((e) => e.person.country)),
      leader: c.entries.some((e) => e.person.leader),
      mentions: c.entries.reduce((n, e) => n + e.person.mentions, 0),
      articles: [...c.articles].sort((a, b) => a - b).map((i) => articles[i]!.id),
      quoteCount: 0,
    };
  });
  return {people, local};
}
