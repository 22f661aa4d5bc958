import { CrosscheckError } from '../core/errors.js';
import { CandidateIndex } from './candidate-index.js';
import { extractFeatures, featureKind } from './features.js';

/** Bump when assignments for the same input stream can change. */
export const CLUSTER_VERSION = 2;

// ---------------------------------------------------------------------------------------------
// Thresholds and limits. One configuration for every data set; chosen on development data
// (ECB+ topics 1–35 and the BASIL stream), never per run. See eval/clustering.ts.
// ---------------------------------------------------------------------------------------------

/**
 * Similarity ∈ [0,1] needed to join a story; below it the article starts a new story. Grid
 * 0.15–0.30 on BASIL and ECB+ topics 1–35: 0.15 keeps BASIL recall (outlets word one event very
 * differently) while names and member links hold ECB+ precision.
 */
export const DEFAULT_JOIN_THRESHOLD = 0.15;
/** An article scoring at least this against two stories shows they are one: they merge. */
export const DEFAULT_MERGE_THRESHOLD = 0.5;
/** A story with no new dated article for this many days goes quiet (leaves the index, is kept). */
export const DEFAULT_QUIET_AFTER_DAYS = 7;
/**
 * Undated streams have no clock: a story also goes quiet after this many articles arrive without
 * one joining it. Large, so it never splits a story in the evaluation streams (≤ 1,300 articles).
 */
export const DEFAULT_QUIET_AFTER_ARTICLES = 20_000;
/**
 * Weight of the names cosine against the vocabulary cosine (weight 1) in the score: names identify
 * an event better than its vocabulary (one boxer against two different opponents). 1–3 tried; 2 best.
 */
export const DEFAULT_NAME_WEIGHT = 2;
/** Weight of the numbers cosine: magnitudes, tolls and years separate events of one kind. */
export const DEFAULT_NUMBER_WEIGHT = 1;
/** Stories scored exactly per article, best by index overlap first. */
export const DEFAULT_MAX_CANDIDATES = 20;
/** An article looks up, and registers its story under, this many of its heaviest features. */
export const DEFAULT_INDEX_KEYS = 30;
/** Stories kept per posting list; the least recently touched falls off. Bounds lookup cost. */
export const DEFAULT_POSTING_CAP = 48;
/** Features kept in an active story's vector (heaviest by summed tf·idf). */
export const DEFAULT_STORY_FEATURES = 300;

/** Similarity is multiplied by this when article and story are about different years. */
export const DEFAULT_YEAR_CONFLICT_FACTOR = 0.5;

/**
 * Share of the score from the article's best links to single recent members (the rest from the
 * story's summed vector): a centroid blurs two similar events once it holds both.
 */
export const DEFAULT_MEMBER_LINK_SHARE = 0.5;
/**
 * IDF counts this many imaginary earlier articles that contained no feature. Without it, a word
 * shared by the 2 articles of a 2-article corpus gets an IDF near 0 and a small first story never
 * forms; once thousands of articles are seen the prior no longer matters.
 */
export const DEFAULT_IDF_PRIOR_DOCS = 50;
/** Features of an article used in scoring (heaviest first). */
const ARTICLE_FEATURES = 150;
/** Cached vector norms are recomputed once the article count grows by this share (or 50). */
const NORM_REFRESH_SHARE = 0.02;
const NORM_REFRESH_MIN_DOCS = 50;
/** Stories (best by centroid score) for which member links are computed. */
const MEMBER_LINK_CANDIDATES = 5;
/**
 * Member links are computed only for stories whose centroid score reaches this share of the join
 * threshold: far below it a story cannot win, and links are the costliest part of scoring (same
 * B-cubed on BASIL and ECB+ dev with 0 and 0.5; 1 loses ECB+ recall).
 */
const MEMBER_LINK_MIN_SHARE = 0.5;
/** Member links: mean of the best this many member similarities. */
const MEMBER_LINK_TOP = 2;
/** Recent member vectors kept per active story, and features kept per member vector. */
const MEMBER_VECTORS = 16;
const MEMBER_FEATURES = 120;

/** Features a story keeps once quiet: enough to describe it, small enough to keep millions. */
const QUIET_STORY_FEATURES = 48;
/** Titles (and leads) a story keeps as candidates for its representative headline. */
const MAX_TITLE_CANDIDATES = 12;
/** How often (in articles) the active stories are swept for quiet ones. */
const SWEEP_EVERY_ARTICLES = 256;
const MS_PER_DAY = 86_400_000;

