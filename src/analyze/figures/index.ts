/**
 * Figures: every quantity in an article, what it counts, and how outlets' numbers compare.
 *
 * - {@link extractFigures}`(paragraphs, opts)` → `Figure[]`: value and bounds (`at least 18` →
 *   [18, ∞), `nearly 30` → [27, 30), `dozens` → [24, 99]), normalised unit, kind, currency and
 *   bracketed conversion, surface text and sentence. Years, dates, times, ordinals and numbers
 *   inside names (`G7`, `COVID-19`) are skipped; ages only with `includeAges`.
 * - {@link groupFigures}`(perArticle)` → `FigureGroup[]`: figures about the same thing across
 *   outlets with a verdict: `agree` (same value within rounding/hedge tolerance), `differ` (bounds
 *   compatible, counts different: `at least 11` / `more than 20`) or `conflict` (`nearly 30` / `31`);
 *   `isDisagreement` flags the last two.
 *
 * Both are pure and deterministic; no I/O.
 */
export { extractFigures, APPROXIMATE_TOLERANCE } from './extract.js';
export { groupFigures, formatInterval, MIN_SHARED_WORDS, MONEY_TOLERANCE } from './group.js';
export { splitSentences, contentStems, stem, singularize, type SentenceSpan } from './text.js';
export type {
  ArticleFigures,
  Conversion,
  ExtractFiguresOptions,
  Figure,
  FigureConflict,
  FigureGroup,
  FigureKind,
  FigureReport,
  FigureVerdict,
} from './types.js';
