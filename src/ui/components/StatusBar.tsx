// The status bar: counts (loaded, shown, unread), the active query or its error, a note when an
// is: list is stale, files that failed to load, reading-state warnings; then the key hints of the
// focused pane, from the keymap.
import {memo} from 'react';
import type {Line as LineData} from '../model.js';
import {paint} from '../paint.js';
import {width as displayWidth} from '../text.js';
import {useTheme} from '../theme.js';
import {Lines} from './Line.js';

interface Props {
  loaded: number;
  shown: number;
  unread: number;
  query: string;
  queryError: {message: string; at: number} | null;
  /** The results answer flags (is:unread...) that changed since: the list is as of the search. */
  stale: boolean;
  failures: number;
  warnings: readonly string[];
  hints: ReadonlyArray<readonly [string, string]>;
  width: number;
}

export const StatusBar = memo(function StatusBar({loaded, shown, unread, query, queryError, stale, failures, warnings, hints, width}: Props) {
  const theme = useTheme();
  const n = (x: number): string => x.toLocaleString('en-US');
  const status: LineData = [{text: ` ${n(loaded)} loaded · ${n(shown)} shown · ${n(unread)} unread`, role: 'text'}];
  if (queryError) status.push({text: ` · query error at ${queryError.at + 1}: ${queryError.message}`, role: 'error'});
  else if (query.trim()) status.push({text: ` · “${query.trim()}”`, role: 'match'});
  if (stale) status.push({text: ' · list as of the search (/ Enter refreshes)', role: 'warning'});
  if (failures) status.push({text: ` · ${n(failures)} failed (f: list)`, role: 'error'});
  for (const w of warnings) status.push({text: ` · ${w}`, role: 'warning'});
  const hintLine: LineData = [{text: ' ', role: null}];
  let room = width - 1;
  for (const [key, label] of hints) {
    const w = displayWidth(key) + 1 + displayWidth(label) + 2;
    if (w > room) break;
    hintLine.push({text: key, role: 'key'}, {text: ` ${label}  `, role: 'muted'});
    room -= w;
  }
  return <Lines lines={[paint(theme, status, width), paint(theme, hintLine, width)]} height={2} width={width} />;
}, (a, b) => (Object.keys(a) as Array<keyof Props>).every((k) => (k === 'hints' ? a.hints.join('|') === b.hints.join('|') : a[k] === b[k])));