export interface ClusterConfig {
  joinThreshold: number;
  mergeThreshold: number;
  quietAfterDays: number;
  quietAfterArticles: number;
  nameWeight: number;
  numberWeight: number;
  maxCandidates: number;
  indexKeys: number;
  postingCap: number;
  storyFeatures: number;
  yearConflictFactor: number;
  memberLinkShare: number;
  idfPriorDocs: number;
}

export const DEFAULT_CLUSTER_CONFIG: Readonly<ClusterConfig> = Object.freeze({
  joinThreshold: DEFAULT_JOIN_THRESHOLD,
  mergeThreshold: DEFAULT_MERGE_THRESHOLD,
  quietAfterDays: DEFAULT_QUIET_AFTER_DAYS,
  quietAfterArticles: DEFAULT_QUIET_AFTER_ARTICLES,
  nameWeight: DEFAULT_NAME_WEIGHT,
  numberWeight: DEFAULT_NUMBER_WEIGHT,
  maxCandidates: DEFAULT_MAX_CANDIDATES,
  indexKeys: DEFAULT_INDEX_KEYS,
  postingCap: DEFAULT_POSTING_CAP,
  storyFeatures: DEFAULT_STORY_FEATURES,
  yearConflictFactor: DEFAULT_YEAR_CONFLICT_FACTOR,
  memberLinkShare: DEFAULT_MEMBER_LINK_SHARE,
  idfPriorDocs: DEFAULT_IDF_PRIOR_DOCS,
});

export interface ClusterInput {
  /** Unique article id (the store's id). */
  id: number;
  title: string | null;
  text: string;
  /** ISO 8601 publication date or date-time; null when unknown. */
  published: string | null;
  /** ISO 8601 arrival time, used as the article's time when `published` is null. */
  arrivedAt?: string;
  /** Id of an earlier article this one copies (from dedup): it joins that article's story. */
  copyOf?: number;
}

export interface Assignment {
  articleId: number;
  storyId: number;
  isNew: boolean;
  /** Similarity to the story joined ∈ [0,1]; for a new story, the best score it did not reach (0 if none). */
  score: number;
  /** Human-readable reasons, e.g. `similarity 0.41 ≥ 0.30`, `shared: @reid, rehab`. */
  reasons: string[];
  /** Present when this article showed two or more stories to be one. */
  merged?: { from: number[]; into: number };
}

export interface StorySummary {
  id: number;
  /** Representative headline: the member title closest to the story's vocabulary, else a lead. */
  title: string;
  size: number;
  articleIds: number[];
  /** ISO dates of the earliest and latest dated members; null when none is dated. */
  firstSeen: string | null;
  lastSeen: string | null;
  /** False once quiet: out of the candidate index, kept for reading. */
  isActive: boolean;
}

export interface MergeEvent {
  /** The article whose arrival showed the stories to be one. */
  articleId: number;
  from: number[];
  into: number;
}

interface TitleCandidate {
  articleId: number;
  title: string | null;
  lead: string;
}

interface Story {
  id: number;
  members: number[];
  /** feature → Σ over members of (1 + ln count). */
  vec: Map<string, number>;
  firstMs: number | null;
  lastMs: number | null;
  /** Arrival number of the last article that joined. */
  lastSeq: number;
  titles: TitleCandidate[];
  /** Vectors of the most recent members (for member links); empty once quiet. */
  recent: MemberVector[];
  isActive: boolean;
  /** Keys this story registered in the index (to remove them when it goes quiet). */
  keys: Set<string>;
}

/** Plain JSON-able state; `StoryClusterer.importState(exportState())` restores an equal clusterer. */
export interface ClusterState {
  version: number;
  config: ClusterConfig;
  docCount: number;
  seq: number;
  clockMs: number | null;
  nextStoryId: number;
  df: Array<[string, number]>;
  stories: Array<{
    id: number;
    members: number[];
    vec: Array<[string, number]>;
    firstMs: number | null;
    lastMs: number | null;
    lastSeq: number;
    titles: TitleCandidate[];
    recent: Array<Array<[string, number]>>;
    isActive: boolean;
    keys: string[];
    /** Cached per-kind squared norms of `vec` and the document count they were computed at. */
    norms?: { values: [number, number, number]; at: number };
  }>;
  events: MergeEvent[];
}

interface ArticleVector {
  keys: string[];
  /** Weight per key without the kind boost. */
  plain: Float64Array;
  kinds: Uint8Array;
  idfs: Float64Array;
  /** Squared norms per kind. */
  norms: number[];
  /** Boosted, L2-normalised weights. */
  weights: Map<string, number>;
}

