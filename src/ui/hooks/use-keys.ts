// The one input hook: key -> command (through the keymap) -> reducer action. While a text box
// has the keys (the search box, the help filter) a printable key types; it never runs a command.
import {useInput} from 'ink';
import type {Action, AppState} from '../../state/app/types.js';
import {commandFor, contextsOf, isPrintable, keyName, takesText} from '../keymap.js';

export function useKeys(current: () => AppState, dispatch: (action: Action) => void): void {
  useInput((input, key) => {
    const state = current();
    const name = keyName(input, key);
    if (takesText(state) && name !== 'ctrl-c') {
      if (name === 'backspace') return dispatch({type: 'erase'});
      if (name === 'ctrl-u') return dispatch({type: 'clearText'});
      if (isPrintable(input, key)) return dispatch({type: 'type', text: input});
    }
    if (name === null) return;
    const command = commandFor(name, contextsOf(state));
    if (command) dispatch({type: 'command', command});
  });
}
