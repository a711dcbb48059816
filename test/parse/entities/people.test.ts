import {describe, expect, it} from 'vitest';
import {entities} from './helpers.js';

describe('people: coreference', () => {
  it('a surname alone joins the full name', () => {
    const e = entities('Headline', 'President Ana Silva arrived.', 'Silva said little. Later Silva left.');
    expect(e.people).toHaveLength(1);
    expect(e.people[0]).toMatchObject({id: 'ana-silva', name: 'Ana Silva', aliases: ['Silva'], mentions: 3});
  });
  it('a family name written first joins too', () => {
    const e = entities('Headline', 'South Korean president Lee Jae-won spoke.', 'Lee said it went well.');
    expect(e.people.map((p) => p.name)).toEqual(['Lee Jae-won']);
  });
  it('a misspelled surname with the same first name is the same person', () => {
    const e = entities('Headline', 'Prime minister Hiroshi Tanabe met.', 'Tanabe agreed. Tanabe left.', 'Hiroshi Tanaba returned.');
    expect(e.people).toHaveLength(1);
    expect(e.people[0]!.name).toBe('Hiroshi Tanabe');
    expect(e.people[0]!.aliases).toContain('Tanaba');
  });
  it('the spelling used most wins even when the misspelling comes first', () => {
    const e = entities('Headline', 'Prime minister Hiroshi Tanaba met.', 'Tanabe agreed. Tanabe left.', 'Hiroshi Tanabe returned.');
    expect(e.people).toHaveLength(1);
    expect(e.people[0]).toMatchObject({name: 'Hiroshi Tanabe', role: 'prime minister'});
    expect(e.people[0]!.aliases).toContain('Tanaba');
  });
  it('different first names keep people apart', () => {
    const e = entities('Headline', 'Bill Clinton and Hillary Clinton spoke.');
    expect(e.people.map((p) => p.name).sort()).toEqual(['Bill Clinton', 'Hillary Clinton']);
  });
  it('a title and surname join the full name', () => {
    const e = entities('Headline', 'Tony Blair spoke.', 'Mr Blair then left.');
    expect(e.people).toHaveLength(1);
    expect(e.people[0]).toMatchObject({name: 'Tony Blair', gender: 'm'});
  });
  it('leaders listed alike are all leaders', () => {
    const e = entities('Headline', 'Japanese prime minister Taro Sato spoke.', 'Japan’s Taro Sato, Chile’s Ana Rojas and Peru’s Luis Paz met.');
    expect(e.people.every((p) => p.leader)).toBe(true);
    expect(e.people.find((p) => p.name === 'Ana Rojas')!.country).toBe('CHL');
  });
  it('gender is learned from pronouns', () => {
    const e = entities('Headline', 'Dana Whitfield said she would run.');
    expect(e.people[0]!.gender).toBe('f');
  });
});
