import {describe, expect, it} from 'vitest';
import {entities} from './helpers.js';

const codes = (...paras: string[]): string[] => entities('Headline', ...paras).countries.map((c) => c.code).sort();

describe('countries', () => {
  it('reads names, codes and short forms', () => {
    expect(codes('Talks between the United States, the UK, Britain and U.S. officials.')).toEqual(['GBR', 'USA']);
  });
  it('reads demonyms, including two-word ones', () => {
    expect(codes('The Japanese and South Korean envoys met North Korean diplomats.')).toEqual(['JPN', 'KOR', 'PRK']);
  });
  it('counts capitals used for their governments', () => {
    const e = entities('Headline', 'Pyongyang fired a missile, and Seoul and Tokyo protested while Washington watched.');
    expect(e.countries.map((c) => c.code).sort()).toEqual(['JPN', 'KOR', 'PRK', 'USA']);
    expect(e.countries.find((c) => c.code === 'PRK')!.forms).toEqual(['Pyongyang']);
  });
  it('does not count a capital used as a place', () => {
    expect(codes('The summit was held in Madrid last week.')).toEqual([]);
  });
  it('reads possessives', () => {
    expect(codes('Australia’s leader and Pyongyang’s missiles.')).toEqual(['AUS', 'PRK']);
  });
  it('is not fooled by regions, US states or lower-case words', () => {
    expect(codes('A free Indo-Pacific and the Asia-Pacific region; New Mexico voters; us and them.')).toEqual([]);
  });
});
