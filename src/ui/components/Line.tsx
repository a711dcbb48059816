// Draws pre-painted lines (see paint.ts): ONE Ink <Text> per screen line, exactly `height` rows
// (blank rows filled), so a pane keeps its size without Ink clipping (which re-measures and
// slices every line of every frame).
import {Box, Text} from 'ink';
import {memo} from 'react';

interface Props {
  lines: readonly string[];
  /** Rows to take: longer content is cut, shorter is padded with blank rows. */
  height: number;
  /** Columns to take (the pane's width). */
  width: number;
  /** Blank columns left of the text. */
  left?: number;
}

export const Lines = memo(function Lines({lines, height, width, left = 0}: Props) {
  const rows = [];
  for (let i = 0; i < height; i++) {
    // An empty line still takes its row (Ink drops empty text).
    rows.push(<Text key={i}>{lines[i] || ' '}</Text>);
  }
  return (
    <Box flexDirection="column" width={width} height={height} paddingLeft={left} flexShrink={0}>
      {rows}
    </Box>
  );
}, sameLines);

function sameLines(a: Props, b: Props): boolean {
  if (a.height !== b.height || a.width !== b.width || a.left !== b.left || a.lines.length !== b.lines.length) return false;
  for (let i = 0; i < a.lines.length; i++) if (a.lines[i] !== b.lines[i]) return false;
  return true;
}
