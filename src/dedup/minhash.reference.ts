/**
 * Naive reference implementations, written for obviousness, not speed. Tests compare the fast
 * path (`shingleSet` + `minhashSignature`) against them bit for bit, and compare the estimate
 * quality of one-permutation hashing with textbook 128-permutation MinHash.
 */

const SHINGLE_SIZE = 5;
const SIGNATURE_SIZE = 128;
const EMPTY_BIN = 0xffffffff;

function fnv(word: string): number {
  let h = 0x811c9dc5;
  for (const unit of Array.from({ length: word.length }, (_, i) => word.charCodeAt(i))) {
    h = Number((BigInt(h ^ unit) * 0x01000193n) % 2n ** 32n);
    h = h >>> 0;
  }
  return h;
}

function mix(x: number): number {
  let h = BigInt(x >>> 0);
  const m32 = 2n ** 32n;
  h ^= h >> 16n;
  h = (h * 0x85ebca6bn) % m32;
  h ^= h >> 13n;
  h = (h * 0xc2b2ae35n) % m32;
  h ^= h >> 16n;
  return Number(h);
}

function combine(h: number, value: number): number {
  const m32 = 2n ** 32n;
  const x = BigInt(h >>> 0);
  const rotated = ((x << 5n) | (x >> 27n)) % m32;
  return Number(((rotated ^ BigInt(value >>> 0)) * 0x9e3779b1n) % m32);
}

/** Shingle hashes of normalised text by splitting on spaces and using a Set. */
export function referenceShingles(normalized: string): number[] {
  const words = normalized.split(' ').filter((w) => w !== '');
  if (words.length === 0) return [];
  const k = Math.min(SHINGLE_SIZE, words.length);
  const set = new Set<number>();
  for (let start = 0; start + k <= words.length; start++) {
    let h = 0x3c6ef372;
    for (const word of words.slice(start, start + k)) h = combine(h, fnv(word));
    set.add(mix(h));
  }
  return [...set].sort((a, b) => a - b);
}

function probe(bin: number, attempt: number): number {
  const m32 = 2n ** 32n;
  const a = (BigInt(bin + 1) * 0x9e3779b1n) % m32;
  const b = (BigInt(attempt) * 0x85ebca77n) % m32;
  return Math.floor(mix(Number(a ^ b)) / 2 ** 25);
}

/** One-permutation MinHash with optimal densification, bin by bin over the whole set. */
export function referenceSignature(shingles: readonly number[]): number[] {
  if (shingles.length === 0) return new Array<number>(SIGNATURE_SIZE).fill(EMPTY_BIN);
  const bins: Array<number | null> = [];
  for (let bin = 0; bin < SIGNATURE_SIZE; bin++) {
    const inBin = shingles.filter((h) => Math.floor(h / 2 ** 25) === bin);
    bins.push(inBin.length === 0 ? null : Math.min(...inBin));
  }
  return bins.map((value, bin) => {
    if (value !== null) return value;
    for (let attempt = 1; attempt <= 4096; attempt++) {
      const source = bins[probe(bin, attempt)];
      if (source !== null && source !== undefined) return source;
    }
    for (let step = 1; step < SIGNATURE_SIZE; step++) {
      const source = bins[(bin + step) % SIGNATURE_SIZE];
      if (source !== null && source !== undefined) return source;
    }
    return EMPTY_BIN;
  });
}

const MERSENNE_61 = 2n ** 61n - 1n;

/**
 * Textbook MinHash: `count` random permutations h ↦ (a·h + b) mod (2^61 − 1), the minimum of
 * each over the set (Broder, "On the resemblance and containment of documents", 1997).
 * `seed` picks the permutations deterministically.
 */
export function classicMinHash(shingles: readonly number[], count = SIGNATURE_SIZE, seed = 1): bigint[] {
  let state = BigInt(seed);
  const next = (): bigint => {
    state = (state * 6364136223846793005n + 1442695040888963407n) % 2n ** 64n;
    return (state >> 3n) % MERSENNE_61;
  };
  const signature: bigint[] = [];
  for (let i = 0; i < count; i++) {
    const a = next() | 1n;
    const b = next();
    let min = MERSENNE_61;
    for (const h of shingles) {
      const value = (a * BigInt(h) + b) % MERSENNE_61;
      if (value < min) min = value;
    }
    signature.push(min);
  }
  return signature;
}

/** Exact Jaccard of two duplicate-free arrays; both empty → 1. */
export function exactJaccard(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  const setB = new Set(b);
  const shared = a.filter((x) => setB.has(x)).length;
  return shared / (a.length + b.length - shared);
}
