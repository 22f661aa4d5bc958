/**
 * Deterministic generators of synthetic news text for tests and benchmarks: a seeded PRNG and
 * articles built from a fixed vocabulary, so that runs are reproducible and need no data files.
 */

import { seededRandom } from '../../src/core/random.js';

export { seededRandom };

const SYLLABLES = ['ba', 'ro', 'ki', 'mun', 'del', 'sa', 'tor', 'vi', 'len', 'qua', 'pes', 'dor', 'fi', 'ga', 'lo', 'nir', 'tem', 'zu'];
const COMMON = 'the of and to in a is that for on was with as by at from his her said it an were which are this be has have had not but after officials city government'.split(' ');

/** A vocabulary of `size` made-up words, stable for a seed. */
export function makeVocabulary(size: number, seed = 1): string[] {
  const random = seededRandom(seed);
  const words = new Set<string>();
  while (words.size < size) {
    const n = 2 + Math.floor(random() * 3);
    let word = '';
    for (let i = 0; i < n; i++) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    words.add(word);
  }
  return [...words];
}

/** Builds one article of about `words` words: paragraphs of sentences mixing common and topical words (Zipf-like). */
export function makeArticle(random: () => number, vocabulary: string[], words: number): string[] {
  const paragraphs: string[] = [];
  let count = 0;
  while (count < words) {
    const sentences: string[] = [];
    const perParagraph = 2 + Math.floor(random() * 3);
    for (let s = 0; s < perParagraph; s++) {
      const length = 8 + Math.floor(random() * 18);
      const tokens: string[] = [];
      for (let t = 0; t < length; t++) {
        const pickCommon = random() < 0.45;
        const pool = pickCommon ? COMMON : vocabulary;
        // Zipf-like: squaring a uniform draw favours the first words of the pool.
        const index = Math.floor(random() ** 2 * pool.length);
        tokens.push(pool[index] ?? 'the');
      }
      const sentence = tokens.join(' ');
      sentences.push(`${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`);
      count += length;
    }
    paragraphs.push(sentences.join(' '));
  }
  return paragraphs;
}
