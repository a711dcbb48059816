// The files that failed to load, each with its reason.
import {memo} from 'react';
import type {LoadFailure} from '../../corpus/types.js';
import {paint, paintText, paneTitle} from '../paint.js';
import {useTheme} from '../theme.js';
import {Lines} from './Line.js';

interface Props {
  failures: readonly LoadFailure[];
  scroll: number;
  width: number;
  height: number;
}

export const FailuresOverlay = memo(function FailuresOverlay({failures, scroll, width, height}: Props) {
  const theme = useTheme();
  const rows = Math.max(1, height - 1);
  const out = [paneTitle(theme, 'Files that failed to load', `${failures.length} · Esc closes`, true, width)];
  if (failures.length === 0) out.push(paintText(theme, ' Every file loaded.', 'muted', width));
  for (const f of failures.slice(scroll, scroll + rows)) {
    // The message names the file already (`data/x.txt: binary file ...`).
    out.push(paint(theme, [{text: ' ✗ ', role: 'error'}, {text: f.message.startsWith(f.source) ? f.message : `${f.source}: ${f.message}`, role: null}], width));
  }
  return <Lines lines={out} height={height} width={width} />;
});
