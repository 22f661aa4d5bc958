import type Database from 'better-sqlite3';
import type { FeedState } from '../core/types.js';

/** A watched feed's state, as the watcher keeps it (see src/watch). */
export type StoredFeedState = FeedState;

const COLUMNS = `url, title, etag, last_modified AS lastModified, last_polled_at AS lastPolledAt, next_poll_at AS nextPollAt,
  last_success_at AS lastSuccessAt, interval_ms AS intervalMs, consecutive_failures AS consecutiveFailures,
  last_error AS lastError, articles_found AS articlesFound`;

/** Feed state on SQLite: what `crosscheck watch` resumes from and `crosscheck feeds` shows. */
export class FeedRepository {
  constructor(private readonly db: Database.Database) {}

  get(url: string): StoredFeedState | undefined {
    return this.db.prepare(`SELECT ${COLUMNS} FROM feeds WHERE url = ?`).get(url) as StoredFeedState | undefined;
  }

  put(state: StoredFeedState): void {
    this.db
      .prepare(
        `INSERT INTO feeds (url, title, etag, last_modified, last_polled_at, next_poll_at, last_success_at, interval_ms,
           consecutive_failures, last_error, articles_found)
         VALUES (@url, @title, @etag, @lastModified, @lastPolledAt, @nextPollAt, @lastSuccessAt, @intervalMs,
           @consecutiveFailures, @lastError, @articlesFound)
         ON CONFLICT (url) DO UPDATE SET title = excluded.title, etag = excluded.etag, last_modified = excluded.last_modified,
           last_polled_at = excluded.last_polled_at, next_poll_at = excluded.next_poll_at, last_success_at = excluded.last_success_at,
           interval_ms = excluded.interval_ms, consecutive_failures = excluded.consecutive_failures, last_error = excluded.last_error,
           articles_found = excluded.articles_found`,
      )
      .run(state);
  }

  list(): StoredFeedState[] {
    return this.db.prepare(`SELECT ${COLUMNS} FROM feeds ORDER BY url`).all() as StoredFeedState[];
  }
}
