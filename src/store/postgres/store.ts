import pg from 'pg';
import { CrosscheckError, RetryableError } from '../../core/errors.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../migrations.js';
import {
  DEFAULT_WRITE_DEADLINE_MS,
  type AnalysisWriter,
  type ArticleWriter,
  type CopyKeyWriter,
  type CopyWriter,
  type EventReader,
  type FactSheetWriter,
  type FeedWriter,
  type FollowWriter,
  type OutletProfileWriter,
  type RebuildOptions,
  type StateWriter,
  type StorePort,
  type StoreTx,
  type StoryWriter,
  type TransactionOptions,
  type WebhookWriter,
} from '../port.js';
import { PostgresArticles } from './articles.js';
import { asDb, clientConfig, ident, isConnectionFailure, isReadOnlyFailure, parseLocation, sqlState, type Db, type PostgresLocation } from './db.js';
import type { TableIO } from '../copy.js';
import { postgresTableIO } from './copy.js';
import { examinePostgres } from './doctor.js';
import { PostgresFeeds } from './feeds.js';
import type { DoctorReport } from '../sqlite/doctor.js';
import { PostgresFollows, PostgresWebhooks } from './follows.js';
import { PostgresOutletProfiles } from './outlets.js';
import { createScratch, swapIn } from './rebuild.js';
import { PostgresAnalyses, PostgresCopyKeys, PostgresFactSheets } from './sheets.js';
import { firstFreeStoryId, PostgresCopies, PostgresEvents, PostgresState, PostgresStories } from './stories.js';

/**
 * Advisory lock keys: the first half names what is locked (ASCII, as SQLite's application id
 * 'ccdb'), the second is the store's schema (`hashtext`), so that stores in one database do not
 * wait for each other. A worker or a sequencer takes keys of its own beside these.
 */
export const LOCK_KEYS = {
  /** Held for the length of every write transaction: writers take turns, as on SQLite. */
  write: 0x63636462,
  /** Held while migrations are applied, so that two processes opening a new store do not collide. */
  migrate: 0x6363646d,
} as const;

/** Connections a store's pool opens at most (reads run beside one writer). */
const POOL_SIZE = 8;

/**
 * The store on PostgreSQL, behind the {@link StorePort}: one schema (`?schema=`, default
 * `crosscheck`) of a database. Opening checks that the schema is a crosscheck store (or empty)
 * and upgrades it in place, from the same list of migrations as SQLite.
 *
 * Writers take turns as on SQLite: every transaction holds a transaction-level advisory lock of
 * the store from its start to its end, so what a transaction reads is not changed under it by
 * another writer; the writers of this process queue for one connection, those of other processes
 * wait for the lock, up to the transaction's deadline (then `store_busy`). Reads outside a
 * transaction run on the pool, beside a writer, and see what is committed.
 */
export class PostgresStore implements StorePort {
  readonly location: string;
  readonly schema: string;
  readonly articles: ArticleWriter;
  readonly stories: StoryWriter;
  readonly copies: CopyWriter;
  readonly copyKeys: CopyKeyWriter;
  readonly analyses: AnalysisWriter;
  readonly factSheets: FactSheetWriter;
  readonly feeds: FeedWriter;
  readonly events: EventReader;
  readonly state: StateWriter;
  readonly follows: FollowWriter;
  readonly webhooks: WebhookWriter;
  readonly outletProfiles: OutletProfileWriter;
  /** True when the store was opened for reading only: every write is refused with `read_only`. */
  readOnly = false;
  /** The migrations this open applied (versions), for `crosscheck migrate`. */
  migrated: number[] = [];

  private readonly reads: Db;
  /** The end of the queue of this process's writers. */
  private turn: Promise<void> = Promise.resolve();
  private readonly stats = { transactions: 0, retries: 0 };
  private closed = false;

