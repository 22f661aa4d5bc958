import { accessSync, constants, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { CrosscheckError, RetryableError } from '../../core/errors.js';
import {
  DEFAULT_WRITE_DEADLINE_MS,
  type AnalysisWriter,
  type ArticleWriter,
  type CopyKeyWriter,
  type CopyWriter,
  type EventReader,
  type FactSheetWriter,
  type FeedWriter,
  type RebuildOptions,
  type FollowWriter,
  type OutletProfileWriter,
  type StateWriter,
  type StorePort,
  type StoryWriter,
  type StoreTx,
  type TransactionOptions,
  type WebhookWriter,
} from '../port.js';
import type { TableIO } from '../copy.js';
import { SqliteArticles } from './articles.js';
import { sqliteTableIO } from './copy.js';
import { examineDatabase, type DoctorReport } from './doctor.js';
import { SqliteFeeds } from './feeds.js';
import { createScratch, dropScratch, swapIn } from './rebuild.js';
import { SqliteFollows, SqliteWebhooks } from './follows.js';
import { SqliteOutletProfiles } from './outlets.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../migrations.js';
import { SqliteAnalyses, SqliteCopyKeys, SqliteFactSheets } from './sheets.js';
import { firstFreeStoryId, SqliteCopies, SqliteEvents, SqliteState, SqliteStories } from './stories.js';
import { asyncRepository } from './sync.js';
import { withStatementCache } from './statements.js';

/** `PRAGMA application_id` of a crosscheck database ('ccdb'). */
export const APPLICATION_ID = 0x63636462;

/** How long a statement waits for a lock held by another process, blocking this thread: opening and reads, ms. */
export const READ_BUSY_TIMEOUT_MS = 5000;
/**
 * How long one attempt to become the writer blocks this thread, ms. Kept short: between attempts
 * the writer waits asynchronously (backoff with jitter), so a server keeps answering meanwhile.
 */
export const WRITE_ATTEMPT_TIMEOUT_MS = 25;
/** Longest pause between two attempts to become the writer, ms. */
export const MAX_BACKOFF_MS = 200;

/**
 * Whether this process may write the store at `path`: the file, and its folder (where SQLite
 * makes the write-ahead log and shared-memory files) unless those exist and may be written.
 */
function canWrite(path: string): boolean {
  const writable = (p: string): boolean => {
    try {
      accessSync(p, constants.W_OK);
      return true;
    } catch {
      return false;
    }
  };
  if (!writable(path)) return false;
  if (writable(dirname(path))) return true;
  return [`${path}-wal`, `${path}-shm`].every((p) => existsSync(p) && writable(p));
}

/** A failure to write or to open for writing: read-only file, folder or file system, or no permission. */
function isReadOnlyFailure(error: unknown): boolean {
  if (error instanceof CrosscheckError) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return false;
  return code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_') || code === 'SQLITE_CANTOPEN' || code.startsWith('SQLITE_CANTOPEN_') || code === 'SQLITE_PERM' || code === 'EACCES' || code === 'EROFS';
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED');
}

/**
 * The embedded store: one SQLite file in WAL mode, behind the {@link StorePort}. Opening checks
 * that the file is a crosscheck database (or empty) and upgrades its schema in place.
 *
 * Writers: every transaction starts as a writer (`BEGIN IMMEDIATE`), so it never has to upgrade
 * a read snapshot that another process has overtaken (which SQLite refuses at once). The writers
 * of this process take turns on one connection; a writer of another process is waited for with
 * short blocking attempts and asynchronous backoff, up to the transaction's deadline.
 *
 * Reads are not serialised: a read issued while this process has a write transaction open sees
 * that transaction's writes so far.
 */
export class SqliteStore implements StorePort {
  readonly path: string;
  readonly location: string;
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

  private readonly db: Database.Database;
  private readonly tx: StoreTx;
  /** The end of the queue of this process's writers. */
  private turn: Promise<void> = Promise.resolve();
  private readonly stats = { transactions: 0, retries: 0 };
  /** True when the store was opened for reading only (see {@link open}): every write is refused. */
  readOnly = false;
  /** The migrations this open applied (versions), for `crosscheck migrate`. */
  migrated: number[] = [];

  /**
   * `scratch`: a rebuild's store (see {@link rebuildDerived}): its transactions write TEMP
   * tables only, so they begin deferred and take no lock on the file.
   */
  private constructor(
    path: string,
    db: Database.Database,
    private readonly scratch = false,
  ) {
    this.path = path;
    this.location = scratch ? `${path} (rebuild)` : path;
    this.db = db;
    const repos = withStatementCache(db);
    this.articles = asyncRepository<ArticleWriter>(new SqliteArticles(repos));
    this.stories = asyncRepository<StoryWriter>(new SqliteStories(repos));
    this.copies = asyncRepository<CopyWriter>(new SqliteCopies(repos));
    this.copyKeys = asyncRepository<CopyKeyWriter>(new SqliteCopyKeys(repos));
    this.analyses = asyncRepository<AnalysisWriter>(new SqliteAnalyses(repos));
    this.factSheets = asyncRepository<FactSheetWriter>(new SqliteFactSheets(repos));
    this.feeds = asyncRepository<FeedWriter>(new SqliteFeeds(repos));
    this.events = asyncRepository<EventReader>(new SqliteEvents(repos));
    this.state = asyncRepository<StateWriter>(new SqliteState(repos));
    this.follows = asyncRepository<FollowWriter>(new SqliteFollows(repos));
    this.webhooks = asyncRepository<WebhookWriter>(new SqliteWebhooks(repos));
    this.outletProfiles = asyncRepository<OutletProfileWriter>(new SqliteOutletProfiles(repos));
    this.tx = {
      articles: this.articles,
      stories: this.stories,
      copies: this.copies,
      copyKeys: this.copyKeys,
      analyses: this.analyses,
      factSheets: this.factSheets,
      feeds: this.feeds,
      events: this.events,
      state: this.state,
      follows: this.follows,
      webhooks: this.webhooks,
      outletProfiles: this.outletProfiles,
    };
  }

  /**
   * Opens (creating if needed) the store at `path`; `:memory:` gives a throwaway store. A store
   * that cannot be written (a read-only file or folder, or `readOnly`) is opened for reading: its
   * reads work, every write is refused with `read_only`.
   */
  static open(path: string, options: { readOnly?: boolean } = {}): SqliteStore {
    if (options.readOnly === true) return SqliteStore.openReadOnly(path);
    if (path !== ':memory:') {
      const dir = dirname(path);
      if (!existsSync(dir)) {
        try {
          mkdirSync(dir, { recursive: true });
        } catch (error) {
          throw new CrosscheckError('unreadable', 'store', `Cannot create the folder of database ${path}: ${(error as Error).message}`, { cause: error });
        }
      }
    }
    if (path !== ':memory:' && existsSync(path) && !canWrite(path)) return SqliteStore.openReadOnly(path);
    let db: Database.Database;
    let migrated: number[] = [];
    try {
      db = new Database(path);
    } catch (error) {
      if (isReadOnlyFailure(error) && existsSync(path)) return SqliteStore.openReadOnly(path);
      throw new CrosscheckError('unreadable', 'store', `Cannot open database ${path}: ${(error as Error).message}`, { cause: error });
    }
    try {
      db.pragma(`busy_timeout = ${READ_BUSY_TIMEOUT_MS}`);
      checkIdentity(db, path);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      migrated = migrate(db);
    } catch (error) {
      if (db.open) db.close();
      if (error instanceof CrosscheckError) throw error;
      if (isReadOnlyFailure(error) && path !== ':memory:' && existsSync(path)) return SqliteStore.openReadOnly(path);
      const message = (error as Error).message;
      if (/not a database|file is encrypted/i.test(message)) {
        throw new CrosscheckError('not_a_crosscheck_db', 'store', `${path} is not a crosscheck database (not SQLite at all)`, { cause: error });
      }
      throw new CrosscheckError('unreadable', 'store', `Cannot open database ${path}: ${message}`, { cause: error });
    }
    const store = new SqliteStore(path, db);
    store.migrated = migrated;
    return store;
  }

  /**
   * Opens an existing store for reading only. In a folder it may not write, a store in WAL mode
   * cannot make its shared-memory file; when no write-ahead log is left beside it (the last writer
   * closed cleanly), the file holds everything and is read into memory instead (it cannot change
   * while nobody may write in its folder).
   */
  private static openReadOnly(path: string): SqliteStore {
    const attempt = (inMemory: boolean): Database.Database => {
      let db: Database.Database;
      if (inMemory) {
        const image = readFileSync(path);
        // A WAL-mode header (format 2) cannot be read from memory: the copy says rollback journal.
        if (image.length > 19) image[18] = image[19] = 1;
        db = new Database(image, { readonly: true });
      } else {
        db = new Database(path, { readonly: true, fileMustExist: true });
      }
      try {
        db.pragma(`busy_timeout = ${READ_BUSY_TIMEOUT_MS}`);
        checkIdentity(db, path);
        return db;
      } catch (error) {
        db.close();
        throw error;
      }
    };
    let db: Database.Database;
    try {
      try {
        db = attempt(false);
      } catch (error) {
        if (error instanceof CrosscheckError || !isReadOnlyFailure(error) || existsSync(`${path}-wal`)) throw error;
        db = attempt(true);
      }
    } catch (error) {
      if (error instanceof CrosscheckError) throw error;
      throw new CrosscheckError('unreadable', 'store', `Cannot open database ${path} for reading: ${(error as Error).message}`, { cause: error });
    }
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version < SCHEMA_VERSION) {
      db.close();
      throw new CrosscheckError(
        'read_only',
        'store',
        `${path} is read-only and has schema version ${version}, older than this crosscheck's (${SCHEMA_VERSION}); open it once where it can be written to upgrade it`,
      );
    }
    const store = new SqliteStore(path, db);
    store.readOnly = true;
    return store;
  }

  schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  async transaction<T>(fn: (tx: StoreTx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    if (this.readOnly) throw this.readOnlyError();
    const deadline = Date.now() + (options.deadlineMs ?? DEFAULT_WRITE_DEADLINE_MS);
    const previous = this.turn;
    let release!: () => void;
    this.turn = new Promise<void>((resolve) => (release = resolve));
    try {
      await previous;
      if (this.scratch) this.db.exec('BEGIN');
      else await this.begin(deadline);
      this.stats.transactions++;
      try {
        const result = await fn(this.tx);
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw isReadOnlyFailure(error) ? this.readOnlyError(error) : error;
      }
    } catch (error) {
      throw isReadOnlyFailure(error) ? this.readOnlyError(error) : error;
    } finally {
      release();
    }
  }

  private readOnlyError(cause?: unknown): CrosscheckError {
    return new CrosscheckError('read_only', 'store', `${this.path}: the store is read-only (the file or its folder cannot be written); nothing was written`, { cause });
  }

  private async begin(deadline: number): Promise<void> {
    if (!this.db.open) throw new CrosscheckError('unreadable', 'store', `${this.path}: the store is closed`);
    await beginWriter(this.db, this.path, deadline, this.stats);
  }

  async rebuildDerived<T>(build: (scratch: StorePort) => Promise<T>, options: RebuildOptions = {}): Promise<T> {
    if (this.scratch) throw new CrosscheckError('invalid_argument', 'store', `${this.path}: a rebuild cannot start another inside it`);
    if (this.readOnly) throw this.readOnlyError();
    // A file store rebuilds on a connection of its own, so that this one's readers and writers
    // see the live rows meanwhile; an in-memory store has one connection, held for the rebuild.
    const separate = this.path !== ':memory:';
    let release = (): void => undefined;
    if (!separate) {
      const previous = this.turn;
      this.turn = new Promise<void>((resolve) => (release = resolve));
      await previous;
    }
    const db = separate ? connect(this.path) : this.db;
    try {
      createScratch(db, firstFreeStoryId(db, 'main'));
      const scratch = new SqliteStore(this.path, db, true);
      const result = await build(scratch);
      await scratch.turn;
      await beginWriter(db, this.path, Date.now() + (options.deadlineMs ?? DEFAULT_WRITE_DEADLINE_MS), this.stats);
      this.stats.transactions++;
      try {
        swapIn(db, options);
        db.exec('COMMIT');
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw error;
      }
      return result;
    } finally {
      if (db.open) {
        if (db.inTransaction) db.exec('ROLLBACK');
        dropScratch(db);
        if (separate) db.close();
      }
      release();
    }
  }

  writeStats(): { transactions: number; retries: number } {
    return { ...this.stats };
  }

  /** The store's tables as rows, for copying a whole store (see `copyStore`). */
  tableIO(): TableIO {
    return sqliteTableIO(this.db, (fn) => this.transaction(() => Promise.resolve(fn())));
  }

  /**
   * Checks the file's structure and every stored row a reader parses; with `repair`, fixes what
   * can be fixed without losing anything (see {@link examineDatabase}). Waits its turn as a writer.
   */
  async examine(options: { repair?: boolean } = {}): Promise<DoctorReport> {
    const previous = this.turn;
    let release!: () => void;
    this.turn = new Promise<void>((resolve) => (release = resolve));
    await previous;
    try {
      return examineDatabase(this.db, options);
    } finally {
      release();
    }
  }

  async close(): Promise<void> {
    await this.turn;
    // A rebuild's connection belongs to the rebuild, which closes it.
    if (this.db.open && !this.scratch) this.db.close();
  }
}

/** Becomes the writer on `db`: short blocking attempts, asynchronous backoff with jitter between them. */
async function beginWriter(db: Database.Database, path: string, deadline: number, stats: { retries: number }): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    if (!db.open) throw new CrosscheckError('unreadable', 'store', `${path}: the store is closed`);
    db.pragma(`busy_timeout = ${WRITE_ATTEMPT_TIMEOUT_MS}`);
    try {
      db.exec('BEGIN IMMEDIATE');
      return;
    } catch (error) {
      if (!isBusy(error)) throw error;
      if (Date.now() >= deadline) {
        throw new RetryableError('store_busy', 'store', `${path}: another process kept the store busy; the write was not made, try again`, 1000, {
          cause: error,
        });
      }
      stats.retries++;
      const pause = Math.min(MAX_BACKOFF_MS, 5 * 2 ** Math.min(attempt, 6));
      await sleep(Math.min(pause * (0.5 + Math.random()), Math.max(1, deadline - Date.now())));
    } finally {
      if (db.open) db.pragma(`busy_timeout = ${READ_BUSY_TIMEOUT_MS}`);
    }
  }
}

