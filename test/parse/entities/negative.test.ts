import {describe, expect, it} from 'vitest';
import {entities} from './helpers.js';

const names = (...paras: string[]): string[] => entities('Headline', ...paras).people.map((p) => p.name);

describe('not people', () => {
  it('regions, buildings and boilerplate', () => {
    expect(names('A free and open Indo-Pacific and Asia-Pacific partners.', 'The White House said so.', 'Related Articles')).toEqual([]);
  });
  it('agencies, organisations and countries', () => {
    expect(names('Yonhap news agency and the Tax Policy Center reported that South Korea and Nato agreed.')).toEqual([]);
  });
  it('months and days', () => {
    expect(names('Earlier on Wednesday, in June and on Monday, January 5, nothing happened.')).toEqual([]);
  });
  it('places', () => {
    expect(names('Voters in New York and Virginia went to the polls.')).toEqual([]);
  });
  it('sentence-initial capitalised words', () => {
    expect(names('Meanwhile the talks went on. However nothing changed. Asked about it, officials declined.')).toEqual([]);
  });
  it('things named like people', () => {
    expect(names('The Affordable Care Act and the Supreme Court ruling were discussed.')).toEqual([]);
  });
});

describe('not quotes', () => {
  it('apostrophes', () => {
    expect(entities('Headline', 'Pyongyang’s missiles and the US’ allies; the Smiths’ house; it’s fine.').quotes).toEqual([]);
  });
  it('apostrophes in a headline', () => {
    expect(entities('Leaders’ summit ends in Seoul’s old town', 'Body.').quotes).toEqual([]);
  });
  it('inch marks between digits', () => {
    expect(entities('Headline', 'The screen is 12" wide and 8" tall.').quotes).toEqual([]);
  });
});
