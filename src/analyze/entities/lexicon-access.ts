import { DEMONYM_PLACES, PLACE_ALIASES } from './lexicon.js';

/**
 * The canonical country a demonym or country name refers to ("French" → "France", "U.K." →
 * "United Kingdom"), or null. Case-insensitive.
 */
export function placeOfDemonym(word: string): string | null {
  const lower = word.toLowerCase();
  return DEMONYM_PLACES.get(lower) ?? PLACE_ALIASES.get(lower.replace(/['’]s?$/, '')) ?? null;
}

/** True when the word is a demonym ("French", "Danish"): an adjective, not the name of a place. */
export function isDemonym(word: string): boolean {
  return DEMONYM_PLACES.has(word.toLowerCase());
}
