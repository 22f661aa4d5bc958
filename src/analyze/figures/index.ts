/**
 * Figures: every quantity in an article, what it measures, and how independent sources' numbers compare.
 *
 * - {@link extractFigures}`(paragraphs, opts)` → `Figure[]`: value and bounds (`at least 18` →
 *   [18, ∞), `nearly 30` → [27, 30), `dozens` → [24, 99], a range is one value), unit, a general
 *   kind (people by role, money, percentage, duration, measure, count), currency and bracketed
 *   conversion, and the measure: counted thing, predicate, whom or where, when, a caption. Years,
 *   dates, times, ordinals, numbers inside names and (unless asked) ages are skipped.
 * - {@link groupFigures}`(perArticle)` → `FigureGroup[]`: figures measuring the same quantity,
 *   with a verdict: `single` (one source), `agree`, `update` (changed between reports over time),
 *   `differ` or `conflict` (independent sources disagree; `isDisagreement`).
 *
 * Both are pure and deterministic; no I/O.
 */
export { extractFigures, APPROXIMATE_TOLERANCE } from './extract.js';
export { groupFigures, formatInterval, MIN_SHARED_WORDS, MONEY_TOLERANCE } from './group/index.js';
export { figureLanguage, type FigureLanguage, type PersonRole } from './lang/index.js';
export { singularizeEnglish as singularize } from './lang/en.js';
export type {
  ArticleFigures,
  Conversion,
  ExtractFiguresOptions,
  Figure,
  FigureConflict,
  FigureDate,
  FigureGroup,
  FigureKind,
  FigureMeasure,
  FigureReport,
  FigureVerdict,
} from './types.js';
