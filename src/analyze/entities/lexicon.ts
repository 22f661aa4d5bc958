/**
 * General word lists for entity recognition: country names and their usual short forms,
 * demonyms, personal titles and the head words that mark an organisation. These are general
 * English lists, not lists of the people or events of any particular story.
 */

/** Canonical country name → other names it goes by (abbreviations, informal names). */
const COUNTRY_ALIASES: Readonly<Record<string, readonly string[]>> = {
  'United States': ['U.S.', 'US', 'USA', 'U.S.A.', 'United States of America', 'America', 'the States'],
  'United Kingdom': ['UK', 'U.K.', 'Britain', 'Great Britain', 'G.B.'],
  Russia: ['Russian Federation'],
  Ukraine: [],
  France: [],
  Germany: [],
  China: ["People's Republic of China", 'PRC'],
  Japan: [],
  India: [],
  Italy: [],
  Spain: [],
  Canada: [],
  Mexico: [],
  Brazil: [],
  Australia: [],
  Iran: [],
  Iraq: [],
  Israel: [],
  Syria: [],
  Turkey: ['Türkiye'],
  'Saudi Arabia': [],
  Poland: [],
  'North Korea': ['DPRK'],
  'South Korea': [],
  Netherlands: ['Holland', 'the Netherlands'],
  Belgium: [],
  Sweden: [],
  Norway: [],
  Finland: [],
  Denmark: [],
  Switzerland: [],
  Austria: [],
  Greece: [],
  Portugal: [],
  Ireland: [],
  Egypt: [],
  'South Africa': [],
  Nigeria: [],
  Pakistan: [],
  Afghanistan: [],
  Jamaica: [],
  Venezuela: [],
  Argentina: [],
  Cuba: [],
  Belarus: [],
  Hungary: [],
  Romania: [],
  'Czech Republic': ['Czechia'],
  Moldova: [],
  Lithuania: [],
  Latvia: [],
  Estonia: [],
  Qatar: [],
  'United Arab Emirates': ['UAE', 'U.A.E.'],
  Taiwan: [],
  Vietnam: [],
  Indonesia: [],
  Philippines: ['the Philippines'],
  Lebanon: [],
  Jordan: [],
  Yemen: [],
  Libya: [],
  Sudan: [],
  Ethiopia: [],
  Kenya: [],
  'New Zealand': [],
  Colombia: [],
  Chile: [],
  Peru: [],
  Georgia: [],
  Serbia: [],
  Croatia: [],
  Slovakia: [],
  Bulgaria: [],
  Europe: [],
};

/** Demonym → canonical country (used to strip and interpret "French President ..."). */
const DEMONYMS: Readonly<Record<string, string>> = {
  American: 'United States',
  British: 'United Kingdom',
  English: 'United Kingdom',
  Russian: 'Russia',
  Ukrainian: 'Ukraine',
  French: 'France',
  German: 'Germany',
  Chinese: 'China',
  Japanese: 'Japan',
  Indian: 'India',
  Italian: 'Italy',
  Spanish: 'Spain',
  Canadian: 'Canada',
  Mexican: 'Mexico',
  Brazilian: 'Brazil',
  Australian: 'Australia',
  Iranian: 'Iran',
  Iraqi: 'Iraq',
  Israeli: 'Israel',
  Syrian: 'Syria',
  Turkish: 'Turkey',
  Saudi: 'Saudi Arabia',
  Polish: 'Poland',
  'North Korean': 'North Korea',
  'South Korean': 'South Korea',
  Dutch: 'Netherlands',
  Belgian: 'Belgium',
  Swedish: 'Sweden',
  Norwegian: 'Norway',
  Finnish: 'Finland',
  Danish: 'Denmark',
  Swiss: 'Switzerland',
  Austrian: 'Austria',
  Greek: 'Greece',
  Portuguese: 'Portugal',
  Irish: 'Ireland',
  Egyptian: 'Egypt',
  Nigerian: 'Nigeria',
  Pakistani: 'Pakistan',
  Afghan: 'Afghanistan',
  Jamaican: 'Jamaica',
  Venezuelan: 'Venezuela',
  Cuban: 'Cuba',
  Belarusian: 'Belarus',
  Hungarian: 'Hungary',
  Romanian: 'Romania',
  Czech: 'Czech Republic',
  Lithuanian: 'Lithuania',
  Latvian: 'Latvia',
  Estonian: 'Estonia',
  Qatari: 'Qatar',
  Taiwanese: 'Taiwan',
  Vietnamese: 'Vietnam',
  Lebanese: 'Lebanon',
  European: 'Europe',
  Palestinian: 'Palestine',
};

