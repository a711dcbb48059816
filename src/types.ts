// The one place where the shapes shared by every layer live.
// parse/ produces Article; corpus/ merges them; search/, state/, ui/ and cli/ consume them.
// Everything here is plain JSON-serialisable data (it is what `briefing parse --json` prints
// and what the cache stores).

/** Where and when a wire story was filed: `Madrid, Jun 29 (EFE).-` */
export interface Dateline {
  /** As written, in its original case: `Madrid`, `WASHINGTON`. */
  place: string;
  /** As written: `Jun 29`, `March 3`; null when the dateline has no date (`WASHINGTON (AP) —`). */
  date: string | null;
  /** Agency as written, upper-cased when it was lower-case (`efe-epa` -> `EFE-EPA`); null when none. */
  agency: string | null;
}

/** A passage in quotation marks. */
export interface Quote {
  /** The quoted words, without the marks, whitespace collapsed to single spaces. */
  text: string;
  /** Id of the Person (or Organization) in this article who said it, or for a country speaking for its
   *  government (speakerKind `country`) its ISO 3166-1 alpha-3 code (`RUS`); null when unsure. */
  speaker: string | null;
  /** The speaker's canonical name (`Fumio Kishida`, `White House`); null when unsure. */
  speakerName: string | null;
  /** The verb or phrase that attributes it (`said`, `told`, `according to`, `statement`); null when none. */
  cue: string | null;
  /** What kind of speaker `speakerName` is: a person of the article, an organisation, a country speaking for its
   *  government (`Russia insisted`, `Seoul warned`: `speaker` is the alpha-3 code, `speakerName` the country's name),
   *  or a description as written that names no one in the article (`the announcer`, `the letter`); absent when none. */
  speakerKind?: 'person' | 'organization' | 'country' | 'description';
  /** Index into Article.paragraphs of the paragraph where the quote opens; -1 for the headline. */
  paragraph: number;
  /** Offsets into the ORIGINAL input text given to parseArticle (UTF-16 code units, end exclusive),
   *  covering the quoted words without the marks. input.slice(start, end), whitespace collapsed,
   *  equals `text`. */
  start: number;
  end: number;
  /** Offsets of the same words inside `paragraphs[paragraph]` (end exclusive) for highlighting;
   *  for a quote running over several paragraphs, `paraEnd` is the end of the opening paragraph. */
  paraStart: number;
  paraEnd: number;
  /** True for a fragment or scare quote inside a paraphrase (`“upgrade”`, `“essential”`). */
  partial: boolean;
}

/** A person named in an article (per article; the corpus merges them across articles). */
export interface Person {
  /** Stable within the article: a slug of the canonical name (`fumio-kishida`). */
  id: string;
  /** Canonical (longest, most complete) name: `Fumio Kishida`. */
  name: string;
  /** Other forms seen in the text, including misspellings (`Kishida`, `Kushida`, `Mr Blair`). */
  aliases: string[];
  /** Lower-case role as written (`prime minister`, `president`, `trade and industry secretary`); null when none. */
  role: string | null;
  /** ISO 3166-1 alpha-3 code; null when unknown. */
  country: string | null;
  /** Head of state or government, minister, or comparable official. */
  leader: boolean;
  /** How many times the person is mentioned (any form). */
  mentions: number;
  /** `m`, `f` or null: from titles (Mr/Ms) and pronouns; used for attribution, shown nowhere. */
  gender?: 'm' | 'f' | null;
}

/** A country referred to in an article, by name, code, demonym or capital. */
export interface CountryMention {
  /** ISO 3166-1 alpha-3: `PRK`. */
  code: string;
  /** Common English name: `North Korea`. */
  name: string;
  mentions: number;
  /** The distinct forms as written: `Pyongyang`, `North Korea`. */
  forms: string[];
}

export type OrganizationKind = 'agency' | 'government' | 'international' | 'party' | 'company' | 'other';

export interface Organization {
  /** Slug: `nato`, `white-house`, `efe`. */
  id: string;
  /** Canonical name: `NATO`, `White House`, `EFE`. */
  name: string;
  kind: OrganizationKind;
  mentions: number;
  /** Forms as written: `Nato`, `NATO`. */
  forms: string[];
}

export interface Article {
  /** Stable id derived from the normalised content: 16 hex chars. Same text => same id, wherever the file is. */
  id: string;
  /** The path as given on the command line (or in the folder walk). */
  source: string;
  section: string | null;
  headline: string;
  update: string | null;
  dateline: Dateline | null;
  byline: string | null;
  /** Body paragraphs, boilerplate dropped, hard wraps joined, whitespace normalised. */
  paragraphs: string[];
  quotes: Quote[];
  people: Person[];
  countries: CountryMention[];
  organizations: Organization[];
  /** Two or three sentences taken verbatim from the article (filled by corpus/summary). */
  summary: string[];
  /** Number of words in the body. */
  words: number;
  /** Non-fatal notes about the input (`decoded as Windows-1252`). */
  warnings: string[];
}

export type ParseErrorReason =
  | 'empty' // empty or whitespace-only
  | 'binary' // NUL bytes
  | 'encoding' // not decodable
  | 'too-large' // over MAX_ARTICLE_BYTES
  | 'no-headline' // no line that can be a headline
  | 'no-body'; // a headline but nothing else

/** A file that could not be turned into an Article. */
export interface ParseError {
  kind: 'parse-error';
  source: string;
  reason: ParseErrorReason;
  /** One line, for humans: `empty file`, `binary file (NUL byte at offset 12)`. */
  message: string;
}

export interface ParseOptions {
  /** The path as given; copied into Article.source / ParseError.source. */
  source: string;
}

export function isParseError(x: Article | ParseError): x is ParseError {
  return (x as ParseError).kind === 'parse-error';
}

/** Files bigger than this are refused (documented in the README). */
export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;
