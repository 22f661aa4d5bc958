import { combineHash, fmix32 } from './hash.js';
import { EMPTY_BIN } from './minhash.js';
import { PostingMultimap } from './multimap.js';
import type { Fingerprint } from './fingerprint.js';

/**
 * Jaccard of the exact shingle sets at or above which two texts are near-identical. On generated
 * data, copies with respellings, word edits, reordered or inserted paragraphs keep 0.45–1 (1st
 * percentile), while independent articles of one story (shared topic words and quotes) stay
 * under 0.15. 0.4 sits between, nearer the copies, whose tail is longer.
 */
export const NEAR_IDENTICAL_JACCARD = 0.4;
/**
 * Share of the smaller text's shingles found in the larger at or above which the smaller is a
 * copy of (a cut from) the larger: "most of it is that text". On generated data, cuts keep
 * 0.9–1, edited and overlapping cuts 0.6–0.95, while independent articles of one story stay
 * under 0.35 (max 0.44 for short articles built mostly of the same quotes).
 */
export const CONTAINMENT_THRESHOLD = 0.5;
/**
 * Minimum shared shingles for a containment relation: a one-line text ("Read more at …") is
 * fully contained in many articles without being a copy of any. Ten shingles ≈ 14 shared words.
 */
export const MIN_SHARED_SHINGLES = 10;
/**
 * Anchors: the shingles whose hash is below 2^32 / ANCHOR_RATE, a content-defined sample in the
 * style of Broder's MOD-m sampling ("On the resemblance and containment of documents", 1997).
 * A shingle is an anchor in every text that contains it, so a cut, an insertion or a reordering
 * keeps the anchors of what it kept, and shared anchors / anchors of the smaller text estimates
 * containment. MinHash banding cannot do this: a short cut of a long text has a low Jaccard, so
 * its signature agrees with the long text's in few bins. One in four keeps ≈ 8 anchors in a
 * 35-word lead paragraph (P[no anchor] = 0.75^31 ≈ 0.01 %).
 */
export const ANCHOR_RATE = 4;
const ANCHOR_LIMIT = 2 ** 32 / ANCHOR_RATE;
/**
 * A pair is verified on the exact sets when its shared anchors reach this share of the smaller
 * text's anchors (or when an LSH band matches). Well below {@link CONTAINMENT_THRESHOLD}, since
 * the sample estimate is noisy for short texts.
 */
export const CANDIDATE_ANCHOR_SHARE = 0.2;
/**
 * LSH banding over the signature: 42 bands of 3 rows (126 of the 128 values). P[candidate] is
 * 0.94 at Jaccard 0.4, 0.29 at 0.2, 0.04 at 0.1.
 */
export const LSH_BANDS = 42;
const LSH_ROWS = 3;
/**
 * Only texts with fewer shingles than this are banded (indexed and queried). Anchors alone find
 * near-identical long texts: a pair with Jaccard ≥ 0.4 where either side has ≥ 256 shingles
 * has ≥ 100 shared shingles, so ≈ 25 shared anchors where 5 suffice. On the copy evaluation,
 * banding every text found 2 matches in 1,800 that anchors missed, at 30 % of the index cost.
 */
export const LSH_MAX_SHINGLES = 256;
/**
 * Postings visited per key, newest first. Keys shared by thousands of texts (boilerplate lines,
 * a wire story syndicated everywhere) would otherwise make each add linear in the index size.
 */
export const MAX_POSTINGS_PER_KEY = 256;

/**
 * Postings stored per key: a key already held by this many texts (a boilerplate line, a
 * dateline, a wire story syndicated everywhere) keeps the earliest of them and takes no more, as
 * a search engine caps its stop words, so that memory per text stays bounded and a lookup of the
 * key costs the same at a million texts as at a thousand. A later copy of a text syndicated
 * more widely still finds the earliest copies, which are what its copy group is named by.
 */
export const MAX_STORED_POSTINGS_PER_KEY = MAX_POSTINGS_PER_KEY;
/** Counters of the key-count sketch (two rows of 2^21 saturating 16-bit counters, 8 MiB). */
const SKETCH_BITS = 21;