/** Lower-cased alias → canonical place name. */
export const PLACE_ALIASES: ReadonlyMap<string, string> = new Map(
  Object.entries(COUNTRY_ALIASES).flatMap(([canonical, aliases]) => [
    [canonical.toLowerCase(), canonical] as const,
    ...aliases.map((a) => [a.toLowerCase(), canonical] as const),
  ]),
);

/** Lower-cased demonym → canonical place name. */
export const DEMONYM_PLACES: ReadonlyMap<string, string> = new Map(
  Object.entries(DEMONYMS).map(([d, p]) => [d.toLowerCase(), p] as const),
);

/** Words that form personal titles and offices; stripped from the front of a person's name. */
export const TITLE_WORDS: ReadonlySet<string> = new Set([
  'president', 'vice', 'prime', 'minister', 'secretary', 'state', 'treasury', 'foreign', 'defence', 'defense',
  'interior', 'finance', 'home', 'health', 'chancellor', 'envoy', 'special', 'ambassador', 'senator', 'sen',
  'rep', 'representative', 'congressman', 'congresswoman', 'gov', 'governor', 'mayor', 'king', 'queen', 'prince',
  'princess', 'pope', 'general', 'gen', 'admiral', 'adm', 'colonel', 'col', 'lt', 'lieutenant', 'captain', 'capt',
  'sgt', 'sergeant', 'commander', 'chief', 'director', 'spokesman', 'spokeswoman', 'spokesperson', 'chairman',
  'chairwoman', 'chair', 'ceo', 'leader', 'head', 'justice', 'judge', 'dr', 'mr', 'mrs', 'ms', 'miss', 'mx', 'sir',
  'dame', 'lord', 'lady', 'speaker', 'attorney', 'deputy', 'former', 'acting', 'first', 'candidate', 'nominee',
  'sheikh', 'crown', 'president-elect', 'premier', 'commissioner', 'reverend', 'rev', 'bishop', 'archbishop',
  'cardinal', 'rabbi', 'imam', 'professor', 'prof', 'coach', 'host', 'anchor', 'economy', 'trade', 'labor',
  'labour', 'energy', 'education', 'justice', 'emperor', 'chancellor-elect', 'regional', 'mp', 'supreme',
  'top', 'senior', 'national', 'security', 'adviser', 'advisor', 'press', 'white', 'house', 'majority',
  'minority', 'whip', 'founder', 'co-founder', 'executive', 'officer', 'democratic', 'republican', 'of',
  'transport', 'agriculture', 'environment', 'culture', 'housing', 'tourism', 'industry', 'infrastructure',
  'immigration', 'science', 'social', 'welfare', 'employment', 'economic', 'development', 'commerce', 'veterans',
  'homeland', 'war', 'navy', 'army', 'air', 'force', 'police', 'fire', 'district', 'county', 'city', 'party',
]);

/** Titles that can stand alone before a name (a sequence of title words must contain one). */
export const HEAD_TITLES: ReadonlySet<string> = new Set([
  'president', 'minister', 'secretary', 'chancellor', 'envoy', 'ambassador', 'senator', 'sen', 'rep',
  'representative', 'congressman', 'congresswoman', 'gov', 'governor', 'mayor', 'king', 'queen', 'prince',
  'princess', 'pope', 'general', 'gen', 'admiral', 'adm', 'colonel', 'col', 'lt', 'lieutenant', 'captain', 'capt',
  'sgt', 'sergeant', 'commander', 'chief', 'director', 'spokesman', 'spokeswoman', 'spokesperson', 'chairman',
  'chairwoman', 'chair', 'ceo', 'leader', 'head', 'justice', 'judge', 'dr', 'mr', 'mrs', 'ms', 'miss', 'mx', 'sir',
  'dame', 'lord', 'lady', 'speaker', 'attorney', 'sheikh', 'president-elect', 'premier', 'commissioner',
  'reverend', 'rev', 'bishop', 'archbishop', 'cardinal', 'rabbi', 'imam', 'professor', 'prof', 'coach', 'host',
  'anchor', 'emperor', 'mp', 'adviser', 'advisor', 'whip', 'founder', 'co-founder', 'officer', 'candidate', 'nominee',
  'prosecutor', 'sheriff', 'councilman', 'councilwoman', 'councillor', 'delegate', 'trustee', 'superintendent',
]);

