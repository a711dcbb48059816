// The help overlay, generated from the keymap, filtered as you type after `/`.
import {memo} from 'react';
import {helpLines} from '../keymap.js';
import {paint, paintText, paneTitle} from '../paint.js';
import {fit} from '../text.js';
import {useTheme} from '../theme.js';
import {Lines} from './Line.js';

interface Props {
  filter: string;
  typing: boolean;
  scroll: number;
  width: number;
  height: number;
}

export const HelpOverlay = memo(function HelpOverlay({filter, typing, scroll, width, height}: Props) {
  const theme = useTheme();
  const lines = helpLines(filter);
  const rows = Math.max(1, height - 2);
  const keyWidth = Math.min(18, Math.max(8, Math.floor(width / 4)));
  const out = [
    paneTitle(theme, 'Help: keys', `${lines.length} shown · Esc closes`, true, width),
    paint(theme, [{text: ' / ', role: 'key'}, filter || typing ? {text: filter, role: null} : {text: 'filter the keys', role: 'muted'}, {text: typing ? ' ' : '', role: 'selected'}], width),
  ];
  if (lines.length === 0) out.push(paintText(theme, ` No key matches “${filter}”.`, 'muted', width));
  for (const l of lines.slice(scroll, scroll + rows)) out.push(paint(theme, [{text: ' ' + fit(l.keys, keyWidth), role: 'key'}, {text: l.help, role: null}], width));
  return <Lines lines={out} height={height} width={width} />;
});
