// The briefing as plain text, for when stdout is not a terminal (`briefing data/ | cat`, CI):
// per article its headline, dateline, leaders and summary. No Ink, no escape codes.
import type {Corpus} from '../corpus/types.js';
import type {Article} from '../types.js';

function dateline(a: Article): string {
  const d = a.dateline;
  const place = d ? [d.place, d.date].filter(Boolean).join(', ') + (d.agency ? ` (${d.agency})` : '') : '';
  return [a.section, place].filter(Boolean).join(' · ');
}

export function plainBriefing(corpus: Corpus): string {
  const out: string[] = [];
  for (const a of corpus.articles) {
    out.push(`== ${a.headline}`);
    const meta = dateline(a);
    if (meta) out.push(`   ${meta}`);
    const leaders = a.people.filter((p) => p.leader).map((p) => (p.role ? `${p.name} (${p.role})` : p.name));
    out.push(`   leaders: ${leaders.length ? leaders.join('; ') : 'none named'}`);
    if (a.countries.length) out.push(`   countries: ${a.countries.map((c) => c.name).join(', ')}`);
    out.push(...(a.summary.length ? a.summary : ['(no summary)']).map((s) => `   ${s}`));
    out.push('');
  }
  if (corpus.articles.length === 0) out.push('No articles loaded.');
  return out.join('\n');
}
