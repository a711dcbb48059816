import {describe, expect, it} from 'vitest';
import {extractUpdate} from '../../src/parse/update.js';
import {parseOk, wire} from './helpers.js';

describe('update', () => {
  it('takes the note of an (Update: ...) line', () => {
    expect(extractUpdate('(Update: re-ledes, new headline, adds remarks)')).toBe('re-ledes, new headline, adds remarks');
    expect(extractUpdate('(UPDATE 2: adds minister quotes)')).toBe('adds minister quotes');
    expect(extractUpdate('(Updated: 10:30 GMT)')).toBe('10:30 GMT');
    expect(extractUpdate('(Corrects spelling of minister name in paragraph 3)')).toBe('Corrects spelling of minister name in paragraph 3');
  });

  it('is null for other parenthesised lines', () => {
    expect(extractUpdate('(The minister declined to comment.)')).toBeNull();
    expect(extractUpdate('(Update:)')).toBeNull();
    expect(extractUpdate('Update: talks resume')).toBeNull();
    expect(extractUpdate('(Reporting by Jane Doe; editing by John Roe)')).toBeNull();
  });

  it('is taken only after a headline, and not kept in the body', () => {
    const a = parseOk(wire('Kicker', 'Talks resume in Geneva', '(Update: adds quotes)', 'Geneva, Jun 3 (EFE).- Talks resumed.'));
    expect(a.update).toBe('adds quotes');
    expect(a.paragraphs).toEqual(['Talks resumed.']);
  });
});
