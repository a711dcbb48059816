// Who said what: quotes, people, countries and organisations of one article.
// Extractors (pattern + extract) run first, then refiners in order:
//   segments -> quote spans -> sentences -> countries -> organisations -> name mentions
//   -> people (coreference, misspellings) -> gender -> leaders in lists -> attribution.
import type {CountryMention, Organization, Person, Quote} from '../../types.js';
import type {ArticleText} from '../text.js';
import {wordCount} from '../words.js';
import {attribute} from './attribution.js';
import {extractCountries} from './countries.js';
import {inferGender} from './gender.js';
import {listedLeaders} from './leaders.js';
import {extractNames, type NameMention} from './names.js';
import {extractOrganizations, slug} from './organizations.js';
import {clusterPeople, toPeople} from './people.js';
import {extractQuoteSpans, type QuoteSpan} from './quote-spans.js';
import type {Doc, Ref} from './references.js';
import {collapse, inputOffset, objectList, type Segment, segmentsOf, tokenAt, type Token} from './segments.js';
import {sentenceStartsOf} from './sentences.js';

export interface Entities {
  quotes: Quote[];
  people: Person[];
  countries: CountryMention[];
  organizations: Organization[];
}

/** The entities and, found on the way, each paragraph's sentence starts and words (handed to the summary:
 *  one split and one tokenisation per article). */
export interface EntitiesAndSentences {
  entities: Entities;
  sentenceStarts: number[][];
  /** Each paragraph's words, as the entity extractors read them. */
  words: Token[][];
}

const SPEAKER_KINDS = {person: 'person', org: 'organization', country: 'country', desc: 'description'} as const;

/** The name a ref gives its speaker: the person's (canonical) name, else the ref's own. */
function refName(ref: Ref, people: readonly Person[]): string | null {
  const cluster = ref.cluster, name = ref.name; // (read whatever the kind: see speakerId)
  return ref.kind === 'person' ? people[cluster]!.name : name;
}

/** The id a quote's speaker is known by: a person's id, an organisation's slug, a country's alpha-3 code;
 *  a description (`the announcer`) names no one we can point to: no id, the words as written. */
function speakerId(ref: Ref, people: readonly Person[]): string | null {
  // (a ref has one shape: its fields are read whatever its kind, no load the first articles may never make)
  const kind = ref.kind, cluster = ref.cluster, name = ref.name, code = ref.code;
  const person = kind === 'person', org = kind === 'org', country = kind === 'country';
  return person ? people[cluster]!.id : org ? slug(name!) : country ? code : null;
}

export function extractEntities(text: ArticleText): Entities {
  return extractEntitiesAndSentences(text).entities;
}

export function extractEntitiesAndSentences(text: ArticleText): EntitiesAndSentences {
  const segs = segmentsOf(text);
  const spans = extractQuoteSpans(segs);
  const quoted = quotedTokens(segs, spans);
  const sentences = sentenceStartsOf(segs, spans);

  const {countries, hits: countryHits} = extractCountries(segs);
  const {organizations, hits: orgHits} = extractOrganizations(segs, text.dateline?.agency ?? null);
  const mentions = extractNames(segs, countryHits, orgHits, sentences);
  // names inside quotation marks are mentions too, but a quoted word is never a new person on its own
  // (set on the mention itself: a copy with the flag changed would be an object of another hidden class)
  for (const m of mentions) if (quoted[m.seg]![m.from] && !m.evidence) m.weak = true;
  const {clusters, owner} = clusterPeople(mentions);
  const doc: Doc = {segs, mentions, owner, clusters, orgHits, quoted, sentences, mentionAt: mentionIndex(segs, mentions)};
  inferGender(doc);
  const people = toPeople(clusters, mentions, listedLeaders(segs, mentions, owner, clusters));
  const quotes = quotesOf(doc, spans, people);
  speakingOrganizations(quotes, people, organizations);
  const paragraphs = byParagraph(text, segs, sentences);
  return {entities: {quotes, people, countries, organizations}, sentenceStarts: paragraphs.sentenceStarts, words: paragraphs.words};
}

// The per-token tables of the article being extracted (quoted, mentionAt) are views into one buffer each, reused
// from article to article: a typed array of more than 64 bytes is allocated outside V8's heap, and one per
// paragraph, twice, cost more than the tables' work. Nothing keeps them past extractEntitiesAndSentences.
let quotedBuffer = new Uint8Array(4096);
let mentionBuffer = new Int32Array(4096);

/** The number of tokens of all segments. */
function tokenCount(segs: readonly Segment[]): number {
  let n = 0;
  for (const seg of segs) n += seg.tokens.length;
  return n;
}

