/**
 * The store: articles (with their raw input, compressed) and what the pipeline derives from them,
 * behind one asynchronous port ({@link StorePort}). SQLite (better-sqlite3, WAL) is the embedded
 * implementation; no SQL, pragma or search syntax is written outside this module.
 */
export { SqliteStore, APPLICATION_ID } from './sqlite/store.js';
export { describeDamage, onDamagedRow, type DamagedRow } from './damage.js';
export type { DoctorReport } from './sqlite/doctor.js';
export { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';
export type { Dialect, Migration } from './migrations.js';
export type { ArticleFilter, InsertResult, NewArticle } from './types.js';
export { DEFAULT_WRITE_DEADLINE_MS, FOLLOW_EVENT_TYPES } from './port.js';
export type * from './port.js';
export { toFtsQuery } from './sqlite/fts.js';
export { PostgresStore } from './postgres/store.js';
export { isPostgresLocation } from './postgres/db.js';
export { copyStore, openStoreAt, type OpenOptions, type Store } from './open.js';
export type { CopyProgress, CopyResult } from './copy.js';
export {
  changeChannel,
  deadLetterQueue,
  DEFAULT_QUEUE_POLICY,
  JOB_KINDS,
  LeaderLock,
  listenForAssignments,
  PostgresJobs,
  type Fence,
  type InboxRow,
  type JobData,
  type JobKind,
  type QueueCounts,
  type QueuePolicy,
  type QueueTx,
  type SequencerLag,
} from './postgres/queue.js';
