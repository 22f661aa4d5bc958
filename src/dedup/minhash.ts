import { fmix32 } from './hash.js';

/**
 * MinHash signatures by one-permutation hashing with optimal densification
 * (Li, Owen & Zhang, "One Permutation Hashing", NIPS 2012; Shrivastava, "Optimal Densification
 * for Fast and Accurate Minwise Hashing", ICML 2017).
 *
 * The shingle hashes are already uniformly mixed 32-bit values, so the top 7 bits pick one of 128
 * bins and the hash itself orders shingles within a bin. Because shingle sets are kept sorted,
 * the minimum of every bin is simply the first shingle that falls in it: a signature costs one
 * pass over the set (O(n + 128)) instead of 128 hash evaluations per shingle, while
 * Pr[sig_i(A) = sig_i(B)] = J(A,B) still holds bin by bin (the LSH property).
 */

/** Number of MinHash values per signature. */
export const SIGNATURE_SIZE = 128;
const BIN_SHIFT = 25; // 32 - log2(SIGNATURE_SIZE)
/** Value of every bin in the signature of an empty set. */
export const EMPTY_BIN = 0xffffffff;
const MAX_PROBES = 4096;

/**
 * The bin that empty bin `bin` borrows from on probe `attempt` (1, 2, …). A fixed sequence per
 * bin, independent of the set, so two sets with the same non-empty bins borrow alike.
 */
export function densificationProbe(bin: number, attempt: number): number {
  return fmix32(Math.imul(bin + 1, 0x9e3779b1) ^ Math.imul(attempt, 0x85ebca77)) >>> BIN_SHIFT;
}

/**
 * The 128-value MinHash signature of a sorted, duplicate-free shingle set. Deterministic. An
 * empty set gives {@link EMPTY_BIN} everywhere.
 */
export function minhashSignature(sortedShingles: Uint32Array): Uint32Array {
  const signature = new Uint32Array(SIGNATURE_SIZE).fill(EMPTY_BIN);
  const n = sortedShingles.length;
  if (n === 0) return signature;
  const filled = new Uint8Array(SIGNATURE_SIZE);
  let filledCount = 0;
  for (let i = 0; i < n; i++) {
    const h = sortedShingles[i]!;
    const bin = h >>> BIN_SHIFT;
    if (filled[bin] === 0) {
      filled[bin] = 1;
      signature[bin] = h;
      filledCount++;
      if (filledCount === SIGNATURE_SIZE) return signature;
    }
  }
  for (let bin = 0; bin < SIGNATURE_SIZE; bin++) {
    if (filled[bin] === 1) continue;
    signature[bin] = borrow(signature, filled, bin);
  }
  return signature;
}

function borrow(signature: Uint32Array, filled: Uint8Array, bin: number): number {
  for (let attempt = 1; attempt <= MAX_PROBES; attempt++) {
    const source = densificationProbe(bin, attempt);
    if (filled[source] === 1) return signature[source]!;
  }
  // Practically unreachable (needs ≥ 4096 misses); fall back to the next filled bin, still
  // a function of the set of filled bins only.
  for (let step = 1; step < SIGNATURE_SIZE; step++) {
    const source = (bin + step) % SIGNATURE_SIZE;
    if (filled[source] === 1) return signature[source]!;
  }
  return EMPTY_BIN;
}

/**
 * Estimated Jaccard similarity ∈ [0,1]: the fraction of positions where two signatures agree.
 * Two empty-set signatures estimate 1; an empty and a non-empty one 0. Symmetric.
 */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  const length = Math.min(a.length, b.length);
  if (length === 0) return 0;
  let equal = 0;
  for (let i = 0; i < length; i++) if (a[i] === b[i]) equal++;
  return equal / length;
}
