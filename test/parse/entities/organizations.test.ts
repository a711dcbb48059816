import {describe, expect, it} from 'vitest';
import {entities} from './helpers.js';

describe('organizations', () => {
  it('reads known bodies in any accepted form', () => {
    const e = entities('Headline', 'Nato and NATO allies, the EU, the UN and the White House.');
    const nato = e.organizations.find((o) => o.id === 'nato')!;
    expect(nato).toMatchObject({name: 'NATO', mentions: 2, kind: 'international'});
    expect(nato.forms.sort()).toEqual(['NATO', 'Nato']);
    expect(e.organizations.map((o) => o.name).sort()).toEqual(['EU', 'NATO', 'UN', 'White House']);
  });
  it('reads news agencies', () => {
    const e = entities('Headline', 'According to South Korea’s Yonhap news agency, EFE and AP reported it.');
    expect(e.organizations.filter((o) => o.kind === 'agency').map((o) => o.name).sort()).toEqual(['AP', 'EFE', 'Yonhap']);
  });
  it('reads names ending in an organisation word', () => {
    const e = entities('Headline', 'A report by the Tax Policy Center and the Scottish National Party.');
    expect(e.organizations.map((o) => o.name)).toContain('Tax Policy Center');
    expect(e.organizations.find((o) => o.name === 'SNP')?.kind).toBe('party');
  });
  it('does not take lower-case words for acronyms', () => {
    expect(entities('Headline', 'Let us ask who is up for it.').organizations).toEqual([]);
  });
});

describe('a head word, for, and capitalised words', () => {
  it('`Commission for Racial Equality`, `Institute for Fiscal Studies` are organisations, not people', () => {
    const e = entities('H', 'Ann Lee, chair of the Commission for Racial Equality, spoke to the Institute for Fiscal Studies.');
    expect(e.organizations.map((o) => o.name)).toEqual(expect.arrayContaining(['Commission for Racial Equality', 'Institute for Fiscal Studies']));
    expect(e.people.map((p) => p.name)).toEqual(['Ann Lee']);
  });
  it('negative: a head word and `for` before lower-case words is no name', () => {
    const e = entities('H', 'The Commission for now has no chair.');
    expect(e.organizations.map((o) => o.name)).not.toContain('Commission for now');
  });
});
