import type { QuoteMarks } from './lang.js';

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

/** English and general marks: “ ” and « », straight double marks, „ opening. */
const DEFAULT_MARKS: QuoteMarks = {
  opens: new Map([['“', new Set(['”'])], ['„', new Set(['“', '”'])], ['«', new Set(['»'])], ['"', new Set(['"'])]]),
  closes: new Set(['”', '»', '"']),
};
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
 * Finds the outermost quoted stretches of a paragraph, with a language's marks (“ ”, „ “, « »,
 * » «). A mark that closes the open quote closes it; another opening mark opens a nested one;
 * marks of the language may be mixed with straight ones (`"... it.”`). A straight mark opens
 * when it follows a space or the paragraph start and closes otherwise. A quote still open at the
 * end of the paragraph runs to its end with `close: null`.
 */
export function findMarkedSpans(paragraph: string, marks: QuoteMarks = DEFAULT_MARKS): MarkedSpan[] {
  const spans: MarkedSpan[] = [];
  const stack: Array<{ char: string; at: number }> = [];
  const push = (open: number, close: number | null, end: number): void => {
    const [start, stop] = trimmed(paragraph, open + 1, end);
    if (stop > start) spans.push({ open, close, start, end: stop });
  };
  for (let i = 0; i < paragraph.length; i++) {
    const char = paragraph[i]!;
    const isStraight = char === '"';
    const opensQuote = marks.opens.has(char);
    const closesQuote = marks.closes.has(char);
    if (!opensQuote && !closesQuote) continue;
    const before = i === 0 ? ' ' : paragraph[i - 1]!;
    const looksOpening = REGEXPS.beforeOpening.test(before) || marks.opens.has(before);
    const top = stack[stack.length - 1];
    let isClosing: boolean;
    if (isStraight) isClosing = top !== undefined && (top.char === '"' || !looksOpening);
    else if (top !== undefined && (marks.opens.get(top.char)?.has(char) === true || (top.char === '"' && closesQuote))) isClosing = true;
    else if (opensQuote) isClosing = false;
    else isClosing = closesQuote;
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
export function opensWithMark(paragraph: string, marks: QuoteMarks = DEFAULT_MARKS): boolean {
  const first = paragraph.trimStart()[0];
  return first !== undefined && (marks.opens.has(first) || first === '"');
}
