// Related articles: each with its headline and why it is related ("shares Kishida, North Korea").
import {memo} from 'react';
import type {Corpus} from '../../corpus/types.js';
import type {Article} from '../../types.js';
import {paint, paintText, paneTitle} from '../paint.js';
import {useTheme} from '../theme.js';
import {Lines} from './Line.js';

interface Props {
  corpus: Corpus;
  article: Article | null;
  index: number;
  focused: boolean;
  width: number;
  height: number;
}

export const RelatedPane = memo(function RelatedPane({corpus, article, index, focused, width, height}: Props) {
  const theme = useTheme();
  const related = article ? corpus.related(article.id) : [];
  const body = Math.max(0, height - 1);
  const inner = Math.max(1, width - 1);
  const perItem = body >= related.length * 2 || body >= 4 ? 2 : 1;
  const fits = Math.max(1, Math.floor(body / perItem));
  const top = Math.max(0, Math.min(index - fits + 1, related.length - fits));
  const lines = [paneTitle(theme, 'Related', related.length ? `${related.length}` : undefined, focused, width)];
  if (article && related.length === 0) lines.push(' ' + paintText(theme, 'Nothing related among the loaded articles.', 'muted', inner));
  related.slice(top, top + fits).forEach((r, i) => {
    const selected = focused && top + i === index;
    const headline = corpus.byId.get(r.id)?.headline ?? r.id;
    lines.push(' ' + paint(theme, [{text: selected ? '▸ ' : '  ', role: 'key'}, {text: headline, role: null}], inner, {base: selected ? 'selected' : null, pad: selected}));
    if (perItem === 2) lines.push(' ' + paintText(theme, '  ' + r.reason, 'muted', inner));
  });
  return <Lines lines={lines} height={height} width={width} />;
});
