import type { CurrencyNames, NumberRules, PeopleRules, UnitNames } from '../types.js';

export const numbers: NumberRules = {
  decimalSeparator: ',',
  groupSeparators: ['.', ' ', '\u00a0', '\u202f', '\u2009', "'", '’'],
  words: {
    zero: 0, uno: 1, un: 1, una: 1, due: 2, tre: 3, quattro: 4, cinque: 5, sei: 6, sette: 7, otto: 8, nove: 9,
    dieci: 10, undici: 11, dodici: 12, tredici: 13, quattordici: 14, quindici: 15, sedici: 16, diciassette: 17,
    diciotto: 18, diciannove: 19, venti: 20, ventuno: 21, trenta: 30, quaranta: 40, cinquanta: 50, sessanta: 60,
    settanta: 70, ottanta: 80, novanta: 90, cento: 100, duecento: 200, trecento: 300, mille: 1e3, mila: 1e3,
    duemila: 2e3, tremila: 3e3, dozzina: 12, milione: 1e6, milioni: 1e6, miliardo: 1e9, miliardi: 1e9,
  },
  wordJoiners: [],
  vague: {
    decine: { low: 20, high: 99 }, dozzine: { low: 24, high: 99 }, centinaia: { low: 200, high: 999 },
    migliaia: { low: 2_000, high: 9_999 }, 'decine di migliaia': { low: 20_000, high: 99_999 },
    'centinaia di migliaia': { low: 200_000, high: 999_999 }, milioni: { low: 2e6, high: 999_999_999 },
  },
  scales: {
    cento: 1e2, mila: 1e3, mille: 1e3, milione: 1e6, milioni: 1e6, mln: 1e6, 'mln.': 1e6, miliardo: 1e9, miliardi: 1e9,
    mld: 1e9, 'mld.': 1e9, mrd: 1e9, 'mila miliardi': 1e12,
    // bilione is 10^12 in Italian (long scale); rare in news, which says "mille miliardi".
    bilione: 1e12, bilioni: 1e12,
  },
  shortScales: {},
  percentWords: ['per cento', 'percento'],
};

export const currencies: readonly CurrencyNames[] = [
  { code: 'USD', names: ['dollaro', 'dollari', 'dollari americani', 'dollari statunitensi'] },
  { code: 'EUR', names: ['euro'] },
  { code: 'GBP', names: ['sterlina', 'sterline', 'sterline britanniche'] },
  { code: 'CHF', names: ['franco svizzero', 'franchi svizzeri', 'franchi'] },
  { code: 'JPY', names: ['yen'] },
  { code: 'CNY', names: ['yuan'] },
  { code: 'RUB', names: ['rublo', 'rubli'] },
];

export const units: readonly UnitNames[] = [
  { unit: 'kilometre', names: ['chilometro', 'chilometri'] },
  { unit: 'metre', names: ['metro', 'metri'] },
  { unit: 'centimetre', names: ['centimetro', 'centimetri'] },
  { unit: 'square kilometre', names: ['chilometro quadrato', 'chilometri quadrati'] },
  { unit: 'square metre', names: ['metro quadrato', 'metri quadrati', 'metri quadri'] },
  { unit: 'hectare', names: ['ettaro', 'ettari'] },
  { unit: 'kilogram', names: ['chilogrammo', 'chilogrammi', 'chilo', 'chili'] },
  { unit: 'gram', names: ['grammo', 'grammi'] },
  { unit: 'metric ton', names: ['tonnellata', 'tonnellate'] },
  { unit: 'litre', names: ['litro', 'litri'] },
  { unit: 'kilometre per hour', names: ["chilometri all'ora", 'chilometri all’ora', 'chilometri orari'] },
  { unit: 'celsius', names: ['gradi celsius', 'gradi centigradi', 'gradi'] },
  { unit: 'percentage', names: ['per cento'] },
  { unit: 'percentage point', names: ['punto percentuale', 'punti percentuali'] },
  { unit: 'hour', names: ['ora', 'ore'] },
  { unit: 'day', names: ['giorno', 'giorni'] },
  { unit: 'year', names: ['anno', 'anni'] },
  { unit: 'minute', names: ['minuto', 'minuti'] },
  { unit: 'second', names: ['secondo', 'secondi'] },
  { unit: 'week', names: ['settimana', 'settimane'] },
  { unit: 'month', names: ['mese', 'mesi'] },
  { unit: 'nautical mile', names: ['miglio nautico', 'miglia nautiche'] },
  { unit: 'mile', names: ['miglio', 'miglia'] },
];

export const people: PeopleRules = {
  nouns: ['persone', 'persona', 'gente', 'abitanti', 'residenti', 'civili', 'passeggeri', 'bambini', 'minori', 'adulti', 'uomini', 'donne'],
  roles: {
    killed: ['morti', 'morto', 'morta', 'morte', 'uccisi', 'uccise', 'ucciso', 'vittime', 'deceduti', 'decedute', 'hanno perso la vita', 'sono morti', 'corpi', 'cadaveri'],
    injured: ['feriti', 'ferito', 'ferita', 'ferite', 'contusi', 'rimasti feriti'],
    missing: ['dispersi', 'disperso', 'dispersa', 'scomparsi', 'scomparse'],
    arrested: ['arrestati', 'arrestato', 'arrestata', 'fermati', 'fermato', 'arresti', 'fermi', 'in manette'],
    displaced: ['sfollati', 'sfollate', 'senzatetto', 'profughi', 'rifugiati', 'sono fuggiti'],
    evacuated: ['evacuati', 'evacuate', 'evacuato', 'evacuazioni'],
    rescued: ['soccorsi', 'salvati', 'salvate', 'tratti in salvo'],
    hospitalized: ['ricoverati', 'ricoverate', 'ricoverato', 'ospedalizzati', "portati in ospedale"],
  },
};
