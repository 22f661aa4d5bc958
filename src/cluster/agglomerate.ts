/**
 * Deterministic, constrained agglomerative clustering of a small graph: the articles of a region
 * and their links. The result depends on the links and their scores only, never on the order in
 * which the articles arrived, which is what makes stories independent of arrival order.
 *
 * Linkage between two groups A and B, the smaller S and the larger L: the mean, over the articles
 * of S, of each one's m strongest links into L (m = min(linkTop, |L|), a missing link counts 0);
 * for groups of equal size, the mean of both directions. A single article joins a story of two or
 * more only through links to two different articles of it; two groups merge only when every
 * article of the smaller one is linked to the larger: a few strong links between two stories of
 * one cast (the same people, another happening) are not enough, however large the stories grow.
 *
 * Groups are merged best linkage first (ties: the pair holding the lowest node index) while the
 * linkage reaches the threshold and `canMerge` allows it (pinned corrections, the happening
 * re-check). Pinned must-links are merged before anything else.
 */

export interface RegionGraph {
  /** Number of nodes; nodes are 0..n-1 in a deterministic order (by article id). */
  readonly n: number;
  /** Links as [i, j, score] with i < j. */
  readonly edges: ReadonlyArray<readonly [number, number, number]>;
  /** Pairs that must end in one group. */
  readonly mustLink: ReadonlyArray<readonly [number, number]>;
}

export interface AgglomerateOptions<P> {
  threshold: number;
  linkTop: number;
  /** A group's summary (kept per group, combined on merge): what `canMerge` looks at. */
  summarise: (node: number) => P;
  /** Combines two summaries; may reuse (mutate) the larger. */
  combine: (a: P, b: P) => P;
  /** Whether two groups may merge; called once the linkage passed. */
  canMerge: (a: readonly number[], pa: P, b: readonly number[], pb: P) => boolean;
}

interface Group<P> {
  members: number[];
  summary: P;
  /** Groups linked to this one. */
  neighbours: Set<number>;
  version: number;
  alive: boolean;
}

interface HeapItem {
  score: number;
  a: number;
  b: number;
  va: number;
  vb: number;
}

/** Max-heap on score, ties to the lower group ids (groups are named by their lowest node). */
class Heap {
  private readonly items: HeapItem[] = [];

  get size(): number {
    return this.items.length;
  }

  private static before(x: HeapItem, y: HeapItem): boolean {
    if (x.score !== y.score) return x.score > y.score;
    const xa = Math.min(x.a, x.b);
    const ya = Math.min(y.a, y.b);
    if (xa !== ya) return xa < ya;
    return Math.max(x.a, x.b) < Math.max(y.a, y.b);
  }

  push(item: HeapItem): void {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!Heap.before(items[i]!, items[p]!)) break;
      [items[i], items[p]] = [items[p]!, items[i]!];
      i = p;
    }
  }

  pop(): HeapItem | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && Heap.before(items[l]!, items[m]!)) m = l;
        if (r < items.length && Heap.before(items[r]!, items[m]!)) m = r;
        if (m === i) break;
        [items[i], items[m]] = [items[m]!, items[i]!];
        i = m;
      }
    }
    return top;
  }
}

/** Links of each node: neighbour node → score. */
export type Adjacency = ReadonlyArray<ReadonlyMap<number, number>>;

/** Mean over `from` of each node's `m` strongest links into group `to`. */
function directed(from: readonly number[], to: number, m: number, adjacency: Adjacency, groupOf: (node: number) => number): number {
  const best = new Float64Array(m);
  let total = 0;
  for (const x of from) {
    best.fill(0);
    for (const [y, s] of adjacency[x]!) {
      if (groupOf(y) !== to || s <= best[m - 1]!) continue;
      let k = m - 1;
      while (k > 0 && best[k - 1]! < s) {
        best[k] = best[k - 1]!;
        k--;
      }
      best[k] = s;
    }
    let sum = 0;
    for (let k = 0; k < m; k++) sum += best[k]!;
    total += sum / m;
  }
  return total / from.length;
}

/** The linkage of groups `a` and `b` (ids, with their members), per the rule above. */
export function linkage(
  a: number,
  membersA: readonly number[],
  b: number,
  membersB: readonly number[],
  adjacency: Adjacency,
  groupOf: (node: number) => number,
  linkTop: number,
): number {
  if (membersA.length < membersB.length) return directed(membersA, b, Math.min(linkTop, membersB.length), adjacency, groupOf);
  if (membersB.length < membersA.length) return directed(membersB, a, Math.min(linkTop, membersA.length), adjacency, groupOf);
  const m = Math.min(linkTop, membersA.length);
  return (directed(membersA, b, m, adjacency, groupOf) + directed(membersB, a, m, adjacency, groupOf)) / 2;
}

/** Groups of node indices (each sorted ascending), ordered by their lowest node. */
export function agglomerate<P>(graph: RegionGraph, options: AgglomerateOptions<P>): number[][] {
  const { n } = graph;
  const groupOfNode = new Int32Array(n);
  const groups: Array<Group<P>> = [];
  const adjacency: Array<Map<number, number>> = [];
  for (let i = 0; i < n; i++) {
    groupOfNode[i] = i;
    groups.push({ members: [i], summary: options.summarise(i), neighbours: new Set(), version: 0, alive: true });
    adjacency.push(new Map());
  }
  const groupOf = (node: number): number => groupOfNode[node]!;
  for (const [i, j, s] of graph.edges) {
    adjacency[i]!.set(j, s);
    adjacency[j]!.set(i, s);
    groups[i]!.neighbours.add(j);
    groups[j]!.neighbours.add(i);
  }

  // Merges the two groups into the lower id (names stay stable): members, neighbours, version.
  const merge = (a: number, b: number): number => {
    const [keep, drop] = a < b ? [a, b] : [b, a];
    const K = groups[keep]!;
    const D = groups[drop]!;
    for (const m of D.members) groupOfNode[m] = keep;
    K.summary = K.members.length >= D.members.length ? options.combine(K.summary, D.summary) : options.combine(D.summary, K.summary);
    K.members.push(...D.members);
    K.members.sort((x, y) => x - y);
    for (const o of D.neighbours) {
      if (o === keep) continue;
      const O = groups[o]!;
      O.neighbours.delete(drop);
      O.neighbours.add(keep);
      K.neighbours.add(o);
    }
    K.neighbours.delete(drop);
    D.alive = false;
    D.neighbours.clear();
    K.version++;
    return keep;
  };

  // Pinned must-links first: they hold whatever the scores say.
  for (const [i, j] of graph.mustLink) {
    const a = groupOf(i);
    const b = groupOf(j);
    if (a !== b) merge(a, b);
  }

  const heap = new Heap();
  const pushPairs = (g: number): void => {
    const G = groups[g]!;
    for (const other of G.neighbours) {
      const O = groups[other]!;
      const s = linkage(g, G.members, other, O.members, adjacency, groupOf, options.linkTop);
      if (s >= options.threshold) heap.push({ score: s, a: g, b: other, va: G.version, vb: O.version });
    }
  };
  for (let g = 0; g < n; g++) if (groups[g]!.alive) pushPairs(g);

  while (heap.size > 0) {
    const top = heap.pop()!;
    const A = groups[top.a]!;
    const B = groups[top.b]!;
    if (!A.alive || !B.alive || A.version !== top.va || B.version !== top.vb) continue;
    if (!options.canMerge(A.members, A.summary, B.members, B.summary)) continue;
    pushPairs(merge(top.a, top.b));
  }

  return groups.filter((g) => g.alive).map((g) => g.members);
}
