import {describe, expect, it} from 'vitest';
import {entities, speakerOf} from './helpers.js';

describe('pronouns and descriptions', () => {
  it('he said goes to the earlier man', () => {
    const e = entities('H', 'Mr Tom Reed met Ms Ann Lee on Monday.', '“We made real progress on the trade issues,” he said.');
    expect(speakerOf(e, 'progress')).toBe('Tom Reed');
  });
  it('she said goes to the earlier woman even when a man was named later', () => {
    const e = entities('H', 'Ms Ann Lee met Mr Tom Reed on Monday.', '“We made real progress on the trade issues,” she said.');
    expect(speakerOf(e, 'progress')).toBe('Ann Lee');
  });
  it('the subject is preferred over an object named later', () => {
    const e = entities('H', 'Tom Reed attacked Bob Hart over taxes on Monday.', '“He has never paid his fair share,” he said.');
    expect(speakerOf(e, 'fair share')).toBe('Tom Reed');
  });
  it('a description with role and country', () => {
    const e = entities('H', 'South Korean president Kim Min-ho and Japanese prime minister Taro Sato met.',
      'The South Korean president stressed the need for “closer ties between our two nations.”');
    expect(speakerOf(e, 'closer ties')).toBe('Kim Min-ho');
  });
  it('the prime minister said', () => {
    const e = entities('H', 'Japanese prime minister Taro Sato and US president Joe Black met.', 'The prime minister said it was “a very useful meeting for both sides.”');
    expect(speakerOf(e, 'useful')).toBe('Taro Sato');
  });
  it('the US leader', () => {
    const e = entities('H', 'Japanese prime minister Taro Sato and US president Joe Black met.', 'The US leader said it was “a very useful meeting for both sides.”');
    expect(speakerOf(e, 'useful')).toBe('Joe Black');
  });
  it('a description nobody fits is kept as written, with no id', () => {
    const e = entities('H', 'Taro Sato spoke.', 'The spokesman said it was “a very useful meeting for both sides.”');
    expect(e.quotes[0]).toMatchObject({speakerName: 'the spokesman', speaker: null, speakerKind: 'description'});
  });
});
