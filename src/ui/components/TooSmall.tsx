// Below the minimum size a notice replaces the screen (instead of garbage).
import {Box, Text} from 'ink';
import {MIN_COLUMNS, MIN_ROWS} from '../layout.js';
import {useTheme} from '../theme.js';

export function TooSmall({columns, rows}: {columns: number; rows: number}) {
  const theme = useTheme();
  return (
    <Box flexDirection="column" width={columns} height={Math.max(1, rows - 1)}>
      <Text wrap="wrap" {...theme.roles.warning}>
        Terminal too small: {columns}x{rows}.
      </Text>
      <Text wrap="wrap">
        briefing needs at least {MIN_COLUMNS}x{MIN_ROWS}. Enlarge the window; q quits.
      </Text>
    </Box>
  );
}