  /**
   * `pool`: a live store's connections. `client`: a rebuild's own session, on which the scratch
   * store runs everything (its TEMP tables exist there only), with no write lock.
   */
  private constructor(
    private readonly where: PostgresLocation,
    private readonly pool: pg.Pool | null,
    private readonly client: pg.Client | null,
  ) {
    this.location = client ? `${where.display} (rebuild)` : where.display;
    this.schema = where.schema;
    this.reads = pool ? asDb(pool, { retry: true }) : asDb(client!);
    const repos = this.repositories(this.reads);
    this.articles = repos.articles;
    this.stories = repos.stories;
    this.copies = repos.copies;
    this.copyKeys = repos.copyKeys;
    this.analyses = repos.analyses;
    this.factSheets = repos.factSheets;
    this.feeds = repos.feeds;
    this.events = repos.events;
    this.state = repos.state;
    this.follows = repos.follows;
    this.webhooks = repos.webhooks;
    this.outletProfiles = repos.outletProfiles;
  }

  private repositories(db: Db): StoreTx {
    return {
      articles: new PostgresArticles(db),
      stories: new PostgresStories(db),
      copies: new PostgresCopies(db),
      copyKeys: new PostgresCopyKeys(db),
      analyses: new PostgresAnalyses(db),
      factSheets: new PostgresFactSheets(db),
      feeds: new PostgresFeeds(db),
      events: new PostgresEvents(db),
      state: new PostgresState(db),
      follows: new PostgresFollows(db),
      webhooks: new PostgresWebhooks(db),
      outletProfiles: new PostgresOutletProfiles(db),
    };
  }

  /**
   * Opens the store at a `postgres://` location, creating its schema and tables when they do not
   * exist (unless `mustExist`, where a missing store is `not_found`). A server or role that may not
   * write (a standby, a read-only role) or `readOnly` opens it for reading: reads work, every
   * write is refused with `read_only`.
   */
  static async open(location: string, options: { readOnly?: boolean; mustExist?: boolean; idleInTransactionMs?: number } = {}): Promise<PostgresStore> {
    const where = parseLocation(location);
    const config = clientConfig(where);
    // A writer that stops answering inside its transaction (paused, lost) has it ended by the server.
    if (options.idleInTransactionMs !== undefined) config.options = `${config.options ?? ''} -c idle_in_transaction_session_timeout=${Math.round(options.idleInTransactionMs)}`;
    const pool = new pg.Pool({ ...config, max: POOL_SIZE, idleTimeoutMillis: 10_000 });
    // A connection that fails while idle (a server restart) is dropped from the pool; the next query opens another.
    pool.on('error', () => undefined);
    // One that fails while in use fails its query, which reports it: the connection's own event is not a crash.
    pool.on('connect', (client) => client.on('error', () => undefined));
    const store = new PostgresStore(where, pool, null);
    try {
      await store.prepare(options);
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw error;
    }
    return store;
  }

