import nlp from 'compromise';

/** A word of a paragraph as compromise tagged it, with offsets into the paragraph. */
export interface Token {
  readonly text: string;
  /** Punctuation compromise split off before / after the word. */
  readonly pre: string;
  readonly post: string;
  readonly start: number;
  readonly end: number;
  readonly tags: ReadonlySet<string>;
}

interface CompromiseTerm {
  text: string;
  pre: string;
  post: string;
  tags: string[];
  offset: { start: number; length: number };
}

/** Tags the paragraph with compromise and returns its words. Deterministic. */
export function tokenize(paragraph: string): Token[] {
  if (paragraph.trim() === '') return [];
  const sentences = nlp(paragraph).json({ offset: true, terms: { offset: true } }) as Array<{ terms: CompromiseTerm[] }>;
  const tokens: Token[] = [];
  for (const sentence of sentences) {
    for (const term of sentence.terms) {
      if (term.text === '') continue;
      // compromise may normalise text; re-read the original slice so offsets stay exact.
      const start = term.offset.start;
      const end = start + term.offset.length;
      tokens.push({ text: paragraph.slice(start, end), pre: term.pre, post: term.post, start, end, tags: new Set(term.tags) });
    }
  }
  return tokens;
}
