// Who said what: a leader picker (ink-select-input, drawn from the reducer's state; numbered: a
// digit picks at once), then the picked leader's quotes in this article and across all loaded
// articles, each with its cue and paragraph; the selected quote kept in view.
import {Box, Text} from 'ink';
import SelectInput from 'ink-select-input';
import {memo, useMemo, type ReactElement} from 'react';
import type {Corpus, QuoteRef} from '../../corpus/types.js';
import type {QuotesState} from '../../state/app/types.js';
import type {Article} from '../../types.js';
import {leaderQuoteCounts, leaderQuotes, type Line as LineData} from '../model.js';
import {paint, paneTitle} from '../paint.js';
import {truncate, wrap} from '../text.js';
import {useTheme} from '../theme.js';
import {Lines} from './Line.js';
import {pickerLabel, pickerRowComponents} from './PickerRow.js';

interface Props {
  corpus: Corpus;
  article: Article | null;
  leaders: readonly string[];
  quotes: QuotesState;
  focused: boolean;
  width: number;
  height: number;
}

function quoteBlock(corpus: Corpus, ref: QuoteRef, here: boolean, selected: boolean, width: number): LineData[] {
  const text = wrap(`“${ref.quote.text}”`, width - 2);
  const shown = text.slice(0, selected ? 6 : 2);
  const lines: LineData[] = shown.map((l, i) => [
    {text: i === 0 ? (selected ? '▸ ' : '  ') : '  ', role: 'key'},
    {text: i === shown.length - 1 && text.length > shown.length ? truncate(l.text + ' …', width - 2) : l.text, role: selected ? 'quote' : null},
  ]);
  const where = [ref.quote.cue ?? 'no cue', ref.quote.paragraph >= 0 ? `¶${ref.quote.paragraph + 1}` : 'headline'];
  if (!here) where.push(corpus.byId.get(ref.articleId)?.headline ?? ref.articleId);
  if (ref.quote.partial) where.push('partial');
  lines.push([{text: '    — ' + where.join(' · '), role: 'muted'}]);
  return lines;
}

export const QuotesPane = memo(function QuotesPane({corpus, article, leaders, quotes, focused, width, height}: Props) {
  const theme = useTheme();
  const body = Math.max(0, height - 1);
  const inner = Math.max(1, width - 1);
  const rows = useMemo(() => pickerRowComponents(theme, focused, width), [theme, focused, width]);
  const pane = (detail: string | undefined, lines: readonly LineData[], selected = -1): ReactElement => (
    <Lines
      lines={[paneTitle(theme, 'Quotes', detail, focused, width), ...lines.map((l, i) => ' ' + paint(theme, l, inner, {base: i === selected ? 'selected' : null, pad: i === selected}))]}
      height={height}
      width={width}
    />
  );
  if (!article) return pane(undefined, []);
  if (leaders.length === 0) return pane(undefined, [[{text: 'Nobody is quoted and no leader is named in this article.', role: 'muted'}]]);
  if (quotes.picked === null) {
    const items = leaders.map((id, n) => {
      const p = corpus.personById.get(id);
      const count = leaderQuoteCounts(corpus, article.id, id);
      const role = p?.role ? `, ${p.role}` : '';
      return {value: id, label: pickerLabel(n, `${p?.name ?? id}${role} · ${count.here} here, ${count.all} in all`)};
    });
    return (
      <Box flexDirection="column" width={width} height={height} flexShrink={0}>
        <Text>{paneTitle(theme, 'Quotes', focused ? 'pick a leader: 1-9 or j/k Enter' : 'l to pick a leader', focused, width)}</Text>
        {body > 0 && (
          <SelectInput
            // SelectInput keeps the highlighted row as state from `initialIndex` on: a new key remounts
            // it whenever the reducer's index, the window or the leaders change.
            key={`${quotes.index}:${body}:${leaders.join('\u0000')}`}
            // false: keys go through our one input hook (keymap -> reducer), never to SelectInput itself.
            isFocused={false}
            items={items}
            initialIndex={quotes.index}
            limit={body}
            indicatorComponent={rows.indicator}
            itemComponent={rows.item}
          />
        )}
      </Box>
    );
  }
  const person = corpus.personById.get(quotes.picked);
  const {here, elsewhere} = leaderQuotes(corpus, article.id, quotes.picked);
  const lines: LineData[] = [];
  let selectedAt = 0;
  const section = (label: string, refs: readonly QuoteRef[], isHere: boolean, offset: number): void => {
    lines.push([{text: label, role: 'title'}]);
    if (refs.length === 0) lines.push([{text: isHere ? '  No quote of theirs in this article.' : '  None in the other loaded articles.', role: 'muted'}]);
    refs.forEach((ref, i) => {
      const selected = offset + i === quotes.quote;
      if (selected) selectedAt = lines.length;
      lines.push(...quoteBlock(corpus, ref, isHere, selected && focused, inner));
    });
  };
  section(`In this article (${here.length})`, here, true, 0);
  section(`In other articles (${elsewhere.length})`, elsewhere, false, here.length);
  const top = Math.max(0, Math.min(selectedAt - 1, lines.length - body));
  return pane(`${person?.name ?? quotes.picked}: ${here.length} here, ${here.length + elsewhere.length} in all`, lines.slice(top, top + body));
});
