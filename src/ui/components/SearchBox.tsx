// The search box above the list: the query with a cursor while typing, a placeholder otherwise,
// the position of a query error underlined, and how many articles the query shows.
import {memo} from 'react';
import {paint} from '../paint.js';
import {width as displayWidth} from '../text.js';
import {useTheme} from '../theme.js';
import {Lines} from './Line.js';

interface Props {
  query: string;
  focused: boolean;
  error: {message: string; at: number} | null;
  shown: number;
  total: number;
  width: number;
}

export const SearchBox = memo(function SearchBox({query, focused, error, shown, total, width}: Props) {
  const theme = useTheme();
  if (!query && !focused) {
    return <Lines lines={[paint(theme, [{text: '/ ', role: 'key'}, {text: 'search: kishida, country:japan, is:unread', role: 'muted'}], width)]} height={1} width={width} />;
  }
  const count = query.trim() ? ` ${shown.toLocaleString('en-US')}/${total.toLocaleString('en-US')}` : '';
  const room = Math.max(1, width - 2 - displayWidth(count) - (focused ? 1 : 0));
  // Keep the end of a long query visible: that is where the typing happens.
  let shownQuery = query;
  while (displayWidth(shownQuery) > room) shownQuery = Array.from(shownQuery).slice(1).join('');
  const cut = query.length - shownQuery.length;
  const at = error ? Math.max(0, error.at - cut) : -1;
  const line = paint(
    theme,
    [
      {text: '/', role: focused ? 'titleFocused' : 'key'},
      {text: ' ' + (at >= 0 ? shownQuery.slice(0, at) : shownQuery), role: null},
      {text: at >= 0 ? shownQuery.slice(at) : '', role: 'error'},
      {text: focused ? ' ' : '', role: 'selected'},
      {text: count, role: 'muted'},
    ],
    width,
  );
  return <Lines lines={[line]} height={1} width={width} />;
});
