/**
 * Thresholds and limits of the story clusterer. One configuration for every data set, chosen on
 * development parts only (ECB+ topics 1–35, BASIL events of 2010–2014, the MEANTIME airbus
 * corpus, and the generated stream of bench/stream.ts), never per run; `npm run eval -- clustering`
 * prints every set, development and held-out parts apart.
 */

/** Bump when assignments for the same input stream can change. */
export const CLUSTER_VERSION = 4;

/**
 * Similarity ∈ [0,1] at which an article joins a story (through its links to the story's
 * articles, see `linkTop`), and at which two groups of articles are one story.
 */
export const DEFAULT_JOIN_THRESHOLD = 0.12;
/** Links weaker than this are not kept: they could never take part in a join. */
export const DEFAULT_EDGE_THRESHOLD = 0.07;
/**
 * An article joins a story of two or more articles through its best links to this many different
 * articles of it (their mean): one shared article is not enough, so that a drifting follow-up does
 * not pull in a neighbouring story.
 */
export const DEFAULT_LINK_TOP = 2;
/** Weight of the names cosine against the vocabulary cosine (weight 1). */
export const DEFAULT_NAME_WEIGHT = 1.5;
/** Weight of the numbers and dates cosine. */
export const DEFAULT_NUMBER_WEIGHT = 1;
/**
 * Happening gate: the score is multiplied by `floor + (1 − floor) · min(1, h / full)` where h ∈ [0,1]
 * is the agreement on the happening. Articles that share participants but not what happened keep
 * `floor` of their content similarity.
 */
export const DEFAULT_HAPPENING_FLOOR = 0.6;
export const DEFAULT_HAPPENING_FULL = 0.35;
/**
 * Participant gate, the same shape: the names of one article's headline and lead that the other
 * article does not mention at all are someone else's event.
 */
export const DEFAULT_PARTICIPANT_FLOOR = 0.35;
export const DEFAULT_PARTICIPANT_FULL = 0.6;
/** A participant of one lead that the other names only in its body counts this share. */
export const DEFAULT_PARTICIPANT_TEXT_CREDIT = 0.5;
/**
 * Share of the coverage measure (one lead's words found anywhere in the other article) in the
 * happening agreement, against the lead-to-lead cosine: a body often recalls other happenings of
 * the same people ("days after they sued …"), so its words are weaker evidence than a lead's.
 */
export const DEFAULT_HAPPENING_COVERAGE = 0.5;
/** Happening words weigh idf^power: formulaic words of every report fall away against event words. */
export const DEFAULT_HAPPENING_IDF_POWER = 2;
/**
 * Across languages, words cannot be compared one by one: the score comes from names, numbers and
 * dates only, multiplied by this factor, so that a translation joins on several shared anchors
 * while one shared company name does not.
 */
export const DEFAULT_CROSS_LANGUAGE_FACTOR = 0.8;
/** Similarity is multiplied by this when the two articles are about different years (undated pairs). */
export const DEFAULT_YEAR_CONFLICT_FACTOR = 0.5;
/**
 * A merge of two groups of two or more articles re-checks the happening: the cosine of their
 * summed happenings (in a language both have) must reach this.
 */
export const DEFAULT_MERGE_HAPPENING = 0.1;
/** Two dated articles more than this many days apart are never linked. */
export const DEFAULT_PAIR_WINDOW_DAYS = 7;
/**
 * Articles stay in the working set this many days behind the clock (the latest plausible
 * publication date seen), so that a backfill of older news or late arrivals still find their
 * stories; then they leave it, their stories kept for reading.
 */
export const DEFAULT_RETAIN_DAYS = 30;
/**
 * A story that articles joined within this many arrivals stays in the working set whatever the
 * clock says: a backfill of old news keeps the stories it is filling.
 */
