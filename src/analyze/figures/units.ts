/** General unit lexicon: currencies and measurement units with their normalised names. */
import type { LanguageBundle } from '../../core/lang/index.js';
import type { FigureLanguage } from './lang/types.js';
import type { Token } from './tokens.js';

export interface UnitEntry {
  /** Normalised unit name (`euro`, `mile per hour`). */
  unit: string;
  /** ISO 4217 code for currencies. */
  currency?: string;
}

const C = (unit: string, currency: string): UnitEntry => ({ unit, currency });

/** Currency markers written before the number (`$5`, `US$ 5`, `EUR 5`), lower-cased. */
export const CURRENCY_PREFIXES: ReadonlyMap<string, UnitEntry> = new Map([
  ['$', C('dollar', 'USD')], ['us$', C('dollar', 'USD')], ['usd', C('dollar', 'USD')],
  ['€', C('euro', 'EUR')], ['eur', C('euro', 'EUR')],
  ['£', C('pound sterling', 'GBP')], ['gbp', C('pound sterling', 'GBP')],
  ['¥', C('japanese yen', 'JPY')], ['jpy', C('japanese yen', 'JPY')],
  ['cny', C('chinese yuan', 'CNY')], ['rmb', C('chinese yuan', 'CNY')],
  ['₹', C('indian rupee', 'INR')], ['inr', C('indian rupee', 'INR')], ['rs', C('indian rupee', 'INR')],
  ['₽', C('russian ruble', 'RUB')], ['rub', C('russian ruble', 'RUB')],
  ['₴', C('ukrainian hryvnia', 'UAH')], ['uah', C('ukrainian hryvnia', 'UAH')],
  ['chf', C('swiss franc', 'CHF')],
  ['c$', C('canadian dollar', 'CAD')], ['cad', C('canadian dollar', 'CAD')], ['ca$', C('canadian dollar', 'CAD')],
  ['a$', C('australian dollar', 'AUD')], ['aud', C('australian dollar', 'AUD')], ['au$', C('australian dollar', 'AUD')],
  ['hk$', C('hong kong dollar', 'HKD')], ['hkd', C('hong kong dollar', 'HKD')],
  ['nz$', C('new zealand dollar', 'NZD')], ['s$', C('singapore dollar', 'SGD')],
  ['r$', C('brazilian real', 'BRL')], ['$us', C('dollar', 'USD')], ['$a', C('australian dollar', 'AUD')], ['₩', C('south korean won', 'KRW')], ['₪', C('shekel', 'ILS')],
  ['rm', C('malaysian ringgit', 'MYR')], ['₺', C('turkish lira', 'TRY')],
]);

/**
 * Units written after the number, keyed by their lower-case token sequence joined by spaces.
 * Longest match wins; plural and singular spellings are both listed where they differ.
 */
