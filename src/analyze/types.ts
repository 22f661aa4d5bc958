import type { EntityKind, EntityMention } from './entities/index.js';
import type { Figure, FigureKind, FigureVerdict } from './figures/index.js';
import type { Granularity, PrecomputedDates } from './timeline/index.js';
import type { Quote, QuoteKind, SpeakerKind } from './quotes/index.js';

/**
 * Schema version of {@link FactSheet} (the JSON output). Bump on any change of field names,
 * types or meaning; docs/fact-sheet-schema.md describes each version.
 */
export const FACT_SHEET_VERSION = 4;

/** One article of a story, as the fact sheet takes it. */
export interface FactSheetArticle {
  id: number;
  title: string | null;
  /** Outlet, or null when unknown. */
  source: string | null;
  /** ISO 8601 date or date-time, or null. */
  published: string | null;
  paragraphs: string[];
  /** Earliest member id of the article's copy group (syndicated copies), when known. */
  copyGroup?: number;
  url?: string | null;
  /** The input it was read from, as stored (`path/file.txt`, `feed.jsonl (line 3)`): names it when there is no outlet or URL. */
  origin?: string | null;
  /** BCP 47 language of the text (`en`), when known; quotes and figures are read only in analysed languages. */
  language?: string | null;
}

/** The story a fact sheet is about. */
export interface FactSheetStory {
  id: number;
  title: string;
}

/** Where something was read: an article and its outlet (null when unknown: label it by title or `#id`). */
export interface Citation {
  articleId: number;
  source: string | null;
}

/** An article as listed in the fact sheet. */
export interface SheetArticle {
  id: number;
  title: string | null;
  source: string | null;
  published: string | null;
  url: string | null;
  copyGroup: number | null;
  /** The input it was read from (`path/file.txt`, `feed.jsonl (line 3)`), or null when unknown. */
  origin: string | null;
  /** How to name it everywhere: the outlet, else the host of its URL, else its file name, else `article {id}`. */
  label: string;
  /** Its title, else its first sentence cut at a word with an ellipsis. */
  displayTitle: string;
  /**
   * For an article without a publication date: the day the sheet infers for it (from the latest
   * full date its text names, else from the story's other articles), never to be shown as its
   * publication date; null when it has one or nothing can be inferred.
   */
  inferredDate: string | null;
  /** Where `inferredDate` comes from: `text` or `story`; null when not inferred. */
  inferredFrom: 'text' | 'story' | null;
  /** BCP 47 language of its text (`en`), or null when unknown. */
  language: string | null;
}

/** One sentence of the extractive summary. */
export interface SummarySentence {
  /** The sentence as written in the first article (in story order) that carries it. */
  text: string;
  /** Every article carrying it (through passage alignment), in story order; never empty. */
  citations: Citation[];
  /** Where `text` was taken from. */
  articleId: number;
  /** Language of `text` (that of the article it was taken from), or null when unknown. */
  language: string | null;
  /** Index of the sentence among its article's sentences (all paragraphs, in order). */
  sentence: number;
  /** Selection score (relevance at the time MMR chose it), for explanation only. */
  score: number;
}

/** A person, place or organisation with one canonical name across the story. */
export interface SheetEntity {
  id: string;
  name: string;
  kind: EntityKind;
  aliases: string[];
  /** Total mentions across the story. */
  count: number;
  /** Mentions per article, in story order. */
  mentions: Array<Citation & { count: number }>;
  /** Mentions per outlet (articles without a source are grouped under their label), most first. */
  outlets: Array<{ outlet: string; count: number }>;
}

/** The story's entities by kind, most mentioned first. */
export interface SheetEntities {
  people: SheetEntity[];
  places: SheetEntity[];
  organisations: SheetEntity[];
}

/** One article's wording of a quote. */
export interface SheetQuoteVariant extends Citation {
  text: string;
  kind: QuoteKind;
  /** The sentence(s) of the article the quote stands in. */
  sentence: string;
}

