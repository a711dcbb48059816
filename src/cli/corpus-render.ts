// Plain-text lines and JSON shapes shared by the corpus commands.
import stringWidth from 'string-width';
import type {Article} from '../types.js';
import type {Corpus} from '../corpus/types.js';

/** `id  headline  (section, place date)`: one line per article in listings. */
export function articleLine(article: Article): string {
  const where = [article.section, article.dateline && [article.dateline.place, article.dateline.date].filter(Boolean).join(' ')].filter(Boolean);
  return `${article.id}  ${article.headline}${where.length ? `  (${where.join(', ')})` : ''}`;
}

/** What the corpus commands print about an article in --json: enough to find and show it, not its body. */
export function articleSummary(corpus: Corpus, article: Article) {
  return {
    id: article.id,
    headline: article.headline,
    section: article.section,
    dateline: article.dateline,
    source: article.source,
    paths: corpus.paths.get(article.id) ?? [article.source],
    people: article.people.map((p) => p.name),
    countries: article.countries.map((c) => c.code),
    summary: article.summary,
  };
}

/** Pads to a display width (names may hold wide or combining characters). */
export function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}

/** Rows as aligned columns, two spaces apart; the last column is not padded. */
export function table(rows: string[][]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, stringWidth(cell))));
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : pad(cell, widths[i]!))).join('  ').trimEnd());
}
