import {describe, expect, it} from 'vitest';
import {entities, speakerOf} from './helpers.js';

describe('attribution patterns', () => {
  it('X said “...”', () => {
    expect(speakerOf(entities('H', 'Maria Lopez said: “We will vote against the bill.”'), 'vote')).toBe('Maria Lopez');
  });
  it('“...,” X said', () => {
    const e = entities('H', '“We will vote against the bill,” Maria Lopez said.');
    expect(e.quotes[0]).toMatchObject({speakerName: 'Maria Lopez', speaker: 'maria-lopez', cue: 'said'});
  });
  it('“...,” said X, with an apposition', () => {
    expect(speakerOf(entities('H', '“This is a sad day for democracy,” said Rep. Jerry Nadler, a Democrat from New York.'), 'sad day')).toBe('Jerry Nadler');
  });
  it('“...,” X, a long apposition, said', () => {
    expect(speakerOf(entities('H', '“It is an invasion of our rights,” Tom Reed, the attorney general of the state, said at an event.'), 'invasion')).toBe('Tom Reed');
  });
  it('according to X', () => {
    expect(speakerOf(entities('H', 'The plan “will cost far too much money,” according to Paul Grant.'), 'cost')).toBe('Paul Grant');
  });
  it('cue verbs: added, noted, warned, stressed, urged, hoped, welcomed', () => {
    for (const verb of ['added', 'noted', 'warned', 'stressed', 'urged', 'hoped', 'welcomed']) {
      expect(speakerOf(entities('H', `Ann Lee ${verb} that the deal would be “good for all of our people.”`), 'good for')).toBe('Ann Lee');
    }
  });
  it('X told Y', () => {
    expect(speakerOf(entities('H', 'Ann Lee told Bob Hart that “the talks are going very well.”'), 'talks')).toBe('Ann Lee');
  });
  it('an organisation statement', () => {
    const e = entities('H', 'Ann Lee “repeated our firm commitment to peace,” a White House statement added.');
    expect(e.quotes[0]).toMatchObject({speakerName: 'White House', speaker: 'white-house', cue: 'statement'});
  });
  it('in a statement', () => {
    expect(speakerOf(entities('H', 'Ann Lee said in a statement that “the company will recover soon.”'), 'recover')).toBe('Ann Lee');
  });
  it('a subject across a comma-bracketed adverb', () => {
    expect(speakerOf(entities('H', 'Ann Lee, meanwhile, stressed her wish to “find a way out of this crisis.”'), 'crisis')).toBe('Ann Lee');
  });
  it('a signature after a dash', () => {
    expect(speakerOf(entities('H', '“We need more doctors in our towns.” ― Carla Mendes'), 'doctors')).toBe('Carla Mendes');
  });
  it('a later quote in the same sentence shares the speaker', () => {
    const e = entities('H', 'Ann Lee said the plan was “essential” and “the only way forward for this country.”');
    expect(e.quotes.map((q) => q.speakerName)).toEqual(['Ann Lee', 'Ann Lee']);
  });
  it('a quote continuing in the next paragraph keeps its speaker', () => {
    const e = entities('H', '“We must act now to protect jobs,” Ann Lee said.', '“There is no time to lose on this issue.”');
    expect(e.quotes.map((q) => q.speakerName)).toEqual(['Ann Lee', 'Ann Lee']);
  });
  it('a continuation stops when someone else is named in between', () => {
    const e = entities('H', '“We must act now to protect jobs,” Ann Lee said.', 'Bob Hart disagreed with the plan.', '“There is no time to lose on this issue.”');
    expect(e.quotes[1]!.speakerName).toBeNull();
  });
});
