/** Plain-data form of {@link CopyGroups}, for persistence. Arrays are parallel. */
export interface CopyGroupsState {
  ids: number[];
  /** Publication time in ms since the epoch, or null when unknown. */
  published: Array<number | null>;
  /** For each id, the id of its parent in the union-find forest (itself for a root). */
  parents: number[];
}

/**
 * Copy groups: union-find over copy relations (a copy of a copy is in the same group). Each group
 * knows its earliest member: the smallest publication time, undated members after dated ones,
 * ties broken by the smaller id. Deterministic; serialisable with {@link CopyGroups.toJSON}.
 * Removing a member is not supported: rebuild from the relations instead.
 */
export class CopyGroups {
  private readonly index = new Map<number, number>();
  private readonly ids: number[] = [];
  private readonly published: Array<number | null> = [];
  private readonly parent: number[] = [];
  private readonly rank: number[] = [];
  // Valid at roots only.
  private readonly earliestOf: number[] = [];
  private readonly membersOf: number[][] = [];

  /** Number of known ids. */
  get size(): number {
    return this.ids.length;
  }

  /** True when `id` is known. */
  has(id: number): boolean {
    return this.index.has(id);
  }

  /**
   * Registers `id` (a singleton group) or updates its publication time. `publishedMs` is
   * milliseconds since the epoch; null or omitted means unknown.
   */
  add(id: number, publishedMs: number | null = null): void {
    const existing = this.index.get(id);
    if (existing !== undefined) {
      if (publishedMs !== null && this.published[existing] !== publishedMs) {
        this.published[existing] = publishedMs;
        this.recomputeEarliest(this.find(existing));
      }
      return;
    }
    const i = this.ids.length;
    this.index.set(id, i);
    this.ids.push(id);
    this.published.push(publishedMs);
    this.parent.push(i);
    this.rank.push(0);
    this.earliestOf.push(i);
    this.membersOf.push([i]);
  }

  /** Records that `a` and `b` are copies (registering unknown ids as undated). */
  link(a: number, b: number): void {
    this.add(a);
    this.add(b);
    let ra = this.find(this.index.get(a)!);
    let rb = this.find(this.index.get(b)!);
    if (ra === rb) return;
    if (this.rank[ra]! < this.rank[rb]!) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    if (this.rank[ra] === this.rank[rb]) this.rank[ra]!++;
    const earliestA = this.earliestOf[ra]!;
    const earliestB = this.earliestOf[rb]!;
    this.earliestOf[ra] = this.isEarlier(earliestB, earliestA) ? earliestB : earliestA;
    const membersA = this.membersOf[ra]!;
    for (const member of this.membersOf[rb]!) membersA.push(member);
    this.membersOf[rb] = [];
  }

  /** The earliest member of `id`'s group (`id` itself when alone or unknown). */
  earliest(id: number): number {
    const i = this.index.get(id);
    if (i === undefined) return id;
    return this.ids[this.earliestOf[this.find(i)]!]!;
  }

  /** True when `a` and `b` are in one group. */
  isSameGroup(a: number, b: number): boolean {
    const i = this.index.get(a);
    const j = this.index.get(b);
    if (i === undefined || j === undefined) return a === b;
    return this.find(i) === this.find(j);
  }

  /** Members of `id`'s group, ascending by id (`[id]` when alone or unknown). */
  members(id: number): number[] {
    const i = this.index.get(id);
    if (i === undefined) return [id];
    return this.membersOf[this.find(i)]!.map((m) => this.ids[m]!).sort((x, y) => x - y);
  }

  /** Every group of two or more members, each ascending, ordered by its smallest id. */
  groups(): number[][] {
    const out: number[][] = [];
    for (let i = 0; i < this.ids.length; i++) {
      if (this.parent[i] === i && this.membersOf[i]!.length > 1) {
        out.push(this.membersOf[i]!.map((m) => this.ids[m]!).sort((x, y) => x - y));
      }
    }
    return out.sort((x, y) => x[0]! - y[0]!);
  }

  /** Plain arrays for persistence; {@link CopyGroups.fromJSON} restores an equal structure. */
  toJSON(): CopyGroupsState {
    return {
      ids: [...this.ids],
      published: [...this.published],
      parents: this.ids.map((_, i) => this.ids[this.find(i)]!),
    };
  }

  /** Rebuilds groups from {@link CopyGroups.toJSON} output. */
  static fromJSON(state: CopyGroupsState): CopyGroups {
    const groups = new CopyGroups();
    state.ids.forEach((id, i) => groups.add(id, state.published[i] ?? null));
    state.ids.forEach((id, i) => {
      const parent = state.parents[i];
      if (parent !== undefined && parent !== id) groups.link(id, parent);
    });
    return groups;
  }

  private find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root]!;
    let node = i;
    while (this.parent[node] !== root) {
      const next = this.parent[node]!;
      this.parent[node] = root;
      node = next;
    }
    return root;
  }

  private isEarlier(i: number, j: number): boolean {
    const pi = this.published[i] ?? null;
    const pj = this.published[j] ?? null;
    if (pi !== null && pj !== null && pi !== pj) return pi < pj;
    if (pi !== null && pj === null) return true;
    if (pi === null && pj !== null) return false;
    return this.ids[i]! < this.ids[j]!;
  }

  private recomputeEarliest(root: number): void {
    let best = root;
    for (const member of this.membersOf[root]!) if (this.isEarlier(member, best)) best = member;
    this.earliestOf[root] = best;
  }
}
