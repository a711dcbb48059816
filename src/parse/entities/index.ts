// Who said what: quotes, people, countries and organisations of one article.
// Extractors (pattern + extract) run first, then refiners in order:
//   segments -> quote spans -> sentences -> countries -> organisations -> name mentions
//   -> people (coreference, misspellings) -> gender -> leaders in lists -> attribution.
import type {CountryMention, Organization, Person, Quote} from '../../types.js';
import type {ArticleText} from '../text.js';
import {attribute} from './attribution.js';
import {extractCountries} from './countries.js';
import {inferGender} from './gender.js';
import {listedLeaders} from './leaders.js';
import {extractNames} from './names.js';
import {extractOrganizations, slug} from './organizations.js';
import {canonical, clusterPeople, toPeople} from './people.js';
import {extractQuoteSpans, type QuoteSpan} from './quote-spans.js';
import type {Doc, Ref} from './references.js';
import {collapse, inputOffset, segmentsOf, tokenAt, type Token} from './segments.js';
import {sentenceStarts} from './sentences.js';

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

/** The id a quote's speaker is known by: a person's id, an organisation's slug, a country's alpha-3 code;
 *  a description (`the announcer`) names no one we can point to: no id, the words as written. */
function speakerId(ref: Ref, people: readonly Person[]): string | null {
  switch (ref.kind) {
    case 'person': return people[ref.cluster]!.id;
    case 'org': return slug(ref.name);
    case 'country': return ref.code;
    case 'desc': return null;
  }
}

const wordCount = (s: string): number => s.split(/\s+/).filter(Boolean).length;

export function extractEntities(text: ArticleText): Entities {
  return extractEntitiesAndSentences(text).entities;
}

export function extractEntitiesAndSentences(text: ArticleText): EntitiesAndSentences {
  const segs = segmentsOf(text);
  const spans = extractQuoteSpans(segs);
  const bySeg = segs.map((): QuoteSpan[] => []);
  for (const q of spans) bySeg[q.seg]!.push(q);
  const quoted = segs.map((seg) => new Uint8Array(seg.tokens.length));
  const mark = (s: number, a: number, b: number): void => {
    const toks = segs[s]!.tokens;
    for (let t = tokenAt(toks, a); t < toks.length && toks[t]!.start < b; t++) quoted[s]![t] = 1;
  };
  for (const q of spans) { mark(q.seg, q.start, q.end); for (const [s, a, b] of q.more) mark(s, a, b); }
  const sentences = segs.map((seg, s) => sentenceStarts(seg, bySeg[s]!));

  const {countries, hits: countryHits} = extractCountries(segs);
  const {organizations, hits: orgHits} = extractOrganizations(segs, text.dateline?.agency ?? null);
  // names inside quotation marks are mentions too, but a quoted word is never a new person on its own
  const mentions = extractNames(segs, countryHits, orgHits, sentences).map((m) => (quoted[m.seg]![m.from] && !m.evidence ? {...m, weak: true} : m));
  const {clusters, owner} = clusterPeople(mentions);
  const mentionAt = segs.map((seg) => new Int32Array(seg.tokens.length).fill(-1));
  mentions.forEach((m, mi) => { for (let t = m.prefix; t < m.to; t++) mentionAt[m.seg]![t] = mi; });
  const doc: Doc = {segs, mentions, owner, clusters, orgHits, quoted, sentences, mentionAt};
  inferGender(doc);
  const people = toPeople(clusters, mentions, listedLeaders(segs, mentions, owner, clusters));
  const names = clusters.map((c) => canonical(c, mentions).join(' '));

  const attributions = attribute(doc, spans);
  const quotes: Quote[] = spans.map((q, qi) => {
    const seg = segs[q.seg]!;
    const last = q.more[q.more.length - 1];
    const endSeg = last ? segs[last[0]]! : seg;
    const start = inputOffset(seg, q.start, false);
    const end = inputOffset(endSeg, last ? last[2] : q.end, true);
    const words = [seg.text.slice(q.start, q.end), ...q.more.map(([s, a, b]) => segs[s]!.text.slice(a, b))].join(' ');
    const a = attributions[qi]!;
    const ref = a.ref;
    const speakerName = ref ? (ref.kind === 'person' ? names[ref.cluster]! : ref.name) : null;
    return {
      text: collapse(words),
      speaker: ref ? speakerId(ref, people) : null,
      speakerName,
      ...(ref ? {speakerKind: SPEAKER_KINDS[ref.kind]} : {}),
      cue: a.cue,
      paragraph: seg.index,
      start, end,
      paraStart: q.start, paraEnd: q.end,
      partial: q.embedded && wordCount(words) < 4,
    };
  });
  // An organisation that speaks is listed even when written only inside a phrase we did not index.
  for (const q of quotes) {
    if (q.speaker && q.speakerKind === 'organization' && !people.some((p) => p.id === q.speaker) && !organizations.some((o) => o.id === q.speaker)) {
      organizations.push({id: q.speaker, name: q.speakerName!, kind: 'other', mentions: 1, forms: [q.speakerName!]});
    }
  }
  const byParagraph = text.paragraphs.map((): number[] => []);
  const words = text.paragraphs.map((): Token[] => []);
  segs.forEach((seg, s) => { if (seg.index >= 0) { byParagraph[seg.index] = sentences[s]!; words[seg.index] = seg.tokens; } });
  return {entities: {quotes, people, countries, organizations}, sentenceStarts: byParagraph, words};
}
