// The summary pane: headline, dateline, leader and country chips, the extractive summary.
import {memo} from 'react';
import type {Article} from '../../types.js';
import {summaryLines} from '../model.js';
import {paint, paintText, paneTitle} from '../paint.js';
import {useTheme} from '../theme.js';
import {Lines} from './Line.js';

interface Props {
  article: Article | null;
  scroll: number;
  focused: boolean;
  width: number;
  height: number;
}

export const SummaryPane = memo(function SummaryPane({article, scroll, focused, width, height}: Props) {
  const theme = useTheme();
  const body = Math.max(0, height - 1);
  const inner = Math.max(1, width - 1);
  const lines = article ? summaryLines(article, inner) : [];
  const top = Math.max(0, Math.min(scroll, lines.length - body));
  const more = lines.length > top + body ? `${top + body}/${lines.length} lines` : undefined;
  const shown = article ? lines.slice(top, top + body).map((l) => ' ' + paint(theme, l, inner)) : [' ' + paintText(theme, 'No article selected.', 'muted', inner)];
  return <Lines lines={[paneTitle(theme, 'Summary', more, focused, width), ...shown]} height={height} width={width} />;
});
