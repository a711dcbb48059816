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

/** Gendered role heads. */
export const ROLE_GENDER: ReadonlyMap<string, 'm' | 'f'> = new Map([
  ['king', 'm'], ['queen', 'f'], ['emperor', 'm'], ['empress', 'f'], ['prince', 'm'], ['princess', 'f'],
  ['congressman', 'm'], ['congresswoman', 'f'], ['spokesman', 'm'], ['spokeswoman', 'f'], ['chairman', 'm'],
  ['chairwoman', 'f'], ['councilman', 'm'], ['councilwoman', 'f'], ['sheikh', 'm'], ['sultan', 'm'], ['emir', 'm'],
]);

/** Verbs and phrases that attribute words to a speaker (all inflections listed: no stemming needed). */
export const CUE_VERBS = set(`
said says say saying told tells tell telling added adds adding noted notes noting warned warns warning stressed
stresses stressing urged urges urging hoped hopes welcomed welcomes asked asks asking explained explains explaining
insisted insists insisting argued argues arguing claimed claims claiming declared declares announced announces
wrote writes writing tweeted tweets posted replied replies responded responds continued continues acknowledged
acknowledges admitted admits agreed agrees conceded concedes contended contends suggested suggests predicted
predicts promised promises vowed vows pledged pledges recalled recalls remarked remarks observed observes stated
states commented comments complained complains cautioned cautions charged charges boasted boasts joked jokes
quipped quips lamented laments emphasized emphasizes emphasised emphasises underscored underscores reiterated
reiterates repeated repeats concluded concludes testified testifies maintained maintains countered counters
criticized criticised criticizes criticises praised praises described describes accused accuses blasted blasts
slammed slams mocked mocks expressed expresses reported reports wondered wonders conceded confirmed confirms
denied denies demanded demands called calls shouted yelled thundered fumed snapped retorted mused predicted
assured assures reassured cried pointed alleged alleges estimated estimates forecast believes believed thinks
thought feels felt proclaimed proclaims
`);

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
`);

/** US states and a few regions: capitalised runs that are places, absent from the country dataset. */
export const PLACES = set(`
alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho illinois indiana
iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana
nebraska nevada hampshire jersey mexico york carolina dakota ohio oklahoma oregon pennsylvania rhode tennessee
texas utah vermont virginia wisconsin wyoming manhattan brooklyn chicago boston angeles francisco philadelphia
houston dallas atlanta miami seattle detroit baltimore cleveland denver phoenix orleans vegas scotland wales
england london westminster whitehall downing brussels strasbourg geneva davos silicon wall capitol indo-pacific
asia-pacific europe eurasia balkans caribbean scandinavia siberia crimea donbas gaza kashmir tibet taiwan
glasgow edinburgh belfast cardiff manchester birmingham liverpool leeds bristol oxford cambridge sheffield
`);