/**
 * A member's sublinear tf · idf (IDF frozen when it joined, without kind boosts) over its heaviest
 * features, with its per-kind squared norms: computed once, never refreshed.
 */
interface MemberVector {
  vec: Map<string, number>;
  norms: [number, number, number];
}

interface CachedNorms {
  norms: [number, number, number];
  /** Document count when computed in full. */
  at: number;
}

interface Scored {
  story: Story;
  score: number;
  shared: string[];
}

const YEAR_KEY = /^#(?:19|20)\d\d$/;

/** The year key (`#2012`) with the highest weight, ties to the latest; null if none. */
function dominantYear(keys: Iterable<string>, weight: (k: string) => number): string | null {
  let best: string | null = null;
  let bestW = 0;
  for (const k of keys) {
    if (!YEAR_KEY.test(k)) continue;
    const w = weight(k);
    if (w > bestW || (w === bestW && best !== null && k > best)) {
      best = k;
      bestW = w;
    }
  }
  return best;
}

/** The k-th largest value (1 ≤ k ≤ length) by quickselect; reorders `values`. */
function kthLargest(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  const target = k - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! > pivot) i++;
      while (values[j]! < pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i] = values[j]!;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return values[target]!;
  }
  return values[target]!;
}

function memberVector(vec: Map<string, number>): MemberVector {
  const norms: [number, number, number] = [0, 0, 0];
  for (const [k, w] of vec) norms[kindIndex(k)] += w * w;
  return { vec, norms };
}

function kindIndex(key: string): 0 | 1 | 2 {
  const kind = featureKind(key);
  return kind === 'term' ? 0 : kind === 'name' ? 1 : 2;
}

function timeOf(input: ClusterInput): number | null {
  for (const iso of [input.published, input.arrivedAt]) {
    if (!iso) continue;
    const ms = Date.parse(iso);
    if (Number.isFinite(ms)) return ms;
  }
  return null;
}

function isoDay(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString().slice(0, 10);
}

function byWeightThenKey(a: [string, number], b: [string, number]): number {
  return b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
}

/**
 * Online story clustering: each article, in arrival order, joins the most similar candidate story
 * or starts a new one. Deterministic: the same stream in the same order gives the same stories.
 * Candidates come only from an inverted index over active stories (bounded posting lists), so the
 * cost of an assignment does not grow with the number of stories stored.
 */
export class StoryClusterer {
  private readonly config: ClusterConfig;
  private readonly index: CandidateIndex;
  private readonly df = new Map<string, number>();
  private docCount = 0;
  private seq = 0;
  private clockMs: number | null = null;
  private nextStoryId = 1;
  private readonly storyById = new Map<number, Story>();
  private readonly active = new Set<number>();
  private readonly storyOfArticle = new Map<number, number>();
  private readonly events: MergeEvent[] = [];
  /** ln(docCount + idfPriorDocs + 1), set once per article: idf(k) = logTotal − ln(df(k) + ½). */
  private logTotal = 0;
  /** ln(df + ½) by df, grown on demand: an IDF costs one map lookup and no logarithm. */
  private logDf = new Float64Array(0);
  /** Per-kind squared norms of stored vectors (story centroids and member vectors) under the IDF of `at`. */
  private readonly normCache = new WeakMap<ReadonlyMap<string, number>, CachedNorms>();

  constructor(config?: Partial<ClusterConfig>) {
    this.config = { ...DEFAULT_CLUSTER_CONFIG, ...config };
    this.index = new CandidateIndex(this.config.postingCap);
    this.logTotal = Math.log(this.config.idfPriorDocs + 1);
  }

