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
  StateWriter,
  StoryArticleRow,
  StoryHead,
  StoryListFilter,
  StoryRow,
  StorySnapshot,
  SearchSnippetRow,
  StorySummaryRow,
  StoryWriter,
} from '../port.js';
import { sourceLabel } from '../../core/labels.js';
import { isQuotedIn, parseSearch } from '../../core/search.js';
import { parseSnippet } from '../sqlite/fts.js';
import type { Db } from './db.js';
import { toTsQuery } from './search.js';

const LIVE = 's.merged_into IS NULL AND s.article_count > 0';
const HEAD_COLUMNS = 's.id, s.title, s.article_count AS "articleCount", s.first_seen AS "firstSeen", s.last_seen AS "lastSeen"';
/** The stories whose articles match a tsquery (parameter `q`), with their best article's rank. */
const SEARCH_STORIES = (q: string): string => `SELECT x.story_id AS sid, max(ts_rank(a.search, ${q})) AS r FROM articles a JOIN assignments x ON x.article_id = a.id
  WHERE a.search @@ ${q} GROUP BY x.story_id`;

/** How many merges are followed at most (a cycle is a damaged store, not an answer). */
const MAX_MERGE_HOPS = 100;

/** The one "follow merges" rule: the live story an id now is, or null (no such story, or it ended empty). */
export async function followMerges(db: Db, id: number): Promise<number | null> {
  // One statement: the chain of merged_into from `id`, bounded, and its last story.
  const row = await db.row<{ id: number; mergedInto: number | null; n: number }>(
    `WITH RECURSIVE chain (id, merged_into, n, hops) AS (
       SELECT id, merged_into, article_count, 0 FROM stories WHERE id = $1
       UNION ALL
       SELECT s.id, s.merged_into, s.article_count, c.hops + 1 FROM chain c JOIN stories s ON s.id = c.merged_into WHERE c.hops < $2
     ) SELECT id, merged_into AS "mergedInto", n FROM chain ORDER BY hops DESC LIMIT 1`,
    [id, MAX_MERGE_HOPS],
  );
  if (!row || row.mergedInto !== null) return null;
  return row.n > 0 ? row.id : null;
}

/** Meta key of the first story id of the stories stored now. */
const ID_FLOOR_KEY = 'story_id_floor';

/** The first story id of the stories stored now (as names resolve: a rebuild's own floor inside a rebuild). */
export async function storyIdFloor(db: Db): Promise<number> {
  const kept = await db.value<string>('SELECT value FROM meta WHERE key = $1', [ID_FLOOR_KEY]);
  const floor = kept === undefined ? 1 : Number(kept);
  return Number.isSafeInteger(floor) && floor > 0 ? floor : 1;
}

/**
 * The lowest story id never given: above every story stored and every id given before the last
 * clear; in the tables `prefix` names (a schema and a dot, or '' as names resolve).
 */
export async function firstFreeStoryId(db: Db, prefix = ''): Promise<number> {
  const stored = (await db.value<number>(`SELECT COALESCE(MAX(id), 0) FROM ${prefix}stories`)) ?? 0;
  const kept = await db.value<string>(`SELECT value FROM ${prefix}meta WHERE key = $1`, [ID_FLOOR_KEY]);
  const floor = kept === undefined ? 1 : Number(kept);
  return Math.max(stored + 1, Number.isSafeInteger(floor) && floor > 0 ? floor : 1);
}

