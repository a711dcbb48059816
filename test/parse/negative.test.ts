// Things that must NOT be taken for a dateline or a headline (or a section, byline or boilerplate).
import {describe, expect, it} from 'vitest';
import {matchDateline} from '../../src/parse/dateline.js';
import {headlineObstacle} from '../../src/parse/headline.js';
import {normalizeLines} from '../../src/parse/normalize.js';
import {parseFail, parseOk, wire} from './helpers.js';

describe('not a dateline', () => {
  it.each([
    'CONGRESS HAS INVESTIGATED HIM — and more.', // all-caps subhead, more than three words
    "HE'S BEEN CALLED OUT BY FELLOW DOCTORS — he said.",
    'NATO - The alliance said.', // organisation, not a place
    'U.S. - Japan talks resumed.',
    'Clinton - who spoke first - said.', // title-case word without a date or agency
    'Washington-based groups said on Monday.',
    'The president said - again - that he would stay.',
    'WASHINGTON said nothing.',
    'Madrid, Jun 45 (EFE).- A bad day.', // no such day
    'Madrid, Foo 3 - Not a month.',
    'UPDATE - Ministers met.',
    'By JANE DOE - Ministers met.',
    '(Update: adds quotes)',
    'In Madrid, June 29 - officials said',
  ])('%s', (text) => {
    expect(matchDateline(text)).toBeNull();
  });

  it('a dateline later in the body is not the article dateline', () => {
    const a = parseOk(wire('Leaders meet', 'Leaders met on Monday.', 'Another paragraph of detail here.', 'LONDON, March 3 - A quoted wire item.'));
    expect(a.dateline).toBeNull();
    expect(a.paragraphs[2]).toBe('LONDON, March 3 - A quoted wire item.');
  });
});

describe('not a headline', () => {
  const obstacle = (text: string) => headlineObstacle(normalizeLines(text));

  it('a dateline paragraph is never a headline', () => {
    expect(obstacle('Madrid, Jun 29 (EFE).- Leaders met.')).toBe('a dateline');
    expect(obstacle('WASHINGTON (AP) —')).toBe('a dateline');
    expect(parseFail('Madrid, Jun 29 (EFE).- Leaders met on Monday.\n\nMore body.\n')).toMatchObject({reason: 'no-headline'});
  });

  it('boilerplate is never a headline, even at the top', () => {
    const a = parseOk(wire('Share this article', 'Back to top button', 'Leaders gather for summit', 'Body text.'));
    expect(a.headline).toBe('Leaders gather for summit');
    expect(a.section).toBeNull();
  });

  it('a byline or update note above the headline is not the headline', () => {
    expect(parseOk(wire('By JANE DOE', 'Leaders gather', 'Body.'))).toMatchObject({headline: 'Leaders gather', byline: 'JANE DOE'});
  });

  it('a long first paragraph is not a headline: no-headline error naming why', () => {
    const para = Array(60).fill('word').join(' ') + '.';
    expect(parseFail(`${para}\n\n${para}\n`)).toMatchObject({reason: 'no-headline', message: 'no recognisable headline (the text starts with a 60-word paragraph)'});
  });

  it('a headline is not a section, and a section is not a dateline', () => {
    const a = parseOk(wire('Brown Seeks Tax Deal', 'The chancellor said on Monday he wanted a deal.', 'More.'));
    expect([a.section, a.headline]).toEqual([null, 'Brown Seeks Tax Deal']);
    const b = parseOk(wire('WORLD', 'WASHINGTON - Officials said on Monday that talks would resume next week in Geneva after a pause of a month.'));
    expect(b.headline).toBe('WORLD');
    expect(b.dateline?.place).toBe('WASHINGTON');
  });

  it('a headline that looks like a bare dateline but is a short title stays a headline', () => {
    expect(obstacle('JAPAN - U.S. TRADE TALKS END')).toBeNull();
  });
});
