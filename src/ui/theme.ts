// Semantic colour roles. Components ask for a role (`match`, `unread`), never for a colour, so the
// app reads on dark and light terminals (only the 8 named ANSI colours, which follow the
// terminal's palette; no hard-coded greys: "muted" is the terminal's dim) and NO_COLOR keeps the
// meaning with bold, underline and inverse alone.
import {createContext, useContext} from 'react';

export interface Style {
  color?: string;
  bold?: boolean;
  dimColor?: boolean;
  inverse?: boolean;
  underline?: boolean;
  italic?: boolean;
}

export type Role =
  | 'text'
  | 'muted'
  | 'title'
  | 'titleFocused'
  | 'selected'
  | 'selectedDim'
  | 'match'
  | 'unread'
  | 'star'
  | 'section'
  | 'leader'
  | 'country'
  | 'warning'
  | 'error'
  | 'key'
  | 'quote';

export interface Theme {
  color: boolean;
  roles: Record<Role, Style>;
  /** Styles for quoted speech in the reader, one per speaker (cycled). */
  speakers: readonly Style[];
}

export function createTheme(options: {color: boolean}): Theme {
  if (!options.color) {
    return {
      color: false,
      roles: {
        text: {},
        muted: {dimColor: true},
        title: {bold: true},
        titleFocused: {bold: true, inverse: true},
        selected: {inverse: true},
        selectedDim: {underline: true},
        match: {bold: true, underline: true},
        unread: {bold: true},
        star: {bold: true},
        section: {dimColor: true},
        leader: {bold: true},
        country: {underline: true},
        warning: {bold: true},
        error: {bold: true},
        key: {bold: true},
        quote: {italic: true},
      },
      speakers: [{underline: true}, {bold: true}, {italic: true}, {underline: true, bold: true}],
    };
  }
  return {
    color: true,
    roles: {
      text: {},
      muted: {dimColor: true},
      title: {bold: true, color: 'blue'},
      titleFocused: {bold: true, color: 'cyan', inverse: true},
      selected: {inverse: true},
      selectedDim: {underline: true},
      match: {bold: true, color: 'yellow', underline: true},
      unread: {color: 'cyan', bold: true},
      star: {color: 'yellow', bold: true},
      section: {color: 'magenta'},
      leader: {color: 'green', bold: true},
      country: {color: 'blue'},
      warning: {color: 'yellow'},
      error: {color: 'red', bold: true},
      key: {color: 'cyan', bold: true},
      quote: {italic: true},
    },
    speakers: [{color: 'cyan'}, {color: 'magenta'}, {color: 'green'}, {color: 'yellow'}, {color: 'blue'}, {color: 'red'}],
  };
}

/** NO_COLOR (any non-empty value, https://no-color.org) or a dumb terminal turns colour off. */
export function colorWanted(env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return true;
}

export const ThemeContext = createContext<Theme>(createTheme({color: true}));
export const useTheme = (): Theme => useContext(ThemeContext);
