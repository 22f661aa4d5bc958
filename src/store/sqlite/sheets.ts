import type Database from 'better-sqlite3';
import type { AnalysisWriter, CopyKeyWriter, FactSheetEntityRow, FactSheetWriter, StoredCopyKeys, StoredFactSheet } from '../port.js';
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

  get(storyId: number): (StoredFactSheet & { builtAt: string }) | null {
    const row = this.db.prepare('SELECT story_id AS storyId, article_key AS key, data, built_at AS builtAt FROM fact_sheets WHERE story_id = ?').get(storyId) as
      | (StoredFactSheet & { builtAt: string })
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

const toBlob = (values: Uint32Array): Buffer => {
  const copy = new Uint32Array(values);
  return Buffer.from(copy.buffer, copy.byteOffset, copy.byteLength);
};
const fromBlob = (blob: Buffer): Uint32Array => {
  const copy = new Uint8Array(blob);
  return new Uint32Array(copy.buffer, 0, copy.byteLength >>> 2);
};

/** Copy-detection keys on SQLite (table `copy_keys`), the typed arrays as BLOBs. */
export class SqliteCopyKeys implements Sync<CopyKeyWriter> {
  constructor(private readonly db: Database.Database) {}

  window(since: string | null, version: number): StoredCopyKeys[] {
    const rows = this.db
      .prepare(
        `SELECT article_id AS articleId, text_hash AS textHash, shingles, signature FROM copy_keys
         WHERE version = ? AND ingested_at >= ? ORDER BY article_id`,
      )
      .all(version, since ?? '') as Array<{ articleId: number; textHash: string; shingles: Buffer; signature: Buffer }>;
    return rows.map((r) => ({ articleId: r.articleId, textHash: r.textHash, shingles: fromBlob(r.shingles), signature: fromBlob(r.signature) }));
  }

  get(articleIds: readonly number[], version: number): StoredCopyKeys[] {
    const select = this.db.prepare('SELECT article_id AS articleId, text_hash AS textHash, shingles, signature FROM copy_keys WHERE article_id = ? AND version = ?');
    return articleIds.flatMap((id) => {
      const r = select.get(Number(id), version) as { articleId: number; textHash: string; shingles: Buffer; signature: Buffer } | undefined;
      return r ? [{ articleId: r.articleId, textHash: r.textHash, shingles: fromBlob(r.shingles), signature: fromBlob(r.signature) }] : [];
    });
  }

  newest(): string | null {
    return (this.db.prepare('SELECT max(ingested_at) FROM copy_keys').pluck().get() as string | null | undefined) ?? null;
  }

  missing(articleIds: readonly number[], version: number): number[] {
    const select = this.db.prepare('SELECT 1 FROM copy_keys WHERE article_id = ? AND version = ?').pluck();
    return articleIds.filter((id) => select.get(Number(id), version) === undefined);
  }

  put(keys: StoredCopyKeys, version: number, ingestedAt: string): void {
    this.db
      .prepare(
        `INSERT INTO copy_keys (article_id, version, text_hash, shingles, signature, ingested_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (article_id) DO UPDATE SET version = excluded.version, text_hash = excluded.text_hash, shingles = excluded.shingles,
           signature = excluded.signature, ingested_at = excluded.ingested_at`,
      )
      .run(keys.articleId, version, keys.textHash, toBlob(keys.shingles), toBlob(keys.signature), ingestedAt);
  }
}
