// Site and wire furniture that is not part of the story: dropped before any other extractor runs,
// so that no headline, dateline or paragraph can be taken from it. Whole lines only: a sentence that
// merely mentions Twitter or sharing is kept.
import {endsWithMark, squeezeSpaces, type Span} from './span.js';

const PLATFORMS = 'facebook|twitter|x|whatsapp|linkedin|pinterest|reddit|telegram|e-?mail|print|tumblr|messenger|copy link|threads|bluesky|flipboard|line|vk';

export interface BoilerplateRule {
  name: string;
  pattern: RegExp;
}

/** Each rule matches a whole line (trimmed, spaces collapsed). */
export const BOILERPLATE_RULES: readonly BoilerplateRule[] = [
  {name: 'related', pattern: /^(related (articles?|posts?|stories|news|content|coverage|topics|links)|read more|read also|see also|more on this story|you (may|might) also like|recommended( for you)?|most read|trending now)\s*:?$/i},
  {name: 'back-to-top', pattern: /^back to top( button)?$/i},
  {name: 'share', pattern: new RegExp(`^(share( this| the)?( article| story| post| page)?( on| via)?\\s*:?\\s*)?((${PLATFORMS})\\s*[|,·•/]?\\s*)+$`, 'i')},
  {name: 'share', pattern: /^(share|share this( article| story| post| page)?|share on social media|click to share.*)\s*:?$/i},
  {name: 'comment-form', pattern: /^(leave a (reply|comment)|cancel reply|post comment|submit comment|comments?|\d+ comments?|add a comment\.*|join the (conversation|discussion)|name\s*\*|email\s*\*|website|comment\s*\*|(name|e-?mail|website)\s*\(required\))\s*:?$/i},
  {name: 'comment-form', pattern: /^(your email address will not be published\.?( required fields are marked \*\.?)?|required fields are marked \*\.?|save my name, email,? and website in this browser for the next time i comment\.?|you must be logged in to post a comment\.?|notify me of (follow-up comments|new posts) by email\.?)$/i},
  {name: 'follow', pattern: new RegExp(`^follow (us|@?[\\p{L}\\p{N}_.'’ -]{1,60}?) on (${PLATFORMS}|instagram|youtube|tiktok|google news)( and (${PLATFORMS}|instagram|youtube|tiktok))?\\s*[.!]?$`, 'iu')},
  {name: 'newsletter', pattern: /^(sign up|subscribe)( now)? (to|for) (our|the) [\w' -]{0,40}newsletters?\s*[.!]?$/i},
  {name: 'advert', pattern: /^(advertisement|advertising|sponsored( content)?|scroll to continue( with content)?|continue reading( below)?)$/i},
];

export function boilerplateRule(line: string): string | null {
  const text = squeezeSpaces(line);
  if (text.length === 0 || text.length > 160) return null;
  for (const rule of BOILERPLATE_RULES) if (rule.pattern.test(text)) return rule.name;
  return null;
}

export const isBoilerplateLine = (line: string): boolean => boilerplateRule(line) !== null;

/** The wire sign-off (` Reuter`, ` REUTER`, `REUTER...^M`) and the continuation slug ` MORE`,
 *  recognised only at the end of the text. */
const SIGN_OFF = /^\s*(reuters?|more)(\s*\.{2,}(\^M)?)?\s*$/i;

/** Related-article lists: after a `Related Articles` line, the short title lines that follow it. */
const isLinkTitle = (block: readonly Span[]): boolean => {
  if (block.length !== 1) return false;
  const text = block[0]!.text.trim();
  return text.split(/\s+/).length <= 20 && !endsWithMark(text, '.!', '"”’)') && !/^\(/.test(text);
};

/** Drops boilerplate lines from blocks (blocks left empty disappear). */
export function dropBoilerplate(blocks: readonly Span[][]): Span[][] {
  const out: Span[][] = [];
  let inRelated = false;
  for (const block of blocks) {
    if (inRelated && isLinkTitle(block) && !isBoilerplateLine(block[0]!.text)) continue;
    inRelated = false;
    const kept: Span[] = [];
    for (const line of block) {
      const rule = boilerplateRule(line.text);
      if (rule === 'related') inRelated = true;
      if (rule === null) kept.push(line);
    }
    if (kept.length > 0) out.push(kept);
  }
  // Sign-off lines at the very end (there may be a ` MORE` and a ` Reuter`).
  while (out.length > 0) {
    const last = out[out.length - 1]!;
    const line = last[last.length - 1]!;
    if (!SIGN_OFF.test(line.text)) break;
    last.pop();
    if (last.length === 0) out.pop();
  }
  return out;
}