/**
 * How many texts hold a key, at most `cap`: a count-min sketch (Cormode and Muthukrishnan, 2005)
 * of two rows, so memory is fixed whatever the number of keys. It never under-counts; it
 * over-counts a key only when both its counters are shared with keys that together fill them,
 * which at a million texts of ~150 anchors (a mean of ~70 per counter against a cap of 256) does
 * not happen in practice.
 */
class KeyCounts {
  private readonly rows = [new Uint16Array(1 << SKETCH_BITS), new Uint16Array(1 << SKETCH_BITS)] as const;
  private readonly shift = 32 - SKETCH_BITS;

  constructor(private readonly cap: number) {}

  private slot(key: number, row: number): number {
    return Math.imul(fmix32((key ^ (row === 0 ? 0x85ebca6b : 0xc2b2ae35)) >>> 0), 0x9e3779b1) >>> this.shift;
  }

  count(key: number): number {
    return Math.min(this.rows[0][this.slot(key, 0)]!, this.rows[1][this.slot(key, 1)]!);
  }

  /** Counts one more text holding `key`; false when the key already reached the cap (not counted). */
  increment(key: number): boolean {
    const i = this.slot(key, 0);
    const j = this.slot(key, 1);
    const a = this.rows[0][i]!;
    const b = this.rows[1][j]!;
    if (Math.min(a, b) >= this.cap) return false;
    // Conservative update: only the counters at the minimum grow, which keeps over-counts small.
    const m = Math.min(a, b);
    if (a === m) this.rows[0][i] = a + 1;
    if (b === m) this.rows[1][j] = b + 1;
    return true;
  }
}

/** How a new text relates to an earlier one. */
export type CopyKind = 'identical' | 'near-identical' | 'contains' | 'contained';

/** One copy relation found by {@link CopyIndex.add}, seen from the text being added. */
export interface CopyMatch {
  /** Id of the earlier text. */
  other: number;
  /**
   * `identical`: same normalised text. `near-identical`: Jaccard ≥ NEAR_IDENTICAL_JACCARD.
   * `contained`: the new text is (mostly) a cut of the other. `contains`: the other is a cut of
   * the new text.
   */
  kind: CopyKind;
  /** Exact Jaccard of the shingle sets ∈ [0,1]. */
  jaccard: number;
  /** Exact containment of the smaller shingle set in the larger ∈ [0,1]. */
  containment: number;
}

/** Counters describing an index, for benchmarks and logs. */
export interface CopyIndexStats {
  texts: number;
  postings: number;
  /** Bytes held by the retained shingle sets. */
  shingleBytes: number;
  /** Bytes held by the LSH and anchor postings, including growth slack. */
  postingBytes: number;
  /** Pairs verified on exact sets so far. */
  verified: number;
  /** Copy matches whose only candidate source was an LSH band (the anchors missed them). */
  lshOnlyMatches: number;
}

