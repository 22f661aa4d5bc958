import { describe, expect, it } from 'vitest';
import { seededRandom } from '../core/random.js';
import { agglomerate, type RegionGraph } from './agglomerate.js';

/**
 * The linkage rule written out plainly (see agglomerate.ts): the mean, over the smaller group,
 * of each article's m strongest links into the larger (m = min(linkTop, larger size)); equal
 * sizes: both directions averaged.
 */
function referenceLinkage(a: readonly number[], b: readonly number[], score: (i: number, j: number) => number, linkTop: number): number {
  const directed = (from: readonly number[], to: readonly number[]): number => {
    const m = Math.min(linkTop, to.length);
    let total = 0;
    for (const x of from) {
      const best = to.map((y) => score(x, y)).sort((p, q) => q - p).slice(0, m);
      total += best.reduce((s, v) => s + v, 0) / m;
    }
    return total / from.length;
  };
  if (a.length < b.length) return directed(a, b);
  if (b.length < a.length) return directed(b, a);
  return (directed(a, b) + directed(b, a)) / 2;
}

/** Greedy best-first merging over every pair of groups, recomputed from scratch at each step. */
function referenceAgglomerate(graph: RegionGraph, threshold: number, linkTop: number): number[][] {
  const weights = new Map<string, number>();
  for (const [i, j, s] of graph.edges) weights.set(`${i},${j}`, s);
  const score = (i: number, j: number): number => weights.get(i < j ? `${i},${j}` : `${j},${i}`) ?? 0;
  let groups = Array.from({ length: graph.n }, (_, i) => [i]);
  for (;;) {
    let best: { s: number; a: number; b: number } | null = null;
    for (let a = 0; a < groups.length; a++) {
      for (let b = a + 1; b < groups.length; b++) {
        const s = referenceLinkage(groups[a]!, groups[b]!, score, linkTop);
        if (s < threshold) continue;
        // Ties: the pair holding the lowest group names (a group is named by its lowest node).
        const key = [groups[a]![0]!, groups[b]![0]!];
        if (!best || s > best.s || (s === best.s && (key[0]! < groups[best.a]![0]! || (key[0] === groups[best.a]![0] && key[1]! < groups[best.b]![0]!)))) best = { s, a, b };
      }
    }
    if (!best) break;
    const merged = [...groups[best.a]!, ...groups[best.b]!].sort((x, y) => x - y);
    groups = groups.filter((_, k) => k !== best.a && k !== best.b).concat([merged]);
    groups.sort((x, y) => x[0]! - y[0]!);
  }
  return groups;
}

function randomGraph(seed: number, n: number, edgesPerNode: number): RegionGraph {
  const random = seededRandom(seed);
  const seen = new Set<string>();
  const edges: Array<[number, number, number]> = [];
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < edgesPerNode; k++) {
      const j = Math.floor(random() * n);
      if (j === i) continue;
      const [a, b] = i < j ? [i, j] : [j, i];
      if (seen.has(`${a},${b}`)) continue;
      seen.add(`${a},${b}`);
      // Scores on a coarse grid, so that ties happen and their order is exercised.
      edges.push([a, b, Math.round(random() * 20) / 40]);
    }
  }
  return { n, edges, mustLink: [] };
}

describe('agglomerate', () => {
  it('gives the groups of the plain linkage rule merged best first, on random graphs with ties', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const graph = randomGraph(seed, 10 + (seed % 25), 1 + (seed % 4));
      for (const linkTop of [1, 2, 3]) {
        const groups = agglomerate(graph, { threshold: 0.12, linkTop, summarise: () => null, combine: (a) => a, canMerge: () => true });
        expect(groups, `seed ${seed}, linkTop ${linkTop}`).toEqual(referenceAgglomerate(graph, 0.12, linkTop));
      }
    }
  });

  it('keeps apart groups that may not merge and merges pinned pairs first', () => {
    const graph: RegionGraph = {
      n: 4,
      edges: [
        [0, 1, 0.9],
        [1, 2, 0.8],
        [2, 3, 0.9],
      ],
      mustLink: [[0, 3]],
    };
    const groups = agglomerate(graph, {
      threshold: 0.12,
      linkTop: 1,
      summarise: (i) => [i],
      combine: (a, b) => [...a, ...b],
      // Article 2 is pinned apart from the pinned pair's group.
      canMerge: (a, _pa, b) => !(a.includes(2) && b.includes(0)) && !(b.includes(2) && a.includes(0)),
    });
    expect(groups).toEqual([[0, 1, 3], [2]]);
  });
});
