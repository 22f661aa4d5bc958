import type { ResolvedDate } from './resolve.js';

/** How precise a resolved date is. */
export type Granularity = 'day' | 'week' | 'month' | 'year';

/** One dated mention in one article. */
export interface DatedMention {
  articleId: string | number;
  source: string | null;
  /** ISO date (YYYY-MM-DD) of the first day. */
  start: string;
  /** ISO date of the last day (inclusive); equals `start` for a single day. */
  end: string;
  granularity: Granularity;
  /** The expression as written (`on Wednesday`, `last week`, `overnight`). */
  expression: string;
  /** The sentence, used as the event description. */
  sentence: string;
  paragraph: number;
  /** The reference date was inferred, not published. */
  inferredReference: boolean;
}

/** One way an event was dated, with the mentions that date it so. */
export interface TimelineVariant {
  start: string;
  end: string;
  granularity: Granularity;
  mentions: DatedMention[];
}

/** One event on the timeline, merged across outlets. */
export interface TimelineEntry {
  /** The narrowest agreed dating (the first variant's). */
  start: string;
  end: string;
  granularity: Granularity;
  /** The description: the longest sentence among the mentions. */
  description: string;
  /** Distinct outlets (source, else article id) that mention the event. */
  sources: Array<string | number>;
  mentions: DatedMention[];
  /** More than one variant: outlets put the event at times that cannot overlap. */
  isDisputed: boolean;
  /** The datings, each with its mentions; one for undisputed events. */
  variants: TimelineVariant[];
}

/** Publication date used for each article and where it came from. */
export interface ArticleReference {
  articleId: string | number;
  /** ISO date, or null when nothing could be inferred. */
  published: string | null;
  /** `published` (given), `text` (latest full date in the text), `story` (the story's other articles). */
  from: 'published' | 'text' | 'story' | 'none';
}

export interface Timeline {
  entries: TimelineEntry[];
  references: ArticleReference[];
}

/** An article given to {@link buildTimeline}. */
export interface TimelineArticle {
  articleId: string | number;
  source: string | null;
  /** ISO date or date-time, or null when unknown. */
  published: string | null;
  paragraphs: string[];
  /** The article's language (BCP 47), when known: dates are read with its chrono locale. */
  language?: string | null;
  /**
   * The article's date expressions already resolved ({@link articleDates}), e.g. cached with the
   * per-article analysis. Used only when `reference` is the reference day the timeline picks for
   * the article (its publication day); otherwise the dates are resolved again.
   */
  resolved?: PrecomputedDates;
}

/** An article's date expressions resolved against `reference` (ISO day, or null: years only). */
export interface PrecomputedDates {
  reference: string | null;
  dates: ResolvedDate[];
}