const AFTER: Array<[string[], UnitEntry]> = [
  // currencies
  [['dollar', 'dollars', 'us dollars', 'u.s. dollars', 'usd', 'us$'], C('dollar', 'USD')],
  [['euro', 'euros', 'eur'], C('euro', 'EUR')],
  [['pound', 'pounds', 'pounds sterling', 'pound sterling', 'gbp', 'sterling'], C('pound sterling', 'GBP')],
  [['yen', 'jpy'], C('japanese yen', 'JPY')],
  [['yuan', 'renminbi', 'cny', 'rmb'], C('chinese yuan', 'CNY')],
  [['rupee', 'rupees', 'inr'], C('indian rupee', 'INR')],
  [['rouble', 'roubles', 'ruble', 'rubles', 'rub'], C('russian ruble', 'RUB')],
  [['hryvnia', 'hryvnias', 'hryvnias', 'uah'], C('ukrainian hryvnia', 'UAH')],
  [['swiss francs', 'swiss franc', 'francs', 'franc', 'chf'], C('swiss franc', 'CHF')],
  [['canadian dollars', 'canadian dollar', 'cad'], C('canadian dollar', 'CAD')],
  [['australian dollars', 'australian dollar', 'aud'], C('australian dollar', 'AUD')],
  [['hong kong dollars', 'hkd'], C('hong kong dollar', 'HKD')],
  [['shekel', 'shekels', 'new shekels', 'ils'], C('shekel', 'ILS')],
  [['ringgit', 'myr'], C('malaysian ringgit', 'MYR')],
  [['rand', 'zar'], C('south african rand', 'ZAR')],
  [['lira', 'liras', 'try'], C('turkish lira', 'TRY')],
  [['won', 'krw'], C('south korean won', 'KRW')],
  [['peso', 'pesos'], C('peso', 'MXN')],
  [['zloty', 'zlotys', 'pln'], C('polish zloty', 'PLN')],
  [['bitcoin', 'bitcoins', 'btc'], C('bitcoin', 'BTC')],
  [['cent', 'cents'], { unit: 'cent' }],
  [['pence', 'penny', 'p'], { unit: 'penny' }],
  [['sen'], { unit: 'sen' }],
  // ratios
  [['%', 'percent', 'per cent', 'pc', 'percentage'], { unit: 'percentage' }],
  [['percentage point', 'percentage points', 'points percentage'], { unit: 'percentage point' }],
  [['basis point', 'basis points', 'bps', 'bp'], { unit: 'basis point' }],
  [['ppm', 'parts per million'], { unit: 'part per million' }],
  [['ppb', 'parts per billion'], { unit: 'parts-per-billion' }],
  // speed
  [['mph', 'm.p.h.', 'm.p.h', 'miles per hour', 'miles an hour', 'mile per hour', 'mi/h'], { unit: 'mile per hour' }],
  [['km/h', 'kph', 'kmh', 'kilometres per hour', 'kilometers per hour', 'kilometres an hour', 'kilometers an hour'], { unit: 'kilometre per hour' }],
  [['mpg', 'miles per gallon'], { unit: 'mile per gallon' }],
  [['knots', 'knot'], { unit: 'knot' }],
  // length, area
  [['nautical mile', 'nautical miles', 'nmi'], { unit: 'nautical mile' }],
  [['mile', 'miles', 'mi'], { unit: 'mile' }],
  [['km', 'kms', 'kilometre', 'kilometres', 'kilometer', 'kilometers'], { unit: 'kilometre' }],
  [['m', 'metre', 'metres', 'meter', 'meters'], { unit: 'metre' }],
  [['cm', 'centimetre', 'centimetres', 'centimeter', 'centimeters'], { unit: 'centimetre' }],
  [['mm', 'millimetre', 'millimetres', 'millimeter', 'millimeters'], { unit: 'millimetre' }],
  [['nm', 'nanometre', 'nanometres', 'nanometer', 'nanometers'], { unit: 'nanometre' }],
  [['micron', 'microns', 'micrometre', 'micrometres', 'micrometer', 'micrometers', 'µm'], { unit: 'micrometre' }],
  [['inch', 'inches', 'in.', '"'], { unit: 'inch' }],
  [['foot', 'feet', 'ft'], { unit: 'foot' }],
  [['yard', 'yards', 'yd', 'yds'], { unit: 'yard' }],
  [['square metres', 'square meters', 'square metre', 'square meter', 'sq m', 'm2', 'm²', 'sqm'], { unit: 'square metre' }],
  [['square kilometres', 'square kilometers', 'square kilometre', 'square kilometer', 'sq km', 'km2', 'km²'], { unit: 'square kilometre' }],
  [['square feet', 'square foot', 'sq ft', 'sq. ft.'], { unit: 'square foot' }],
  [['square miles', 'square mile', 'sq mi'], { unit: 'square mile' }],
  [['acre', 'acres'], { unit: 'acre' }],
  [['hectare', 'hectares', 'ha'], { unit: 'hectare' }],
  // mass, volume
  [['kg', 'kgs', 'kilo', 'kilos', 'kilogram', 'kilograms', 'kilogramme', 'kilogrammes'], { unit: 'kilogram' }],
  [['g', 'gram', 'grams', 'gramme', 'grammes'], { unit: 'gram' }],
  [['mg', 'milligram', 'milligrams'], { unit: 'milligram' }],
  [['lb', 'lbs'], { unit: 'pound-mass' }],
  [['ounce', 'ounces', 'oz'], { unit: 'ounce' }],
  [['tonne', 'tonnes', 'metric tons', 'metric ton'], { unit: 'metric ton' }],
  [['ton', 'tons'], { unit: 'ton' }],
  [['gigatonne', 'gigatonnes', 'gigaton', 'gigatons'], { unit: 'gigaton' }],
  [['megatonne', 'megatonnes', 'megaton', 'megatons'], { unit: 'megaton' }],
  [['litre', 'litres', 'liter', 'liters', 'l'], { unit: 'litre' }],
  [['ml', 'millilitre', 'millilitres', 'milliliter', 'milliliters'], { unit: 'millilitre' }],
  [['gallon', 'gallons'], { unit: 'gallon' }],
  [['barrels per day', 'barrels a day', 'barrel per day', 'bpd', 'b/d'], { unit: 'barrel per day' }],
  [['barrel', 'barrels'], { unit: 'barrel' }],
  // data, energy, power, frequency
  [['gb', 'gigabyte', 'gigabytes'], { unit: 'gigabyte' }],
  [['mb', 'megabyte', 'megabytes'], { unit: 'megabyte' }],
  [['tb', 'terabyte', 'terabytes'], { unit: 'terabyte' }],
  [['kb', 'kilobyte', 'kilobytes'], { unit: 'kilobyte' }],
  [['mbps', 'megabits per second', 'mbit/s'], { unit: 'megabit per second' }],
  [['gbps', 'gigabits per second'], { unit: 'gigabit per second' }],
  [['ghz', 'gigahertz'], { unit: 'gigahertz' }],
  [['mhz', 'megahertz'], { unit: 'megahertz' }],
  [['khz', 'kilohertz'], { unit: 'kilohertz' }],
  [['hz', 'hertz'], { unit: 'hertz' }],
  [['kw', 'kilowatt', 'kilowatts'], { unit: 'kilowatt' }],
  [['mw', 'megawatt', 'megawatts'], { unit: 'megawatt' }],
  [['gw', 'gigawatt', 'gigawatts'], { unit: 'gigawatt' }],
  [['w', 'watt', 'watts'], { unit: 'watt' }],
  [['kwh', 'kilowatt-hour', 'kilowatt-hours', 'kilowatt hours', 'kilowatt hour'], { unit: 'kilowatt hour' }],
  [['mwh', 'megawatt-hours', 'megawatt hours'], { unit: 'megawatt hour' }],
  [['gwh', 'gigawatt-hours', 'gigawatt hours'], { unit: 'gigawatt hour' }],
  [['mah'], { unit: 'milliampere-hour' }],
  [['v', 'volt', 'volts'], { unit: 'volt' }],
  [['hp', 'horsepower', 'ps'], { unit: 'horsepower' }],
  [['bhp', 'brake horsepower'], { unit: 'brake horsepower' }],
  [['rpm'], { unit: 'revolutions per minute' }],
  [['pound-feet', 'lb-ft', 'pound-foot', 'lb ft'], { unit: 'pound-foot' }],
  [['nm torque', 'newton metres', 'newton meters'], { unit: 'newton metre' }],
  [['calorie', 'calories', 'kcal'], { unit: 'calorie' }],
  [['megapixel', 'megapixels', 'mp'], { unit: 'megapixel' }],
  // temperature, angle
  [['°c', '° c', 'degrees celsius', 'degree celsius', 'degrees c', 'celsius', 'degrees centigrade', 'c'], { unit: 'celsius' }],
  [['°f', '° f', 'degrees fahrenheit', 'degree fahrenheit', 'degrees f', 'fahrenheit', 'f'], { unit: 'fahrenheit' }],
  [['°', 'degree', 'degrees'], { unit: 'degree' }],
  // time
  [['second', 'seconds', 'sec', 'secs'], { unit: 'second' }],
  [['minute', 'minutes', 'min', 'mins'], { unit: 'minute' }],
  [['hour', 'hours', 'hr', 'hrs', 'h'], { unit: 'hour' }],
  [['day', 'days'], { unit: 'day' }],
  [['week', 'weeks'], { unit: 'week' }],
  [['month', 'months'], { unit: 'month' }],
  [['year', 'years', 'yrs'], { unit: 'year' }],
  [['decade', 'decades'], { unit: 'decade' }],
  [['century', 'centuries'], { unit: 'century' }],
  // sports and counts
  [['point', 'points', 'pts'], { unit: 'point' }],
  [['times', 'fold'], { unit: 'count' }],
];

