// Holds the app state and runs the reducer: dispatch(action) steps the pure reducer, carries out
// its effects on the ReadingStore (and quits), and runs the search when the query changed, all
// before the one re-render, so a keystroke costs one frame.
import {useCallback, useEffect, useReducer, useRef} from 'react';
import type {Corpus} from '../../corpus/types.js';
import type {SearchEngine, SearchHit} from '../../search/types.js';
import type {ReadingStore} from '../../state/store.js';
import {initialState, step} from '../../state/app/reducer.js';
import type {Action, AppEnv, AppState, Effect, Layout} from '../../state/app/types.js';

export interface Results {
  query: string;
  /** Hits aligned with state.ids (hits[i].id === ids[i]); empty for the unfiltered list. */
  hits: readonly SearchHit[];
}

export interface Controller {
  state: AppState;
  results: Results;
  /** Bumped when reading flags (read, starred) may have changed: the dots and stars to redraw. */
  storeVersion: number;
  /** Corpus articles not marked read: counted once, then kept up to date by our own writes;
   *  recounted only when the store changes underneath (a merge from `briefing mark`, a reload). */
  unread: number;
  /** The latest state, for handlers that run between renders. */
  current(): AppState;
  dispatch(action: Action): void;
}

interface Options {
  corpus: Corpus;
  engine: SearchEngine;
  store: ReadingStore;
  env: AppEnv;
  layout: Layout;
  onQuit(): void;
}

const sameLayout = (a: Layout, b: Layout): boolean =>
  (Object.keys(a) as Array<keyof Layout>).every((k) => a[k] === b[k]);

export function useAppController({corpus, engine, store, env, layout, onQuit}: Options): Controller {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const allIds = useRef<readonly string[] | null>(null);
  const results = useRef<Results>({query: '', hits: []});

  const search = useCallback(
    (state: AppState): Action => {
      const query = state.query;
      if (query.trim() === '') {
        allIds.current ??= corpus.articles.map((a) => a.id);
        results.current = {query, hits: []};
        return {type: 'results', query, ids: allIds.current};
      }
      const flags = (id: string) => {
        const s = store.get(id);
        return s ? {read: s.read, starred: s.starred} : undefined;
      };
      const r = engine.search(query, {flags, limit: Math.max(1, corpus.articles.length)});
      if (!r.ok) return {type: 'results', query, ids: state.ids, error: {message: r.error, at: r.at}};
      results.current = {query, hits: r.hits};
      return {type: 'results', query, ids: r.hits.map((h) => h.id)};
    },
    [corpus, engine, store],
  );

  const stateRef = useRef<AppState | null>(null);
  if (stateRef.current === null) {
    // Resume: the saved query's results, with the article that was open last selected.
    const g = store.global();
    const found = search(initialState({ids: [], layout, lastQuery: g.lastQuery}, env));
    const error = found.type === 'results' ? found.error : undefined;
    const ids = found.type === 'results' && !error ? found.ids : corpus.articles.map((a) => a.id);
    const s = initialState({ids, layout, lastArticle: g.lastArticle, lastQuery: g.lastQuery, focusedPane: g.focusedPane}, env);
    stateRef.current = {...s, resultsQuery: s.query, queryError: error ?? null};
  }
  // A new terminal size re-lays out before this render (no extra frame, no lost selection).
  if (!sameLayout(stateRef.current.layout, layout)) stateRef.current = step(stateRef.current, {type: 'layout', layout}, env).state;

  // The unread count and the flags version. Our own writes say what they change: a flag write
  // adjusts the count by one and bumps the version; a position, leader or global write (every
  // cursor move saves lastArticle) changes nothing drawn from the store, so it costs no recount and
  // no extra render. Any other notification (a merge, a reload, a warning) recounts: O(articles),
  // but not per key.
  const unread = useRef<number | null>(null);
  const storeVersion = useRef(0);
  const own = useRef<'flag' | 'quiet' | null>(null);
  const warnings = useRef(store.warnings.length);
  const isRead = (id: string): boolean => store.get(id)?.read === true;
  const countUnread = (): number => {
    let n = 0;
    for (const a of corpus.articles) if (!isRead(a.id)) n++;
    return n;
  };
  const write = (kind: 'flag' | 'quiet', change: () => void): void => {
    own.current = kind;
    try {
      change();
    } finally {
      own.current = null;
    }
  };

  const apply = useCallback(
    (effects: readonly Effect[]) => {
      for (const e of effects) {
        switch (e.kind) {
          case 'setRead': {
            const was = isRead(e.id);
            write('flag', () => store.setRead(e.id, e.read));
            const now = isRead(e.id);
            if (unread.current !== null && was !== now && corpus.byId.has(e.id)) unread.current += now ? -1 : 1;
            break;
          }
          case 'setStarred':
            write('flag', () => store.setStarred(e.id, e.starred));
            break;
          case 'setPosition':
            write('quiet', () => store.setPosition(e.id, e.position));
            break;
          case 'setLeader':
            write('quiet', () => store.setLeader(e.id, e.leader));
            break;
          case 'setGlobal':
            write('quiet', () => store.setGlobal(e.patch));
            break;
          case 'quit':
            onQuit();
            break;
        }
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [store, corpus, onQuit],
  );

  const dispatch = useCallback(
    (action: Action) => {
      const before = stateRef.current!;
      let {state, effects} = step(before, action, env);
      if ((state.query !== state.resultsQuery || state.refresh) && !state.quitting) {
        const next = step(state, search(state), env);
        state = next.state;
        effects = [...effects, ...next.effects];
      }
      stateRef.current = state;
      apply(effects);
      if (state !== before) rerender();
    },
    [env, search, apply],
  );

  // Reading flags changed (here or by `briefing mark`): redraw the dots and stars.
  useEffect(
    () =>
      store.subscribe(() => {
        // A quiet write that raised a warning (read-only store) still redraws the status bar.
        const warned = store.warnings.length !== warnings.current;
        warnings.current = store.warnings.length;
        if (own.current === 'quiet' && !warned) return;
        if (own.current === null) unread.current = null; // changed underneath: recount
        storeVersion.current++;
        rerender();
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [store],
  );
  // A new corpus or store: count again.
  const counted = useRef<{corpus: Corpus; store: ReadingStore} | null>(null);
  if (counted.current?.corpus !== corpus || counted.current.store !== store) {
    counted.current = {corpus, store};
    unread.current = null;
  }
  unread.current ??= countUnread();
  const current = useCallback(() => stateRef.current!, []);

  return {state: stateRef.current, results: results.current, storeVersion: storeVersion.current, unread: unread.current, current, dispatch};
}
