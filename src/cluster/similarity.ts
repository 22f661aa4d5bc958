import type { ArticleNode } from './article-node.js';
import type { ClusterConfig } from './config.js';
import type { Vocabulary } from './vocabulary.js';

/** The parts of a pair's similarity, for thresholds and for reasons. */
export interface PairScore {
  /** The similarity ∈ [0,1] the clusterer compares with its thresholds. */
  score: number;
  /** Weighted mean of the per-kind cosines (words, names, numbers) ∈ [0,1]. */
  content: number;
  /** Agreement on the happening ∈ [0,1]; null across languages (not comparable word by word). */
  happening: number | null;
  /** Agreement on the participants of headline and lead ∈ [0,1]; null when either names none. */
  participants: number | null;
  /** The dominant years differ and neither article mentions the other's. */
  isYearConflict: boolean;
}

const MS_PER_DAY = 86_400_000;

/**
 * Pairwise similarity of articles. One article is loaded into dense scratch arrays indexed by
 * feature id (`load`), then scored against any number of others (`score`), each in one pass over
 * the other's features: no maps, no allocation, IDF of the moment.
 *
 * score = content × happening gate × year factor, where
 * - content is the weighted mean of three cosines of tf·idf vectors (vocabulary, names, numbers):
 *   names count whenever either article has some (other participants are evidence against);
 *   words and numbers only when both have some; across languages words are left out;
 * - the happening gate is 1 when the two agree on what happened (the words of one's headline and
 *   lead are found in the other, both ways, or the two leads share their words) and falls to
 *   `happeningFloor` when they do not: sharing participants and a week is not enough;
 * - the year factor halves the score when the articles are about different years (undated pairs).
 */
export class PairScorer {
  private wA = new Float64Array(1024);
  private hA = new Float64Array(1024);
  /** 1 for the loaded article's participants. */
  private pA = new Uint8Array(1024);
  private partSumA = 0;
  private readonly normA = new Float64Array(3);
  private happNormA = 0;
  private happSumA = 0;
  private loaded: ArticleNode | null = null;
  // Parts of the last `scoreValue`, read by `score`.
  private lastContent = 0;
  private lastHappening: number | null = null;
  private lastParticipants: number | null = null;
  private lastYearConflict = false;
  private readonly isSquare: boolean;
  private readonly kindWeights: Float64Array;
  // Weights of the right-hand articles of a batch (see `beginBatch`): article id → slot; per slot
  // its offset into `batchW`/`batchKind` and its three squared norms.
  private batchDocs = -1;
  private readonly batchSlot = new Map<number, number>();
  private batchOffsets: number[] = [];
  private batchNorms: number[] = [];
  private batchUsed = 0;
  private batchW = new Float64Array(0);
  private batchKind = new Uint8Array(0);

  constructor(
    private readonly vocabulary: Vocabulary,
    private readonly config: ClusterConfig,
  ) {
    this.kindWeights = Float64Array.from([1, config.nameWeight, config.numberWeight]);
    this.isSquare = config.happeningIdfPower === 2;
  }

  /** Loads `a` as the left side of the following `score` calls. */
  load(a: ArticleNode): void {
    this.unload();
    const size = this.vocabulary.size;
    if (size > this.wA.length) {
      const n = Math.max(size, 2 * this.wA.length);
      this.wA = new Float64Array(n);
      this.hA = new Float64Array(n);
      this.pA = new Uint8Array(n);
    }
    this.normA.fill(0);
    for (let i = 0; i < a.ids.length; i++) {
      const id = a.ids[i]!;
      const w = a.tf[i]! * this.vocabulary.idf(id);
      if (w <= 0) continue;
      this.wA[id] = w;
      this.normA[this.vocabulary.kind(id)]! += w * w;
    }
    let norm = 0;
    let sum = 0;
    for (let i = 0; i < a.happ.length; i++) {
      const id = a.happ[i]!;
      const w = a.happW[i]! * this.happeningIdf(id);
      if (w <= 0) continue;
      this.hA[id] = w;
      norm += w * w;
      sum += w;
    }
    this.happNormA = norm;
    this.happSumA = sum;
    let part = 0;
    for (let i = 0; i < a.part.length; i++) {
      const id = a.part[i]!;
      this.pA[id] = 1;
      part += Math.max(0, this.vocabulary.idf(id));
    }
    this.partSumA = part;
    this.loaded = a;
  }

  /**
   * Starts a batch of scores under one document count (a re-check): each article's tf·idf
   * weights, kinds and norms are then computed once, the first time it is scored, and read back
   * for its other links, with the same values. Ends at `endBatch` or when a document arrives.
   */
  beginBatch(): void {
    this.batchDocs = this.vocabulary.documentCount;
    this.batchSlot.clear();
    this.batchOffsets.length = 0;
    this.batchNorms.length = 0;
    this.batchUsed = 0;
  }

