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
  /** Bumped when the reading store changes (for counts derived from it). */
  storeVersion: number;
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

  const apply = useCallback(
    (effects: readonly Effect[]) => {
      for (const e of effects) {
        switch (e.kind) {
          case 'setRead':
            store.setRead(e.id, e.read);
            break;
          case 'setStarred':
            store.setStarred(e.id, e.starred);
            break;
          case 'setPosition':
            store.setPosition(e.id, e.position);
            break;
          case 'setLeader':
            store.setLeader(e.id, e.leader);
            break;
          case 'setGlobal':
            store.setGlobal(e.patch);
            break;
          case 'quit':
            onQuit();
            break;
        }
      }
    },
    [store, onQuit],
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
  const storeVersion = useRef(0);
  useEffect(
    () =>
      store.subscribe(() => {
        storeVersion.current++;
        rerender();
      }),
    [store],
  );
  const current = useCallback(() => stateRef.current!, []);

  return {state: stateRef.current, results: results.current, storeVersion: storeVersion.current, current, dispatch};
}
