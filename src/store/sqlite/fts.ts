/** Turns free text into a safe FTS5 query: each word (or "quoted phrase") quoted, all required, the last word a prefix. */
export function toFtsQuery(input: string): string | null {
  const parts: string[] = [];
  const pattern = /"([^"]*)"|([\p{L}\p{N}][\p{L}\p{N}'’_-]*)/gu;
  let match: RegExpExecArray | null;
  let lastIsWord = false;
  while ((match = pattern.exec(input)) !== null) {
    const phrase = match[1];
    if (phrase !== undefined) {
      const words = phrase.match(/[\p{L}\p{N}]+/gu);
      if (words && words.length) parts.push(`"${words.join(' ')}"`);
      lastIsWord = false;
    } else if (match[2] !== undefined) {
      const words = match[2].match(/[\p{L}\p{N}]+/gu) ?? [];
      if (words.length) parts.push(`"${words.join(' ')}"`);
      lastIsWord = words.length === 1;
    }
    if (parts.length >= 20) break;
  }
  if (parts.length === 0) return null;
  // Search as you type: the last bare word also matches longer words.
  if (lastIsWord && !/\s$/.test(input)) parts[parts.length - 1] = `${parts[parts.length - 1]}*`;
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
