// Closed-class English word lists the extractors share: titles, roles, attribution cues, and the
// capitalised words that never name a person. General language knowledge, not article content.

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/));

/** Honorifics before a name, lower-cased without the dot, with the gender they imply. */
export const HONORIFICS: ReadonlyMap<string, 'm' | 'f' | null> = new Map([
  ['mr', 'm'], ['mrs', 'f'], ['ms', 'f'], ['miss', 'f'], ['sir', 'm'], ['lord', 'm'], ['lady', 'f'], ['dame', 'f'],
  ['dr', null], ['prof', null], ['professor', null], ['rev', null], ['reverend', null], ['mx', null],
]);

/** Abbreviated titles that are roles: `Rep. Jerry Nadler`, `Sen. Claire McCaskill`, `Gov. Mike Pence`. */
export const ROLE_ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['rep', 'representative'], ['sen', 'senator'], ['gov', 'governor'], ['pres', 'president'], ['gen', 'general'],
  ['lt', 'lieutenant'], ['col', 'colonel'], ['capt', 'captain'], ['sgt', 'sergeant'], ['adm', 'admiral'],
  ['del', 'delegate'], ['amb', 'ambassador'], ['atty', 'attorney'], ['supt', 'superintendent'],
]);

/** Role head nouns (last word of a role). Multi-word roles are built from modifiers before these. */
export const ROLE_HEADS = set(`
president vice-president premier chancellor minister secretary governor senator representative congressman
congresswoman congressperson king queen emperor empress prince princess sheikh emir sultan monarch mayor speaker
leader chairman chairwoman chairperson chair chief director spokesman spokeswoman spokesperson ambassador envoy
commissioner general admiral colonel captain sergeant lieutenant marshal officer official adviser advisor aide
strategist manager executive ceo founder co-founder head analyst economist professor lawyer attorney judge justice
candidate nominee deputy delegate lawmaker legislator mp mep diplomat negotiator inspector superintendent sheriff
commander counsel treasurer comptroller host anchor correspondent reporter editor columnist writer author
researcher scientist historian strategist pollster consultant activist organizer campaigner chancellor governor-general
superintendent whip councillor councilman councilwoman alderman magistrate prosecutor
`);

/** Role heads that make a person a leader: heads of state or government, ministers, comparable officials. */
export const LEADER_HEADS = set(`
president vice-president premier chancellor minister secretary governor senator representative congressman
congresswoman congressperson king queen emperor empress monarch sultan emir sheikh mayor speaker leader
governor-general lawmaker legislator mp mep
`);

/** Words that turn a leader head into a non-leader role (`press secretary`, `party spokesman`). */
export const NON_LEADER_MODIFIERS = set('press assistant deputy-press permanent private general-secretary');

/** Lower-case words that may sit inside a role before its head: `prime minister`, `foreign secretary`. */
export const ROLE_MODIFIERS = set(`
prime vice deputy foreign home defence defense finance trade industry interior justice health education
environment culture energy treasury state press chief executive senior junior general attorney party opposition
former acting interim first second assistant principal associate managing national regional police foreign-affairs
economic political communications campaign policy security intelligence labor labour transport agriculture
communications shadow junior minority majority house senate white top
`);

/** Nouns for people that are not titles but name one person in a description: `the New York businessman`. */
export const PERSON_NOUNS = set(`
businessman businesswoman billionaire mogul tycoon developer entrepreneur nominee candidate challenger incumbent
announcer narrator questioner moderator interviewer host panelist father mother son daughter wife husband brother
sister widow widower friend neighbor neighbour resident voter supporter critic protester witness victim veteran
student teacher doctor nurse physician surgeon pastor priest bishop rabbi imam owner worker employee spokesman
spokeswoman spokesperson source official aide adviser advisor lawyer attorney
`);

