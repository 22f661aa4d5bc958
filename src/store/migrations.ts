/**
 * Schema migrations for the SQLite store, applied in order. The schema version is kept in
 * `PRAGMA user_version`; an existing database is upgraded in place, one migration per
 * transaction. Never edit a migration that has shipped: add a new one.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'articles',
    sql: `
      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
      CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        external_id TEXT,
        url TEXT,
        canonical_url TEXT,
        title TEXT,
        source TEXT,
        byline TEXT,
        published TEXT,
        published_from TEXT,
        language TEXT,
        paragraphs TEXT NOT NULL,          -- JSON array of strings
        text TEXT NOT NULL,
        text_hash TEXT NOT NULL,
        format TEXT NOT NULL CHECK (format IN ('html', 'text')),
        origin TEXT NOT NULL,
        hints TEXT NOT NULL DEFAULT '{}',  -- JSON: what the input itself said
        raw BLOB NOT NULL,                 -- the input document, gzip-compressed
        extractor_version INTEGER NOT NULL,
        ingested_at TEXT NOT NULL
      );
      CREATE UNIQUE INDEX articles_text_hash ON articles (text_hash);
      CREATE INDEX articles_canonical_url ON articles (canonical_url) WHERE canonical_url IS NOT NULL;
      CREATE INDEX articles_source ON articles (source);
      CREATE INDEX articles_published ON articles (published);
    `,
  },
];

/** The newest schema version this build of crosscheck knows. */
export const SCHEMA_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
