/**
 * A compact multimap from uint32 keys to int32 values (article slots), newest value first.
 * Chained hashing; each posting is three interleaved int32s (key, value, next) so a chain step
 * touches one cache line. 12 bytes per posting plus a bucket table of about 2 bytes per posting,
 * no per-entry objects, so tens of millions of postings stay cheap for the garbage collector.
 * Not serialised: rebuilt by re-adding fingerprints.
 */
export class PostingMultimap {
  private heads: Int32Array; // -1 = empty bucket
  private shift: number;
  private postings: Int32Array; // [key, value, next] per posting
  private postingCount = 0;

  constructor(initialPostings = 1 << 16) {
    let bits = 4;
    while (1 << bits < initialPostings / 2) bits++;
    this.heads = new Int32Array(1 << bits).fill(-1);
    this.shift = 32 - bits;
    this.postings = new Int32Array(initialPostings * 3);
  }

  /** Number of (key, value) postings. */
  get size(): number {
    return this.postingCount;
  }

  /** Approximate bytes held by the typed arrays. */
  get byteLength(): number {
    return this.heads.byteLength + this.postings.byteLength;
  }

  /** Adds `value` under `key`. */
  add(key: number, value: number): void {
    if (this.postingCount * 3 === this.postings.length) this.growPostings();
    if (this.postingCount >= this.heads.length * 2) this.growBuckets();
    const posting = this.postingCount++;
    const bucket = Math.imul(key, 0x9e3779b1) >>> this.shift;
    const at = posting * 3;
    this.postings[at] = key | 0;
    this.postings[at + 1] = value;
    this.postings[at + 2] = this.heads[bucket]!;
    this.heads[bucket] = posting;
  }

  /**
   * Calls `visit` with the values under `key`, newest first, at most `limit` of them (and after
   * at most 8 × `limit` chain steps, so a bucket shared with an over-common key stays cheap).
   */
  forEach(key: number, limit: number, visit: (value: number) => void): void {
    const target = key | 0;
    const postings = this.postings;
    let posting = this.heads[Math.imul(key, 0x9e3779b1) >>> this.shift]!;
    let found = 0;
    let steps = 0;
    const maxSteps = limit * 8;
    while (posting !== -1 && found < limit && steps < maxSteps) {
      const at = posting * 3;
      if (postings[at] === target) {
        visit(postings[at + 1]!);
        found++;
      }
      posting = postings[at + 2]!;
      steps++;
    }
  }

  private growPostings(): void {
    // 1.5× keeps the slack (and the peak during the copy) smaller than doubling.
    const capacity = Math.max(48, Math.ceil(this.postings.length / 3 / 2) * 3 * 3);
    const postings = new Int32Array(capacity);
    postings.set(this.postings);
    this.postings = postings;
  }

  private growBuckets(): void {
    const bits = 32 - this.shift + 1;
    this.heads = new Int32Array(1 << bits).fill(-1);
    this.shift = 32 - bits;
    // Relink in insertion order so every chain stays newest first.
    for (let posting = 0; posting < this.postingCount; posting++) {
      const at = posting * 3;
      const bucket = Math.imul(this.postings[at]!, 0x9e3779b1) >>> this.shift;
      this.postings[at + 2] = this.heads[bucket]!;
      this.heads[bucket] = posting;
    }
  }
}