/** Gendered role heads. */
export const ROLE_GENDER: ReadonlyMap<string, 'm' | 'f'> = new Map([
  ['king', 'm'], ['queen', 'f'], ['emperor', 'm'], ['empress', 'f'], ['prince', 'm'], ['princess', 'f'],
  ['congressman', 'm'], ['congresswoman', 'f'], ['spokesman', 'm'], ['spokeswoman', 'f'], ['chairman', 'm'],
  ['chairwoman', 'f'], ['councilman', 'm'], ['councilwoman', 'f'], ['sheikh', 'm'], ['sultan', 'm'], ['emir', 'm'],
]);

/**
 * Every inflection of a reporting verb: `say` -> say, says, said, saying. Written as the base form,
 * with `base/past` when the past is irregular and a trailing `+` when the final consonant doubles
 * (`quip+` -> quipped, quipping).
 */
function inflect(spec: string): string[] {
  const [word, irregular] = spec.replace(/\+$/, '').split('/') as [string, string | undefined];
  const double = spec.endsWith('+');
  const stem = double ? word + word[word.length - 1] : word;
  const third = /(s|x|z|ch|sh)$/.test(word) ? word + 'es' : /[^aeiou]y$/.test(word) ? word.slice(0, -1) + 'ies' : word + 's';
  const past = irregular ?? (word.endsWith('e') ? word + 'd' : /[^aeiou]y$/.test(word) ? word.slice(0, -1) + 'ied' : stem + 'ed');
  const ing = word.endsWith('ie') ? word.slice(0, -2) + 'ying' : word.endsWith('e') && !/(ee|ye|oe)$/.test(word) ? word.slice(0, -1) + 'ing' : stem + 'ing';
  return [word, third, past, ing, ...(irregular?.includes(',') ? irregular.split(',') : [])];
}

/** Inflections too often something else: `the state`, `points`, `feeling`, `reading`. */
const NOT_CUES = new Set('state states stating points pointing calls feels feeling thinking reading posting texting messaging tease singing'.split(' '));

/** Verbs that attribute words to a speaker, every inflection (`said`, `says`, `tweeting`, `wrote`). */
export const CUE_VERBS: ReadonlySet<string> = new Set(`
say/said tell/told add note warn stress urge hope welcome ask explain insist argue claim declare announce
write/wrote tweet post reply respond continue acknowledge admit+ agree concede contend suggest predict promise vow
pledge recall remark observe state comment complain caution charge boast joke quip+ lament emphasize emphasise
underscore reiterate repeat conclude testify maintain counter criticize criticise praise describe accuse blast slam+
mock express report wonder confirm deny demand call shout yell thunder fume snap+ retort muse assure reassure cry
point allege estimate forecast/forecast believe think/thought proclaim read/read laud hail dismiss brand
label dub+ tout scold chide decry denounce condemn deride ridicule attack chant scream sing/sang whisper text email
message exclaim rail recount concur+ counsel advise plead/pleaded grumble gripe scoff sneer taunt tease lash
quote mutter murmur inform preach/preached pronounce
`.trim().split(/\s+/).flatMap(inflect).flatMap((w) => w.split(',')).filter((w) => !NOT_CUES.has(w)));

/** Nouns that carry an attribution when a source owns them: `a White House statement added`, `in a statement`. */
export const CUE_NOUNS = set('statement statements transcript interview remarks release communique letter tweet speech post memo');

/** Words that may sit between a speaker and the cue: `Kishida also welcomed`, `Yoon, meanwhile, warned`. */
export const ADVERBS = set(`
also later then again further previously meanwhile however once recently earlier too has had have would will
had previously repeatedly already yet still simply only just even flatly bluntly quickly often frequently
reportedly separately similarly additionally subsequently has been was is
`);

export const PRONOUNS: ReadonlyMap<string, 'm' | 'f' | 'n'> = new Map([
  ['he', 'm'], ['she', 'f'], ['they', 'n'], ['it', 'n'],
]);
export const POSSESSIVE_PRONOUNS: ReadonlyMap<string, 'm' | 'f'> = new Map([['he', 'm'], ['his', 'm'], ['him', 'm'], ['she', 'f'], ['her', 'f'], ['hers', 'f']]);

export const MONTHS = set(`
january february march april may june july august september october november december jan feb mar apr jun jul
aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday
`);

