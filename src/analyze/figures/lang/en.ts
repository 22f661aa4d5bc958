import { isDemonym } from '../../entities/index.js';
import type { Bound, FigureLanguage, PersonRole } from './types.js';

/**
 * English words for reading figures. General English only: number words, hedges, units of
 * speech, the predicates news figures go with. No word here comes from a particular story.
 */

const QUALIFIERS: Array<[string, Bound]> = [
  ['at least', 'lower-incl'], ['no fewer than', 'lower-incl'], ['no less than', 'lower-incl'], ['not less than', 'lower-incl'],
  ['a minimum of', 'lower-incl'], ['minimum of', 'lower-incl'], ['not fewer than', 'lower-incl'],
  ['more than', 'lower-excl'], ['over', 'lower-excl'], ['above', 'lower-excl'], ['in excess of', 'lower-excl'],
  ['upwards of', 'lower-excl'], ['upward of', 'lower-excl'], ['greater than', 'lower-excl'], ['exceeding', 'lower-excl'],
  ['well over', 'lower-excl'], ['well above', 'lower-excl'],
  ['up to', 'upper-incl'], ['at most', 'upper-incl'], ['no more than', 'upper-incl'], ['not more than', 'upper-incl'],
  ['as many as', 'upper-incl'], ['as much as', 'upper-incl'], ['a maximum of', 'upper-incl'], ['maximum of', 'upper-incl'],
  ['fewer than', 'upper-excl'], ['less than', 'upper-excl'], ['under', 'upper-excl'], ['below', 'upper-excl'],
  ['nearly', 'nearly'], ['almost', 'nearly'], ['close to', 'nearly'], ['just under', 'nearly'], ['just shy of', 'nearly'],
  ['not quite', 'nearly'], ['approaching', 'nearly'], ['just below', 'nearly'],
  ['about', 'about'], ['around', 'about'], ['some', 'about'], ['roughly', 'about'], ['approximately', 'about'],
  ['approx', 'about'], ['an estimated', 'about'], ['estimated', 'about'], ['circa', 'about'], ['more or less', 'about'],
  ['in the region of', 'about'], ['round about', 'about'], ['an approximate', 'about'],
  ['just over', 'just-over'], ['slightly more than', 'just-over'], ['just above', 'just-over'], ['a little over', 'just-over'],
  ['a little more than', 'just-over'],
];

const UNIT_WORDS: Array<[string, number]> = [
  ['zero', 0], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7],
  ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14],
  ['fifteen', 15], ['sixteen', 16], ['seventeen', 17], ['eighteen', 18], ['nineteen', 19],
];
const TENS_WORDS: Array<[string, number]> = [
  ['twenty', 20], ['thirty', 30], ['forty', 40], ['fifty', 50], ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90],
];
const MULTIPLIER_WORDS: Array<[string, number]> = [
  ['dozen', 12], ['hundred', 100], ['thousand', 1e3], ['million', 1e6], ['billion', 1e9], ['trillion', 1e12],
];
const FRACTION_WORDS: Array<[string, number]> = [
  ['half', 1 / 2], ['halves', 1 / 2], ['third', 1 / 3], ['thirds', 1 / 3], ['quarter', 1 / 4], ['quarters', 1 / 4],
  ['fifth', 1 / 5], ['fifths', 1 / 5], ['tenth', 1 / 10], ['tenths', 1 / 10],
];
/** "dozens" means at least two dozen and fewer than a hundred: two of the unit up to the next order. */
const VAGUE_PLURALS: Array<[string, { low: number; high: number }]> = [
  ['dozens', { low: 24, high: 99 }],
  ['scores', { low: 40, high: 99 }],
  ['hundreds', { low: 200, high: 999 }],
  ['thousands', { low: 2_000, high: 9_999 }],
  ['millions', { low: 2e6, high: 999_999_999 }],
  ['billions', { low: 2e9, high: 999_999_999_999 }],
];
const SCALES: Array<[string, number]> = [
  ['hundred', 1e2], ['thousand', 1e3], ['million', 1e6], ['billion', 1e9], ['trillion', 1e12],
  ['mn', 1e6], ['mln', 1e6], ['bn', 1e9], ['bln', 1e9], ['tn', 1e12], ['trn', 1e12],
  ['k', 1e3], ['m', 1e6], ['b', 1e9], ['lakh', 1e5], ['crore', 1e7],
];

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
];

