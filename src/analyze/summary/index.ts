/**
 * Extractive multi-document summary: five to eight sentences chosen across a story's articles
 * for coverage without repetition (centroid relevance + maximal marginal relevance), each citing
 * every article that carries it. Pure and deterministic; no I/O.
 *
 * @example
 * const picks = summarize([{ id: 1, sentences: [{ text: 'Leaders met in Paris.', sharedWith: [2] }] }, ...]);
 * // → [{ articleId: 1, sentence: 0, text: 'Leaders met in Paris.', articleIds: [1, 2], score: 1 }, ...]
 */
export {
  summarize,
  MAX_SUMMARY_SENTENCES,
  MIN_SUMMARY_SENTENCES,
  MMR_LAMBDA,
  SAME_SENTENCE_DICE,
  type SummarizeOptions,
  type SummarizerArticle,
  type SummarizerSentence,
  type SummaryPick,
} from './summarize.js';
