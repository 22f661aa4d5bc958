/**
 * Copies a whole store into another, of either kind (SQLite into PostgreSQL, and back), table by
 * table, every row with its own ids, so that the copy answers as the original: the same articles,
 * stories, assignments in the same order, fact sheets, follows. Rows stream in pages and are
 * written in one transaction per page; a copy that stops part way is run again to finish it: each
 * table resumes from the last id the destination has, and rows already there are left as they are.
 */
import { CrosscheckError } from '../core/errors.js';
import type { Dialect } from './migrations.js';

export type Row = Record<string, unknown>;

/** What the copy needs of a store: its tables as rows, in pages. */
export interface TableIO {
  readonly dialect: Dialect;
  /** The stored columns of a table (generated ones left out). */
  columns(table: string): Promise<string[]>;
  count(table: string): Promise<number>;
  /** A page of rows ordered by `key`: those after the row whose key is `after`, else those whose first key column is at least `from` (null: all). */
  read(table: string, columns: readonly string[], key: readonly string[], after: readonly unknown[] | null, from: number | null, limit: number): Promise<Row[]>;
  /** The largest value of a table's column, or null when it is empty. */
  maxKey(table: string, column: string): Promise<number | null>;
  /** Writes rows in one transaction: those whose key is there already are skipped (`ignore`) or replaced (`upsert`); returns how many were new. */
  write(table: string, columns: readonly string[], key: readonly string[], rows: readonly Row[], mode: 'ignore' | 'upsert'): Promise<number>;
  /** Sets one column of the rows of these keys, in one transaction. */
  update(table: string, key: string, column: string, rows: readonly Row[]): Promise<void>;
  /** After the last page: what the store derives from explicit ids (PostgreSQL's identity sequences). */
  finish(): Promise<void>;
}

interface CopiedTable {
  table: string;
  key: readonly string[];
  /** Resume from the destination's largest first key column (an integer id). */
  resumable: boolean;
  /** Copied after the table's rows, in a second pass (a reference to a row of the same table). */
  deferred?: readonly string[];
  mode?: 'ignore' | 'upsert';
}

/** Every table, each after the tables its rows refer to. */
const TABLES: readonly CopiedTable[] = [
  { table: 'meta', key: ['key'], resumable: false, mode: 'upsert' },
  { table: 'articles', key: ['id'], resumable: true },
  { table: 'copies', key: ['article_id', 'other_id'], resumable: true },
  { table: 'copy_groups', key: ['article_id'], resumable: true },
  { table: 'stories', key: ['id'], resumable: true, deferred: ['merged_into'] },
  { table: 'assignments', key: ['seq'], resumable: true },
  { table: 'story_merges', key: ['id'], resumable: true },
  { table: 'pipeline_state', key: ['name'], resumable: false, mode: 'upsert' },
  { table: 'fact_sheets', key: ['story_id'], resumable: true },
  { table: 'fact_sheet_entities', key: ['story_id', 'entity_id'], resumable: true },
  { table: 'feeds', key: ['url'], resumable: false, mode: 'upsert' },
  { table: 'article_analyses', key: ['article_id'], resumable: true },
  { table: 'copy_keys', key: ['article_id'], resumable: true },
  { table: 'follows', key: ['id'], resumable: true },
  { table: 'follow_stories', key: ['follow_id', 'story_id'], resumable: true },
  { table: 'follow_events', key: ['id'], resumable: true },
  { table: 'webhooks', key: ['id'], resumable: true },
  { table: 'webhook_deliveries', key: ['id'], resumable: true },
  { table: 'outlet_profiles', key: ['name'], resumable: false, mode: 'upsert' },
];

/** Meta keys each store keeps for itself: never copied. */
const OWN_META = new Set(['schema_version', 'change_count']);

export interface CopyProgress {
  table: string;
  /** Rows of the table in the source. */
  rows: number;
  /** Rows written so far (new in the destination). */
  copied: number;
  /** Rows read so far. */
  read: number;
}

export interface CopyResult {
  tables: Array<{ table: string; rows: number; copied: number }>;
}

/**
 * Copies every row of `from` into `to` (both at the same schema version, as opening makes them).
 * The destination must be new, or a partial copy of the same source: one that holds other articles
 * is refused before anything is written. The source must not be written meanwhile.
 */
export async function copyTables(from: TableIO, to: TableIO, options: { pageSize?: number; onProgress?: (progress: CopyProgress) => void } = {}): Promise<CopyResult> {
  const pageSize = Math.max(1, options.pageSize ?? 500);
  await checkSameArticles(from, to);
  const result: CopyResult = { tables: [] };
  for (const spec of TABLES) {
    const sourceColumns = new Set(await from.columns(spec.table));
    const columns = (await to.columns(spec.table)).filter((c) => sourceColumns.has(c));
    const total = await from.count(spec.table);
    const progress: CopyProgress = { table: spec.table, rows: total, copied: 0, read: 0 };
    const start = spec.resumable ? await to.maxKey(spec.table, spec.key[0]!) : null;
    const deferred = new Set(spec.deferred ?? []);
    let after: unknown[] | null = null;
    for (;;) {
      const rows = await from.read(spec.table, columns, spec.key, after, after === null ? start : null, pageSize);
      if (rows.length === 0) break;
      const kept = spec.table === 'meta' ? rows.filter((r) => !OWN_META.has(String(r.key))) : rows;
      const written = deferred.size ? kept.map((r) => ({ ...r, ...Object.fromEntries([...deferred].map((c) => [c, null])) })) : kept;
      if (written.length) progress.copied += await to.write(spec.table, columns, spec.key, written, spec.mode ?? 'ignore');
      progress.read += rows.length;
      options.onProgress?.({ ...progress });
      if (rows.length < pageSize) break;
      const last = rows.at(-1)!;
      after = spec.key.map((k) => last[k]);
    }
    // References within the table, now that every row it may name is there.
    for (const column of deferred) {
      let afterKey: unknown[] | null = null;
      for (;;) {
        const rows = await from.read(spec.table, [spec.key[0]!, column], spec.key, afterKey, null, pageSize);
        const set = rows.filter((r) => r[column] !== null && r[column] !== undefined);
        if (set.length) await to.update(spec.table, spec.key[0]!, column, set);
        if (rows.length < pageSize) break;
        afterKey = [rows.at(-1)![spec.key[0]!]];
      }
    }
    result.tables.push({ table: spec.table, rows: total, copied: progress.copied });
  }
  await to.finish();
  return result;
}

/** Refuses a destination that holds articles the source does not (by id and text): it is another store. */
async function checkSameArticles(from: TableIO, to: TableIO): Promise<void> {
  const have = await to.maxKey('articles', 'id');
  if (have === null) return;
  const probe = async (io: TableIO, ids: number[]): Promise<Map<number, unknown>> => {
    const found = new Map<number, unknown>();
    for (const id of ids) {
      const [row] = await io.read('articles', ['id', 'text_hash'], ['id'], null, id, 1);
      if (row && Number(row.id) === id) found.set(id, row.text_hash);
    }
    return found;
  };
  const [first] = await to.read('articles', ['id'], ['id'], null, null, 1);
  const ids = [...new Set([Number(first?.id ?? have), have])];
  const [mine, theirs] = await Promise.all([probe(to, ids), probe(from, ids)]);
  for (const id of ids) {
    if (mine.get(id) !== theirs.get(id)) {
      throw new CrosscheckError(
        'invalid_argument',
        'store',
        `the destination already holds other articles (article #${id} is not the source's): copy into a new store, or into a partial copy of this same source`,
      );
    }
  }
}
