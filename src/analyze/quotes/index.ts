/**
 * Quotes: who said what in an article, and the same quote across a story's outlets.
 * Pure and deterministic; no I/O.
 *
 * @example
 * const quotes = extractQuotes(['“The bridge will open in May,” Varga said.']);
 * // → [{ text: 'The bridge will open in May', kind: 'direct', speaker: 'Varga', cue: 'said', ... }]
 * const story = mergeQuotes([{ articleId: 1, source: 'AP', quotes }, ...]);
 */
export { extractQuotes } from './extract.js';
export { findMarkedSpans, type MarkedSpan } from './marks.js';
export { isPrintedInMarks } from './kinds.js';
export { PIECE_SEPARATOR } from './assemble.js';
export { mergeQuotes, type MergeQuotesOptions } from './merge.js';
export type {
  ArticleQuotes,
  ExtractQuotesOptions,
  Quote,
  QuoteKind,
  QuoteVariant,
  SpeakerKind,
  StoryQuote,
  TextSpan,
} from './types.js';