export async function setIdFloor(db: Db, prefix: string, floor: number): Promise<void> {
  await db.run(`INSERT INTO ${prefix}meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, [ID_FLOOR_KEY, String(floor)]);
}

export async function bumpEpoch(db: Db, prefix = ''): Promise<void> {
  await db.run(`INSERT INTO ${prefix}meta AS m (key, value) VALUES ('derived_epoch', '1') ON CONFLICT (key) DO UPDATE SET value = (m.value::bigint + 1)::text`);
}

type Params = unknown[];
const bind = (params: Params, value: unknown): string => {
  params.push(value);
  return `$${params.length}`;
};

/** `text` with LIKE's wildcards (and the escape character) escaped by a backslash. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A tsquery of the store's folded text, from a `to_tsquery` text bound as a parameter. */
const tsQuery = (params: Params, query: string): string => `to_tsquery('simple'::regconfig, search_fold(${bind(params, query)}))`;

/** Stories, assignments, merges, and the story list queries (filters, tsvector search, outlets, entities) on PostgreSQL. */
export class PostgresStories implements StoryWriter {
  constructor(private readonly db: Db) {}

  async insertAssignment(a: NewAssignment): Promise<number> {
    // The next seq is the last one plus one, as SQLite gives rowids: writers take turns under the write lock.
    const seq = await this.db.value<number>(
      `INSERT INTO assignments (seq, article_id, story_id, first_story_id, is_new, score, reasons, copy_of, cluster_version, assigned_at)
       VALUES ((SELECT COALESCE(MAX(seq), 0) + 1 FROM assignments), $1, $2, $2, $3, $4, $5, $6, $7, $8) RETURNING seq`,
      [a.articleId, a.storyId, a.isNew, a.score, JSON.stringify(a.reasons), a.copyOf, a.clusterVersion, a.assignedAt],
    );
    return seq ?? 0;
  }

  async moveAssignment(articleId: number, storyId: number, reasons: string[]): Promise<void> {
    await this.db.run('UPDATE assignments SET story_id = $1, reasons = $2 WHERE article_id = $3', [storyId, JSON.stringify(reasons), articleId]);
  }

  async upsert(s: StorySnapshot, now: string): Promise<void> {
    await this.db.run(
      `INSERT INTO stories (id, title, article_count, first_seen, last_seen, is_active, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
       ON CONFLICT (id) DO UPDATE SET title = excluded.title, article_count = excluded.article_count,
         first_seen = excluded.first_seen, last_seen = excluded.last_seen, is_active = excluded.is_active,
         updated_at = excluded.updated_at`,
      [s.id, s.title, s.size, s.firstSeen, s.lastSeen, s.isActive, now],
    );
  }

  async recordMerge(from: number[], into: number, articleId: number, at: string): Promise<void> {
    for (const id of from) {
      if (id === into) continue;
      await this.db.run('UPDATE assignments SET story_id = $1 WHERE story_id = $2', [into, id]);
      await this.db.run('UPDATE stories SET merged_into = $1, article_count = 0, is_active = FALSE, updated_at = $2 WHERE id = $3', [into, at, id]);
      await this.db.run(
        'INSERT INTO story_merges (id, from_story, into_story, article_id, merged_at) VALUES ((SELECT COALESCE(MAX(id), 0) + 1 FROM story_merges), $1, $2, $3, $4)',
        [id, into, articleId, at],
      );
    }
  }

  async clearDerived(): Promise<void> {
    const floor = await firstFreeStoryId(this.db);
    for (const table of ['story_merges', 'assignments', 'fact_sheet_entities', 'fact_sheets', 'copy_groups', 'copies', 'pipeline_state', 'stories']) {
      await this.db.run(`DELETE FROM ${table}`);
    }
    await bumpEpoch(this.db);
    await setIdFloor(this.db, '', floor);
  }

  idFloor(): Promise<number> {
    return storyIdFloor(this.db);
  }

  list(options: { limit?: number; offset?: number; order?: 'newest' | 'largest' } = {}): Promise<StoryRow[]> {
    const order = options.order === 'largest' ? 's.article_count DESC, s.last_seen DESC NULLS LAST' : 'COALESCE(s.last_seen, s.updated_at) DESC, s.id DESC';
    return this.rows(`${LIVE} ORDER BY ${order} LIMIT $1 OFFSET $2`, [options.limit ?? null, options.offset ?? 0]);
  }

  private async rows(where: string, params: Params): Promise<StoryRow[]> {
    const rows = await this.db.rows<Omit<StoryRow, 'outletCount'> & { unnamed: Array<[number, string | null, string | null]> }>(
      `SELECT s.id, s.title, s.article_count AS "articleCount", s.first_seen AS "firstSeen", s.last_seen AS "lastSeen", s.is_active AS "isActive",
         ARRAY(SELECT DISTINCT a.source FROM assignments x JOIN articles a ON a.id = x.article_id
           WHERE x.story_id = s.id AND a.source IS NOT NULL ORDER BY a.source) AS outlets,
         (SELECT COALESCE(json_agg(json_build_array(a.id, COALESCE(a.url, a.canonical_url), a.origin)), '[]'::json) FROM assignments x JOIN articles a ON a.id = x.article_id
           WHERE x.story_id = s.id AND a.source IS NULL) AS unnamed
       FROM stories s WHERE ${where}`,
      params,
    );
    return rows.map(({ unnamed, ...r }) => {
      const outlets = [...r.outlets].sort();
      // Articles without an outlet count by their label (host, else file name), as everywhere else.
      const labels = new Set(outlets.map((o) => sourceLabel({ id: 0, source: o })));
      for (const [id, url, origin] of unnamed) labels.add(sourceLabel({ id: Number(id), source: null, url, origin }));
      return { ...r, outlets, outletCount: labels.size };
    });
  }

  async get(id: number): Promise<StoryRow | null> {
    const live = await followMerges(this.db, id);
    return live === null ? null : ((await this.rows('s.id = $1', [live]))[0] ?? null);
  }

  liveId(id: number): Promise<number | null> {
    return followMerges(this.db, id);
  }

  async ofArticle(articleId: number): Promise<number | null> {
    const id = await this.db.value<number>('SELECT story_id FROM assignments WHERE article_id = $1', [articleId]);
    return id === undefined ? null : followMerges(this.db, id);
  }

  async head(id: number): Promise<StoryHead | null> {
    return (await this.db.row<StoryHead>(`SELECT ${HEAD_COLUMNS} FROM stories s WHERE s.id = $1 AND ${LIVE}`, [id])) ?? null;
  }

  async members(storyId: number): Promise<StoryArticleRow[]> {
    const rows = await this.db.rows<Omit<StoryArticleRow, 'reasons'> & { reasons: string }>(
      `SELECT a.id AS "articleId", a.external_id AS "externalId", a.title, a.source, a.published, x.seq, x.score, x.reasons, x.copy_of AS "copyOf",
         COALESCE(g.group_id, a.id) AS "copyGroup"
       FROM assignments x JOIN articles a ON a.id = x.article_id LEFT JOIN copy_groups g ON g.article_id = a.id
       WHERE x.story_id = $1 ORDER BY COALESCE(a.published, a.ingested_at), a.id`,
      [storyId],
    );
    return rows.map((r) => ({ ...r, reasons: JSON.parse(r.reasons) as string[] }));
  }

  async articleIds(storyId: number): Promise<number[]> {
    return (await this.db.rows<{ id: number }>('SELECT article_id AS id FROM assignments WHERE story_id = $1 ORDER BY article_id', [storyId])).map((r) => r.id);
  }

  /**
   * The FROM, WHERE and parameters of the live stories matching `filter`; null when the search has
   * no words to look for. `q` may carry operators (`outlet:`, `entity:`, `quote:`, `lang:`, dates:
   * see core's parseSearch); they add to the filter's own fields (all must hold). An operator that
   * cannot be read is left out (the edges refuse such a search before it gets here).
   */
  private async filtered(filter: Omit<StoryListFilter, 'limit' | 'offset' | 'order'>): Promise<{ from: string; where: string[]; params: Params; searching: boolean } | null> {
    const where: string[] = [LIVE];
    const params: Params = [];
    let from = 'stories s';
    const search = parseSearch(filter.q ?? '');
    const query = search.text !== '' ? toTsQuery(search.text) : null;
    if (search.text !== '' && query === null) return null;
    if (query !== null) from = `(${SEARCH_STORIES(tsQuery(params, query))}) m JOIN stories s ON s.id = m.sid`;
    const firstDates = [filter.from, search.from].filter((d): d is string => d !== undefined && d !== null).sort();
    const lastDates = [filter.to, search.to].filter((d): d is string => d !== undefined && d !== null).sort();
    if (firstDates.length > 0) where.push(`COALESCE(s.last_seen, s.first_seen) >= ${bind(params, firstDates[firstDates.length - 1])}`);
    // Dates cover the whole day: any time on `to` sorts before `to` + 'T99'.
    if (lastDates.length > 0) where.push(`COALESCE(s.first_seen, s.last_seen) < ${bind(params, `${lastDates[0]!}T99`)}`);
    for (const outlet of [...(filter.outlet !== undefined ? [filter.outlet] : []), ...search.outlets]) {
      // The outlet's name, else the host or the file name a nameless article is labelled by.
      const like = escapeLike(outlet.toLowerCase());
      const address = 'lower(COALESCE(a.url, a.canonical_url, a.origin))';
      where.push(
        `EXISTS (SELECT 1 FROM assignments x JOIN articles a ON a.id = x.article_id WHERE x.story_id = s.id AND (lower(a.source) = lower(${bind(params, outlet)})
           OR (a.source IS NULL AND (${address} LIKE ${bind(params, `%://${like}/%`)} ESCAPE '\\' OR ${address} LIKE ${bind(params, `%://www.${like}/%`)} ESCAPE '\\'
             OR a.origin = ${bind(params, outlet)} OR a.origin LIKE ${bind(params, `%/${escapeLike(outlet)}`)} ESCAPE '\\'))))`,
      );
    }
    for (const language of [...(filter.language !== undefined ? [filter.language] : []), ...search.languages]) {
      where.push(`EXISTS (SELECT 1 FROM assignments x JOIN articles a ON a.id = x.article_id WHERE x.story_id = s.id AND lower(a.language) = lower(${bind(params, language)}))`);
    }
    for (const entity of [...(filter.entity !== undefined ? [filter.entity] : []), ...search.entities]) {
      // Entities known from cached fact sheets, plus stories whose articles name it (so uncached stories are found too).
      const clauses = [`s.id IN (SELECT story_id FROM fact_sheet_entities WHERE lower(name) = lower(${bind(params, entity)}))`];
      const phrase = toTsQuery(`"${entity.replace(/"/g, ' ')}"`);
      if (phrase !== null) clauses.push(`s.id IN (SELECT x.story_id FROM articles a JOIN assignments x ON x.article_id = a.id WHERE a.search @@ ${tsQuery(params, phrase)})`);
      where.push(`(${clauses.join(' OR ')})`);
    }
    for (const quote of search.quotes) where.push(`s.id = ANY(${bind(params, await this.quotingStories(quote))}::bigint[])`);
    return { from, where, params, searching: query !== null };
  }

  /** Stories with an article that has `phrase` inside quotation marks: the phrase's articles from the index, each checked. */
  private async quotingStories(phrase: string): Promise<number[]> {
    const query = toTsQuery(`"${phrase.replace(/"/g, ' ')}"`);
    if (query === null) return [];
    const params: Params = [];
    const rows = await this.db.rows<{ storyId: number; text: string }>(
      `SELECT x.story_id AS "storyId", a.text FROM articles a JOIN assignments x ON x.article_id = a.id WHERE a.search @@ ${tsQuery(params, query)} ORDER BY x.story_id`,
      params,
    );
    const stories = new Set<number>();
    for (const row of rows) if (!stories.has(row.storyId) && isQuotedIn(row.text, phrase)) stories.add(row.storyId);
    return [...stories].map(Number);
  }

  async matching(filter: Pick<StoryListFilter, 'q' | 'entity'>, among?: readonly number[]): Promise<number[]> {
    const query = await this.filtered(filter);
    if (query === null) return [];
    const { from, where, params } = query;
    if (among !== undefined) {
      if (among.length === 0) return [];
      where.push(`s.id = ANY(${bind(params, among.map(Number))}::bigint[])`);
    }
    return (await this.db.rows<{ id: number }>(`SELECT DISTINCT s.id FROM ${from} WHERE ${where.join(' AND ')} ORDER BY s.id`, params)).map((r) => r.id);
  }

  async page(filter: StoryListFilter): Promise<{ rows: StoryHead[]; total: number }> {
    const query = await this.filtered(filter);
    if (query === null) return { rows: [], total: 0 };
    const { from, where, params, searching } = query;
    let order = filter.order === 'largest' ? 's.article_count DESC, s.id DESC' : 'COALESCE(s.last_seen, s.updated_at) DESC, s.id DESC';
    if (searching && filter.order === undefined) order = 'm.r DESC, s.id DESC';
    const clause = where.join(' AND ');
    const offset = Math.max(0, Math.floor(filter.offset));
    // One statement: the page's rows with the count of all that match (evaluating the search once).
    const rows = await this.db.rows<StoryHead & { total: number }>(
      `SELECT ${HEAD_COLUMNS}, count(*) OVER () AS total FROM ${from} WHERE ${clause} ORDER BY ${order}
       LIMIT ${bind(params, filter.limit)} OFFSET ${bind(params, offset)}`,
      params,
    );
    if (rows.length > 0 || offset === 0) return { rows: rows.map(({ total: _total, ...head }) => head), total: rows[0]?.total ?? 0 };
    // A page past the end: the count on its own.
    const total = (await this.db.value<number>(`SELECT count(*) FROM ${from} WHERE ${clause}`, params.slice(0, -2))) ?? 0;
    return { rows: [], total };
  }

  async snippets(storyIds: readonly number[], q: string, words = 18): Promise<SearchSnippetRow[]> {
    const ids = storyIds.map((id) => Number(id)).filter(Number.isSafeInteger);
    // The words searched for, else the first quote looked for: operators have nothing to excerpt.
    const search = parseSearch(q);
    const query = search.text !== '' ? toTsQuery(search.text) : search.quotes[0] !== undefined ? toTsQuery(`"${search.quotes[0].replace(/"/g, ' ')}"`) : null;
    if (ids.length === 0 || query === null) return [];
    const params: Params = [];
    const tsq = tsQuery(params, query);
    const size = Math.max(4, Math.min(64, Math.floor(words)));
    const options = bind(params, `StartSel=\u0002, StopSel=\u0003, MaxWords=${size}, MinWords=${Math.max(3, Math.floor(size / 2))}, ShortWord=2, MaxFragments=1, FragmentDelimiter=" … "`);
    // The best-ranked matching article of each story, and an excerpt of it around the match.
    const rows = await this.db.rows<{ storyId: number; articleId: number; snippet: string; source: string | null; url: string | null; origin: string; whole: boolean }>(
      `WITH best AS (
         SELECT DISTINCT ON (x.story_id) x.story_id, a.id FROM articles a JOIN assignments x ON x.article_id = a.id
         WHERE a.search @@ ${tsq} AND x.story_id = ANY(${bind(params, ids)}::bigint[])
         ORDER BY x.story_id, ts_rank(a.search, ${tsq}) DESC, a.id
       )
       SELECT b.story_id AS "storyId", a.id AS "articleId", ts_headline('simple'::regconfig, left(a.text, 300000), ${tsq}, ${options}) AS snippet,
         a.source, COALESCE(a.url, a.canonical_url) AS url, a.origin
       FROM best b JOIN articles a ON a.id = b.id ORDER BY b.story_id`,
      params,
    );
    return rows.map(({ snippet, ...rest }) => ({ ...rest, ...parseSnippet(snippet) }));
  }

  async summarize(rows: StoryHead[]): Promise<StorySummaryRow[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => Number(r.id));
    const outletRows = await this.db.rows<{ storyId: number; name: string; n: number }>(
      `SELECT x.story_id AS "storyId", a.source AS name, count(*) AS n FROM assignments x JOIN articles a ON a.id = x.article_id
       WHERE x.story_id = ANY($1::bigint[]) AND a.source IS NOT NULL GROUP BY x.story_id, a.source ORDER BY n DESC, a.source`,
      [ids],
    );
    const dayRows = await this.db.rows<{ storyId: number; day: string; n: number }>(
      `SELECT x.story_id AS "storyId", substr(COALESCE(a.published, a.ingested_at), 1, 10) AS day, count(*) AS n
       FROM assignments x JOIN articles a ON a.id = x.article_id WHERE x.story_id = ANY($1::bigint[]) GROUP BY 1, 2 ORDER BY 2`,
      [ids],
    );
    // Articles without an outlet are listed by their label (host, else file name), as everywhere else.
    const unnamed = await this.db.rows<{ storyId: number; id: number; url: string | null; origin: string }>(
      `SELECT x.story_id AS "storyId", a.id, COALESCE(a.url, a.canonical_url) AS url, a.origin FROM assignments x JOIN articles a ON a.id = x.article_id
       WHERE x.story_id = ANY($1::bigint[]) AND a.source IS NULL ORDER BY x.story_id, a.id`,
      [ids],
    );
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

  outlets(): Promise<OutletRow[]> {
    return this.db.rows<OutletRow>(
      `SELECT a.source AS name, count(*) AS articles, count(DISTINCT s.id) AS stories,
         min(a.published) AS "firstPublished", max(a.published) AS "lastPublished"
       FROM articles a LEFT JOIN assignments x ON x.article_id = a.id
         LEFT JOIN stories s ON s.id = x.story_id AND s.merged_into IS NULL
       WHERE a.source IS NOT NULL GROUP BY a.source ORDER BY articles DESC, a.source`,
    );
  }

  entities(options: { limit: number; kind?: string | undefined }): Promise<EntityRow[]> {
    const params: Params = [options.limit];
    const kind = options.kind !== undefined ? `AND e.kind = ${bind(params, options.kind)}` : '';
    return this.db.rows<EntityRow>(
      `SELECT min(e.name) AS name, e.kind, count(DISTINCT e.story_id) AS stories, sum(e.mentions) AS mentions
       FROM fact_sheet_entities e JOIN stories s ON s.id = e.story_id
       WHERE s.merged_into IS NULL ${kind} GROUP BY lower(e.name), e.kind
       ORDER BY stories DESC, mentions DESC, name LIMIT $1`,
      params,
    );
  }

  merges(): Promise<MergeRow[]> {
    return this.db.rows<MergeRow>('SELECT from_story AS "fromStory", into_story AS "intoStory", article_id AS "articleId", merged_at AS "mergedAt" FROM story_merges ORDER BY id');
  }

  async *exportRows(): AsyncGenerator<ExportRow> {
    // Keyset pages (processing order: assigned by seq, then the unassigned by id), so that a large store streams.
    const PAGE = 1000;
    let lastSeq = 0;
    for (;;) {
      const rows = await this.db.rows<ExportRow & { seq: number }>(
        `SELECT x.seq, a.id AS "articleId", a.external_id AS "externalId", x.story_id AS "storyId", COALESCE(g.group_id, a.id) AS "copyGroup",
           a.source, a.published, a.title
         FROM assignments x JOIN articles a ON a.id = x.article_id LEFT JOIN copy_groups g ON g.article_id = a.id
         WHERE x.seq > $1 ORDER BY x.seq LIMIT $2`,
        [lastSeq, PAGE],
      );
      for (const { seq: _seq, ...row } of rows) yield row;
      if (rows.length < PAGE) break;
      lastSeq = rows.at(-1)!.seq;
    }
    let lastId = 0;
    for (;;) {
      const rows = await this.db.rows<ExportRow>(
        `SELECT a.id AS "articleId", a.external_id AS "externalId", NULL::bigint AS "storyId", g.group_id AS "copyGroup", a.source, a.published, a.title
         FROM articles a LEFT JOIN copy_groups g ON g.article_id = a.id
         WHERE a.id > $1 AND NOT EXISTS (SELECT 1 FROM assignments x WHERE x.article_id = a.id) ORDER BY a.id LIMIT $2`,
        [lastId, PAGE],
      );
      for (const row of rows) yield row;
      if (rows.length < PAGE) break;
      lastId = rows.at(-1)!.articleId;
    }
  }
}

