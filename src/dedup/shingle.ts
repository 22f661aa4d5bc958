import { combineHash, fmix32 } from './hash.js';
import { classifyChar, isUnspacedChar } from './normalize.js';

/**
 * Words per shingle. Five words is long enough that two independently written articles on one
 * event rarely share a shingle outside quotations (so containment of unrelated text stays near
 * 0), and short enough that a light edit every twenty words still leaves most shingles intact.
 * Measured on generated data (see eval/copies.ts): k=4 raised same-topic containment noise,
 * k=6 lost recall on lightly edited copies.
 */
export const SHINGLE_SIZE = 5;
/**
 * Tokens per shingle in text written mostly (half its tokens or more) in Chinese or Japanese,
 * where each character is a token (see `splitUnspaced`): eight characters are about five words
 * (1.5–1.7 characters a word), the span of a shingle elsewhere. On the invented reports of
 * fixtures/unspaced.ts, two different reports of one event share 2–3 % of their 5-character
 * shingles (containment) and none of their 8-character ones; an edited copy keeps 0.77 and a cut
 * 0.79–0.81 containment at 8 (0.68–0.71 at 12).
 */
export const UNSPACED_SHINGLE_SIZE = 8;
/**
 * The same for text mostly in Thai, Lao, Khmer or Myanmar, whose characters carry less (vowel
 * signs and tone marks are characters, a word is four to six of them): on the Thai reports of
 * fixtures/unspaced.ts different reports share 14 % of their 8-character shingles and 7 % of their
 * 12-character ones, while the edited copy keeps 0.85 and the cut 0.93 at 12.
 */
export const SOUTHEAST_ASIAN_SHINGLE_SIZE = 12;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const SHINGLE_SEED = 0x3c6ef372;
const SPACE = 32;
const ASCII_CLASS = Uint8Array.from({ length: 128 }, (_, code) => classifyChar(code));

// Reused between calls: fingerprinting is single-threaded and these never escape.
let tokenScratch: Uint32Array<ArrayBuffer> = new Uint32Array(1024);
let shingleScratch = new Uint32Array(1024);

/**
 * Hashes the words of `text` into `tokenScratch` (returns the count): the same words as
 * `normalizeText(text).split(' ')`, without building that string. Also folds the word hashes
 * into a 64-bit text hash (`textHashHigh`/`textHashLow`).
 */
function hashTokens(text: string): number {
  const source = text.normalize('NFKC').toLowerCase();
  let count = 0;
  let h = FNV_OFFSET;
  let inToken = false;
  let high = 0x243f6a88;
  let low = 0x13198a2e;
  const length = source.length;
  for (let i = 0; i <= length; i++) {
    const code = i < length ? source.charCodeAt(i) : SPACE;
    const cls = code < 128 ? ASCII_CLASS[code]! : classifyChar(code);
    if (cls === 1) {
      h = Math.imul(h ^ code, FNV_PRIME);
      inToken = true;
    } else if (cls === 0 && inToken) {
      if (count === tokenScratch.length) tokenScratch = growUint32(tokenScratch);
      const token = h >>> 0;
      tokenScratch[count++] = token;
      high = combineHash(high, token);
      low = Math.imul(((low << 13) | (low >>> 19)) ^ token, 0x85ebca77) + 0x165667b1;
      h = FNV_OFFSET;
      inToken = false;
    }
  }
  textHashHigh = fmix32(high ^ count);
  textHashLow = fmix32(low ^ Math.imul(count, 0x27d4eb2f));
  return count;
}

let textHashHigh = 0;
let textHashLow = 0;

// State of hashTokensSplitting, kept at module level like the scratch buffers.
let splitCount = 0;
let splitHigh = 0;
let splitLow = 0;

function pushSplitToken(token: number): void {
  if (splitCount === tokenScratch.length) tokenScratch = growUint32(tokenScratch);
  tokenScratch[splitCount++] = token;
  splitHigh = combineHash(splitHigh, token);
  splitLow = Math.imul(((splitLow << 13) | (splitLow >>> 19)) ^ token, 0x85ebca77) + 0x165667b1;
}

