import { en } from './en.js';
import type { FigureLanguage } from './types.js';

export type { Bound, FigureLanguage, PersonRole } from './types.js';

const LANGUAGES: ReadonlyMap<string, FigureLanguage> = new Map([['en', en]]);

/**
 * The figure words of a language (`en`, `en-GB`: the primary subtag counts), or null when the
 * language has none: its figures are then not read at all, never with another language's rules.
 * An unknown language (null) is read as English, the language of most unlabelled input.
 */
export function figureLanguage(language: string | null | undefined): FigureLanguage | null {
  if (language === null || language === undefined || language === '') return en;
  return LANGUAGES.get(language.toLowerCase().split(/[-_]/)[0] ?? '') ?? null;
}