const CHANGE_WORDS = [
  'rose', 'rise', 'rises', 'risen', 'fell', 'fall', 'falls', 'fallen', 'up', 'down', 'increased', 'decreased', 'increase',
  'decrease', 'gained', 'gain', 'gains', 'lost', 'jumped', 'dropped', 'climbed', 'slid', 'edged', 'grew', 'surged', 'plunged',
  'tumbled', 'declined', 'added', 'shed', 'slipped', 'soared', 'sank', 'by', 'advanced', 'eased', 'cut', 'raised', 'lowered',
];

const STOPWORDS = (
  'a an the and or but nor so yet of in on at to for from by with without into onto upon over under about ' +
  'as than then that this these those there here which who whom whose what when where why how ' +
  'is are was were be been being am has have had having do does did done will would shall should can could may might must ' +
  'it its it’s it\'s he him his she her hers they them their theirs we us our ours you your yours i me my mine ' +
  'not no yes also just only even still very too more most less least much many some any all each every both either neither ' +
  'said says say told according after before during since until while if because though although whether ' +
  'up down out off again further once other another such own same new per via plus amid among against between ' +
  'around near across through throughout toward towards behind beyond within along including ' +
  'now ago later earlier again today yesterday tomorrow tonight overnight already soon each'
).split(/\s+/);

const PERSON_NOUNS = [
  'people', 'person', 'civilian', 'child', 'kid', 'resident', 'adult', 'woman', 'man', 'passenger', 'worker', 'student',
  'citizen', 'victim', 'patient', 'inhabitant', 'migrant', 'immigrant', 'refugee', 'prisoner', 'inmate', 'hostage',
  'protester', 'demonstrator', 'individual', 'teenager', 'journalist', 'employee', 'villager', 'miner', 'pilgrim',
  'tourist', 'visitor', 'member', 'firefighter', 'rescuer', 'doctor', 'nurse', 'officer', 'policeman', 'policewoman',
  'boy', 'girl', 'baby', 'infant', 'pedestrian', 'soldier', 'troop', 'serviceman', 'servicemember', 'sailor', 'marine',
  'fisherman', 'voter', 'customer', 'user', 'driver', 'crew', 'crewman', 'guest', 'spectator', 'fan', 'athlete',
  'player', 'teacher', 'pupil', 'suspect', 'fighter', 'militant', 'rebel', 'lawmaker', 'senator', 'official', 'staff',
  'staffer', 'volunteer', 'survivor', 'farmer', 'household', 'family', 'personnel', 'recruit', 'reservist',
];

const ROLE_WORDS: Array<[PersonRole, string[]]> = [
  ['killed', ['killed', 'kill', 'kills', 'killing', 'dead', 'died', 'die', 'dies', 'dying', 'perished', 'slain', 'murdered']],
  ['injured', ['injured', 'injuring', 'injures', 'wounded', 'wounding', 'hurt', 'hospitalised', 'hospitalized', 'treated']],
  ['missing', ['missing', 'unaccounted']],
  ['arrested', ['arrested', 'arresting', 'detained', 'detaining']],
  ['displaced', ['displaced', 'homeless', 'fled']],
  ['evacuated', ['evacuated', 'evacuating']],
  ['rescued', ['rescued', 'rescuing']],
];
const ROLE_NOUNS: Array<[string, PersonRole]> = [
  ['death', 'killed'], ['fatality', 'killed'], ['dead', 'killed'], ['body', 'killed'],
  ['injury', 'injured'], ['injured', 'injured'], ['wounded', 'injured'],
  ['arrest', 'arrested'], ['detention', 'arrested'], ['evacuee', 'evacuated'],
];

