// Who said what: a leader picker (ink-select-input, drawn from the reducer's state), then the
// picked leader's quotes in this article and across all loaded articles, each with its cue and
// paragraph; the selected quote kept in view.
import {Box, Text} from 'ink';
import SelectInput from 'ink-select-input';
import type {Corpus, QuoteRef} from '../../corpus/types.js';
import type {QuotesState} from '../../state/app/types.js';
import type {Article} from '../../types.js';
import {leaderQuotes, type Line as LineData} from '../model.js';
import {useTheme} from '../theme.js';
import {truncate, wrap} from '../text.js';
import {Line, Styled} from './Line.js';
import {PaneTitle} from './PaneTitle.js';

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

export function QuotesPane({corpus, article, leaders, quotes, focused, width, height}: Props) {
  const theme = useTheme();
  const body = Math.max(0, height - 1);
  const inner = Math.max(1, width - 1);
  const title = (detail?: string) => <PaneTitle title="Quotes" detail={detail} focused={focused} width={width} />;
  const frame = (detail: string | undefined, content: React.ReactNode) => (
    <Box flexDirection="column" height={height} overflow="hidden">
      {title(detail)}
      <Box flexDirection="column" paddingLeft={1} height={body} overflow="hidden">
        {content}
      </Box>
    </Box>
  );
  if (!article) return frame(undefined, null);
  if (leaders.length === 0) return frame(undefined, <Styled text="Nobody is quoted and no leader is named in this article." role="muted" width={inner} />);
  if (quotes.picked === null) {
    const items = leaders.map((id) => {
      const p = corpus.personById.get(id);
      const {here, elsewhere} = leaderQuotes(corpus, article.id, id);
      const role = p?.role ? `, ${p.role}` : '';
      return {key: id, value: id, label: truncate(`${p?.name ?? id}${role} · ${here.length} here, ${here.length + elsewhere.length} in all`, inner - 2)};
    });
    return frame(
      focused ? 'pick a leader: j/k, Enter' : 'l to pick a leader',
      <SelectInput
        key={`${article.id}:${quotes.index}`}
        items={items}
        isFocused={false}
        initialIndex={quotes.index}
        limit={Math.max(1, body)}
        indicatorComponent={({isSelected}) => <Text {...theme.roles.key}>{isSelected && focused ? '▸ ' : '  '}</Text>}
        itemComponent={({isSelected, label}) => <Text {...(isSelected && focused ? theme.roles.selected : {})}>{label}</Text>}
      />,
    );
  }
  const person = corpus.personById.get(quotes.picked);
  const {here, elsewhere} = leaderQuotes(corpus, article.id, quotes.picked);
  const lines: LineData[] = [];
  let selectedAt = 0;
  const section = (label: string, refs: readonly QuoteRef[], isHere: boolean, offset: number) => {
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
  const name = person?.name ?? quotes.picked;
  return frame(
    `${name}: ${here.length} here, ${here.length + elsewhere.length} in all`,
    lines.slice(top, top + body).map((line, i) => <Line key={top + i} line={line} width={inner} />),
  );
}
