// The dateline at the start of the first body paragraph: where and when a story was filed, and by
// which agency. Forms seen in real copy:
//   `Madrid, Jun 29 (EFE).- `        `Tokyo (efe-epa).- `            `WASHINGTON, March 3 - `
//   `STRASBOURG, France, March 11 - ` `HEMPSTEAD, N.Y., Sept. 26 (UPI) — ` `WASHINGTON (AP) — `
//   `Washington (AFP) – `            `WASHINGTON ― `                 `FAIRVIEW, W.Va. - `
// A title-case place (`Madrid`) needs a date or an agency; a bare place must be upper case, at most
// three words, followed by a spaced dash. Anything else is not a dateline (null).
import type {Dateline} from '../types.js';

const MONTHS = new Set([
  'jan', 'january', 'feb', 'february', 'mar', 'march', 'apr', 'april', 'may', 'jun', 'june', 'jul', 'july',
  'aug', 'august', 'sep', 'sept', 'september', 'oct', 'october', 'nov', 'november', 'dec', 'december',
]);

const CAPS_WORD = String.raw`(?:(?:ST|FT|MT)\.\s)?\p{Lu}[\p{Lu}'’-]*\p{Lu}`;
const TITLE_WORD = String.raw`\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?\p{Ll}+)*`;
const PLACE = String.raw`(?<place>${CAPS_WORD}(?: ${CAPS_WORD}){0,2}|${TITLE_WORD}(?: (?:${TITLE_WORD}|de|da|do|del|la|el|al|of)){0,3})`;
// `N.Y.`, `W.Va.`, `France`, `New Zealand`, `BRAZIL`.
const REGION = String.raw`(?<region>(?:, (?:[A-Z][A-Za-z]*\.)+|, [A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)?){0,2})`;
const DATE = String.raw`(?<date>(?<month>[A-Za-z]{3,9})\.? (?<day>\d{1,2})(?:st|nd|rd|th)?|(?<day2>\d{1,2}) (?<month2>[A-Za-z]{3,9})\.?)`;
const AGENCY = String.raw`\((?<agency>[A-Za-z][A-Za-z&/ -]{0,18}[A-Za-z])\)`;
// `.-` (EFE), or a spaced hyphen, double hyphen, en dash, em dash or horizontal bar.
const SEP = String.raw`(?<sep>\s?\.\s?[-–—]\s*|\s+(?:-{1,2}|[–—―])(?:\s+|$)|\s?[–—―]\s+)`;

const DATELINE = new RegExp(String.raw`^(?:\d\s+)?${PLACE}${REGION}(?:,? ${DATE})?(?: ?${AGENCY})?${SEP}`, 'u');

// Words that open capitalised kickers, bylines and organisation names, never a dateline place.
const NOT_PLACES = new RegExp(
  '^(?:THE|A|AN|IN|ON|AT|BY|FOR|AND|BUT|WE|IT|HE|SHE|THEY|THIS|THAT|NOTE|UPDATE|UPDATED|BREAKING|EXCLUSIVE|ANALYSIS|' +
    'OPINION|EDITORIAL|COMMENT|WATCH|VIDEO|PHOTOS?|LIVE|CORRECTION|NATO|OPEC|EU|UN|IMF|WHO|FBI|CIA|GOP|UK|US|USA|' +
    'MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY|EDITOR\'?S?)$',
);

export interface DatelineMatch {
  dateline: Dateline;
  /** Length of the dateline prefix in the matched text (the body starts here). */
  length: number;
  /** True when the dateline has a date or an agency (a bare `WASHINGTON - ` is weak). */
  strong: boolean;
}

const validDate = (month: string | undefined, day: string | undefined): boolean =>
  month !== undefined && day !== undefined && MONTHS.has(month.toLowerCase()) && Number(day) >= 1 && Number(day) <= 31;

/** Matches a dateline at the start of `text` (a paragraph with its spaces collapsed), or null. */
export function matchDateline(text: string): DatelineMatch | null {
  const m = DATELINE.exec(text);
  if (!m?.groups) return null;
  const g = m.groups;
  const place = g.place!;
  const hasDate = g.date !== undefined;
  if (hasDate && !validDate(g.month ?? g.month2, g.day ?? g.day2)) return null;
  const agencyRaw = g.agency;
  const strong = hasDate || agencyRaw !== undefined;
  const caps = place === place.toUpperCase();
  if (!strong && (!caps || /^\s?\./.test(g.sep!))) return null;
  if ((!strong || !caps) && NOT_PLACES.test(place.split(' ')[0]!.toUpperCase())) return null;
  const rest = text.slice(m[0].length);
  // A bare dateline must introduce a sentence; a strong one may stand alone on its line.
  if (rest.length === 0 ? !strong : !strong && !/^["“‘'(<\p{Lu}\p{N}]/u.test(rest)) return null;
  const agency = agencyRaw === undefined ? null : agencyRaw === agencyRaw.toLowerCase() ? agencyRaw.toUpperCase() : agencyRaw;
  return {
    dateline: {place: place + (g.region ?? ''), date: hasDate ? g.date! : null, agency},
    length: m[0].length,
    strong,
  };
}
