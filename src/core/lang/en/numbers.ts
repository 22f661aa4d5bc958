import type { CurrencyNames, NumberRules, PeopleRules, UnitNames } from '../types.js';

export const numbers: NumberRules = {
  decimalSeparator: '.',
  groupSeparators: [',', ' ', '\u00a0', '\u202f', '\u2009'],
  words: {
    zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
    twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
    twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100,
    thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, dozen: 12, a: 1, an: 1,
  },
  wordJoiners: ['and', '-'],
  vague: {
    dozens: { low: 24, high: 99 }, scores: { low: 40, high: 99 }, hundreds: { low: 200, high: 999 },
    thousands: { low: 2_000, high: 9_999 }, 'tens of thousands': { low: 20_000, high: 99_999 },
    'hundreds of thousands': { low: 200_000, high: 999_999 }, millions: { low: 2e6, high: 999_999_999 },
    billions: { low: 2e9, high: 999_999_999_999 },
  },
  scales: {
    hundred: 1e2, thousand: 1e3, million: 1e6, millions: 1e6, billion: 1e9, billions: 1e9, trillion: 1e12,
    mn: 1e6, mln: 1e6, 'mln.': 1e6, bn: 1e9, bln: 1e9, tn: 1e12, trn: 1e12, lakh: 1e5, lakhs: 1e5, crore: 1e7, crores: 1e7,
  },
  shortScales: { k: 1e3, m: 1e6, b: 1e9 },
  percentWords: ['per cent', 'percent', 'pc'],
};

export const currencies: readonly CurrencyNames[] = [
  { code: 'USD', names: ['dollar', 'dollars', 'us dollar', 'us dollars', 'u.s. dollars'] },
  { code: 'EUR', names: ['euro', 'euros'] },
  { code: 'GBP', names: ['pound', 'pounds', 'pound sterling', 'pounds sterling', 'sterling'] },
  { code: 'JPY', names: ['yen'] },
  { code: 'CNY', names: ['yuan', 'renminbi'] },
  { code: 'INR', names: ['rupee', 'rupees'] },
  { code: 'RUB', names: ['rouble', 'roubles', 'ruble', 'rubles'] },
  { code: 'CHF', names: ['swiss franc', 'swiss francs'] },
  { code: 'MXN', names: ['mexican peso', 'mexican pesos'] },
  { code: 'BRL', names: ['real', 'reais'] },
];

export const units: readonly UnitNames[] = [
  { unit: 'kilometre', names: ['kilometre', 'kilometres', 'kilometer', 'kilometers'] },
  { unit: 'metre', names: ['metre', 'metres', 'meter', 'meters'] },
  { unit: 'centimetre', names: ['centimetre', 'centimetres', 'centimeter', 'centimeters'] },
  { unit: 'mile', names: ['mile', 'miles'] },
  { unit: 'foot', names: ['foot', 'feet'] },
  { unit: 'square kilometre', names: ['square kilometre', 'square kilometres', 'square kilometer', 'square kilometers'] },
  { unit: 'hectare', names: ['hectare', 'hectares'] },
  { unit: 'acre', names: ['acre', 'acres'] },
  { unit: 'kilogram', names: ['kilogram', 'kilograms', 'kilo', 'kilos'] },
  { unit: 'metric ton', names: ['tonne', 'tonnes', 'metric ton', 'metric tons'] },
  { unit: 'litre', names: ['litre', 'litres', 'liter', 'liters'] },
  { unit: 'barrel', names: ['barrel', 'barrels'] },
  { unit: 'kilometre per hour', names: ['kilometres per hour', 'kilometers per hour', 'kilometres an hour'] },
  { unit: 'mile per hour', names: ['miles per hour', 'miles an hour'] },
  { unit: 'celsius', names: ['degrees celsius', 'celsius'] },
  { unit: 'percentage', names: ['per cent', 'percent'] },
  { unit: 'percentage point', names: ['percentage point', 'percentage points'] },
  { unit: 'hour', names: ['hour', 'hours'] },
  { unit: 'day', names: ['day', 'days'] },
  { unit: 'year', names: ['year', 'years'] },
];

export const people: PeopleRules = {
  nouns: ['people', 'person', 'persons', 'individuals', 'residents', 'civilians', 'passengers', 'children', 'adults', 'men', 'women'],
  roles: {
    killed: ['killed', 'dead', 'died', 'deaths', 'death toll', 'fatalities', 'lost their lives', 'bodies'],
    injured: ['injured', 'wounded', 'hurt', 'injuries'],
    missing: ['missing', 'unaccounted for'],
    // "held" is left out: "held talks with 20 delegates" is no arrest.
    arrested: ['arrested', 'detained', 'in custody', 'arrests'],
    displaced: ['displaced', 'homeless', 'fled', 'refugees'],
    evacuated: ['evacuated', 'evacuations'],
    // "saved" is left out: "saved $5 million" is no rescue.
    rescued: ['rescued'],
    hospitalized: ['hospitalized', 'hospitalised', 'in hospital', 'taken to hospital'],
  },
};
