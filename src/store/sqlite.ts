import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { CrosscheckError } from '../core/errors.js';
import type { ArticleId, DateProvenance, DocumentHints, StoredArticle } from '../core/types.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';
import { FeedRepository } from './feeds.js';
import { StoryRepository } from './stories.js';
import type { ArticleFilter, InsertResult, NewArticle, Store } from './types.js';

/** `PRAGMA application_id` of a crosscheck database ('ccdb'). */
export const APPLICATION_ID = 0x63636462;

interface ArticleRow {
  id: number;
  external_id: string | null;
  url: string | null;
  canonical_url: string | null;
  title: string | null;
  source: string | null;
  byline: string | null;
  published: string | null;
  published_from: string | null;
  language: string | null;
  paragraphs: string;
  text: string;
  text_hash: string;
  format: 'html' | 'text';
  origin: string;
  extractor_version: number;
  ingested_at: string;
}

const ARTICLE_COLUMNS = `id, external_id, url, canonical_url, title, source, byline, published, published_from,
  language, paragraphs, text, text_hash, format, origin, extractor_version, ingested_at`;

function rowToArticle(row: ArticleRow): StoredArticle {
  return {
    id: row.id as ArticleId,
    externalId: row.external_id,
    url: row.url,
    canonicalUrl: row.canonical_url,
    title: row.title,
    source: row.source,
    byline: row.byline,
    published: row.published,
    publishedFrom: row.published_from as DateProvenance | null,
    language: row.language,
    paragraphs: JSON.parse(row.paragraphs) as string[],
    text: row.text,
    textHash: row.text_hash,
    format: row.format,
    origin: row.origin,
    extractorVersion: row.extractor_version,
    ingestedAt: row.ingested_at,
  };
}

/**
 * The embedded store: one SQLite file in WAL mode. Opening checks that the file is a crosscheck
 * database (or empty) and upgrades its schema in place.
 */
export class SqliteStore implements Store {
  readonly path: string;
  readonly db: Database.Database;
  /** Copies, copy groups, stories and their assignments. */
  readonly stories: StoryRepository;
  /** Watched feeds and their health. */
  readonly feeds: FeedRepository;

  /** Prepared once: ingest calls these for every article. */
  private readonly statements = new Map<string, Database.Statement>();

