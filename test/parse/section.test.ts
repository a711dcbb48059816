import {describe, expect, it} from 'vitest';
import {extractSection, isSectionLine} from '../../src/parse/section.js';
import {normalizeLines} from '../../src/parse/normalize.js';
import {parseOk, wire} from './helpers.js';

const block = (...lines: string[]) => lines.flatMap((l) => normalizeLines(l));

describe('section', () => {
  it('takes a short capitalised kicker line above a headline', () => {
    expect(extractSection(block('Conflicts & War'), block('Tokyo and Seoul call for an upgraded alliance'))).toBe('Conflicts & War');
    expect(extractSection(block('BUSINESS NEWS'), block('Markets rally on rate hopes'))).toBe('BUSINESS NEWS');
    expect(extractSection(block('Asia-Pacific'), block('Ministers meet in Canberra'))).toBe('Asia-Pacific');
  });

  it('accepts the forms real sites use and rejects sentences and headlines', () => {
    for (const s of ['World', 'Politics', 'Conflicts & War', 'Science and Technology', 'Latin America']) expect(isSectionLine(s)).toBe(true);
    for (const s of ['Labour plans maternity pay rise', 'Outrage, but few options on the table.', 'Is this the end?',
      'Five Things To Know About The Vote Today', '2024 Elections', 'world news']) expect(isSectionLine(s)).toBe(false);
  });

  it('is not taken when the next block is body text rather than a headline', () => {
    const body = block('The minister said on Monday that the talks had failed after three days of argument over tariffs, quotas and the timetable for withdrawal, and that no new date had been set for them to resume, according to officials who spoke on condition of anonymity.');
    expect(extractSection(block('Trade Talks Collapse'), body)).toBeNull();
  });

  it('is not taken when the next block is a dateline paragraph', () => {
    expect(extractSection(block('World'), block('Madrid, Jun 29 (EFE).- Leaders met.'))).toBeNull();
  });

  it('fills Article.section and leaves the headline to the next block', () => {
    const a = parseOk(wire('World', 'Leaders gather for summit', 'Body paragraph one.'));
    expect([a.section, a.headline, a.paragraphs]).toEqual(['World', 'Leaders gather for summit', ['Body paragraph one.']]);
    const b = parseOk(wire('Leaders gather for summit', 'Body paragraph one.'));
    expect([b.section, b.headline]).toEqual([null, 'Leaders gather for summit']);
  });
});
