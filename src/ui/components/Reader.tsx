// The article reader: the full text, quotes painted in their speaker's colour, the quote `]`/`[`
// stepped to drawn emphasised, a position marker.
import {memo} from 'react';
import type {Article} from '../../types.js';
import {emphasise, readerLines, readerQuotes} from '../model.js';
import {paint, paneTitle} from '../paint.js';
import {useTheme} from '../theme.js';
import {Lines} from './Line.js';

interface Props {
  article: Article;
  scroll: number;
  /** Position in readerQuotes of the quote stepped to; null when none. */
  quote: number | null;
  starred: boolean;
  /** Columns of text and the margin left of it. */
  textWidth: number;
  left: number;
  width: number;
  height: number;
}

export const Reader = memo(function Reader({article, scroll, quote, starred, textWidth, left, width, height}: Props) {
  const theme = useTheme();
  const lines = readerLines(article, textWidth);
  const quotes = readerQuotes(article, textWidth);
  const current = quote !== null ? quotes[quote] : undefined;
  const q = current ? article.quotes[current.index] : undefined;
  const rows = Math.max(1, height - 1);
  const top = Math.max(0, Math.min(scroll, lines.length - rows));
  const end = Math.min(lines.length, top + rows);
  const where = lines.length <= rows ? 'all' : end >= lines.length ? 'end' : `${Math.round((end / lines.length) * 100)}%`;
  const detail = [where, `lines ${top + 1}-${end} of ${lines.length}`];
  if (q && quote !== null) detail.push(`quote ${quote + 1}/${quotes.length}${q.speakerName ? `: ${q.speakerName}` : ''}`);
  else if (quotes.length) detail.push(`${quotes.length} quotes: ] next`);
  const margin = ' '.repeat(left);
  const shown = lines.slice(top, end).map((l) => {
    const line = q && l.paragraph === q.paragraph && l.start < q.paraEnd && l.end > q.paraStart ? emphasise(l, q.paraStart, q.paraEnd) : l.line;
    return margin + paint(theme, line, textWidth);
  });
  return <Lines lines={[paneTitle(theme, `Reader${starred ? ' ★' : ''}`, detail.join(' · '), true, width), ...shown]} height={height} width={width} />;
});
