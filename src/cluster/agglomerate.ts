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

function swapIn(a: Int32Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

/**
 * Max-heap of candidate merges on score, ties to the pair holding the lower group ids (groups are
 * named by their lowest node). Items live in parallel typed arrays: a re-check pushes many
 * candidates and discards most as stale, and objects would cost the garbage collector more than
 * the comparisons.
 */
class Heap {
  private scores = new Float64Array(256);
  /** Lower and higher group id of the pair, and the two groups' versions (of `lo`, of `hi`). */
  private lo = new Int32Array(256);
  private hi = new Int32Array(256);
  private vlo = new Int32Array(256);
  private vhi = new Int32Array(256);
  private n = 0;
  /** The last popped item. */
  topScore = 0;
  topLo = 0;
  topHi = 0;
  topVlo = 0;
  topVhi = 0;

  get size(): number {
    return this.n;
  }

  private before(i: number, j: number): boolean {
    const x = this.scores[i]!;
    const y = this.scores[j]!;
    if (x !== y) return x > y;
    if (this.lo[i] !== this.lo[j]) return this.lo[i]! < this.lo[j]!;
    return this.hi[i]! < this.hi[j]!;
  }

  private swap(i: number, j: number): void {
    const s = this.scores[i]!;
    this.scores[i] = this.scores[j]!;
    this.scores[j] = s;
    swapIn(this.lo, i, j);
    swapIn(this.hi, i, j);
    swapIn(this.vlo, i, j);
    swapIn(this.vhi, i, j);
  }

  private grow(): void {
    const size = 2 * this.scores.length;
    const scores = new Float64Array(size);
    scores.set(this.scores);
    this.scores = scores;
    const widen = (a: Int32Array): Int32Array<ArrayBuffer> => {
      const out = new Int32Array(size);
      out.set(a);
      return out;
    };
    this.lo = widen(this.lo);
    this.hi = widen(this.hi);
    this.vlo = widen(this.vlo);
    this.vhi = widen(this.vhi);
  }

  push(score: number, a: number, va: number, b: number, vb: number): void {
    if (this.n === this.scores.length) this.grow();
    let i = this.n++;
    this.scores[i] = score;
    if (a < b) {
      this.lo[i] = a;
      this.vlo[i] = va;
      this.hi[i] = b;
      this.vhi[i] = vb;
    } else {
      this.lo[i] = b;
      this.vlo[i] = vb;
      this.hi[i] = a;
      this.vhi[i] = va;
    }
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.before(i, p)) break;
      this.swap(i, p);
      i = p;
    }
  }

  /** Removes the best item into the `top*` fields. */
  pop(): void {
    this.topScore = this.scores[0]!;
    this.topLo = this.lo[0]!;
    this.topHi = this.hi[0]!;
    this.topVlo = this.vlo[0]!;
    this.topVhi = this.vhi[0]!;
    const last = --this.n;
    if (last === 0) return;
    this.scores[0] = this.scores[last]!;
    this.lo[0] = this.lo[last]!;
    this.hi[0] = this.hi[last]!;
    this.vlo[0] = this.vlo[last]!;
    this.vhi[0] = this.vhi[last]!;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < last && this.before(l, m)) m = l;
      if (r < last && this.before(r, m)) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
  }
}

/** Links of each node as flat arrays (no entry objects in the hot loop): neighbours and their scores. */
interface Links {
  readonly to: Int32Array;
  readonly score: Float64Array;
}
type Adjacency = readonly Links[];

/** Scratch for `directed` (m > 2): grown on demand, never allocated per call. */
let scratch = new Float64Array(8);