/** Copy relations and copy groups on PostgreSQL. */
export class PostgresCopies implements CopyWriter {
  constructor(private readonly db: Db) {}

  async record(articleId: number, copies: Array<Omit<CopyRow, 'articleId'>>, dedupVersion: number): Promise<void> {
    for (const c of copies) {
      await this.db.run(
        `INSERT INTO copies (article_id, other_id, kind, jaccard, containment, dedup_version) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (article_id, other_id) DO UPDATE SET kind = excluded.kind, jaccard = excluded.jaccard, containment = excluded.containment,
           dedup_version = excluded.dedup_version`,
        [articleId, c.otherId, c.kind, c.jaccard, c.containment, dedupVersion],
      );
    }
  }

  async setGroups(entries: Array<{ articleId: number; groupId: number }>): Promise<void> {
    if (entries.length === 0) return;
    await this.db.run(
      `INSERT INTO copy_groups (article_id, group_id) SELECT * FROM unnest($1::bigint[], $2::bigint[])
       ON CONFLICT (article_id) DO UPDATE SET group_id = excluded.group_id`,
      [entries.map((e) => e.articleId), entries.map((e) => e.groupId)],
    );
  }

  among(articleIds: readonly number[]): Promise<CopyRow[]> {
    if (articleIds.length === 0) return Promise.resolve([]);
    return this.db.rows<CopyRow>(
      `SELECT article_id AS "articleId", other_id AS "otherId", kind, jaccard, containment FROM copies
       WHERE article_id = ANY($1::bigint[]) AND other_id = ANY($1::bigint[]) ORDER BY article_id, other_id`,
      [articleIds.map(Number)],
    );
  }

