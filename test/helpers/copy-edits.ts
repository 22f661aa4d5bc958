/**
 * Seeded generators of synthetic news text and of edited copies, for tests, the benchmark and
 * threshold tuning. Not part of the public surface (index.ts does not export it).
 */

import { seededRandom } from '../../src/core/index.js';

/** A seeded PRNG returning floats in [0,1) (mulberry32, see core/random). */
export const createRng = seededRandom;

/** Integer in [0, n). */
export function randomInt(rng: () => number, n: number): number {
  return Math.floor(rng() * n);
}

const SYLLABLES = [
  'ka', 'lo', 'mi', 'ter', 'an', 'su', 'rel', 'po', 'dan', 'vi', 'or', 'shi', 'ben', 'tu', 'gra', 'el',
  'mon', 'ri', 'sa', 'det', 'qu', 'ion', 'par', 'nel', 'cos', 'via', 'ham', 'blu', 'et', 'fo', 'ust', 'ze',
];

/** A vocabulary of `size` distinct pseudo-words with Zipf(1) frequencies. */
export class ZipfVocabulary {
  readonly words: string[];
  private readonly cumulative: Float64Array;

  constructor(rng: () => number, size: number, exponent = 1) {
    const seen = new Set<string>();
    this.words = [];
    while (this.words.length < size) {
      const syllables = 1 + randomInt(rng, 3) + (this.words.length > 200 ? 1 : 0);
      let word = '';
      for (let i = 0; i < syllables; i++) word += SYLLABLES[randomInt(rng, SYLLABLES.length)]!;
      if (!seen.has(word)) {
        seen.add(word);
        this.words.push(word);
      }
    }
    this.cumulative = new Float64Array(size);
    let total = 0;
    for (let rank = 0; rank < size; rank++) {
      total += 1 / (rank + 1) ** exponent;
      this.cumulative[rank] = total;
    }
    for (let rank = 0; rank < size; rank++) this.cumulative[rank]! /= total;
  }

  /** A word drawn by its Zipf frequency. */
  sample(rng: () => number): string {
    const target = rng();
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return this.words[lo]!;
  }
}

/** Options for {@link generateArticle}. */
export interface ArticleOptions {
  /** Approximate number of words. */
  words: number;
  /** Topic words mixed in at `topicRate`, so articles of one story share vocabulary. */
  topic?: readonly string[];
  topicRate?: number;
  /** Sentences quoted verbatim (as shared quotes of one story), inserted as own paragraphs. */
  quotes?: readonly string[];
}

/** One sentence of `count` words, capitalised, ending in a period. */
export function generateSentence(rng: () => number, vocab: ZipfVocabulary, count: number, options?: ArticleOptions): string {
  const words: string[] = [];
  for (let i = 0; i < count; i++) {
    const topic = options?.topic;
    const useTopic = topic && topic.length > 0 && rng() < (options?.topicRate ?? 0.2);
    words.push(useTopic ? topic[randomInt(rng, topic.length)]! : vocab.sample(rng));
  }
  const first = words[0] ?? '';
  words[0] = first.charAt(0).toUpperCase() + first.slice(1);
  return `${words.join(' ')}.`;
}

/** A generated article as paragraphs of 1–3 sentences of 8–30 words. */
export function generateArticle(rng: () => number, vocab: ZipfVocabulary, options: ArticleOptions): string[] {
  const paragraphs: string[] = [];
  let words = 0;
  const quotes = [...(options.quotes ?? [])];
  while (words < options.words) {
    if (quotes.length > 0 && rng() < 0.25) {
      const quote = quotes.shift()!;
      paragraphs.push(`“${quote}” the official said.`);
      words += quote.split(' ').length + 3;
      continue;
    }
    const sentences: string[] = [];
    const sentenceCount = 1 + randomInt(rng, 3);
    for (let s = 0; s < sentenceCount; s++) {
      const count = 8 + randomInt(rng, 23);
      sentences.push(generateSentence(rng, vocab, count, options));
      words += count;
    }
    paragraphs.push(sentences.join(' '));
  }
  return paragraphs;
}

/** The kinds of edit a syndicated copy may carry. */
export type EditKind =
  | 'exact'
  | 'lead-only'
  | 'first-paragraphs'
  | 'retitle'
  | 'spelling'
  | 'insert-paragraphs'
  | 'drop-paragraphs'
  | 'reorder-paragraphs'
  | 'word-edits'
  | 'overlapping-cut';

