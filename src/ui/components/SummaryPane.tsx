// The summary pane: headline, dateline, leader and country chips, the extractive summary.
import {Box} from 'ink';
import type {Article} from '../../types.js';
import {summaryLines} from '../model.js';
import {Line, Styled} from './Line.js';
import {PaneTitle} from './PaneTitle.js';

interface Props {
  article: Article | null;
  scroll: number;
  focused: boolean;
  width: number;
  height: number;
}

export function SummaryPane({article, scroll, focused, width, height}: Props) {
  const body = Math.max(0, height - 1);
  const inner = Math.max(1, width - 1);
  const lines = article ? summaryLines(article, inner) : [];
  const top = Math.max(0, Math.min(scroll, lines.length - body));
  const more = lines.length > top + body ? `${top + body}/${lines.length} lines` : undefined;
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      <PaneTitle title="Summary" detail={more} focused={focused} width={width} />
      <Box flexDirection="column" paddingLeft={1}>
        {article ? (
          lines.slice(top, top + body).map((line, i) => <Line key={top + i} line={line} width={inner} />)
        ) : (
          <Styled text="No article selected." role="muted" width={inner} />
        )}
      </Box>
    </Box>
  );
}
