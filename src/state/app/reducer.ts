// The app reducer: every command's meaning in every context, as a pure function of
// (state, action, env) returning the next state and the effects for the shell to carry out.
import type {Action, AppEnv, AppState, CommandName, Effect, Layout, PaneName, Step} from './types.js';

export const PANES: readonly PaneName[] = ['list', 'summary', 'quotes', 'related'];

export interface InitialOptions {
  ids: readonly string[];
  layout: Layout;
  lastArticle?: string | null;
  lastQuery?: string;
  focusedPane?: PaneName;
}

const clamp = (n: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, n));

export function initialState(options: InitialOptions, env: AppEnv): AppState {
  const base: AppState = {
    view: 'browse',
    focus: options.focusedPane ?? 'list',
    lastPane: options.focusedPane ?? 'list',
    overlay: null,
    query: options.lastQuery ?? '',
    resultsQuery: '',
    queryError: null,
    ids: options.ids,
    cursor: 0,
    scroll: 0,
    selectedId: null,
    layout: options.layout,
    summaryScroll: 0,
    quotes: {index: 0, picked: null, quote: 0},
    relatedIndex: 0,
    reader: null,
    stale: false,
    refresh: false,
    quitting: false,
  };
  const at = options.lastArticle ? options.ids.indexOf(options.lastArticle) : -1;
  return moveCursor(base, at >= 0 ? at : 0, env, 'center');
}

/** Keeps the cursor on screen; `center` puts it mid-window (used when jumping far). */
function scrollFor(cursor: number, scroll: number, count: number, items: number, mode: 'keep' | 'center' = 'keep'): number {
  const window = Math.max(1, items);
  const max = Math.max(0, count - window);
  if (mode === 'center') return clamp(cursor - Math.floor(window / 2), 0, max);
  let s = scroll;
  if (cursor < s) s = cursor;
  if (cursor >= s + window) s = cursor - window + 1;
  return clamp(s, 0, max);
}

/** Article-dependent sub-state for a newly selected article. */
function articleState(state: AppState, id: string | null, env: AppEnv): AppState {
  if (id === state.selectedId) return state;
  const leaders = id ? env.leaders(id) : [];
  const saved = id ? env.savedLeader(id) : null;
  const index = saved ? leaders.indexOf(saved) : -1;
  return {
    ...state,
    selectedId: id,
    summaryScroll: 0,
    relatedIndex: 0,
    quotes: index >= 0 ? {index, picked: saved, quote: 0} : {index: 0, picked: null, quote: 0},
  };
}

function moveCursor(state: AppState, to: number, env: AppEnv, mode: 'keep' | 'center' = 'keep'): AppState {
  const count = state.ids.length;
  const cursor = count === 0 ? 0 : clamp(to, 0, count - 1);
  const scroll = scrollFor(cursor, state.scroll, count, state.layout.listItems, mode);
  return articleState({...state, cursor, scroll}, state.ids[cursor] ?? null, env);
}

/** The article the article commands (star, read) act on: the open one, else the selected one. */
const target = (state: AppState): string | null => state.reader?.id ?? state.selectedId;

function openReader(state: AppState, id: string, env: AppEnv, effects: Effect[], line?: number, quote: number | null = null): AppState {
  let next = state;
  const index = state.ids.indexOf(id);
  if (index >= 0) next = moveCursor(next, index, env);
  const max = Math.max(0, env.readerLineCount(id, next.layout.readerWidth) - next.layout.readerRows);
  if (!env.flags(id).read) effects.push({kind: 'setRead', id, read: true});
  return {...next, view: 'reader', overlay: null, reader: {id, scroll: clamp(line ?? env.position(id), 0, max), quote}};
}

function findUnread(state: AppState, from: number, step: 1 | -1, env: AppEnv): number {
  for (let i = from + step; i >= 0 && i < state.ids.length; i += step) {
    const id = state.ids[i]!;
    if (id !== state.reader?.id && !env.flags(id).read) return i;
  }
  return -1;
}

