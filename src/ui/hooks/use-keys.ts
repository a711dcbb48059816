// The one input hook: key -> command (through the keymap) -> reducer action. While a text box
// has the keys (the search box, the help filter) a printable key types; it never runs a command.
import {useInput, type Key} from 'ink';
import type {Action, AppState} from '../../state/app/types.js';
import {commandFor, contextsOf, digitRow, isPrintable, keyName, takesText} from '../keymap.js';

const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

function handle(input: string, key: Key, state: AppState, dispatch: (action: Action) => void): void {
  const name = keyName(input, key);
  if (takesText(state) && name !== 'ctrl-c') {
    if (name === 'backspace') return dispatch({type: 'erase'});
    if (name === 'ctrl-u') return dispatch({type: 'clearText'});
    if (isPrintable(input, key)) return dispatch({type: 'type', text: input});
  }
  if (name === null) return;
  const command = commandFor(name, contextsOf(state));
  const row = digitRow(name);
  if (command === 'pickLeader' && row !== null) dispatch({type: 'pickLeader', index: row});
  else if (command) dispatch({type: 'command', command});
}

const CONTROL: Record<string, Partial<Key>> = {
  '\r': {return: true},
  '\n': {return: true},
  '\t': {tab: true},
  '\u007f': {delete: true},
  '\b': {backspace: true},
};

/** Keys typed faster than the terminal is read (or pasted) arrive as one chunk (`/kishda`, `\r\r`).
 *  Splits a chunk without escape sequences into one key per character. */
export function splitChunk(input: string, key: Key): Array<{input: string; key: Key}> {
  if (input.length <= 1 || input.includes('\u001b') || key.ctrl || key.meta) return [{input, key}];
  const chars = Array.from(segmenter.segment(input), (s) => s.segment);
  if (chars.length <= 1) return [{input, key}];
  const plain = Object.fromEntries(Object.keys(key).map((k) => [k, false])) as unknown as Key;
  return chars.map((c) => {
    const control = CONTROL[c];
    if (control) return {input: '', key: {...plain, ...control}};
    return {input: c, key: {...plain, shift: c !== c.toLowerCase()}};
  });
}

export function useKeys(current: () => AppState, dispatch: (action: Action) => void): void {
  useInput((input, key) => {
    // One key at a time, re-reading the state: `/` opens the search box and the rest types into it.
    for (const k of splitChunk(input, key)) handle(k.input, k.key, current(), dispatch);
  });
}
