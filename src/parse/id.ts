// The article id: the first 16 hex digits of a SHA-256 over the normalised structure (section,
// headline, update, byline, dateline, paragraphs). Whitespace noise, line endings, a BOM and the
// file's path do not change it; any change of content does.
import {hash} from 'node:crypto';
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
    d ? `${d.place}|${d.date ?? ''}|${d.agency ?? ''}` : ''];
  for (const p of parts.paragraphs) fields.push(p);
  // the one-shot hash: no Hash object and its JS wrappers per article (Node >= 20.12)
  return hash('sha256', fields.join('\n'), 'hex').slice(0, 16);
}
