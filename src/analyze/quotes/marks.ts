/** A stretch of a paragraph inside quotation marks. */
export interface MarkedSpan {
  /** Offset of the opening mark. */
  readonly open: number;
  /** Offset of the closing mark; null when the paragraph ends before it (the quote runs on). */
  readonly close: number | null;
  /** The quoted words, `[start, end)`, marks and edge spaces excluded. */
  readonly start: number;
  readonly end: number;
}

const OPENING = new Set(['“', '„', '«']);
const CLOSING = new Set(['”', '»']);
const REGEXPS = {
  beforeOpening: /[\s([{—–\-:/]/,
  space: /\s/,
};

function trimmed(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && REGEXPS.space.test(text[s]!)) s++;
  while (e > s && REGEXPS.space.test(text[e - 1]!)) e--;
  return [s, e];
}

/**
 * Finds the outermost quoted stretches of a paragraph. Curly, angle and straight double marks are
 * all accepted and may be mixed (`"... it.”`); a straight mark opens when it follows a space or
 * the paragraph start and closes otherwise. Nested quotes stay inside their outer quote. A quote
 * still open at the end of the paragraph runs to its end with `close: null`.
 */
export function findMarkedSpans(paragraph: string): MarkedSpan[] {
  const spans: MarkedSpan[] = [];
  const stack: Array<{ char: string; at: number }> = [];
  const push = (open: number, close: number | null, end: number): void => {
    const [start, stop] = trimmed(paragraph, open + 1, end);
    if (stop > start) spans.push({ open, close, start, end: stop });
  };
  for (let i = 0; i < paragraph.length; i++) {
    const char = paragraph[i]!;
    const isStraight = char === '"';
    if (!isStraight && !OPENING.has(char) && !CLOSING.has(char)) continue;
    const before = i === 0 ? ' ' : paragraph[i - 1]!;
    const looksOpening = REGEXPS.beforeOpening.test(before) || OPENING.has(before);
    let isClosing: boolean;
    if (CLOSING.has(char)) isClosing = true;
    else if (OPENING.has(char)) isClosing = false;
    else isClosing = stack.length > 0 && (stack[stack.length - 1]!.char === '"' || !looksOpening);
    if (!isClosing) {
      if (isStraight && !looksOpening) continue;
      stack.push({ char, at: i });
      continue;
    }
    if (stack.length === 0) continue;
    const opened = stack.pop()!;
    if (stack.length === 0) push(opened.at, i, i);
  }
  if (stack.length > 0) push(stack[0]!.at, null, paragraph.length);
  return spans;
}

/** True when the paragraph opens with a quotation mark (a quote continued from the one before). */
export function opensWithMark(paragraph: string): boolean {
  const first = paragraph.trimStart()[0];
  return first !== undefined && (OPENING.has(first) || first === '"');
}