/** Every edit kind, in a fixed order. */
export const EDIT_KINDS: readonly EditKind[] = [
  'exact',
  'lead-only',
  'first-paragraphs',
  'retitle',
  'spelling',
  'insert-paragraphs',
  'drop-paragraphs',
  'reorder-paragraphs',
  'word-edits',
  'overlapping-cut',
];

/** True for edits that leave a cut (the copy is mostly contained in the original). */
export function isCutEdit(kind: EditKind): boolean {
  return kind === 'lead-only' || kind === 'first-paragraphs' || kind === 'drop-paragraphs' || kind === 'overlapping-cut';
}

/** Text-level hooks for edits that need language knowledge (real spelling variants). */
export interface EditHooks {
  /** Rewrites spelling in one paragraph (e.g. US → UK spellings); default swaps letters. */
  respell?: (paragraph: string, rng: () => number) => string;
  /** A filler paragraph to insert; default generates one. */
  filler?: (rng: () => number) => string;
  /** A title line for retitles. */
  title?: (rng: () => number) => string;
  /** A replacement word for word edits. */
  word?: (rng: () => number) => string;
}

function shuffled<T>(rng: () => number, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(rng, i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function defaultRespell(paragraph: string, rng: () => number): string {
  return paragraph.replace(/\b(\w{6,})\b/g, (word) => (rng() < 0.08 ? `${word.slice(0, -2)}${word.slice(-1)}${word.slice(-2, -1)}` : word));
}

/**
 * Applies one edit to an article's paragraphs and returns the copy's paragraphs. Cuts keep at
 * least one paragraph; a lead-only cut keeps paragraphs from the top until it has 25 words.
 */
export function applyEdit(rng: () => number, paragraphs: readonly string[], kind: EditKind, hooks: EditHooks = {}): string[] {
  const n = paragraphs.length;
  const filler = hooks.filler ?? ((r: () => number) => `Filler ${Math.floor(r() * 1e9)} inserted by the copy desk for local readers today.`);
  switch (kind) {
    case 'exact':
      return [...paragraphs];
    case 'lead-only': {
      // The lead: paragraphs from the top until 25 words (a headline or dateline alone is not).
      let words = 0;
      let end = 0;
      while (end < n && words < 25) words += paragraphs[end++]!.split(' ').length;
      return paragraphs.slice(0, Math.max(1, end));
    }
    case 'first-paragraphs':
      return paragraphs.slice(0, Math.max(1, Math.ceil(n * (0.25 + 0.5 * rng()))));
    case 'overlapping-cut': {
      // Drops a head and keeps the next 50–80 % (two agencies' cuts of one wire text), then
      // prepends one to three paragraphs of its own.
      const start = Math.floor(n * (0.1 + 0.15 * rng()));
      const end = Math.min(n, start + Math.max(1, Math.ceil(n * (0.5 + 0.3 * rng()))));
      const own = Array.from({ length: 1 + randomInt(rng, 3) }, () => filler(rng));
      return [...own, ...paragraphs.slice(start, end)];
    }
    case 'retitle': {
      const title = hooks.title ? hooks.title(rng) : `Breaking ${Math.floor(rng() * 1e6)} update on the matter`;
      return [title, ...paragraphs];
    }
    case 'spelling': {
      const respell = hooks.respell ?? defaultRespell;
      return paragraphs.map((p) => respell(p, rng));
    }
    case 'insert-paragraphs': {
      const out = [...paragraphs];
      const inserts = 1 + randomInt(rng, 3);
      for (let i = 0; i < inserts; i++) out.splice(1 + randomInt(rng, out.length), 0, filler(rng));
      return out;
    }
    case 'drop-paragraphs': {
      if (n <= 2) return [...paragraphs];
      const drops = Math.max(1, Math.floor(n * (0.1 + 0.25 * rng())));
      const dropped = new Set(shuffled(rng, [...paragraphs.keys()].slice(1)).slice(0, drops));
      return paragraphs.filter((_, i) => !dropped.has(i));
    }
    case 'reorder-paragraphs': {
      if (n <= 2) return [...paragraphs].reverse();
      const head = paragraphs.slice(0, 1);
      return [...head, ...shuffled(rng, paragraphs.slice(1))];
    }
    case 'word-edits': {
      const replace = hooks.word ?? ((r: () => number) => `edit${Math.floor(r() * 1e6)}`);
      return paragraphs.map((p) =>
        p
          .split(' ')
          .map((word) => {
            const roll = rng();
            if (roll < 0.015) return '';
            if (roll < 0.03) return replace(rng);
            if (roll < 0.04) return `${word} ${replace(rng)}`;
            return word;
          })
          .filter((word) => word !== '')
          .join(' '),
      );
    }
  }
}
