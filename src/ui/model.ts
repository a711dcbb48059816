// What the panes show, computed from the corpus: the reader's wrapped lines with quotes painted by
// speaker, the summary pane's lines, the leader picker's people, a leader's quotes. Shared by the
// components (to draw) and the reducer's env (to count and clamp), so both see the same lines.
import type {Corpus, QuoteRef} from '../corpus/types.js';
import type {Article} from '../types.js';
import type {Role} from './theme.js';
import {highlight, truncate, width as displayWidth, wrap, type Segment} from './text.js';

export type Paint = Role | `speaker${number}`;
export type Line = Segment<Paint>[];

/** A tiny bounded memo: the last few (key -> value) pairs, enough for what is on screen. */
export function memo<V>(size = 64): (key: string, make: () => V) => V {
  const cache = new Map<string, V>();
  return (key, make) => {
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const value = make();
    if (cache.size >= size) cache.delete(cache.keys().next().value!);
    cache.set(key, value);
    return value;
  };
}

export function datelineText(article: Article): string {
  const d = article.dateline;
  if (!d) return '';
  return [d.place, d.date].filter(Boolean).join(', ');
}

const plain = (text: string, role: Paint | null = null): Line => [{text, role}];

export interface ReaderLine {
  line: Line;
  /** Index of the paragraph this line belongs to; -1 for the header. */
  paragraph: number;
  start: number;
  end: number;
}

/** The speakers of an article's quotes, in order of first quote: their index picks the colour. */
function speakerIndex(article: Article): Map<string, number> {
  const index = new Map<string, number>();
  for (const q of article.quotes) if (q.speaker !== null && !index.has(q.speaker)) index.set(q.speaker, index.size);
  return index;
}

const readerMemo = memo<ReaderLine[]>(32);

/** The reader's lines for an article at a width: headline, dateline, then the paragraphs with
 *  quoted words painted in their speaker's colour. */
export function readerLines(article: Article, width: number): ReaderLine[] {
  return readerMemo(`${article.id}:${width}`, () => {
    const out: ReaderLine[] = [];
    const header = (line: Line): number => out.push({line, paragraph: -1, start: 0, end: 0});
    for (const l of wrap(article.headline, width)) header(plain(l.text, 'title'));
    const meta = [article.section, datelineText(article), article.dateline?.agency, article.byline && `by ${article.byline}`].filter(Boolean).join(' · ');
    if (meta) for (const l of wrap(meta, width)) header(plain(l.text, 'muted'));
    if (article.update) for (const l of wrap(`(Update: ${article.update})`, width)) header(plain(l.text, 'muted'));
    const speakers = speakerIndex(article);
    article.paragraphs.forEach((paragraph, p) => {
      header([]);
      const ranges = article.quotes
        .filter((q) => q.paragraph === p)
        .map((q): [number, number, Paint] => [q.paraStart, q.paraEnd, q.speaker !== null ? `speaker${speakers.get(q.speaker)!}` : 'quote'])
        .sort((a, b) => a[0] - b[0]);
      for (const l of wrap(paragraph, width)) {
        const inLine = ranges
          .filter(([s, e]) => s < l.end && e > l.start)
          .map(([s, e, r]): [number, number, Paint] => [s - l.start, e - l.start, r]);
        out.push({line: highlight(l.text, inLine), paragraph: p, start: l.start, end: l.end});
      }
    });
    return out;
  });
}

/** The reader line where a quote opens. */
export function quoteLine(article: Article, quoteIndex: number, width: number): number {
  const q = article.quotes[quoteIndex];
  if (!q) return 0;
  const lines = readerLines(article, width);
  const at = lines.findIndex((l) => l.paragraph === q.paragraph && q.paraStart < l.end);
  if (at >= 0) return at;
  return Math.max(0, lines.findIndex((l) => l.paragraph === q.paragraph));
}

export interface ReaderQuote {
  /** Index into article.quotes. */
  index: number;
  /** Reader line where it opens. */
  line: number;
}

const readerQuotesMemo = memo<readonly ReaderQuote[]>(32);

