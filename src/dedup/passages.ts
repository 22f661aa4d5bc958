import { combineHash, fmix32 } from './hash.js';
import { isUnspacedChar, normalizeText, splitUnspaced } from './normalize.js';
import { splitSentences } from './sentences.js';

/**
 * Dice coefficient of two sentences' character 4-gram sets at or above which they are one
 * sentence with small edits. On generated sentences (passages.test.ts), a respelling, a replaced
 * word, a one-word name swapped for three ("Britain" / "the United Kingdom") or two edits at once
 * keep ≥ 0.81 (1st percentile), while different sentences of one story, sharing its topic words,
 * score max(Dice, containment) ≤ 0.53 at the 99th percentile.
 */
export const SENTENCE_DICE = 0.6;
/**
 * Containment of the shorter sentence's 4-grams in the longer at or above which the shorter is
 * the longer with a clause added (or a sentence the other merged with its neighbour).
 * Generated clause insertions keep ≥ 0.97; different sentences of one story reach 0.74 at most,
 * and only when one of them is a few words long (hence also {@link MIN_CONTAINED_CHARS}).
 */
export const SENTENCE_CONTAINMENT = 0.8;
/** Containment counts only when the shorter sentence has this many normalised characters. */
export const MIN_CONTAINED_CHARS = 30;
/**
 * Sentence pairs are scored only when they share this many word 3-grams (or all of the shorter
 * one's, for sentences of one to three 3-grams). Keeps stock phrases ("said on Thursday") from
 * making every pair a candidate.
 */
export const MIN_SHARED_TRIGRAMS = 2;
/** A word 3-gram found in more sentences than this is too common to generate candidates. */
export const MAX_TRIGRAM_POSTINGS = 2000;
/**
 * Characters of an article aligned, from its start (paragraph breaks counted as two): the length a
 * fact sheet analyses (MAX_ANALYSED_CHARS of the analyse stage), so that a story holding a
 * megabytes-long article is aligned in bounded time and memory. Later paragraphs get no passage.
 */
export const MAX_ALIGNED_CHARS = 100_000;

/** Another article sharing a passage, and how closely (mean sentence similarity ∈ (0,1]). */
export interface SharedWith {
  articleId: number;
  similarity: number;
}

/**
 * A run of consecutive sentences of one paragraph shared with the same set of other articles
 * (or with none: the article's own text).
 */
export interface Passage {
  /** Index of the paragraph in the article. */
  paragraph: number;
  /** First sentence, an index into the article's sentences (all paragraphs, in order). */
  sentenceStart: number;
  /** One past the last sentence. */
  sentenceEnd: number;
  /** The sentences joined by single spaces. */
  text: string;
  /** Articles that carry this passage, ascending by id; empty when the article alone has it. */
  sharedWith: SharedWith[];
}

/** An article as the aligner takes it. */
export interface PassageArticle {
  id: number;
  paragraphs: readonly string[];
  /**
   * The article's language (ISO 639-1, or null when unknown). Given, sentences are split by the
   * text toolkit's rules for that language and text in scripts without spaces is compared by
   * characters (so Chinese, Japanese and Thai passages align); omitted, the English-era rules of
   * DEDUP_VERSION 1 apply.
   */
  language?: string | null;
}

interface SentenceRecord {
  article: number;
  paragraph: number;
  text: string;
  chars: number;
  grams: Uint32Array;
  trigrams: Uint32Array;
  /** Best similarity per other article id. */
  matches: Map<number, number>;
}

interface ArticleRecord {
  sentences: number[];
}

function charGrams(normalized: string): Uint32Array {
  const padded = ` ${normalized} `;
  const count = Math.max(1, padded.length - 3);
  const grams = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let h = 0x811c9dc5;
    for (let j = i; j < Math.min(i + 4, padded.length); j++) h = Math.imul(h ^ padded.charCodeAt(j), 0x01000193);
    grams[i] = h >>> 0;
  }
  return uniqueSorted(grams);
}

