// PLACEHOLDER until issue 3 lands: who said what. Replaced wholesale.
import type {CountryMention, Organization, Person, Quote} from '../../types.js';
import type {ArticleText} from '../text.js';

export interface Entities {
  quotes: Quote[];
  people: Person[];
  countries: CountryMention[];
  organizations: Organization[];
}

export function extractEntities(_text: ArticleText): Entities {
  return {quotes: [], people: [], countries: [], organizations: []};
}