  private async prepare(options: { readOnly?: boolean; mustExist?: boolean }): Promise<void> {
    const { display, schema } = this.where;
    let client: pg.PoolClient;
    try {
      client = await this.pool!.connect();
    } catch (error) {
      throw new CrosscheckError('unreadable', 'store', `Cannot connect to PostgreSQL at ${display}: ${(error as Error).message}`, { cause: error });
    }
    try {
      const db = asDb(client);
      const found = await inspect(db, schema);
      if (found.tables > 0 && !found.crosscheck) {
        throw new CrosscheckError('not_a_crosscheck_db', 'store', `${display}: schema ${schema} holds ${found.tables} tables that are not a crosscheck store; refusing to touch it`);
      }
      if (found.version > SCHEMA_VERSION) {
        throw new CrosscheckError('db_too_new', 'store', `${display} has schema version ${found.version}, newer than this crosscheck knows (${SCHEMA_VERSION}); upgrade crosscheck`);
      }
      if (found.version === 0 && options.mustExist === true) {
        throw new CrosscheckError('not_found', 'store', `no store at ${display} (schema ${schema} has no crosscheck tables)`);
      }
      const server = await db.row<{ standby: boolean; readOnly: string }>(
        "SELECT pg_is_in_recovery() AS standby, current_setting('default_transaction_read_only') AS \"readOnly\"",
      );
      const mayWrite = found.version === 0 ? found.mayCreate : found.mayWrite;
      this.readOnly = options.readOnly === true || server?.standby === true || server?.readOnly === 'on' || !mayWrite;
      if (this.readOnly) {
        if (found.version === 0) throw new CrosscheckError('read_only', 'store', `no store at ${display}, and it cannot be created there (read-only server or role)`);
        if (found.version < SCHEMA_VERSION) {
          throw new CrosscheckError(
            'read_only',
            'store',
            `${display} is read-only and has schema version ${found.version}, older than this crosscheck's (${SCHEMA_VERSION}); run \`crosscheck migrate\` where it can be written`,
          );
        }
        return;
      }
      this.migrated = await migrate(client, schema);
    } catch (error) {
      if (error instanceof CrosscheckError) throw error;
      throw new CrosscheckError('unreadable', 'store', `Cannot open the store at ${display}: ${(error as Error).message}`, { cause: error });
    } finally {
      client.release();
    }
  }

  schemaVersion(): Promise<number> {
    return readVersion(this.reads);
  }

