import type { CurrencyNames, NumberRules, PeopleRules, UnitNames } from '../types.js';

export const numbers: NumberRules = {
  decimalSeparator: ',',
  groupSeparators: ['.', ' ', '\u00a0', '\u202f', '\u2009'],
  words: {
    zero: 0, um: 1, uma: 1, dois: 2, duas: 2, três: 3, quatro: 4, cinco: 5, seis: 6, sete: 7, oito: 8, nove: 9,
    dez: 10, onze: 11, doze: 12, treze: 13, catorze: 14, quatorze: 14, quinze: 15, dezesseis: 16, dezasseis: 16,
    dezessete: 17, dezassete: 17, dezoito: 18, dezenove: 19, dezanove: 19, vinte: 20, trinta: 30, quarenta: 40,
    cinquenta: 50, sessenta: 60, setenta: 70, oitenta: 80, noventa: 90, cem: 100, cento: 100, duzentos: 200,
    duzentas: 200, trezentos: 300, quinhentos: 500, mil: 1e3, dúzia: 12, milhão: 1e6, milhões: 1e6,
  },
  wordJoiners: ['e'],
  vague: {
    dezenas: { low: 20, high: 99 }, dúzias: { low: 24, high: 99 }, centenas: { low: 200, high: 999 },
    milhares: { low: 2_000, high: 9_999 }, 'dezenas de milhares': { low: 20_000, high: 99_999 },
    'centenas de milhares': { low: 200_000, high: 999_999 }, milhões: { low: 2e6, high: 999_999_999 },
  },
  scales: {
    cem: 1e2, mil: 1e3, milhão: 1e6, milhões: 1e6, mi: 1e6, 'mil milhões': 1e9,
    // Brazil is short-scale (bilhão = 10^9), Portugal long-scale (bilião = 10^12, "mil milhões" = 10^9):
    // the two spellings differ, so each keeps its own value.
    bilhão: 1e9, bilhões: 1e9, bi: 1e9, trilhão: 1e12, trilhões: 1e12, tri: 1e12,
    bilião: 1e12, biliões: 1e12, trilião: 1e18, triliões: 1e18,
  },
  shortScales: {},
  percentWords: ['por cento'],
};

export const currencies: readonly CurrencyNames[] = [
  { code: 'USD', names: ['dólar', 'dólares', 'dólar americano', 'dólares americanos'] },
  { code: 'EUR', names: ['euro', 'euros'] },
  { code: 'BRL', names: ['real', 'reais'] },
  { code: 'GBP', names: ['libra', 'libras', 'libra esterlina', 'libras esterlinas'] },
  { code: 'AOA', names: ['kwanza', 'kwanzas'] },
  { code: 'JPY', names: ['iene', 'ienes'] },
  { code: 'CNY', names: ['yuan', 'iuane'] },
];

export const units: readonly UnitNames[] = [
  { unit: 'kilometre', names: ['quilômetro', 'quilômetros', 'quilómetro', 'quilómetros'] },
  { unit: 'metre', names: ['metro', 'metros'] },
  { unit: 'centimetre', names: ['centímetro', 'centímetros'] },
  { unit: 'square kilometre', names: ['quilômetro quadrado', 'quilômetros quadrados', 'quilómetros quadrados'] },
  { unit: 'square metre', names: ['metro quadrado', 'metros quadrados'] },
  { unit: 'hectare', names: ['hectare', 'hectares'] },
  { unit: 'kilogram', names: ['quilograma', 'quilogramas', 'quilo', 'quilos'] },
  { unit: 'gram', names: ['grama', 'gramas'] },
  { unit: 'metric ton', names: ['tonelada', 'toneladas'] },
  { unit: 'litre', names: ['litro', 'litros'] },
  { unit: 'kilometre per hour', names: ['quilômetros por hora', 'quilómetros por hora'] },
  { unit: 'celsius', names: ['graus celsius', 'graus'] },
  { unit: 'percentage', names: ['por cento'] },
  { unit: 'percentage point', names: ['ponto percentual', 'pontos percentuais'] },
  { unit: 'hour', names: ['hora', 'horas'] },
  { unit: 'day', names: ['dia', 'dias'] },
  { unit: 'year', names: ['ano', 'anos'] },
  { unit: 'minute', names: ['minuto', 'minutos'] },
  { unit: 'second', names: ['segundo', 'segundos'] },
  { unit: 'week', names: ['semana', 'semanas'] },
  { unit: 'month', names: ['mês', 'meses'] },
  { unit: 'nautical mile', names: ['milha náutica', 'milhas náuticas'] },
  { unit: 'mile', names: ['milha', 'milhas'] },
];

export const people: PeopleRules = {
  nouns: ['pessoas', 'pessoa', 'gente', 'moradores', 'habitantes', 'civis', 'passageiros', 'crianças', 'adultos', 'homens', 'mulheres'],
  roles: {
    killed: ['mortos', 'morto', 'mortas', 'morreram', 'mortes', 'vítimas fatais', 'óbitos', 'perderam a vida', 'corpos'],
    injured: ['feridos', 'ferido', 'feridas', 'ficaram feridos', 'lesionados'],
    missing: ['desaparecidos', 'desaparecido', 'desaparecidas'],
    arrested: ['presos', 'preso', 'presas', 'detidos', 'detido', 'detidas', 'prisões', 'detenções'],
    displaced: ['desalojados', 'desabrigados', 'deslocados', 'refugiados', 'fugiram'],
    evacuated: ['evacuados', 'evacuadas', 'retirados', 'evacuações'],
    rescued: ['resgatados', 'resgatadas', 'salvos'],
    hospitalized: ['hospitalizados', 'internados', 'internadas', 'levados ao hospital'],
  },
};
