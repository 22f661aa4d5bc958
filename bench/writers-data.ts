import type { RawDocument } from '../src/core/types.js';
import { makeArticle, makeVocabulary, seededRandom } from '../test/helpers/generate.js';

const VOCABULARY = makeVocabulary(5000, 21);

/** Generated article number `i`: the same text for the same number in every process. */
export function benchArticle(i: number): RawDocument {
  const paragraphs = makeArticle(seededRandom(10_000 + i), VOCABULARY, 150);
  return {
    origin: { input: `bench-writers-${i}` },
    format: 'text',
    content: paragraphs.join('\n\n'),
    hints: { id: `w${i}`, title: `Report ${i}`, source: `Outlet ${i % 9}`, published: `2026-10-${String(1 + (i % 28)).padStart(2, '0')}` },
  };
}