/** One-letter units written in lower case only (`m`, `g`, `h`, `l`); `V`, `W`, `C`, `F` are upper case. */
const LOWER_CASE_UNITS = new Set(['m', 'g', 'h', 'l', 'p']);

/** Single-letter or very ambiguous unit spellings accepted only when glued to the number (`5m`, `3h`). */
export const GLUED_ONLY = new Set(['m', 'g', 'h', 'l', 'v', 'w', 'c', 'f', 'p', 'mp', 'ps', 'ha', 'in.', '"', 'pc', 'mi', 'sen', 'rand', 'won', 'try', 'nm', 'bp']);

export interface UnitLexicon {
  /** Entries keyed by the joined lower-case token sequence. */
  byKey: Map<string, UnitEntry>;
  /** Longest entry, in tokens. */
  maxTokens: number;
}

/**
 * Spellings of `AFTER` that every language writes alike: symbols, SI abbreviations, ISO currency
 * codes. The words ("dollars", "miles") are English and come from each language's bundle instead.
 */
const NEUTRAL_SPELLING = /^(?:%|°c|° c|°f|° f|°|km|kms|m|cm|mm|nm|µm|m2|m²|km2|km²|sqm|kg|kgs|g|mg|t|l|ml|gb|mb|tb|kb|mbps|gbps|ghz|mhz|khz|hz|kw|mw|gw|w|kwh|mwh|gwh|mah|v|hp|ps|rpm|km\/h|kmh|kph|mph|bpd|b\/d|ppm|ppb|usd|us\$|eur|gbp|jpy|cny|rmb|inr|rub|uah|chf|cad|aud|hkd|ils|myr|zar|krw|pln|btc|h|min|s)$/;

