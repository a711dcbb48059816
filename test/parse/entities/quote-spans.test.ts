import {describe, expect, it} from 'vitest';
import {entities} from './helpers.js';

describe('quote spans', () => {
  it('finds curly double quotes and reports offsets into the input', () => {
    const e = entities('Headline', 'The minister said the plan was “a very good plan for everyone” on Monday.');
    expect(e.quotes).toHaveLength(1);
    const q = e.quotes[0]!;
    expect(q.text).toBe('a very good plan for everyone');
    expect(e.input.slice(q.start, q.end)).toBe('a very good plan for everyone');
    expect(q.paragraph).toBe(0);
  });

  it('finds straight double quotes and drops the comma before the attribution', () => {
    const e = entities('Headline', '"We will not give in to threats," Mr Smith said.');
    expect(e.quotes.map((q) => q.text)).toEqual(['We will not give in to threats']);
  });

  it('reads single quotes in a headline', () => {
    const e = entities("Leaders back 'pre-election budget' plan", 'Body text here.');
    expect(e.quotes[0]).toMatchObject({text: 'pre-election budget', paragraph: -1, partial: true});
  });

  it('never takes an apostrophe for a closing mark', () => {
    const e = entities('Headline', 'Jane Doe said it “underlined the US’ firm commitment to Seoul’s defence” in the region.');
    expect(e.quotes.map((q) => q.text)).toEqual(['underlined the US’ firm commitment to Seoul’s defence']);
  });

  it('joins a quotation running over paragraphs with the opening mark repeated', () => {
    const e = entities('Headline', '“We came here to work. We will stay until the job is done.', '“Nobody should doubt that,” she said.');
    expect(e.quotes).toHaveLength(1);
    expect(e.quotes[0]!.text).toBe('We came here to work. We will stay until the job is done. Nobody should doubt that');
    expect(e.quotes[0]!.paraEnd).toBe(e.quotes[0]!.paraStart + 'We came here to work. We will stay until the job is done.'.length);
  });

  it('splits a merged paragraph holding several quotes', () => {
    const e = entities('Headline', '"The vote was fair," Mr Jones said. "We have to accept the result and move on to the next task," said Ms Brown.');
    expect(e.quotes.map((q) => q.speakerName)).toEqual(['Jones', 'Brown']);
  });

  it('keeps an unbalanced mark inside its paragraph', () => {
    const e = entities('Headline', 'He said: "We are going to win this election and more.', 'The next paragraph is plain narrative with no quotes at all.');
    expect(e.quotes).toHaveLength(1);
    expect(e.quotes[0]!.text).toBe('We are going to win this election and more.');
  });

  it('marks short quotes inside a sentence as partial', () => {
    const e = entities('Headline', 'Ann Lee called the deal “essential” for growth.', '“This is a good day for the country,” Ann Lee said.');
    expect(e.quotes[0]).toMatchObject({text: 'essential', partial: true, speakerName: 'Ann Lee'});
    expect(e.quotes[1]!.partial).toBe(false);
  });
});