  endBatch(): void {
    this.batchDocs = -1;
    this.batchSlot.clear();
  }

  /** The slot of `b`'s weights in the batch, computed now if new. */
  private batchSlotOf(b: ArticleNode): number {
    let slot = this.batchSlot.get(b.id);
    if (slot !== undefined) return slot;
    const voc = this.vocabulary;
    const n = b.ids.length;
    if (this.batchUsed + n > this.batchW.length) {
      const size = Math.max(2 * this.batchW.length, this.batchUsed + n, 65_536);
      const w = new Float64Array(size);
      w.set(this.batchW.subarray(0, this.batchUsed));
      const k = new Uint8Array(size);
      k.set(this.batchKind.subarray(0, this.batchUsed));
      this.batchW = w;
      this.batchKind = k;
    }
    const off = this.batchUsed;
    let nb0 = 0;
    let nb1 = 0;
    let nb2 = 0;
    for (let i = 0; i < n; i++) {
      const id = b.ids[i]!;
      const w = b.tf[i]! * voc.idf(id);
      const kind = voc.kind(id);
      this.batchW[off + i] = w;
      this.batchKind[off + i] = kind;
      if (w <= 0) continue;
      if (kind === 0) nb0 += w * w;
      else if (kind === 1) nb1 += w * w;
      else nb2 += w * w;
    }
    this.batchUsed += n;
    slot = this.batchOffsets.length;
    this.batchOffsets.push(off);
    this.batchNorms.push(nb0, nb1, nb2);
    this.batchSlot.set(b.id, slot);
    return slot;
  }

  /** Clears the scratch arrays (only the entries `load` set). */
  unload(): void {
    const a = this.loaded;
    if (!a) return;
    for (let i = 0; i < a.ids.length; i++) this.wA[a.ids[i]!] = 0;
    for (let i = 0; i < a.happ.length; i++) this.hA[a.happ[i]!] = 0;
    for (let i = 0; i < a.part.length; i++) this.pA[a.part[i]!] = 0;
    this.loaded = null;
  }

  /**
   * Happening words are weighed by a power of their IDF: the words every report uses ("took
   * place", "officials") weigh almost nothing against the words of one kind of event.
   */
  happeningIdf(id: number): number {
    const idf = this.vocabulary.idf(id);
    if (idf <= 0) return 0;
    return this.isSquare ? idf * idf : Math.pow(idf, this.config.happeningIdfPower);
  }

  /** Whether `a` and `b` may be one story by time: undated articles always may. */
  isTimeCompatible(a: ArticleNode, b: ArticleNode): boolean {
    if (a.timeMs === null || b.timeMs === null) return true;
    return Math.abs(a.timeMs - b.timeMs) <= this.config.pairWindowDays * MS_PER_DAY;
  }

  /** The similarity of the loaded article and `b`, with its parts (for reasons). */
  score(b: ArticleNode): PairScore {
    const score = this.scoreValue(b);
    return { score, content: this.lastContent, happening: this.lastHappening, participants: this.lastParticipants, isYearConflict: this.lastYearConflict };
  }

