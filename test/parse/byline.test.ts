import {describe, expect, it} from 'vitest';
import {extractByline} from '../../src/parse/byline.js';
import {parseOk, wire} from './helpers.js';

describe('byline', () => {
  it('takes the names after By', () => {
    expect(extractByline('By JOHN SMITH')).toBe('JOHN SMITH');
    expect(extractByline('By Jane Doe and Ahmed Khan')).toBe('Jane Doe and Ahmed Khan');
    expect(extractByline('By Jane Doe, Associated Press')).toBe('Jane Doe, Associated Press');
    expect(extractByline('BY LEE MIN-JI | Reuters')).toBe('LEE MIN-JI | Reuters');
    expect(extractByline('By María de la Cruz')).toBe('María de la Cruz');
  });

  it('is null for sentences that start with By', () => {
    expect(extractByline('By Wednesday, ministers had agreed on a text.')).toBeNull();
    expect(extractByline('By the end of the week the talks had collapsed.')).toBeNull();
    expect(extractByline('By contrast, exports rose')).toBeNull();
    expect(extractByline('By March the deal was done')).toBeNull();
    expect(extractByline('Bystanders said nothing')).toBeNull();
  });

  it('fills Article.byline and keeps the byline out of the body', () => {
    const a = parseOk(wire('Talks resume in Geneva', 'By JANE DOE', 'GENEVA, June 3 (AP) — Talks resumed on Monday.', 'More text.'));
    expect(a.byline).toBe('JANE DOE');
    expect(a.dateline).toEqual({place: 'GENEVA', date: 'June 3', agency: 'AP'});
    expect(a.paragraphs).toEqual(['Talks resumed on Monday.', 'More text.']);
  });

  it('finds a byline on the line under the headline in the same block', () => {
    const a = parseOk('Talks resume in Geneva\nBy Jane Doe\n\nTalks resumed on Monday.\n');
    expect([a.headline, a.byline, a.paragraphs]).toEqual(['Talks resume in Geneva', 'Jane Doe', ['Talks resumed on Monday.']]);
  });
});
