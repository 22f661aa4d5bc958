/**
 * Online story clustering.
 *
 * Contract:
 * - `new StoryClusterer(config?)`, then `assign(input)` once per article, in order of publication
 *   (or arrival when undated). Each article joins the best-scoring candidate story when its
 *   similarity ∈ [0,1] reaches the join threshold, or starts a new story. Deterministic: the same
 *   stream in the same order always gives the same stories, ids and scores. Pure and in-memory.
 * - Similarity ∈ [0,1]: a weighted mean of three cosines (vocabulary words, light-stemmed; names,
 *   i.e. capitalised sequences and their last word; numbers), with sublinear tf and an IDF whose
 *   document frequencies are updated online; half against the story's summed vector, half the
 *   mean of the two best links to its 16 most recent members (member vectors hold tf·idf frozen when
 *   the member joined; links are computed only for the 5 best stories by centroid whose centroid
 *   score reaches half the join threshold). For undated articles, a year
 *   conflict (each side's most mentioned year absent from the other) halves the score.
 * - Candidates come only from an inverted index (feature → active stories, bounded posting lists),
 *   never from a scan; an assignment costs the same with 10k or 10M stored articles. Story norms are
 *   kept incrementally; a story vector is cut to its heaviest features by selection, not sorting.
 * - Time: a dated article only considers stories whose dated members are within the quiet window;
 *   stories go quiet after that window without a new article (or, in undated streams, after a
 *   large number of arrivals), leave the index and stay readable. Undated articles ignore time.
 * - `copyOf`: a copy joins the story of its original when the original was assigned (reason
 *   `copy of article N`); copies do not change the story vector or document frequencies.
 * - When an article scores at least the merge threshold against two or more stories, they merge
 *   into the oldest (lowest id); the assignment carries `merged` and `mergeEvents()` lists it.
 * - State: `exportState()` returns plain JSON-able data; `StoryClusterer.importState()` restores
 *   it (same `CLUSTER_VERSION` only; otherwise replay the articles in order).
 * - Errors: assigning an id twice throws CrosscheckError `invalid_argument`.
 */
export {
  CLUSTER_VERSION,
  DEFAULT_CLUSTER_CONFIG,
  DEFAULT_INDEX_KEYS,
  DEFAULT_JOIN_THRESHOLD,
  DEFAULT_MAX_CANDIDATES,
  DEFAULT_MERGE_THRESHOLD,
  DEFAULT_NAME_WEIGHT,
  DEFAULT_NUMBER_WEIGHT,
  DEFAULT_POSTING_CAP,
  DEFAULT_QUIET_AFTER_ARTICLES,
  DEFAULT_QUIET_AFTER_DAYS,
  DEFAULT_STORY_FEATURES,
  DEFAULT_MEMBER_LINK_SHARE,
  DEFAULT_IDF_PRIOR_DOCS,
  DEFAULT_YEAR_CONFLICT_FACTOR,
  StoryClusterer,
  type Assignment,
  type ClusterConfig,
  type ClusterInput,
  type ClusterState,
  type MergeEvent,
  type StorySummary,
} from './clusterer.js';
export { extractFeatures, type ArticleFeatures } from './features.js';
export { scoreClustering, type ClusteringScores } from './metrics.js';
