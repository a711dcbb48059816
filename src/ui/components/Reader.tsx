// The article reader: the full text, quotes painted in their speaker's colour, a position marker.
import {Box} from 'ink';
import type {Article} from '../../types.js';
import {readerLines} from '../model.js';
import {Line} from './Line.js';
import {PaneTitle} from './PaneTitle.js';

interface Props {
  article: Article;
  scroll: number;
  starred: boolean;
  /** Columns of text and the margin left of it. */
  textWidth: number;
  left: number;
  width: number;
  height: number;
}

export function Reader({article, scroll, starred, textWidth, left, width, height}: Props) {
  const lines = readerLines(article, textWidth);
  const rows = Math.max(1, height - 1);
  const top = Math.max(0, Math.min(scroll, lines.length - rows));
  const end = Math.min(lines.length, top + rows);
  const where = lines.length <= rows ? 'all' : end >= lines.length ? 'end' : `${Math.round((end / lines.length) * 100)}%`;
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      <PaneTitle title={`Reader${starred ? ' ★' : ''}`} detail={`${where} · lines ${top + 1}-${end} of ${lines.length}`} focused width={width} />
      <Box flexDirection="column" paddingLeft={left}>
        {lines.slice(top, end).map((l, i) => (
          <Line key={top + i} line={l.line} width={textWidth} />
        ))}
      </Box>
    </Box>
  );
}
