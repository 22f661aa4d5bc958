import type { CurrencyNames, NumberRules, PeopleRules, UnitNames } from '../types.js';

export const numbers: NumberRules = {
  decimalSeparator: ',',
  // French groups with a (narrow) no-break space: "1 000 000"; Belgian and Swiss usage also with a period or apostrophe.
  groupSeparators: [' ', '\u00a0', '\u202f', '\u2009', '.', "'", '’'],
  words: {
    zéro: 0, un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11,
    douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16, 'dix-sept': 17, 'dix-huit': 18, 'dix-neuf': 19,
    vingt: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60, 'soixante-dix': 70, 'quatre-vingt': 80,
    'quatre-vingts': 80, 'quatre-vingt-dix': 90, septante: 70, huitante: 80, octante: 80, nonante: 90, cent: 100,
    cents: 100, mille: 1e3, douzaine: 12, million: 1e6, millions: 1e6, milliard: 1e9, milliards: 1e9,
  },
  wordJoiners: ['et', '-'],
  vague: {
    dizaines: { low: 20, high: 99 }, douzaines: { low: 24, high: 99 }, centaines: { low: 200, high: 999 },
    milliers: { low: 2_000, high: 9_999 }, 'dizaines de milliers': { low: 20_000, high: 99_999 },
    'centaines de milliers': { low: 200_000, high: 999_999 }, millions: { low: 2e6, high: 999_999_999 },
  },
  scales: {
    cent: 1e2, mille: 1e3, million: 1e6, millions: 1e6, 'mio': 1e6, 'mln': 1e6, milliard: 1e9, milliards: 1e9,
    md: 1e9, mds: 1e9, 'mrd': 1e9,
    // French is long-scale: un billion is 10^12.
    billion: 1e12, billions: 1e12,
  },
  shortScales: { k: 1e3, m: 1e6, md: 1e9 },
  percentWords: ['pour cent', 'pourcent', 'pour-cent'],
};

export const currencies: readonly CurrencyNames[] = [
  { code: 'USD', names: ['dollar', 'dollars', 'dollar américain', 'dollars américains'] },
  { code: 'EUR', names: ['euro', 'euros'] },
  { code: 'GBP', names: ['livre', 'livres', 'livre sterling', 'livres sterling'] },
  { code: 'CHF', names: ['franc suisse', 'francs suisses'] },
  { code: 'XOF', names: ['franc cfa', 'francs cfa'] },
  { code: 'CAD', names: ['dollar canadien', 'dollars canadiens'] },
  { code: 'JPY', names: ['yen', 'yens'] },
  { code: 'CNY', names: ['yuan', 'yuans'] },
];

export const units: readonly UnitNames[] = [
  { unit: 'kilometre', names: ['kilomètre', 'kilomètres'] },
  { unit: 'metre', names: ['mètre', 'mètres'] },
  { unit: 'centimetre', names: ['centimètre', 'centimètres'] },
  { unit: 'square kilometre', names: ['kilomètre carré', 'kilomètres carrés'] },
  { unit: 'square metre', names: ['mètre carré', 'mètres carrés'] },
  { unit: 'hectare', names: ['hectare', 'hectares'] },
  { unit: 'kilogram', names: ['kilogramme', 'kilogrammes', 'kilo', 'kilos'] },
  { unit: 'gram', names: ['gramme', 'grammes'] },
  { unit: 'metric ton', names: ['tonne', 'tonnes'] },
  { unit: 'litre', names: ['litre', 'litres'] },
  { unit: 'kilometre per hour', names: ['kilomètres par heure', 'kilomètres-heure', 'kilomètres à l’heure', "kilomètres à l'heure"] },
  { unit: 'celsius', names: ['degrés celsius', 'degrés', 'degré'] },
  { unit: 'percentage', names: ['pour cent'] },
  { unit: 'percentage point', names: ['point de pourcentage', 'points de pourcentage', 'point', 'points'] },
  { unit: 'hour', names: ['heure', 'heures'] },
  { unit: 'day', names: ['jour', 'jours'] },
  { unit: 'year', names: ['an', 'ans', 'année', 'années'] },
  { unit: 'minute', names: ['minute', 'minutes'] },
  { unit: 'second', names: ['seconde', 'secondes'] },
  { unit: 'week', names: ['semaine', 'semaines'] },
  { unit: 'month', names: ['mois'] },
  { unit: 'nautical mile', names: ['mille nautique', 'milles nautiques', 'mille marin', 'milles marins'] },
  { unit: 'mile', names: ['milles'] },
];

export const people: PeopleRules = {
  nouns: ['personnes', 'personne', 'gens', 'habitants', 'civils', 'passagers', 'enfants', 'adultes', 'hommes', 'femmes'],
  roles: {
    killed: ['tué', 'tués', 'tuée', 'tuées', 'morts', 'mort', 'mortes', 'décès', 'décédé', 'décédés', 'ont péri', 'victimes', 'ont perdu la vie', 'corps'],
    injured: ['blessé', 'blessés', 'blessée', 'blessées', 'blessures'],
    missing: ['disparu', 'disparus', 'disparue', 'disparues', 'portés disparus'],
    arrested: ['arrêté', 'arrêtés', 'arrêtée', 'arrêtées', 'interpellé', 'interpellés', 'interpellées', 'en garde à vue', 'placés en garde à vue', 'arrestations', 'interpellations'],
    displaced: ['déplacés', 'déplacées', 'sans-abri', 'sinistrés', 'réfugiés', 'ont fui'],
    evacuated: ['évacué', 'évacués', 'évacuée', 'évacuées', 'évacuations'],
    rescued: ['secouru', 'secourus', 'secourues', 'sauvé', 'sauvés'],
    hospitalized: ['hospitalisé', 'hospitalisés', 'hospitalisée', 'hospitalisées', "transportés à l'hôpital", 'transportés à l’hôpital'],
  },
};