/** The quotes the reader highlights, in reading order (what `]` and `[` step through there). */
export function readerQuotes(article: Article, width: number): readonly ReaderQuote[] {
  return readerQuotesMemo(`${article.id}:${width}`, () =>
    article.quotes
      .map((q, index) => ({index, q}))
      .filter(({q}) => q.paragraph >= 0)
      .sort((a, b) => a.q.paragraph - b.q.paragraph || a.q.paraStart - b.q.paraStart)
      .map(({index}) => ({index, line: quoteLine(article, index, width)})),
  );
}

/** A reader line with the words of one quote ([start, end) in its paragraph) marked strong. */
export function emphasise(line: ReaderLine, start: number, end: number): Line {
  const from = start - line.start;
  const to = end - line.start;
  const out: Line = [];
  let at = 0;
  for (const s of line.line) {
    const a = at;
    const b = at + s.text.length;
    at = b;
    const cutFrom = Math.max(a, Math.min(b, from));
    const cutTo = Math.max(cutFrom, Math.min(b, to));
    if (cutFrom > a) out.push({...s, text: s.text.slice(0, cutFrom - a)});
    if (cutTo > cutFrom) out.push({...s, text: s.text.slice(cutFrom - a, cutTo - a), strong: true});
    if (b > cutTo) out.push({...s, text: s.text.slice(cutTo - a)});
  }
  return out;
}

/** Chips (`Fumio Kishida`, `North Korea`) laid out in lines of at most `width` columns. */
export function chipLines(items: ReadonlyArray<{text: string; role: Paint}>, width: number): Line[] {
  const lines: Line[] = [];
  let line: Line = [];
  let used = 0;
  for (const item of items) {
    const chip = truncate(`[${item.text}]`, width);
    const cols = displayWidth(chip);
    if (used > 0 && used + 1 + cols > width) {
      lines.push(line);
      line = [];
      used = 0;
    }
    if (used > 0) line.push({text: ' ', role: null});
    line.push({text: chip, role: item.role});
    used += (used > 0 ? 1 : 0) + cols;
  }
  if (line.length) lines.push(line);
  return lines;
}

const summaryMemo = memo<Line[]>(32);

/** The summary pane: headline, dateline, leader and country chips, the extractive summary. */
export function summaryLines(article: Article, width: number): Line[] {
  return summaryMemo(`${article.id}:${width}`, () => {
    const out: Line[] = [];
    for (const l of wrap(article.headline, width)) out.push(plain(l.text, 'title'));
    const meta = [article.section, datelineText(article), article.dateline?.agency].filter(Boolean).join(' · ');
    if (meta) for (const l of wrap(meta, width)) out.push(plain(l.text, 'muted'));
    const leaders = article.people.filter((p) => p.leader).map((p) => ({text: p.name, role: 'leader' as const}));
    const countries = article.countries.map((c) => ({text: c.name, role: 'country' as const}));
    const chips = chipLines([...leaders, ...countries], width);
    if (chips.length) out.push(...chips);
    else out.push(plain('No leaders or countries recognised in this article.', 'muted'));
    out.push([]);
    const summary = article.summary.length ? article.summary.join(' ') : '';
    if (summary) for (const l of wrap(summary, width)) out.push(plain(l.text));
    else out.push(plain('No summary: the article has no body text to summarise.', 'muted'));
    return out;
  });
}

/** The people the leader picker offers: leaders named in the article and anyone quoted in it,
 *  most quoted first, as corpus person ids. */
