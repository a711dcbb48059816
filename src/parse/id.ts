// The article id: the first 16 hex digits of a SHA-256 over the normalised structure (section,
// headline, update, byline, dateline, paragraphs). Whitespace noise, line endings, a BOM and the
// file's path do not change it; any change of content does.
import {createHash} from 'node:crypto';
import type {Dateline} from '../types.js';

export interface IdParts {
  section: string | null;
  headline: string;
  update: string | null;
  byline: string | null;
  dateline: Dateline | null;
  paragraphs: readonly string[];
}

export function articleId(parts: IdParts): string {
  const d = parts.dateline;
  const fields = [parts.section ?? '', parts.headline, parts.update ?? '', parts.byline ?? '',
    d ? `${d.place}|${d.date ?? ''}|${d.agency ?? ''}` : '', ...parts.paragraphs];
  return createHash('sha256').update(fields.join('\n')).digest('hex').slice(0, 16);
}
