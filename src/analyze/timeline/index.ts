/**
 * Timeline: dated events of a story, with relative dates resolved against each article's
 * publication date and the same event told by several outlets merged into one entry.
 *
 * - {@link buildTimeline}`(articles)` → `Timeline`: entries sorted by date (ISO `start`/`end`,
 *   `granularity` day/week/month/year), each with its sources and mentions; an entry with more
 *   than one variant (`isDisputed`) is an event outlets place at times that cannot overlap.
 *   Articles without a publication date get one inferred (`references[i].from`).
 * - {@link resolveDates}`(paragraphs, reference)`: the date expressions of one article.
 * - {@link articleDates}`(paragraphs, published)` → `PrecomputedDates`: the same against the
 *   publication day, JSON-serialisable; pass it as `TimelineArticle.resolved` to skip chrono at
 *   build time.
 *
 * Pure and deterministic: chrono-node runs with the reference date pinned and UTC.
 */
export { articleDates, buildTimeline, MIN_SCORE_OTHER_DATE, MIN_SCORE_OVERLAP, MIN_SCORE_SAME_DAY } from './build.js';
export { resolveDates, latestExplicitDate, parseIsoDay, type ResolvedDate } from './resolve.js';
export type {
  ArticleReference,
  DatedMention,
  PrecomputedDates,
  Granularity,
  Timeline,
  TimelineArticle,
  TimelineEntry,
  TimelineVariant,
} from './types.js';
