import { normalizeLanguage } from './code.js';
import type { LanguageBundle } from './types.js';

// Two-letter region codes that Intl knows but that are not current countries: groupings, pseudo-locales, and
// codes withdrawn from ISO 3166-1 (which Intl still names, as the country that replaced them).
const NOT_COUNTRIES = new Set([
  'EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ', 'AN', 'BU', 'CS', 'DD', 'DY', 'FX', 'HV', 'NH', 'RH', 'SU', 'TP', 'YD', 'YU', 'ZR',
]);

let regionCodes: readonly string[] | null = null;

/** Every current ISO 3166-1 alpha-2 code that `Intl.DisplayNames` names, sorted. */
export function countryCodes(): readonly string[] {
  if (regionCodes) return regionCodes;
  const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const codes: string[] = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (!NOT_COUNTRIES.has(code) && names.of(code) !== undefined) codes.push(code);
    }
  }
  regionCodes = codes;
  return codes;
}

/** Lookup key for names: NFKC, lower case, diacritics and periods dropped, spaces collapsed ("É.-U." → "e-u"). */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[.\u2019']/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const displayNamesByLanguage = new Map<string, Intl.DisplayNames>();

/**
 * The country's name in a language, from `Intl.DisplayNames` ("DE", "es" → "Alemania"), or null
 * for an unknown code or language. Deterministic for a given Node.js (ICU) version.
 */
export function countryName(code: string, language: string | null): string | null {
  const lang = normalizeLanguage(language);
  if (lang === null || !/^[A-Za-z]{2}$/.test(code)) return null;
  let names = displayNamesByLanguage.get(lang);
  if (!names) {
    names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
    displayNamesByLanguage.set(lang, names);
  }
  const upper = code.toUpperCase();
  return NOT_COUNTRIES.has(upper) ? null : (names.of(upper) ?? null);
}

interface CountryIndex {
  names: Map<string, string>;
  demonyms: Map<string, string>;
}

const indexes = new Map<string, CountryIndex>();

/** Name and demonym index of one language: Intl names in that language and in English, then the bundle's tables. */
export function countryIndex(language: string, bundle: LanguageBundle | null): CountryIndex {
  let index = indexes.get(language);
  if (index) return index;
  const names = new Map<string, string>();
  const demonyms = new Map<string, string>();
  // The bundle's aliases first: "Holland" and "Britain" are aliases, never official names of another country.
  for (const [code, aliases] of Object.entries(bundle?.countries.aliases ?? {})) {
    for (const alias of aliases) if (!names.has(nameKey(alias))) names.set(nameKey(alias), code);
  }
  for (const lang of language === 'en' ? ['en'] : [language, 'en']) {
    for (const code of countryCodes()) {
      const name = countryName(code, lang);
      if (name !== null && !names.has(nameKey(name))) names.set(nameKey(name), code);
    }
  }
  for (const [code, forms] of Object.entries(bundle?.countries.demonyms ?? {})) {
    for (const form of forms) if (!demonyms.has(nameKey(form))) demonyms.set(nameKey(form), code);
  }
  index = { names, demonyms };
  indexes.set(language, index);
  return index;
}
