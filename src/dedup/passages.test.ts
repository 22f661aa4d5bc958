import { describe, expect, it } from 'vitest';
import { MAX_ALIGNED_CHARS, PassageAligner, alignPassages, sentenceSimilarity } from './passages.js';
import type { Passage, PassageArticle } from './passages.js';
import { splitSentences } from './sentences.js';
import { ZipfVocabulary, createRng, generateArticle, generateSentence, randomInt } from '../../test/helpers/copy-edits.js';

const rng = createRng(11);
const vocab = new ZipfVocabulary(rng, 4000);
const topic = Array.from({ length: 30 }, () => vocab.words[100 + randomInt(rng, 3000)]!);
const story = { words: 0, topic, topicRate: 0.35 };

const EDITS: Record<string, (s: string) => string> = {
  'replaced word': (s) => {
    const words = s.split(' ');
    words[1 + randomInt(rng, words.length - 1)] = vocab.sample(rng);
    return words.join(' ');
  },
  respelling: (s) => s.replace(/(\w{5,})/, (m) => `${m.slice(0, -2)}is`),
  'clause added': (s) => {
    const words = s.split(' ');
    const clause = generateSentence(rng, vocab, 6).toLowerCase().replace('.', ',');
    words.splice(1 + randomInt(rng, words.length - 1), 0, clause);
    return words.join(' ');
  },
  'one word for three': (s) => {
    const words = s.split(' ');
    words.splice(1 + randomInt(rng, words.length - 1), 1, 'the', 'United', 'Kingdom');
    return words.join(' ');
  },
};

describe('sentenceSimilarity on generated sentences', () => {
  it.each(Object.keys(EDITS))('matches a sentence with a %s', (name) => {
    for (let i = 0; i < 200; i++) {
      const sentence = generateSentence(rng, vocab, 10 + randomInt(rng, 25), story);
      expect(sentenceSimilarity(sentence, EDITS[name]!(sentence))).toBeGreaterThan(0.75);
    }
  });

  it('does not match different sentences of one story', () => {
    for (let i = 0; i < 1000; i++) {
      const a = generateSentence(rng, vocab, 4 + randomInt(rng, 30), story);
      const b = generateSentence(rng, vocab, 4 + randomInt(rng, 30), story);
      expect(sentenceSimilarity(a, b)).toBe(0);
    }
  });

  it('is symmetric and 1 for identical sentences', () => {
    const a = 'France and Britain are pushing a separate initiative.';
    const b = 'France and the United Kingdom are pushing a separate initiative.';
    expect(sentenceSimilarity(a, a)).toBe(1);
    expect(sentenceSimilarity(a, b)).toBe(sentenceSimilarity(b, a));
    expect(sentenceSimilarity(a, b)).toBeGreaterThan(0.6);
    expect(sentenceSimilarity('', a)).toBe(0);
  });
});

function makeStory(): PassageArticle[] {
  const wire = generateArticle(rng, vocab, { words: 300, topic, topicRate: 0.35 });
  const own = (): string[] => generateArticle(rng, vocab, { words: 150, topic, topicRate: 0.35 });
  const edit = EDITS['replaced word']!;
  return [
    { id: 10, paragraphs: wire },
    { id: 11, paragraphs: [...own(), ...wire.slice(0, 3).map(edit)] },
    { id: 12, paragraphs: [wire[1]!, ...own()] },
    { id: 13, paragraphs: own() },
  ];
}

function covered(passages: readonly Passage[]): number[] {
  return passages.flatMap((p) => Array.from({ length: p.sentenceEnd - p.sentenceStart }, (_, i) => p.sentenceStart + i));
}

describe('alignPassages', () => {
  const articles = makeStory();
  const aligned = alignPassages(articles);

  it('puts every sentence in exactly one passage, in order', () => {
    for (const article of articles) {
      const count = article.paragraphs.flatMap((p) => splitSentences(p)).length;
      expect(covered(aligned.get(article.id)!)).toEqual(Array.from({ length: count }, (_, i) => i));
    }
  });

  it('finds the shared passages and leaves the rest own', () => {
    const sharedBy = (id: number): number[] => [
      ...new Set(aligned.get(id)!.flatMap((p) => p.sharedWith.map((s) => s.articleId))),
    ].sort((a, b) => a - b);
    expect(sharedBy(10)).toEqual([11, 12]);
    expect(sharedBy(11)).toEqual([10, 12]);
    expect(sharedBy(12)).toEqual([10, 11]);
    expect(sharedBy(13)).toEqual([]);
    const wireParagraph1 = aligned.get(10)!.filter((p) => p.paragraph === 1);
    expect(wireParagraph1.every((p) => p.sharedWith.some((s) => s.articleId === 12 && s.similarity === 1))).toBe(true);
  });

  it('does not depend on the order articles are added', () => {
    const reversed = alignPassages([...articles].reverse());
    for (const article of articles) expect(reversed.get(article.id)).toEqual(aligned.get(article.id));
  });

  it('adds articles incrementally and rejects a repeated id', () => {
    const aligner = new PassageAligner();
    aligner.add(articles[0]!);
    expect(aligner.passages(10).every((p) => p.sharedWith.length === 0)).toBe(true);
    aligner.add(articles[2]!);
    expect(aligner.passages(10).some((p) => p.sharedWith.length > 0)).toBe(true);
    expect(() => aligner.add(articles[0]!)).toThrow(/already added/);
    expect(aligner.passages(999)).toEqual([]);
    expect(aligner.articleIds).toEqual([10, 12]);
  });

  it('handles empty articles', () => {
    expect(alignPassages([{ id: 1, paragraphs: [] }, { id: 2, paragraphs: ['', '  '] }])).toEqual(
      new Map([
        [1, []],
        [2, []],
      ]),
    );
  });
});

describe('alignPassages on a megabytes-long article', () => {
  it('aligns its first MAX_ALIGNED_CHARS characters only: shared passages there, none past it', () => {
    const shared = 'The river rose four metres overnight and forced the evacuation of the lower town, the mayor said.';
    const filler = Array.from({ length: 40 }, (_, i) => `Paragraph ${i} of the long report describes the damage street by street in words of its own.`);
    const long: string[] = [shared];
    while (long.join('\n\n').length < MAX_ALIGNED_CHARS * 30) long.push(...filler);
    long.push(shared);
    const aligned = alignPassages([
      { id: 1, paragraphs: long },
      { id: 2, paragraphs: [shared] },
    ]);
    const passages = aligned.get(1)!;
    expect(passages.find((p) => p.paragraph === 0)?.sharedWith.map((w) => w.articleId)).toEqual([2]);
    expect(passages.every((p) => p.paragraph < long.length - 1)).toBe(true);
    const alignedChars = passages.reduce((n, p) => n + p.text.length, 0);
    expect(alignedChars).toBeLessThanOrEqual(MAX_ALIGNED_CHARS);
  });
});
