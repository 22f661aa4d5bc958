/** The `k` ids of highest overlap (ties: lower id), by selection then a sort of the few kept. */
export function topByOverlap(overlap: ReadonlyMap<number, number>, k: number): number[] {
  const ids: number[] = [];
  const values: number[] = [];
  for (const [id, v] of overlap) {
    ids.push(id);
    values.push(v);
  }
  let keep = ids.map((_, i) => i);
  if (keep.length > k) {
    const cut = kthLargest(Float64Array.from(values), k);
    const above = keep.filter((i) => values[i]! > cut);
    const at = keep.filter((i) => values[i]! === cut).sort((a, b) => ids[a]! - ids[b]!);
    keep = above.concat(at.slice(0, k - above.length));
  }
  return keep.sort((a, b) => values[b]! - values[a]! || ids[a]! - ids[b]!).map((i) => ids[i]!);
}

/** The k-th largest value (1 ≤ k ≤ length) by quickselect; reorders `values`. */
function kthLargest(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  const target = k - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! > pivot) i++;
      while (values[j]! < pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i] = values[j]!;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return values[target]!;
  }
  return values[target]!;
}

