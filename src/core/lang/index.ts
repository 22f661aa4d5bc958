/**
 * Language bundles: one folder per language (`src/core/lang/<code>/`, as chrono-node lays out
 * its locales), each a plain typed {@link LanguageBundle}. To add a language, copy a folder,
 * translate every list from general knowledge of the language and of news writing, and add it
 * to `BUNDLES` below; the text toolkit (`src/core/text/`) then uses its sentence rules and
 * number formats, and the analysers its quotes, verbs, titles, numbers and units.
 *
 * A language without a bundle gets `null`: callers then say the language is not analysed
 * rather than apply another language's rules.
 */
import * as chrono from 'chrono-node';
import { normalizeLanguage } from './code.js';
import { countryIndex, nameKey } from './countries.js';
import { de } from './de/index.js';
import { en } from './en/index.js';
import { es } from './es/index.js';
import { fr } from './fr/index.js';
import { it } from './it/index.js';
import { nl } from './nl/index.js';
import { pt } from './pt/index.js';
import type { ChronoLocaleName, LanguageBundle } from './types.js';

export type * from './types.js';
export { PERSON_ROLES } from './types.js';
export { normalizeLanguage } from './code.js';
export { calendarWords, type CalendarWords } from './calendar.js';
export { countryCodes, countryName } from './countries.js';
export { CURRENCY_SYMBOLS, UNIT_SYMBOLS } from './shared/symbols.js';

const BUNDLES: ReadonlyMap<string, LanguageBundle> = new Map([en, de, fr, es, it, nl, pt].map((b) => [b.code, b]));

/** ISO 639-1 codes of the languages with a bundle, sorted. */
export const BUNDLED_LANGUAGES: readonly string[] = [...BUNDLES.keys()].sort();

/**
 * The bundle of a language (any tag `normalizeLanguage` reads: `es`, `es-MX`, `spa`), or null
 * when the language has none or the tag is unknown. Deterministic; bundles are frozen data.
 *
 * @example languageBundle('de-AT')?.numbers.scales['mrd.'] === 1e9
 */
export function languageBundle(language: string | null | undefined): LanguageBundle | null {
  const code = normalizeLanguage(language);
  return code === null ? null : (BUNDLES.get(code) ?? null);
}

/** True when quotes, figures and dates are analysed in this language (it has a bundle). */
export function hasAnalysisBundle(language: string | null | undefined): boolean {
  return languageBundle(language) !== null;
}

const CHRONO_LOCALES: Readonly<Record<ChronoLocaleName, chrono.Chrono>> = {
  en: chrono.en.casual, de: chrono.de.casual, fr: chrono.fr.casual, es: chrono.es.casual, it: chrono.it.casual,
  nl: chrono.nl.casual, pt: chrono.pt.casual, ja: chrono.ja.casual, zh: chrono.zh.casual, ru: chrono.ru.casual,
  sv: chrono.sv.casual, uk: chrono.uk.casual, fi: chrono.fi.casual, id: chrono.id.casual, vi: chrono.vi.casual,
  ar: chrono.ar.casual,
};

/**
 * The chrono-node parser (casual mode) for dates and relative dates in a language: the bundle's
 * locale, or chrono's own locale for a language chrono knows without a bundle (ja, zh, ru, sv, uk,
 * fi, id, vi, ar); null otherwise (never the English parser on other text).
 */
export function chronoFor(language: string | null | undefined): chrono.Chrono | null {
  const code = normalizeLanguage(language);
  if (code === null) return null;
  const name = BUNDLES.get(code)?.chronoLocale ?? code;
  return Object.hasOwn(CHRONO_LOCALES, name) ? CHRONO_LOCALES[name as ChronoLocaleName] : null;
}

/**
 * The ISO 3166-1 alpha-2 code of a country named in a language: its `Intl.DisplayNames` name in
 * that language or in English, or an alias of the bundle ("EE. UU.", "Stati Uniti", "VS").
 * Case, diacritics and periods do not matter. Null when nothing matches or the language is
 * unknown. Deterministic for a given Node.js (ICU) version.
 *
 * @example findCountry('Alemania', 'es') === 'DE'; findCountry('EEUU', 'es') === 'US'
 */
export function findCountry(name: string, language: string | null | undefined): string | null {
  const code = normalizeLanguage(language);
  if (code === null) return null;
  return countryIndex(code, BUNDLES.get(code) ?? null).names.get(nameKey(name)) ?? null;
}

/**
 * The country of a demonym or country adjective in a language ("francesa", "es" → "FR";
 * "deutschen", "de" → "DE"), from the bundle's table; null when unknown or without a bundle.
 */
export function countryOfDemonym(word: string, language: string | null | undefined): string | null {
  const code = normalizeLanguage(language);
  const bundle = code === null ? null : (BUNDLES.get(code) ?? null);
  if (code === null || bundle === null) return null;
  return countryIndex(code, bundle).demonyms.get(nameKey(word)) ?? null;
}