/** A quote carried by one or more articles. */
export interface SheetQuote {
  /** Stable within one fact sheet: `q1`, `q2`... in story order of first appearance. */
  id: string;
  /**
   * The quote's words. When `marked`, the words of the fullest variant that stands in quotation
   * marks (pieces cut by the reporter's words joined by " … "); else the reporter's words.
   */
  text: string;
  kind: QuoteKind;
  /**
   * Print `text` inside quotation marks: true only when an article carries these words inside
   * quotation marks (a `direct` or `partial` variant). Otherwise the quote is reported speech:
   * print `reported`, the outlet's own sentence, attributed to the outlet.
   */
  marked: boolean;
  /** For reported speech (`marked` false): the sentence as the first outlet carrying it wrote it; else null. */
  reported: string | null;
  channel: string | null;
  /** The sentence of the first variant. */
  sentence: string;
  /** Every article carrying the statement (in or out of quotation marks), in story order. */
  citations: Citation[];
  /** The articles that have it inside quotation marks (cite these next to the marks). */
  markedBy: Citation[];
  /** The articles that carry it as reported speech, without quotation marks. */
  reportedBy: Citation[];
  /** Pieces of it that other articles quote in quotation marks (partial quotes), each with its article. */
  parts: Array<Citation & { text: string }>;
  variants: SheetQuoteVariant[];
}

/** The quotes of one speaker (`speaker` null: unattributed). */
export interface SpeakerQuotes {
  speaker: string | null;
  speakerKind: SpeakerKind;
  quotes: SheetQuote[];
}

/** One value of a figure group, with every article reporting it. */
export interface SheetFigureValue {
  /** Surface text(s) as written (`at least 18 people + three people` for a sum of parts). */
  text: string;
  /** The stated number (`30` in `nearly 30`), or null for ranges, vague plurals and sums. */
  value: number | null;
  /** Bounds as an interval (`[21, ∞)`, `(20, ∞)`, `31`). */
  bounds: string;
  low: number | null;
  high: number | null;
  /** ISO 4217 code for money, with the outlet's bracketed conversion. */
  currency: string | null;
  conversion: { value: number; currency: string } | null;
  /** The day the value refers to: the figure's own date, else its article's (possibly inferred) date. */
  asOf: string | null;
  /** True when its sentence names it as an earlier, superseded value (`up from 12`): shown as earlier, never flagged. */
  isEarlier: boolean;
  /** The sentence of the first citing article. */
  sentence: string;
  citations: Citation[];
}

/** Pairs of `values` (indices) that disagree: always from two independent sources at one time. */
export interface SheetFigureDisagreement {
  a: number;
  b: number;
  /** `conflict`: cannot both be true; `differ`: compatible bounds, different counts. */
  level: 'conflict' | 'differ';
  reason: string;
}

/** Figures measuring the same quantity across outlets, side by side. */
export interface SheetFigureGroup {
  kind: FigureKind;
  unit: string;
  /** What is measured, as a readable phrase from the text (`people injured`, `legal fees`). */
  caption: string;
  /** The measure the values share: counted thing, predicate class, whom or where. */
  measure: { counted: string | null; predicate: string | null; about: string[] };
  verdict: FigureVerdict;
  /** True for `differ` and `conflict`. */
  isDisagreement: boolean;
  values: SheetFigureValue[];
  disagreements: SheetFigureDisagreement[];
  /** When the value changed between reports made at different times: the values in time order (indices into `values`); else empty. */
  series: number[];
  /** Number of distinct articles reporting the figure. */
  articleCount: number;
  /** Number of independent sources (copy groups count once). */
  sourceCount: number;
}

/** One dating of a timeline event. */
export interface SheetTimelineVariant {
  start: string;
  end: string;
  granularity: Granularity;
  /** The expressions as written (`last week`, `on Wednesday`). */
  expressions: string[];
  citations: Citation[];
}

