import { describe, expect, it } from 'vitest';
import { scoreClustering } from './metrics.js';

const m = (xs: Array<[number, string]>) => new Map(xs);

describe('scoreClustering', () => {
  it('scores a perfect clustering 1', () => {
    const s = scoreClustering(m([[1, 'a'], [2, 'a'], [3, 'b']]), m([[1, 'x'], [2, 'x'], [3, 'y']]));
    expect(s).toMatchObject({ precision: 1, recall: 1, f1: 1, ari: 1, clusters: 2 });
  });

  it('scores singletons with precision 1 and one cluster with recall 1', () => {
    const gold = m([[1, 'x'], [2, 'x'], [3, 'y'], [4, 'y']]);
    const single = scoreClustering(m([[1, 'a'], [2, 'b'], [3, 'c'], [4, 'd']]), gold);
    expect(single.precision).toBe(1);
    expect(single.recall).toBe(0.5);
    const one = scoreClustering(m([[1, 'a'], [2, 'a'], [3, 'a'], [4, 'a']]), gold);
    expect(one.recall).toBe(1);
    expect(one.precision).toBe(0.5);
    expect(one.ari).toBeCloseTo(0);
  });
});
