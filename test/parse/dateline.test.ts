import {describe, expect, it} from 'vitest';
import {matchDateline} from '../../src/parse/dateline.js';
import {parseOk, wire} from './helpers.js';

const d = (text: string) => matchDateline(text)?.dateline ?? null;

describe('dateline', () => {
  it.each([
    ['Madrid, Jun 29 (EFE).- Japanese leaders met.', 'Madrid', 'Jun 29', 'EFE'],
    ['Tokyo (efe-epa).- Japan said on Monday.', 'Tokyo', null, 'EFE-EPA'],
    ['Seoul, Jul 4 (efe).- The president said.', 'Seoul', 'Jul 4', 'EFE'],
    ['WASHINGTON, March 3 - The Treasury said.', 'WASHINGTON', 'March 3', null],
    ['STRASBOURG, France, March 11 - European Community officials said.', 'STRASBOURG, France', 'March 11', null],
    ['SANTOS, BRAZIL, MARCH 11 - With troops in place.', 'SANTOS, BRAZIL', 'MARCH 11', null],
    ['NEW YORK, March 24 - <Guinness PLC> has joined.', 'NEW YORK', 'March 24', null],
    ['0    LONDON, April 29 - The U.K. economy looks stronger.', 'LONDON', 'April 29', null],
    ['KNOKKE-HEIST, Belgium, April 5 - Ministers met.', 'KNOKKE-HEIST, Belgium', 'April 5', null],
    ['Philadelphia, March 25 - The director said.', 'Philadelphia', 'March 25', null],
    ['WASHINGTON (AP) — The Latest on the race.', 'WASHINGTON', null, 'AP'],
    ['Washington (AFP) – US officials said.', 'Washington', null, 'AFP'],
    ['HEMPSTEAD, N.Y., Sept. 26 (UPI) — Green Party candidate.', 'HEMPSTEAD, N.Y.', 'Sept. 26', 'UPI'],
    ['WASHINGTON ― Donald said.', 'WASHINGTON', null, null],
    ['HEMPSTEAD, N.Y. ― If it worked.', 'HEMPSTEAD, N.Y.', null, null],
    ['WASHINGTON -- President Obama said.', 'WASHINGTON', null, null],
    ['MIDWAY ATOLL - Seventy-four years ago.', 'MIDWAY ATOLL', null, null],
    ['FAIRVIEW, W.Va. - The coal was piled high.', 'FAIRVIEW, W.Va.', null, null],
    ['THE HAGUE, March 31 - The Dutch Finance Ministry said.', 'THE HAGUE', 'March 31', null],
    ['Rio de Janeiro, 3 May (Reuters) - Brazil said.', 'Rio de Janeiro', '3 May', 'Reuters'],
  ])('%s', (text, place, date, agency) => {
    expect(d(text)).toEqual({place, date, agency});
  });

  it('reports the prefix length so the body starts after it', () => {
    const text = 'Madrid, Jun 29 (EFE).- Japanese leaders met.';
    const m = matchDateline(text)!;
    expect(text.slice(m.length)).toBe('Japanese leaders met.');
    expect(m.strong).toBe(true);
    expect(matchDateline('WASHINGTON - Officials said.')!.strong).toBe(false);
  });

  it('is removed from the first body paragraph', () => {
    const a = parseOk(wire('Kicker', 'Leaders meet', 'Madrid, Jun 29 (EFE).- Leaders met.', 'Second.'));
    expect(a.dateline).toEqual({place: 'Madrid', date: 'Jun 29', agency: 'EFE'});
    expect(a.paragraphs).toEqual(['Leaders met.', 'Second.']);
  });

  it('may stand alone on a line when it has a date or an agency', () => {
    const a = parseOk(wire('Leaders meet', 'WASHINGTON (AP) —', 'Leaders met.'));
    expect(a.dateline).toEqual({place: 'WASHINGTON', date: null, agency: 'AP'});
    expect(a.paragraphs).toEqual(['Leaders met.']);
  });

  it('is found after a short deck and after a FULL TEXT. marker', () => {
    const deck = parseOk(wire('Charlotte returns to normal', 'Curfew lifted, but city still in limbo.', 'CHARLOTTE - Nearly a week after the shooting.'));
    expect(deck.dateline?.place).toBe('CHARLOTTE');
    expect(deck.paragraphs).toEqual(['Curfew lifted, but city still in limbo.', 'Nearly a week after the shooting.']);
    const nyt = parseOk(wire('Visa program up for renewal.', 'ABSTRACT.', 'The merits of the program are debated.', 'FULL TEXT.', 'WASHINGTON - A contentious visa program.'));
    expect(nyt.dateline?.place).toBe('WASHINGTON');
    expect(nyt.paragraphs).toEqual(['The merits of the program are debated.', 'A contentious visa program.']);
  });
});

describe('dateline: non-ASCII places', () => {
  it.each([
    ['Belém, Apr 8 (BNW).- Ministers met.', 'Belém', 'Apr 8', 'BNW'],
    ['SÃO PAULO, March 3 - Brazil said.', 'SÃO PAULO', 'March 3', null],
    ['Zürich (dpa).- Swiss officials said.', 'Zürich', null, 'DPA'],
  ])('%s', (text, place, date, agency) => {
    expect(matchDateline(text)?.dateline).toEqual({place, date, agency});
  });
});
