import { languageBundle } from '../../../core/lang/index.js';
import { buildFigureLanguage } from './build.js';
import type { FigureLanguage, PersonRole } from './types.js';

/**
 * English morphology and the English words the figure reader needs beyond the bundle
 * (src/core/lang/en): function words, nouns for people, role words, fractions. General English
 * only; no word here comes from a particular story.
 */

const FRACTION_WORDS: Array<[string, number]> = [
  ['half', 1 / 2], ['halves', 1 / 2], ['third', 1 / 3], ['thirds', 1 / 3], ['quarter', 1 / 4], ['quarters', 1 / 4],
  ['fifth', 1 / 5], ['fifths', 1 / 5], ['tenth', 1 / 10], ['tenths', 1 / 10],
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
  ['injured', ['injured', 'injuring', 'injures', 'wounded', 'wounding', 'hurt']],
  ['hospitalized', ['hospitalised', 'hospitalized', 'treated']],
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

/** English: the bundle's words with English morphology and the extras a bundle does not state. */
export const en: FigureLanguage = buildFigureLanguage(languageBundle('en')!, {
  singularize: singularizeEnglish,
  isPlural: isPluralEnglish,
  nounFirst: false,
  stopwords: new Set(STOPWORDS),
  personNouns: PERSON_NOUNS,
  roleWords: ROLE_WORDS.flatMap(([role, words]) => words.map((w) => [w, role] as const)),
  roleNouns: ROLE_NOUNS,
  fractionWords: new Map(FRACTION_WORDS),
  halfWord: 'half',
  vagueScales: new Map([['tens', 10], ['dozens', 12], ['hundreds', 100]]),
  ambiguousMonths: new Set(['may', 'march', 'august']),
  yearPrepositions: new Set(['in', 'since', 'of', 'the', 'by', 'until', 'from', 'between', 'and', 'to', 'mid', 'early', 'late', 'before', 'after', 'during']),
  ordinalSuffixes: new Set(['st', 'nd', 'rd', 'th']),
  timeSuffixes: new Set(['am', 'pm', 'gmt', 'utc', 'bst', 'cet', 'est', 'edt', 'pst', 'pdt', 'hrs']),
  relativeAfter: new Set(['earlier', 'ago', 'later', 'before', 'after', 'since', 'from']),
  agePattern: /^-?\s*(?:years?|months?)\s*-?\s*olds?\b/i,
  ageBefore: new Set(['aged', 'age']),
  numberSign: 'No',
  isEnglish: true,
  // "1,600.5" and "1600"; "1,5" or "1.2.3" are no plain English numbers.
  parseDigits: (text) =>
    /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(text) || /^\d*(?:\.\d+)?$/.test(text) || /^\d{1,3}(?:[\u00A0\u202F\u2009]\d{3})+$/.test(text)
      ? Number(text.replace(/[,\u00A0\u202F\u2009]/g, ''))
      : null,
});
