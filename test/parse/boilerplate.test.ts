import {describe, expect, it} from 'vitest';
import {boilerplateRule, dropBoilerplate} from '../../src/parse/boilerplate.js';
import {normalizeLines, toBlocks} from '../../src/parse/normalize.js';
import {parseOk, wire} from './helpers.js';

describe('boilerplate', () => {
  it.each([
    ['Related Articles', 'related'], ['Read more:', 'related'], ['Back to top button', 'back-to-top'],
    ['Share', 'share'], ['Share this article', 'share'], ['Facebook Twitter WhatsApp Email', 'share'],
    ['Share on: Facebook | Twitter | LinkedIn', 'share'], ['Leave a Reply', 'comment-form'], ['Cancel reply', 'comment-form'],
    ['Your email address will not be published. Required fields are marked *', 'comment-form'],
    ['Save my name, email, and website in this browser for the next time I comment.', 'comment-form'],
    ['Post Comment', 'comment-form'], ['Follow Jane Doe on Twitter', 'follow'], ['Follow @janedoe on X', 'follow'],
    ['Follow us on Facebook and Instagram', 'follow'], ['Advertisement', 'advert'],
    ['Sign up for our daily newsletter', 'newsletter'],
  ])('%s is %s', (line, rule) => {
    expect(boilerplateRule(line)).toBe(rule);
  });

  it.each([
    'Share prices fell 3 pct on the news.', 'The minister shared his concerns on Twitter.', 'Related talks will resume on Monday.',
    'Follow-up talks are planned.', 'Comments by the minister angered the opposition.', 'Email records were released on Friday.',
    'Back to top of the agenda came the budget.',
  ])('keeps the sentence %s', (line) => {
    expect(boilerplateRule(line)).toBeNull();
  });

  it('drops a related-articles list and the sign-off, and nothing else', () => {
    const blocks = dropBoilerplate(toBlocks(normalizeLines('Body one.\n\nRelated Articles\n\nOther story title\n\nAnother story title\n\nBack to top button\n')));
    expect(blocks.map((b) => b.map((l) => l.text))).toEqual([['Body one.']]);
  });

  it.each([' Reuter', ' REUTER', 'REUTER...^M', ' reuter', ' MORE'])('drops the wire sign-off %j at the end only', (signOff) => {
    const a = parseOk(`HEADLINE\n\nLONDON, March 3 - The body of the story starts on this line\nand runs on to the next, officials said.\n${signOff}\n`);
    expect(a.paragraphs).toEqual(['The body of the story starts on this line and runs on to the next, officials said.']);
  });

  it('no boilerplate line reaches the article', () => {
    const a = parseOk(wire('Kicker', 'Headline here', 'Madrid, Jun 1 (EFE).- Body.', 'Share this article', 'Follow Jane Doe on Twitter', 'Second paragraph.', 'Related Articles', 'Back to top button'));
    expect(a.paragraphs).toEqual(['Body.', 'Second paragraph.']);
  });
});
