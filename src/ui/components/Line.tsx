// Draws one line of painted segments, cut to a width in display columns, optionally padded so a
// selection bar spans the whole row.
import {Text} from 'ink';
import type {Line as LineData, Paint} from '../model.js';
import {useTheme, type Style, type Theme} from '../theme.js';
import {truncateSegments, width as displayWidth} from '../text.js';

export function styleOf(theme: Theme, paint: Paint | null | undefined): Style {
  if (!paint) return {};
  if (paint.startsWith('speaker')) {
    const n = Number(paint.slice(7));
    return theme.speakers[n % theme.speakers.length]!;
  }
  return theme.roles[paint as keyof Theme['roles']] ?? {};
}

interface Props {
  line: LineData;
  width: number;
  /** Style of the whole line (selection bar). */
  base?: Paint | null;
  /** Pad with spaces to the full width (so a selection bar spans the row). */
  pad?: boolean;
}

export function Line({line, width, base, pad}: Props) {
  const theme = useTheme();
  const segments = truncateSegments(line, width);
  const used = segments.reduce((n, s) => n + displayWidth(s.text), 0);
  // An empty line still takes its row (Ink drops empty text).
  const filler = pad && used < width ? ' '.repeat(width - used) : used === 0 ? ' ' : '';
  return (
    <Text wrap="truncate-end" {...styleOf(theme, base)}>
      {segments.map((s, i) => (
        <Text key={i} {...styleOf(theme, s.role)}>
          {s.text}
        </Text>
      ))}
      {filler}
    </Text>
  );
}

/** Text in one role, cut to a width. */
export function Styled({text, role, width}: {text: string; role?: Paint | null; width: number}) {
  return <Line line={[{text, role: role ?? null}]} width={width} />;
}
