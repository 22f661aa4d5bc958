import type { SqliteStore } from '../store/index.js';
import type { StoryListQuery } from './schemas.js';

/** One story in a list: what the list page and `GET /api/stories` show. */
export interface StorySummary {
  id: number;
  title: string;
  articleCount: number;
  firstSeen: string | null;
  lastSeen: string | null;
  outlets: Array<{ name: string; articles: number }>;
  /** Articles per day (YYYY-MM-DD, by publication, else arrival), ascending. */
  days: Array<{ day: string; articles: number }>;
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

export interface OutletSummary {
  name: string;
  articles: number;
  stories: number;
  firstPublished: string | null;
  lastPublished: string | null;
}

export interface EntitySummary {
  name: string;
  kind: string;
  stories: number;
  mentions: number;
}

/** Turns free text into a safe FTS5 query: each word (or "quoted phrase") quoted, all required, the last word a prefix. */
export function toFtsQuery(input: string): string | null {
  const parts: string[] = [];
  const pattern = /"([^"]*)"|([\p{L}\p{N}][\p{L}\p{N}'’_-]*)/gu;
  let match: RegExpExecArray | null;
  let lastIsWord = false;
  while ((match = pattern.exec(input)) !== null) {
    const phrase = match[1];
    if (phrase !== undefined) {
      const words = phrase.match(/[\p{L}\p{N}]+/gu);
      if (words && words.length) parts.push(`"${words.join(' ')}"`);
      lastIsWord = false;
    } else if (match[2] !== undefined) {
      const words = match[2].match(/[\p{L}\p{N}]+/gu) ?? [];
      if (words.length) parts.push(`"${words.join(' ')}"`);
      lastIsWord = words.length === 1;
    }
    if (parts.length >= 20) break;
  }
  if (parts.length === 0) return null;
  // Search as you type: the last bare word also matches longer words.
  if (lastIsWord && !/\s$/.test(input)) parts[parts.length - 1] = `${parts[parts.length - 1]}*`;
  return parts.join(' ');
}

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
    if (typeof parsed.o === 'number' && Number.isInteger(parsed.o) && parsed.o >= 0) return { offset: parsed.o };
  } catch {
    // Not base64url JSON: not a cursor.
  }
  return null;
}

/** Cached read results (pages, outlets, entities) kept between two changes of the store. */
export const MEMO_ENTRIES = 500;

const LIVE = 's.merged_into IS NULL AND s.article_count > 0';
const FTS_STORIES = `SELECT x.story_id AS sid, MIN(f.rank) AS r FROM articles_fts f CROSS JOIN assignments x ON x.article_id = f.rowid
  WHERE articles_fts MATCH @fts GROUP BY x.story_id`;

/**
 * Story list queries over the store: filters, full-text search (FTS5), outlets and entities.
 * Read-only; every call is one or a few indexed SQL queries.
 */
export class StoryQueries {
  private readonly memo = new Map<string, unknown>();
  private memoGeneration = '';

  constructor(private readonly store: SqliteStore) {}

  /**
   * What changes whenever anything a list shows can change: SQLite's data_version (commits by
   * other connections) and the newest article, assignment, indexed entity and merge (index
   * lookups, for this connection's own writes).
   */
  generation(): string {
    const row = this.store.db
      .prepare(
        `SELECT (SELECT max(id) FROM articles) AS a, (SELECT max(seq) FROM assignments) AS s,
           (SELECT max(rowid) FROM fact_sheet_entities) AS e, (SELECT max(rowid) FROM story_merges) AS m`,
      )
      .get() as { a: number | null; s: number | null; e: number | null; m: number | null };
    // data_version moves when another connection commits (a recluster by the CLI reuses the same ids).
    const external = this.store.db.pragma('data_version', { simple: true }) as number;
    return `${external}:${row.a ?? 0}:${row.s ?? 0}:${row.e ?? 0}:${row.m ?? 0}`;
  }

  /** Caches a read until the store's {@link generation} moves on (at most {@link MEMO_ENTRIES} results). */
  cached<T>(key: string, compute: () => T): T {
    const generation = this.generation();
    if (generation !== this.memoGeneration) {
      this.memo.clear();
      this.memoGeneration = generation;
    }
    if (this.memo.has(key)) return this.memo.get(key) as T;
    const value = compute();
    if (this.memo.size >= MEMO_ENTRIES) this.memo.clear();
    this.memo.set(key, value);
    return value;
  }

  /** A page of live stories (cached per query until the store changes). */
  listStories(query: StoryListQuery, offset: number): StoryPage {
    return this.cached(`list:${offset}:${JSON.stringify(query)}`, () => this.queryStories(query, offset));
  }