  /** Assigns one article. Throws `invalid_argument` if the id was already assigned. */
  assign(input: ClusterInput): Assignment {
    if (this.storyOfArticle.has(input.id)) {
      throw new CrosscheckError('invalid_argument', 'cluster', `article ${input.id} was already assigned to a story`);
    }
    this.seq++;
    const ms = timeOf(input);
    if (ms !== null && (this.clockMs === null || ms > this.clockMs)) this.clockMs = ms;
    if (this.seq % SWEEP_EVERY_ARTICLES === 0) this.sweepQuiet();

    const features = extractFeatures(input.title, input.text);
    const title: TitleCandidate = { articleId: input.id, title: input.title?.trim() || null, lead: features.lead };

    if (input.copyOf !== undefined) {
      const original = this.storyOfArticle.get(input.copyOf);
      if (original !== undefined) {
        const story = this.storyById.get(original)!;
        this.addMember(story, input.id, ms, title, null);
        return { articleId: input.id, storyId: story.id, isNew: false, score: 1, reasons: [`copy of article ${input.copyOf}`] };
      }
    }

    this.docCount++;
    for (const key of features.counts.keys()) this.df.set(key, (this.df.get(key) ?? 0) + 1);
    this.logTotal = Math.log(this.docCount + this.config.idfPriorDocs + 1);
    const vector = this.weigh(features.counts);
    // One sort per article: the heaviest features first serve both the index keys and scoring.
    const ranked = [...vector].sort(byWeightThenKey);
    const keys = ranked.slice(0, this.config.indexKeys).map(([k]) => k);
    const article = this.articleVector(ranked, vector);

    const scored = this.scoreAll(article, this.candidates(keys, vector, ms), ms === null);
    const best = scored[0];
    const threshold = this.config.joinThreshold;

    if (!best || best.score < threshold) {
      const story = this.newStory();
      this.addMember(story, input.id, ms, title, { counts: features.counts, article });
      this.register(story, keys);
      const reasons = best
        ? [`best similarity ${best.score.toFixed(2)} < ${threshold.toFixed(2)} (story ${best.story.id})`]
        : ['no candidate story'];
      return { articleId: input.id, storyId: story.id, isNew: true, score: best?.score ?? 0, reasons };
    }

    let target = best.story;
    const shared = [...this.sharedFeatures(article, best.story.vec), ...best.shared];
    const reasons = [`similarity ${best.score.toFixed(2)} ≥ ${threshold.toFixed(2)}`, `shared: ${shared.join(', ')}`];
    const mergeWith = scored.slice(1).filter((s) => s.score >= this.config.mergeThreshold && best.score >= this.config.mergeThreshold);
    let merged: Assignment['merged'];
    if (mergeWith.length > 0) {
      const all = [best.story, ...mergeWith.map((s) => s.story)].sort((a, b) => a.id - b.id);
      target = all[0]!;
      const from = all.slice(1).map((s) => s.id);
      for (const other of all.slice(1)) this.mergeInto(target, other);
      merged = { from, into: target.id };
      this.events.push({ articleId: input.id, from, into: target.id });
      reasons.push(`merged stories ${from.join(', ')} into ${target.id}: scores ${mergeWith.map((s) => s.score.toFixed(2)).join(', ')} ≥ ${this.config.mergeThreshold.toFixed(2)}`);
    }
    this.addMember(target, input.id, ms, title, { counts: features.counts, article });
    this.register(target, keys);
    const assignment: Assignment = { articleId: input.id, storyId: target.id, isNew: false, score: best.score, reasons };
    if (merged) assignment.merged = merged;
    return assignment;
  }

  /** The story an article belongs to (after merges), or undefined if never assigned. */
  storyOf(articleId: number): number | undefined {
    return this.storyOfArticle.get(articleId);
  }

  /** Every story (active and quiet), by id. Merged-away stories are gone. */
  stories(): StorySummary[] {
    return [...this.storyById.values()].sort((a, b) => a.id - b.id).map((s) => this.summarise(s));
  }

  /** One story's summary (a merged-away or unknown id gives undefined); O(story size). Used by the store after each assignment. */
  story(id: number): StorySummary | undefined {
    const story = this.storyById.get(id);
    return story ? this.summarise(story) : undefined;
  }

  /** Merge events in the order they happened. */
  mergeEvents(): MergeEvent[] {
    return this.events.map((e) => ({ ...e, from: [...e.from] }));
  }

  exportState(): ClusterState {
    return {
      version: CLUSTER_VERSION,
      config: { ...this.config },
      docCount: this.docCount,
      seq: this.seq,
      clockMs: this.clockMs,
      nextStoryId: this.nextStoryId,
      df: [...this.df],
      stories: [...this.storyById.values()].map((s) => ({
        id: s.id,
        members: [...s.members],
        vec: [...s.vec],
        firstMs: s.firstMs,
        lastMs: s.lastMs,
        lastSeq: s.lastSeq,
        titles: s.titles.map((t) => ({ ...t })),
        recent: s.recent.map((m) => [...m.vec]),
        isActive: s.isActive,
        keys: [...s.keys],
        ...this.exportNorms(s.vec),
      })),
      events: this.mergeEvents(),
    };
  }

