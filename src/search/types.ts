// What the search layer promises to the UI and CLI.

/** Fields a result can match in; `people`/`countries`/`organizations` values are names or forms. */
export type MatchField = 'headline' | 'section' | 'people' | 'countries' | 'organizations' | 'summary' | 'body' | 'dateline';

export interface MatchRange {
  field: MatchField;
  /** The string matched in (the headline, a person's name, ...). */
  value: string;
  /** Character ranges inside `value`, [start, end) end exclusive, sorted, non-overlapping. */
  ranges: Array<[number, number]>;
}

export interface SearchHit {
  id: string;
  /** Higher is better; only comparable within one result list. */
  score: number;
  matches: MatchRange[];
}

export type QueryTerm =
  | {kind: 'text'; value: string; negated: boolean}
  | {kind: 'phrase'; value: string; negated: boolean}
  | {kind: 'field'; field: 'leader' | 'person' | 'country' | 'section' | 'org' | 'place'; value: string; negated: boolean}
  | {kind: 'is'; value: 'read' | 'unread' | 'starred' | 'unstarred'; negated: boolean};

export interface ParsedQuery {
  raw: string;
  terms: QueryTerm[];
}

export type SearchResult =
  | {ok: true; query: ParsedQuery; hits: SearchHit[]; total: number}
  | {ok: false; error: string; /** character offset of the problem in the query */ at: number};

/** Reading flags the `is:` filters need, supplied by the caller (search/ never touches the store). */
export interface ReadFlags {
  read: boolean;
  starred: boolean;
}

export interface SearchOptions {
  limit?: number;
  flags?: (id: string) => ReadFlags | undefined;
  /** Matched ranges are computed for the first this-many hits (default 200); later hits have `matches: []`. */
  matchLimit?: number;
}

export interface SearchEngine {
  search(query: string, options?: SearchOptions): SearchResult;
}
