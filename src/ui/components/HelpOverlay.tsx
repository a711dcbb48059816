// The help overlay, generated from the keymap, filtered as you type after `/`.
import {Box, Text} from 'ink';
import {helpLines} from '../keymap.js';
import {useTheme} from '../theme.js';
import {fit, truncate} from '../text.js';
import {PaneTitle} from './PaneTitle.js';

interface Props {
  filter: string;
  typing: boolean;
  scroll: number;
  width: number;
  height: number;
}

export function HelpOverlay({filter, typing, scroll, width, height}: Props) {
  const theme = useTheme();
  const lines = helpLines(filter);
  const rows = Math.max(1, height - 2);
  const keyWidth = Math.min(18, Math.max(8, Math.floor(width / 4)));
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      <PaneTitle title="Help: keys" detail={`${lines.length} shown · Esc closes`} focused width={width} />
      <Text wrap="truncate-end">
        <Text {...theme.roles.key}> / </Text>
        {filter || typing ? <Text>{filter}</Text> : <Text {...theme.roles.muted}>filter the keys</Text>}
        {typing ? <Text inverse> </Text> : null}
      </Text>
      {lines.length === 0 ? <Text {...theme.roles.muted}>{truncate(` No key matches “${filter}”.`, width)}</Text> : null}
      {lines.slice(scroll, scroll + rows).map((l) => (
        <Text key={l.keys + l.help} wrap="truncate-end">
          <Text {...theme.roles.key}>{' ' + fit(l.keys, keyWidth)}</Text>
          <Text>{truncate(l.help, Math.max(1, width - keyWidth - 2))}</Text>
        </Text>
      ))}
    </Box>
  );
}
