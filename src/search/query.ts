// The query language: free words, "exact phrases", field filters (`leader:kishida country:"north korea"`),
// `is:` flags and `-` negation of any of them. Anything it does not understand is an error with the offset
// of the problem, never silently dropped.
import type {ParsedQuery, QueryTerm} from './types.js';

export const FIELDS = ['leader', 'person', 'country', 'section', 'org', 'place'] as const;
export type Field = (typeof FIELDS)[number];
const IS_VALUES = ['read', 'unread', 'starred', 'unstarred'] as const;

export type QueryParse = {ok: true; query: ParsedQuery} | {ok: false; error: string; at: number};

const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);

export function parseQuery(raw: string): QueryParse {
  const terms: QueryTerm[] = [];
  let i = 0;
  const fail = (error: string, at: number): QueryParse => ({ok: false, error, at});
  while (i < raw.length) {
    if (isSpace(raw[i])) {
      i++;
      continue;
    }
    const start = i;
    let negated = false;
    if (raw[i] === '-') {
      negated = true;
      i++;
      if (i >= raw.length || isSpace(raw[i])) return fail('nothing after "-" (write -word to exclude a word)', start);
    }
    // A quoted phrase.
    if (raw[i] === '"') {
      const close = raw.indexOf('"', i + 1);
      if (close < 0) return fail('unclosed quote', i);
      const value = raw.slice(i + 1, close).trim().replace(/\s+/g, ' ');
      if (!value) return fail('empty phrase ""', i);
      terms.push({kind: 'phrase', value, negated});
      i = close + 1;
      if (i < raw.length && !isSpace(raw[i])) return fail('a space must follow the closing quote', i);
      continue;
    }
    let end = i;
    while (end < raw.length && !isSpace(raw[end])) end++;
    const word = raw.slice(i, end);
    const field = /^([A-Za-z]+):/.exec(word);
    if (!field) {
      terms.push({kind: 'text', value: word, negated});
      i = end;
      continue;
    }
    const name = field[1]!.toLowerCase();
    const valueAt = i + field[0].length;
    let value: string;
    if (raw[valueAt] === '"') {
      const close = raw.indexOf('"', valueAt + 1);
      if (close < 0) return fail('unclosed quote', valueAt);
      value = raw.slice(valueAt + 1, close).trim().replace(/\s+/g, ' ');
      end = close + 1;
      if (end < raw.length && !isSpace(raw[end])) return fail('a space must follow the closing quote', end);
    } else {
      value = raw.slice(valueAt, end);
    }
    if (name === 'is') {
      const v = value.toLowerCase();
      if (!v) return fail(`empty value for is: (one of ${IS_VALUES.join(', ')})`, valueAt);
      if (!(IS_VALUES as readonly string[]).includes(v)) return fail(`unknown is:${value} (one of ${IS_VALUES.join(', ')})`, valueAt);
      terms.push({kind: 'is', value: v as (typeof IS_VALUES)[number], negated});
    } else if ((FIELDS as readonly string[]).includes(name)) {
      if (!value) return fail(`empty value for ${name}:`, valueAt);
      terms.push({kind: 'field', field: name as Field, value, negated});
    } else {
      return fail(`unknown field "${field[1]}:" (fields: ${[...FIELDS, 'is'].map((f) => f + ':').join(' ')})`, i);
    }
    i = end;
  }
  return {ok: true, query: {raw, terms}};
}
