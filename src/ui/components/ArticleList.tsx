// The virtualised article list: only the rows in the window are built and drawn, so 100k
// articles cost what 10 do. Honest empty states for no articles and no matches.
import {Box} from 'ink';
import type {Corpus} from '../../corpus/types.js';
import type {AppEnv} from '../../state/app/types.js';
import type {SearchHit} from '../../search/types.js';
import {ROW_LINES} from '../layout.js';
import {ArticleRow} from './ArticleRow.js';
import {Styled} from './Line.js';

interface Props {
  corpus: Corpus;
  ids: readonly string[];
  /** Aligned with ids when a query is active, else empty. */
  hits: readonly SearchHit[];
  cursor: number;
  scroll: number;
  query: string;
  focused: boolean;
  flags: AppEnv['flags'];
  width: number;
  height: number;
}

export function ArticleList({corpus, ids, hits, cursor, scroll, query, focused, flags, width, height}: Props) {
  if (ids.length === 0) {
    const message = corpus.articles.length === 0
      ? ['No articles loaded.', 'Point briefing at a folder of .txt articles: briefing PATH']
      : [`No article matches “${query.trim()}”.`, 'Esc clears the search; Backspace edits it.'];
    return (
      <Box flexDirection="column" height={height} paddingLeft={1}>
        <Styled text={message[0]!} role="text" width={width - 1} />
        <Styled text={message[1]!} role="muted" width={width - 1} />
      </Box>
    );
  }
  const count = Math.max(1, Math.floor(height / ROW_LINES));
  const rows = [];
  for (let i = scroll; i < Math.min(ids.length, scroll + count); i++) {
    const article = corpus.byId.get(ids[i]!);
    if (!article) continue;
    const f = flags(article.id);
    rows.push(
      <ArticleRow
        key={article.id}
        article={article}
        hit={hits[i]}
        read={f.read}
        starred={f.starred}
        selected={i === cursor}
        focused={focused}
        width={width}
      />,
    );
  }
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      {rows}
    </Box>
  );
}