/**
 * {@link hashTokens} where every character of a script without spaces is a token of its own
 * (the words of `tokenize(text, language)`). Text without such characters gives exactly the
 * tokens and text hash of `hashTokens`. Returns [token count, Chinese and Japanese tokens, Thai, Lao, Khmer and Myanmar tokens].
 */
function hashTokensSplitting(text: string): [number, number, number] {
  const source = text.normalize('NFKC').toLowerCase();
  splitCount = 0;
  splitHigh = 0x243f6a88;
  splitLow = 0x13198a2e;
  let cjk = 0;
  let southeastAsian = 0;
  let h = FNV_OFFSET;
  let inToken = false;
  const length = source.length;
  for (let i = 0; i <= length; i++) {
    const code = i < length ? source.charCodeAt(i) : SPACE;
    const cls = code < 128 ? ASCII_CLASS[code]! : classifyChar(code);
    if (cls === 1 && code >= 0x0e00 && isUnspacedChar(code)) {
      if (inToken) pushSplitToken(h >>> 0);
      pushSplitToken(Math.imul(FNV_OFFSET ^ code, FNV_PRIME) >>> 0);
      // Thai, Lao (U+0E00–U+0EFF), Myanmar (U+1000–U+109F), Khmer (U+1780–U+17FF); the rest is Han and kana.
      if (code < 0x0f00 || (code >= 0x1000 && code < 0x10a0) || (code >= 0x1780 && code < 0x1800)) southeastAsian++;
      else cjk++;
      h = FNV_OFFSET;
      inToken = false;
    } else if (cls === 1) {
      h = Math.imul(h ^ code, FNV_PRIME);
      inToken = true;
    } else if (cls === 0 && inToken) {
      pushSplitToken(h >>> 0);
      h = FNV_OFFSET;
      inToken = false;
    }
  }
  textHashHigh = fmix32(splitHigh ^ splitCount);
  textHashLow = fmix32(splitLow ^ Math.imul(splitCount, 0x27d4eb2f));
  return [splitCount, cjk, southeastAsian];
}

function growUint32(array: Uint32Array): Uint32Array<ArrayBuffer> {
  const grown = new Uint32Array(array.length * 2);
  grown.set(array);
  return grown;
}

/** The shingle set of a text and a hash of its normalised words. */
export interface ShingledText {
  /** Sorted, duplicate-free shingle hashes (see {@link shingleSet}). */
  shingles: Uint32Array;
  /** 64-bit hash (16 hex digits) of the normalised word sequence: equal for identical text. */
  textHash: string;
}

/**
 * The word-shingle set of a text, normalised as by `normalizeText`: one 32-bit hash per run of
 * {@link SHINGLE_SIZE} consecutive words, sorted ascending, duplicates removed. A text with fewer
 * words than that has one shingle made of all its words; empty text has none. Deterministic.
 *
 * `language` (the text's ISO 639-1 code, or null when unknown): when given, each character of a
 * script without spaces (Chinese, Japanese, Thai...) is a word, and a text made mostly of such
 * characters is shingled by {@link UNSPACED_SHINGLE_SIZE} (or {@link SOUTHEAST_ASIAN_SHINGLE_SIZE}
 * for Thai, Lao, Khmer, Myanmar); text in other scripts gives the same
 * shingles with or without it. When omitted, such text is read as today (DEDUP_VERSION 1).
 */
export function shingleSet(text: string, language?: string | null): Uint32Array {
  return shingleText(text, language).shingles;
}

