import type { Passage } from '../dedup/index.js';
import type { Citation, CoverageEntry, SheetArticle, SheetFigureGroup, SpeakerQuotes } from './types.js';

/** An article with what the coverage needs of it. */
export interface CoverageInput {
  article: SheetArticle;
  paragraphs: readonly string[];
  passages: readonly Passage[];
  sentenceCount: number;
}

/**
 * Per article, in the given (story) order: when it published, its length, its copy group and who
 * published that text first, which articles share its sentences, and what only it reports: its own
 * passages (alignment), quotes and figures. Deterministic.
 */
export function buildCoverage(
  inputs: readonly CoverageInput[],
  quotes: readonly SpeakerQuotes[],
  figures: readonly SheetFigureGroup[],
): CoverageEntry[] {
  const byId = new Map(inputs.map((i) => [i.article.id, i.article]));
  const cite = (id: number): Citation => ({ articleId: id, source: byId.get(id)?.source ?? null });
  const firstOfGroup = new Map<number, SheetArticle>();
  for (const { article } of inputs) {
    if (article.copyGroup === null) continue;
    const current = firstOfGroup.get(article.copyGroup);
    if (!current || isEarlier(article, current)) firstOfGroup.set(article.copyGroup, article);
  }
  const ownQuotes = new Map<number, string[]>();
  for (const speaker of quotes) {
    for (const q of speaker.quotes) {
      const ids = new Set(q.citations.map((c) => c.articleId));
      const [only] = ids;
      if (ids.size === 1 && only !== undefined) ownQuotes.set(only, [...(ownQuotes.get(only) ?? []), q.id]);
    }
  }
  const ownFigures = new Map<number, Array<{ text: string; sentence: string }>>();
  for (const g of figures) {
    const ids = new Set(g.values.flatMap((v) => v.citations.map((c) => c.articleId)));
    const [only] = ids;
    if (ids.size !== 1 || only === undefined) continue;
    const list = ownFigures.get(only) ?? [];
    for (const v of g.values) list.push({ text: v.text, sentence: v.sentence });
    ownFigures.set(only, list);
  }

  // Sentences shared with each other article, counted in one reused array indexed by story
  // position: passages of a large story cite hundreds of articles each.
  const tally = new SharedTally();
  return inputs.map(({ article, paragraphs, passages, sentenceCount }) => {
    let ownSentences = 0;
    const ownPassages: string[] = [];
    for (const p of passages) {
      const n = p.sentenceEnd - p.sentenceStart;
      if (p.sharedWith.length === 0) {
        ownSentences += n;
        ownPassages.push(p.text);
      }
    }
    const shared = sharedCounts(passages, tally).filter(([id]) => byId.has(id));
    const first = article.copyGroup === null ? undefined : firstOfGroup.get(article.copyGroup);
    return {
      ...cite(article.id),
      title: article.title,
      published: article.published,
      words: paragraphs.reduce((t, p) => t + (p.match(/\S+/g)?.length ?? 0), 0),
      sentences: sentenceCount,
      copyGroup: article.copyGroup,
      firstPublished: first ? cite(first.id) : null,
      sharedWith: shared.map(([id, sentences]) => ({ articleId: id, source: byId.get(id)?.source ?? null, sentences })),
      ownSentences,
      ownPassages,
      ownQuotes: ownQuotes.get(article.id) ?? [],
      ownFigures: ownFigures.get(article.id) ?? [],
    };
  });
}

// Sorted shared counts per passages array: a builder keeps an article's passages (the same array)
// until an added article shares a sentence with it.
const sharedCache = new WeakMap<readonly Passage[], Array<[number, number]>>();

/** `[articleId, sentences]` pairs of one article's passages, most shared first. */
function sharedCounts(passages: readonly Passage[], tally: SharedTally): Array<[number, number]> {
  const cached = sharedCache.get(passages);
  if (cached) return cached;
  for (const p of passages) tally.add(p.sharedWith, p.sentenceEnd - p.sentenceStart);
  const sorted = sortShared(tally.take());
  sharedCache.set(passages, sorted);
  return sorted;
}

const KEY_ID_SPAN = 2 ** 32;
const KEY_COUNT_SPAN = 2 ** 20;

/**
 * Most shared sentences first, then the lower id. Large stories have hundreds of thousands of
 * pairs: when ids and counts fit, sort packed numeric keys (no comparator calls).
 */
function sortShared(shared: Array<[number, number]>): Array<[number, number]> {
  const fits = shared.every(([id, n]) => Number.isInteger(id) && id >= 0 && id < KEY_ID_SPAN && Number.isInteger(n) && n >= 0 && n < KEY_COUNT_SPAN);
  if (!fits) return shared.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const keys = new Float64Array(shared.length);
  shared.forEach(([id, n], i) => (keys[i] = (KEY_COUNT_SPAN - 1 - n) * KEY_ID_SPAN + id));
  keys.sort();
  return Array.from(keys, (key): [number, number] => [key % KEY_ID_SPAN, KEY_COUNT_SPAN - 1 - Math.floor(key / KEY_ID_SPAN)]);
}

/** Counts sentences per article id in reused arrays; `take()` returns and resets the counts. */
class SharedTally {
  private readonly ids: number[] = [];
  private readonly positionOf = new Map<number, number>();
  private counts = new Int32Array(64);
  private isTouched = new Uint8Array(64);
  private touched: number[] = [];

  add(sharedWith: ReadonlyArray<{ articleId: number }>, n: number): void {
    for (let i = 0; i < sharedWith.length; i++) {
      const id = sharedWith[i]!.articleId;
      let k = this.positionOf.get(id);
      if (k === undefined) k = this.slotFor(id);
      if (this.isTouched[k] === 0) {
        this.isTouched[k] = 1;
        this.touched.push(k);
      }
      this.counts[k] = (this.counts[k] ?? 0) + n;
    }
  }

  private slotFor(id: number): number {
    const k = this.ids.length;
    this.ids.push(id);
    this.positionOf.set(id, k);
    if (k >= this.counts.length) {
      const counts = new Int32Array(this.counts.length * 2);
      counts.set(this.counts);
      this.counts = counts;
      const touched = new Uint8Array(this.isTouched.length * 2);
      touched.set(this.isTouched);
      this.isTouched = touched;
    }
    return k;
  }

  /** `[articleId, sentences]` in first-touched order. */
  take(): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    for (const k of this.touched) {
      out.push([this.ids[k] ?? 0, this.counts[k] ?? 0]);
      this.counts[k] = 0;
      this.isTouched[k] = 0;
    }
    this.touched = [];
    return out;
  }
}

/** Published earlier (undated counts as latest), then the lower id. */
function isEarlier(a: SheetArticle, b: SheetArticle): boolean {
  const pa = a.published ?? '\uffff';
  const pb = b.published ?? '\uffff';
  return pa < pb || (pa === pb && a.id < b.id);
}
