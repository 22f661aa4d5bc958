import { searchTerms } from '../search-terms.js';

/** Turns free text into a safe FTS5 query: each word (or "quoted phrase") quoted, all required, the last word a prefix. */
export function toFtsQuery(input: string): string | null {
  const terms = searchTerms(input);
  if (terms === null) return null;
  const parts = terms.phrases.map((words) => `"${words.join(' ')}"`);
  if (terms.prefixLast) parts[parts.length - 1] = `${parts[parts.length - 1]}*`;
  return parts.join(' ');
}

/** Turns an FTS5 snippet (matches between \u0002 and \u0003) into text and highlight offsets; whitespace collapsed. */
export function parseSnippet(snippet: string): { text: string; highlights: Array<[number, number]> } {
  let text = '';
  const highlights: Array<[number, number]> = [];
  let open = -1;
  for (const ch of snippet.replace(/\s+/g, ' ')) {
    if (ch === '\u0002') open = text.length;
    else if (ch === '\u0003') {
      if (open >= 0 && text.length > open) highlights.push([open, text.length]);
      open = -1;
    } else text += ch;
  }
  return { text, highlights };
}