  /** Restores a clusterer from `exportState()`. Throws `invalid_record` for another version. */
  static importState(state: ClusterState): StoryClusterer {
    if (state.version !== CLUSTER_VERSION) {
      throw new CrosscheckError('invalid_record', 'cluster', `cluster state version ${state.version}, expected ${CLUSTER_VERSION}: replay the articles instead`);
    }
    const c = new StoryClusterer(state.config);
    c.docCount = state.docCount;
    c.logTotal = Math.log(c.docCount + c.config.idfPriorDocs + 1);
    c.seq = state.seq;
    c.clockMs = state.clockMs;
    c.nextStoryId = state.nextStoryId;
    for (const [k, v] of state.df) c.df.set(k, v);
    for (const s of state.stories) {
      const story: Story = {
        id: s.id,
        members: [...s.members],
        vec: new Map(s.vec),
        firstMs: s.firstMs,
        lastMs: s.lastMs,
        lastSeq: s.lastSeq,
        titles: s.titles.map((t) => ({ ...t })),
        recent: s.recent.map((m) => memberVector(new Map(m))),
        isActive: s.isActive,
        keys: new Set(),
      };
      if (s.norms) c.normCache.set(story.vec, { norms: [...s.norms.values], at: s.norms.at });
      c.storyById.set(story.id, story);
      for (const a of story.members) c.storyOfArticle.set(a, story.id);
      if (story.isActive) {
        c.active.add(story.id);
        for (const k of s.keys) {
          story.keys.add(k);
          c.index.add(k, story.id);
        }
      }
    }
    c.events.push(...state.events.map((e) => ({ ...e, from: [...e.from] })));
    return c;
  }

  // ------------------------------------------------------------------------------------------

  private exportNorms(vec: ReadonlyMap<string, number>): { norms?: { values: [number, number, number]; at: number } } {
    const cached = this.normCache.get(vec);
    return cached ? { norms: { values: [...cached.norms], at: cached.at } } : {};
  }

  private idf(key: string): number {
    const df = this.df.get(key) ?? 0;
    if (df >= this.logDf.length) {
      const grown = new Float64Array(Math.max(1024, 2 * (df + 1)));
      for (let i = 0; i < grown.length; i++) grown[i] = Math.log(i + 0.5);
      this.logDf = grown;
    }
    return this.logTotal - this.logDf[df]!;
  }

  /** The article's weights without kind boosts, per kind, for the per-kind cosines. */
  private articleVector(ranked: ReadonlyArray<[string, number]>, weights: Map<string, number>): ArticleVector {
    // The heaviest features carry the match; the long tail of a long article only adds cost.
    const keys = ranked.slice(0, ARTICLE_FEATURES).map(([k]) => k);
    const plain = new Float64Array(keys.length);
    const kinds = new Uint8Array(keys.length);
    const idfs = new Float64Array(keys.length);
    const norms = [0, 0, 0];
    keys.forEach((k, j) => {
      const i = kindIndex(k);
      idfs[j] = this.idf(k);
      const w = weights.get(k)! / this.boost(k);
      plain[j] = w;
      kinds[j] = i;
      norms[i]! += w * w;
    });
    return { keys, plain, kinds, idfs, norms, weights };
  }

  private boost(key: string): number {
    switch (featureKind(key)) {
      case 'name':
        return this.config.nameWeight;
      case 'number':
        return this.config.numberWeight;
      case 'term':
        return 1;
    }
  }

