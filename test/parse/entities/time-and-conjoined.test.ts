// Bugs the lead found on data/: time words are never speakers; a conjoined subject has no single speaker;
// a country speaking for its government is a country, never an organisation. Invented sentences.
import {describe, expect, it} from 'vitest';
import {entities} from './helpers.js';

const quoteOf = (e: ReturnType<typeof entities>, words: string) => e.quotes.find((q) => q.text.includes(words))!;

describe('day names, months, dates and time words are never a speaker or a description', () => {
  it('a single subject with `on Wednesday` before the cue is the subject, not Wednesday', () => {
    const e = entities('H', 'German chancellor Olaf Brandt on Wednesday urged the bloc to “rethink” its rules on trade.');
    expect(quoteOf(e, 'rethink')).toMatchObject({speakerName: 'Olaf Brandt', speakerKind: 'person'});
  });
  for (const when of ['Wednesday', 'Tuesday night', 'March', 'March 3', 'last week', 'Monday morning']) {
    it(`\`... on ${when} urged\` never gives \`${when}\``, () => {
      const e = entities('H', `Officials in the capital on ${when} urged voters to “stay calm” during the count.`);
      const q = quoteOf(e, 'stay calm');
      expect(q.speakerName ?? '').not.toMatch(/monday|tuesday|wednesday|march|week|night|morning/i);
    });
  }
  it('a time word after the quote is not a speaker: `“...,” Thursday said` is nobody', () => {
    const e = entities('H', 'Nothing moved. “We will wait and see what happens next,” Thursday evening said nothing.');
    expect(quoteOf(e, 'wait and see').speakerName).toBeNull();
  });
});

describe('a conjoined subject has no single speaker', () => {
  it('X and Y on Wednesday urged: null, neither X nor Y alone', () => {
    const e = entities('H',
      'Japanese prime minister Kenji Arata and South Korean president Park Min-ho on Wednesday urged the United States to “upgrade” their alliance.');
    const q = quoteOf(e, 'upgrade');
    expect(q.speakerName).toBeNull();
    expect(q.speaker).toBeNull();
  });
  it('X and Y said: null', () => {
    const e = entities('H', 'Kenji Arata and Park Min-ho said they would “stand together” against threats.');
    expect(quoteOf(e, 'stand together').speakerName).toBeNull();
  });
  it('a headline with two capitals as subject: null, and no country among the organisations', () => {
    const e = entities('Tokyo, Seoul call for ‘closer’ ties amid threat', 'The two governments met on Monday.');
    const q = quoteOf(e, 'closer');
    expect(q.speakerName).toBeNull();
    expect(e.organizations.map((o) => o.name)).not.toContain('South Korea');
    expect(e.organizations.map((o) => o.name)).not.toContain('Japan');
  });
  it('a single person keeps the quote: `Kenji Arata said` after a sentence naming two', () => {
    const e = entities('H', 'Kenji Arata met Park Min-ho on Monday.', 'Kenji Arata said the talks were “very productive”.');
    expect(quoteOf(e, 'very productive').speakerName).toBe('Kenji Arata');
  });
});
describe('a country speaking for its government is a country, not an organisation', () => {
  it('`Russia insisted` gives speakerKind country, speaker RUS, and Russia is not an organisation', () => {
    const e = entities('H', 'Talks stalled on Friday.', 'Russia insisted that the deal was “dead on arrival” and walked out.');
    const q = quoteOf(e, 'dead on arrival');
    expect(q).toMatchObject({speaker: 'RUS', speakerName: 'Russia', speakerKind: 'country'});
    expect(e.organizations.map((o) => o.name)).not.toContain('Russia');
  });
  it('a capital for its government: `Seoul warned` gives KOR', () => {
    const e = entities('H', 'Seoul warned that the launch was “a grave provocation” by the North.');
    expect(quoteOf(e, 'grave provocation')).toMatchObject({speaker: 'KOR', speakerName: 'South Korea', speakerKind: 'country'});
    expect(e.organizations).toEqual([]);
  });
});

describe('time words inside capitalised runs and verbs are not speakers (found scanning data/ and bbc-politics)', () => {
  it('a programme or service named with a time word is not a person: Good Morning Wales, Christmas Midnight Mass', () => {
    const e = entities('H', 'She told Good Morning Wales: “It would set the arts back sixty years.”',
      'At Christmas Midnight Mass the cardinal spoke.', 'He added: “We must act on poverty now.”');
    expect(e.people.map((p) => p.name)).not.toContain('Good Morning');
    expect(e.people.map((p) => p.name)).not.toContain('Christmas Midnight Mass');
    for (const q of e.quotes) expect(q.speakerName ?? '').not.toMatch(/Morning|Midnight/);
  });
  it('a negated verb is not the head of a description: `a party that doesn’t believe in “lies”`', () => {
    const e = entities('H', 'He claims the movement is a party that doesn’t believe in “lies and spin” at all.');
    expect(quoteOf(e, 'lies and spin').speakerName ?? '').not.toMatch(/doesn/);
  });
});

describe('spans of time are not descriptions of a speaker', () => {
  it('`X said rates over the period have continued to fall and that “...”`: X, not the period', () => {
    const e = entities('H', 'Ann Baker said rates over the period have continued to decline and that “credit was available to all.”');
    expect(quoteOf(e, 'credit was available').speakerName).toBe('Ann Baker');
  });
});