  private queryStories(query: StoryListQuery, offset: number): StoryPage {
    const where: string[] = [LIVE];
    const params: Record<string, string | number> = {};
    let from = 'stories s';
    let order = query.order === 'largest' ? 's.article_count DESC, s.id DESC' : 'COALESCE(s.last_seen, s.updated_at) DESC, s.id DESC';
    const fts = query.q !== undefined ? toFtsQuery(query.q) : null;
    if (query.q !== undefined && query.q.trim() !== '' && fts === null) {
      return { stories: [], total: 0, offset, limit: query.limit, nextCursor: null };
    }
    if (fts !== null) {
      from = `(${FTS_STORIES}) m JOIN stories s ON s.id = m.sid`;
      params.fts = fts;
      if (query.order === undefined) order = 'm.r, s.id DESC';
    }
    if (query.from !== undefined) {
      where.push('COALESCE(s.last_seen, s.first_seen) >= @from');
      params.from = query.from;
    }
    if (query.to !== undefined) {
      // Dates cover the whole day: any time on `to` sorts before `to` + 'T99'.
      where.push('COALESCE(s.first_seen, s.last_seen) < @to');
      params.to = `${query.to}T99`;
    }
    if (query.outlet !== undefined) {
      where.push('EXISTS (SELECT 1 FROM assignments x JOIN articles a ON a.id = x.article_id WHERE x.story_id = s.id AND a.source = @outlet COLLATE NOCASE)');
      params.outlet = query.outlet;
    }
    if (query.language !== undefined) {
      where.push('EXISTS (SELECT 1 FROM assignments x JOIN articles a ON a.id = x.article_id WHERE x.story_id = s.id AND a.language = @language COLLATE NOCASE)');
      params.language = query.language.toLowerCase();
    }
    if (query.entity !== undefined) {
      // Entities known from cached fact sheets, plus stories whose articles name it (so uncached stories are found too).
      const phrase = toFtsQuery(`"${query.entity.replace(/"/g, ' ')}"`);
      const clauses = ['s.id IN (SELECT story_id FROM fact_sheet_entities WHERE name = @entity COLLATE NOCASE)'];
      if (phrase !== null) {
        clauses.push('s.id IN (SELECT x.story_id FROM articles_fts f CROSS JOIN assignments x ON x.article_id = f.rowid WHERE articles_fts MATCH @entityFts)');
        params.entityFts = phrase;
      }
      where.push(`(${clauses.join(' OR ')})`);
      params.entity = query.entity;
    }
    const clause = where.join(' AND ');
    const db = this.store.db;
    const columns = 's.id, s.title, s.article_count AS articleCount, s.first_seen AS firstSeen, s.last_seen AS lastSeen';
    let total: number;
    let rows: Array<Omit<StorySummary, 'outlets' | 'days'>>;
    if (fts !== null) {
      // Evaluate the full-text match once: all matching ids in order, then the page's rows.
      const ids = db.prepare(`SELECT s.id FROM ${from} WHERE ${clause} ORDER BY ${order}`).pluck().all(params) as number[];
      total = ids.length;
      const pageIds = ids.slice(offset, offset + query.limit);
      const byId = new Map(
        (pageIds.length ? (db.prepare(`SELECT ${columns} FROM stories s WHERE s.id IN (${pageIds.join(',')})`).all() as typeof rows) : []).map((r) => [r.id, r]),
      );
      rows = pageIds.flatMap((id) => byId.get(id) ?? []);
    } else {
      total = (db.prepare(`SELECT count(*) AS n FROM ${from} WHERE ${clause}`).get(params) as { n: number }).n;
      rows = db.prepare(`SELECT ${columns} FROM ${from} WHERE ${clause} ORDER BY ${order} LIMIT @limit OFFSET @offset`).all({ ...params, limit: query.limit, offset }) as typeof rows;
    }
    const stories = this.summarize(rows);
    const next = offset + rows.length;
    return { stories, total, offset, limit: query.limit, nextCursor: next < total && rows.length > 0 ? encodeCursor({ offset: next }) : null };
  }

