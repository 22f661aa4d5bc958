import { languageBundle } from '../../../core/lang/index.js';
import { buildFigureLanguage } from './build.js';
import { en } from './en.js';
import type { FigureLanguage } from './types.js';

export type { Bound, FigureLanguage, PersonRole } from './types.js';

// Languages whose noun phrases put the head first ("20 personas heridas").
const NOUN_FIRST = new Set(['es', 'it', 'fr', 'pt', 'ro', 'ca']);
const PLURAL: Readonly<Record<string, RegExp>> = {
  es: /(?:s|es)$/, pt: /(?:s|es)$/, fr: /(?:s|x)$/, it: /[ie]$/, de: /(?:en|er|e|n|s)$/, nl: /(?:en|s)$/,
};
const cache = new Map<string, FigureLanguage | null>([['en', en]]);

/**
 * The figure words of a language (`en`, `es-MX`: any tag the bundles read), built from its
 * language bundle; null when the language has no bundle: its figures are then not read at all,
 * never with another language's rules. No language given (undefined or null) reads as English,
 * the language of most unlabelled input.
 */
export function figureLanguage(language: string | null | undefined): FigureLanguage | null {
  if (language === null || language === undefined || language === '') return en;
  const bundle = languageBundle(language);
  if (bundle === null) return null;
  let lang = cache.get(bundle.code);
  if (lang === undefined) {
    const plural = PLURAL[bundle.code];
    lang = buildFigureLanguage(bundle, { nounFirst: NOUN_FIRST.has(bundle.code), ...(plural ? { isPlural: (w: string) => plural.test(w.toLowerCase()) } : {}) });
    cache.set(bundle.code, lang);
  }
  return lang;
}
