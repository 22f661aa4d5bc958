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

  return inputs.map(({ article, paragraphs, passages, sentenceCount }) => {
    const shared = new Map<number, number>();
    let ownSentences = 0;
    const ownPassages: string[] = [];
    for (const p of passages) {
      const n = p.sentenceEnd - p.sentenceStart;
      if (p.sharedWith.length === 0) {
        ownSentences += n;
        ownPassages.push(p.text);
      }
      for (const s of p.sharedWith) if (byId.has(s.articleId)) shared.set(s.articleId, (shared.get(s.articleId) ?? 0) + n);
    }
    const first = article.copyGroup === null ? undefined : firstOfGroup.get(article.copyGroup);
    return {
      ...cite(article.id),
      title: article.title,
      published: article.published,
      words: paragraphs.reduce((t, p) => t + (p.match(/\S+/g)?.length ?? 0), 0),
      sentences: sentenceCount,
      copyGroup: article.copyGroup,
      firstPublished: first ? cite(first.id) : null,
      sharedWith: [...shared]
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .map(([id, sentences]) => ({ ...cite(id), sentences })),
      ownSentences,
      ownPassages,
      ownQuotes: ownQuotes.get(article.id) ?? [],
      ownFigures: ownFigures.get(article.id) ?? [],
    };
  });
}

/** Published earlier (undated counts as latest), then the lower id. */
function isEarlier(a: SheetArticle, b: SheetArticle): boolean {
  const pa = a.published ?? '\uffff';
  const pb = b.published ?? '\uffff';
  return pa < pb || (pa === pb && a.id < b.id);
}
