import type Database from 'better-sqlite3';

/** A story as stored. */
export interface StoryRow {
  id: number;
  title: string;
  articleCount: number;
  outletCount: number;
  outlets: string[];
  firstSeen: string | null;
  lastSeen: string | null;
  isActive: boolean;
}

export interface StoryArticleRow {
  articleId: number;
  externalId: string | null;
  title: string | null;
  source: string | null;
  published: string | null;
  seq: number;
  score: number;
  reasons: string[];
  copyOf: number | null;
  /** Earliest member of the article's copy group (itself when it has no copies). */
  copyGroup: number;
}

export interface CopyRow {
  articleId: number;
  otherId: number;
  kind: 'identical' | 'near-identical' | 'contains' | 'contained';
  jaccard: number;
  containment: number;
}

export interface NewAssignment {
  articleId: number;
  storyId: number;
  isNew: boolean;
  score: number;
  reasons: string[];
  copyOf: number | null;
  clusterVersion: number;
  assignedAt: string;
}

export interface StorySnapshot {
  id: number;
  title: string;
  size: number;
  firstSeen: string | null;
  lastSeen: string | null;
  isActive: boolean;
}

export interface ExportRow {
  articleId: number;
  externalId: string | null;
  storyId: number | null;
  copyGroup: number | null;
  source: string | null;
  published: string | null;
  title: string | null;
}

/** Copies, copy groups, stories, assignments and merges: what dedup and cluster derive, persisted. */
export class StoryRepository {
  constructor(private readonly db: Database.Database) {}

  /** Stored articles not yet assigned to a story, in processing order: publication (or arrival when undated), then id. */
  pendingArticleIds(): number[] {
    const rows = this.db
      .prepare(
        `SELECT a.id FROM articles a LEFT JOIN assignments s ON s.article_id = a.id
         WHERE s.article_id IS NULL ORDER BY COALESCE(a.published, a.ingested_at), a.id`,
      )
      .all() as Array<{ id: number }>;
    return rows.map((r) => r.id);
  }

  /** Assigned articles after `seq`, in processing order (to replay into the in-memory state). */
  assignedAfter(seq: number): Array<{ seq: number; articleId: number; storyId: number; firstStoryId: number; copyOf: number | null }> {
    return this.db
      .prepare('SELECT seq, article_id AS articleId, story_id AS storyId, first_story_id AS firstStoryId, copy_of AS copyOf FROM assignments WHERE seq > ? ORDER BY seq')
      .all(seq) as Array<{ seq: number; articleId: number; storyId: number; firstStoryId: number; copyOf: number | null }>;
  }

  maxSeq(): number {
    return (this.db.prepare('SELECT COALESCE(MAX(seq), 0) AS n FROM assignments').get() as { n: number }).n;
  }