/** Predicate classes: a figure with one of these words near it measures what the class says. */
const PREDICATES: Array<[string, string[]]> = [
  ['spend', ['spent', 'spend', 'spends', 'spending', 'expenditure', 'expenditures', 'cost', 'costs', 'costing']],
  ['pay', ['paid', 'pay', 'pays', 'paying', 'payment', 'payments', 'payout', 'settlement', 'settle', 'settled', 'repay', 'repaid']],
  ['invest', ['invested', 'invest', 'invests', 'investing', 'investment', 'investments']],
  ['lose', ['lost', 'lose', 'loses', 'losing', 'loss', 'losses', 'deficit']],
  ['profit', ['profit', 'profits', 'earnings', 'earned', 'income']],
  ['revenue', ['revenue', 'revenues', 'turnover', 'sales', 'sold', 'sell', 'sells', 'selling']],
  ['raise', ['raised', 'raise', 'raising', 'fundraising', 'donated', 'donations', 'donation']],
  ['cut', ['cut', 'cuts', 'cutting', 'slashed', 'slash', 'reduced', 'reduce', 'reduction', 'reductions']],
  ['rise', ['rose', 'rise', 'rises', 'risen', 'rising', 'increased', 'increase', 'increases', 'grew', 'grow', 'growth', 'gained', 'gain', 'gains', 'jumped', 'jump', 'climbed', 'surged', 'hike']],
  ['fall', ['fell', 'fall', 'falls', 'fallen', 'falling', 'decreased', 'decrease', 'declined', 'decline', 'dropped', 'drop', 'slid', 'plunged', 'tumbled']],
  ['win', ['won', 'win', 'wins', 'winning', 'garnered', 'received', 'got', 'leads', 'led', 'leading']],
  ['support', ['support', 'supported', 'supports', 'backing', 'backed', 'favour', 'favor', 'favored', 'favoured', 'approve', 'approved', 'approval']],
  ['oppose', ['oppose', 'opposed', 'opposes', 'disapprove', 'disapproval']],
  ['demand', ['demanded', 'demand', 'demands', 'demanding', 'requested', 'request', 'requests', 'sought', 'seeking', 'seeks', 'asking', 'asked', 'asks']],
  ['pledge', ['pledged', 'pledge', 'pledges', 'promised', 'promise', 'promises', 'vowed', 'committed']],
  ['offer', ['offered', 'offer', 'offers', 'proposed', 'propose', 'proposal']],
  ['fund', ['funding', 'funded', 'allocated', 'allocate', 'earmarked', 'budget', 'budgeted', 'appropriated', 'appropriate']],
  ['fine', ['fined', 'fine', 'fines', 'penalty', 'penalties']],
  ['owe', ['owed', 'owe', 'owes', 'debt', 'debts']],
  ['buy', ['bought', 'buy', 'buys', 'buying', 'acquired', 'acquisition', 'purchase', 'purchased']],
  ['hire', ['hired', 'hire', 'hiring', 'recruited']],
  ['lay off', ['laid', 'layoff', 'layoffs']],
  ['close', ['closed', 'close', 'closes', 'closing', 'closure', 'closures', 'shut', 'shutting']],
  ['open', ['opened', 'opens', 'opening']],
  ['build', ['built', 'build', 'builds', 'building', 'construction']],
  ['attend', ['attended', 'attend', 'attending', 'met', 'meet', 'meeting', 'gathered', 'gather', 'hosted', 'hosting', 'hosts', 'host']],
  ['train', ['trained', 'train', 'trains', 'training']],
  ['deploy', ['deployed', 'deploy', 'deploying', 'deployment', 'sent', 'send', 'sending', 'dispatched']],
  ['withdraw', ['withdrawn', 'withdraw', 'withdrawing', 'withdrawal', 'pull', 'pulled', 'pullout']],
  ['launch', ['launched', 'launch', 'launches', 'fired']],
  ['charge', ['charged', 'indicted', 'counts']],
  ['sentence', ['sentenced', 'sentence', 'faces', 'face', 'facing']],
  ['vote', ['voted', 'vote', 'votes', 'voting', 'ballots']],
];

const SYNONYMS: Array<[string, string]> = [['nation', 'country'], ['individual', 'people'], ['person', 'people'], ['kid', 'child']];

const SPEECH_VERBS = [
  'said', 'says', 'say', 'told', 'tells', 'added', 'adds', 'reported', 'reports', 'announced', 'confirmed', 'stated',
  'wrote', 'according', 'estimated', 'estimates',
];

const IRREGULAR_SINGULARS: Record<string, string> = {
  people: 'people', men: 'man', women: 'woman', children: 'child', feet: 'foot', teeth: 'tooth',
  mice: 'mouse', geese: 'goose', police: 'police', personnel: 'personnel', series: 'series',
  species: 'species', news: 'news', data: 'data', criteria: 'criterion', media: 'media',
  lives: 'life', wives: 'wife', knives: 'knife', leaves: 'leaf', halves: 'half', thieves: 'thief',
  analyses: 'analysis', crises: 'crisis', bases: 'base', cases: 'case', buses: 'bus', gases: 'gas',
  euros: 'euro', pesos: 'peso', kilos: 'kilo', photos: 'photo', videos: 'video', radios: 'radio',
  heroes: 'hero', tomatoes: 'tomato', potatoes: 'potato', vetoes: 'veto',
  cents: 'cent', pence: 'penny', inches: 'inch', hertz: 'hertz', yen: 'yen', yuan: 'yuan',
  fishermen: 'fisherman', servicemen: 'serviceman', chairmen: 'chairman', businessmen: 'businessman',
  crewmen: 'crewman', policemen: 'policeman', policewomen: 'policewoman', sales: 'sales',
  this: 'this', his: 'his', its: 'its', us: 'us', yes: 'yes', gas: 'gas', bus: 'bus', plus: 'plus',
};

