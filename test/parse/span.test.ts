// Span text helpers that stand in for regexes: they must say exactly what the regex says.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {endsWithMark, ownString} from '../../src/parse/span.js';

describe('endsWithMark', () => {
  const piece = fc.constantFrom('a', 'Z', '.', '!', '?', '"', '”', '’', ')', ' ', '..', '."', '.”’', '', 'é');

  it('agrees with /[marks][closers]?$/ on text of marks, closers and letters', () => {
    const cases = [
      ['.!?', '"”’', /[.!?]["”’]?$/],
      ['.', '"”’', /[.]["”’]?$/],
      ['.!', '"”’)', /[.!]["”’)]?$/],
    ] as const;
    fc.assert(fc.property(fc.array(piece, {maxLength: 8}).map((a) => a.join('')), (text) => {
      for (const [marks, closers, re] of cases) expect(endsWithMark(text, marks, closers)).toBe(re.test(text));
    }), {numRuns: 2000});
  });

  it('reads a stop before one closing mark, and not before two or after a letter', () => {
    expect(endsWithMark('He left.”', '.', '"”’')).toBe(true);
    expect(endsWithMark('He left.”’', '.', '"”’')).toBe(false);
    expect(endsWithMark('World News', '.', '"”’')).toBe(false);
    expect(endsWithMark('', '.', '"”’')).toBe(false);
  });
});

describe('ownString', () => {
  it('gives the same text, for views of a longer string and short strings alike', () => {
    fc.assert(fc.property(fc.string({unit: 'binary', maxLength: 60}), fc.nat(), (s, cut) => {
      const whole = 'x'.repeat(40) + s + 'y'.repeat(40);
      const view = whole.slice(40 - (cut % 3), 40 + s.length);
      expect(ownString(view)).toBe(view);
      expect(ownString(s)).toBe(s);
    }));
    expect(ownString('')).toBe('');
    expect(ownString('a')).toBe('a');
  });
});
