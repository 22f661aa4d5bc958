/** General unit lexicon: currencies and measurement units with their normalised names. */

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
  ['r$', C('brazilian real', 'BRL')], ['$us', C('dollar', 'USD')], ['₩', C('south korean won', 'KRW')], ['₪', C('shekel', 'ILS')],
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

/** Single-letter or very ambiguous unit spellings accepted only when glued to the number (`5m`, `3h`). */
export const GLUED_ONLY = new Set(['m', 'g', 'h', 'l', 'v', 'w', 'c', 'f', 'p', 'mp', 'ps', 'ha', 'in.', '"', 'pc', 'mi', 'sen', 'rand', 'won', 'try', 'nm', 'bp']);

export interface UnitLexicon {
  /** Entries keyed by the joined lower-case token sequence. */
  byKey: Map<string, UnitEntry>;
  /** Longest entry, in tokens. */
  maxTokens: number;
}

/** Builds the after-number lexicon once. */
function buildLexicon(): UnitLexicon {
  const byKey = new Map<string, UnitEntry>();
  let maxTokens = 1;
  for (const [spellings, entry] of AFTER) {
    for (const s of spellings) {
      const key = tokenKey(s);
      if (!byKey.has(key)) byKey.set(key, entry);
      maxTokens = Math.max(maxTokens, key.split(' ').length);
    }
  }
  return { byKey, maxTokens };
}

/** Normalises a spelling to the key used by the lexicon (tokens joined by single spaces). */
export function tokenKey(spelling: string): string {
  return (spelling.toLowerCase().match(/[a-z]+|\d+|[^\sa-z\d]/g) ?? []).join(' ');
}

export const UNIT_LEXICON: UnitLexicon = buildLexicon();

/** Scale words after a number: `2 billion`, `£5bn`, `$3m`, `10k`. */
export const SCALES: ReadonlyMap<string, number> = new Map([
  ['hundred', 1e2], ['thousand', 1e3], ['million', 1e6], ['billion', 1e9], ['trillion', 1e12],
  ['mn', 1e6], ['mln', 1e6], ['bn', 1e9], ['bln', 1e9], ['tn', 1e12], ['trn', 1e12],
  ['k', 1e3], ['m', 1e6], ['b', 1e9], ['lakh', 1e5], ['crore', 1e7],
]);

/** Scale spellings that count only when glued to the number or after a currency (`$3m`, `10k`). */
export const SHORT_SCALES = new Set(['k', 'm', 'b']);

/** Units that are durations (so `in 2014`-style exclusions do not apply, and kind stays `other`). */
export const TIME_UNITS = new Set(['second', 'minute', 'hour', 'day', 'week', 'month', 'year', 'decade', 'century']);
