import type Database from 'better-sqlite3';
import type {
  AssignedRow,
  AssignmentEventRow,
  CopyRow,
  CopyWriter,
  EntityRow,
  EventReader,
  ExportRow,
  MergeRow,
  NewAssignment,
  OutletRow,
  SavedState,
  SearchSnippetRow,
  StateWriter,
  StoryArticleRow,
  StoryHead,
  StoryListFilter,
  StoryRow,
  StorySnapshot,
  StorySummaryRow,
  StoryWriter,
} from '../port.js';
import { sourceLabel } from '../../core/labels.js';
import { isQuotedIn, parseSearch } from '../../core/search.js';
import { parseSnippet, toFtsQuery } from './fts.js';
import type { Sync } from './sync.js';

const LIVE = 's.merged_into IS NULL AND s.article_count > 0';
const FTS_STORIES = `SELECT x.story_id AS sid, MIN(f.rank) AS r FROM articles_fts f CROSS JOIN assignments x ON x.article_id = f.rowid
  WHERE articles_fts MATCH @fts GROUP BY x.story_id`;
const HEAD_COLUMNS = 's.id, s.title, s.article_count AS articleCount, s.first_seen AS firstSeen, s.last_seen AS lastSeen';

/** `text` with LIKE's wildcards (and the escape character) escaped by a backslash. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** How many merges are followed at most (a cycle is a damaged store, not an answer). */
const MAX_MERGE_HOPS = 100;

/** The one "follow merges" rule: the live story an id now is, or null (no such story, or it ended empty). */
export function followMerges(db: Database.Database, id: number): number | null {
  const select = db.prepare('SELECT merged_into AS mergedInto, article_count AS n FROM stories WHERE id = ?');
  let current = id;
  for (let hops = 0; hops < MAX_MERGE_HOPS; hops++) {
    const row = select.get(current) as { mergedInto: number | null; n: number } | undefined;
    if (!row) return null;
    if (row.mergedInto === null) return row.n > 0 ? current : null;
    current = row.mergedInto;
  }
  return null;
}

/** Meta key of the first story id of the stories stored now. */
const ID_FLOOR_KEY = 'story_id_floor';

/** The first story id of the stories stored now (unqualified: a rebuild's own floor inside a rebuild). */
export function storyIdFloor(db: Database.Database): number {
  const kept = db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(ID_FLOOR_KEY) as string | undefined;
  const floor = kept === undefined ? 1 : Number(kept);
  return Number.isSafeInteger(floor) && floor > 0 ? floor : 1;
}

/**
 * The lowest story id never given: above every story stored and every id given before the last
 * clear; in schema `schema` (`main`: the live rows, even inside a rebuild), else as names resolve.
 */
export function firstFreeStoryId(db: Database.Database, schema?: 'main' | 'temp'): number {
  const prefix = schema === undefined ? '' : `${schema}.`;
  const stored = db.prepare(`SELECT COALESCE(MAX(id), 0) FROM ${prefix}stories`).pluck().get() as number;
  const kept = db.prepare(`SELECT value FROM ${prefix}meta WHERE key = ?`).pluck().get(ID_FLOOR_KEY) as string | undefined;
  const floor = kept === undefined ? 1 : Number(kept);
  return Math.max(stored + 1, Number.isSafeInteger(floor) && floor > 0 ? floor : 1);
}