  /** Sublinear tf · idf · kind boost, L2-normalised. */
  private weigh(counts: ReadonlyMap<string, number>): Map<string, number> {
    const out = new Map<string, number>();
    let norm = 0;
    for (const [k, c] of counts) {
      const w = (1 + Math.log(c)) * this.idf(k) * this.boost(k);
      if (w <= 0) continue;
      out.set(k, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (const [k, w] of out) out.set(k, w / norm);
    return out;
  }

  private isTimeCompatible(story: Story, ms: number | null): boolean {
    if (ms === null || story.lastMs === null || story.firstMs === null) return true;
    const window = this.config.quietAfterDays * MS_PER_DAY;
    return ms <= story.lastMs + window && ms >= story.firstMs - window;
  }

  private candidates(keys: readonly string[], vector: ReadonlyMap<string, number>, ms: number | null): Story[] {
    const overlap = new Map<number, number>();
    for (const k of keys) {
      const list = this.index.get(k);
      if (!list) continue;
      const w = vector.get(k) ?? 0;
      for (const id of list) overlap.set(id, (overlap.get(id) ?? 0) + w);
    }
    return [...overlap]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .map(([id]) => this.storyById.get(id))
      .filter((s): s is Story => s !== undefined && s.isActive && this.isTimeCompatible(s, ms))
      .slice(0, this.config.maxCandidates);
  }

  /**
   * Similarity ∈ [0,1]: a weighted mean of three cosines, one per feature kind (vocabulary, names,
   * numbers). Kinds absent from the article are left out of the mean; a kind present in the
   * article but absent from the story counts as 0 (nothing in common is evidence against).
   * Half of the score (DEFAULT_MEMBER_LINK_SHARE) is the mean of the best member links; those are
   * computed for the best MEMBER_LINK_CANDIDATES stories by centroid only, to bound the cost.
   */
  private scoreAll(article: ArticleVector, stories: readonly Story[], isUndated: boolean): Scored[] {
    const scored = stories.map((story): Scored => ({ story, score: this.similarity(article, story.vec), shared: [] }));
    const share = this.config.memberLinkShare;
    if (share > 0) {
      const byCentroid = [...scored].sort((x, y) => y.score - x.score || x.story.id - y.story.id).slice(0, MEMBER_LINK_CANDIDATES);
      for (const s of byCentroid) {
        if (s.story.recent.length < 2 || s.score < MEMBER_LINK_MIN_SHARE * this.config.joinThreshold) continue;
        const linked = s.story.recent.map((m) => this.cosines(article, m.vec, m.norms, false)).sort((x, y) => y - x);
        const k = Math.min(MEMBER_LINK_TOP, linked.length);
        let mean = 0;
        for (let i = 0; i < k; i++) mean += linked[i]!;
        s.score = (1 - share) * s.score + (share * mean) / k;
      }
    }
    // A dated article already has its time compared through the quiet window.
    if (isUndated) {
      for (const s of scored) {
        const conflict = this.yearConflict(article.weights, s.story);
        if (!conflict) continue;
        s.score *= this.config.yearConflictFactor;
        s.shared.push(`years differ: ${conflict}`);
      }
    }
    return scored.sort((x, y) => y.score - x.score || x.story.id - y.story.id);
  }

  /**
   * Squared per-kind norms of a stored vector under the current IDF. Cached: IDF drifts slowly, so
   * a cached norm is reused until the document count grows by NORM_REFRESH_SHARE.
   */
  private normsOf(vec: ReadonlyMap<string, number>): [number, number, number] {
    const cached = this.freshNorms(vec);
    if (cached) return cached.norms;
    const norms: [number, number, number] = [0, 0, 0];
    for (const [k, v] of vec) {
      const w = v * this.idf(k);
      if (w > 0) norms[kindIndex(k)] += w * w;
    }
    this.normCache.set(vec, { norms, at: this.docCount });
    return norms;
  }

  private freshNorms(vec: ReadonlyMap<string, number>): CachedNorms | undefined {
    const cached = this.normCache.get(vec);
    return cached && this.docCount - cached.at <= Math.max(NORM_REFRESH_MIN_DOCS, cached.at * NORM_REFRESH_SHARE) ? cached : undefined;
  }

  private similarity(article: ArticleVector, vec: ReadonlyMap<string, number>): number {
    return this.cosines(article, vec, this.normsOf(vec), true);
  }

  /** The weighted mean of per-kind cosines; `vec` holds tf (×idf applied here) or tf·idf already. */
  private cosines(article: ArticleVector, vec: ReadonlyMap<string, number>, storyNorm: readonly number[], applyIdf: boolean): number {
    const dot = [0, 0, 0];
    const { keys, plain, kinds, idfs } = article;
    for (let j = 0; j < keys.length; j++) {
      const v = vec.get(keys[j]!);
      if (v === undefined) continue;
      const w = applyIdf ? v * idfs[j]! : v;
      if (w > 0) dot[kinds[j]!]! += plain[j]! * w;
    }
    const weights = [1, this.config.nameWeight, this.config.numberWeight];
    let sum = 0;
    let wsum = 0;
    for (let i = 0; i < 3; i++) {
      if (article.norms[i] === 0) continue;
      wsum += weights[i]!;
      if (storyNorm[i] === 0) continue;
      sum += (weights[i]! * dot[i]!) / Math.sqrt(article.norms[i]! * storyNorm[i]!);
    }
    return wsum === 0 ? 0 : Math.min(1, sum / wsum);
  }

  /** The features that contribute most to the article's match with `vec`, for reasons. */
  private sharedFeatures(article: ArticleVector, vec: ReadonlyMap<string, number>): string[] {
    const contributions: Array<[string, number]> = [];
    for (let j = 0; j < article.keys.length; j++) {
      const k = article.keys[j]!;
      const v = vec.get(k);
      if (v !== undefined) contributions.push([k, (article.weights.get(k) ?? 0) * v * this.idf(k)]);
    }
    return contributions.sort(byWeightThenKey).slice(0, 5).map(([k]) => k);
  }

  /**
   * Different events of one kind (two earthquakes, two rehab stays) are often told apart only by
   * their year. Conflict: the article's most mentioned year is absent from the story and the
   * story's most mentioned year is absent from the article.
   */
  private yearConflict(vector: ReadonlyMap<string, number>, story: Story): string | null {
    const mine = dominantYear(vector.keys(), (k) => vector.get(k) ?? 0);
    if (mine === null) return null;
    const theirs = dominantYear(story.vec.keys(), (k) => story.vec.get(k) ?? 0);
    if (theirs === null || theirs === mine || story.vec.has(mine) || vector.has(theirs)) return null;
    return `${mine.slice(1)} vs ${theirs.slice(1)}`;
  }

  private newStory(): Story {
    const story: Story = {
      id: this.nextStoryId++,
      members: [],
      vec: new Map(),
      firstMs: null,
      lastMs: null,
      lastSeq: this.seq,
      titles: [],
      recent: [],
      isActive: true,
      keys: new Set(),
    };
    this.storyById.set(story.id, story);
    this.active.add(story.id);
    return story;
  }

  /**
   * Adds an article to a story. `features` (absent for a copy) are the article's raw counts and its
   * scoring vector: the centroid gains the sublinear tf of every feature, the member links keep the
   * heaviest MEMBER_FEATURES as tf·idf.
   */
  private addMember(story: Story, articleId: number, ms: number | null, title: TitleCandidate, features: { counts: ReadonlyMap<string, number>; article: ArticleVector } | null): void {
    story.members.push(articleId);
    this.storyOfArticle.set(articleId, story.id);
    story.lastSeq = this.seq;
    if (ms !== null) {
      story.firstMs = story.firstMs === null ? ms : Math.min(story.firstMs, ms);
      story.lastMs = story.lastMs === null ? ms : Math.max(story.lastMs, ms);
    }
    if (story.titles.length < MAX_TITLE_CANDIDATES) story.titles.push(title);
    if (features) {
      const { counts, article } = features;
      const member = new Map<string, number>();
      // Norms kept up to date incrementally (current IDF of the changed features) between full refreshes.
      const cached = this.freshNorms(story.vec);
      if (!cached) this.normCache.delete(story.vec);
      for (const [k, c] of counts) {
        const tf = 1 + Math.log(c);
        const old = story.vec.get(k) ?? 0;
        story.vec.set(k, old + tf);
        if (!cached) continue;
        const idf = this.idf(k);
        if (idf > 0) cached.norms[kindIndex(k)] += ((old + tf) * (old + tf) - old * old) * idf * idf;
      }
      // article.keys are sorted heaviest first.
      for (let j = 0; j < Math.min(MEMBER_FEATURES, article.keys.length); j++) {
        const k = article.keys[j]!;
        const w = (1 + Math.log(counts.get(k)!)) * article.idfs[j]!;
        if (w > 0) member.set(k, w);
      }
      story.recent.push(memberVector(member));
      if (story.recent.length > MEMBER_VECTORS) story.recent.shift();
      if (story.vec.size > 2 * this.config.storyFeatures) this.prune(story, this.config.storyFeatures);
    }
    if (!story.isActive) this.reactivate(story);
  }

  /**
   * Keeps the `keep` heaviest features (summed tf · idf · kind boost) of a story vector, in linear
   * time (selection, no sort; ties at the cut kept in insertion order), and caches its norms.
   */
  private prune(story: Story, keep: number): void {
    if (story.vec.size <= keep) return;
    const keys: string[] = [];
    const plain = new Float64Array(story.vec.size);
    const boosted = new Float64Array(story.vec.size);
    let i = 0;
    for (const [k, v] of story.vec) {
      keys.push(k);
      plain[i] = v * this.idf(k);
      boosted[i] = plain[i]! * this.boost(k);
      i++;
    }
    const cut = kthLargest(boosted.slice(), keep);
    let atCut = keep;
    for (let j = 0; j < keys.length; j++) if (boosted[j]! > cut) atCut--;
    const kept = new Map<string, number>();
    const norms: [number, number, number] = [0, 0, 0];
    for (let j = 0; j < keys.length; j++) {
      const w = boosted[j]!;
      if (w < cut || (w === cut && atCut-- <= 0)) continue;
      const k = keys[j]!;
      kept.set(k, story.vec.get(k)!);
      if (plain[j]! > 0) norms[kindIndex(k)] += plain[j]! * plain[j]!;
    }
    story.vec = kept;
    this.normCache.set(kept, { norms, at: this.docCount });
  }

  private register(story: Story, keys: readonly string[]): void {
    for (const k of keys) {
      story.keys.add(k);
      this.index.add(k, story.id);
    }
  }

  private mergeInto(target: Story, other: Story): void {
    for (const a of other.members) {
      target.members.push(a);
      this.storyOfArticle.set(a, target.id);
    }
    for (const [k, v] of other.vec) target.vec.set(k, (target.vec.get(k) ?? 0) + v);
    this.normCache.delete(target.vec);
    if (target.vec.size > 2 * this.config.storyFeatures) this.prune(target, this.config.storyFeatures);
    for (const t of other.titles) if (target.titles.length < MAX_TITLE_CANDIDATES) target.titles.push(t);
    target.recent.push(...other.recent);
    target.recent.splice(0, Math.max(0, target.recent.length - MEMBER_VECTORS));
    if (other.firstMs !== null) target.firstMs = target.firstMs === null ? other.firstMs : Math.min(target.firstMs, other.firstMs);
    if (other.lastMs !== null) target.lastMs = target.lastMs === null ? other.lastMs : Math.max(target.lastMs, other.lastMs);
    target.lastSeq = Math.max(target.lastSeq, other.lastSeq);
    this.deactivate(other);
    this.register(target, [...other.keys]);
    this.storyById.delete(other.id);
  }

  private deactivate(story: Story): void {
    for (const k of story.keys) this.index.remove(k, story.id);
    story.keys.clear();
    story.isActive = false;
    this.active.delete(story.id);
  }

  private reactivate(story: Story): void {
    story.isActive = true;
    this.active.add(story.id);
    const ranked = [...story.vec].map(([k, v]): [string, number] => [k, v * this.idf(k) * this.boost(k)]).sort(byWeightThenKey);
    this.register(story, ranked.slice(0, this.config.indexKeys).map(([k]) => k));
  }

  private isQuiet(story: Story): boolean {
    if (this.seq - story.lastSeq > this.config.quietAfterArticles) return true;
    if (this.clockMs === null || story.lastMs === null) return false;
    return this.clockMs - story.lastMs > this.config.quietAfterDays * MS_PER_DAY;
  }

  private sweepQuiet(): void {
    for (const id of [...this.active]) {
      const story = this.storyById.get(id);
      if (!story || !this.isQuiet(story)) continue;
      this.deactivate(story);
      // The headline is chosen while the full vector is there; the other candidates are dropped.
      const best = this.bestTitle(story);
      story.titles = best ? [best] : [];
      this.prune(story, QUIET_STORY_FEATURES);
      story.recent = [];
    }
  }

  private summarise(story: Story): StorySummary {
    return {
      id: story.id,
      title: this.representativeTitle(story),
      size: story.members.length,
      articleIds: [...story.members],
      firstSeen: isoDay(story.firstMs),
      lastSeen: isoDay(story.lastMs),
      isActive: story.isActive,
    };
  }

  /** The candidate headline whose words weigh most in the story vector, per word (ties: earliest). */
  private representativeTitle(story: Story): string {
    const best = this.bestTitle(story);
    return (best && (best.title ?? best.lead)) || `story ${story.id}`;
  }

  private bestTitle(story: Story): TitleCandidate | undefined {
    let best: TitleCandidate | undefined;
    let bestScore = -1;
    // A real headline always beats a lead sentence: leads only stand in when no member has a title.
    const hasHeadline = story.titles.some((cand) => cand.title);
    for (const cand of story.titles) {
      if (hasHeadline && !cand.title) continue;
      const text = cand.title ?? cand.lead;
      if (!text) continue;
      const counts = extractFeatures(null, text).counts;
      let s = 0;
      for (const k of counts.keys()) s += (story.vec.get(k) ?? 0) * this.idf(k);
      s /= Math.sqrt(Math.max(1, counts.size));
      if (s > bestScore) {
        bestScore = s;
        best = cand;
      }
    }
    return best;
  }
}
