/** A word, number or punctuation mark of one sentence, with its offsets. */
export interface Token {
  readonly text: string;
  readonly lower: string;
  readonly start: number;
  readonly end: number;
  /** No whitespace between this token and the previous one. */
  readonly glued: boolean;
  readonly isWord: boolean;
  readonly isDigits: boolean;
}

// Letters of any script, digit groups with separators (thousands grouped by a no-break or thin
// space: "5 000"), a leading-dot decimal, or one other character.
const TOKEN_RE = /\p{L}[\p{L}\p{M}]*|\d{1,3}(?:[\u00A0\u202F\u2009]\d{3})+(?:,\d+)?(?!\d)|\d+(?:[.,]\d+)*|(?<![\w.])\.\d+|[^\s\p{L}\d]/gu;
// Also thousands grouped by a plain space ("1 000 000"), for languages that write them so.
const SPACED_TOKEN_RE = /\p{L}[\p{L}\p{M}]*|\d{1,3}(?:[ \u00A0\u202F\u2009]\d{3})+(?:,\d+)?(?!\d)|\d+(?:[.,]\d+)*|(?<![\w.])\.\d+|[^\s\p{L}\d]/gu;
const WORD_RE = /^\p{L}/u;
const DIGITS_RE = /^\.?\d/;

/** Splits a sentence into tokens; `spacedThousands` reads "1 000 000" as one number. Deterministic. */
export function tokenize(sentence: string, spacedThousands = false): Token[] {
  const out: Token[] = [];
  let prevEnd = -1;
  for (const m of sentence.matchAll(spacedThousands ? SPACED_TOKEN_RE : TOKEN_RE)) {
    const start = m.index;
    const text = m[0];
    out.push({
      text,
      lower: text.toLowerCase(),
      start,
      end: start + text.length,
      glued: start === prevEnd,
      isWord: WORD_RE.test(text),
      isDigits: DIGITS_RE.test(text),
    });
    prevEnd = start + text.length;
  }
  return out;
}

/** True for a word written with a capital first letter. */
export function isCapitalized(t: Token | undefined): boolean {
  return t !== undefined && t.isWord && t.text[0] !== t.lower[0];
}