/**
 * Builds the after-number lexicon of a language: for English the full list above plus the
 * bundle's names; for another language the language-neutral spellings, its bundle's currency and
 * unit names and its words for per cent.
 */
export function buildUnitLexicon(bundle: LanguageBundle, isEnglish: boolean): UnitLexicon {
  const byKey = new Map<string, UnitEntry>();
  let maxTokens = 1;
  const add = (spelling: string, entry: UnitEntry): void => {
    const key = tokenKey(spelling);
    if (key === '' || byKey.has(key)) return;
    byKey.set(key, entry);
    maxTokens = Math.max(maxTokens, key.split(' ').length);
  };
  for (const [spellings, entry] of AFTER) for (const sp of spellings) if (isEnglish || NEUTRAL_SPELLING.test(sp)) add(sp, entry);
  // "15.000 millones de $", "20 €": currency signs also follow the amount.
  for (const [sign, entry] of CURRENCY_PREFIXES) if (!/^\p{L}+$/u.test(sign)) add(sign, entry);
  for (const c of bundle.currencies) {
    const known = [...byKey.values()].find((e) => e.currency === c.code);
    for (const name of c.names) add(name, { unit: known?.unit ?? c.code.toLowerCase(), currency: c.code });
  }
  for (const u of bundle.units) for (const name of u.names) add(name, { unit: u.unit });
  for (const w of bundle.numbers.percentWords) add(w, { unit: 'percentage' });
  return { byKey, maxTokens };
}

