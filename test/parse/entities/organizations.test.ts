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
