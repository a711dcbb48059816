// The files that failed to load, each with its reason.
import {Box, Text} from 'ink';
import type {LoadFailure} from '../../corpus/types.js';
import {useTheme} from '../theme.js';
import {truncate} from '../text.js';
import {PaneTitle} from './PaneTitle.js';

interface Props {
  failures: readonly LoadFailure[];
  scroll: number;
  width: number;
  height: number;
}

export function FailuresOverlay({failures, scroll, width, height}: Props) {
  const theme = useTheme();
  const rows = Math.max(1, height - 1);
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      <PaneTitle title="Files that failed to load" detail={`${failures.length} · Esc closes`} focused width={width} />
      {failures.length === 0 ? <Text {...theme.roles.muted}> Every file loaded.</Text> : null}
      {failures.slice(scroll, scroll + rows).map((f, i) => (
        // The message names the file already (`data/x.txt: binary file ...`).
        <Text key={scroll + i} wrap="truncate-end">
          <Text {...theme.roles.error}>{' ✗ '}</Text>
          <Text>{truncate(f.message.startsWith(f.source) ? f.message : `${f.source}: ${f.message}`, Math.max(1, width - 3))}</Text>
        </Text>
      ))}
    </Box>
  );
}
