/**
 * Inverted index from feature keys to the active stories that registered them.
 *
 * Each posting list holds at most `cap` story ids, most recently touched last; adding a story to a
 * full list drops the least recently touched one. Lookup cost is therefore bounded by
 * (keys queried × cap), whatever the number of stories stored.
 */
export class CandidateIndex {
  private readonly postings = new Map<string, number[]>();

  constructor(private readonly cap: number) {}

  /** Registers `storyId` under `key`, moving it to the most-recent end. */
  add(key: string, storyId: number): void {
    let list = this.postings.get(key);
    if (!list) {
      list = [];
      this.postings.set(key, list);
    }
    const at = list.indexOf(storyId);
    if (at >= 0) list.splice(at, 1);
    list.push(storyId);
    if (list.length > this.cap) list.shift();
  }

  remove(key: string, storyId: number): void {
    const list = this.postings.get(key);
    if (!list) return;
    const at = list.indexOf(storyId);
    if (at < 0) return;
    list.splice(at, 1);
    if (list.length === 0) this.postings.delete(key);
  }

  get(key: string): readonly number[] | undefined {
    return this.postings.get(key);
  }

  /** Number of keys with a non-empty posting list. */
  get size(): number {
    return this.postings.size;
  }
}
