import type { AnalysisWriter, CopyKeyWriter, FactSheetEntityRow, FactSheetWriter, StoredCopyKeys, StoredFactSheet } from '../port.js';
import type { Db } from './db.js';

/** Per-article analyses on PostgreSQL (table `article_analyses`). */
export class PostgresAnalyses implements AnalysisWriter {
  constructor(private readonly db: Db) {}

  async get(articleIds: readonly number[], version: number): Promise<Map<number, string>> {
    if (articleIds.length === 0) return new Map();
    const rows = await this.db.rows<{ id: number; data: string }>('SELECT article_id AS id, data FROM article_analyses WHERE article_id = ANY($1::bigint[]) AND version = $2', [
      articleIds.map(Number),
      version,
    ]);
    const byId = new Map(rows.map((r) => [r.id, r.data]));
    // In the order asked, as the SQLite store answers.
    const result = new Map<number, string>();
    for (const id of articleIds) {
      const data = byId.get(Number(id));
      if (data !== undefined) result.set(Number(id), data);
    }
    return result;
  }

  async put(entries: Array<{ articleId: number; data: string }>, version: number): Promise<void> {
    if (entries.length === 0) return;
    await this.db.run(
      `INSERT INTO article_analyses (article_id, version, data) SELECT id, $2, data FROM unnest($1::bigint[], $3::text[]) AS e (id, data)
       ON CONFLICT (article_id) DO UPDATE SET version = excluded.version, data = excluded.data`,
      [entries.map((e) => e.articleId), version, entries.map((e) => e.data)],
    );
  }
}

/** Cached fact sheets and their entity index on PostgreSQL (tables `fact_sheets`, `fact_sheet_entities`). */
export class PostgresFactSheets implements FactSheetWriter {
  constructor(private readonly db: Db) {}

  async get(storyId: number): Promise<(StoredFactSheet & { builtAt: string }) | null> {
    return (
      (await this.db.row<StoredFactSheet & { builtAt: string }>(
        'SELECT story_id AS "storyId", article_key AS key, data, built_at AS "builtAt" FROM fact_sheets WHERE story_id = $1',
        [storyId],
      )) ?? null
    );
  }

  async put(sheet: StoredFactSheet, version: number, entities: FactSheetEntityRow[], builtAt: string): Promise<void> {
    await this.db.run(
      `INSERT INTO fact_sheets (story_id, article_key, version, data, built_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (story_id) DO UPDATE SET article_key = excluded.article_key, version = excluded.version, data = excluded.data, built_at = excluded.built_at`,
      [sheet.storyId, sheet.key, version, sheet.data, builtAt],
    );
    await this.db.run('DELETE FROM fact_sheet_entities WHERE story_id = $1', [sheet.storyId]);
    // The last of two entries with one id wins, as SQLite's INSERT OR REPLACE keeps it.
    const byId = new Map(entities.map((e) => [e.id, e]));
    if (byId.size === 0) return;
    const rows = [...byId.values()];
    await this.db.run(
      `INSERT INTO fact_sheet_entities (story_id, entity_id, name, kind, mentions)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::int[])`,
      [sheet.storyId, rows.map((e) => e.id), rows.map((e) => e.name), rows.map((e) => e.kind), rows.map((e) => e.mentions)],
    );
  }
}

const toBytes = (values: Uint32Array): Buffer => {
  const copy = new Uint32Array(values);
  if (isBigEndian) swap32(new Uint8Array(copy.buffer));
  return Buffer.from(copy.buffer, copy.byteOffset, copy.byteLength);
};
const fromBytes = (bytes: Buffer): Uint32Array => {
  const copy = new Uint8Array(bytes);
  if (isBigEndian) swap32(copy);
  return new Uint32Array(copy.buffer, 0, copy.byteLength >>> 2);
};
/** The keys are stored little-endian (as the SQLite store keeps them), whatever the machine. */
const isBigEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 0;
function swap32(bytes: Uint8Array): void {
  for (let i = 0; i + 3 < bytes.length; i += 4) {
    [bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]] = [bytes[i + 3]!, bytes[i + 2]!, bytes[i + 1]!, bytes[i]!];
  }
}

type KeyRow = { articleId: number; textHash: string; shingles: Buffer; signature: Buffer };
const toKeys = (r: KeyRow): StoredCopyKeys => ({ articleId: r.articleId, textHash: r.textHash, shingles: fromBytes(r.shingles), signature: fromBytes(r.signature) });
const KEY_COLUMNS = 'article_id AS "articleId", text_hash AS "textHash", shingles, signature';

/** Copy-detection keys on PostgreSQL (table `copy_keys`), the typed arrays as BYTEA. */
export class PostgresCopyKeys implements CopyKeyWriter {
  constructor(private readonly db: Db) {}

  async window(since: string | null, version: number): Promise<StoredCopyKeys[]> {
    const rows = await this.db.rows<KeyRow>(`SELECT ${KEY_COLUMNS} FROM copy_keys WHERE version = $1 AND ingested_at >= $2 ORDER BY article_id`, [version, since ?? '']);
    return rows.map(toKeys);
  }

  async get(articleIds: readonly number[], version: number): Promise<StoredCopyKeys[]> {
    if (articleIds.length === 0) return [];
    const rows = await this.db.rows<KeyRow>(`SELECT ${KEY_COLUMNS} FROM copy_keys WHERE article_id = ANY($1::bigint[]) AND version = $2`, [articleIds.map(Number), version]);
    const byId = new Map(rows.map((r) => [r.articleId, r]));
    return articleIds.flatMap((id) => {
      const r = byId.get(Number(id));
      return r ? [toKeys(r)] : [];
    });
  }

  async newest(): Promise<string | null> {
    return (await this.db.value<string | null>('SELECT max(ingested_at) FROM copy_keys')) ?? null;
  }

  async missing(articleIds: readonly number[], version: number): Promise<number[]> {
    if (articleIds.length === 0) return [];
    const have = new Set(
      (await this.db.rows<{ id: number }>('SELECT article_id AS id FROM copy_keys WHERE article_id = ANY($1::bigint[]) AND version = $2', [articleIds.map(Number), version])).map((r) => r.id),
    );
    return articleIds.filter((id) => !have.has(Number(id)));
  }

  async put(keys: StoredCopyKeys, version: number, ingestedAt: string): Promise<void> {
    await this.db.run(
      `INSERT INTO copy_keys (article_id, version, text_hash, shingles, signature, ingested_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (article_id) DO UPDATE SET version = excluded.version, text_hash = excluded.text_hash, shingles = excluded.shingles,
         signature = excluded.signature, ingested_at = excluded.ingested_at`,
      [keys.articleId, version, keys.textHash, toBytes(keys.shingles), toBytes(keys.signature), ingestedAt],
    );
  }
}
