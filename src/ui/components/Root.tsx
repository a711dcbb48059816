// What `render()` mounts: the loading screen until the corpus is ready, then the app. Reads the
// terminal size (the one place) and provides the theme.
import {useInput} from 'ink';
import type {Corpus, LoadFailure} from '../../corpus/types.js';
import type {SearchEngine} from '../../search/types.js';
import type {ReadingStore} from '../../state/store.js';
import {useTerminalSize} from '../hooks/use-terminal-size.js';
import {commandFor, keyName} from '../keymap.js';
import {frameFor} from '../layout.js';
import {ThemeContext, type Theme} from '../theme.js';
import {App} from './App.js';
import {LoadingScreen, type Progress} from './LoadingScreen.js';
import {TooSmall} from './TooSmall.js';

export type Phase =
  | {kind: 'loading'; progress: Progress}
  | {kind: 'ready'; corpus: Corpus; engine: SearchEngine; failures: readonly LoadFailure[]};

export interface RootProps {
  phase: Phase;
  store: ReadingStore;
  theme: Theme;
  onQuit(): void;
}

function Loading({progress, columns, rows, onQuit}: {progress: Progress; columns: number; rows: number; onQuit(): void}) {
  useInput((input, key) => {
    const name = keyName(input, key);
    if (name && commandFor(name, ['browse']) === 'quit') onQuit();
  });
  const frame = frameFor(columns, rows);
  if (frame.tooSmall) return <TooSmall columns={columns} rows={rows} />;
  return <LoadingScreen progress={progress} width={columns} height={frame.rows} />;
}

export function Root({phase, store, theme, onQuit}: RootProps) {
  const {columns, rows} = useTerminalSize();
  return (
    <ThemeContext.Provider value={theme}>
      {phase.kind === 'loading' ? (
        <Loading progress={phase.progress} columns={columns} rows={rows} onQuit={onQuit} />
      ) : (
        <App corpus={phase.corpus} engine={phase.engine} store={store} failures={phase.failures} columns={columns} rows={rows} onQuit={onQuit} />
      )}
    </ThemeContext.Provider>
  );
}