export const DEFAULT_RETAIN_MIN_ARTICLES = 2_000;
/** Undated articles leave the working set after this many arrivals (an undated stream has no clock). */
export const DEFAULT_RETAIN_ARTICLES = 20_000;
/** A publication date later than the arrival time plus this many hours is implausible: flagged, not used. */
export const DEFAULT_MAX_FUTURE_HOURS = 24;
/** Articles scored exactly per arrival, best by index overlap first. */
export const DEFAULT_MAX_CANDIDATES = 64;
/** An article looks up candidates through this many of its heaviest features. */
export const DEFAULT_INDEX_KEYS = 32;
/** An article registers itself in the candidate index under this many of its heaviest features. */
export const DEFAULT_REGISTER_KEYS = 96;
/** Articles kept per posting list; the oldest falls off. Bounds lookup cost. */
export const DEFAULT_POSTING_CAP = 64;
/** Links kept per article (strongest). */
export const DEFAULT_MAX_EDGES = 32;
/** IDF counts this many imaginary earlier articles that contained no feature. */
export const DEFAULT_IDF_PRIOR_DOCS = 50;
/** Stories are re-clustered (settled) after this many arrivals, and whenever `settle()` is called. */
export const DEFAULT_SETTLE_EVERY = 64;
/** A settle re-clusters at most this many articles around the stories that changed. */
export const DEFAULT_SETTLE_MAX_ARTICLES = 4_000;

export interface ClusterConfig {
  joinThreshold: number;
  edgeThreshold: number;
  linkTop: number;
  nameWeight: number;
  numberWeight: number;
  happeningFloor: number;
  happeningFull: number;
  happeningIdfPower: number;
  happeningCoverage: number;
  participantFloor: number;
  participantFull: number;
  participantTextCredit: number;
  crossLanguageFactor: number;
  yearConflictFactor: number;
  mergeHappening: number;
  pairWindowDays: number;
  retainDays: number;
  retainArticles: number;
  retainMinArticles: number;
  maxFutureHours: number;
  maxCandidates: number;
  indexKeys: number;
  registerKeys: number;
  postingCap: number;
  maxEdges: number;
  idfPriorDocs: number;
  settleEvery: number;
  settleMaxArticles: number;
}

export const DEFAULT_CLUSTER_CONFIG: Readonly<ClusterConfig> = Object.freeze({
  joinThreshold: DEFAULT_JOIN_THRESHOLD,
  edgeThreshold: DEFAULT_EDGE_THRESHOLD,
  linkTop: DEFAULT_LINK_TOP,
  nameWeight: DEFAULT_NAME_WEIGHT,
  numberWeight: DEFAULT_NUMBER_WEIGHT,
  happeningFloor: DEFAULT_HAPPENING_FLOOR,
  happeningFull: DEFAULT_HAPPENING_FULL,
  happeningIdfPower: DEFAULT_HAPPENING_IDF_POWER,
  happeningCoverage: DEFAULT_HAPPENING_COVERAGE,
  participantFloor: DEFAULT_PARTICIPANT_FLOOR,
  participantFull: DEFAULT_PARTICIPANT_FULL,
  participantTextCredit: DEFAULT_PARTICIPANT_TEXT_CREDIT,
  crossLanguageFactor: DEFAULT_CROSS_LANGUAGE_FACTOR,
  yearConflictFactor: DEFAULT_YEAR_CONFLICT_FACTOR,
  mergeHappening: DEFAULT_MERGE_HAPPENING,
  pairWindowDays: DEFAULT_PAIR_WINDOW_DAYS,
  retainDays: DEFAULT_RETAIN_DAYS,
  retainArticles: DEFAULT_RETAIN_ARTICLES,
  retainMinArticles: DEFAULT_RETAIN_MIN_ARTICLES,
  maxFutureHours: DEFAULT_MAX_FUTURE_HOURS,
  maxCandidates: DEFAULT_MAX_CANDIDATES,
  indexKeys: DEFAULT_INDEX_KEYS,
  registerKeys: DEFAULT_REGISTER_KEYS,
  postingCap: DEFAULT_POSTING_CAP,
  maxEdges: DEFAULT_MAX_EDGES,
  idfPriorDocs: DEFAULT_IDF_PRIOR_DOCS,
  settleEvery: DEFAULT_SETTLE_EVERY,
  settleMaxArticles: DEFAULT_SETTLE_MAX_ARTICLES,
});
