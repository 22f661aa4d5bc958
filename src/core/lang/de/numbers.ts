import type { CurrencyNames, NumberRules, PeopleRules, UnitNames } from '../types.js';

export const numbers: NumberRules = {
  decimalSeparator: ',',
  // Swiss usage groups with an apostrophe ("1'000"); Germany and Austria with a period or a space.
  groupSeparators: ['.', ' ', '\u00a0', '\u202f', '\u2009', "'", '’'],
  words: {
    null: 0, ein: 1, eins: 1, eine: 1, einer: 1, einem: 1, einen: 1, zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6,
    sieben: 7, acht: 8, neun: 9, zehn: 10, elf: 11, zwölf: 12, dreizehn: 13, vierzehn: 14, fünfzehn: 15, sechzehn: 16,
    siebzehn: 17, achtzehn: 18, neunzehn: 19, zwanzig: 20, dreißig: 30, vierzig: 40, fünfzig: 50, sechzig: 60,
    siebzig: 70, achtzig: 80, neunzig: 90, hundert: 100, einhundert: 100, tausend: 1e3, eintausend: 1e3, dutzend: 12,
    million: 1e6, millionen: 1e6, milliarde: 1e9, milliarden: 1e9,
  },
  wordJoiners: ['und'],
  vague: {
    dutzende: { low: 24, high: 99 }, hunderte: { low: 200, high: 999 }, tausende: { low: 2_000, high: 9_999 },
    zehntausende: { low: 20_000, high: 99_999 }, hunderttausende: { low: 200_000, high: 999_999 },
    millionen: { low: 2e6, high: 999_999_999 }, dutzenden: { low: 24, high: 99 }, hunderten: { low: 200, high: 999 },
    tausenden: { low: 2_000, high: 9_999 }, zehntausenden: { low: 20_000, high: 99_999 },
  },
  scales: {
    hundert: 1e2, tausend: 1e3, million: 1e6, millionen: 1e6, 'mio.': 1e6, mio: 1e6, 'mill.': 1e6,
    milliarde: 1e9, milliarden: 1e9, 'mrd.': 1e9, mrd: 1e9, 'md.': 1e9,
    // German is long-scale: eine Billion is 10^12, eine Billiarde 10^15.
    billion: 1e12, billionen: 1e12, 'bio.': 1e12, billiarde: 1e15, billiarden: 1e15, 'tsd.': 1e3,
  },
  shortScales: {},
  percentWords: ['prozent'],
};

export const currencies: readonly CurrencyNames[] = [
  { code: 'USD', names: ['dollar', 'us-dollar', 'us-dollars'] },
  { code: 'EUR', names: ['euro', 'euros'] },
  { code: 'GBP', names: ['pfund', 'britische pfund', 'pfund sterling'] },
  { code: 'CHF', names: ['franken', 'schweizer franken', 'fr.'] },
  { code: 'JPY', names: ['yen'] },
  { code: 'CNY', names: ['yuan', 'renminbi'] },
  { code: 'RUB', names: ['rubel'] },
];

export const units: readonly UnitNames[] = [
  { unit: 'kilometre', names: ['kilometer', 'kilometern', 'kilometers'] },
  { unit: 'metre', names: ['meter', 'metern', 'meters'] },
  { unit: 'centimetre', names: ['zentimeter', 'zentimetern'] },
  { unit: 'square kilometre', names: ['quadratkilometer', 'quadratkilometern'] },
  { unit: 'square metre', names: ['quadratmeter', 'quadratmetern'] },
  { unit: 'hectare', names: ['hektar'] },
  { unit: 'kilogram', names: ['kilogramm', 'kilo'] },
  { unit: 'gram', names: ['gramm'] },
  { unit: 'metric ton', names: ['tonne', 'tonnen'] },
  { unit: 'litre', names: ['liter', 'litern'] },
  { unit: 'kilometre per hour', names: ['stundenkilometer', 'kilometer pro stunde', 'kilometer in der stunde'] },
  { unit: 'celsius', names: ['grad celsius', 'grad'] },
  { unit: 'percentage', names: ['prozent'] },
  { unit: 'percentage point', names: ['prozentpunkt', 'prozentpunkte', 'prozentpunkten'] },
  { unit: 'hour', names: ['stunde', 'stunden'] },
  { unit: 'day', names: ['tag', 'tage', 'tagen'] },
  { unit: 'year', names: ['jahr', 'jahre', 'jahren'] },
  { unit: 'minute', names: ['minute', 'minuten'] },
  { unit: 'second', names: ['sekunde', 'sekunden'] },
  { unit: 'week', names: ['woche', 'wochen'] },
  { unit: 'month', names: ['monat', 'monate', 'monaten'] },
  { unit: 'nautical mile', names: ['seemeile', 'seemeilen'] },
  { unit: 'mile', names: ['meile', 'meilen'] },
];

export const people: PeopleRules = {
  nouns: ['menschen', 'personen', 'person', 'leute', 'bewohner', 'einwohner', 'zivilisten', 'passagiere', 'kinder', 'erwachsene', 'männer', 'frauen'],
  roles: {
    killed: ['getötet', 'tot', 'tote', 'toten', 'ums leben gekommen', 'kamen ums leben', 'starben', 'gestorben', 'todesopfer', 'leichen'],
    injured: ['verletzt', 'verletzte', 'verletzten', 'schwer verletzt', 'leicht verletzt', 'verwundet', 'verwundete'],
    missing: ['vermisst', 'vermisste', 'vermissten', 'werden vermisst', 'gelten als vermisst'],
    arrested: ['festgenommen', 'verhaftet', 'festnahmen', 'in gewahrsam', 'inhaftiert'],
    displaced: ['vertrieben', 'vertriebene', 'obdachlos', 'geflohen', 'flüchtlinge', 'geflüchtete'],
    evacuated: ['evakuiert', 'in sicherheit gebracht', 'evakuierungen'],
    rescued: ['gerettet', 'geborgen'],
    hospitalized: ['ins krankenhaus gebracht', 'im krankenhaus', 'in kliniken gebracht', 'stationär behandelt'],
  },
};
