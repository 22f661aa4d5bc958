import { minhashSignature } from './minhash.js';
import { shingleText } from './shingle.js';

/**
 * Version of everything dedup derives from text (normalisation, shingling, hashing, signature,
 * thresholds). Persist it with fingerprints and copy relations; recompute when it changes.
 */
export const DEDUP_VERSION = 1;

/** What copy detection keeps per article. Plain typed arrays: store them as BLOBs. */
export interface Fingerprint {
  /**
   * 64-bit hash (16 hex digits) of the normalised word sequence (see `normalizeText`): equal
   * hashes mean identical normalised text (copy detection also checks the shingle sets).
   */
  textHash: string;
  /** Sorted, duplicate-free 32-bit hashes of the 5-word shingles of the normalised text. */
  shingles: Uint32Array;
  /** 128-value one-permutation MinHash signature of `shingles`. */
  signature: Uint32Array;
}

/**
 * Fingerprints an article's text (its paragraphs joined). Deterministic.
 *
 * `language`: the article's language (ISO 639-1, or null when unknown). Given, text in scripts
 * without spaces (Chinese, Japanese, Thai...) is shingled by characters, so that its copies are
 * found; text in other scripts gets the same fingerprint as without it. Omitted, every text is
 * read as in DEDUP_VERSION 1 (runs of unspaced characters are single words).
 */
export function fingerprint(text: string, language?: string | null): Fingerprint {
  const { shingles, textHash } = shingleText(text, language);
  return { textHash, shingles, signature: minhashSignature(shingles) };
}
