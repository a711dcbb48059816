import {describe, expect, it} from 'vitest';
import type {Key} from 'ink';
import {COMMANDS} from '../../src/state/app/types.js';
import {commandFor, helpLines, hintsFor, KEYMAP, keyName} from '../../src/ui/keymap.js';
import {colorWanted, createTheme} from '../../src/ui/theme.js';
import {fit, highlight, truncate, width, wrap} from '../../src/ui/text.js';
import {splitChunk} from '../../src/ui/hooks/use-keys.js';

const key = (over: Partial<Key> = {}): Key => ({upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false, ...over}) as Key;

describe('theme', () => {
  it('NO_COLOR turns every colour off but keeps emphasis', () => {
    expect(colorWanted({NO_COLOR: '1'})).toBe(false);
    expect(colorWanted({NO_COLOR: ''})).toBe(true);
    expect(colorWanted({TERM: 'dumb'})).toBe(false);
    const t = createTheme({color: false});
    for (const style of [...Object.values(t.roles), ...t.speakers]) expect(style.color).toBeUndefined();
    expect(t.roles.selected.inverse).toBe(true);
    expect(t.roles.match.bold || t.roles.match.underline).toBe(true);
  });
  it('uses only the named ANSI colours (they follow dark and light palettes), no greys', () => {
    const named = new Set(['red', 'green', 'yellow', 'blue', 'magenta', 'cyan']);
    const t = createTheme({color: true});
    for (const style of [...Object.values(t.roles), ...t.speakers]) if (style.color) expect(named.has(style.color)).toBe(true);
  });
});

describe('keymap', () => {
  it('maps the keys of the issue to their commands', () => {
    const browse = ['list', 'browse'] as const;
    const expected: Record<string, string> = {
      '/': 'focusSearch', escape: 'back', j: 'down', k: 'up', down: 'down', up: 'up', tab: 'nextPane', 'shift-tab': 'prevPane',
      enter: 'open', q: 'quit', 'ctrl-c': 'quit', s: 'star', m: 'toggleRead', n: 'nextUnread', N: 'prevUnread', l: 'leaderPicker',
      ']': 'nextQuote', '[': 'prevQuote', r: 'focusRelated', '?': 'help', f: 'failures', g: 'top', G: 'bottom', pagedown: 'pageDown', pageup: 'pageUp',
    };
    for (const [k, c] of Object.entries(expected)) expect(commandFor(k, browse), k).toBe(c);
    expect(commandFor('space', ['reader'])).toBe('pageDown');
  });
  it('in the search box only non-typing keys run commands; Ctrl-C always quits', () => {
    expect(commandFor('q', ['search'])).toBe(null);
    expect(commandFor('j', ['search'])).toBe(null);
    expect(commandFor('ctrl-c', ['search'])).toBe('quit');
    expect(commandFor('escape', ['search'])).toBe('back');
  });
  it('every command has a key, and help and hints come from the keymap', () => {
    for (const c of COMMANDS) expect(KEYMAP.some((b) => b.command === c), c).toBe(true);
    expect(helpLines().length).toBe(KEYMAP.length + 1);
    expect(helpLines('unread').map((l) => l.keys)).toEqual(expect.arrayContaining(['n', 'N']));
    expect(helpLines('unread').map((l) => l.keys)).not.toContain('q Ctrl-C');
    expect(hintsFor(['list', 'browse'])[0]).toEqual(['j', 'down']);
  });
  it('names keys from Ink', () => {
    expect(keyName('', key({tab: true, shift: true}))).toBe('shift-tab');
    expect(keyName('c', key({ctrl: true}))).toBe('ctrl-c');
    expect(keyName('', key({delete: true}))).toBe('backspace');
    expect(keyName(' ', key())).toBe('space');
  });
  it('splits a chunk of fast keys into single keys', () => {
    const parts = splitChunk('/ki\r', key());
    expect(parts.map((p) => p.input)).toEqual(['/', 'k', 'i', '']);
    expect(parts[3]!.key.return).toBe(true);
    expect(splitChunk('\u001b[A', key({upArrow: true}))).toHaveLength(1);
  });
});

describe('display width', () => {
  it('measures CJK and emoji as two columns', () => {
    expect(width('윤석열')).toBe(6);
    expect(truncate('윤석열 president', 7)).toBe('윤석열…');
    expect(width(fit('🎆 fire', 10))).toBe(10);
  });
  it('wraps by width and keeps source offsets', () => {
    const text = '윤석열 said “we will meet again” today';
    const lines = wrap(text, 12);
    for (const l of lines) {
      expect(width(l.text)).toBeLessThanOrEqual(12);
      expect(text.slice(l.start, l.end)).toBe(l.text);
    }
    expect(wrap('x'.repeat(25), 10).map((l) => l.text.length)).toEqual([10, 10, 5]);
  });
  it('highlights ranges', () => {
    expect(highlight('Kishida said', [[0, 3, 'match']])).toEqual([
      {text: 'Kis', role: 'match'},
      {text: 'hida said', role: null},
    ]);
  });
});