function anchorCount(shingles: Uint32Array): number {
  // Shingles are sorted, so the anchors are a prefix: binary search its end.
  let lo = 0;
  let hi = shingles.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (shingles[mid]! < ANCHOR_LIMIT) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function isBanded(fp: Fingerprint): boolean {
  return fp.shingles.length > 0 && fp.shingles.length < LSH_MAX_SHINGLES && fp.signature[0] !== EMPTY_BIN;
}

function bandKey(signature: Uint32Array, band: number): number {
  let h = combineHash(0x6a09e667, band);
  for (let row = band * LSH_ROWS; row < (band + 1) * LSH_ROWS; row++) h = combineHash(h, signature[row]!);
  return fmix32(h);
}

/**
 * Online copy detection. {@link CopyIndex.add} compares a text with every earlier one that could
 * be a copy (anchor shingles for cuts and long texts, LSH bands for short near-identical
 * texts, whose anchor sample is small), verifies each
 * candidate on the exact shingle sets, then indexes the text. Deterministic: the same sequence of
 * adds gives the same matches. Not serialisable itself; rebuild it by re-adding the persisted
 * fingerprints in their original order.
 */
export class CopyIndex {
  private readonly ids: number[] = [];
  private readonly slotOf = new Map<number, number>();
  private readonly shingles: Array<Uint32Array | null> = [];
  private readonly textHashes: Array<string | null> = [];
  private anchors = new Int32Array(1024);
  private readonly byTextHash = new Map<string, number[]>();
  private readonly bands = new PostingMultimap(1 << 16);
  private readonly anchorPostings = new PostingMultimap(1 << 16);
  private readonly anchorCounts = new KeyCounts(MAX_STORED_POSTINGS_PER_KEY);
  // Scratch for candidate counting, indexed by slot.
  private counts = new Int32Array(1024);
  private marks = new Uint8Array(1024);
  private liveCount = 0;
  private verifiedPairs = 0;
  private lshOnly = 0;

  /** Number of texts indexed (removed ones excluded). */
  get size(): number {
    return this.liveCount;
  }

  /** True when `id` is indexed. */
  has(id: number): boolean {
    const slot = this.slotOf.get(id);
    return slot !== undefined && this.shingles[slot] !== null;
  }

  /**
   * Finds the copy relations of `fp` with every indexed text, then indexes it under `id`.
   * Matches are sorted by containment, then Jaccard (both descending), then id. A text with no
   * shingles (empty after normalisation) matches nothing and is not indexed.
   * @throws Error when `id` is already indexed.
   */
  add(id: number, fp: Fingerprint): CopyMatch[] {
    if (this.slotOf.has(id)) throw new Error(`CopyIndex.add: id ${id} is already indexed`);
    if (fp.shingles.length === 0) return [];
    const matches = this.findMatches(fp);
    this.insert(id, fp);
    return matches;
  }

  /**
   * Indexes a text whose relations are already known (a start loading stored keys), without
   * looking for its matches: the cost of the insert alone.
   * @throws Error when `id` is already indexed.
   */
  index(id: number, fp: Fingerprint): void {
    if (this.slotOf.has(id)) throw new Error(`CopyIndex.index: id ${id} is already indexed`);
    if (fp.shingles.length === 0) return;
    this.insert(id, fp);
  }

  /** Copy relations of `fp` with the indexed texts, without indexing it. */
  query(fp: Fingerprint): CopyMatch[] {
    if (fp.shingles.length === 0) return [];
    return this.findMatches(fp);
  }

  /**
   * Forgets `id`: it is no longer returned as a match and its shingle set is released. Its
   * postings stay until the index is rebuilt (they are skipped). Returns false if unknown.
   */
  remove(id: number): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined || this.shingles[slot] === null) return false;
    this.shingles[slot] = null;
    const hash = this.textHashes[slot]!;
    this.textHashes[slot] = null;
    const same = this.byTextHash.get(hash);
    if (same) {
      const rest = same.filter((s) => s !== slot);
      if (rest.length === 0) this.byTextHash.delete(hash);
      else this.byTextHash.set(hash, rest);
    }
    this.liveCount--;
    return true;
  }

  /** Sizes of the index. */
  stats(): CopyIndexStats {
    let shingleBytes = 0;
    for (const set of this.shingles) if (set) shingleBytes += set.byteLength;
    return {
      texts: this.liveCount,
      postings: this.bands.size + this.anchorPostings.size,
      shingleBytes,
      postingBytes: this.bands.byteLength + this.anchorPostings.byteLength,
      verified: this.verifiedPairs,
      lshOnlyMatches: this.lshOnly,
    };
  }

  private findMatches(fp: Fingerprint): CopyMatch[] {
    const touched: number[] = [];
    const counts = this.counts;
    const marks = this.marks;
    const touch = (slot: number, mark: number): void => {
      if (marks[slot] === 0) touched.push(slot);
      marks[slot]! |= mark;
    };
    const identical = this.byTextHash.get(fp.textHash);
    if (identical) for (const slot of identical) touch(slot, 4);
    if (isBanded(fp)) {
      for (let band = 0; band < LSH_BANDS; band++) {
        this.bands.forEach(bandKey(fp.signature, band), MAX_POSTINGS_PER_KEY, (slot) => touch(slot, 2));
      }
    }
    const ownAnchors = anchorCount(fp.shingles);
    for (let i = 0; i < ownAnchors; i++) {
      this.anchorPostings.forEach(fp.shingles[i]!, MAX_POSTINGS_PER_KEY, (slot) => {
        touch(slot, 1);
        counts[slot]!++;
      });
    }
    const matches: CopyMatch[] = [];
    for (const slot of touched) {
      const mark = marks[slot]!;
      const shared = counts[slot]!;
      marks[slot] = 0;
      counts[slot] = 0;
      const other = this.shingles[slot];
      if (!other) continue;
      if (mark & 4 && isSameSet(fp.shingles, other)) {
        matches.push({ other: this.ids[slot]!, kind: 'identical', jaccard: 1, containment: 1 });
        continue;
      }
      const smallerAnchors = Math.min(ownAnchors, this.anchors[slot]!);
      const isAnchorCandidate = shared > 0 && shared >= CANDIDATE_ANCHOR_SHARE * smallerAnchors;
      if (!(mark & 6) && !isAnchorCandidate) continue;
      this.verifiedPairs++;
      const match = classify(fp.shingles, other, this.ids[slot]!);
      if (match) {
        matches.push(match);
        if (!isAnchorCandidate) this.lshOnly++;
      }
    }
    matches.sort((a, b) => b.containment - a.containment || b.jaccard - a.jaccard || a.other - b.other);
    return matches;
  }

  private insert(id: number, fp: Fingerprint): void {
    const slot = this.ids.length;
    this.ids.push(id);
    this.slotOf.set(id, slot);
    this.shingles.push(fp.shingles);
    this.textHashes.push(fp.textHash);
    this.liveCount++;
    if (slot >= this.counts.length) {
      const capacity = this.counts.length * 2;
      const counts = new Int32Array(capacity);
      counts.set(this.counts);
      this.counts = counts;
      const marks = new Uint8Array(capacity);
      marks.set(this.marks);
      this.marks = marks;
      const anchors = new Int32Array(capacity);
      anchors.set(this.anchors);
      this.anchors = anchors;
    }
    const same = this.byTextHash.get(fp.textHash);
    if (same) same.push(slot);
    else this.byTextHash.set(fp.textHash, [slot]);
    if (isBanded(fp)) {
      for (let band = 0; band < LSH_BANDS; band++) this.bands.add(bandKey(fp.signature, band), slot);
    }
    const anchors = anchorCount(fp.shingles);
    this.anchors[slot] = anchors;
    for (let i = 0; i < anchors; i++) {
      const key = fp.shingles[i]!;
      if (this.anchorCounts.increment(key)) this.anchorPostings.add(key, slot);
    }
  }
}

