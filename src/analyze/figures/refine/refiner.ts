import type { FigureLanguage } from '../lang/index.js';
import type { ReadFigure } from '../read/index.js';
import type { Token } from '../tokens.js';

/** What a sentence refiner sees: the sentence, its tokens and the figures read in it, in order. */
export interface SentenceContext {
  readonly tokens: readonly Token[];
  readonly sentence: string;
  readonly lang: FigureLanguage;
}

/**
 * A rule over the figures of one sentence (chrono's refiners): merges, drops or completes them
 * using their neighbours. Refiners run in the order of {@link SENTENCE_REFINERS}.
 */
export interface SentenceRefiner {
  readonly name: string;
  refine(figures: ReadFigure[], ctx: SentenceContext): ReadFigure[];
}

/** The text between two figures of one sentence. */
export function between(a: ReadFigure, b: ReadFigure, sentence: string): string {
  return sentence.slice(a.figure.offset + a.figure.text.length, b.figure.offset);
}