/** One event of the timeline. */
export interface SheetTimelineEntry {
  /** ISO dates (inclusive) of the agreed dating. */
  start: string;
  end: string;
  granularity: Granularity;
  description: string;
  citations: Citation[];
  /** Outlets place the event at times that cannot overlap: see `variants`. */
  isDisputed: boolean;
  variants: SheetTimelineVariant[];
  /** A short label for the entry's row on a chart: the start of its description. */
  label: string;
  /**
   * The entry lies outside the story's range (more than {@link STORY_CONTEXT_DAYS} days before its
   * first article or after its last): background ("since 2014"), to be drawn apart, not on the story's axis.
   */
  isOutsideStory: boolean;
}

/** The publication date the timeline used for one article, and where it came from. */
export interface SheetTimelineReference {
  articleId: number;
  published: string | null;
  from: 'published' | 'text' | 'story' | 'none';
}

export interface SheetTimeline {
  entries: SheetTimelineEntry[];
  references: SheetTimelineReference[];
  /** The story's range: the first and last day of its articles (inferred dates included), or null. */
  range: { start: string; end: string } | null;
}

/** Days either side of a story's articles within which a dated event belongs to the story's axis. */
export const STORY_CONTEXT_DAYS = 31;

/** What one article adds and shares. */
export interface CoverageEntry extends Citation {
  title: string | null;
  published: string | null;
  /** Words in the article's paragraphs. */
  words: number;
  sentences: number;
  copyGroup: number | null;
  /** The article of the same copy group that published the text first (itself when it did), or null. */
  firstPublished: Citation | null;
  /** Other articles sharing sentences with it, with the number of its sentences shared. */
  sharedWith: Array<Citation & { sentences: number }>;
  /** Sentences no other article of the story carries. */
  ownSentences: number;
  /** Its passages no other article carries, in text order. */
  ownPassages: string[];
  /** Ids of quotes (`SheetQuote.id`) only it carries. */
  ownQuotes: string[];
  /** Figures only it reports. */
  ownFigures: Array<{ text: string; sentence: string }>;
}

/** The fact sheet of a story. Pure data, JSON-serialisable. */
export interface FactSheet {
  /** {@link FACT_SHEET_VERSION}. */
  version: number;
  story: FactSheetStory;
  /** The articles in story order: published ascending (undated last), then id. */
  articles: SheetArticle[];
  summary: SummarySentence[];
  entities: SheetEntities;
  quotes: SpeakerQuotes[];
  figures: SheetFigureGroup[];
  timeline: SheetTimeline;
  coverage: CoverageEntry[];
  /**
   * Languages of the story whose quotes and figures are not analysed (no language bundle), each
   * with its articles: their quotes and figures are missing from the sheet, not absent from the texts.
   */
  notAnalysed: Array<{ language: string; articles: number[] }>;
  /**
   * The story's languages, most articles first (ties: the language of the earlier article), each
   * with its articles in story order; the first is the story's main language, which the summary
   * prefers. Articles of unknown language are under `und`.
   */
  languages: Array<{ language: string; articles: number[] }>;
  /**
   * Articles longer than {@link MAX_ANALYSED_CHARS}: only their first `analysedChars` characters
   * (whole paragraphs) are analysed, so what comes after adds nothing to the sheet.
   */
  partlyAnalysed: Array<{ article: number; analysedChars: number; totalChars: number }>;
}

/**
 * Characters of an article's text that a fact sheet analyses (about 15,000 words, far above a
 * long news feature): the rest of a longer text is left out, and the sheet says so, so that one
 * huge document cannot hold a sheet build for minutes.
 */
export const MAX_ANALYSED_CHARS = 100_000;

/** Per-article analysis, cached by {@link FactSheetBuilder}; JSON-serialisable. */
export interface ArticleAnalysis {
  /** {@link ARTICLE_ANALYSIS_VERSION} at the time of analysis; another version is recomputed. */
  version: number;
  articleId: number;
  /** Sentences per paragraph (the dedup splitter's, which passage alignment uses). */
  sentences: string[][];
  mentions: EntityMention[];
  quotes: Quote[];
  figures: Figure[];
  /** Date expressions resolved against the publication day (the timeline reuses them). */
  dates: PrecomputedDates;
}
