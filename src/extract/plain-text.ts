import type { DocumentHints, ExtractedArticle } from '../core/types.js';
import { buildArticle, EMPTY_METADATA } from './assemble.js';
import { isBoilerplateText } from './boilerplate.js';
import { collapseWhitespace, countWords } from './text.js';

/** A first paragraph longer than this is the lead, not a title. */
const MAX_TITLE_WORDS = 25;
const MAX_TITLE_CHARS = 250;

const REGEXPS = {
  /** `date YYYY-MM-DD` at the very start, possibly after whitespace. */
  leadingDate: /^\s*date\s+(\d{4}-\d{2}-\d{2})(?=\s|$)/i,
  /** Sentence-final punctuation, possibly followed by closing quotes or brackets. */
  finalPunctuation: /[.!?…:;,]["'”’»)\]]*$/,
  blankLine: /\n[ \t\f\v\u00a0]*\n/,
} as const;

/** Splits plain text into the date token (if any) and the rest. */
export function splitLeadingDate(text: string): { date: string | null; rest: string } {
  const m = REGEXPS.leadingDate.exec(text);
  if (!m?.[1]) return { date: null, rest: text };
  return { date: m[1], rest: text.slice(m[0].length) };
}

/** Paragraphs on blank lines, or on single newlines when the text has no blank line. */
export function splitParagraphs(text: string): string[] {
  const normal = text.replace(/\r\n?/g, '\n');
  const pieces = REGEXPS.blankLine.test(normal) ? normal.split(/\n[ \t\f\v\u00a0]*\n/) : normal.split('\n');
  return pieces.map(collapseWhitespace).filter((p) => p.length > 0);
}

function looksLikeTitle(paragraph: string): boolean {
  return (
    paragraph.length <= MAX_TITLE_CHARS &&
    countWords(paragraph) <= MAX_TITLE_WORDS &&
    countWords(paragraph) > 0 &&
    !REGEXPS.finalPunctuation.test(paragraph)
  );
}

/** See index.ts. */
export function extractPlainText(text: string, hints: DocumentHints): ExtractedArticle | null {
  const { date, rest } = splitLeadingDate(text.replace(/^\ufeff/, ''));
  let paragraphs = splitParagraphs(rest).filter((p) => !isBoilerplateText(p));
  let title: string | null = null;
  const first = paragraphs[0];
  if (first !== undefined && paragraphs.length > 1 && looksLikeTitle(first)) {
    title = first;
    paragraphs = paragraphs.slice(1);
  }
  if (paragraphs.length === 0) return null;
  // The token is the document's own statement of its date: like page metadata, it beats a hint.
  const metadata = { ...EMPTY_METADATA, title, published: date, publishedFrom: date ? ('text' as const) : null };
  return buildArticle(paragraphs, metadata, hints);
}