/** Crude English singular of one lower-case word (`countries` → `country`, `bosses` → `boss`). */
export function singularizeEnglish(word: string): string {
  const w = word.toLowerCase();
  const irregular = IRREGULAR_SINGULARS[w];
  if (irregular) return irregular;
  if (w.length <= 3) return w;
  if (/(?:ss|us|is|ous)$/.test(w)) return w;
  if (/[^aeiou]ies$/.test(w)) return `${w.slice(0, -3)}y`;
  if (/(?:ches|shes|sses|xes|zzes|uses)$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

/** True for English words that look plural (`nations`, `people`, `troops`). */
export function isPluralEnglish(word: string): boolean {
  const w = word.toLowerCase();
  if (w in IRREGULAR_SINGULARS) return IRREGULAR_SINGULARS[w] !== w || ['people', 'police', 'personnel'].includes(w);
  return w.length > 3 && w.endsWith('s') && !/(?:ss|us|is|ous)$/.test(w);
}

export const en: FigureLanguage = {
  code: 'en',
  qualifiers: new Map(QUALIFIERS),
  unitWords: new Map(UNIT_WORDS),
  tensWords: new Map(TENS_WORDS),
  multiplierWords: new Map(MULTIPLIER_WORDS),
  fractionWords: new Map(FRACTION_WORDS),
  halfWord: 'half',
  articles: new Set(['a', 'an']),
  numberAnd: 'and',
  vaguePlurals: new Map(VAGUE_PLURALS),
  vagueScales: new Map([['tens', 10], ['dozens', 12], ['hundreds', 100]]),
  fewWords: new Map([['several', 3], ['a few', 2], ['a couple', 2]]),
  of: 'of',
  scales: new Map(SCALES),
  shortScales: new Set(['k', 'm', 'b', 'mn', 'bn', 'tn']),
  months: new Set(MONTHS),
  ambiguousMonths: new Set(['may', 'march', 'august']),
  yearPrepositions: new Set(['in', 'since', 'of', 'the', 'by', 'until', 'from', 'between', 'and', 'to', 'mid', 'early', 'late', 'before', 'after', 'during']),
  ordinalSuffixes: new Set(['st', 'nd', 'rd', 'th']),
  timeSuffixes: new Set(['am', 'pm', 'gmt', 'utc', 'bst', 'cet', 'est', 'edt', 'pst', 'pdt', 'hrs']),
  rangeTo: new Set(['to']),
  rangeBetween: 'between',
  rangeAnd: 'and',
  rangeFrom: 'from',
  changeWords: new Set(CHANGE_WORDS),
  perWords: new Set(['per', 'a', 'an']),
  relativeAfter: new Set(['earlier', 'ago', 'later', 'before', 'after', 'since', 'from']),
  relativeTimeAfter: new Set(['ago', 'earlier', 'later', 'before', 'after', 'prior']),
  relativeTimeBefore: new Set(['in']),
  agePattern: /^-?\s*(?:years?|months?)\s*-?\s*olds?\b/i,
  ageBefore: new Set(['aged', 'age']),
  numberSign: 'No',
  stopwords: new Set(STOPWORDS),
  personNouns: new Set(PERSON_NOUNS),
  roleWords: new Map(ROLE_WORDS.flatMap(([role, words]) => words.map((w) => [w, role] as const))),
  roleNouns: new Map(ROLE_NOUNS),
  predicates: new Map(PREDICATES.flatMap(([cls, words]) => words.map((w) => [w, cls] as const))),
  synonyms: new Map(SYNONYMS),
  clauseWords: new Set(['while', 'whereas', 'but', 'compared', 'versus', 'vs', 'unlike', 'than']),
  linkWords: new Set(['of', 'in', 'for', 'on']),
  aboutPrepositions: new Set(['in', 'at', 'for', 'among', 'of', 'from', 'on', 'near', 'across', 'inside', 'outside']),
  worthWords: new Set(['worth', 'valued', 'totalling', 'totaling', 'costing']),
  speechVerbs: new Set(SPEECH_VERBS),
  isDemonym,
  singularize: singularizeEnglish,
  isPlural: isPluralEnglish,
};
