import { existsSync, mkdirSync } from 'node:fs';
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
  type FollowWriter,
  type OutletProfileWriter,
  type StateWriter,
  type StorePort,
  type StoryWriter,
  type StoreTx,
  type TransactionOptions,
  type WebhookWriter,
} from '../port.js';
import { SqliteArticles } from './articles.js';
import { examineDatabase, type DoctorReport } from './doctor.js';
import { SqliteFeeds } from './feeds.js';
import { SqliteFollows, SqliteWebhooks } from './follows.js';
import { SqliteOutletProfiles } from './outlets.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';
import { SqliteAnalyses, SqliteCopyKeys, SqliteFactSheets } from './sheets.js';
import { SqliteCopies, SqliteEvents, SqliteState, SqliteStories } from './stories.js';
import { asyncRepository } from './sync.js';

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

  private constructor(path: string, db: Database.Database) {
    this.path = path;
    this.location = path;
    this.db = db;
    this.articles = asyncRepository<ArticleWriter>(new SqliteArticles(db));
    this.stories = asyncRepository<StoryWriter>(new SqliteStories(db));
    this.copies = asyncRepository<CopyWriter>(new SqliteCopies(db));
    this.copyKeys = asyncRepository<CopyKeyWriter>(new SqliteCopyKeys(db));
    this.analyses = asyncRepository<AnalysisWriter>(new SqliteAnalyses(db));
    this.factSheets = asyncRepository<FactSheetWriter>(new SqliteFactSheets(db));
    this.feeds = asyncRepository<FeedWriter>(new SqliteFeeds(db));
    this.events = asyncRepository<EventReader>(new SqliteEvents(db));
    this.state = asyncRepository<StateWriter>(new SqliteState(db));
    this.follows = asyncRepository<FollowWriter>(new SqliteFollows(db));
    this.webhooks = asyncRepository<WebhookWriter>(new SqliteWebhooks(db));
    this.outletProfiles = asyncRepository<OutletProfileWriter>(new SqliteOutletProfiles(db));
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

  /** Opens (creating if needed) the store at `path`; `:memory:` gives a throwaway store. */
  static open(path: string): SqliteStore {
    if (path !== ':memory:') {
      const dir = dirname(path);
      if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
    }
    let db: Database.Database;
    try {
      db = new Database(path);
    } catch (error) {
      throw new CrosscheckError('unreadable', 'store', `Cannot open database ${path}: ${(error as Error).message}`, { cause: error });
    }
    try {
      db.pragma(`busy_timeout = ${READ_BUSY_TIMEOUT_MS}`);
      checkIdentity(db, path);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      migrate(db);
    } catch (error) {
      db.close();
      if (error instanceof CrosscheckError) throw error;
      const message = (error as Error).message;
      if (/not a database|file is encrypted/i.test(message)) {
        throw new CrosscheckError('not_a_crosscheck_db', 'store', `${path} is not a crosscheck database (not SQLite at all)`, { cause: error });
      }
      throw new CrosscheckError('unreadable', 'store', `Cannot open database ${path}: ${message}`, { cause: error });
    }
    return new SqliteStore(path, db);
  }

  schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  async transaction<T>(fn: (tx: StoreTx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    const deadline = Date.now() + (options.deadlineMs ?? DEFAULT_WRITE_DEADLINE_MS);
    const previous = this.turn;
    let release!: () => void;
    this.turn = new Promise<void>((resolve) => (release = resolve));
    try {
      await previous;
      await this.begin(deadline);
      this.stats.transactions++;
      try {
        const result = await fn(this.tx);
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    } finally {
      release();
    }
  }

  /** Becomes the writer: short blocking attempts, asynchronous backoff with jitter between them. */
  private async begin(deadline: number): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      if (!this.db.open) throw new CrosscheckError('unreadable', 'store', `${this.path}: the store is closed`);
      this.db.pragma(`busy_timeout = ${WRITE_ATTEMPT_TIMEOUT_MS}`);
      try {
        this.db.exec('BEGIN IMMEDIATE');
        return;
      } catch (error) {
        if (!isBusy(error)) throw error;
        if (Date.now() >= deadline) {
          throw new RetryableError('store_busy', 'store', `${this.path}: another process kept the store busy; the write was not made, try again`, 1000, {
            cause: error,
          });
        }
        this.stats.retries++;
        const pause = Math.min(MAX_BACKOFF_MS, 5 * 2 ** Math.min(attempt, 6));
        await sleep(Math.min(pause * (0.5 + Math.random()), Math.max(1, deadline - Date.now())));
      } finally {
        if (this.db.open) this.db.pragma(`busy_timeout = ${READ_BUSY_TIMEOUT_MS}`);
      }
    }
  }

  writeStats(): { transactions: number; retries: number } {
    return { ...this.stats };
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
    if (this.db.open) this.db.close();
  }
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
function migrate(db: Database.Database): void {
  for (const migration of MIGRATIONS) {
    if (migration.version <= (db.pragma('user_version', { simple: true }) as number)) continue;
    db.exec('BEGIN IMMEDIATE');
    try {
      // Another process may have applied it while this one waited.
      if (migration.version > (db.pragma('user_version', { simple: true }) as number)) {
        db.exec(migration.sql);
        if (migration.version === 1) db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('app', 'crosscheck');
        db.pragma(`application_id = ${APPLICATION_ID}`);
        db.pragma(`user_version = ${migration.version}`);
      }
      db.exec('COMMIT');
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    }
  }
}