function isSameSet(a: Uint32Array, b: Uint32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The fewest shared shingles with which two sets of these sizes can still be a copy: near-identical
 * needs shared ≥ J·(a + b)/(1 + J), containment shared ≥ C·min(a, b) and MIN_SHARED_SHINGLES.
 */
export function sharedNeeded(a: number, b: number): number {
  const nearIdentical = (NEAR_IDENTICAL_JACCARD * (a + b)) / (1 + NEAR_IDENTICAL_JACCARD);
  const contained = Math.max(MIN_SHARED_SHINGLES, CONTAINMENT_THRESHOLD * Math.min(a, b));
  // A hair below, so that rounding never rejects a pair that reaches a threshold exactly.
  return Math.min(nearIdentical, contained) - 1e-9;
}

/** The shared count of two sorted sets, or -1 as soon as it can no longer reach `needed`. */
function sharedAtLeast(a: Uint32Array, b: Uint32Array, needed: number): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  const n = a.length;
  const m = b.length;
  while (i < n && j < m) {
    if (shared + Math.min(n - i, m - j) < needed) return -1;
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared >= needed ? shared : -1;
}

/**
 * Classifies a verified pair; null when it is not a copy. `own` is the text being added. The
 * exact comparison stops as soon as the pair cannot pass either test.
 */
export function classify(own: Uint32Array, other: Uint32Array, otherId: number): CopyMatch | null {
  if (own.length === 0 || other.length === 0) return null;
  const shared = sharedAtLeast(own, other, sharedNeeded(own.length, other.length));
  if (shared < 0) return null;
  const jaccard = shared / (own.length + other.length - shared);
  const containment = shared / Math.min(own.length, other.length);
  if (jaccard >= NEAR_IDENTICAL_JACCARD) return { other: otherId, kind: 'near-identical', jaccard, containment };
  if (containment >= CONTAINMENT_THRESHOLD && shared >= MIN_SHARED_SHINGLES) {
    const kind: CopyKind = own.length <= other.length ? 'contained' : 'contains';
    return { other: otherId, kind, jaccard, containment };
  }
  return null;
}
