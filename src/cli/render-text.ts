// The plain-text rendering of an article, for `briefing parse` without --json and for pipes.
import type {Article} from '../types.js';

export function renderArticleText(article: Article): string {
  const lines: string[] = [];
  lines.push(`== ${article.headline}`);
  const meta = [
    article.section,
    article.dateline && [article.dateline.place, article.dateline.date, article.dateline.agency].filter(Boolean).join(', '),
    article.byline && `by ${article.byline}`,
    `id ${article.id}`,
  ].filter(Boolean);
  lines.push(`   ${meta.join(' | ')}`);
  lines.push(`   ${article.source}`);
  if (article.update) lines.push(`   (Update: ${article.update})`);
  if (article.people.length) lines.push(`   people: ${article.people.map((p) => p.name + (p.role ? ` (${p.role})` : '')).join('; ')}`);
  if (article.countries.length) lines.push(`   countries: ${article.countries.map((c) => c.name).join(', ')}`);
  lines.push('');
  for (const paragraph of article.paragraphs) lines.push(paragraph, '');
  if (article.quotes.length) {
    lines.push('Quotes:');
    for (const q of article.quotes) lines.push(`  - ${q.speakerName ?? '(unattributed)'}${q.cue ? ` ${q.cue}` : ''}: “${q.text}”${q.partial ? ' (partial)' : ''}`);
    lines.push('');
  }
  return lines.join('\n');
}
