import type { FactSheetArticle } from '../analyze/index.js';
import { displayTitle, sourceLabel, storedIdentity } from '../core/labels.js';
import type { StoredArticle } from '../core/types.js';
import { alignPassages, splitSentences, type Passage } from '../dedup/index.js';
import { factSheetArticles } from '../pipeline/index.js';
import type { CopyRow, StoreReader } from '../store/index.js';
import type { StoryQueries, StorySummary } from './story-query.js';

/** An article as listed in a story. */
export interface StoryArticle {
  id: number;
  externalId: string | null;
  title: string | null;
  source: string | null;
  url: string | null;
  published: string | null;
  language: string | null;
  /** Earliest article of its copy group (itself when it has no copies). */
  copyGroup: number;
  /** The article it was found to copy, if any. */
  copyOf: number | null;
  /** Share of its words in passages no other article of the story carries ∈ [0,1]. */
  ownShare: number;
  /** Its own passages (what it adds), at most {@link MAX_OWN_PASSAGES}, longest first. */
  ownPassages: Array<{ paragraph: number; text: string }>;
}

/** A copy group: articles carrying the same text; `first` published it first. */
export interface CopyGroup {
  id: number;
  first: number;
  articles: number[];
  outlets: string[];
}

export interface StoryDetail extends StorySummary {
  articles: StoryArticle[];
  copyGroups: CopyGroup[];
  copies: CopyRow[];
}

/** One sentence of an article, with its anchor and the other articles that carry it. */
export interface ArticleSentence {
  /** Index among the article's sentences (all paragraphs, in order, dedup's splitter); the anchor is `s{index}`. */
  index: number;
  text: string;
  sharedWith: Array<{ articleId: number; similarity: number }>;
}

export interface ArticleDetail {
  id: number;
  externalId: string | null;
  title: string | null;
  source: string | null;
  byline: string | null;
  url: string | null;
  canonicalUrl: string | null;
  published: string | null;
  language: string | null;
  ingestedAt: string;
  storyId: number | null;
  /** Paragraphs split into sentences, each marked shared (with the articles) or own. */
  paragraphs: Array<{ index: number; sentences: ArticleSentence[] }>;
  /** The other articles of the story referred to by `sharedWith`. */
  related: Array<{ id: number; title: string | null; source: string | null; published: string | null; label: string; displayTitle: string }>;
  ownShare: number;
  /** The input it was read from (`path/file.txt`, a URL). */
  origin: string;
  /** How it is named everywhere: outlet, else host, else file name. */
  label: string;
  /** Its title, else its first sentence cut at a word with an ellipsis. */
  displayTitle: string;
}

/** The label and display title of a stored article (the fact sheet names it the same way). */
function naming(a: StoredArticle): { label: string; displayTitle: string } {
  const identity = storedIdentity(a);
  return { label: sourceLabel(identity), displayTitle: displayTitle({ ...identity, title: a.title, paragraphs: a.paragraphs }) };
}

/** Own passages listed per article in a story. */
export const MAX_OWN_PASSAGES = 3;

const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;

function ownShareOf(passages: Passage[]): number {
  const total = passages.reduce((n, p) => n + wordCount(p.text), 0);
  const own = passages.filter((p) => p.sharedWith.length === 0).reduce((n, p) => n + wordCount(p.text), 0);
  return total ? own / total : 0;
}

/** Builds story and article views from the store (passages aligned on the fly). Deterministic. */
export class StoryViews {
  constructor(
    private readonly store: StoreReader,
    private readonly queries: StoryQueries,
  ) {}

  /** Articles of a live story as the fact sheet takes them (with copy groups), in publication order. */
  factSheetArticles(storyId: number): Promise<FactSheetArticle[]> {
    return factSheetArticles(this.store, storyId);
  }

  /** Articles of a live story in publication order. */
  async storyArticles(storyId: number): Promise<StoredArticle[]> {
    const members = await this.store.stories.members(storyId);
    return this.store.articles.getMany(members.map((m) => m.articleId));
  }

  async story(id: number): Promise<StoryDetail | null> {
    const row = await this.queries.storyRow(id);
    if (!row) return null;
    const [summary] = await this.queries.summarize([row]);
    if (!summary) return null;
    const members = await this.store.stories.members(id);
    const articles = await this.store.articles.getMany(members.map((m) => m.articleId));
    const byId = new Map(articles.map((a) => [Number(a.id), a]));
    const aligned = alignPassages(articles.map((a) => ({ id: a.id, paragraphs: a.paragraphs })));
    const copies = await this.store.copies.among(members.map((m) => m.articleId));
    const groups = new Map<number, CopyGroup>();
    for (const m of members) {
      const group = groups.get(m.copyGroup) ?? { id: m.copyGroup, first: m.copyGroup, articles: [], outlets: [] };
      group.articles.push(m.articleId);
      if (m.source && !group.outlets.includes(m.source)) group.outlets.push(m.source);
      groups.set(m.copyGroup, group);
    }
    return {
      ...summary,
      articles: members.map((m) => {
        const article = byId.get(m.articleId);
        const passages = aligned.get(m.articleId) ?? [];
        const own = passages
          .filter((p) => p.sharedWith.length === 0)
          .sort((a, b) => b.text.length - a.text.length || a.paragraph - b.paragraph)
          .slice(0, MAX_OWN_PASSAGES)
          .map((p) => ({ paragraph: p.paragraph, text: p.text }));
        return {
          id: m.articleId,
          externalId: m.externalId,
          title: m.title,
          source: m.source,
          url: article?.url ?? null,
          published: m.published,
          language: article?.language ?? null,
          copyGroup: m.copyGroup,
          copyOf: m.copyOf,
          ownShare: ownShareOf(passages),
          ownPassages: own,
        };
      }),
      copyGroups: [...groups.values()].filter((g) => g.articles.length > 1),
      copies,
    };
  }

  async article(id: number): Promise<ArticleDetail | null> {
    const article = await this.store.articles.get(id);
    if (!article) return null;
    const storyId = await this.queries.storyOfArticle(id);
    const others = storyId !== null ? (await this.storyArticles(storyId)).filter((a) => a.id !== article.id) : [];
    const aligned = alignPassages([article, ...others].map((a) => ({ id: a.id, paragraphs: a.paragraphs })));
    const passages = aligned.get(article.id) ?? [];
    // Sentence numbering: the aligner counts sentences over the whole article, in paragraph order.
    const shared = new Map<number, Passage>();
    for (const p of passages) for (let s = p.sentenceStart; s < p.sentenceEnd; s++) shared.set(s, p);
    let global = 0;
    const paragraphs = article.paragraphs.map((text, index) => ({
      index,
      sentences: splitSentences(text).map((sentence) => {
        const passage = shared.get(global);
        return { index: global++, text: sentence, sharedWith: (passage?.sharedWith ?? []).map((w) => ({ articleId: w.articleId, similarity: w.similarity })) };
      }),
    }));
    const referenced = new Set(passages.flatMap((p) => p.sharedWith.map((w) => w.articleId)));
    return {
      id: article.id,
      externalId: article.externalId,
      title: article.title,
      source: article.source,
      byline: article.byline,
      url: article.url,
      canonicalUrl: article.canonicalUrl,
      published: article.published,
      language: article.language,
      ingestedAt: article.ingestedAt,
      storyId,
      paragraphs,
      related: others
        .filter((a) => referenced.has(a.id))
        .map((a) => ({ id: a.id, title: a.title, source: a.source, published: a.published, ...naming(a) })),
      ownShare: ownShareOf(passages),
      origin: article.origin,
      ...naming(article),
    };
  }
}
