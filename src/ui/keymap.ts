// The one keymap: which key runs which named command where. The input hook, the help overlay and
// the status-bar hints are all generated from this table, so they cannot disagree.
import type {Key} from 'ink';
import type {AppState, CommandName} from '../state/app/types.js';

/** Where a key is pressed. `browse` holds the keys shared by the four panes of the main screen. */
export type KeyContext = 'browse' | 'list' | 'summary' | 'quotes' | 'related' | 'search' | 'reader' | 'overlay';

export interface Binding {
  command: CommandName;
  /** Key names as `keyName` produces them: `j`, `down`, `shift-tab`, `ctrl-c`, `space`. */
  keys: readonly string[];
  /** Short label for the status bar. */
  hint: string;
  /** One line for the help overlay. */
  help: string;
  contexts: readonly KeyContext[];
  /** Status-bar priority in these contexts (lower first); absent: help only. */
  hintIn?: Partial<Record<KeyContext, number>>;
  /** Key names this binding takes besides `keys` (`keys` then only names them for people: `1-9`). */
  match?: (name: string) => boolean;
}

/** The leader picker's row for a digit key (`1` -> 0), or null. */
export const digitRow = (name: string): number | null => (/^[1-9]$/.test(name) ? Number(name) - 1 : null);

const ALL: readonly KeyContext[] = ['browse', 'search', 'reader', 'overlay'];
const MOVING: readonly KeyContext[] = ['browse', 'reader', 'overlay'];

export const KEYMAP: readonly Binding[] = [
  {command: 'focusSearch', keys: ['/'], hint: 'search', help: 'search (leader:, country:, section:, is:unread, "phrase", -word); in help: filter', contexts: ['browse', 'reader', 'overlay'], hintIn: {list: 1, summary: 5, reader: 9, overlay: 2}},
  {command: 'back', keys: ['escape'], hint: 'back', help: 'leave the search box, close an overlay, go back (in the list: clear the query)', contexts: ALL, hintIn: {search: 3, reader: 1, overlay: 1, quotes: 6}},
  {command: 'down', keys: ['j', 'down'], hint: 'down', help: 'move down', contexts: [...MOVING, 'search'], hintIn: {list: 0, reader: 2, related: 1, quotes: 1}},
  {command: 'up', keys: ['k', 'up'], hint: 'up', help: 'move up', contexts: [...MOVING, 'search']},
  {command: 'pageDown', keys: ['pagedown', 'space'], hint: 'page', help: 'page down', contexts: MOVING, hintIn: {reader: 3}},
  {command: 'pageUp', keys: ['pageup'], hint: 'page up', help: 'page up', contexts: MOVING},
  {command: 'top', keys: ['g', 'home'], hint: 'top', help: 'go to the top', contexts: MOVING, hintIn: {reader: 4}},
  {command: 'bottom', keys: ['G', 'end'], hint: 'bottom', help: 'go to the bottom', contexts: MOVING, hintIn: {reader: 5}},
  {command: 'nextPane', keys: ['tab'], hint: 'next pane', help: 'next pane (list, summary, quotes, related)', contexts: ['browse', 'search'], hintIn: {list: 3, summary: 1, quotes: 4, related: 3, search: 2}},
  {command: 'prevPane', keys: ['shift-tab'], hint: 'prev pane', help: 'previous pane', contexts: ['browse', 'search']},
  {command: 'open', keys: ['enter'], hint: 'open', help: 'open the article (quotes: pick the leader, open the quote; related: open it)', contexts: ['browse', 'search'], hintIn: {list: 2, quotes: 0, related: 0, search: 1}},
  {command: 'star', keys: ['s'], hint: 'star', help: 'star or unstar the article', contexts: ['browse', 'reader'], hintIn: {list: 4, reader: 6}},
  {command: 'toggleRead', keys: ['m'], hint: 'read', help: 'mark the article read or unread', contexts: ['browse', 'reader'], hintIn: {list: 5}},
  {command: 'nextUnread', keys: ['n'], hint: 'next unread', help: 'next unread article', contexts: ['browse', 'reader'], hintIn: {list: 6, reader: 7}},
  {command: 'prevUnread', keys: ['N'], hint: 'prev unread', help: 'previous unread article', contexts: ['browse', 'reader']},
  {command: 'leaderPicker', keys: ['l'], hint: 'leaders', help: "jump to the leader picker (who said what)", contexts: ['browse', 'reader'], hintIn: {list: 7, summary: 2, reader: 8}},
  {command: 'pickLeader', keys: ['1-9'], match: (name) => digitRow(name) !== null, hint: 'pick', help: 'in the quotes pane: pick the leader on that row of the picker', contexts: ['quotes'], hintIn: {quotes: 0.5}},
  {command: 'nextQuote', keys: [']'], hint: 'next quote', help: "next quote: in the reader, the next one in the text; elsewhere, the picked leader's next", contexts: ['browse', 'reader'], hintIn: {quotes: 2, reader: 2.5}},
  {command: 'prevQuote', keys: ['['], hint: 'prev quote', help: 'previous quote (in the reader: in the text; elsewhere: of the picked leader)', contexts: ['browse', 'reader'], hintIn: {quotes: 3}},
  {command: 'focusRelated', keys: ['r'], hint: 'related', help: 'focus the related articles', contexts: ['browse', 'reader'], hintIn: {list: 8, summary: 3}},
  {command: 'failures', keys: ['f'], hint: 'failures', help: 'list the files that failed to load, with reasons', contexts: ['browse', 'overlay']},
  {command: 'help', keys: ['?'], hint: 'help', help: 'show or hide this help', contexts: ['browse', 'reader', 'overlay'], hintIn: {list: 9, summary: 9, quotes: 9, related: 9, reader: 10, overlay: 3}},
  {command: 'quit', keys: ['q', 'ctrl-c'], hint: 'quit', help: 'quit (Ctrl-C quits from anywhere)', contexts: ['browse', 'reader', 'overlay'], hintIn: {list: 10, reader: 11}},
];

