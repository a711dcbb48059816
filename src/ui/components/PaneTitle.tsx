// A pane's title row: the name (inverse when the pane has focus), a detail, a rule to the edge.
import {Text} from 'ink';
import {useTheme} from '../theme.js';
import {truncate, width as displayWidth} from '../text.js';

interface Props {
  title: string;
  detail?: string;
  focused: boolean;
  width: number;
}

export function PaneTitle({title, detail, focused, width}: Props) {
  const theme = useTheme();
  const name = truncate(` ${title} `, width);
  const rest = Math.max(0, width - displayWidth(name));
  const info = detail ? truncate(` ${detail} `, Math.max(0, rest - 2)) : '';
  const rule = '─'.repeat(Math.max(0, rest - displayWidth(info) - (info ? 1 : 0)));
  return (
    <Text wrap="truncate-end">
      <Text {...(focused ? theme.roles.titleFocused : theme.roles.title)}>{name}</Text>
      {info ? <Text {...theme.roles.muted}>{'─' + info}</Text> : null}
      <Text {...theme.roles.muted}>{rule}</Text>
    </Text>
  );
}
