import type { ArticleFeatures } from './features.js';
import type { Vocabulary } from './vocabulary.js';

/**
 * One article in the clusterer's working set: its features as interned ids with sublinear term
 * frequencies (1 + ln count), never weighted by IDF in storage, so that a score computed at any
 * later time uses the document frequencies of that time, whatever the order the articles came in.
 */
export interface ArticleNode {
  readonly id: number;
  /** Arrival number (1, 2, …). */
  readonly seq: number;
  readonly language: string;
  /** Publication time in ms when plausible; null when undated or dated implausibly. */
  readonly timeMs: number | null;
  /** Feature ids, and (same index) their sublinear term frequencies. */
  readonly ids: Int32Array;
  readonly tf: Float32Array;
  /** The happening: term ids of the headline and lead, with their weights. */
  readonly happ: Int32Array;
  readonly happW: Float32Array;
  /** The participants: name ids of the headline and lead. */
  readonly part: Int32Array;
  /** Id of the most mentioned year (`#2012`), or -1. */
  readonly yearId: number;
  readonly title: string | null;
  readonly lead: string;
  /** Feature key → the words as written (happening words and names), for reasons. */
  readonly labels: ReadonlyMap<string, string>;
  /** Neighbour article id → similarity, symmetric (each edge is held by both ends). */
  readonly edges: Map<number, number>;
  /** Neighbour article id → the document count when that edge was last scored (absent: unknown). */
  readonly edgeAt: Map<number, number>;
  /** Copies (from dedup) that follow this article into whatever story it is in. */
  readonly copies: number[];
  story: number;
}

/**
 * Features of an article kept for scoring (heaviest first by tf·idf at arrival). Enough for the
 * whole of nearly every article (the text is cut at 12,000 characters): which features a smaller
 * cut keeps depends on the document frequencies of the moment the article arrived, so the links,
 * and the stories, would depend on the arrival order, and the words a report shares with its
 * neighbours further down are lost (at 160 features, development B-cubed F1 0.961 BASIL, 0.887
 * ECB+; at 400, 0.977 and 0.897).
 */
export const ARTICLE_FEATURES = 400;

const YEAR_KEY = /^#(?:19|20)\d\d$/;

/**
 * Builds the node of an article: interns its features, keeps the ARTICLE_FEATURES heaviest by
 * tf·idf (the tail of a long article adds cost, not identity), and picks its dominant year.
 * `vocabulary` must already count this article (so that its own features have df ≥ 1).
 */
export function buildNode(
  vocabulary: Vocabulary,
  input: { id: number; seq: number; timeMs: number | null; title: string | null },
  features: ArticleFeatures,
  featureIds: Int32Array,
): ArticleNode {
  const n = featureIds.length;
  const tfAll = new Float32Array(n);
  const weight = new Float64Array(n);
  let j = 0;
  let yearId = -1;
  let yearCount = 0;
  for (const [key, c] of features.counts) {
    const id = featureIds[j]!;
    tfAll[j] = 1 + Math.log(c);
    weight[j] = tfAll[j]! * vocabulary.idf(id);
    if (YEAR_KEY.test(key) && (c > yearCount || (c === yearCount && yearId >= 0 && key > vocabulary.key(yearId)))) {
      yearId = id;
      yearCount = c;
    }
    j++;
  }
  const order = Array.from({ length: n }, (_, i) => i);
  if (n > ARTICLE_FEATURES) {
    order.sort((a, b) => weight[b]! - weight[a]! || featureIds[a]! - featureIds[b]!);
    order.length = ARTICLE_FEATURES;
  }
  // Kept sorted by id: deterministic, and cache friendly when scored.
  order.sort((a, b) => featureIds[a]! - featureIds[b]!);
  const ids = new Int32Array(order.length);
  const tf = new Float32Array(order.length);
  order.forEach((o, k) => {
    ids[k] = featureIds[o]!;
    tf[k] = tfAll[o]!;
  });
  const happ = new Int32Array(features.happening.size);
  const happW = new Float32Array(features.happening.size);
  let h = 0;
  for (const [key, w] of features.happening) {
    happ[h] = vocabulary.intern(key);
    happW[h] = w;
    h++;
  }
  const part = Int32Array.from(features.participants.keys(), (k) => vocabulary.intern(k));
  return {
    id: input.id,
    seq: input.seq,
    language: features.language,
    timeMs: input.timeMs,
    ids,
    tf,
    happ,
    happW,
    part,
    yearId,
    title: input.title,
    lead: features.lead,
    labels: features.labels,
    edges: new Map(),
    edgeAt: new Map(),
    copies: [],
    story: 0,
  };
}
