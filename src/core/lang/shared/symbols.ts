/**
 * Currency and unit symbols shared by every language: a symbol reads the same in any text
 * ("€", "km", "°C"). Language folders add the names.
 */

/** Currency symbols and codes as written before or after a number, with their ISO 4217 code. */
export const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = {
  $: 'USD', US$: 'USD', USD: 'USD', $US: 'USD', 'U$S': 'USD',
  '€': 'EUR', EUR: 'EUR',
  '£': 'GBP', GBP: 'GBP',
  '¥': 'JPY', JPY: 'JPY', '円': 'JPY',
  CNY: 'CNY', RMB: 'CNY', '元': 'CNY', '人民币': 'CNY',
  '₹': 'INR', INR: 'INR', Rs: 'INR',
  '₽': 'RUB', RUB: 'RUB',
  '₴': 'UAH', UAH: 'UAH',
  CHF: 'CHF', Fr: 'CHF', SFr: 'CHF',
  C$: 'CAD', CA$: 'CAD', CAD: 'CAD',
  A$: 'AUD', AU$: 'AUD', AUD: 'AUD',
  HK$: 'HKD', HKD: 'HKD',
  NZ$: 'NZD', NZD: 'NZD',
  S$: 'SGD', SGD: 'SGD',
  R$: 'BRL', BRL: 'BRL',
  MXN: 'MXN', MX$: 'MXN',
  ARS: 'ARS', COP: 'COP', CLP: 'CLP', PEN: 'PEN',
  '₩': 'KRW', KRW: 'KRW',
  '₪': 'ILS', ILS: 'ILS',
  '₺': 'TRY', TRY: 'TRY',
  '฿': 'THB', THB: 'THB',
  zł: 'PLN', PLN: 'PLN',
  SEK: 'SEK', NOK: 'NOK', DKK: 'DKK', kr: 'SEK',
  ZAR: 'ZAR', BTC: 'BTC', '₿': 'BTC',
};

/** Unit symbols and abbreviations shared by the languages written in Latin script, with the normalised unit name. */
export const UNIT_SYMBOLS: Readonly<Record<string, string>> = {
  '%': 'percentage', '‰': 'per mille',
  km: 'kilometre', m: 'metre', cm: 'centimetre', mm: 'millimetre', mi: 'mile',
  'km²': 'square kilometre', km2: 'square kilometre', 'm²': 'square metre', m2: 'square metre', ha: 'hectare',
  kg: 'kilogram', g: 'gram', mg: 'milligram', t: 'metric ton', lb: 'pound-mass', lbs: 'pound-mass', oz: 'ounce',
  l: 'litre', ml: 'millilitre', hl: 'hectolitre', 'm³': 'cubic metre', m3: 'cubic metre',
  'km/h': 'kilometre per hour', kmh: 'kilometre per hour', mph: 'mile per hour', kn: 'knot',
  '°C': 'celsius', '°F': 'fahrenheit', '°': 'degree',
  kW: 'kilowatt', MW: 'megawatt', GW: 'gigawatt', W: 'watt', kWh: 'kilowatt hour', MWh: 'megawatt hour', GWh: 'gigawatt hour', TWh: 'terawatt hour',
  s: 'second', min: 'minute', h: 'hour',
  GB: 'gigabyte', MB: 'megabyte', TB: 'terabyte',
};
