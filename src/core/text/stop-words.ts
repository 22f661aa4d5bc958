import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

let lists: Readonly<Record<string, readonly string[]>> | null = null;

/**
 * The stopwords-iso list of a language (ISO 639-1), as published, or null when it has none.
 * Loaded on first use: the package is one 200 KB JSON file for 58 languages.
 */
export function stopWordList(language: string): readonly string[] | null {
  lists ??= require('stopwords-iso') as Record<string, readonly string[]>;
  return Object.hasOwn(lists, language) ? lists[language]! : null;
}