/** {@link shingleSet} plus the text hash, in one pass over the text. Deterministic. */
export function shingleText(text: string, language?: string | null): ShingledText {
  let tokens: number;
  let size = SHINGLE_SIZE;
  if (language === undefined) {
    tokens = hashTokens(text);
  } else {
    const [count, cjk, southeastAsian] = hashTokensSplitting(text);
    tokens = count;
    if ((cjk + southeastAsian) * 2 >= count && count > 0) size = southeastAsian > cjk ? SOUTHEAST_ASIAN_SHINGLE_SIZE : UNSPACED_SHINGLE_SIZE;
  }
  const textHash = hex8(textHashHigh) + hex8(textHashLow);
  if (tokens === 0) return { shingles: new Uint32Array(0), textHash };
  const k = Math.min(size, tokens);
  const count = tokens - k + 1;
  if (shingleScratch.length < count) shingleScratch = new Uint32Array(count * 2);
  for (let start = 0; start < count; start++) {
    let h = SHINGLE_SEED;
    for (let j = 0; j < k; j++) h = combineHash(h, tokenScratch[start + j]!);
    shingleScratch[start] = fmix32(h);
  }
  const sorted = sortUint32(shingleScratch.subarray(0, count));
  let unique = 0;
  for (let i = 0; i < count; i++) {
    const value = sorted[i]!;
    if (unique === 0 || sorted[unique - 1] !== value) sorted[unique++] = value;
  }
  return { shingles: sorted.slice(0, unique), textHash };
}

function hex8(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}

let sortScratch = new Uint32Array(1024);
/** Values up to which {@link sortUint32} sorts by buckets: a bucket then holds about 16 values. */
const MAX_BUCKET_SORT = 4_096;
const bucketStarts = new Int32Array(257);

/**
 * Sorts uniformly distributed uint32 values: one counting pass on the top 8 bits, then an
 * insertion sort that only moves values within their bucket. About 5× faster than the native
 * TypedArray sort for a few hundred hashes; beyond {@link MAX_BUCKET_SORT} values the buckets
 * grow and their insertion sorts with the square of their size (a 30 MB text: 5 million shingles,
 * 20,000 a bucket, over a minute), so longer inputs take the native n log n sort. Returns a view
 * of a reused buffer.
 */
function sortUint32(values: Uint32Array): Uint32Array {
  const n = values.length;
  if (sortScratch.length < n) sortScratch = new Uint32Array(n * 2);
  const out = sortScratch.subarray(0, n);
  if (n > MAX_BUCKET_SORT) {
    out.set(values);
    return out.sort();
  }
  bucketStarts.fill(0);
  for (let i = 0; i < n; i++) bucketStarts[(values[i]! >>> 24) + 1]!++;
  for (let b = 0; b < 256; b++) bucketStarts[b + 1]! += bucketStarts[b]!;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    out[bucketStarts[v >>> 24]!++] = v;
  }
  for (let i = 1; i < n; i++) {
    const v = out[i]!;
    let j = i - 1;
    while (j >= 0 && out[j]! > v) {
      out[j + 1] = out[j]!;
      j--;
    }
    out[j + 1] = v;
  }
  return out;
}

/**
 * Size of the intersection of two sorted, duplicate-free shingle sets (linear merge).
 */
export function intersectionSize(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  const n = a.length;
  const m = b.length;
  while (i < n && j < m) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) {
      i++;
    } else {
      j++;
    }
  }
  return shared;
}

/** Exact overlap of two shingle sets. Both empty count as identical (jaccard 1). */
export interface Overlap {
  shared: number;
  /** |A∩B| / |A∪B| ∈ [0,1]. */
  jaccard: number;
  /** |A∩B| / min(|A|,|B|) ∈ [0,1]: how much of the smaller set the larger one contains. */
  containment: number;
}

/** Exact Jaccard and containment of two sorted shingle sets. Symmetric, deterministic. */
export function measureOverlap(a: Uint32Array, b: Uint32Array): Overlap {
  if (a.length === 0 && b.length === 0) return { shared: 0, jaccard: 1, containment: 1 };
  if (a.length === 0 || b.length === 0) return { shared: 0, jaccard: 0, containment: 0 };
  const shared = intersectionSize(a, b);
  return {
    shared,
    jaccard: shared / (a.length + b.length - shared),
    containment: shared / Math.min(a.length, b.length),
  };
}