  /** The similarity ∈ [0,1] of the loaded article and `b`, without allocating: the hot loop of linking and re-checks. */
  scoreValue(b: ArticleNode): number {
    const a = this.loaded!;
    const voc = this.vocabulary;
    const wA = this.wA;
    const hA = this.hA;
    let dot0 = 0;
    let dot1 = 0;
    let dot2 = 0;
    let nb0 = 0;
    let nb1 = 0;
    let nb2 = 0;
    // Coverage of a's happening by b's features, and of b's happening by a's (below).
    let covA = 0;
    let partA = 0;
    let hasAYear = false;
    if (this.batchDocs === voc.documentCount) {
      // The same sums as below, from the batch's weights.
      const slot = this.batchSlotOf(b);
      const off = this.batchOffsets[slot]!;
      const W = this.batchW;
      const K = this.batchKind;
      const credit = this.config.participantTextCredit;
      for (let i = 0; i < b.ids.length; i++) {
        const w = W[off + i]!;
        if (w <= 0) continue;
        const id = b.ids[i]!;
        const kind = K[off + i]!;
        const x = wA[id]!;
        if (kind === 0) {
          dot0 += x * w;
          covA += hA[id]!;
        } else if (kind === 1) {
          dot1 += x * w;
          if (this.pA[id] === 1) partA += voc.idf(id) * credit;
        } else {
          dot2 += x * w;
          if (id === a.yearId) hasAYear = true;
        }
      }
      nb0 = this.batchNorms[3 * slot]!;
      nb1 = this.batchNorms[3 * slot + 1]!;
      nb2 = this.batchNorms[3 * slot + 2]!;
    } else {
      for (let i = 0; i < b.ids.length; i++) {
        const id = b.ids[i]!;
        const w = b.tf[i]! * voc.idf(id);
        if (w <= 0) continue;
        const kind = voc.kind(id);
        const x = wA[id]!;
        if (kind === 0) {
          nb0 += w * w;
          dot0 += x * w;
          covA += hA[id]!;
        } else if (kind === 1) {
          nb1 += w * w;
          dot1 += x * w;
          if (this.pA[id] === 1) partA += voc.idf(id) * this.config.participantTextCredit;
        } else {
          nb2 += w * w;
          dot2 += x * w;
          if (id === a.yearId) hasAYear = true;
        }
      }
    }
    const sameLanguage = a.language === b.language;
    const na = this.normA;
    const kw = this.kindWeights;
    let sum = 0;
    let wsum = 0;
    if (sameLanguage && na[0]! > 0 && nb0 > 0) {
      sum += (kw[0]! * dot0) / Math.sqrt(na[0]! * nb0);
      wsum += kw[0]!;
    }
    if (na[1]! > 0 || nb1 > 0) {
      if (na[1]! > 0 && nb1 > 0) sum += (kw[1]! * dot1) / Math.sqrt(na[1]! * nb1);
      wsum += kw[1]!;
    }
    if (na[2]! > 0 && nb2 > 0) {
      sum += (kw[2]! * dot2) / Math.sqrt(na[2]! * nb2);
      wsum += kw[2]!;
    }
    const content = wsum === 0 ? 0 : Math.min(1, sum / wsum);

    let happening: number | null = null;
    let gate = 1;
    if (sameLanguage) {
      happening = this.happeningAgreement(b, covA);
      const c = this.config;
      gate = c.happeningFloor + (1 - c.happeningFloor) * Math.min(1, happening / c.happeningFull);
    } else {
      gate = this.config.crossLanguageFactor;
    }

    const participants = this.participantAgreement(b, partA);
    if (participants !== null) {
      const c = this.config;
      gate *= c.participantFloor + (1 - c.participantFloor) * Math.min(1, participants / c.participantFull);
    }

    let isYearConflict = false;
    if ((a.timeMs === null || b.timeMs === null) && a.yearId >= 0 && b.yearId >= 0 && a.yearId !== b.yearId) {
      isYearConflict = !hasAYear && wA[b.yearId] === 0;
    }
    this.lastContent = content;
    this.lastHappening = happening;
    this.lastParticipants = participants;
    this.lastYearConflict = isYearConflict;
    return content * gate * (isYearConflict ? this.config.yearConflictFactor : 1);
  }

  /**
   * Agreement on the participants ∈ [0,1]: the geometric mean of the two coverages (the share, by
   * IDF weight, of the names of one article's headline and lead that the other contains
   * anywhere); null when either names nobody there. The same happening to someone else is
   * another event.
   */
  private participantAgreement(b: ArticleNode, partA: number): number | null {
    if (this.partSumA === 0 || b.part.length === 0) return null;
    const voc = this.vocabulary;
    let sumB = 0;
    let covB = 0;
    const credit = this.config.participantTextCredit;
    for (let i = 0; i < b.part.length; i++) {
      const id = b.part[i]!;
      const w = Math.max(0, voc.idf(id));
      sumB += w;
      // Named in both headlines or leads: full credit; only somewhere in the other's text: partial.
      if (this.pA[id] === 1) {
        covB += w;
        partA += w * (1 - credit);
      } else if (this.wA[id]! > 0) covB += w * credit;
    }
    if (sumB === 0) return null;
    return Math.sqrt(Math.min(1, partA / this.partSumA) * Math.min(1, covB / sumB));
  }

  /**
   * Agreement on the happening ∈ [0,1]: the larger of (a) the cosine of the two happenings and
   * (b) the geometric mean of the two coverages (the share, by IDF weight, of one article's
   * happening words that the other article contains anywhere). Outlets word a lead differently;
   * (b) finds "resigned" of one lead in the other's third paragraph.
   */
  private happeningAgreement(b: ArticleNode, covA: number): number {
    if (this.happSumA === 0 || b.happ.length === 0) return 0;
    let dot = 0;
    let normB = 0;
    let sumB = 0;
    let covB = 0;
    for (let i = 0; i < b.happ.length; i++) {
      const id = b.happ[i]!;
      const w = b.happW[i]! * this.happeningIdf(id);
      if (w <= 0) continue;
      normB += w * w;
      sumB += w;
      dot += this.hA[id]! * w;
      if (this.wA[id]! > 0) covB += w;
    }
    if (sumB === 0) return 0;
    const cosine = dot / Math.sqrt(this.happNormA * normB);
    const coverage = Math.sqrt(Math.min(1, covA / this.happSumA) * Math.min(1, covB / sumB));
    return Math.max(cosine, this.config.happeningCoverage * coverage);
  }
}
