/**
 * The store: articles (with their raw input, compressed) and, in later migrations, what the
 * pipeline derives from them. SQLite (better-sqlite3, WAL) is the embedded default.
 */
export { SqliteStore, APPLICATION_ID } from './sqlite.js';
export { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';
export type { Migration } from './migrations.js';
export type { ArticleFilter, InsertResult, NewArticle, Store } from './types.js';
export { StoryRepository } from './stories.js';
export type { CopyRow, ExportRow, NewAssignment, StoryArticleRow, StoryRow, StorySnapshot } from './stories.js';
export { FeedRepository } from './feeds.js';
export type { StoredFeedState } from './feeds.js';
