// The main screen: search box and article list on the left, the selected article's summary,
// quotes and related panes on the right. Every pane is memoised: a key repaints the panes whose
// props changed, and each of those is one Text per line.
import {Box} from 'ink';
import {memo, useMemo} from 'react';
import type {Corpus} from '../../corpus/types.js';
import type {AppEnv, AppState} from '../../state/app/types.js';
import type {Results} from '../hooks/use-app-controller.js';
import type {Frame} from '../layout.js';
import {paintText} from '../paint.js';
import {useTheme} from '../theme.js';
import {ArticleList} from './ArticleList.js';
import {Lines} from './Line.js';
import {QuotesPane} from './QuotesPane.js';
import {RelatedPane} from './RelatedPane.js';
import {SearchBox} from './SearchBox.js';
import {SummaryPane} from './SummaryPane.js';

interface Props {
  corpus: Corpus;
  env: AppEnv;
  state: AppState;
  results: Results;
  frame: Frame;
  /** Bumped when reading flags change. */
  version: number;
}

const Divider = memo(function Divider({height}: {height: number}) {
  const theme = useTheme();
  const lines = useMemo(() => Array.from({length: height}, () => paintText(theme, '│', 'muted', 1)), [theme, height]);
  return <Lines lines={lines} height={height} width={1} />;
});

export function Browse({corpus, env, state, results, frame, version}: Props) {
  const article = state.selectedId ? (corpus.byId.get(state.selectedId) ?? null) : null;
  const leaders = article ? env.leaders(article.id) : [];
  const hits = results.query === state.resultsQuery ? results.hits : [];
  return (
    <Box flexDirection="row" height={frame.body}>
      <Box flexDirection="column" width={frame.left}>
        <SearchBox query={state.query} focused={state.focus === 'search'} error={state.queryError} shown={state.ids.length} total={corpus.articles.length} width={frame.left} />
        <ArticleList
          corpus={corpus}
          ids={state.ids}
          hits={hits}
          cursor={state.cursor}
          scroll={state.scroll}
          query={state.resultsQuery}
          focused={state.focus === 'list' || state.focus === 'search'}
          flags={env.flags}
          version={version}
          width={frame.left}
          height={frame.listLines}
        />
      </Box>
      <Divider height={frame.body} />
      <Box flexDirection="column" width={frame.right}>
        <SummaryPane article={article} scroll={state.summaryScroll} focused={state.focus === 'summary'} width={frame.right} height={frame.summaryLines} />
        <QuotesPane corpus={corpus} article={article} leaders={leaders} quotes={state.quotes} focused={state.focus === 'quotes'} width={frame.right} height={frame.quotesLines} />
        <RelatedPane corpus={corpus} article={article} index={state.relatedIndex} focused={state.focus === 'related'} width={frame.right} height={frame.relatedLines} />
      </Box>
    </Box>
  );
}