function wordTrigrams(normalized: string): Uint32Array {
  const words = normalized === '' ? [] : normalized.split(' ');
  if (words.length === 0) return new Uint32Array(0);
  const hashes = words.map((w) => {
    let h = 0x811c9dc5;
    for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 0x01000193);
    return h >>> 0;
  });
  const k = Math.min(3, hashes.length);
  const grams = new Uint32Array(hashes.length - k + 1);
  for (let i = 0; i < grams.length; i++) {
    let h = 0x1f83d9ab;
    for (let j = 0; j < k; j++) h = combineHash(h, hashes[i + j]!);
    grams[i] = fmix32(h);
  }
  return uniqueSorted(grams);
}

function uniqueSorted(values: Uint32Array): Uint32Array {
  values.sort();
  let unique = 0;
  for (let i = 0; i < values.length; i++) {
    if (unique === 0 || values[unique - 1] !== values[i]) values[unique++] = values[i]!;
  }
  return values.slice(0, unique);
}

function sharedCount(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return shared;
}

/**
 * A Chinese or Japanese character carries about what three Latin letters do (a word of 1.6
 * characters against one of five letters and a space), so it counts three times towards
 * {@link MIN_CONTAINED_CHARS}.
 */
const UNSPACED_CHAR_WEIGHT = 3;

function weightedLength(normalized: string): number {
  let length = normalized.length;
  for (let i = 0; i < normalized.length; i++) if (isUnspacedChar(normalized.charCodeAt(i))) length += UNSPACED_CHAR_WEIGHT - 1;
  return length;
}

/**
 * Similarity ∈ [0,1] of two sentences from their character 4-grams: the Dice coefficient, or the
 * containment of the shorter in the longer when that passes {@link SENTENCE_CONTAINMENT} and the
 * shorter has at least {@link MIN_CONTAINED_CHARS} characters. 0 when neither passes its
 * threshold. Symmetric, deterministic.
 */
export function sentenceSimilarity(a: string, b: string, language?: string | null): number {
  const na = normalizeText(a);
  const nb = normalizeText(b);
  const length = language === undefined ? (t: string) => t.length : weightedLength;
  return scorePair(charGrams(na), length(na), charGrams(nb), length(nb));
}

function scorePair(a: Uint32Array, aChars: number, b: Uint32Array, bChars: number): number {
  if (a.length === 0 || b.length === 0) return 0;
  const shared = sharedCount(a, b);
  const dice = (2 * shared) / (a.length + b.length);
  const containment = shared / Math.min(a.length, b.length);
  const isContained = containment >= SENTENCE_CONTAINMENT && Math.min(aChars, bChars) >= MIN_CONTAINED_CHARS;
  if (isContained) return Math.max(dice, containment);
  return dice >= SENTENCE_DICE ? dice : 0;
}

/**
 * Incremental passage alignment for the articles of one story. {@link PassageAligner.add} matches
 * the new article's sentences against every earlier article's (candidates from an inverted index
 * of word 3-grams, scored on character 4-grams), so adding the n-th article costs about its own
 * sentences times their candidates, not all pairs again. Deterministic for a given order of adds;
 * the matches themselves do not depend on the order.
 */
export class PassageAligner {
  private readonly sentences: SentenceRecord[] = [];
  private readonly articles = new Map<number, ArticleRecord>();
  private readonly trigramIndex = new Map<number, number[]>();

  /** Ids of the aligned articles, in the order added. */
  get articleIds(): number[] {
    return [...this.articles.keys()];
  }

