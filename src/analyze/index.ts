/**
 * Analyze: the fact sheet of a story, built from its articles.
 *
 * - {@link buildFactSheet}`(story, articles)` → {@link FactSheet} (schema {@link FACT_SHEET_VERSION},
 *   documented in docs/fact-sheet-schema.md): an extractive summary citing every article that
 *   carries each sentence, entities with canonical names, quotes grouped by speaker with all their
 *   sources, figures side by side with disagreements flagged (`differ`/`conflict`), a timeline with
 *   disputed datings, and coverage per article (first publisher of its text, what only it reports).
 * - {@link FactSheetBuilder}: the same, incrementally: `add(article)` runs the per-article analysis
 *   once (cacheable as JSON via `exportState`/`importState` or {@link analyzeArticle}); `build()`
 *   re-runs only the cross-article merging.
 * - {@link renderTerminal} / {@link renderMarkdown}: readable text and a pasteable report; article
 *   text is treated as untrusted (control characters stripped, Markdown escaped).
 *
 * Everything here is pure and deterministic; no I/O.
 */
export {
  analyzeArticle,
  buildFactSheet,
  FactSheetBuilder,
  labelOf,
  ARTICLE_ANALYSIS_VERSION,
  FACT_SHEET_STATE_VERSION,
  type FactSheetBuilderState,
} from './fact-sheet.js';
export { buildCoverage, type CoverageInput } from './coverage.js';
export { groupCoverage, matchOutlet, type CoverageDimension, type CoverageGroup, type GroupCoverage, type GroupCoverageArticle } from './outlet-groups.js';
export { renderMarkdown, renderTerminal, escapeMarkdown, figureTitle, languageTagger, languagesLine, sheetLabels, sourceCount, articleLocation, boundsText, formatAmount, type TerminalOptions } from './render/index.js';
export { summarize, type SummaryPick, type SummarizerArticle } from './summary/index.js';
export {
  FACT_SHEET_VERSION,
  MAX_ANALYSED_CHARS,
  STORY_CONTEXT_DAYS,
  type ArticleAnalysis,
  type Citation,
  type CoverageEntry,
  type FactSheet,
  type FactSheetArticle,
  type FactSheetStory,
  type SheetArticle,
  type SheetEntities,
  type SheetEntity,
  type SheetFigureDisagreement,
  type SheetFigureGroup,
  type SheetFigureValue,
  type SheetQuote,
  type SheetQuoteVariant,
  type SheetTimeline,
  type SheetTimelineEntry,
  type SheetTimelineReference,
  type SheetTimelineVariant,
  type SpeakerQuotes,
  type SummarySentence,
} from './types.js';