/** Vertical movement by `delta` rows (Infinity for the ends) in whatever has focus. */
function move(state: AppState, delta: number, env: AppEnv): AppState {
  const {layout} = state;
  const by = (value: number, count: number): number => clamp(value + delta, 0, Math.max(0, count - 1));
  if (state.overlay) {
    const lines = state.overlay.kind === 'help' ? env.helpLineCount(state.overlay.filter) : env.failureCount();
    const max = Math.max(0, lines - layout.overlayRows);
    return {...state, overlay: {...state.overlay, scroll: clamp(state.overlay.scroll + delta, 0, max)}};
  }
  if (state.view === 'reader' && state.reader) {
    const max = Math.max(0, env.readerLineCount(state.reader.id, layout.readerWidth) - layout.readerRows);
    return {...state, reader: {...state.reader, scroll: clamp(state.reader.scroll + delta, 0, max)}};
  }
  const id = state.selectedId;
  switch (state.focus) {
    case 'search':
    case 'list':
      return moveCursor(state, state.cursor + delta, env);
    case 'summary': {
      if (!id) return state;
      const max = Math.max(0, env.summaryLineCount(id, layout.summaryWidth) - layout.summaryRows);
      return {...state, summaryScroll: clamp(state.summaryScroll + delta, 0, max)};
    }
    case 'quotes': {
      if (!id) return state;
      const {quotes} = state;
      if (quotes.picked === null) return {...state, quotes: {...quotes, index: by(quotes.index, env.leaders(id).length)}};
      return {...state, quotes: {...quotes, quote: by(quotes.quote, env.quoteCount(id, quotes.picked))}};
    }
    case 'related':
      return id ? {...state, relatedIndex: by(state.relatedIndex, env.relatedIds(id).length)} : state;
  }
}

function pickLeader(state: AppState, index: number, env: AppEnv, effects: Effect[]): AppState {
  const id = state.selectedId;
  if (!id) return state;
  const person = env.leaders(id)[index];
  if (person === undefined) return state;
  effects.push({kind: 'setLeader', id, leader: person});
  return {...state, focus: 'quotes', quotes: {index, picked: person, quote: 0}};
}

/** Lines of context kept above a quote stepped to in the reader. */
const QUOTE_CONTEXT = 2;

/** In the reader, `]`/`[` step through the quotes in the text: from the one stepped to, or from
 *  what is on screen; the quote is scrolled into view (with context above) and highlighted. */
function stepReaderQuote(state: AppState, delta: 1 | -1, env: AppEnv): AppState {
  const r = state.reader!;
  const {readerRows, readerWidth} = state.layout;
  const lines = env.readerQuoteLines(r.id, readerWidth);
  if (lines.length === 0) return state;
  let to: number;
  if (r.quote !== null) to = clamp(r.quote + delta, 0, lines.length - 1);
  else if (delta > 0) to = lines.findIndex((l) => l >= r.scroll);
  else to = lines.findLastIndex((l) => l < r.scroll + readerRows);
  if (to < 0) return state;
  const line = lines[to]!;
  const max = Math.max(0, env.readerLineCount(r.id, readerWidth) - readerRows);
  const visible = line >= r.scroll && line < r.scroll + readerRows - 1;
  const scroll = visible ? r.scroll : clamp(line - QUOTE_CONTEXT, 0, max);
  return {...state, reader: {...r, scroll, quote: to}};
}

function stepQuote(state: AppState, delta: 1 | -1, env: AppEnv, effects: Effect[]): AppState {
  if (state.view === 'reader' && state.reader && !state.overlay) return stepReaderQuote(state, delta, env);
  const id = state.selectedId;
  if (!id) return state;
  let next: AppState = {...state, view: 'browse', reader: null, focus: 'quotes', lastPane: 'quotes'};
  if (next.quotes.picked === null) {
    const picked = pickLeader(next, next.quotes.index, env, effects);
    // Picking the leader shows their first quote; stepping starts from there.
    return picked;
  }
  const count = env.quoteCount(id, next.quotes.picked!);
  next = {...next, quotes: {...next.quotes, quote: clamp(next.quotes.quote + delta, 0, Math.max(0, count - 1))}};
  return next;
}

function back(state: AppState): AppState {
  const {overlay} = state;
  if (overlay?.kind === 'help' && (overlay.typing || overlay.filter)) return {...state, overlay: {...overlay, typing: false, filter: '', scroll: 0}};
  if (overlay) return {...state, overlay: null};
  if (state.view === 'reader') return {...state, view: 'browse', reader: null};
  if (state.focus === 'search') return {...state, focus: state.lastPane};
  if (state.focus === 'quotes' && state.quotes.picked !== null) return {...state, quotes: {...state.quotes, picked: null, quote: 0}};
  if (state.focus !== 'list') return {...state, focus: 'list', lastPane: 'list'};
  if (state.query) return {...state, query: ''};
  return state;
}

