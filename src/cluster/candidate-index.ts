/**
 * Inverted index from feature ids to the articles of the working set that registered them.
 *
 * Each posting list holds at most `cap` article ids, latest arrival last; adding to a full list
 * drops the oldest. Lookup cost is therefore bounded by (keys queried × cap), whatever the number
 * of articles stored.
 */
export class CandidateIndex {
  private readonly postings = new Map<number, number[]>();

  constructor(private readonly cap: number) {}

  /** Registers `articleId` under `key` (appended: the caller adds in arrival order). */
  add(key: number, articleId: number): void {
    let list = this.postings.get(key);
    if (!list) {
      list = [];
      this.postings.set(key, list);
    }
    list.push(articleId);
    if (list.length > this.cap) list.shift();
  }

  remove(key: number, articleId: number): void {
    const list = this.postings.get(key);
    if (!list) return;
    const at = list.indexOf(articleId);
    if (at < 0) return;
    list.splice(at, 1);
    if (list.length === 0) this.postings.delete(key);
  }

  get(key: number): readonly number[] | undefined {
    return this.postings.get(key);
  }

  /** Number of keys with a non-empty posting list. */
  get size(): number {
    return this.postings.size;
  }
}
