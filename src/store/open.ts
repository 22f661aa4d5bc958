import { existsSync } from 'node:fs';
import { CrosscheckError } from '../core/errors.js';
import { copyTables, type CopyProgress, type CopyResult } from './copy.js';
import { isPostgresLocation } from './postgres/db.js';
import { PostgresStore } from './postgres/store.js';
import { SqliteStore } from './sqlite/store.js';

/** A store of either kind, as the edges open it. */
export type Store = SqliteStore | PostgresStore;

export interface OpenOptions {
  /** Open for reading only: every write is refused with `read_only`. */
  readOnly?: boolean;
  /** Refuse (`not_found`) rather than create a store that does not exist yet. */
  mustExist?: boolean;
}

/**
 * Opens the store at `location`: a `postgres://` (or `postgresql://`) URL is a PostgreSQL store,
 * anything else the path of an SQLite file (`:memory:` a throwaway one).
 */
export async function openStoreAt(location: string, options: OpenOptions = {}): Promise<Store> {
  if (isPostgresLocation(location)) return PostgresStore.open(location, options);
  if (options.mustExist === true && location !== ':memory:') {
    if (!existsSync(location)) throw new CrosscheckError('not_found', 'store', `no store at ${location}`);
  }
  return SqliteStore.open(location, options.readOnly === true ? { readOnly: true } : {});
}

/**
 * Copies every row of the store `from` into the store `to` (see {@link copyTables}): SQLite into
 * PostgreSQL, PostgreSQL into SQLite, or either into its own kind.
 */
export async function copyStore(from: Store, to: Store, options: { pageSize?: number; onProgress?: (progress: CopyProgress) => void } = {}): Promise<CopyResult> {
  if (from.location === to.location) throw new CrosscheckError('invalid_argument', 'store', `cannot copy ${from.location} into itself`);
  if (to.readOnly) throw new CrosscheckError('read_only', 'store', `${to.location} is read-only: nothing was copied`);
  return await copyTables(from.tableIO(), to.tableIO(), options);
}
