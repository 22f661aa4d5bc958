/**
 * The reader's search words, as both stores read them: each word or "quoted phrase" is a required
 * phrase (a word is a phrase of one), and the last bare word, while it is being typed, also
 * matches longer words. Each store writes these terms in its own search syntax (FTS5, tsquery);
 * nothing of the reader's text reaches that syntax but letters and digits.
 */
export interface SearchTerms {
  /** Required phrases, each a list of words (letters and digits only), in the order given. */
  phrases: string[][];
  /** True when the last phrase is one bare word to match as a prefix. */
  prefixLast: boolean;
}

/** At most this many phrases are taken from one search. */
const MAX_PHRASES = 20;

/** The terms of a search, or null when it has no words to look for. */
export function searchTerms(input: string): SearchTerms | null {
  const phrases: string[][] = [];
  const pattern = /"([^"]*)"|([\p{L}\p{N}][\p{L}\p{N}'’_-]*)/gu;
  let match: RegExpExecArray | null;
  let lastIsWord = false;
  while ((match = pattern.exec(input)) !== null) {
    const phrase = match[1];
    if (phrase !== undefined) {
      const words = phrase.match(/[\p{L}\p{N}]+/gu);
      if (words && words.length) phrases.push(words);
      lastIsWord = false;
    } else if (match[2] !== undefined) {
      const words = match[2].match(/[\p{L}\p{N}]+/gu) ?? [];
      if (words.length) phrases.push(words);
      lastIsWord = words.length === 1;
    }
    if (phrases.length >= MAX_PHRASES) break;
  }
  if (phrases.length === 0) return null;
  // Search as you type: the last bare word also matches longer words.
  return { phrases, prefixLast: lastIsWord && !/\s$/.test(input) };
}