  /** Adds outlets and articles per day to story rows (two queries for the whole page). */
  summarize(rows: Array<Omit<StorySummary, 'outlets' | 'days'>>): StorySummary[] {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => Number(r.id)).join(',');
    const outletRows = this.store.db
      .prepare(
        `SELECT x.story_id AS storyId, a.source AS name, count(*) AS n FROM assignments x JOIN articles a ON a.id = x.article_id
         WHERE x.story_id IN (${ids}) AND a.source IS NOT NULL GROUP BY x.story_id, a.source ORDER BY n DESC, a.source`,
      )
      .all() as Array<{ storyId: number; name: string; n: number }>;
    const dayRows = this.store.db
      .prepare(
        `SELECT x.story_id AS storyId, substr(COALESCE(a.published, a.ingested_at), 1, 10) AS day, count(*) AS n
         FROM assignments x JOIN articles a ON a.id = x.article_id WHERE x.story_id IN (${ids}) GROUP BY 1, 2 ORDER BY 2`,
      )
      .all() as Array<{ storyId: number; day: string; n: number }>;
    return rows.map((r) => ({
      ...r,
      outlets: outletRows.filter((o) => o.storyId === r.id).map((o) => ({ name: o.name, articles: o.n })),
      days: dayRows.filter((d) => d.storyId === r.id).map((d) => ({ day: d.day, articles: d.n })),
    }));
  }

  /** Every outlet with how many articles and live stories it has, most articles first. */
  outlets(): OutletSummary[] {
    return this.cached('outlets', () => this.queryOutlets());
  }

  private queryOutlets(): OutletSummary[] {
    return this.store.db
      .prepare(
        `SELECT a.source AS name, count(*) AS articles, count(DISTINCT s.id) AS stories,
           min(a.published) AS firstPublished, max(a.published) AS lastPublished
         FROM articles a LEFT JOIN assignments x ON x.article_id = a.id
           LEFT JOIN stories s ON s.id = x.story_id AND s.merged_into IS NULL
         WHERE a.source IS NOT NULL GROUP BY a.source ORDER BY articles DESC, a.source`,
      )
      .all() as OutletSummary[];
  }

  /** Outlet names with their article counts, most first: a covering-index scan, for filter menus. */
  outletNames(): Array<{ name: string; articles: number }> {
    return this.cached('outlet-names', () =>
      this.store.db
        .prepare('SELECT source AS name, count(*) AS articles FROM articles WHERE source IS NOT NULL GROUP BY source ORDER BY articles DESC, source')
        .all() as Array<{ name: string; articles: number }>,
    );
  }

  /** Entities of the cached fact sheets of live stories, by how many stories name them. */
  entities(options: { limit: number; kind?: string | undefined }): EntitySummary[] {
    return this.cached(`entities:${options.limit}:${options.kind ?? ''}`, () => this.queryEntities(options));
  }

  private queryEntities(options: { limit: number; kind?: string | undefined }): EntitySummary[] {
    const kind = options.kind !== undefined ? 'AND e.kind = @kind' : '';
    return this.store.db
      .prepare(
        `SELECT e.name, e.kind, count(DISTINCT e.story_id) AS stories, sum(e.mentions) AS mentions
         FROM fact_sheet_entities e JOIN stories s ON s.id = e.story_id
         WHERE s.merged_into IS NULL ${kind} GROUP BY e.name COLLATE NOCASE, e.kind
         ORDER BY stories DESC, mentions DESC, e.name LIMIT @limit`,
      )
      .all({ limit: options.limit, ...(options.kind !== undefined ? { kind: options.kind } : {}) }) as EntitySummary[];
  }

  /** Ids of the articles of a story, ascending (the story's article set). */
  storyArticleIds(storyId: number): number[] {
    return (this.store.db.prepare('SELECT article_id AS id FROM assignments WHERE story_id = ? ORDER BY article_id').all(storyId) as Array<{ id: number }>).map(
      (r) => r.id,
    );
  }

  /** The live story an id now belongs to (following merges), or null. */
  liveStoryId(id: number): number | null {
    let current = id;
    for (let hops = 0; hops < 100; hops++) {
      const row = this.store.db.prepare('SELECT merged_into AS mergedInto, article_count AS n FROM stories WHERE id = ?').get(current) as
        | { mergedInto: number | null; n: number }
        | undefined;
      if (!row) return null;
      if (row.mergedInto === null) return row.n > 0 ? current : null;
      current = row.mergedInto;
    }
    return null;
  }

  /** The story an article is assigned to (live), or null. */
  storyOfArticle(articleId: number): number | null {
    const row = this.store.db.prepare('SELECT story_id AS id FROM assignments WHERE article_id = ?').get(articleId) as { id: number } | undefined;
    return row ? this.liveStoryId(row.id) : null;
  }

  storyRow(id: number): Omit<StorySummary, 'outlets' | 'days'> | null {
    return (
      (this.store.db
        .prepare(`SELECT s.id, s.title, s.article_count AS articleCount, s.first_seen AS firstSeen, s.last_seen AS lastSeen FROM stories s WHERE s.id = ? AND ${LIVE}`)
        .get(id) as Omit<StorySummary, 'outlets' | 'days'> | undefined) ?? null
    );
  }

  /** Languages of stored articles, most frequent first (for the filter form). */
  languages(): string[] {
    return this.cached('languages', () => this.queryLanguages());
  }

  private queryLanguages(): string[] {
    return (this.store.db.prepare('SELECT language FROM articles WHERE language IS NOT NULL GROUP BY language ORDER BY count(*) DESC LIMIT 50').all() as Array<{ language: string }>).map(
      (r) => r.language,
    );
  }
}