  transaction<T>(fn: (tx: StoreTx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    return this.write((db) => fn(this.repositories(db)), options);
  }

  /** A write transaction as {@link transaction}, also given its connection (the job queue sends its jobs on it). */
  writeWith<T>(fn: (db: Db, tx: StoreTx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    return this.write((db) => fn(db, this.repositories(db)), options);
  }

  /** Runs reads of the store's own modules (the job queue's counts) on the pool. */
  readWith<T>(fn: (db: Db) => Promise<T>): Promise<T> {
    return fn(this.reads);
  }

  /** Where the store is, for the store's modules that open sessions of their own (queue, leader lock, change feed). */
  connection(): PostgresLocation {
    return this.where;
  }

  /** One write transaction on a connection of its own, holding the write lock (a rebuild's scratch store: none). */
  private async write<T>(fn: (db: Db) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    if (this.readOnly) throw this.readOnlyError();
    const deadline = Date.now() + (options.deadlineMs ?? DEFAULT_WRITE_DEADLINE_MS);
    const previous = this.turn;
    let release!: () => void;
    this.turn = new Promise<void>((resolve) => (release = resolve));
    try {
      await previous;
      if (this.closed) throw new CrosscheckError('unreadable', 'store', `${this.location}: the store is closed`);
      const session = await this.session();
      let broken: Error | undefined;
      try {
        const db = asDb(session.client);
        await db.run('BEGIN');
        try {
          if (!this.client) await this.lock(db, deadline);
          this.stats.transactions++;
          const result = await fn(db);
          if (!this.client) await noteChange(db);
          await db.run('COMMIT');
          return result;
        } catch (error) {
          await db.run('ROLLBACK').catch((rollback: unknown) => {
            broken = rollback as Error;
          });
          throw error;
        }
      } catch (error) {
        if (isConnectionFailure(error)) broken = error as Error;
        throw this.mapError(error);
      } finally {
        session.done(broken);
      }
    } finally {
      release();
    }
  }

  /** A connection for one transaction: the pool's, or the rebuild's own session. */
  private async session(): Promise<{ client: pg.ClientBase; done: (error?: Error) => void }> {
    if (this.client) return { client: this.client, done: () => undefined };
    try {
      const client = await this.pool!.connect();
      return { client, done: (error) => client.release(error) };
    } catch (error) {
      throw new CrosscheckError('unreadable', 'store', `Cannot connect to PostgreSQL at ${this.location}: ${(error as Error).message}`, { cause: error });
    }
  }

  /** Takes the store's write lock within the deadline: at once when free, else waiting in the server's queue. */
  private async lock(db: Db, deadline: number): Promise<void> {
    if (await db.value<boolean>('SELECT pg_try_advisory_xact_lock($1, hashtext($2))', [LOCK_KEYS.write, this.schema])) return;
    this.stats.retries++;
    const wait = Math.max(1, deadline - Date.now());
    try {
      await db.run(`SET LOCAL lock_timeout = ${Math.ceil(wait)}`);
      await db.run('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK_KEYS.write, this.schema]);
      await db.run('SET LOCAL lock_timeout = 0');
    } catch (error) {
      if (sqlState(error) !== '55P03') throw error;
      throw new RetryableError('store_busy', 'store', `${this.location}: another process kept the store busy; the write was not made, try again`, 1000, { cause: error });
    }
  }

  private mapError(error: unknown): unknown {
    if (error instanceof CrosscheckError) return error;
    if (isReadOnlyFailure(error)) return this.readOnlyError(error);
    if (isConnectionFailure(error)) {
      return new RetryableError('store_busy', 'store', `${this.location}: the connection to PostgreSQL failed (${(error as Error).message}); nothing of this write was kept, try again`, 1000, {
        cause: error,
      });
    }
    return error;
  }

  private readOnlyError(cause?: unknown): CrosscheckError {
    return new CrosscheckError('read_only', 'store', `${this.location}: the store is read-only (a read-only server or role); nothing was written`, { cause });
  }

  async rebuildDerived<T>(build: (scratch: StorePort) => Promise<T>, options: RebuildOptions = {}): Promise<T> {
    if (this.client) throw new CrosscheckError('invalid_argument', 'store', `${this.location}: a rebuild cannot start another inside it`);
    if (this.readOnly) throw this.readOnlyError();
    const client = new pg.Client(clientConfig(this.where));
    client.on('error', () => undefined);
    try {
      await client.connect();
    } catch (error) {
      throw new CrosscheckError('unreadable', 'store', `Cannot connect to PostgreSQL at ${this.location}: ${(error as Error).message}`, { cause: error });
    }
    try {
      const db = asDb(client);
      await createScratch(db, this.schema, await firstFreeStoryId(db, `${ident(this.schema)}.`));
      const scratch = new PostgresStore(this.where, null, client);
      const result = await build(scratch);
      await scratch.turn;
      await db.run('BEGIN');
      try {
        await this.lock(db, Date.now() + (options.deadlineMs ?? DEFAULT_WRITE_DEADLINE_MS));
        this.stats.transactions++;
        await swapIn(db, this.schema, options);
        await noteChange(db, `${ident(this.schema)}.`);
        await db.run('COMMIT');
      } catch (error) {
        await db.run('ROLLBACK').catch(() => undefined);
        throw this.mapError(error);
      }
      return result;
    } finally {
      // The TEMP tables end with the session.
      await client.end().catch(() => undefined);
    }
  }

  writeStats(): { transactions: number; retries: number } {
    return { ...this.stats };
  }

  /** The store's tables as rows, for copying a whole store (see `copyStore`). */
  tableIO(): TableIO {
    return postgresTableIO(this.reads, this.schema, (fn) => this.write(fn));
  }

  /**
   * Checks every stored row a reader parses and that the schema has all its tables; with
   * `repair`, fixes what can be fixed without losing anything, as one write transaction.
   */
  async examine(options: { repair?: boolean } = {}): Promise<DoctorReport> {
    return examinePostgres(this.reads, this.schema, options, async (fixes) => {
      await this.write(async (db) => {
        for (const fix of fixes) await fix(db);
      });
    });
  }

  async close(): Promise<void> {
    await this.turn;
    if (this.closed) return;
    this.closed = true;
    // A rebuild's session belongs to the rebuild, which ends it.
    if (this.pool) await this.pool.end();
  }
}

/** What a schema holds: crosscheck's tables (and their version), others', and whether this role may write or create them. */
async function inspect(db: Db, schema: string): Promise<{ tables: number; crosscheck: boolean; version: number; mayWrite: boolean; mayCreate: boolean }> {
  const row = await db.row<{ tables: number; meta: boolean; mayCreate: boolean }>(
    `SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind IN ('r', 'v', 'p', 'm', 'f')) AS tables,
       to_regclass(format('%I.meta', $1::text)) IS NOT NULL AS meta,
       CASE WHEN EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1) THEN has_schema_privilege($1, 'CREATE')
         ELSE has_database_privilege(current_database(), 'CREATE') END AS "mayCreate"`,
    [schema],
  );
  const tables = row?.tables ?? 0;
  if (!row?.meta) return { tables, crosscheck: false, version: 0, mayWrite: false, mayCreate: row?.mayCreate ?? false };
  const meta = new Map((await db.rows<{ key: string; value: string }>(`SELECT key, value FROM ${ident(schema)}.meta WHERE key IN ('app', 'schema_version')`)).map((r) => [r.key, r.value]));
  const mayWrite = (await db.value<boolean>(`SELECT has_table_privilege(format('%I.articles', $1::text), 'INSERT')`, [schema])) === true;
  return { tables, crosscheck: meta.get('app') === 'crosscheck', version: Number(meta.get('schema_version') ?? 0), mayWrite, mayCreate: row.mayCreate };
}

async function readVersion(db: Db): Promise<number> {
  return Number((await db.value<string>("SELECT value FROM meta WHERE key = 'schema_version'")) ?? 0);
}

/**
 * Moves the store's change count, inside the writer's transaction: what {@link PostgresEvents.changeToken}
 * reads. A change feed that wakes other processes (`NOTIFY`, delivered at commit) belongs here too.
 */
async function noteChange(db: Db, prefix = ''): Promise<void> {
  await db.run(`INSERT INTO ${prefix}meta AS m (key, value) VALUES ('change_count', '1') ON CONFLICT (key) DO UPDATE SET value = (m.value::bigint + 1)::text`);
}

/**
 * Applies the missing migrations under the store's migration lock (a session advisory lock), each
 * in its own transaction; returns the versions applied.
 */
async function migrate(client: pg.PoolClient, schema: string): Promise<number[]> {
  const db = asDb(client);
  const applied: number[] = [];
  await db.run('SELECT pg_advisory_lock($1, hashtext($2))', [LOCK_KEYS.migrate, schema]);
  try {
    await db.run(`CREATE SCHEMA IF NOT EXISTS ${ident(schema)}`);
    await db.run(`SET search_path = ${ident(schema)}`);
    for (const migration of MIGRATIONS) {
      // Another process may have applied it while this one waited.
      const current = (await db.value<boolean>(`SELECT to_regclass(format('%I.meta', $1::text)) IS NOT NULL`, [schema])) ? await readVersion(db) : 0;
      if (migration.version <= current) continue;
      await db.run('BEGIN');
      try {
        // Simple protocol: a migration is several statements.
        await client.query(migration.postgres);
        if (migration.version === 1) await db.run("INSERT INTO meta (key, value) VALUES ('app', 'crosscheck')");
        await db.run("INSERT INTO meta (key, value) VALUES ('schema_version', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [String(migration.version)]);
        await db.run('COMMIT');
        applied.push(migration.version);
      } catch (error) {
        await db.run('ROLLBACK').catch(() => undefined);
        throw new CrosscheckError('unreadable', 'store', `migration ${migration.version} (${migration.name}) of schema ${schema} failed: ${(error as Error).message}`, { cause: error });
      }
    }
  } finally {
    await db.run('SELECT pg_advisory_unlock($1, hashtext($2))', [LOCK_KEYS.migrate, schema]).catch(() => undefined);
  }
  return applied;
}