/** Another connection to an open store's file (already checked and migrated). */
function connect(path: string): Database.Database {
  const db = new Database(path);
  db.pragma(`busy_timeout = ${READ_BUSY_TIMEOUT_MS}`);
  db.pragma('foreign_keys = ON');
  return db;
}

/** Refuses files that are SQLite but belong to something else. */
function checkIdentity(db: Database.Database, path: string): void {
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  const userVersion = db.pragma('user_version', { simple: true }) as number;
  const tables = (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type IN ('table','view')").get() as { n: number }).n;
  if (applicationId === APPLICATION_ID) {
    if (userVersion > SCHEMA_VERSION) {
      throw new CrosscheckError(
        'db_too_new',
        'store',
        `${path} has schema version ${userVersion}, newer than this crosscheck knows (${SCHEMA_VERSION}); upgrade crosscheck`,
      );
    }
    return;
  }
  if (applicationId === 0 && userVersion === 0 && tables === 0) return; // a new, empty database
  throw new CrosscheckError(
    'not_a_crosscheck_db',
    'store',
    `${path} is an SQLite database but not a crosscheck one (application_id ${applicationId}, ${tables} tables); refusing to touch it`,
  );
}

/** Applies the missing migrations, each as a writer, so that two processes opening a new store at once do not collide. */
function migrate(db: Database.Database): number[] {
  const applied: number[] = [];
  for (const migration of MIGRATIONS) {
    if (migration.version <= (db.pragma('user_version', { simple: true }) as number)) continue;
    db.exec('BEGIN IMMEDIATE');
    try {
      // Another process may have applied it while this one waited.
      if (migration.version > (db.pragma('user_version', { simple: true }) as number)) {
        db.exec(migration.sqlite);
        if (migration.version === 1) db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('app', 'crosscheck');
        db.pragma(`application_id = ${APPLICATION_ID}`);
        db.pragma(`user_version = ${migration.version}`);
        applied.push(migration.version);
      }
      db.exec('COMMIT');
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    }
  }
  return applied;
}