export function pickerPeople(corpus: Corpus, article: Article): string[] {
  const quoted = new Map<string, number>();
  for (const ref of corpus.quotesIn(article.id)) if (ref.personId && !ref.quote.partial) quoted.set(ref.personId, (quoted.get(ref.personId) ?? 0) + 1);
  const seen = new Set<string>();
  const rows: Array<{id: string; quotes: number; leader: boolean; mentions: number}> = [];
  for (const p of article.people) {
    const id = corpus.personOf(article.id, p.id);
    if (!id || seen.has(id)) continue;
    const quotes = quoted.get(id) ?? 0;
    if (!p.leader && quotes === 0) continue;
    seen.add(id);
    rows.push({id, quotes, leader: p.leader, mentions: p.mentions});
  }
  for (const [id, quotes] of quoted) if (!seen.has(id)) rows.push({id, quotes, leader: false, mentions: 0});
  rows.sort((a, b) => b.quotes - a.quotes || Number(b.leader) - Number(a.leader) || b.mentions - a.mentions);
  return rows.map((r) => r.id);
}

/** A leader's quotes as the quotes pane lists them: this article's first, then the others' in date
 *  order. Fragments and scare quotes inside a paraphrase (`partial`) are not quotes of theirs to
 *  list; the reader still highlights them. */
export function leaderQuotes(corpus: Corpus, articleId: string, personId: string): {here: readonly QuoteRef[]; elsewhere: readonly QuoteRef[]} {
  return memoFor(leaderMemos, corpus, () => memo<{here: readonly QuoteRef[]; elsewhere: readonly QuoteRef[]}>(32))(`${articleId}\u0000${personId}`, () => {
    const all = fullQuotes(corpus, personId);
    return {here: all.filter((q) => q.articleId === articleId), elsewhere: all.filter((q) => q.articleId !== articleId)};
  });
}

/** How many quotes the quotes pane would list for a leader: in this article, and in all. What the
 *  leader picker shows on every row, for every article the cursor passes: O(this article's
 *  quotes), with the totals counted once per corpus, never a gathering of all their quotes (at
 *  100k articles, corpus.quotesBy sorts a prolific leader's thousands of articles: ~60 ms, a
 *  dropped frame whenever the cursor reached a new leader). */
export function leaderQuoteCounts(corpus: Corpus, articleId: string, personId: string): {here: number; all: number} {
  let here = 0;
  for (const ref of corpus.quotesIn(articleId)) if (ref.personId === personId && !ref.quote.partial) here++;
  const totals = memoFor(totalMemos, corpus, () => wholeQuoteTotals(corpus));
  let all = totals.get(personId);
  if (all === undefined) totals.set(personId, (all = fullQuotes(corpus, personId).length));
  return {here, all};
}

/** Every person's whole (not partial) quotes, summed in one pass over the corpus's integer views
 *  (per article and person: that person's whole quotes there); empty for a corpus without them,
 *  whose totals are then counted from quotesBy one leader at a time. */
function wholeQuoteTotals(corpus: Corpus): Map<string, number> {
  const totals = new Map<string, number>();
  const indexes = corpus.indexes;
  if (!indexes) return totals;
  const counts = new Float64Array(corpus.people.length);
  const {personAt, personQuotes} = indexes;
  for (let e = 0; e < personAt.length; e++) {
    const k = personAt[e]!;
    if (k >= 0) counts[k]! += personQuotes[e]!;
  }
  corpus.people.forEach((p, k) => totals.set(p.id, counts[k]!));
  return totals;
}

/** A leader's own quotes (no fragments), in corpus.quotesBy's order; the last few leaders kept. */
function fullQuotes(corpus: Corpus, personId: string): readonly QuoteRef[] {
  return memoFor(fullMemos, corpus, () => memo<readonly QuoteRef[]>(16))(personId, () => corpus.quotesBy(personId).filter((q) => !q.quote.partial));
}

const leaderMemos = new WeakMap<Corpus, ReturnType<typeof memo<{here: readonly QuoteRef[]; elsewhere: readonly QuoteRef[]}>>>();
const fullMemos = new WeakMap<Corpus, ReturnType<typeof memo<readonly QuoteRef[]>>>();
const totalMemos = new WeakMap<Corpus, Map<string, number>>();

/** Per-corpus caches: ids are only unique within one corpus. */
function memoFor<T>(table: WeakMap<Corpus, T>, corpus: Corpus, make: () => T): T {
  let value = table.get(corpus);
  if (value === undefined) table.set(corpus, (value = make()));
  return value;
}
