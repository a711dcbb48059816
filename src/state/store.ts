// The interface between the app and saved reading state. The UI and the reducer only ever see
// this; src/cli/ provides the file-backed implementation (conf + lock + atomic writes), tests use
// the in-memory one.

export interface ArticleState {
  read: boolean;
  /** ms since epoch of the last change to `read`; 0 when never set. */
  readAt: number;
  starred: boolean;
  starredAt: number;
  /** Reader scroll position (first visible line). */
  position: number;
  positionAt: number;
  /** Corpus person id last picked in the quotes pane, or null. */
  leader: string | null;
  leaderAt: number;
}

export type PaneName = 'list' | 'summary' | 'quotes' | 'related';

export interface GlobalState {
  lastArticle: string | null;
  lastQuery: string;
  focusedPane: PaneName;
}

export interface ReadingStore {
  /** State of one article; undefined when nothing was ever saved for it. */
  get(id: string): ArticleState | undefined;
  setRead(id: string, read: boolean): void;
  setStarred(id: string, starred: boolean): void;
  setPosition(id: string, position: number): void;
  setLeader(id: string, leader: string | null): void;
  global(): GlobalState;
  setGlobal(patch: Partial<GlobalState>): void;
  /** True when the file was written by a newer schema: changes are kept in memory only. */
  readonly readOnly: boolean;
  /** Things the user must be told (a corrupt file moved aside, read-only mode). */
  readonly warnings: readonly string[];
  /** Called after every change (for re-rendering); returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Write pending changes now. */
  flush(): Promise<void> | void;
}

export const emptyArticleState = (): ArticleState => ({
  read: false,
  readAt: 0,
  starred: false,
  starredAt: 0,
  position: 0,
  positionAt: 0,
  leader: null,
  leaderAt: 0,
});
