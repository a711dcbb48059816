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
  it('a surname alone as the subject of a cue verb is a person when the article goes on with he or she', () => {
    expect(person('Obama said the talks went well. He thanked the hosts.')).toMatchObject({name: 'Obama'});
    expect(person('Talks ended. On Monday, Obama said the talks went well.')).toMatchObject({name: 'Obama'});
    expect(entities('Headline', 'Marlow said the talks went well.', 'She thanked the hosts.').people[0]).toMatchObject({name: 'Marlow'});
  });
});

// A person needs a name's shape: a capital that proves something, not only the one every sentence opens with.
describe('capitalised words that are not people', () => {
  const names = (...paras: string[]): string[] => entities('Headline', ...paras).people.map((p) => p.name);
  it('a lone word opening a sentence is not made a person by the verb after it', () => {
    expect(names('Analysts said the pound would fall.')).toEqual([]);
    expect(names('Critics warned that the plan was flawed. Ministers said it was not.')).toEqual([]);
    // negatives: an internal capital, a pronoun after it, or a full name elsewhere keeps the person
    expect(names('PolitiFact said the claim was false.')).toEqual(['PolitiFact']);
    expect(names('Anna Marlow spoke first.', 'Marlow said the plan was sound.')).toEqual(['Anna Marlow']);
  });
  it('a lone word after a place preposition is a place', () => {
    expect(names('A group of councillors from Nottingham agreed that the plan was sound.')).toEqual([]);
    expect(names('Voters in Brentwood said the vote mattered.')).toEqual([]);
    // negative: mid-sentence, not after a place preposition
    expect(names('On Monday, Marlow said the vote mattered. He left.')).toEqual(['Marlow']);
  });
  it('plural abbreviations are not names', () => {
    expect(names('Labour backbench MPs said the bill was rushed.')).toEqual([]);
    expect(names('The group of NGOs warned of famine.')).toEqual([]);
    // negative: a capitalised name ending in s
    expect(names('Tom Jones warned of famine.')).toEqual(['Tom Jones']);
  });
  it('a run ending in a service, system, scheme, tax, prison, alliance or society word is not a person', () => {
    expect(names('Numbers on the Telephone Preference Service lists are protected.')).toEqual([]);
    expect(names('The European Monetary System held.', 'The Petroleum Revenue Tax rose.')).toEqual([]);
    expect(names('At the New Year party the guests left early.')).toEqual([]);
    expect(names('Inmates of Belmarsh Prison wrote to the Countryside Alliance and the Fabian Society.')).toEqual([]);
    // negative: a person named before such a word
    expect(names('Civil servant Jane Porter said the scheme was fair.')).toEqual(['Jane Porter']);
  });
  it('the last word of a two-word place is a given name elsewhere', () => {
    expect(names('“The plan is a disgrace to us all.” ― Francisco Herrero')).toEqual(['Francisco Herrero']);
    expect(names('Angeles Ruiz spoke.')).toEqual(['Angeles Ruiz']);
    // negatives: after their first word they are places
    expect(names('The mayor of San Francisco spoke in Los Angeles and North Carolina.')).toEqual([]);
  });
  it('a middle initial that is also a word stays inside the name', () => {
    expect(names('“We stand together and we will vote in November.” ― Julie A. Diaz Martinez.')).toEqual(['Julie A Diaz Martinez']);
    // negative: the article `A` opening a sentence after a name is no initial
    expect(names('They met Anna Marlow. A vote followed.')).toEqual(['Anna Marlow']);
  });
});