function command(state: AppState, name: CommandName, env: AppEnv, effects: Effect[]): AppState {
  const page = (rows: number): number => Math.max(1, rows - 1);
  const {layout} = state;
  switch (name) {
    case 'quit':
      effects.push({kind: 'quit'});
      return {...state, quitting: true};
    case 'back':
      return back(state);
    case 'help':
      return state.overlay?.kind === 'help' ? {...state, overlay: null} : {...state, overlay: {kind: 'help', filter: '', typing: false, scroll: 0}};
    case 'failures':
      return state.overlay?.kind === 'failures' ? {...state, overlay: null} : {...state, overlay: {kind: 'failures', scroll: 0}};
    case 'focusSearch':
      if (state.overlay?.kind === 'help') return {...state, overlay: {...state.overlay, typing: true}};
      return {
        ...state,
        view: 'browse',
        reader: null,
        overlay: null,
        lastPane: state.focus === 'search' ? state.lastPane : state.focus,
        focus: 'search',
      };
    case 'down':
      return move(state, 1, env);
    case 'up':
      return move(state, -1, env);
    case 'pageDown':
      return move(state, state.overlay ? page(layout.overlayRows) : state.view === 'reader' ? page(layout.readerRows) : layout.listItems, env);
    case 'pageUp':
      return move(state, -(state.overlay ? page(layout.overlayRows) : state.view === 'reader' ? page(layout.readerRows) : layout.listItems), env);
    case 'top':
      return move(state, -Number.MAX_SAFE_INTEGER, env);
    case 'bottom':
      return move(state, Number.MAX_SAFE_INTEGER, env);
    case 'nextPane':
    case 'prevPane': {
      if (state.view === 'reader' || state.overlay) return state;
      const from = state.focus === 'search' ? -1 : PANES.indexOf(state.focus);
      const step = name === 'nextPane' ? 1 : PANES.length - 1;
      const pane = PANES[((from < 0 ? (name === 'nextPane' ? -1 : 0) : from) + step) % PANES.length]!;
      return {...state, focus: pane, lastPane: pane};
    }
    case 'open': {
      if (state.overlay) return state;
      if (state.view === 'reader') return state;
      const id = state.selectedId;
      if (state.focus === 'search') return {...state, focus: 'list', lastPane: 'list', refresh: state.stale};
      if (!id) return state;
      if (state.focus === 'quotes') {
        if (state.quotes.picked === null) return pickLeader(state, state.quotes.index, env, effects);
        const t = env.quoteTarget(id, state.quotes.picked, state.quotes.quote, layout.readerWidth);
        return t ? openReader(state, t.articleId, env, effects, t.line, t.quote) : state;
      }
      if (state.focus === 'related') {
        const rel = env.relatedIds(id)[state.relatedIndex];
        return rel ? openReader(state, rel, env, effects) : state;
      }
      return openReader(state, id, env, effects);
    }
    case 'star':
    case 'toggleRead': {
      const id = target(state);
      if (!id) return state;
      const flags = env.flags(id);
      effects.push(name === 'star' ? {kind: 'setStarred', id, starred: !flags.starred} : {kind: 'setRead', id, read: !flags.read});
      return state;
    }
    case 'nextUnread':
    case 'prevUnread': {
      const from = state.reader ? state.ids.indexOf(state.reader.id) : state.cursor;
      const found = findUnread(state, from < 0 ? (name === 'nextUnread' ? -1 : state.ids.length) : from, name === 'nextUnread' ? 1 : -1, env);
      if (found < 0) return state;
      if (state.view === 'reader') return openReader(state, state.ids[found]!, env, effects);
      return {...moveCursor(state, found, env), focus: state.focus === 'search' ? 'list' : state.focus};
    }
    case 'pickLeader':
      return state.selectedId && !state.overlay ? pickLeader({...state, view: 'browse', reader: null}, state.quotes.index, env, effects) : state;
    case 'leaderPicker':
      if (!state.selectedId) return state;
      return {...state, view: 'browse', reader: null, overlay: null, focus: 'quotes', lastPane: 'quotes', quotes: {...state.quotes, picked: null, quote: 0}};
    case 'nextQuote':
      return stepQuote(state, 1, env, effects);
    case 'prevQuote':
      return stepQuote(state, -1, env, effects);
    case 'focusRelated':
      return {...state, view: 'browse', reader: null, overlay: null, focus: 'related', lastPane: 'related'};
  }
}

