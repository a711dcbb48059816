import {describe, expect, it} from 'vitest';
import {entities} from './helpers.js';

const person = (text: string) => entities('Headline', text).people[0];

describe('name mentions with titles, roles and countries', () => {
  it('demonym and role before the name', () => {
    expect(person('Japanese prime minister Taro Sato arrived.')).toMatchObject({name: 'Taro Sato', role: 'prime minister', country: 'JPN', leader: true});
  });
  it('a capitalised multi-word role', () => {
    expect(person('Trade and Industry Secretary Patricia Hewitt spoke.')).toMatchObject({name: 'Patricia Hewitt', role: 'trade and industry secretary', leader: true});
  });
  it('a role after an organisation', () => {
    expect(person('Reserve Bank Governor Spencer Russell spoke.')).toMatchObject({name: 'Spencer Russell', role: 'governor', leader: true});
  });
  it('an abbreviated title and an apposition', () => {
    const e = entities('Headline', 'Rep. Jerry Nadler, a Democrat from New York, spoke.');
    expect(e.people.map((p) => p.name)).toEqual(['Jerry Nadler']);
    expect(e.people[0]).toMatchObject({role: 'representative', leader: true});
  });
  it('a role in an apposition with its country', () => {
    expect(person('Jan Novak, the prime minister of Poland, spoke.')).toMatchObject({name: 'Jan Novak', role: 'prime minister', country: 'POL'});
  });
  it('honorifics give gender', () => {
    expect(person('Ms Hewitt spoke.')).toMatchObject({name: 'Hewitt', gender: 'f'});
    expect(person('Mr Blair spoke.')).toMatchObject({name: 'Blair', gender: 'm'});
  });
  it('a country possessive gives the country', () => {
    expect(person('Australia’s Anthony Albanese spoke.')).toMatchObject({name: 'Anthony Albanese', country: 'AUS'});
  });
  it('a press secretary is not a leader', () => {
    expect(person('White House press secretary Josh Earnest spoke.')).toMatchObject({role: 'press secretary', leader: false});
  });
  it('a surname alone as the subject of a cue verb is a person', () => {
    expect(person('Obama said the talks went well.')).toMatchObject({name: 'Obama'});
  });
});
