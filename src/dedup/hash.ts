/**
 * 32-bit hashing primitives shared by shingling, MinHash and the LSH index. All of them are
 * deterministic across runs and platforms: they use only `Math.imul` and 32-bit shifts.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over the UTF-16 code units of `text[start, end)`, unsigned 32-bit. */
export function fnv1a(text: string, start = 0, end = text.length): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  }
  return h >>> 0;
}

/** MurmurHash3's 32-bit finaliser: a bijection on uint32 with full avalanche. */
export function fmix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Folds one 32-bit value into a running hash (order-sensitive); finish with {@link fmix32}. */
export function combineHash(h: number, value: number): number {
  const rotated = (h << 5) | (h >>> 27);
  return Math.imul(rotated ^ value, 0x9e3779b1);
}