/** Words for times of day and spans of time: never a speaker, never part of a description of one. */
export const TIME_WORDS = set(`
morning afternoon evening night overnight midnight noon midday weekend weekday week weeks month months year years
day days hour hours minute minutes decade decades century dawn dusk tonight today yesterday tomorrow
period periods quarter quarters season seasons
`);

/** Capitalised words that start sentences or headings and never name a person. */
export const FUNCTION_WORDS = set(`
the a an and or but nor so yet for of in on at to from by with without about after before during since until
while when where why how what who whom whose which that this these those there here it its it's he she they we i
you his her their our my your him them us me if as than then though although because unless whether not no yes
all any each every some many much more most other another such both either neither one two three four five six
seven eight nine ten first second third last next new old also only just even still already again meanwhile
however therefore moreover furthermore indeed instead otherwise earlier later today yesterday tomorrow tonight now
asked according speaking said says told added mr mrs ms dr sir over under into onto across through against among
between around near via per do does did is are was were be been being has have had will would shall should can
could may might must let lets here's there's it’s that's what's we're they're i'm don't can't won't up down out off
after-all despite amid including like unlike within beyond toward towards upon whereas thus hence nevertheless
nonetheless perhaps maybe instead please thanks thank well oh ok okay dear breaking update updated exclusive
watch read see more related articles back top home news photo video image getty reuters ap afp file
`);

/** Head words of organisations, places and events: a capitalised run holding one is not a person. */
export const NON_PERSON_WORDS = set(`
street avenue road boulevard square house hall court party committee council department ministry agency office
university college school academy institute center centre foundation association union bank fund corporation
corp inc ltd llc plc company co group holdings news post times journal herald tribune press network channel
magazine review gazette telegraph guardian observer daily weekly club church cathedral mosque temple hospital
airport station county city state states province region islands island republic kingdom empire federation
hill valley river mountains mountain sea ocean lake bay gulf coast peninsula strait canal park bridge tower
army navy force forces guard police commission board authority administration congress senate parliament
assembly cabinet government summit day week act bill law treaty accord convention campaign project program
programme initiative caucus conference forum olympics cup games war prize award index exchange market markets
airlines airways motors energy oil petroleum pharmaceuticals systems technologies capital partners securities
pacific atlantic asia europe africa america americas arctic antarctic middle east west north south central
democrats republicans conservatives tories labour liberals greens socialists communists nationalists unionists
federal national international global world united royal supreme high superior district circuit municipal
constitution bible koran quran god lord internet web twitter facebook youtube google instagram tv radio
christmas easter ramadan thanksgiving halloween election elections primary primaries debate convention
university's museum library gallery theatre theater stadium arena plaza mall hotel restaurant centre's
articles article button top menu subscribe newsletter copyright rights reserved photo photos video videos
show podcast broadcast service services system supplement scheme tax year prison jail coalition alliance movement society
morning afternoon evening night midnight weekend mass
`);

/** US states and a few regions: capitalised runs that are places, absent from the country dataset. */
export const PLACES = set(`
alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho illinois indiana
iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana
nebraska nevada hampshire jersey mexico york carolina dakota ohio oklahoma oregon pennsylvania rhode tennessee
texas utah vermont virginia wisconsin wyoming manhattan brooklyn chicago boston philadelphia
houston dallas atlanta miami seattle detroit baltimore cleveland denver phoenix orleans vegas scotland wales
england london westminster whitehall downing brussels strasbourg geneva davos silicon wall capitol indo-pacific
asia-pacific europe eurasia balkans caribbean scandinavia siberia crimea donbas gaza kashmir tibet taiwan
glasgow edinburgh belfast cardiff manchester birmingham liverpool leeds bristol oxford cambridge sheffield
`);

/** Last words of two-word places that are also given names (`Francisco Herrero`, `Angeles Roman`):
 *  a place only after the first word (`San Francisco`, `Los Angeles`). (`Carolina` stays a place: `Carolina Panthers`.) */
export const PLACE_TAILS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['francisco', new Set(['san'])], ['angeles', new Set(['los'])],
]);
