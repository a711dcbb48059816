// The status bar: counts (loaded, shown, unread), the active query or its error, files that
// failed to load, reading-state warnings; then the key hints of the focused pane, from the keymap.
import {Box, Text} from 'ink';
import {useTheme} from '../theme.js';
import {truncate, width as displayWidth} from '../text.js';

interface Props {
  loaded: number;
  shown: number;
  unread: number;
  query: string;
  queryError: {message: string; at: number} | null;
  failures: number;
  warnings: readonly string[];
  hints: ReadonlyArray<[string, string]>;
  width: number;
}

export function StatusBar({loaded, shown, unread, query, queryError, failures, warnings, hints, width}: Props) {
  const theme = useTheme();
  const n = (x: number): string => x.toLocaleString('en-US');
  const parts: Array<{text: string; role: keyof typeof theme.roles}> = [
    {text: ` ${n(loaded)} loaded · ${n(shown)} shown · ${n(unread)} unread`, role: 'text'},
  ];
  if (queryError) parts.push({text: ` · query error at ${queryError.at + 1}: ${queryError.message}`, role: 'error'});
  else if (query.trim()) parts.push({text: ` · “${query.trim()}”`, role: 'match'});
  if (failures) parts.push({text: ` · ${n(failures)} failed (f: list)`, role: 'error'});
  for (const w of warnings) parts.push({text: ` · ${w}`, role: 'warning'});
  let left = width;
  const shownParts = parts.map((p) => {
    const text = truncate(p.text, Math.max(0, left));
    left -= displayWidth(text);
    return {...p, text};
  });
  const hintParts: Array<[string, string]> = [];
  let room = width - 1;
  for (const [key, label] of hints) {
    const w = displayWidth(key) + 1 + displayWidth(label) + 2;
    if (w > room) break;
    hintParts.push([key, label]);
    room -= w;
  }
  return (
    <Box flexDirection="column" height={2}>
      <Text wrap="truncate-end">
        {shownParts.map((p, i) => (
          <Text key={i} {...theme.roles[p.role]}>
            {p.text}
          </Text>
        ))}
      </Text>
      <Text wrap="truncate-end">
        {' '}
        {hintParts.map(([key, label]) => (
          <Text key={key}>
            <Text {...theme.roles.key}>{key}</Text>
            <Text {...theme.roles.muted}>{` ${label}  `}</Text>
          </Text>
        ))}
      </Text>
    </Box>
  );
}
