/**
 * Clustering quality against gold labels.
 *
 * B-cubed: Bagga & Baldwin, "Algorithms for scoring coreference chains" (1998): per item,
 * precision = |predicted cluster ∩ gold cluster| / |predicted cluster|, recall likewise over the
 * gold cluster; averaged over items. Adjusted Rand index: Hubert & Arabie (1985).
 */
export interface ClusteringScores {
  precision: number;
  recall: number;
  f1: number;
  ari: number;
  /** Number of predicted clusters. */
  clusters: number;
}

function choose2(n: number): number {
  return (n * (n - 1)) / 2;
}

/**
 * Scores `predicted` against `gold`; both map item → cluster label and must have the same items.
 * Deterministic. An empty input scores 1 everywhere.
 */
export function scoreClustering<K, P, G>(predicted: ReadonlyMap<K, P>, gold: ReadonlyMap<K, G>): ClusteringScores {
  const items = [...gold.keys()];
  const n = items.length;
  const predSize = new Map<P, number>();
  const goldSize = new Map<G, number>();
  const joint = new Map<P, Map<G, number>>();
  for (const item of items) {
    const p = predicted.get(item);
    if (p === undefined) throw new Error(`item ${String(item)} has no predicted cluster`);
    const g = gold.get(item)!;
    predSize.set(p, (predSize.get(p) ?? 0) + 1);
    goldSize.set(g, (goldSize.get(g) ?? 0) + 1);
    let row = joint.get(p);
    if (!row) joint.set(p, (row = new Map<G, number>()));
    row.set(g, (row.get(g) ?? 0) + 1);
  }
  if (n === 0) return { precision: 1, recall: 1, f1: 1, ari: 1, clusters: 0 };
  let precision = 0;
  let recall = 0;
  let sumJoint = 0;
  for (const [p, row] of joint) {
    for (const [g, c] of row) {
      precision += (c * c) / predSize.get(p)!;
      recall += (c * c) / goldSize.get(g)!;
      sumJoint += choose2(c);
    }
  }
  precision /= n;
  recall /= n;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  let sumPred = 0;
  for (const s of predSize.values()) sumPred += choose2(s);
  let sumGold = 0;
  for (const s of goldSize.values()) sumGold += choose2(s);
  const expected = (sumPred * sumGold) / choose2(n);
  const max = (sumPred + sumGold) / 2;
  const ari = max === expected ? 1 : (sumJoint - expected) / (max - expected);
  return { precision, recall, f1, ari, clusters: predSize.size };
}
