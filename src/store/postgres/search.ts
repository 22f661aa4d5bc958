import { searchTerms } from '../search-terms.js';

/**
 * Turns free text into a safe `to_tsquery` text: every phrase required (`&`), the words of a
 * phrase adjacent (`<->`), the last bare word a prefix (`:*`), each word quoted. The words are
 * letters and digits only (see {@link searchTerms}), so no operator of the reader's reaches the
 * query. The store folds the text as it folds the articles (`search_fold`, lower case).
 */
export function toTsQuery(input: string): string | null {
  const terms = searchTerms(input);
  if (terms === null) return null;
  const parts = terms.phrases.map((words) => words.map((w) => `'${w}'`).join(' <-> '));
  if (terms.prefixLast) parts[parts.length - 1] = `${parts[parts.length - 1]}:*`;
  return parts.map((p) => (p.includes('<->') ? `(${p})` : p)).join(' & ');
}
