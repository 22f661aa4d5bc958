import { findMarkedSpans } from '../quotes/index.js';
import { contentTerms } from '../text.js';

/** How many sentences a summary has at least and at most (fewer only when the story has fewer). */
export const MIN_SUMMARY_SENTENCES = 5;
export const MAX_SUMMARY_SENTENCES = 8;
/** MMR trade-off λ ∈ [0,1]: 1 = relevance only, 0 = novelty only (Carbonell & Goldstein 1998). */
export const MMR_LAMBDA = 0.7;
/** Two sentences of articles sharing a passage are one sentence above this Dice of content stems. */
export const SAME_SENTENCE_DICE = 0.5;
/** Sentences shorter or longer than this (in words) read badly in a summary. */
const MIN_WORDS = 8;
const MAX_WORDS = 60;
/** Relevance multiplier of a sentence opening on a word that points back (`He`, `But`, `This`). */
const DANGLING_PENALTY = 0.35;
/** MMR looks at this many most relevant sentences only: long stories have thousands. */
const MAX_CANDIDATES = 300;
/** Terms kept in the story centroid (MEAD keeps the top words of the cluster). */
const CENTROID_TERMS = 200;

const REGEXPS = {
  // Words that refer back to an earlier sentence; "There will be" or "This week" do not.
  dangling:
    /^(?:he|she|it|they|him|her|his|hers|its|their|them|we|this|that|these|those|but|and|also|however|yet|still|so|such|then|meanwhile|instead|moreover|furthermore|besides|otherwise|nonetheless|nevertheless|thus|hence|both|the latter|the former)\b(?!\s+(?:week|month|year|morning|afternoon|evening|weekend|spring|summer|autumn|fall|winter)\b)/i,
  word: /\S+/g,
  lower: /\p{Ll}/u,
  startsLower: /^[\p{Ll}]/u,
  leadingQuote: /^["“‘'«]/,
  anyMark: /["“”„«»]/,
  closingMark: /["”»]/,
};

/** One sentence of one article as the summariser takes it. */
export interface SummarizerSentence {
  text: string;
  /** Ids of the other articles carrying this sentence (passage alignment). */
  sharedWith: readonly number[];
  /** `contentTerms(text, language)` when already known (a caller may cache it per article). */
  stems?: ReadonlySet<string>;
}

/** One article: its id and sentences in text order. Articles are given in story order. */
export interface SummarizerArticle {
  id: number;
  /** The article's language, for its content words; English when not given. */
  language?: string | null;
  sentences: readonly SummarizerSentence[];
}

/** A chosen sentence. */
export interface SummaryPick {
  articleId: number;
  /** Index among the article's sentences. */
  sentence: number;
  text: string;
  /** Every article carrying the sentence, in story order. */
  articleIds: number[];
  score: number;
}

export interface SummarizeOptions {
  /** Number of sentences; default grows with the number of articles from 5 to 8. */
  sentences?: number;
  /**
   * The story's main language: sentences of articles in it are chosen first, and sentences in
   * other languages only when it has too few, so a summary reads in one language where it can.
   */
  preferLanguage?: string | null;
}

interface Unit {
  articleId: number;
  sentence: number;
  text: string;
  stems: ReadonlySet<string>;
  articles: Set<number>;
  /** Relative position (0 = lead) in each carrying article; the minimum orders the summary. */
  position: number;
  isEligible: boolean;
  isDangling: boolean;
  vector: Map<string, number>;
  relevance: number;
}

/**
 * Extractive summary of a story's articles.
 *
 * 1. Units: a sentence carried by several articles (passage alignment's `sharedWith`, confirmed
 *    by a Dice ≥ {@link SAME_SENTENCE_DICE} of content stems) is one unit citing them all, so it
 *    counts once but scores for its spread.
 * 2. Relevance: cosine of the unit's TF-IDF vector with the story centroid (the spread-weighted
 *    sum of all units; Radev et al. 2004, "Centroid-based summarization of multiple documents",
 *    MEAD), times a spread factor (share of articles carrying it, log-scaled), a lead-position
 *    factor, and a penalty for an opening word that points back to a missing sentence.
 * 3. Selection: maximal marginal relevance, λ·relevance − (1−λ)·max cosine to the chosen
 *    (Carbonell & Goldstein 1998, "The use of MMR, diversity-based reranking...").
 * 4. Order: by the earliest relative position among the carrying articles, so the summary reads
 *    lead first, then background.
 *
 * Deterministic; articles must be given in story order (it breaks ties).
 */
export function summarize(articles: readonly SummarizerArticle[], opts: SummarizeOptions = {}): SummaryPick[] {
  const order = new Map(articles.map((a, i) => [a.id, i]));
  const units = buildUnits(articles);
  if (units.length === 0) return [];
  weigh(units, articles.length);

  const eligible = units.filter((u) => u.isEligible && u.relevance > 0);
  const pool = (eligible.length > 0 ? eligible : units)
    .slice()
    .sort((a, b) => b.relevance - a.relevance || compareUnits(a, b, order))
    .slice(0, MAX_CANDIDATES);
  const wanted = opts.sentences ?? Math.min(MAX_SUMMARY_SENTENCES, MIN_SUMMARY_SENTENCES + Math.floor(Math.log2(Math.max(1, articles.length))));
  const chosen: Unit[] = [];
  const maxSim = new Map<Unit, number>(pool.map((u) => [u, 0]));
  const languageOf = new Map(articles.map((a) => [a.id, a.language ?? null]));
  const preferred = opts.preferLanguage ?? null;
  const isPreferred = (u: Unit): boolean => preferred === null || languageOf.get(u.articleId) === preferred;
  // Sentences of the main language first; the others once it has no candidate left.
  let onlyPreferred = preferred !== null && pool.some(isPreferred);
  while (chosen.length < wanted && chosen.length < pool.length) {
    let best: Unit | null = null;
    let bestScore = -Infinity;
    for (const u of pool) {
      if (chosen.includes(u) || (onlyPreferred && !isPreferred(u))) continue;
      const score = MMR_LAMBDA * u.relevance - (1 - MMR_LAMBDA) * (maxSim.get(u) ?? 0);
      if (score > bestScore) {
        best = u;
        bestScore = score;
      }
    }
    if (!best) {
      if (!onlyPreferred) break;
      onlyPreferred = false;
      continue;
    }
    chosen.push(best);
    for (const u of pool) maxSim.set(u, Math.max(maxSim.get(u) ?? 0, cosine(u.vector, best.vector)));
  }
  return chosen
    .sort((a, b) => a.position - b.position || compareUnits(a, b, order))
    .map((u) => ({
      articleId: u.articleId,
      sentence: u.sentence,
      text: u.text,
      articleIds: [...u.articles].sort((x, y) => (order.get(x) ?? Infinity) - (order.get(y) ?? Infinity) || x - y),
      score: Math.round(u.relevance * 1000) / 1000,
    }));
}

function compareUnits(a: Unit, b: Unit, order: Map<number, number>): number {
  return (order.get(a.articleId) ?? 0) - (order.get(b.articleId) ?? 0) || a.sentence - b.sentence;
}

function buildUnits(articles: readonly SummarizerArticle[]): Unit[] {
  const units: Unit[] = [];
  const byArticle = new Map<number, Unit[]>();
  for (const article of articles) {
    const own: Unit[] = [];
    const count = article.sentences.length;
    article.sentences.forEach((s, i) => {
      const stems = s.stems ?? contentTerms(s.text, article.language);
      const position = count > 1 ? i / (count - 1) : 0;
      let best: Unit | null = null;
      let bestDice = SAME_SENTENCE_DICE;
      for (const other of s.sharedWith) {
        for (const u of byArticle.get(other) ?? []) {
          // One sentence per article in a unit.
          if (own.includes(u)) continue;
          const d = dice(stems, u.stems);
          if (d >= bestDice) {
            best = u;
            bestDice = d;
          }
        }
        // The first earlier article carrying it holds its unit: a wire sentence shared by hundreds
        // of copies must not be compared with all of them.
        if (best !== null) break;
      }
      if (best !== null) {
        best.articles.add(article.id);
        for (const o of s.sharedWith) best.articles.add(o);
        best.position = Math.min(best.position, position);
        own.push(best);
        return;
      }
      const words = s.text.match(REGEXPS.word)?.length ?? 0;
      const unit: Unit = {
        articleId: article.id,
        sentence: i,
        text: s.text,
        stems,
        articles: new Set([article.id, ...s.sharedWith]),
        position,
        isEligible:
          words >= MIN_WORDS &&
          words <= MAX_WORDS &&
          REGEXPS.lower.test(s.text) &&
          !REGEXPS.startsLower.test(s.text) &&
          /[.!?"”’)]$/.test(s.text) &&
          hasWholeQuotes(s.text),
        isDangling: !REGEXPS.leadingQuote.test(s.text) && REGEXPS.dangling.test(s.text),
        vector: new Map(),
        relevance: 0,
      };
      units.push(unit);
      own.push(unit);
    });
    // Later articles find a unit through any article with a sentence in it.
    byArticle.set(article.id, own);
  }
  return units;
}

function weigh(units: Unit[], articleCount: number): void {
  const df = new Map<string, number>();
  for (const u of units) for (const s of u.stems) df.set(s, (df.get(s) ?? 0) + 1);
  for (const u of units) {
    let norm = 0;
    for (const s of u.stems) {
      const w = Math.log(1 + units.length / (df.get(s) ?? 1));
      u.vector.set(s, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (const [s, w] of u.vector) u.vector.set(s, w / norm);
  }
  const centroidAll = new Map<string, number>();
  for (const u of units) {
    const spread = u.articles.size;
    for (const [s, w] of u.vector) centroidAll.set(s, (centroidAll.get(s) ?? 0) + w * spread);
  }
  const centroid = new Map(
    [...centroidAll].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, CENTROID_TERMS),
  );
  let cnorm = 0;
  for (const w of centroid.values()) cnorm += w * w;
  cnorm = Math.sqrt(cnorm);
  const logN = Math.log(1 + articleCount);
  let max = 0;
  for (const u of units) {
    let dot = 0;
    for (const [s, w] of u.vector) dot += w * (centroid.get(s) ?? 0);
    const centrality = cnorm > 0 ? dot / cnorm : 0;
    const spread = articleCount > 1 ? Math.log(1 + u.articles.size) / logN : 1;
    const lead = 1 - 0.4 * u.position;
    u.relevance = centrality * (0.5 + 0.5 * spread) * lead * (u.isDangling ? DANGLING_PENALTY : 1);
    max = Math.max(max, u.relevance);
  }
  if (max > 0) for (const u of units) u.relevance /= max;
}

/**
 * True when every quotation of the sentence opens and closes inside it: a sentence cut from a
 * quote of several sentences ("…crew. Divers will…," he said.) would print a stray mark and
 * show words as said without their first part.
 */
function hasWholeQuotes(text: string): boolean {
  if (!REGEXPS.anyMark.test(text)) return true;
  const spans = findMarkedSpans(text);
  if (spans.some((span) => span.close === null)) return false;
  for (let i = 0; i < text.length; i++) {
    if (!REGEXPS.closingMark.test(text[i]!)) continue;
    if (!spans.some((span) => span.open <= i && i <= span.close!)) return false;
  }
  return true;
}

function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const s of a) if (b.has(s)) shared += 1;
  return (2 * shared) / (a.size + b.size);
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [s, w] of small) dot += w * (large.get(s) ?? 0);
  return dot;
}
