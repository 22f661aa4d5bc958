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
  {
    version: 2,
    name: 'copies and stories',
    sql: `
      -- Copy relations found by dedup, seen from the later article (article_id) to the earlier (other_id).
      CREATE TABLE copies (
        article_id INTEGER NOT NULL REFERENCES articles (id),
        other_id INTEGER NOT NULL REFERENCES articles (id),
        kind TEXT NOT NULL CHECK (kind IN ('identical', 'near-identical', 'contains', 'contained')),
        jaccard REAL NOT NULL,
        containment REAL NOT NULL,
        dedup_version INTEGER NOT NULL,
        PRIMARY KEY (article_id, other_id)
      );
      CREATE INDEX copies_other ON copies (other_id);
      -- Copy group of every processed article: group_id is the group's earliest member (who published first).
      CREATE TABLE copy_groups (
        article_id INTEGER PRIMARY KEY REFERENCES articles (id),
        group_id INTEGER NOT NULL
      );
      CREATE INDEX copy_groups_group ON copy_groups (group_id);
      CREATE TABLE stories (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        article_count INTEGER NOT NULL,
        first_seen TEXT,
        last_seen TEXT,
        is_active INTEGER NOT NULL DEFAULT 1,
        merged_into INTEGER REFERENCES stories (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX stories_last_seen ON stories (last_seen);
      -- One row per processed article, in processing order (seq); story_id follows merges.
      CREATE TABLE assignments (
        seq INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL UNIQUE REFERENCES articles (id),
        story_id INTEGER NOT NULL REFERENCES stories (id),
        first_story_id INTEGER NOT NULL,
        is_new INTEGER NOT NULL,
        score REAL NOT NULL,
        reasons TEXT NOT NULL,             -- JSON array of strings
        copy_of INTEGER REFERENCES articles (id),
        cluster_version INTEGER NOT NULL,
        assigned_at TEXT NOT NULL
      );
      CREATE INDEX assignments_story ON assignments (story_id);
      CREATE TABLE story_merges (
        id INTEGER PRIMARY KEY,
        from_story INTEGER NOT NULL,
        into_story INTEGER NOT NULL,
        article_id INTEGER NOT NULL REFERENCES articles (id),
        merged_at TEXT NOT NULL
      );
      -- Serialised in-memory state of an online stage (the story clusterer), with the last seq it covers.
      CREATE TABLE pipeline_state (
        name TEXT PRIMARY KEY,
        version INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        data TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 3,
    name: 'full-text search and fact sheet cache',
    sql: `
      -- Full-text index over article title and text (external content: the text lives once, in articles).
      CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content = 'articles', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
      END;
      CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
      END;
      CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
      END;
      -- Backfill the rows stored before this migration.
      INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
      -- Fact sheet per story, valid while the story's article set (article_key) and the analyzer version stay the same.
      CREATE TABLE fact_sheets (
        story_id INTEGER PRIMARY KEY,
        article_key TEXT NOT NULL,
        version INTEGER NOT NULL,
        data TEXT NOT NULL,                -- the FactSheet as JSON
        built_at TEXT NOT NULL
      );
      -- The entities of each cached fact sheet, for listing and filtering stories by entity.
      CREATE TABLE fact_sheet_entities (
        story_id INTEGER NOT NULL,
        entity_id TEXT NOT NULL,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        mentions INTEGER NOT NULL,
        PRIMARY KEY (story_id, entity_id)
      );
      CREATE INDEX fact_sheet_entities_name ON fact_sheet_entities (name COLLATE NOCASE);
      -- The story list's two orders (newest, largest) without sorting every story.
      CREATE INDEX stories_recent ON stories (COALESCE(last_seen, updated_at), id);
      CREATE INDEX stories_largest ON stories (article_count, id);
    `,
  },
  {
    version: 4,
    name: 'watched feeds',
    sql: `
      -- One row per watched feed: validators for conditional GET, schedule and health.
      CREATE TABLE feeds (
        url TEXT PRIMARY KEY,
        title TEXT,
        etag TEXT,
        last_modified TEXT,
        last_polled_at TEXT,
        next_poll_at TEXT NOT NULL,
        last_success_at TEXT,
        interval_ms INTEGER NOT NULL,
        consecutive_failures INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        articles_found INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX articles_url ON articles (url) WHERE url IS NOT NULL;
    `,
  },
  {
    version: 5,
    name: 'per-article analysis cache',
    sql: `
      -- What the fact sheet derives from one article alone (sentences, entities, quotes, figures), as JSON,
      -- so that a story's fact sheet is updated without analysing its other articles again.
      CREATE TABLE article_analyses (
        article_id INTEGER PRIMARY KEY REFERENCES articles (id),
        version INTEGER NOT NULL,
        data TEXT NOT NULL
      );
    `,
  },
  {
    version: 6,
    name: 'copy-detection keys',
    sql: `
      -- The copy-detection keys of each assigned article (its dedup fingerprint: text hash, sorted shingle
      -- hashes, MinHash signature, from which the LSH band and anchor keys follow), written once, so that a
      -- start loads them for its window instead of fingerprinting the corpus again. ingested_at: the window's clock.
      CREATE TABLE copy_keys (
        article_id INTEGER PRIMARY KEY REFERENCES articles (id),
        version INTEGER NOT NULL,
        text_hash TEXT NOT NULL,
        shingles BLOB NOT NULL,            -- Uint32Array, little-endian
        signature BLOB NOT NULL,           -- Uint32Array, little-endian
        ingested_at TEXT NOT NULL
      );
      CREATE INDEX copy_keys_ingested ON copy_keys (ingested_at);
    `,
  },
  {
    version: 7,
    name: 'feed health',
    sql: `
      -- HTTP status of the last answer to a poll, and whether robots.txt disallowed the feed itself.
      ALTER TABLE feeds ADD COLUMN last_status INTEGER;
      ALTER TABLE feeds ADD COLUMN is_blocked_by_robots INTEGER NOT NULL DEFAULT 0;
    `,
  },
  {
    version: 8,
    name: 'follows and webhooks',
    sql: `
      -- What a reader follows: a saved search (the reader's words), one story (its id), or an entity by name.
      -- epoch: the derived epoch (meta derived_epoch) its story states were taken in; a recluster moves it on.
      CREATE TABLE follows (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('search', 'story', 'entity')),
        target TEXT NOT NULL,
        label TEXT NOT NULL,
        epoch INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
      );
      -- What a follow last saw of each story it matches, to tell what changed; disagreements NULL: not known yet
      -- (taken silently at the next look, so that old disagreements are not announced as new).
      CREATE TABLE follow_stories (
        follow_id INTEGER NOT NULL REFERENCES follows (id) ON DELETE CASCADE,
        story_id INTEGER NOT NULL,
        article_count INTEGER NOT NULL,
        outlet_count INTEGER NOT NULL,
        disagreements TEXT,                -- JSON array of figure group keys already told
        PRIMARY KEY (follow_id, story_id)
      );
      -- What a follow was told, newest last: its JSON Feed and RSS items and the webhook payloads.
      CREATE TABLE follow_events (
        id INTEGER PRIMARY KEY,
        follow_id INTEGER NOT NULL REFERENCES follows (id) ON DELETE CASCADE,
        type TEXT NOT NULL CHECK (type IN ('new_story', 'new_disagreement', 'updated_counts')),
        story_id INTEGER NOT NULL,
        title TEXT NOT NULL,
        text TEXT NOT NULL,
        data TEXT NOT NULL,                -- JSON
        created_at TEXT NOT NULL
      );
      CREATE INDEX follow_events_follow ON follow_events (follow_id, id);
      CREATE TABLE webhooks (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL,
        secret TEXT NOT NULL,              -- the shared secret of the signature, never shown again
        follow_id INTEGER REFERENCES follows (id) ON DELETE CASCADE,  -- NULL: every follow
        types TEXT NOT NULL,               -- JSON array of event types
        created_at TEXT NOT NULL
      );
      -- The delivery log: one row per (webhook, event), updated at each attempt.
      CREATE TABLE webhook_deliveries (
        id INTEGER PRIMARY KEY,
        webhook_id INTEGER NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
        event_id INTEGER NOT NULL REFERENCES follow_events (id) ON DELETE CASCADE,
        status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        last_status INTEGER,
        last_error TEXT,
        next_attempt_at TEXT,
        delivered_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
      CREATE INDEX webhook_deliveries_webhook ON webhook_deliveries (webhook_id, id);
    `,
  },
  {
    version: 9,
    name: 'outlet profiles',
    sql: `
      -- The outlets a newsroom knows (crosscheck outlets import): name, domains and labels, each a JSON column.
      CREATE TABLE outlet_profiles (
        name TEXT PRIMARY KEY COLLATE NOCASE,
        domains TEXT NOT NULL,             -- JSON array of host names
        country TEXT,
        language TEXT,
        owner TEXT,
        labels TEXT NOT NULL,              -- JSON object of further labels
        updated_at TEXT NOT NULL
      );
    `,
  },
];

/** The newest schema version this build of crosscheck knows. */
export const SCHEMA_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
