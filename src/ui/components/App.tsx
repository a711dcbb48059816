// The loaded app: the controller (state + reducer + effects), the input hook, and the screen for
// the current view: browse, reader, an overlay; the status bar below; too-small notice instead.
import {Box} from 'ink';
import {useMemo} from 'react';
import type {Corpus, LoadFailure} from '../../corpus/types.js';
import type {SearchEngine} from '../../search/types.js';
import type {ReadingStore} from '../../state/store.js';
import {createEnv} from '../env.js';
import {useAppController} from '../hooks/use-app-controller.js';
import {useKeys} from '../hooks/use-keys.js';
import {contextsOf, hintsFor} from '../keymap.js';
import {frameFor} from '../layout.js';
import {Browse} from './Browse.js';
import {FailuresOverlay} from './FailuresOverlay.js';
import {HelpOverlay} from './HelpOverlay.js';
import {Reader} from './Reader.js';
import {StatusBar} from './StatusBar.js';
import {TooSmall} from './TooSmall.js';

export interface AppProps {
  corpus: Corpus;
  engine: SearchEngine;
  store: ReadingStore;
  failures: readonly LoadFailure[];
  columns: number;
  rows: number;
  onQuit(): void;
}

export function App({corpus, engine, store, failures, columns, rows, onQuit}: AppProps) {
  const env = useMemo(() => createEnv(corpus, store, () => failures.length), [corpus, store, failures]);
  const frame = useMemo(() => frameFor(columns, rows), [columns, rows]);
  const {state, results, storeVersion, unread, current, dispatch} = useAppController({corpus, engine, store, env, layout: frame.layout, onQuit});
  useKeys(current, dispatch);

  if (frame.tooSmall) return <TooSmall columns={columns} rows={rows} />;
  const reading = state.view === 'reader' && state.reader ? corpus.byId.get(state.reader.id) : undefined;
  let screen;
  if (state.overlay?.kind === 'help') {
    screen = <HelpOverlay filter={state.overlay.filter} typing={state.overlay.typing} scroll={state.overlay.scroll} width={columns} height={frame.body} />;
  } else if (state.overlay?.kind === 'failures') {
    screen = <FailuresOverlay failures={failures} scroll={state.overlay.scroll} width={columns} height={frame.body} />;
  } else if (reading && state.reader) {
    screen = (
      <Reader
        article={reading}
        scroll={state.reader.scroll}
        quote={state.reader.quote}
        starred={env.flags(reading.id).starred}
        textWidth={frame.layout.readerWidth}
        left={frame.readerLeft}
        width={columns}
        height={frame.body}
      />
    );
  } else {
    screen = <Browse corpus={corpus} env={env} state={state} results={results} frame={frame} version={storeVersion} />;
  }
  const focus = state.focus === 'quotes' && state.quotes.picked === null ? 'quotes' : state.focus;
  return (
    <Box flexDirection="column" width={columns} height={frame.rows}>
      {screen}
      <StatusBar
        loaded={corpus.articles.length}
        shown={state.ids.length}
        unread={unread}
        query={state.resultsQuery}
        queryError={state.queryError}
        stale={state.stale}
        failures={failures.length}
        warnings={store.warnings}
        hints={hintsFor(contextsOf({...state, focus}))}
        width={columns}
      />
    </Box>
  );
}