  async from(articleIds: readonly number[]): Promise<CopyRow[]> {
    if (articleIds.length === 0) return [];
    const ids = articleIds.map(Number);
    const rows = await this.db.rows<CopyRow>(
      'SELECT article_id AS "articleId", other_id AS "otherId", kind, jaccard, containment FROM copies WHERE article_id = ANY($1::bigint[]) ORDER BY other_id',
      [ids],
    );
    // In the order the ids were given, as the SQLite store answers.
    return ids.flatMap((id) => rows.filter((r) => r.articleId === id));
  }
}

/** The assignment log on PostgreSQL. */
export class PostgresEvents implements EventReader {
  constructor(private readonly db: Db) {}

  async maxSeq(): Promise<number> {
    return (await this.db.value<number>('SELECT COALESCE(MAX(seq), 0) FROM assignments')) ?? 0;
  }

  assignedAfter(seq: number): Promise<AssignedRow[]> {
    return this.db.rows<AssignedRow>(
      'SELECT seq, article_id AS "articleId", story_id AS "storyId", first_story_id AS "firstStoryId", copy_of AS "copyOf" FROM assignments WHERE seq > $1 ORDER BY seq',
      [seq],
    );
  }

  async epoch(): Promise<number> {
    const value = await this.db.value<string>("SELECT value FROM meta WHERE key = 'derived_epoch'");
    return value === undefined ? 0 : Number(value);
  }