/** Per segment, a view of `buffer` as long as its tokens, the views laid end to end. */
function rowsOf<A extends Uint8Array | Int32Array>(segs: readonly Segment[], buffer: A): A[] {
  const rows: A[] = [];
  for (let s = 0, base = 0; s < segs.length; s++) {
    const n = segs[s]!.tokens.length;
    rows.push(buffer.subarray(base, base + n) as A);
    base += n;
  }
  return rows;
}

/** Per segment, 1 for each token inside quotation marks. */
function quotedTokens(segs: readonly Segment[], spans: readonly QuoteSpan[]): Uint8Array[] {
  const total = tokenCount(segs);
  if (quotedBuffer.length < total) quotedBuffer = new Uint8Array(2 * total);
  const quoted = rowsOf(segs, quotedBuffer.fill(0, 0, total));
  const mark = (s: number, a: number, b: number): void => {
    const toks = segs[s]!.tokens;
    const q = quoted[s]!;
    for (let t = tokenAt(toks, a); t < toks.length && toks[t]!.start < b; t++) q[t] = 1;
  };
  for (const q of spans) {
    mark(q.seg, q.start, q.end);
    for (let k = 0; k < q.more.length; k++) { const [s, a, b] = q.more[k]!; mark(s, a, b); }
  }
  return quoted;
}

/** Per segment: token index -> mention index (-1 for none), for every token of a mention's name and prefix. */
function mentionIndex(segs: readonly Segment[], mentions: readonly NameMention[]): Int32Array[] {
  const total = tokenCount(segs);
  if (mentionBuffer.length < total) mentionBuffer = new Int32Array(2 * total);
  const at = rowsOf(segs, mentionBuffer.fill(-1, 0, total));
  for (let mi = 0; mi < mentions.length; mi++) {
    const m = mentions[mi]!;
    const row = at[m.seg]!;
    for (let t = m.prefix; t < m.to; t++) row[t] = mi;
  }
  return at;
}

function quotesOf(doc: Doc, spans: readonly QuoteSpan[], people: readonly Person[]): Quote[] {
  const segs = doc.segs;
  const attributions = attribute(doc, spans);
  const quotes = objectList<Quote>();
  for (let qi = 0; qi < spans.length; qi++) {
    const q = spans[qi]!;
    const seg = segs[q.seg]!;
    const last = q.more.length ? q.more[q.more.length - 1]! : null;
    const endSeg = last ? segs[last[0]]! : seg;
    const start = inputOffset(seg, q.start, false);
    const end = inputOffset(endSeg, last ? last[2] : q.end, true);
    let words = seg.text.slice(q.start, q.end);
    for (let k = 0; k < q.more.length; k++) { const [s, a, b] = q.more[k]!; words += ' ' + segs[s]!.text.slice(a, b); }
    const a = attributions[qi]!;
    const ref = a.ref;
    const speakerName = ref ? refName(ref, people) : null;
    // one key order for every quote (one hidden class); `speakerKind` undefined is absent from the JSON
    quotes.push({
      text: collapse(words),
      speaker: ref ? speakerId(ref, people) : null,
      speakerName,
      speakerKind: ref ? SPEAKER_KINDS[ref.kind] : undefined,
      cue: a.cue,
      paragraph: seg.index,
      start, end,
      paraStart: q.start, paraEnd: q.end,
      partial: q.embedded && wordCount(words) < 4,
    });
  }
  return quotes;
}

/** An organisation that speaks is listed even when written only inside a phrase we did not index. */
function speakingOrganizations(quotes: readonly Quote[], people: readonly Person[], organizations: Organization[]): void {
  for (const q of quotes) {
    const speaker = q.speaker;
    if (!speaker) continue;
    // (each speaker looked up, an organisation or not: a lookup the first articles never made would throw the
    // optimised caller away when one first does)
    const person = people.some((p) => p.id === speaker), known = organizations.some((o) => o.id === speaker);
    if (q.speakerKind === 'organization' && !person && !known) {
      organizations.push({id: speaker, name: q.speakerName!, kind: 'other', mentions: 1, forms: [q.speakerName!]});
    }
  }
}

/** Each paragraph's sentence starts and words (the headline's are not a paragraph's). */
function byParagraph(text: ArticleText, segs: readonly Segment[], sentences: readonly number[][]): {sentenceStarts: number[][]; words: Token[][]} {
  const sentenceStarts: number[][] = [];
  const words: Token[][] = [];
  for (let p = 0; p < text.paragraphs.length; p++) { sentenceStarts.push([]); words.push([]); }
  for (let s = 0; s < segs.length; s++) {
    const seg = segs[s]!;
    if (seg.index >= 0) { sentenceStarts[seg.index] = sentences[s]!; words[seg.index] = seg.tokens; }
  }
  return {sentenceStarts, words};
}
