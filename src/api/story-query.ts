export { toFtsQuery } from '../store/index.js';
import { sourceLabel } from '../core/labels.js';
import type { EntityRow, OutletRow, StoreReader, StoryHead, StorySummaryRow } from '../store/index.js';
import type { StoryListQuery } from './schemas.js';

/** One story in a list: what the list page and `GET /api/stories` show. */
export interface StorySummary extends StorySummaryRow {
  /** With a text search: what matched, in its best-matching article (absent without `q`). */
  match?: SearchMatch;
}

/** Where a search matched a story: an excerpt of its best-ranked article, matched words marked. */
export interface SearchMatch {
  articleId: number;
  /** The article's label (outlet, else host, else file name). */
  label: string;
  /** The excerpt (`…` where cut). */
  text: string;
  /** Matched words: [start, end) offsets into `text`, ascending. */
  highlights: Array<[number, number]>;
}

export interface StoryPage {
  stories: StorySummary[];
  /** Stories matching the filters, over all pages. */
  total: number;
  offset: number;
  limit: number;
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export type OutletSummary = OutletRow;

export type EntitySummary = EntityRow;

interface Cursor {
  offset: number;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify({ o: cursor.offset })).toString('base64url');
}

/** Reads a cursor made by {@link encodeCursor}; null when it is not one. */
export function decodeCursor(value: string): Cursor | null {
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as { o?: unknown };
    if (typeof parsed.o === 'number' && Number.isSafeInteger(parsed.o) && parsed.o >= 0) return { offset: parsed.o };
  } catch {
    // Not base64url JSON: not a cursor.
  }
  return null;
}

/** Cached read results (pages, outlets, entities) kept between two changes of the store. */
export const MEMO_ENTRIES = 500;

/**
 * Story list queries over the store: filters, full-text search, outlets and entities, each
 * cached until the store's change token moves on. Read-only.
 */
export class StoryQueries {
  private readonly memo = new Map<string, unknown>();
  private memoGeneration = '';

  constructor(private readonly store: StoreReader) {}

  /** Caches a read until the store changes (any writer, any process), at most {@link MEMO_ENTRIES} results. */
  async cached<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const generation = await this.store.events.changeToken();
    if (generation !== this.memoGeneration) {
      this.memo.clear();
      this.memoGeneration = generation;
    }
    if (this.memo.has(key)) return this.memo.get(key) as T;
    const value = await compute();
    if (this.memo.size >= MEMO_ENTRIES) this.memo.clear();
    this.memo.set(key, value);
    return value;
  }

  /** A page of live stories (cached per query until the store changes). */
  listStories(query: StoryListQuery, offset: number): Promise<StoryPage> {
    return this.cached(`list:${offset}:${JSON.stringify(query)}`, () => this.queryStories(query, offset));
  }

  private async queryStories(query: StoryListQuery, offset: number): Promise<StoryPage> {
    const { rows, total } = await this.store.stories.page({
      q: query.q,
      from: query.from,
      to: query.to,
      outlet: query.outlet,
      language: query.language,
      entity: query.entity,
      order: query.order,
      limit: query.limit,
      offset,
    });
    const stories: StorySummary[] = await this.summarize(rows);
    if (query.q !== undefined && query.q.trim() !== '' && stories.length > 0) {
      const matches = new Map((await this.store.stories.snippets(stories.map((r) => r.id), query.q)).map((m) => [m.storyId, m]));
      for (const story of stories) {
        const m = matches.get(story.id);
        if (m) story.match = { articleId: m.articleId, label: sourceLabel({ id: m.articleId, source: m.source, url: m.url, origin: m.origin }), text: m.text, highlights: m.highlights };
      }
    }
    const next = offset + rows.length;
    return { stories, total, offset, limit: query.limit, nextCursor: next < total && rows.length > 0 ? encodeCursor({ offset: next }) : null };
  }

  /** Adds outlets and articles per day to story rows. */
  summarize(rows: StoryHead[]): Promise<StorySummary[]> {
    return this.store.stories.summarize(rows);
  }

  /** Every outlet with how many articles and live stories it has, most articles first. */
  outlets(): Promise<OutletSummary[]> {
    return this.cached('outlets', () => this.store.stories.outlets());
  }

  /** Outlet names with their article counts, most first, for filter menus. */
  outletNames(): Promise<Array<{ name: string; articles: number }>> {
    return this.cached('outlet-names', () => this.store.articles.outletNames());
  }

  /** Entities of the cached fact sheets of live stories, by how many stories name them. */
  entities(options: { limit: number; kind?: string | undefined }): Promise<EntitySummary[]> {
    return this.cached(`entities:${options.limit}:${options.kind ?? ''}`, () => this.store.stories.entities(options));
  }

  /** Ids of the articles of a story, ascending (the story's article set). */
  storyArticleIds(storyId: number): Promise<number[]> {
    return this.store.stories.articleIds(storyId);
  }

  /** The live story an id now belongs to (following merges), or null. */
  liveStoryId(id: number): Promise<number | null> {
    return this.store.stories.liveId(id);
  }

  /** The story an article is assigned to (live), or null. */
  storyOfArticle(articleId: number): Promise<number | null> {
    return this.store.stories.ofArticle(articleId);
  }

  storyRow(id: number): Promise<StoryHead | null> {
    return this.store.stories.head(id);
  }

  /** Languages of stored articles, most frequent first (for the filter form). */
  languages(): Promise<string[]> {
    return this.cached('languages', () => this.store.articles.languages(50));
  }
}
