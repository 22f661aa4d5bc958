import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * @orama/stemmers module per ISO 639-1 code. All but Bulgarian and Ukrainian (light stemmers)
 * are generated from the Snowball algorithms; English is Porter's original algorithm. Sanskrit,
 * a bare suffix list in the package, is left out.
 */
const STEMMER_MODULES: Readonly<Record<string, string>> = {
  ar: 'arabic', hy: 'armenian', bg: 'bulgarian', da: 'danish', nl: 'dutch', en: 'english', fi: 'finnish', fr: 'french',
  de: 'german', el: 'greek', hu: 'hungarian', hi: 'indian', id: 'indonesian', ga: 'irish', it: 'italian',
  lt: 'lithuanian', ne: 'nepali', no: 'norwegian', pt: 'portuguese', ro: 'romanian', ru: 'russian', sr: 'serbian',
  es: 'spanish', sv: 'swedish', ta: 'tamil', tr: 'turkish', uk: 'ukrainian',
};

/** ISO 639-1 codes with a stemmer, sorted. */
export const STEMMED_LANGUAGES: readonly string[] = Object.keys(STEMMER_MODULES).sort();

/** The stemming function of a language (lower-case word in, stem out), loaded on first use; null when there is none. */
export function loadStemmer(language: string): ((word: string) => string) | null {
  if (!Object.hasOwn(STEMMER_MODULES, language)) return null;
  const module = require(`@orama/stemmers/${STEMMER_MODULES[language]!}`) as { stemmer: (word: string) => string };
  return module.stemmer;
}
