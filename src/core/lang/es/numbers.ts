import type { CurrencyNames, NumberRules, PeopleRules, UnitNames } from '../types.js';

export const numbers: NumberRules = {
  decimalSeparator: ',',
  // Spain and most of Latin America group with a period ("1.600 millones"); the RAE recommends a space.
  groupSeparators: ['.', ' ', '\u00a0', '\u202f', '\u2009'],
  words: {
    cero: 0, uno: 1, un: 1, una: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9,
    diez: 10, once: 11, doce: 12, trece: 13, catorce: 14, quince: 15, dieciséis: 16, diecisiete: 17, dieciocho: 18,
    diecinueve: 19, veinte: 20, veintiuno: 21, veintiún: 21, veintidós: 22, veintitrés: 23, veinticuatro: 24,
    veinticinco: 25, veintiséis: 26, veintisiete: 27, veintiocho: 28, veintinueve: 29, treinta: 30, cuarenta: 40,
    cincuenta: 50, sesenta: 60, setenta: 70, ochenta: 80, noventa: 90, cien: 100, ciento: 100, doscientos: 200,
    doscientas: 200, trescientos: 300, trescientas: 300, cuatrocientos: 400, quinientos: 500, seiscientos: 600,
    setecientos: 700, ochocientos: 800, novecientos: 900, mil: 1e3, docena: 12, millón: 1e6, millones: 1e6,
  },
  wordJoiners: ['y'],
  vague: {
    decenas: { low: 20, high: 99 }, docenas: { low: 24, high: 99 }, centenares: { low: 200, high: 999 },
    cientos: { low: 200, high: 999 }, miles: { low: 2_000, high: 9_999 }, 'decenas de miles': { low: 20_000, high: 99_999 },
    'cientos de miles': { low: 200_000, high: 999_999 }, millones: { low: 2e6, high: 999_999_999 },
  },
  scales: {
    cien: 1e2, mil: 1e3, millón: 1e6, millones: 1e6, 'mill.': 1e6, mln: 1e6, 'mil millones': 1e9, millardo: 1e9,
    millardos: 1e9, mmdd: 1e9,
    // Spanish is long-scale: un billón is 10^12.
    billón: 1e12, billones: 1e12,
  },
  shortScales: { m: 1e6, mm: 1e6 },
  percentWords: ['por ciento', 'por cien'],
};

export const currencies: readonly CurrencyNames[] = [
  { code: 'USD', names: ['dólar', 'dólares', 'dólar estadounidense', 'dólares estadounidenses'] },
  { code: 'EUR', names: ['euro', 'euros'] },
  { code: 'GBP', names: ['libra', 'libras', 'libra esterlina', 'libras esterlinas'] },
  { code: 'MXN', names: ['peso mexicano', 'pesos mexicanos'] },
  { code: 'ARS', names: ['peso argentino', 'pesos argentinos'] },
  { code: 'COP', names: ['peso colombiano', 'pesos colombianos'] },
  { code: 'CLP', names: ['peso chileno', 'pesos chilenos'] },
  { code: 'PEN', names: ['sol', 'soles'] },
  { code: 'JPY', names: ['yen', 'yenes'] },
  { code: 'CNY', names: ['yuan', 'yuanes'] },
];

export const units: readonly UnitNames[] = [
  { unit: 'kilometre', names: ['kilómetro', 'kilómetros'] },
  { unit: 'metre', names: ['metro', 'metros'] },
  { unit: 'centimetre', names: ['centímetro', 'centímetros'] },
  { unit: 'square kilometre', names: ['kilómetro cuadrado', 'kilómetros cuadrados'] },
  { unit: 'square metre', names: ['metro cuadrado', 'metros cuadrados'] },
  { unit: 'hectare', names: ['hectárea', 'hectáreas'] },
  { unit: 'kilogram', names: ['kilogramo', 'kilogramos', 'kilo', 'kilos'] },
  { unit: 'gram', names: ['gramo', 'gramos'] },
  { unit: 'metric ton', names: ['tonelada', 'toneladas'] },
  { unit: 'litre', names: ['litro', 'litros'] },
  { unit: 'kilometre per hour', names: ['kilómetros por hora'] },
  { unit: 'celsius', names: ['grados celsius', 'grados centígrados', 'grados'] },
  { unit: 'percentage', names: ['por ciento'] },
  { unit: 'percentage point', names: ['punto porcentual', 'puntos porcentuales'] },
  { unit: 'hour', names: ['hora', 'horas'] },
  { unit: 'day', names: ['día', 'días'] },
  { unit: 'year', names: ['año', 'años'] },
  { unit: 'minute', names: ['minuto', 'minutos'] },
  { unit: 'second', names: ['segundo', 'segundos'] },
  { unit: 'week', names: ['semana', 'semanas'] },
  { unit: 'month', names: ['mes', 'meses'] },
  { unit: 'nautical mile', names: ['milla náutica', 'millas náuticas'] },
  { unit: 'mile', names: ['milla', 'millas'] },
];

export const people: PeopleRules = {
  nouns: ['personas', 'persona', 'gente', 'habitantes', 'vecinos', 'civiles', 'pasajeros', 'niños', 'menores', 'adultos', 'hombres', 'mujeres'],
  roles: {
    killed: ['muertos', 'muerto', 'muertas', 'fallecidos', 'fallecidas', 'fallecieron', 'murieron', 'víctimas mortales', 'perdieron la vida', 'cadáveres', 'cuerpos'],
    injured: ['heridos', 'herido', 'herida', 'heridas', 'lesionados', 'lesionadas', 'resultaron heridos'],
    missing: ['desaparecidos', 'desaparecido', 'desaparecidas', 'en paradero desconocido'],
    arrested: ['detenidos', 'detenido', 'detenidas', 'arrestados', 'arrestado', 'capturados', 'detenciones', 'arrestos'],
    displaced: ['desplazados', 'desplazadas', 'damnificados', 'sin hogar', 'refugiados', 'huyeron'],
    evacuated: ['evacuados', 'evacuadas', 'evacuado', 'desalojados', 'desalojadas', 'evacuaciones'],
    rescued: ['rescatados', 'rescatadas', 'rescatado', 'salvados'],
    hospitalized: ['hospitalizados', 'hospitalizadas', 'hospitalizado', 'ingresados', 'ingresadas', 'trasladados al hospital'],
  },
};
