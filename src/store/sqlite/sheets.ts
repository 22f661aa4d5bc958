import type Database from 'better-sqlite3';
import type { AnalysisWriter, FactSheetEntityRow, FactSheetWriter, StoredFactSheet } from '../port.js';
import type { Sync } from './sync.js';

/** Per-article analyses on SQLite (table `article_analyses`). */
export class SqliteAnalyses implements Sync<AnalysisWriter> {
  constructor(private readonly db: Database.Database) {}

  get(articleIds: readonly number[], version: number): Map<number, string> {
    const select = this.db.prepare('SELECT data FROM article_analyses WHERE article_id = ? AND version = ?').pluck();
    const result = new Map<number, string>();
    for (const id of articleIds) {
      const data = select.get(id, version) as string | undefined;
      if (data !== undefined) result.set(Number(id), data);
    }
    return result;
  }

  put(entries: Array<{ articleId: number; data: string }>, version: number): void {
    const upsert = this.db.prepare(
      'INSERT INTO article_analyses (article_id, version, data) VALUES (?, ?, ?) ON CONFLICT (article_id) DO UPDATE SET version = excluded.version, data = excluded.data',
    );
    for (const e of entries) upsert.run(e.articleId, version, e.data);
  }
}

/** Cached fact sheets and their entity index on SQLite (tables `fact_sheets`, `fact_sheet_entities`). */
export class SqliteFactSheets implements Sync<FactSheetWriter> {
  constructor(private readonly db: Database.Database) {}

  get(storyId: number): StoredFactSheet | null {
    const row = this.db.prepare('SELECT story_id AS storyId, article_key AS key, data FROM fact_sheets WHERE story_id = ?').get(storyId) as
      | StoredFactSheet
      | undefined;
    return row ?? null;
  }

  put(sheet: StoredFactSheet, version: number, entities: FactSheetEntityRow[], builtAt: string): void {
    this.db
      .prepare(
        `INSERT INTO fact_sheets (story_id, article_key, version, data, built_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (story_id) DO UPDATE SET article_key = excluded.article_key, version = excluded.version, data = excluded.data, built_at = excluded.built_at`,
      )
      .run(sheet.storyId, sheet.key, version, sheet.data, builtAt);
    this.db.prepare('DELETE FROM fact_sheet_entities WHERE story_id = ?').run(sheet.storyId);
    const insert = this.db.prepare('INSERT OR REPLACE INTO fact_sheet_entities (story_id, entity_id, name, kind, mentions) VALUES (?, ?, ?, ?, ?)');
    for (const e of entities) insert.run(sheet.storyId, e.id, e.name, e.kind, e.mentions);
  }
}
