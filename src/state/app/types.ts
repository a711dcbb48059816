// The app's behaviour as data: what the reducer holds, the actions it takes, the effects it asks
// the shell to carry out (reading-state writes, quitting), and the read-only view of the world
// (AppEnv) it consults. Pure: no terminal, no disk, no React.
import type {PaneName} from '../store.js';

export type {PaneName};
export type Focus = 'search' | PaneName;
export type View = 'browse' | 'reader';

/** Named commands: the keymap maps keys to these, the reducer gives each its meaning in context. */
export const COMMANDS = [
  'focusSearch',
  'back',
  'down',
  'up',
  'pageDown',
  'pageUp',
  'top',
  'bottom',
  'nextPane',
  'prevPane',
  'open',
  'quit',
  'star',
  'toggleRead',
  'nextUnread',
  'prevUnread',
  'leaderPicker',
  'pickLeader',
  'nextQuote',
  'prevQuote',
  'focusRelated',
  'help',
  'failures',
] as const;
export type CommandName = (typeof COMMANDS)[number];

export type Overlay =
  | {kind: 'help'; filter: string; typing: boolean; scroll: number}
  | {kind: 'failures'; scroll: number}
  | null;

/** Sizes the reducer needs to page and clamp; computed from the terminal size by ui/layout. */
export interface Layout {
  /** Articles visible in the list. */
  listItems: number;
  readerRows: number;
  readerWidth: number;
  summaryRows: number;
  summaryWidth: number;
  /** Rows of an overlay's scrolling body. */
  overlayRows: number;
}

export interface QuotesState {
  /** Highlighted row of the leader picker. */
  index: number;
  /** Corpus person id whose quotes are shown; null while picking. */
  picked: string | null;
  /** Selected quote in the picked leader's list (this article first, then the others). */
  quote: number;
}

export interface AppState {
  view: View;
  focus: Focus;
  /** The pane focus returns to when the search box is left. */
  lastPane: PaneName;
  overlay: Overlay;
  /** What is typed in the search box. */
  query: string;
  /** The query that `ids` answers (differs from `query` only between an edit and its results). */
  resultsQuery: string;
  queryError: {message: string; at: number} | null;
  /** Ids of the articles shown in the list, in rank (or corpus) order. */
  ids: readonly string[];
  cursor: number;
  /** Index of the first visible article. */
  scroll: number;
  selectedId: string | null;
  layout: Layout;
  summaryScroll: number;
  quotes: QuotesState;
  relatedIndex: number;
  /** The open article: its scroll line and the quote `]`/`[` stepped to (position in reading order). */
  reader: {id: string; scroll: number; quote: number | null} | null;
  /** Reading flags changed under a query that filters on them (is:unread): the list is as of the
   *  search, kept so the row under the cursor does not vanish; Enter in the search box refreshes. */
  stale: boolean;
  /** Asks the shell to run the search again for the same query (clears `stale`). */
  refresh: boolean;
  quitting: boolean;
}

export type Action =
  | {type: 'command'; command: CommandName}
  /** Text typed into whichever box is taking text (search box, help filter). */
  | {type: 'type'; text: string}
  | {type: 'erase'}
  | {type: 'clearText'}
  | {type: 'results'; query: string; ids: readonly string[]; error?: {message: string; at: number}}
  | {type: 'layout'; layout: Layout}
  /** Pick a leader from the picker by row (a mouse-free shortcut: the picker's digit keys). */
  | {type: 'pickLeader'; index: number};

export type Effect =
  | {kind: 'setRead'; id: string; read: boolean}
  | {kind: 'setStarred'; id: string; starred: boolean}
  | {kind: 'setPosition'; id: string; position: number}
  | {kind: 'setLeader'; id: string; leader: string | null}
  | {kind: 'setGlobal'; patch: {lastArticle?: string | null; lastQuery?: string; focusedPane?: PaneName}}
  | {kind: 'quit'};

export interface Step {
  state: AppState;
  effects: Effect[];
}

/** What the reducer may look at: reading flags, the corpus as the panes show it. */
export interface AppEnv {
  flags(id: string): {read: boolean; starred: boolean};
  position(id: string): number;
  savedLeader(id: string): string | null;
  /** Corpus person ids offered by the leader picker of an article, in display order. */
  leaders(id: string): readonly string[];
  /** Quotes the quotes pane lists for a leader picked in an article (this article, then the rest). */
  quoteCount(articleId: string, personId: string): number;
  /** The article and reader line of one of those quotes, for opening it. */
  quoteTarget(articleId: string, personId: string, index: number, width: number): {articleId: string; line: number; quote: number | null} | null;
  /** Reader lines where the article's quotes open, in reading order (what `]`/`[` step through in the reader). */
  readerQuoteLines(id: string, width: number): readonly number[];
  relatedIds(id: string): readonly string[];
  readerLineCount(id: string, width: number): number;
  summaryLineCount(id: string, width: number): number;
  helpLineCount(filter: string): number;
  failureCount(): number;
}
