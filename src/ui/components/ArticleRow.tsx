// One article in the list, two lines: unread dot, star and headline (matched characters
// highlighted); then section and dateline, or what else the query matched (a leader's name).
import {Box} from 'ink';
import {memo} from 'react';
import type {SearchHit} from '../../search/types.js';
import type {Article} from '../../types.js';
import {datelineText, type Line as LineData, type Paint} from '../model.js';
import {highlight} from '../text.js';
import {Line} from './Line.js';

interface Props {
  article: Article;
  hit: SearchHit | undefined;
  read: boolean;
  starred: boolean;
  selected: boolean;
  focused: boolean;
  width: number;
}

const marked = (value: string, ranges: ReadonlyArray<[number, number]>, role: Paint | null = null): LineData =>
  highlight(value, ranges.map(([s, e]) => [s, e, 'match'] as const)).map((s) => (s.role ? s : {...s, role}));

export const ArticleRow = memo(function ArticleRow({article, hit, read, starred, selected, focused, width}: Props) {
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
  return (
    <Box flexDirection="column" height={2}>
      <Line line={first} width={width} base={base} pad={selected} />
      <Line line={second} width={width} base={base} pad={selected} />
    </Box>
  );
});