  recordCopies(articleId: number, copies: Array<Omit<CopyRow, 'articleId'>>, dedupVersion: number): void {
    const insert = this.db.prepare(
      'INSERT OR REPLACE INTO copies (article_id, other_id, kind, jaccard, containment, dedup_version) VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (const c of copies) insert.run(articleId, c.otherId, c.kind, c.jaccard, c.containment, dedupVersion);
  }

  setCopyGroups(entries: Array<{ articleId: number; groupId: number }>): void {
    const upsert = this.db.prepare(
      'INSERT INTO copy_groups (article_id, group_id) VALUES (?, ?) ON CONFLICT (article_id) DO UPDATE SET group_id = excluded.group_id',
    );
    for (const e of entries) upsert.run(e.articleId, e.groupId);
  }

  insertAssignment(a: NewAssignment): number {
    const info = this.db
      .prepare(
        `INSERT INTO assignments (article_id, story_id, first_story_id, is_new, score, reasons, copy_of, cluster_version, assigned_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(a.articleId, a.storyId, a.storyId, a.isNew ? 1 : 0, a.score, JSON.stringify(a.reasons), a.copyOf, a.clusterVersion, a.assignedAt);
    return Number(info.lastInsertRowid);
  }

  /** Moves an assigned article to another story (the clusterer re-checked it, or a reader moved it), with the reasons. */
  moveAssignment(articleId: number, storyId: number, reasons: string[]): void {
    this.db.prepare('UPDATE assignments SET story_id = ?, reasons = ? WHERE article_id = ?').run(storyId, JSON.stringify(reasons), articleId);
  }

  upsertStory(s: StorySnapshot, now: string): void {
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

  /** Records that stories `from` turned out to be `into`: their articles move, the merge is kept. */
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

  loadState(name: string): { version: number; seq: number; data: string } | null {
    return (this.db.prepare('SELECT version, seq, data FROM pipeline_state WHERE name = ?').get(name) as { version: number; seq: number; data: string } | undefined) ?? null;
  }

  saveState(name: string, version: number, seq: number, data: string, at: string): void {
    this.db
      .prepare(
        `INSERT INTO pipeline_state (name, version, seq, data, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET version = excluded.version, seq = excluded.seq, data = excluded.data, updated_at = excluded.updated_at`,
      )
      .run(name, version, seq, data, at);
  }

  /** Forgets every derived row (copies, groups, stories, assignments, merges, state), keeping the articles. */
  clear(): void {
    this.db.exec('DELETE FROM story_merges; DELETE FROM assignments; DELETE FROM stories; DELETE FROM copy_groups; DELETE FROM copies; DELETE FROM pipeline_state;');
  }

  /** Live (not merged-away) stories, newest (last seen) first. */
  listStories(options: { limit?: number; offset?: number; order?: 'newest' | 'largest' } = {}): StoryRow[] {
    const order = options.order === 'largest' ? 's.article_count DESC, s.last_seen DESC' : 'COALESCE(s.last_seen, s.updated_at) DESC, s.id DESC';
    const rows = this.db
      .prepare(
        `SELECT s.id, s.title, s.article_count AS articleCount, s.first_seen AS firstSeen, s.last_seen AS lastSeen, s.is_active AS isActive,
           (SELECT json_group_array(DISTINCT a.source) FROM assignments x JOIN articles a ON a.id = x.article_id
             WHERE x.story_id = s.id AND a.source IS NOT NULL) AS outlets
         FROM stories s WHERE s.merged_into IS NULL AND s.article_count > 0
         ORDER BY ${order} LIMIT ? OFFSET ?`,
      )
      .all(options.limit ?? -1, options.offset ?? 0) as Array<Omit<StoryRow, 'outlets' | 'outletCount' | 'isActive'> & { outlets: string; isActive: number }>;
    return rows.map((r) => {
      const outlets = (JSON.parse(r.outlets) as string[]).sort();
      return { ...r, isActive: r.isActive === 1, outlets, outletCount: outlets.length };
    });
  }

  getStory(id: number): StoryRow | null {
    const row = this.db.prepare('SELECT merged_into AS mergedInto FROM stories WHERE id = ?').get(id) as { mergedInto: number | null } | undefined;
    if (!row) return null;
    if (row.mergedInto !== null) return this.getStory(row.mergedInto);
    return this.listStories({ limit: -1 }).find((s) => s.id === id) ?? null;
  }

  storyArticles(storyId: number): StoryArticleRow[] {
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

  copiesAmong(articleIds: number[]): CopyRow[] {
    if (articleIds.length === 0) return [];
    const list = articleIds.map((id) => Number(id)).join(',');
    return this.db
      .prepare(
        `SELECT article_id AS articleId, other_id AS otherId, kind, jaccard, containment FROM copies
         WHERE article_id IN (${list}) AND other_id IN (${list}) ORDER BY article_id, other_id`,
      )
      .all() as CopyRow[];
  }

  merges(): Array<{ fromStory: number; intoStory: number; articleId: number; mergedAt: string }> {
    return this.db
      .prepare('SELECT from_story AS fromStory, into_story AS intoStory, article_id AS articleId, merged_at AS mergedAt FROM story_merges ORDER BY id')
      .all() as Array<{ fromStory: number; intoStory: number; articleId: number; mergedAt: string }>;
  }

  /** One row per article for `crosscheck export`, in processing order (unassigned articles last). */
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