  private constructor(path: string, db: Database.Database) {
    this.path = path;
    this.db = db;
    this.stories = new StoryRepository(db);
    this.feeds = new FeedRepository(db);
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
      checkIdentity(db, path);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
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

  /** A prepared statement, cached by its SQL text. */
  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  findDuplicate(canonicalUrl: string | null, textHash: string): { id: ArticleId; by: 'text' | 'canonical_url' } | null {
    const byText = this.statement('SELECT id FROM articles WHERE text_hash = ?').get(textHash) as { id: number } | undefined;
    if (byText) return { id: byText.id as ArticleId, by: 'text' };
    if (canonicalUrl) {
      const byUrl = this.statement('SELECT id FROM articles WHERE canonical_url = ? LIMIT 1').get(canonicalUrl) as { id: number } | undefined;
      if (byUrl) return { id: byUrl.id as ArticleId, by: 'canonical_url' };
    }
    return null;
  }

  insertArticle(article: NewArticle): InsertResult {
    const duplicate = this.findDuplicate(article.canonicalUrl, article.textHash);
    if (duplicate) return { status: 'known', id: duplicate.id, by: duplicate.by };
    const info = this
      .statement(
        `INSERT INTO articles (external_id, url, canonical_url, title, source, byline, published, published_from, language,
           paragraphs, text, text_hash, format, origin, hints, raw, extractor_version, ingested_at)
         VALUES (@externalId, @url, @canonicalUrl, @title, @source, @byline, @published, @publishedFrom, @language,
           @paragraphs, @text, @textHash, @format, @origin, @hints, @raw, @extractorVersion, @ingestedAt)`,
      )
      .run({
        externalId: article.externalId,
        url: article.url,
        canonicalUrl: article.canonicalUrl,
        title: article.title,
        source: article.source,
        byline: article.byline,
        published: article.published,
        publishedFrom: article.publishedFrom,
        language: article.language,
        paragraphs: JSON.stringify(article.paragraphs),
        text: article.text,
        textHash: article.textHash,
        format: article.format,
        origin: article.origin,
        hints: JSON.stringify(article.hints),
        raw: gzipSync(article.raw),
        extractorVersion: article.extractorVersion,
        ingestedAt: article.ingestedAt,
      });
    return { status: 'new', id: Number(info.lastInsertRowid) as ArticleId };
  }

  updateExtraction(id: ArticleId, article: Omit<NewArticle, 'raw' | 'hints' | 'origin' | 'format' | 'externalId' | 'ingestedAt'>): void {
    this.db
      .prepare(
        `UPDATE articles SET url = @url, canonical_url = @canonicalUrl, title = @title, source = @source, byline = @byline,
           published = @published, published_from = @publishedFrom, language = @language, paragraphs = @paragraphs,
           text = @text, text_hash = @textHash, extractor_version = @extractorVersion WHERE id = @id`,
      )
      .run({
        id,
        url: article.url,
        canonicalUrl: article.canonicalUrl,
        title: article.title,
        source: article.source,
        byline: article.byline,
        published: article.published,
        publishedFrom: article.publishedFrom,
        language: article.language,
        paragraphs: JSON.stringify(article.paragraphs),
        text: article.text,
        textHash: article.textHash,
        extractorVersion: article.extractorVersion,
      });
  }

  /** True when an article fetched from `url` (or declaring it canonical) is stored. */
  hasUrl(url: string): boolean {
    return this.statement('SELECT 1 FROM articles WHERE url = ? OR canonical_url = ? LIMIT 1').get(url, url) !== undefined;
  }

  getArticle(id: number): StoredArticle | null {
    const row = this.statement(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = ?`).get(id) as ArticleRow | undefined;
    return row ? rowToArticle(row) : null;
  }

  /** The stored input document and the hints it came with, for re-extraction. */
  getRaw(id: number): { content: string; hints: DocumentHints; format: 'html' | 'text'; origin: string } | null {
    const row = this.db.prepare('SELECT raw, hints, format, origin FROM articles WHERE id = ?').get(id) as
      | { raw: Buffer; hints: string; format: 'html' | 'text'; origin: string }
      | undefined;
    if (!row) return null;
    return { content: gunzipSync(row.raw).toString('utf8'), hints: JSON.parse(row.hints) as DocumentHints, format: row.format, origin: row.origin };
  }

  listArticles(filter: ArticleFilter = {}): StoredArticle[] {
    const where: string[] = [];
    const params: Record<string, string | number> = {};
    if (filter.source !== undefined) {
      where.push('source = @source COLLATE NOCASE');
      params.source = filter.source;
    }
    if (filter.since !== undefined) {
      where.push('published >= @since');
      params.since = filter.since;
    }
    if (filter.until !== undefined) {
      // `until` is inclusive of the whole day when given as a date.
      where.push('published < @until');
      params.until = /^\d{4}-\d{2}-\d{2}$/.test(filter.until) ? `${filter.until}T99` : filter.until;
    }
    if (filter.ids !== undefined) {
      where.push(`id IN (${filter.ids.map((id) => Number(id)).join(',') || 'NULL'})`);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const order = filter.order === 'id' ? 'id' : 'COALESCE(published, ingested_at), id';
    const limit = filter.limit !== undefined ? `LIMIT ${Math.max(0, Math.floor(filter.limit))}` : '';
    const rows = this.db.prepare(`SELECT ${ARTICLE_COLUMNS} FROM articles ${clause} ORDER BY ${order} ${limit}`).all(params) as ArticleRow[];
    return rows.map(rowToArticle);
  }

  /** Iterates over all articles in id order without loading them all at once. */
  *iterateArticles(): Generator<StoredArticle> {
    for (const row of this.db.prepare(`SELECT ${ARTICLE_COLUMNS} FROM articles ORDER BY id`).iterate() as IterableIterator<ArticleRow>) {
      yield rowToArticle(row);
    }
  }

  countArticles(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  close(): void {
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

function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const migration of MIGRATIONS) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      if (migration.version === 1) {
        db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('app', 'crosscheck');
      }
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
