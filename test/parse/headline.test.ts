import {describe, expect, it} from 'vitest';
import {extractHeadline, headlineObstacle} from '../../src/parse/headline.js';
import {normalizeLines} from '../../src/parse/normalize.js';
import {parseFail, parseOk, wire} from './helpers.js';

const lines = (text: string) => normalizeLines(text);

describe('headline', () => {
  it('takes a title line as written, curly quotes kept', () => {
    expect(extractHeadline(lines('Tokyo, Seoul call for ‘upgraded’ US alliance'))?.text).toBe('Tokyo, Seoul call for ‘upgraded’ US alliance');
    expect(extractHeadline(lines('QUEBECOR <PQB> HEAD SEES NEW VENTURES LIKELY'))?.text).toBe('QUEBECOR <PQB> HEAD SEES NEW VENTURES LIKELY');
  });

  it('joins a title and its deck written on two lines', () => {
    expect(extractHeadline(lines("Candidates vie for support; \nTrump and Clinton point out credentials."))?.text)
      .toBe('Candidates vie for support; Trump and Clinton point out credentials.');
  });

  it('collapses odd spaces and maps back to the input', () => {
    const input = 'Ministers\u00a0 meet   in Rome';
    const h = extractHeadline(lines(input))!;
    expect(h.text).toBe('Ministers meet in Rome');
    expect(input[h.offsets[h.text.indexOf('Rome')]!]).toBe('R');
  });

  it('names the obstacle when a block cannot be a headline', () => {
    expect(headlineObstacle(lines('Madrid, Jun 29 (EFE).- Leaders met.'))).toBe('a dateline');
    expect(headlineObstacle(lines('By JANE DOE'))).toBe('a byline');
    expect(headlineObstacle(lines('(Update: adds quotes)'))).toBe('an update note');
    expect(headlineObstacle(lines('ABSTRACT.'))).toBe('a layout marker');
    expect(headlineObstacle(lines('12 34'))).toBe('no letters');
    expect(headlineObstacle(lines(Array(45).fill('word').join(' ')))).toBe('a 45-word paragraph');
  });

  it('takes the first line when the headline runs straight into the body without a blank line', () => {
    const a = parseOk('Leaders meet in Rome\nThe leaders of three countries met in Rome on Monday to discuss a trade pact that has been under negotiation for a decade and that officials say is close to being signed.\nA second paragraph follows here with more detail about what they said and did.\nAnd a third.\n');
    expect(a.headline).toBe('Leaders meet in Rome');
    expect(a.paragraphs).toHaveLength(3);
  });

  it('splits a headline block at a dateline line', () => {
    const a = parseOk('BONN SEES GROWTH\nBONN, March 3 - West German officials said growth\nwould pick up later this year, officials said.\n');
    expect(a.headline).toBe('BONN SEES GROWTH');
    expect(a.dateline).toEqual({place: 'BONN', date: 'March 3', agency: null});
    expect(a.paragraphs).toEqual(['West German officials said growth would pick up later this year, officials said.']);
  });

  it('a headline-only text is a no-body error', () => {
    expect(parseFail(wire('Just a headline'))).toMatchObject({reason: 'no-body', message: 'a headline but no body text'});
  });
});
