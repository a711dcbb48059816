import {describe, expect, it} from 'vitest';
import {stripVTControlCharacters} from 'node:util';
import {paint, paneTitle, sgr} from '../../src/ui/paint.js';
import {width} from '../../src/ui/text.js';
import {createTheme} from '../../src/ui/theme.js';

const colour = createTheme({color: true});
const mono = createTheme({color: false});

describe('paint: one pre-composed line with SGR spans', () => {
  it('leaves unstyled text bare and wraps a styled run in one span', () => {
    expect(paint(colour, [{text: 'plain', role: null}], 20)).toBe('plain');
    expect(paint(colour, [{text: 'Kis', role: 'match'}, {text: 'hida', role: null}], 20)).toBe('\u001b[1;4;33mKis\u001b[0mhida');
  });
  it('merges neighbours of the same style into one span', () => {
    const out = paint(colour, [{text: 'a', role: 'muted'}, {text: 'b', role: 'muted'}, {text: 'c', role: null}], 10);
    expect(out).toBe('\u001b[2mab\u001b[0mc');
  });
  it('cuts to the width in display columns (CJK is two) and pads a selection bar in its style', () => {
    const out = paint(colour, [{text: '윤석열 president', role: null}], 7);
    expect(stripVTControlCharacters(out)).toBe('윤석열…');
    const bar = paint(mono, [{text: 'row', role: null}], 8, {base: 'selected', pad: true});
    expect(bar).toBe('\u001b[7mrow\u001b[0m\u001b[7m     \u001b[0m');
    expect(width(stripVTControlCharacters(bar))).toBe(8);
  });
  it('a strong segment (the quote stepped to) is inverse over its role; a role on a selection bar flips it back', () => {
    expect(paint(mono, [{text: 'q', role: 'speaker0', strong: true}], 5)).toBe('\u001b[4;7mq\u001b[0m');
    expect(sgr({inverse: true, color: 'red'})).toBe('\u001b[7;31m');
  });
  it('a pane title spans the width exactly', () => {
    for (const w of [10, 30, 61]) expect(width(stripVTControlCharacters(paneTitle(colour, 'Quotes', 'Fumio Kishida: 6 here, 6 in all', true, w)))).toBe(w);
  });
});