/** Ctrl-C quits from anywhere, whatever the context; it is listed under `quit` above. */
export const ALWAYS: Readonly<Record<string, CommandName>> = {'ctrl-c': 'quit'};

/** The name of a key press as the keymap spells it, or null for keys it does not know. */
export function keyName(input: string, key: Key): string | null {
  if (key.ctrl && input === 'c') return 'ctrl-c';
  if (key.ctrl && input === 'u') return 'ctrl-u';
  if (key.ctrl && input === 'w') return 'ctrl-w';
  if (key.tab) return key.shift ? 'shift-tab' : 'tab';
  if (key.escape) return 'escape';
  if (key.return) return 'enter';
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.pageDown) return 'pagedown';
  if (key.pageUp) return 'pageup';
  if (key.home) return 'home';
  if (key.end) return 'end';
  if (key.backspace || key.delete) return 'backspace';
  if (input === ' ') return 'space';
  if (key.ctrl || key.meta) return null;
  return input.length > 0 ? input : null;
}

/** True for a key that types a character (what a text box takes instead of a command). */
export const isPrintable = (input: string, key: Key): boolean =>
  input.length > 0 && !key.ctrl && !key.meta && !key.escape && !key.return && !key.tab && !/[\u0000-\u001f\u007f]/.test(input);

/** The key contexts active in a state: the most specific first. */
export function contextsOf(state: AppState): KeyContext[] {
  if (state.overlay) return ['overlay'];
  if (state.view === 'reader') return ['reader'];
  if (state.focus === 'search') return ['search'];
  return [state.focus, 'browse'];
}

/** Whether the state has a text box taking keys (the search box, the help filter). */
export const takesText = (state: AppState): boolean =>
  (state.overlay === null && state.view === 'browse' && state.focus === 'search') || (state.overlay?.kind === 'help' && state.overlay.typing);

export function commandFor(name: string, contexts: readonly KeyContext[]): CommandName | null {
  if (ALWAYS[name]) return ALWAYS[name]!;
  // In a text box a character types; only named keys (Esc, Enter, arrows...) run commands.
  if (contexts.includes('search') && Array.from(name).length === 1) return null;
  for (const b of KEYMAP) if ((b.keys.includes(name) || b.match?.(name)) && b.contexts.some((c) => contexts.includes(c))) return b.command;
  return null;
}

/** How a key is shown to people. */
export function displayKey(name: string): string {
  const names: Record<string, string> = {
    escape: 'Esc', enter: 'Enter', tab: 'Tab', 'shift-tab': 'S-Tab', down: '↓', up: '↑', pagedown: 'PgDn', pageup: 'PgUp',
    space: 'Space', home: 'Home', end: 'End', 'ctrl-c': 'Ctrl-C',
  };
  return names[name] ?? name;
}

/** Status-bar hints for the contexts, in priority order: `[key, label]`. */
export function hintsFor(contexts: readonly KeyContext[]): Array<[string, string]> {
  const primary = contexts[0]!;
  return KEYMAP.filter((b) => b.hintIn?.[primary] !== undefined)
    .sort((a, b) => a.hintIn![primary]! - b.hintIn![primary]!)
    .map((b) => [displayKey(b.keys[0]!), b.hint]);
}

export interface HelpLine {
  keys: string;
  help: string;
}

/** The help overlay's lines, filtered by `filter` (matching keys, labels or descriptions). */
export function helpLines(filter = ''): HelpLine[] {
  const f = filter.trim().toLowerCase();
  return KEYMAP.map((b) => ({keys: b.keys.map(displayKey).join(' '), help: b.help}))
    .concat([{keys: 'type', help: 'in the search box every key types; Backspace erases, Ctrl-U clears, ↑/↓ move the list'}])
    .filter((l) => !f || l.keys.toLowerCase().includes(f) || l.help.toLowerCase().includes(f));
}