/** Last words that mark an organisation ("Foreign Office", "Labour Party", "Fox News"). */
export const ORG_HEADS: ReadonlySet<string> = new Set([
  'office', 'ministry', 'party', 'council', 'union', 'commission', 'committee', 'house', 'department', 'agency',
  'bank', 'post', 'times', 'news', 'journal', 'press', 'network', 'institute', 'university', 'college', 'court',
  'congress', 'parliament', 'senate', 'assembly', 'army', 'navy', 'forces', 'group', 'company', 'corp', 'corporation',
  'inc', 'ltd', 'llc', 'foundation', 'association', 'organization', 'organisation', 'campaign', 'administration',
  'government', 'service', 'services', 'bureau', 'fund', 'alliance', 'federation', 'league', 'club', 'church',
  'command', 'guard', 'police', 'tribune', 'herald', 'telegraph', 'guardian', 'gazette', 'magazine', 'broadcasting',
  'television', 'radio', 'institution', 'authority', 'board', 'cabinet', 'kremlin', 'pentagon', 'reuters', 'federal',
  'commission', 'center', 'centre', 'council', 'coalition', 'movement', 'front', 'brigade', 'airlines', 'motors',
]);

/** Well-known organisation acronyms → full names (general, not story-specific). */
export const ORG_ACRONYMS: ReadonlyMap<string, string> = new Map([
  ['eu', 'European Union'],
  ['un', 'United Nations'],
  ['u.n.', 'United Nations'],
  ['nato', 'NATO'],
  ['fbi', 'FBI'],
  ['cia', 'CIA'],
  ['imf', 'International Monetary Fund'],
  ['who', 'World Health Organization'],
  ['gop', 'Republican Party'],
  ['dnc', 'Democratic National Committee'],
  ['rnc', 'Republican National Committee'],
]);

/** Words that begin a sentence and are capitalised only for that reason. */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'but', 'and', 'or', 'so', 'if', 'in', 'on', 'at', 'as', 'of', 'for', 'to', 'from', 'by', 'with',
  'after', 'before', 'during', 'since', 'while', 'when', 'where', 'what', 'who', 'why', 'how', 'this', 'that',
  'these', 'those', 'there', 'their', 'they', 'it', 'its', 'he', 'she', 'his', 'her', 'we', 'our', 'i', 'you',
  'your', 'my', 'yes', 'no', 'not', 'also', 'meanwhile', 'however', 'despite', 'although', 'though', 'because',
  'earlier', 'later', 'then', 'now', 'still', 'speaking', 'following', 'according', 'some', 'many', 'all', 'both',
  'leaders', 'officials', 'asked', 'whether', 'under', 'over', 'about', 'into', 'than', 'like', 'even', 'only',
  'just', 'more', 'most', 'other', 'such', 'every', 'each', 'any', 'last', 'next', 'one', 'two', 'three',
  'ahead', 'amid', 'among', 'between', 'across', 'against', 'around', 'without', 'within', 'through', 'until',
  'do', 'does', 'did', 'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'will', 'would', 'can',
  'could', 'should', 'may', 'might', 'must', 'let', 'read', 'also', 'here', 'mr.', 'ms.',
]);

/** Lower-cased month and weekday names: capitalised but never entities. */
export const CALENDAR_WORDS: ReadonlySet<string> = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'monday',
  'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
]);

/** Verbs of saying; a capitalised word right before one is a speaker (a person or organisation). */
export const SPEECH_VERBS: ReadonlySet<string> = new Set([
  'said', 'says', 'told', 'tells', 'added', 'adds', 'wrote', 'writes', 'posted', 'tweeted', 'insisted', 'warned',
  'stated', 'declared', 'announced', 'explained', 'noted', 'argued', 'claimed', 'asserted', 'stressed', 'replied',
  'responded', 'urged', 'called', 'suggested', 'acknowledged', 'admitted', 'confirmed', 'denied', 'spoke',
  'continued', 'recalled', 'predicted', 'promised', 'vowed', 'pledged', 'conceded', 'complained', 'hosted',
]);
