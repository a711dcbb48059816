// Synthetic corpora for the bench: wire-style articles (section, headline, dateline, 300-900 words,
// quotes with attributions) about a few thousand invented people from every country. Deterministic
// (seeded), so two runs measure the same text. Written once per size to a temp dir and reused.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import worldCountries, {type Country} from 'world-countries';

/** Bump when the generated text changes, so stale corpora in the temp dir are not reused. */
const GENERATOR_VERSION = 2;

// world-countries is CommonJS; depending on the loader its array is the default export or inside it.
const countries = (Array.isArray(worldCountries) ? worldCountries : (worldCountries as {default?: Country[]}).default ?? []) as Country[];

function rng(seed: number): () => number {
  // mulberry32
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'to', 'mi', 'ren', 'sa', 'lo', 'vi', 'dan', 'el', 'mar', 'ko', 'ta', 'ni', 'bel', 'ra', 'os', 'te', 'lin', 'ga', 'hu',
  'an', 'dre', 'si', 'mo', 'ur', 'pe', 'zo', 'li', 'ber', 'ha', 'na', 'ju', 'fi', 'ol', 'ke', 'wen', 'da', 'ri', 'so', 'tan'];
const ROLES = ['president', 'prime minister', 'foreign minister', 'defence minister', 'finance minister', 'trade secretary', 'chancellor',
  'governor', 'senator', 'opposition leader', 'central bank governor', 'spokesman', 'ambassador', 'interior minister', 'king'];
const NON_LEADER_ROLES = ['analyst', 'economist', 'professor', 'chief executive', 'union leader', 'activist', 'researcher'];
const SECTIONS = ['Conflicts & War', 'Politics', 'Economy', 'Diplomacy', 'Trade', 'Energy', 'Health', 'Technology', 'Climate', 'Elections'];
const AGENCIES = ['EFE', 'AP', 'Reuters', 'AFP', 'Yonhap', 'Kyodo', 'DPA'];
const MONTHS = ['Jan', 'Feb', 'March', 'April', 'May', 'June', 'July', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];
const CUES = ['said', 'told reporters', 'added', 'warned', 'stressed', 'noted', 'said in a statement'];
const TOPICS = ['alliance', 'summit', 'sanctions', 'tariffs', 'missile', 'election', 'budget', 'ceasefire', 'pipeline', 'inflation', 'vaccine',
  'border', 'treaty', 'reactor', 'drought', 'strike', 'talks', 'reform', 'subsidies', 'exports', 'refugees', 'satellite', 'grain', 'debt'];
const WORDS = ('the of and to in a on for with that by as at from government officials said would talks security economic new minister ' +
  'meeting agreement week country leaders international support cooperation policy plans region national military trade growth ' +
  'president pressure crisis report year month statement decision parliament vote issue forces relations concerns development ' +
  'investment markets prices energy public health program measures response challenges future partners bilateral regional ' +
  'commitment strategy negotiations delegation conference proposal framework stability sovereignty infrastructure')
  .split(' ');

interface Person {
  first: string;
  last: string;
  role: string;
  country: string;
  demonym: string;
}

function word(r: () => number, min: number, max: number): string {
  const n = min + Math.floor(r() * (max - min + 1));
  let w = '';
  for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(r() * SYLLABLES.length)];
  return w[0]!.toUpperCase() + w.slice(1);
}

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
/** Skewed choice: a few items come up often, most rarely (like leaders in the news). */
const skewed = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(Math.pow(r(), 2.2) * list.length)]!;

export function makePeople(count: number, seed = 7): Person[] {
  const r = rng(seed);
  const all = countries.filter((c) => c.capital.length && c.demonyms?.eng?.m).map((c) => ({...c, demonym: c.demonyms!.eng!.m}));
  const people: Person[] = [];
  for (let i = 0; i < count; i++) {
    const c = all[i % all.length]!;
    const leader = r() < 0.8;
    people.push({first: word(r, 2, 3), last: word(r, 2, 3), role: leader ? pick(r, ROLES) : pick(r, NON_LEADER_ROLES), country: c.name.common, demonym: c.demonym});
  }
  return people;
}

function sentence(r: () => number, topic: string, words: number): string {
  const parts: string[] = [];
  for (let i = 0; i < words; i++) parts.push(i === Math.floor(words / 2) ? topic : pick(r, WORDS));
  const s = parts.join(' ');
  return s[0]!.toUpperCase() + s.slice(1) + '.';
}

export function makeArticle(r: () => number, people: readonly Person[]): string {
  const cast = [skewed(r, people), skewed(r, people), pick(r, people)];
  const [a, b] = cast as [Person, Person, Person];
  const topic = pick(r, TOPICS);
  const target = 300 + Math.floor(r() * 600);
  const capital = (countries.find((c) => c.name.common === a.country)?.capital[0]) ?? a.country;
  const lines: string[] = [pick(r, SECTIONS), '', `${a.demonym} ${a.role} ${a.last} and ${b.last} discuss ${topic} as ${b.country} weighs response`, ''];
  const date = `${pick(r, MONTHS)} ${1 + Math.floor(r() * 28)}`;
  let words = 0;
  const para = (text: string): void => {
    lines.push(text, '');
    words += text.split(' ').length;
  };
  para(`${capital}, ${date} (${pick(r, AGENCIES)}).- ${a.demonym} ${a.role} ${a.first} ${a.last} and ${b.demonym} ${b.role} ${b.first} ${b.last} ` +
    `on ${pick(r, ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])} ${sentence(r, topic, 14).toLowerCase()}`);
  while (words < target) {
    const kind = r();
    const who = pick(r, cast);
    if (kind < 0.3) para(`“${sentence(r, topic, 10 + Math.floor(r() * 12)).slice(0, -1)},” ${who.last} ${pick(r, CUES)}.`);
    else if (kind < 0.45) para(`${who.first} ${who.last}, ${who.country}'s ${who.role}, said: “${sentence(r, topic, 12 + Math.floor(r() * 10))}”`);
    else if (kind < 0.55) para(`The ${who.demonym} ${who.role} also ${pick(r, CUES)} that ${sentence(r, topic, 15).toLowerCase()} “${sentence(r, topic, 8)}” he added.`);
    else para(Array.from({length: 2 + Math.floor(r() * 3)}, () => sentence(r, topic, 12 + Math.floor(r() * 14))).join(' '));
  }
  return lines.join('\n');
}

/** The folder of `count` synthetic articles (generated on first use), in nested folders of 1,000. */
export function syntheticCorpus(count: number, log: (m: string) => void): {dir: string; bytes: number} {
  const dir = path.join(os.tmpdir(), `briefing-bench-v${GENERATOR_VERSION}-${count}`);
  const marker = path.join(dir, '.complete');
  if (fs.existsSync(marker)) return {dir, bytes: Number(fs.readFileSync(marker, 'utf8'))};
  log(`generating ${count} synthetic articles in ${dir}`);
  fs.rmSync(dir, {recursive: true, force: true});
  const people = makePeople(3000);
  const r = rng(count);
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const sub = path.join(dir, String(Math.floor(i / 1000)).padStart(3, '0'));
    if (i % 1000 === 0) fs.mkdirSync(sub, {recursive: true});
    const text = makeArticle(r, people);
    const buf = Buffer.from(text);
    fs.writeFileSync(path.join(sub, `${String(i).padStart(6, '0')}.txt`), buf);
    bytes += buf.length;
  }
  fs.writeFileSync(marker, String(bytes));
  return {dir, bytes};
}
