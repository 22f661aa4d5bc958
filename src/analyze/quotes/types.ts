import type { ArticleKey } from '../entities/index.js';

/**
 * How a quote is given:
 * - `direct`: a whole utterance in quotation marks;
 * - `partial`: a few quoted words embedded in the reporter's sentence (`called it "simplistic"`);
 * - `unmarked`: a stripped quote, the attribution trailing with no marks (`..., Varga said.`);
 * - `indirect`: reported speech (`Varga said that ...`).
 */
export type QuoteKind = 'direct' | 'partial' | 'unmarked' | 'indirect';

/** What the speaker is: a person, an organisation (an office, a government, a company), or unknown. */
export type SpeakerKind = 'person' | 'organisation' | 'unknown';

/** Where in the article a stretch of text sits: `[start, end)` char offsets within one paragraph. */
export interface TextSpan {
  readonly paragraph: number;
  readonly start: number;
  readonly end: number;
}

/** One quote in one article. */
export interface Quote {
  /** The quoted words, marks excluded; pieces of a quote over several paragraphs joined by a space. */
  readonly text: string;
  readonly kind: QuoteKind;
  /** Resolved speaker: a full name when the article gives one ("Ines Varga"), or a phrase. */
  readonly speaker: string | null;
  readonly speakerKind: SpeakerKind;
  /** The speaker as written ("he", "Varga", "the office of Governor Lena Park"). */
  readonly speakerSpan: (TextSpan & { readonly text: string }) | null;
  /** The verb of saying as written ("said", "told", "according to"). */
  readonly cue: string | null;
  /** How it was said, when the article says so ("social media", "interview with a local station", "press conference"). */
  readonly channel: string | null;
  /** Paragraph where the quote starts. */
  readonly paragraph: number;
  /** Index of the sentence within that paragraph. */
  readonly sentence?: number;
  /** Offsets of the quoted words within `paragraph` (`start`) and `endParagraph` (`end`). */
  readonly start: number;
  readonly end: number;
  /** Paragraph where the quote ends, when it runs over several paragraphs. */
  readonly endParagraph?: number;
  /** The quoted stretches, when the quote is made of several (cut by the reporter's words or by paragraphs). */
  readonly pieces?: readonly TextSpan[];
}

/** Options of {@link extractQuotes}. */
export interface ExtractQuotesOptions {
  /** Entity mentions of the same paragraphs; computed with `extractEntities` when absent. */
  readonly entities?: readonly import('../entities/index.js').EntityMention[];
  /** The article's language (BCP 47); none given reads as English, one without a bundle gives no quotes. */
  readonly language?: string | null;
}

/** One article's quotes, as handed to {@link mergeQuotes}. */
export interface ArticleQuotes {
  readonly articleId: ArticleKey;
  readonly source: string | null;
  readonly quotes: readonly Quote[];
}

/** One wording of a story quote, as one article carries it. */
export interface QuoteVariant {
  readonly articleId: ArticleKey;
  readonly source: string | null;
  readonly quote: Quote;
}

/** A quote of a story: the same words carried by one or more articles. */
export interface StoryQuote {
  /** Stable within one call: `q1`, `q2`... in order of first appearance. */
  readonly id: string;
  /** The fullest wording. */
  readonly text: string;
  readonly kind: QuoteKind;
  /** Canonical speaker across the story (entities module), or null. */
  readonly speaker: string | null;
  readonly speakerKind: SpeakerKind;
  readonly channel: string | null;
  /** Distinct article ids and outlets carrying it, in input order. */
  readonly articleIds: readonly ArticleKey[];
  readonly sources: readonly string[];
  /** Every wording; the first is the one `text` comes from. */
  readonly variants: readonly QuoteVariant[];
}