/** Mean over `from` of each node's `m` strongest links into group `to`. */
function directed(from: readonly number[], to: number, m: number, adjacency: Adjacency, groupOf: (node: number) => number): number {
  let total = 0;
  if (m <= 2) {
    // The usual case (linkTop 2): the two strongest in two variables.
    for (const x of from) {
      let b0 = 0;
      let b1 = 0;
      const links = adjacency[x]!;
      for (let k = 0; k < links.to.length; k++) {
        const s = links.score[k]!;
        if (s <= b1 || groupOf(links.to[k]!) !== to) continue;
        if (s > b0) {
          b1 = b0;
          b0 = s;
        } else b1 = s;
      }
      total += m === 1 ? b0 : (b0 + b1) / 2;
    }
    return total / from.length;
  }
  if (scratch.length < m) scratch = new Float64Array(2 * m);
  const best = scratch;
  for (const x of from) {
    best.fill(0, 0, m);
    const links = adjacency[x]!;
    for (let j = 0; j < links.to.length; j++) {
      const s = links.score[j]!;
      if (s <= best[m - 1]! || groupOf(links.to[j]!) !== to) continue;
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
function linkage(
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
  const degree = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    groupOfNode[i] = i;
    groups.push({ members: [i], summary: options.summarise(i), neighbours: new Set(), version: 0, alive: true });
  }
  const groupOf = (node: number): number => groupOfNode[node]!;
  for (const [i, j] of graph.edges) {
    degree[i]!++;
    degree[j]!++;
    groups[i]!.neighbours.add(j);
    groups[j]!.neighbours.add(i);
  }
  const adjacency: Links[] = [];
  for (let i = 0; i < n; i++) adjacency.push({ to: new Int32Array(degree[i]!), score: new Float64Array(degree[i]!) });
  const fill = new Int32Array(n);
  for (const [i, j, s] of graph.edges) {
    const a = adjacency[i]!;
    const b = adjacency[j]!;
    a.to[fill[i]!] = j;
    a.score[fill[i]!++] = s;
    b.to[fill[j]!] = i;
    b.score[fill[j]!++] = s;
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
  const { linkTop } = options;
  // Scratch for `pushPairs`, indexed by group id (a group is named by one of its nodes, < n).
  const total = new Float64Array(n);
  const best0 = new Float64Array(n);
  const best1 = new Float64Array(n);
  const touched = new Int32Array(n);
  /**
   * The directed linkage from group `g` to every group it is linked to, in one pass over its
   * members' links (the same sums, in the same order, as `directed` per neighbour): a group
   * that grew by merges has many neighbours, and one pass per neighbour would read its links
   * again for each. Only for linkTop ≤ 2 (the best two links in two numbers).
   */
  const directedFrom = (g: number): void => {
    const G = groups[g]!;
    for (const x of G.members) {
      const links = adjacency[x]!;
      let nt = 0;
      for (let k = 0; k < links.to.length; k++) {
        const t = groupOfNode[links.to[k]!]!;
        if (t === g) continue;
        const s = links.score[k]!;
        const b1 = best1[t]!;
        const b0 = best0[t]!;
        if (b0 === 0 && b1 === 0 && s > 0) touched[nt++] = t;
        if (s <= b1) continue;
        if (s > b0) {
          best1[t] = b0;
          best0[t] = s;
        } else best1[t] = s;
      }
      for (let k = 0; k < nt; k++) {
        const t = touched[k]!;
        const m = Math.min(linkTop, groups[t]!.members.length);
        total[t]! += m === 1 ? best0[t]! : (best0[t]! + best1[t]!) / 2;
        best0[t] = 0;
        best1[t] = 0;
      }
    }
  };
  const pushPairs = (g: number, onlyHigher: boolean): void => {
    const G = groups[g]!;
    const isFast = linkTop <= 2;
    if (isFast) directedFrom(g);
    for (const other of G.neighbours) {
      // At the start every pair is seen from both ends: once is enough.
      if (onlyHigher && other < g) continue;
      const O = groups[other]!;
      let s: number;
      if (!isFast) s = linkage(g, G.members, other, O.members, adjacency, groupOf, linkTop);
      else if (G.members.length < O.members.length) s = total[other]! / G.members.length;
      else if (O.members.length < G.members.length) s = directed(O.members, g, Math.min(linkTop, G.members.length), adjacency, groupOf);
      // Two single articles: their one link, both ways.
      else if (G.members.length === 1) s = total[other]!;
      else s = (total[other]! / G.members.length + directed(O.members, g, Math.min(linkTop, G.members.length), adjacency, groupOf)) / 2;
      if (s >= options.threshold) heap.push(s, g, G.version, other, O.version);
    }
    if (isFast) for (const other of G.neighbours) total[other] = 0;
  };
  for (let g = 0; g < n; g++) if (groups[g]!.alive) pushPairs(g, true);

  while (heap.size > 0) {
    heap.pop();
    const A = groups[heap.topLo]!;
    const B = groups[heap.topHi]!;
    if (!A.alive || !B.alive || A.version !== heap.topVlo || B.version !== heap.topVhi) continue;
    if (!options.canMerge(A.members, A.summary, B.members, B.summary)) continue;
    pushPairs(merge(heap.topLo, heap.topHi), false);
  }

  return groups.filter((g) => g.alive).map((g) => g.members);
}