function edit(state: AppState, change: (text: string) => string): AppState {
  const {overlay} = state;
  if (overlay?.kind === 'help' && overlay.typing) return {...state, overlay: {...overlay, filter: change(overlay.filter), scroll: 0}};
  if (state.focus === 'search' && !overlay) return {...state, query: change(state.query)};
  return state;
}

function results(state: AppState, action: Extract<Action, {type: 'results'}>, env: AppEnv): AppState {
  if (action.query !== state.query) return state; // stale: the query changed since
  if (action.error) return {...state, resultsQuery: action.query, queryError: action.error, refresh: false};
  const changed = action.query !== state.resultsQuery;
  const next: AppState = {...state, ids: action.ids, resultsQuery: action.query, queryError: null, stale: false, refresh: false};
  const count = action.ids.length;
  if (changed && action.query.trim() !== '') {
    // A new query: the best match goes on top, selected.
    return articleState({...next, cursor: 0, scroll: 0}, action.ids[0] ?? null, env);
  }
  const kept = state.selectedId ? action.ids.indexOf(state.selectedId) : -1;
  const cursor = kept >= 0 ? kept : clamp(state.cursor, 0, Math.max(0, count - 1));
  // Keep the selected row where it was on screen.
  const row = state.cursor - state.scroll;
  const scroll = clamp(cursor - row, 0, Math.max(0, count - state.layout.listItems));
  return articleState({...next, cursor, scroll: scrollFor(cursor, scroll, count, state.layout.listItems)}, action.ids[cursor] ?? null, env);
}

function reduce(state: AppState, action: Action, env: AppEnv, effects: Effect[]): AppState {
  switch (action.type) {
    case 'command':
      return command(state, action.command, env, effects);
    case 'type':
      return edit(state, (t) => t + action.text);
    case 'erase':
      return edit(state, (t) => Array.from(t).slice(0, -1).join(''));
    case 'clearText':
      return edit(state, () => '');
    case 'results':
      return results(state, action, env);
    case 'pickLeader':
      if (state.overlay || !state.selectedId) return state;
      return pickLeader({...state, view: 'browse', reader: null, lastPane: 'quotes'}, action.index, env, effects);
    case 'layout': {
      const next = {...state, layout: action.layout};
      const moved = moveCursor(next, next.cursor, env);
      const r = moved.reader;
      if (!r) return moved;
      const max = Math.max(0, env.readerLineCount(r.id, action.layout.readerWidth) - action.layout.readerRows);
      return {...moved, reader: {...r, scroll: clamp(r.scroll, 0, max)}};
    }
  }
}

/** A query whose results depend on reading flags (is:unread, -is:starred). */
const FLAG_QUERY = /(^|[\s(-])is:/i;

/** One step: the next state and what the shell must do (save state, quit). */
export function step(state: AppState, action: Action, env: AppEnv): Step {
  const effects: Effect[] = [];
  const next = reduce(state, action, env, effects);
  const patch: Extract<Effect, {kind: 'setGlobal'}>['patch'] = {};
  if (next.selectedId !== state.selectedId && next.selectedId !== null) patch.lastArticle = next.selectedId;
  if (next.query !== state.query) patch.lastQuery = next.query;
  if (next.focus !== state.focus && next.focus !== 'search') patch.focusedPane = next.focus;
  if (Object.keys(patch).length) effects.push({kind: 'setGlobal', patch});
  // A flag changed under a query that filters on flags: keep the rows, say the list is stale.
  if (!next.stale && FLAG_QUERY.test(next.resultsQuery) && effects.some((e) => e.kind === 'setRead' || e.kind === 'setStarred')) {
    return {state: {...next, stale: true}, effects};
  }
  if (next.reader && next.reader.id === state.reader?.id && next.reader.scroll !== state.reader.scroll) {
    effects.push({kind: 'setPosition', id: next.reader.id, position: next.reader.scroll});
  }
  return {state: next, effects};
}
