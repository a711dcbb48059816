// The search box above the list: the query with a cursor while typing, a placeholder otherwise,
// the position of a query error underlined, and how many articles the query shows.
import {Text} from 'ink';
import {useTheme} from '../theme.js';
import {truncate, width as displayWidth} from '../text.js';

interface Props {
  query: string;
  focused: boolean;
  error: {message: string; at: number} | null;
  shown: number;
  total: number;
  width: number;
}

export function SearchBox({query, focused, error, shown, total, width}: Props) {
  const theme = useTheme();
  const count = query.trim() ? ` ${shown.toLocaleString('en-US')}/${total.toLocaleString('en-US')}` : '';
  const room = Math.max(1, width - 2 - displayWidth(count) - (focused ? 1 : 0));
  if (!query && !focused) {
    return (
      <Text wrap="truncate-end">
        <Text {...theme.roles.key}>/ </Text>
        <Text {...theme.roles.muted}>{truncate('search: kishida, country:japan, is:unread', width - 2)}</Text>
      </Text>
    );
  }
  // Keep the end of a long query visible: that is where the typing happens.
  let shownQuery = query;
  while (displayWidth(shownQuery) > room) shownQuery = Array.from(shownQuery).slice(1).join('');
  const cut = query.length - shownQuery.length;
  const at = error ? Math.max(0, error.at - cut) : -1;
  const before = at >= 0 ? shownQuery.slice(0, at) : shownQuery;
  const bad = at >= 0 ? shownQuery.slice(at) : '';
  return (
    <Text wrap="truncate-end">
      <Text {...(focused ? theme.roles.titleFocused : theme.roles.key)}>/</Text>
      <Text> {before}</Text>
      {bad ? <Text {...theme.roles.error}>{bad}</Text> : null}
      {focused ? <Text inverse> </Text> : null}
      <Text {...theme.roles.muted}>{count}</Text>
    </Text>
  );
}
