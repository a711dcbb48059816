// Related articles: each with its headline and why it is related ("shares Kishida, North Korea").
import {Box} from 'ink';
import type {Corpus} from '../../corpus/types.js';
import type {Article} from '../../types.js';
import {Line, Styled} from './Line.js';
import {PaneTitle} from './PaneTitle.js';

interface Props {
  corpus: Corpus;
  article: Article | null;
  index: number;
  focused: boolean;
  width: number;
  height: number;
}

export function RelatedPane({corpus, article, index, focused, width, height}: Props) {
  const related = article ? corpus.related(article.id) : [];
  const body = Math.max(0, height - 1);
  const inner = Math.max(1, width - 1);
  const perItem = body >= related.length * 2 || body >= 4 ? 2 : 1;
  const fits = Math.max(1, Math.floor(body / perItem));
  const top = Math.max(0, Math.min(index - fits + 1, related.length - fits));
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      <PaneTitle title="Related" detail={related.length ? `${related.length}` : undefined} focused={focused} width={width} />
      <Box flexDirection="column" paddingLeft={1}>
        {!article ? null : related.length === 0 ? (
          <Styled text="Nothing related among the loaded articles." role="muted" width={inner} />
        ) : (
          related.slice(Math.max(0, top), Math.max(0, top) + fits).map((r, i) => {
            const n = Math.max(0, top) + i;
            const selected = focused && n === index;
            const headline = corpus.byId.get(r.id)?.headline ?? r.id;
            return (
              <Box key={r.id} flexDirection="column">
                <Line line={[{text: selected ? '▸ ' : '  ', role: 'key'}, {text: headline, role: null}]} width={inner} base={selected ? 'selected' : null} pad={selected} />
                {perItem === 2 ? <Line line={[{text: '  ' + r.reason, role: 'muted'}]} width={inner} /> : null}
              </Box>
            );
          })
        )}
      </Box>
    </Box>
  );
}
