// Shown while the files are parsed: files parsed out of the total, and a bar.
import {Box, Text} from 'ink';
import {useTheme} from '../theme.js';
import {truncate} from '../text.js';

export interface Progress {
  done: number;
  total: number;
  /** What is happening: `parsing`, `reading the cache`, `indexing`. */
  stage: string;
}

export function LoadingScreen({progress, width, height}: {progress: Progress; width: number; height: number}) {
  const theme = useTheme();
  const {done, total, stage} = progress;
  const barWidth = Math.max(10, Math.min(50, width - 10));
  const filled = total > 0 ? Math.round((done / total) * barWidth) : 0;
  const n = (x: number): string => x.toLocaleString('en-US');
  return (
    <Box flexDirection="column" height={height} justifyContent="center" alignItems="center">
      <Text {...theme.roles.title}>briefing</Text>
      <Text>{truncate(`Loading articles: ${n(done)} / ${n(total)} files (${stage})`, width - 2)}</Text>
      <Text>
        <Text {...theme.roles.key}>{'█'.repeat(filled)}</Text>
        <Text {...theme.roles.muted}>{'░'.repeat(barWidth - filled)}</Text>
      </Text>
      <Text {...theme.roles.muted}>q or Ctrl-C quits</Text>
    </Box>
  );
}