  /**
   * Aligns one more article with those already added.
   * @throws Error when an article with this id was already added.
   */
  add(article: PassageArticle): void {
    if (this.articles.has(article.id)) throw new Error(`PassageAligner.add: article ${article.id} was already added`);
    const record: ArticleRecord = { sentences: [] };
    const newSentences: number[] = [];
    const language = article.language;
    let room = MAX_ALIGNED_CHARS;
    article.paragraphs.forEach((whole, p) => {
      // Past MAX_ALIGNED_CHARS the article is not aligned: its later paragraphs have no passages.
      if (room <= 0) return;
      const paragraph = whole.length <= room ? whole : whole.slice(0, room);
      room -= whole.length + 2;
      for (const text of splitSentences(paragraph, language)) {
        const normalized = normalizeText(text);
        const id = this.sentences.length;
        this.sentences.push({
          article: article.id,
          paragraph: p,
          text,
          chars: language === undefined ? normalized.length : weightedLength(normalized),
          grams: charGrams(normalized),
          trigrams: wordTrigrams(language === undefined ? normalized : splitUnspaced(normalized)),
          matches: new Map(),
        });
        record.sentences.push(id);
        newSentences.push(id);
      }
    });
    for (const id of newSentences) this.matchSentence(id);
    for (const id of newSentences) {
      for (const gram of this.sentences[id]!.trigrams) {
        const postings = this.trigramIndex.get(gram);
        if (postings) postings.push(id);
        else this.trigramIndex.set(gram, [id]);
      }
    }
    this.articles.set(article.id, record);
  }

  /** The passages of one article, in text order; every sentence is in exactly one. */
  passages(articleId: number): Passage[] {
    const record = this.articles.get(articleId);
    if (!record) return [];
    const out: Passage[] = [];
    let run: SentenceRecord[] = [];
    let runStart = 0;
    let runKey = '';
    const flush = (end: number): void => {
      if (run.length === 0) return;
      const first = run[0]!;
      const others = [...first.matches.keys()].sort((a, b) => a - b);
      out.push({
        paragraph: first.paragraph,
        sentenceStart: runStart,
        sentenceEnd: end,
        text: run.map((s) => s.text).join(' '),
        sharedWith: others.map((other) => ({
          articleId: other,
          similarity: run.reduce((sum, s) => sum + (s.matches.get(other) ?? 0), 0) / run.length,
        })),
      });
      run = [];
    };
    record.sentences.forEach((id, index) => {
      const sentence = this.sentences[id]!;
      const key = `${sentence.paragraph}|${[...sentence.matches.keys()].sort((a, b) => a - b).join(',')}`;
      if (run.length > 0 && key !== runKey) flush(index);
      if (run.length === 0) {
        runStart = index;
        runKey = key;
      }
      run.push(sentence);
    });
    flush(record.sentences.length);
    return out;
  }

  /** Passages of every article, keyed by article id, in the order added. */
  allPassages(): Map<number, Passage[]> {
    const out = new Map<number, Passage[]>();
    for (const id of this.articles.keys()) out.set(id, this.passages(id));
    return out;
  }

  private matchSentence(id: number): void {
    const sentence = this.sentences[id]!;
    const counts = new Map<number, number>();
    for (const gram of sentence.trigrams) {
      const postings = this.trigramIndex.get(gram);
      if (!postings || postings.length > MAX_TRIGRAM_POSTINGS) continue;
      for (const other of postings) counts.set(other, (counts.get(other) ?? 0) + 1);
    }
    for (const [otherId, shared] of counts) {
      const other = this.sentences[otherId]!;
      if (other.article === sentence.article) continue;
      const needed = Math.min(MIN_SHARED_TRIGRAMS, sentence.trigrams.length, other.trigrams.length);
      if (shared < needed) continue;
      const similarity = scorePair(sentence.grams, sentence.chars, other.grams, other.chars);
      if (similarity === 0) continue;
      if ((sentence.matches.get(other.article) ?? 0) < similarity) sentence.matches.set(other.article, similarity);
      if ((other.matches.get(sentence.article) ?? 0) < similarity) other.matches.set(sentence.article, similarity);
    }
  }
}

/**
 * Aligns the sentences of the articles of one story: for each article, its passages (runs of
 * sentences within a paragraph) with the other articles that share them, allowing small edits
 * ("U.S."/"US", "Britain"/"the United Kingdom", a clause added, "generalized"/"generalised").
 * Every sentence of every article lands in exactly one passage; `sharedWith` empty means the
 * article's own text. Each article's `language` (when set) picks its sentence rules. Deterministic.
 */
export function alignPassages(articles: readonly PassageArticle[]): Map<number, Passage[]> {
  const aligner = new PassageAligner();
  for (const article of articles) aligner.add(article);
  return aligner.allPassages();
}
