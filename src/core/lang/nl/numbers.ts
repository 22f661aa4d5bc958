import type { CurrencyNames, NumberRules, PeopleRules, UnitNames } from '../types.js';

export const numbers: NumberRules = {
  decimalSeparator: ',',
  groupSeparators: ['.', ' ', '\u00a0', '\u202f', '\u2009'],
  words: {
    nul: 0, een: 1, één: 1, twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, zeven: 7, acht: 8, negen: 9, tien: 10, elf: 11,
    twaalf: 12, dertien: 13, veertien: 14, vijftien: 15, zestien: 16, zeventien: 17, achttien: 18, negentien: 19,
    twintig: 20, dertig: 30, veertig: 40, vijftig: 50, zestig: 60, zeventig: 70, tachtig: 80, negentig: 90,
    honderd: 100, duizend: 1e3, dozijn: 12, miljoen: 1e6, miljard: 1e9,
  },
  wordJoiners: ['en'],
  vague: {
    tientallen: { low: 20, high: 99 }, dozijnen: { low: 24, high: 99 }, honderden: { low: 200, high: 999 },
    duizenden: { low: 2_000, high: 9_999 }, tienduizenden: { low: 20_000, high: 99_999 },
    honderdduizenden: { low: 200_000, high: 999_999 }, miljoenen: { low: 2e6, high: 999_999_999 },
  },
  scales: {
    honderd: 1e2, duizend: 1e3, miljoen: 1e6, miljoenen: 1e6, mln: 1e6, 'mln.': 1e6, miljard: 1e9, miljarden: 1e9,
    mld: 1e9, 'mld.': 1e9, mrd: 1e9, 'mrd.': 1e9,
    // Dutch is long-scale: een biljoen is 10^12.
    biljoen: 1e12, biljoenen: 1e12,
  },
  shortScales: {},
  percentWords: ['procent', 'percent'],
};

export const currencies: readonly CurrencyNames[] = [
  { code: 'USD', names: ['dollar', 'dollars', 'amerikaanse dollar'] },
  { code: 'EUR', names: ['euro', 'euro’s', "euro's"] },
  { code: 'GBP', names: ['pond', 'ponden', 'pond sterling', 'britse pond'] },
  { code: 'CHF', names: ['zwitserse frank', 'zwitserse franken', 'frank'] },
  { code: 'JPY', names: ['yen'] },
  { code: 'CNY', names: ['yuan'] },
];

export const units: readonly UnitNames[] = [
  { unit: 'kilometre', names: ['kilometer', 'kilometers'] },
  { unit: 'metre', names: ['meter', 'meters'] },
  { unit: 'centimetre', names: ['centimeter', 'centimeters'] },
  { unit: 'square kilometre', names: ['vierkante kilometer', 'vierkante kilometers'] },
  { unit: 'square metre', names: ['vierkante meter', 'vierkante meters'] },
  { unit: 'hectare', names: ['hectare', 'hectares'] },
  { unit: 'kilogram', names: ['kilogram', 'kilo', "kilo's", 'kilogrammen'] },
  { unit: 'gram', names: ['gram'] },
  { unit: 'metric ton', names: ['ton', 'tonnen'] },
  { unit: 'litre', names: ['liter', 'liters'] },
  { unit: 'kilometre per hour', names: ['kilometer per uur'] },
  { unit: 'celsius', names: ['graden celsius', 'graden'] },
  { unit: 'percentage', names: ['procent'] },
  { unit: 'percentage point', names: ['procentpunt', 'procentpunten'] },
  { unit: 'hour', names: ['uur', 'uren'] },
  { unit: 'day', names: ['dag', 'dagen'] },
  { unit: 'year', names: ['jaar', 'jaren'] },
  { unit: 'minute', names: ['minuut', 'minuten'] },
  { unit: 'second', names: ['seconde', 'seconden'] },
  { unit: 'week', names: ['week', 'weken'] },
  { unit: 'month', names: ['maand', 'maanden'] },
  { unit: 'nautical mile', names: ['zeemijl', 'zeemijlen'] },
  { unit: 'mile', names: ['mijl', 'mijlen'] },
];

export const people: PeopleRules = {
  nouns: ['mensen', 'personen', 'persoon', 'bewoners', 'inwoners', 'burgers', 'passagiers', 'kinderen', 'volwassenen', 'mannen', 'vrouwen'],
  roles: {
    killed: ['gedood', 'omgekomen', 'kwamen om', 'om het leven gekomen', 'kwamen om het leven', 'doden', 'dode', 'overleden', 'stierven', 'dodelijke slachtoffers', 'lichamen'],
    injured: ['gewond', 'gewonden', 'gewonde', 'raakten gewond', 'zwaargewond', 'lichtgewond'],
    missing: ['vermist', 'vermisten', 'vermiste', 'worden vermist'],
    arrested: ['gearresteerd', 'aangehouden', 'opgepakt', 'arrestaties', 'aanhoudingen', 'in hechtenis'],
    displaced: ['ontheemd', 'ontheemden', 'dakloos', 'daklozen', 'gevlucht', 'vluchtelingen'],
    evacuated: ['geëvacueerd', 'evacuaties'],
    rescued: ['gered', 'geredde'],
    hospitalized: ['opgenomen', 'in het ziekenhuis opgenomen', 'naar het ziekenhuis gebracht'],
  },
};