  async after(seq: number, limit: number): Promise<AssignmentEventRow[]> {
    const rows = await this.db.rows<{ seq: number; articleId: number; storyId: number; isNew: boolean; title: string | null; source: string | null }>(
      `SELECT x.seq, x.article_id AS "articleId", x.story_id AS "storyId", x.is_new AS "isNew", a.title, a.source
       FROM assignments x JOIN articles a ON a.id = x.article_id WHERE x.seq > $1 ORDER BY x.seq LIMIT $2`,
      [seq, limit],
    );
    const live = new Map<number, number>();
    const result: AssignmentEventRow[] = [];
    for (const r of rows) {
      if (!live.has(r.storyId)) live.set(r.storyId, (await followMerges(this.db, r.storyId)) ?? r.storyId);
      // The article is in its story, so the story is not empty; a damaged merge chain keeps the id as stored.
      result.push({ seq: r.seq, articleId: r.articleId, storyId: live.get(r.storyId)!, isNewStory: r.isNew, title: r.title, source: r.source });
    }
    return result;
  }

  async changeToken(): Promise<string> {
    // Every committed write moves the store's change count (see PostgresStore.transaction), whoever wrote it.
    const row = await this.db.row<{ changes: string | null; epoch: string | null }>(
      "SELECT (SELECT value FROM meta WHERE key = 'change_count') AS changes, (SELECT value FROM meta WHERE key = 'derived_epoch') AS epoch",
    );
    return `${row?.epoch ?? 0}:${row?.changes ?? 0}`;
  }
}

/** Saved stage state on PostgreSQL. */
export class PostgresState implements StateWriter {
  constructor(private readonly db: Db) {}

  async load(name: string): Promise<SavedState | null> {
    return (await this.db.row<SavedState>('SELECT version, seq, data FROM pipeline_state WHERE name = $1', [name])) ?? null;
  }

  async save(name: string, state: SavedState, at: string): Promise<void> {
    await this.db.run(
      `INSERT INTO pipeline_state (name, version, seq, data, updated_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (name) DO UPDATE SET version = excluded.version, seq = excluded.seq, data = excluded.data, updated_at = excluded.updated_at`,
      [name, state.version, state.seq, state.data, at],
    );
  }
}
