/**
 * Online story clustering by what happened.
 *
 * Contract:
 * - `new StoryClusterer(config?, { now? })`, then `assign(input)` once per article, in any order.
 *   Deterministic: the same stream in the same order always gives the same stories, ids, scores.
 *   Pure and in-memory; the clock used to judge publication dates is injected (`now`).
 * - An article's event signature, read with the text toolkit of its language (`core/text`:
 *   sentences, words, stems, stop words): the happening (the vocabulary words of its headline and
 *   lead, stemmed), its participants and places (names, with accents folded, countries and
 *   international bodies under one name in every bundled language, acronyms of long names), its
 *   numbers and dates (date anchors such as "14 October" / "14 de octubre", and weekdays such as
 *   "on Tuesday" resolved against the publication date), and its time (a plausible publication date).
 * - Pair similarity ∈ [0,1] (see `PairScorer`): content (per-kind cosines of tf·idf, IDF of the
 *   moment) × a happening gate (sharing participants without agreeing on what happened keeps only
 *   a floor share) × a year factor. Across languages only names, numbers and dates count.
 * - An article joins the story whose articles it links to most strongly (mean of its best links to
 *   `linkTop` different articles) when that reaches the join threshold, else starts a story.
 * - Settling: every `settleEvery` arrivals and on `settle()`, the stories that changed and those
 *   linked to them are re-clustered from their links alone (constrained agglomerative clustering,
 *   `agglomerate`), so that the stories of a window do not depend on arrival order. Articles may
 *   move, stories split and merge; a merge re-checks the happening. Each change is returned
 *   (`Assignment.changes`, `settle()`) and recorded (`storyEvents()`) with its reasons.
 * - Time: an implausible publication date (after arrival plus `maxFutureHours`) is flagged and not
 *   used; undated articles join on content; two dated articles link only within `pairWindowDays`
 *   of each other; the clock (latest plausible date) only retires stories `retainDays` behind it.
 * - Candidates come only from an inverted index over the working set (bounded posting lists),
 *   never from a scan; an assignment costs the same with 10k or 10M stored articles.
 * - `copyOf`: a copy joins its original's story and follows it; copies do not change document
 *   frequencies or links.
 * - Corrections: `moveArticle`, `mergeStories` are pinned and respected by later assignments.
 * - State: `exportState()`/`importState()` (plain JSON); as rows per story plus document-frequency
 *   increments through a `ClusterStateStore` (`drainStateChanges`, `saveTo`, `loadFrom`).
 * - Errors: assigning an id twice throws CrosscheckError `invalid_argument`; corrections on unknown
 *   ids `not_found`; a state of another version `invalid_record`.
 */
export * from './config.js';
export { StoryClusterer, type Assignment, type ClusterInput, type MergeEvent, type StorySummary, type StoryChanges } from './clusterer.js';
export type { Explanation } from './reasons.js';
export { shiftStoryIds } from './persist.js';
export type { TimeFlag } from './clock.js';
export {
  InMemoryClusterStateStore,
  type ArticleRecord,
  type ClusterMeta,
  type ClusterSnapshot,
  type ClusterState,
  type ClusterStateBatch,
  type ClusterStateStore,
  type CopyRecord,
  type PinRecord,
  type StoryEvent,
  type StoryRecord,
} from './state.js';
export { extractFeatures, type ArticleFeatures } from './features.js';
export { scoreClustering, type ClusteringScores } from './metrics.js';
