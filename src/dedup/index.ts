/**
 * dedup: syndicated-copy detection and passage alignment. Pure, in-memory, deterministic; no I/O.
 *
 * Copies (between any two articles):
 *  1. {@link fingerprint} (text, and the article's language when known) normalises the text
 *     (NFKC, lower case, "U.S." → "us", quotes, dashes and punctuation removed), hashes its 5-word shingles into a sorted `Uint32Array`, and
 *     computes a 128-value one-permutation MinHash signature. With a language, each character of
 *     a script without spaces (Chinese, Japanese, Thai...) is a word and mostly-unspaced text is
 *     shingled by UNSPACED_SHINGLE_SIZE (Thai, Lao, Khmer, Myanmar:
 *     SOUTHEAST_ASIAN_SHINGLE_SIZE) characters; other text is unchanged by the language.
 *     Persist the three fields (typed arrays as BLOBs) with {@link DEDUP_VERSION}.
 *  2. {@link CopyIndex.add} finds candidates ("anchor" shingles, a content-defined 1-in-4
 *     sample that survives cuts, whose Jaccard is low; plus LSH bands over the signature for
 *     short texts, under LSH_MAX_SHINGLES, whose anchor sample is small),
 *     verifies each on the exact shingle sets and returns {@link CopyMatch}es:
 *     `identical` (same normalised text), `near-identical` (Jaccard ≥ NEAR_IDENTICAL_JACCARD),
 *     `contained` / `contains` (≥ CONTAINMENT_THRESHOLD of the smaller text's shingles are in the
 *     larger, with ≥ MIN_SHARED_SHINGLES shared). The index is not serialised: rebuild it by
 *     re-adding persisted fingerprints in their original order (the add step alone, no
 *     re-fingerprinting).
 *  3. {@link CopyGroups} unions copy relations into groups, each with its earliest member;
 *     `toJSON()` / `CopyGroups.fromJSON()` give plain arrays.
 *
 * Passages (between the articles of one story):
 *  - {@link splitSentences} splits text, aware of titles, initials, dotted acronyms and quotes
 *    (with a language: the text toolkit's splitter for it).
 *  - {@link alignPassages} (or {@link PassageAligner} incrementally) matches sentences allowing
 *    small edits and returns, per article, its {@link Passage}s: runs of sentences of one
 *    paragraph with the other articles that carry them (`sharedWith` empty: its own text).
 *
 * @example
 * const index = new CopyIndex();
 * const groups = new CopyGroups();
 * for (const a of articles) {
 *   groups.add(a.id, a.publishedMs);
 *   for (const m of index.add(a.id, fingerprint(a.paragraphs.join('\n\n')))) groups.link(a.id, m.other);
 * }
 * groups.earliest(someId); // the original of someId's copies
 */
export { DEDUP_VERSION, fingerprint } from './fingerprint.js';
export type { Fingerprint } from './fingerprint.js';
export {
  ANCHOR_RATE,
  CONTAINMENT_THRESHOLD,
  CopyIndex,
  LSH_BANDS,
  LSH_MAX_SHINGLES,
  MIN_SHARED_SHINGLES,
  NEAR_IDENTICAL_JACCARD,
} from './copy-index.js';
export type { CopyIndexStats, CopyKind, CopyMatch } from './copy-index.js';
export { CopyGroups } from './copy-groups.js';
export type { CopyGroupsState } from './copy-groups.js';
export { normalizeText, splitUnspaced, tokenize } from './normalize.js';
export { SHINGLE_SIZE, SOUTHEAST_ASIAN_SHINGLE_SIZE, UNSPACED_SHINGLE_SIZE, measureOverlap, shingleSet } from './shingle.js';
export type { Overlap } from './shingle.js';
export { SIGNATURE_SIZE, estimateJaccard, minhashSignature } from './minhash.js';
export { splitSentences } from './sentences.js';
export {
  PassageAligner,
  SENTENCE_CONTAINMENT,
  SENTENCE_DICE,
  alignPassages,
  sentenceSimilarity,
} from './passages.js';
export type { Passage, PassageArticle, SharedWith } from './passages.js';