export function setIdFloor(db: Database.Database, schema: 'main' | 'temp' | undefined, floor: number): void {
  db.prepare(`INSERT INTO ${schema === undefined ? '' : `${schema}.`}meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(ID_FLOOR_KEY, String(floor));
}

/** Stories, assignments, merges, and the story list queries (filters, FTS5 search, outlets, entities) on SQLite. */
export class SqliteStories implements Sync<StoryWriter> {
  constructor(private readonly db: Database.Database) {}

  insertAssignment(a: NewAssignment): number {
    const info = this.db
      .prepare(
        `INSERT INTO assignments (article_id, story_id, first_story_id, is_new, score, reasons, copy_of, cluster_version, assigned_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(a.articleId, a.storyId, a.storyId, a.isNew ? 1 : 0, a.score, JSON.stringify(a.reasons), a.copyOf, a.clusterVersion, a.assignedAt);
    return Number(info.lastInsertRowid);
  }

  moveAssignment(articleId: number, storyId: number, reasons: string[]): void {
    this.db.prepare('UPDATE assignments SET story_id = ?, reasons = ? WHERE article_id = ?').run(storyId, JSON.stringify(reasons), articleId);
  }

  upsert(s: StorySnapshot, now: string): void {
    this.db
      .prepare(
        `INSERT INTO stories (id, title, article_count, first_seen, last_seen, is_active, created_at, updated_at)
         VALUES (@id, @title, @size, @firstSeen, @lastSeen, @isActive, @now, @now)
         ON CONFLICT (id) DO UPDATE SET title = excluded.title, article_count = excluded.article_count,
           first_seen = excluded.first_seen, last_seen = excluded.last_seen, is_active = excluded.is_active,
           updated_at = excluded.updated_at`,
      )
      .run({ id: s.id, title: s.title, size: s.size, firstSeen: s.firstSeen, lastSeen: s.lastSeen, isActive: s.isActive ? 1 : 0, now });
  }

  recordMerge(from: number[], into: number, articleId: number, at: string): void {
    const move = this.db.prepare('UPDATE assignments SET story_id = ? WHERE story_id = ?');
    const mark = this.db.prepare('UPDATE stories SET merged_into = ?, article_count = 0, is_active = 0, updated_at = ? WHERE id = ?');
    const log = this.db.prepare('INSERT INTO story_merges (from_story, into_story, article_id, merged_at) VALUES (?, ?, ?, ?)');
    for (const id of from) {
      if (id === into) continue;
      move.run(into, id);
      mark.run(into, at, id);
      log.run(id, into, articleId, at);
    }
  }

  clearDerived(): void {
    const floor = firstFreeStoryId(this.db);
    this.db.exec(
      `DELETE FROM story_merges; DELETE FROM assignments; DELETE FROM stories; DELETE FROM copy_groups; DELETE FROM copies;
       DELETE FROM pipeline_state; DELETE FROM fact_sheet_entities; DELETE FROM fact_sheets;
       INSERT INTO meta (key, value) VALUES ('derived_epoch', '1') ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1;`,
    );
    setIdFloor(this.db, undefined, floor);
  }

  idFloor(): number {
    return storyIdFloor(this.db);
  }

  list(options: { limit?: number; offset?: number; order?: 'newest' | 'largest' } = {}): StoryRow[] {
    const order = options.order === 'largest' ? 's.article_count DESC, s.last_seen DESC' : 'COALESCE(s.last_seen, s.updated_at) DESC, s.id DESC';
    return this.rows(`${LIVE} ORDER BY ${order} LIMIT ? OFFSET ?`, [options.limit ?? -1, options.offset ?? 0]);
  }

  private rows(where: string, params: unknown[]): StoryRow[] {
    const rows = this.db
      .prepare(
        `SELECT s.id, s.title, s.article_count AS articleCount, s.first_seen AS firstSeen, s.last_seen AS lastSeen, s.is_active AS isActive,
           (SELECT json_group_array(DISTINCT a.source) FROM assignments x JOIN articles a ON a.id = x.article_id
             WHERE x.story_id = s.id AND a.source IS NOT NULL) AS outlets,
           (SELECT json_group_array(json_array(a.id, COALESCE(a.url, a.canonical_url), a.origin)) FROM assignments x JOIN articles a ON a.id = x.article_id
             WHERE x.story_id = s.id AND a.source IS NULL) AS unnamed
         FROM stories s WHERE ${where}`,
      )
      .all(...params) as Array<Omit<StoryRow, 'outlets' | 'outletCount' | 'isActive'> & { outlets: string; unnamed: string; isActive: number }>;
    return rows.map(({ unnamed, ...r }) => {
      const outlets = (JSON.parse(r.outlets) as string[]).sort();
      // Articles without an outlet count by their label (host, else file name), as everywhere else.
      const labels = new Set(outlets.map((o) => sourceLabel({ id: 0, source: o })));
      for (const [id, url, origin] of JSON.parse(unnamed) as Array<[number, string | null, string | null]>) labels.add(sourceLabel({ id, source: null, url, origin }));
      return { ...r, isActive: r.isActive === 1, outlets, outletCount: labels.size };
    });
  }

  get(id: number): StoryRow | null {
    const live = followMerges(this.db, id);
    return live === null ? null : (this.rows('s.id = ?', [live])[0] ?? null);
  }

  liveId(id: number): number | null {
    return followMerges(this.db, id);
  }

  ofArticle(articleId: number): number | null {
    const row = this.db.prepare('SELECT story_id AS id FROM assignments WHERE article_id = ?').get(articleId) as { id: number } | undefined;
    return row ? followMerges(this.db, row.id) : null;
  }

  head(id: number): StoryHead | null {
    return (this.db.prepare(`SELECT ${HEAD_COLUMNS} FROM stories s WHERE s.id = ? AND ${LIVE}`).get(id) as StoryHead | undefined) ?? null;
  }

  members(storyId: number): StoryArticleRow[] {
    const rows = this.db
      .prepare(
        `SELECT a.id AS articleId, a.external_id AS externalId, a.title, a.source, a.published, x.seq, x.score, x.reasons, x.copy_of AS copyOf,
           COALESCE(g.group_id, a.id) AS copyGroup
         FROM assignments x JOIN articles a ON a.id = x.article_id LEFT JOIN copy_groups g ON g.article_id = a.id
         WHERE x.story_id = ? ORDER BY COALESCE(a.published, a.ingested_at), a.id`,
      )
      .all(storyId) as Array<Omit<StoryArticleRow, 'reasons'> & { reasons: string }>;
    return rows.map((r) => ({ ...r, reasons: JSON.parse(r.reasons) as string[] }));
  }

  articleIds(storyId: number): number[] {
    return this.db.prepare('SELECT article_id FROM assignments WHERE story_id = ? ORDER BY article_id').pluck().all(storyId) as number[];
  }

  /**
   * The FROM, WHERE and parameters of the live stories matching `filter`; null when the search has
   * no words to look for. `q` may carry operators (`outlet:`, `entity:`, `quote:`, `lang:`, dates:
   * see core's parseSearch); they add to the filter's own fields (all must hold). An operator that
   * cannot be read is left out (the edges refuse such a search before it gets here).
   */
  private filtered(filter: Omit<StoryListFilter, 'limit' | 'offset' | 'order'>): { from: string; where: string[]; params: Record<string, string | number>; fts: string | null } | null {
    const where: string[] = [LIVE];
    const params: Record<string, string | number> = {};
    let from = 'stories s';
    const search = parseSearch(filter.q ?? '');
    const fts = search.text !== '' ? toFtsQuery(search.text) : null;
    if (search.text !== '' && fts === null) return null;
    if (fts !== null) {
      from = `(${FTS_STORIES}) m JOIN stories s ON s.id = m.sid`;
      params.fts = fts;
    }
    const dates = [filter.from, search.from].filter((d): d is string => d !== undefined && d !== null).sort();
    const lastDates = [filter.to, search.to].filter((d): d is string => d !== undefined && d !== null).sort();
    if (dates.length > 0) {
      where.push('COALESCE(s.last_seen, s.first_seen) >= @from');
      params.from = dates[dates.length - 1]!;
    }
    if (lastDates.length > 0) {
      // Dates cover the whole day: any time on `to` sorts before `to` + 'T99'.
      where.push('COALESCE(s.first_seen, s.last_seen) < @to');
      params.to = `${lastDates[0]!}T99`;
    }
    const outlets = [...(filter.outlet !== undefined ? [filter.outlet] : []), ...search.outlets];
    outlets.forEach((outlet, i) => {
      // The outlet's name, else the host or the file name a nameless article is labelled by.
      where.push(
        `EXISTS (SELECT 1 FROM assignments x JOIN articles a ON a.id = x.article_id WHERE x.story_id = s.id AND (a.source = @outlet${i} COLLATE NOCASE
           OR (a.source IS NULL AND (lower(COALESCE(a.url, a.canonical_url, a.origin)) LIKE @host${i} ESCAPE '\\' OR lower(COALESCE(a.url, a.canonical_url, a.origin)) LIKE @wwwHost${i} ESCAPE '\\'
             OR a.origin = @outlet${i} OR a.origin LIKE @file${i} ESCAPE '\\'))))`,
      );
      const like = escapeLike(outlet.toLowerCase());
      params[`outlet${i}`] = outlet;
      params[`host${i}`] = `%://${like}/%`;
      params[`wwwHost${i}`] = `%://www.${like}/%`;
      params[`file${i}`] = `%/${escapeLike(outlet)}`;
    });
    const languages = [...(filter.language !== undefined ? [filter.language.toLowerCase()] : []), ...search.languages];
    languages.forEach((language, i) => {
      where.push(`EXISTS (SELECT 1 FROM assignments x JOIN articles a ON a.id = x.article_id WHERE x.story_id = s.id AND a.language = @language${i} COLLATE NOCASE)`);
      params[`language${i}`] = language;
    });
    const entities = [...(filter.entity !== undefined ? [filter.entity] : []), ...search.entities];
    entities.forEach((entity, i) => {
      // Entities known from cached fact sheets, plus stories whose articles name it (so uncached stories are found too).
      const phrase = toFtsQuery(`"${entity.replace(/"/g, ' ')}"`);
      const clauses = [`s.id IN (SELECT story_id FROM fact_sheet_entities WHERE name = @entity${i} COLLATE NOCASE)`];
      if (phrase !== null) {
        clauses.push(`s.id IN (SELECT x.story_id FROM articles_fts f CROSS JOIN assignments x ON x.article_id = f.rowid WHERE articles_fts MATCH @entityFts${i})`);
        params[`entityFts${i}`] = phrase;
      }
      where.push(`(${clauses.join(' OR ')})`);
      params[`entity${i}`] = entity;
    });
    for (const quote of search.quotes) where.push(`s.id IN (${this.quotingStories(quote).join(',') || 'NULL'})`);
    return { from, where, params, fts };
  }

  /** Stories with an article that has `phrase` inside quotation marks: the phrase's articles from the index, each checked. */
  private quotingStories(phrase: string): number[] {
    const fts = toFtsQuery(`"${phrase.replace(/"/g, ' ')}"`);
    if (fts === null) return [];
    const rows = this.db
      .prepare(
        `SELECT x.story_id AS storyId, a.text FROM articles_fts f CROSS JOIN assignments x ON x.article_id = f.rowid JOIN articles a ON a.id = f.rowid
         WHERE articles_fts MATCH ? ORDER BY x.story_id`,
      )
      .iterate(fts) as IterableIterator<{ storyId: number; text: string }>;
    const stories = new Set<number>();
    for (const row of rows) if (!stories.has(row.storyId) && isQuotedIn(row.text, phrase)) stories.add(row.storyId);
    return [...stories].map(Number);
  }

  matching(filter: Pick<StoryListFilter, 'q' | 'entity'>, among?: readonly number[]): number[] {
    const query = this.filtered(filter);
    if (query === null) return [];
    const { from, where, params } = query;
    if (among !== undefined) {
      if (among.length === 0) return [];
      where.push(`s.id IN (${among.map((id) => Number(id)).join(',')})`);
    }
    return this.db.prepare(`SELECT DISTINCT s.id FROM ${from} WHERE ${where.join(' AND ')} ORDER BY s.id`).pluck().all(params) as number[];
  }

  page(filter: StoryListFilter): { rows: StoryHead[]; total: number } {
    const query = this.filtered(filter);
    if (query === null) return { rows: [], total: 0 };
    const { from, where, params, fts } = query;
    let order = filter.order === 'largest' ? 's.article_count DESC, s.id DESC' : 'COALESCE(s.last_seen, s.updated_at) DESC, s.id DESC';
    if (fts !== null && filter.order === undefined) order = 'm.r, s.id DESC';
    const clause = where.join(' AND ');
    const offset = Math.max(0, Math.floor(filter.offset));
    if (fts !== null) {
      // Evaluate the full-text match once: all matching ids in order, then the page's rows.
      const ids = this.db.prepare(`SELECT s.id FROM ${from} WHERE ${clause} ORDER BY ${order}`).pluck().all(params) as number[];
      const pageIds = ids.slice(offset, offset + filter.limit);
      const byId = new Map(
        (pageIds.length ? (this.db.prepare(`SELECT ${HEAD_COLUMNS} FROM stories s WHERE s.id IN (${pageIds.map(Number).join(',')})`).all() as StoryHead[]) : []).map((r) => [r.id, r]),
      );
      return { rows: pageIds.flatMap((id) => byId.get(id) ?? []), total: ids.length };
    }
    const total = (this.db.prepare(`SELECT count(*) AS n FROM ${from} WHERE ${clause}`).get(params) as { n: number }).n;
    const rows = this.db
      .prepare(`SELECT ${HEAD_COLUMNS} FROM ${from} WHERE ${clause} ORDER BY ${order} LIMIT @limit OFFSET @offset`)
      .all({ ...params, limit: filter.limit, offset }) as StoryHead[];
    return { rows, total };
  }

  snippets(storyIds: readonly number[], q: string, words = 18): SearchSnippetRow[] {
    const ids = storyIds.map((id) => Number(id)).filter(Number.isSafeInteger);
    // The words searched for, else the first quote looked for: operators have nothing to excerpt.
    const search = parseSearch(q);
    const fts = search.text !== '' ? toFtsQuery(search.text) : search.quotes[0] !== undefined ? toFtsQuery(`"${search.quotes[0].replace(/"/g, ' ')}"`) : null;
    if (ids.length === 0 || fts === null) return [];
    const best = this.db
      .prepare(
        `SELECT x.story_id AS storyId, f.rowid AS articleId, min(f.rank) AS r FROM articles_fts f CROSS JOIN assignments x ON x.article_id = f.rowid
         WHERE articles_fts MATCH ? AND x.story_id IN (SELECT value FROM json_each(?)) GROUP BY x.story_id`,
      )
      .all(fts, JSON.stringify(ids)) as Array<{ storyId: number; articleId: number }>;
    if (best.length === 0) return [];
    const rows = this.db
      .prepare(
        `SELECT f.rowid AS articleId, snippet(articles_fts, 1, char(2), char(3), '…', ?) AS snippet, a.source, COALESCE(a.url, a.canonical_url) AS url, a.origin
         FROM articles_fts f JOIN articles a ON a.id = f.rowid WHERE articles_fts MATCH ? AND f.rowid IN (SELECT value FROM json_each(?))`,
      )
      .all(Math.max(4, Math.min(64, Math.floor(words))), fts, JSON.stringify(best.map((b) => b.articleId))) as Array<{ articleId: number; snippet: string; source: string | null; url: string | null; origin: string }>;
    const byArticle = new Map(rows.map((x) => [x.articleId, x]));
    return best.flatMap((b) => {
      const x = byArticle.get(b.articleId);
      if (!x) return [];
      const { snippet, ...rest } = x;
      return [{ storyId: b.storyId, ...rest, ...parseSnippet(snippet) }];
    });
  }

  summarize(rows: StoryHead[]): StorySummaryRow[] {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => Number(r.id)).join(',');
    const outletRows = this.db
      .prepare(
        `SELECT x.story_id AS storyId, a.source AS name, count(*) AS n FROM assignments x JOIN articles a ON a.id = x.article_id
         WHERE x.story_id IN (${ids}) AND a.source IS NOT NULL GROUP BY x.story_id, a.source ORDER BY n DESC, a.source`,
      )
      .all() as Array<{ storyId: number; name: string; n: number }>;
    const dayRows = this.db
      .prepare(
        `SELECT x.story_id AS storyId, substr(COALESCE(a.published, a.ingested_at), 1, 10) AS day, count(*) AS n
         FROM assignments x JOIN articles a ON a.id = x.article_id WHERE x.story_id IN (${ids}) GROUP BY 1, 2 ORDER BY 2`,
      )
      .all() as Array<{ storyId: number; day: string; n: number }>;
    // Articles without an outlet are listed by their label (host, else file name), as everywhere else.
    const unnamed = this.db
      .prepare(
        `SELECT x.story_id AS storyId, a.id, COALESCE(a.url, a.canonical_url) AS url, a.origin FROM assignments x JOIN articles a ON a.id = x.article_id
         WHERE x.story_id IN (${ids}) AND a.source IS NULL ORDER BY x.story_id, a.id`,
      )
      .all() as Array<{ storyId: number; id: number; url: string | null; origin: string }>;
    for (const a of unnamed) {
      const name = sourceLabel({ id: a.id, source: null, url: a.url, origin: a.origin });
      const known = outletRows.find((o) => o.storyId === a.storyId && o.name === name);
      if (known) known.n += 1;
      else outletRows.push({ storyId: a.storyId, name, n: 1 });
    }
    return rows.map((r) => ({
      ...r,
      outlets: outletRows
        .filter((o) => o.storyId === r.id)
        .sort((a, b) => b.n - a.n || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
        .map((o) => ({ name: o.name, articles: o.n })),
      days: dayRows.filter((d) => d.storyId === r.id).map((d) => ({ day: d.day, articles: d.n })),
    }));
  }

  outlets(): OutletRow[] {
    return this.db
      .prepare(
        `SELECT a.source AS name, count(*) AS articles, count(DISTINCT s.id) AS stories,
           min(a.published) AS firstPublished, max(a.published) AS lastPublished
         FROM articles a LEFT JOIN assignments x ON x.article_id = a.id
           LEFT JOIN stories s ON s.id = x.story_id AND s.merged_into IS NULL
         WHERE a.source IS NOT NULL GROUP BY a.source ORDER BY articles DESC, a.source`,
      )
      .all() as OutletRow[];
  }

  entities(options: { limit: number; kind?: string | undefined }): EntityRow[] {
    const kind = options.kind !== undefined ? 'AND e.kind = @kind' : '';
    return this.db
      .prepare(
        `SELECT e.name, e.kind, count(DISTINCT e.story_id) AS stories, sum(e.mentions) AS mentions
         FROM fact_sheet_entities e JOIN stories s ON s.id = e.story_id
         WHERE s.merged_into IS NULL ${kind} GROUP BY e.name COLLATE NOCASE, e.kind
         ORDER BY stories DESC, mentions DESC, e.name LIMIT @limit`,
      )
      .all({ limit: options.limit, ...(options.kind !== undefined ? { kind: options.kind } : {}) }) as EntityRow[];
  }

  merges(): MergeRow[] {
    return this.db
      .prepare('SELECT from_story AS fromStory, into_story AS intoStory, article_id AS articleId, merged_at AS mergedAt FROM story_merges ORDER BY id')
      .all() as MergeRow[];
  }

  *exportRows(): Generator<ExportRow> {
    const statement = this.db.prepare(
      `SELECT a.id AS articleId, a.external_id AS externalId, x.story_id AS storyId, COALESCE(g.group_id, CASE WHEN x.seq IS NULL THEN NULL ELSE a.id END) AS copyGroup,
         a.source, a.published, a.title
       FROM articles a LEFT JOIN assignments x ON x.article_id = a.id LEFT JOIN copy_groups g ON g.article_id = a.id
       ORDER BY x.seq IS NULL, x.seq, a.id`,
    );
    for (const row of statement.iterate() as IterableIterator<ExportRow>) yield row;
  }
}

/** Copy relations and copy groups on SQLite. */
export class SqliteCopies implements Sync<CopyWriter> {
  constructor(private readonly db: Database.Database) {}

  record(articleId: number, copies: Array<Omit<CopyRow, 'articleId'>>, dedupVersion: number): void {
    const insert = this.db.prepare(
      'INSERT OR REPLACE INTO copies (article_id, other_id, kind, jaccard, containment, dedup_version) VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (const c of copies) insert.run(articleId, c.otherId, c.kind, c.jaccard, c.containment, dedupVersion);
  }

  setGroups(entries: Array<{ articleId: number; groupId: number }>): void {
    const upsert = this.db.prepare(
      'INSERT INTO copy_groups (article_id, group_id) VALUES (?, ?) ON CONFLICT (article_id) DO UPDATE SET group_id = excluded.group_id',
    );
    for (const e of entries) upsert.run(e.articleId, e.groupId);
  }

  among(articleIds: readonly number[]): CopyRow[] {
    if (articleIds.length === 0) return [];
    const list = articleIds.map((id) => Number(id)).join(',');
    return this.db
      .prepare(
        `SELECT article_id AS articleId, other_id AS otherId, kind, jaccard, containment FROM copies
         WHERE article_id IN (${list}) AND other_id IN (${list}) ORDER BY article_id, other_id`,
      )
      .all() as CopyRow[];
  }

  from(articleIds: readonly number[]): CopyRow[] {
    const select = this.db.prepare('SELECT article_id AS articleId, other_id AS otherId, kind, jaccard, containment FROM copies WHERE article_id = ? ORDER BY other_id');
    return articleIds.flatMap((id) => select.all(Number(id)) as CopyRow[]);
  }
}

/** The assignment log on SQLite. */
export class SqliteEvents implements Sync<EventReader> {
  constructor(private readonly db: Database.Database) {}

  maxSeq(): number {
    return (this.db.prepare('SELECT COALESCE(MAX(seq), 0) AS n FROM assignments').get() as { n: number }).n;
  }

  assignedAfter(seq: number): AssignedRow[] {
    return this.db
      .prepare('SELECT seq, article_id AS articleId, story_id AS storyId, first_story_id AS firstStoryId, copy_of AS copyOf FROM assignments WHERE seq > ? ORDER BY seq')
      .all(seq) as AssignedRow[];
  }

  epoch(): number {
    const value = this.db.prepare("SELECT value FROM meta WHERE key = 'derived_epoch'").pluck().get() as string | undefined;
    return value === undefined ? 0 : Number(value);
  }

  after(seq: number, limit: number): AssignmentEventRow[] {
    const rows = this.db
      .prepare(
        `SELECT x.seq, x.article_id AS articleId, x.story_id AS storyId, x.is_new AS isNew, a.title, a.source
         FROM assignments x JOIN articles a ON a.id = x.article_id WHERE x.seq > ? ORDER BY x.seq LIMIT ?`,
      )
      .all(seq, limit) as Array<{ seq: number; articleId: number; storyId: number; isNew: number; title: string | null; source: string | null }>;
    return rows.map((r) => ({
      seq: r.seq,
      articleId: r.articleId,
      // The article is in its story, so the story is not empty; a damaged merge chain keeps the id as stored.
      storyId: followMerges(this.db, r.storyId) ?? r.storyId,
      isNewStory: r.isNew === 1,
      title: r.title,
      source: r.source,
    }));
  }

  changeToken(): string {
    const row = this.db
      .prepare(
        `SELECT (SELECT max(id) FROM articles) AS a, (SELECT max(seq) FROM assignments) AS s,
           (SELECT max(rowid) FROM fact_sheet_entities) AS e, (SELECT max(rowid) FROM story_merges) AS m,
           (SELECT count(*) FROM stories) AS n`,
      )
      .get() as { a: number | null; s: number | null; e: number | null; m: number | null; n: number };
    // data_version moves when another connection commits (a recluster by the CLI reuses the same ids);
    // the rest covers this connection's own writes.
    const external = this.db.pragma('data_version', { simple: true }) as number;
    return `${external}:${row.a ?? 0}:${row.s ?? 0}:${row.e ?? 0}:${row.m ?? 0}:${row.n}`;
  }
}

/** Saved stage state on SQLite. */
export class SqliteState implements Sync<StateWriter> {
  constructor(private readonly db: Database.Database) {}

  load(name: string): SavedState | null {
    return (this.db.prepare('SELECT version, seq, data FROM pipeline_state WHERE name = ?').get(name) as SavedState | undefined) ?? null;
  }

  save(name: string, state: SavedState, at: string): void {
    this.db
      .prepare(
        `INSERT INTO pipeline_state (name, version, seq, data, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET version = excluded.version, seq = excluded.seq, data = excluded.data, updated_at = excluded.updated_at`,
      )
      .run(name, state.version, state.seq, state.data, at);
  }
}
