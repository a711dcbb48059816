// The virtualised article list: only the rows in the window are built and drawn, so 100k
// articles cost what 10 do. Each article is two pre-painted lines: unread dot, star and headline
// (matched characters highlighted); then section and dateline, or what else the query matched (a
// leader's name). Honest empty states for no articles and no matches.
import {memo} from 'react';
import type {Corpus} from '../../corpus/types.js';
import type {AppEnv} from '../../state/app/types.js';
import type {SearchHit} from '../../search/types.js';
import type {Article} from '../../types.js';
import {ROW_LINES} from '../layout.js';
import {datelineText, memo as memoOf, type Line as LineData, type Paint} from '../model.js';
import {paint, paintText} from '../paint.js';
import {highlight} from '../text.js';
import {useTheme, type Theme} from '../theme.js';
import {Lines} from './Line.js';

interface Props {
  corpus: Corpus;
  ids: readonly string[];
  /** Aligned with ids when a query is active, else empty. */
  hits: readonly SearchHit[];
  cursor: number;
  scroll: number;
  query: string;
  focused: boolean;
  flags: AppEnv['flags'];
  /** Bumped when reading flags change (the dots and stars). */
  version: number;
  width: number;
  height: number;
}

const marked = (value: string, ranges: ReadonlyArray<[number, number]>, role: Paint | null = null): LineData =>
  highlight(value, ranges.map(([s, e]) => [s, e, 'match'] as const)).map((s) => (s.role ? s : {...s, role}));

interface Row {
  article: Article;
  hit: SearchHit | undefined;
  read: boolean;
  starred: boolean;
  selected: boolean;
  focused: boolean;
}

function rowLines(theme: Theme, {article, hit, read, starred, selected, focused}: Row, width: number): [string, string] {
  const headlineMatch = hit?.matches.find((m) => m.field === 'headline' && m.value === article.headline);
  const other = hit?.matches.find((m) => m.field !== 'headline' && m.field !== 'body' && m.ranges.length > 0);
  const first: LineData = [
    {text: read ? ' ' : '●', role: 'unread'},
    {text: starred ? '★ ' : '  ', role: 'star'},
    ...marked(article.headline, headlineMatch?.ranges ?? [], read ? null : 'text'),
  ];
  const place = datelineText(article);
  const second: LineData = [{text: '   ', role: null}];
  if (article.section) second.push({text: article.section, role: 'section'});
  if (place) second.push({text: (article.section ? ' · ' : '') + place, role: 'muted'});
  if (other) second.push({text: ' · ', role: 'muted'}, ...marked(other.value, other.ranges, 'muted'));
  if (second.length === 1) second.push({text: article.source, role: 'muted'});
  const base: Paint | null = selected ? (focused ? 'selected' : 'selectedDim') : null;
  return [paint(theme, first, width, {base, pad: selected}), paint(theme, second, width, {base, pad: selected})];
}

// Rows on screen and around it: moving the cursor repaints two rows, not the window.
const rows = memoOf<[string, string]>(512);

export const ArticleList = memo(function ArticleList({corpus, ids, hits, cursor, scroll, query, focused, flags, width, height}: Props) {
  const theme = useTheme();
  if (ids.length === 0) {
    const message = corpus.articles.length === 0
      ? ['No articles loaded.', 'Point briefing at a folder of .txt articles: briefing PATH']
      : [`No article matches “${query.trim()}”.`, 'Esc clears the search; Backspace edits it.'];
    return <Lines lines={[paintText(theme, message[0]!, 'text', width - 1), paintText(theme, message[1]!, 'muted', width - 1)]} height={height} width={width} left={1} />;
  }
  const count = Math.max(1, Math.floor(height / ROW_LINES));
  const lines: string[] = [];
  for (let i = scroll; i < Math.min(ids.length, scroll + count); i++) {
    const article = corpus.byId.get(ids[i]!);
    if (!article) continue;
    const f = flags(article.id);
    const hit = hits[i];
    const row: Row = {article, hit, read: f.read, starred: f.starred, selected: i === cursor, focused};
    // Same article, flags, selection, width and query: same two lines.
    const key = `${article.id}|${+row.read}${+row.starred}${+row.selected}${+focused}|${width}|${+theme.color}|${hit ? query : ''}`;
    lines.push(...rows(key, () => rowLines(theme, row, width)));
  }
  return <Lines lines={lines} height={height} width={width} />;
});