/** Normalises a spelling to the key used by the lexicon (tokens joined by single spaces). */
export function tokenKey(spelling: string): string {
  return (spelling.toLowerCase().match(/\p{L}+|\d+|[^\s\p{L}\d]/gu) ?? []).join(' ');
}

/** Units that are durations. */
export const TIME_UNITS: ReadonlySet<string> = new Set(['second', 'minute', 'hour', 'day', 'week', 'month', 'year', 'decade', 'century']);
/** Units that are shares rather than amounts. */
export const RATIO_UNITS: ReadonlySet<string> = new Set(['percentage', 'percentage point', 'basis point', 'part per million', 'parts-per-billion']);

/** The currency marker written before a number at `i` (`$`, `US$`, `EUR`), or null. */
export function matchCurrencyPrefix(tokens: readonly Token[], i: number): { entry: UnitEntry; end: number } | null {
  const t = tokens[i];
  if (!t) return null;
  const n = tokens[i + 1];
  const isUpper = (x: Token): boolean => x.text === x.text.toUpperCase();
  // "US$", "HK$", "C$": an upper-case word glued to "$"
  if (t.isWord && n?.text === '$' && n.glued && isUpper(t)) {
    const entry = CURRENCY_PREFIXES.get(`${t.lower}$`);
    if (entry) return { entry, end: i + 2 };
  }
  // "$US5 million": the country code after the symbol
  if (t.text === '$' && n?.glued && n.isWord && isUpper(n) && tokens[i + 2]?.isDigits) {
    const entry = CURRENCY_PREFIXES.get(`$${n.lower}`);
    if (entry) return { entry, end: i + 2 };
  }
  const entry = CURRENCY_PREFIXES.get(t.lower);
  if (!entry) return null;
  // Codes such as "EUR", "Rs" must be upper-case or symbols, so words like "rub" stay words.
  if (t.isWord && !isUpper(t) && t.lower !== 'rs') return null;
  return { entry, end: i + 1 };
}

/** The unit written at `i` (`%`, `per cent`, `euros`, `GB` glued), longest spelling first, or null. */
export function matchUnitAfter(tokens: readonly Token[], i: number, lang: FigureLanguage): { entry: UnitEntry; end: number } | null {
  const lexicon = lang.units;
  for (let n = lexicon.maxTokens; n >= 1; n--) {
    const seq = tokens.slice(i, i + n);
    if (seq.length < n) continue;
    const key = seq.map((t) => t.lower).join(' ');
    const entry = lexicon.byKey.get(key);
    if (!entry) continue;
    const first = seq[0]!;
    if (GLUED_ONLY.has(key) && !first.glued) continue;
    // "5g" is five grams, "3G" a network: a one-letter unit keeps its case.
    if (key.length === 1 && LOWER_CASE_UNITS.has(key) && first.text !== key) continue;
    // A letter glued to the number must not run on into a word ("5Gs" is not "5 g").
    const after = tokens[i + n];
    if (after && after.glued && after.isWord && seq[n - 1]?.isWord) continue;
    return { entry, end: i + n };
  }
  return null;
}

/** `per barrel`, `a day`, `/h` after a unit: the compound unit's second part, or null. */
export function matchPer(tokens: readonly Token[], i: number, lang: FigureLanguage): { unit: string; end: number } | null {
  const t = tokens[i];
  const n = tokens[i + 1];
  if (!t || !n || !n.isWord) return null;
  const isArticle = lang.articles.has(t.lower);
  const isRate = isArticle && TIME_UNITS.has(lang.singularize(n.lower)) && !lang.relativeAfter.has(tokens[i + 2]?.lower ?? '');
  if ((lang.perWords.has(t.lower) && !isArticle) || t.text === '/' || isRate) {
    const unit = matchUnitAfter(tokens, i + 1, lang);
    if (unit && !unit.entry.currency) return { unit: unit.entry.unit, end: unit.end };
    if (!isArticle && t.text !== '/' && !lang.isStopword(n.lower)) return { unit: lang.singularize(n.lower), end: i + 2 };
  }
  return null;
}
