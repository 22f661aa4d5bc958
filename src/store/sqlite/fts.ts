import { searchTerms } from '../search-terms.js';

/** Turns free text into a safe FTS5 query: each word (or "quoted phrase") quoted, all required, the last word a prefix. */
export function toFtsQuery(input: string): string | null {
  const terms = searchTerms(input);
  if (terms === null) return null;
  const parts = terms.phrases.map((words) => `"${words.join(' ')}"`);
  if (terms.prefixLast) parts[parts.length - 1] = `${parts[parts.length - 1]}*`;
  return parts.join(' ');
}
