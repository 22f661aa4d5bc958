import type Database from 'better-sqlite3';
import type { FeedState } from '../../core/types.js';
import type { FeedWriter } from '../port.js';
import type { Sync } from './sync.js';

const COLUMNS = `url, title, etag, last_modified AS lastModified, last_polled_at AS lastPolledAt, next_poll_at AS nextPollAt,
  last_success_at AS lastSuccessAt, interval_ms AS intervalMs, consecutive_failures AS consecutiveFailures,
  last_error AS lastError, articles_found AS articlesFound, last_status AS lastStatus, is_blocked_by_robots AS isBlockedByRobots`;

type FeedRow = Omit<FeedState, 'isBlockedByRobots'> & { isBlockedByRobots: number };

const fromRow = (row: FeedRow): FeedState => ({ ...row, isBlockedByRobots: row.isBlockedByRobots === 1 });

/** Feed state on SQLite: what `crosscheck watch` resumes from and `crosscheck feeds` shows. */
export class SqliteFeeds implements Sync<FeedWriter> {
  constructor(private readonly db: Database.Database) {}

  get(url: string): FeedState | undefined {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM feeds WHERE url = ?`).get(url) as FeedRow | undefined;
    return row ? fromRow(row) : undefined;
  }

  put(state: FeedState): void {
    this.db
      .prepare(
        `INSERT INTO feeds (url, title, etag, last_modified, last_polled_at, next_poll_at, last_success_at, interval_ms,
           consecutive_failures, last_error, articles_found, last_status, is_blocked_by_robots)
         VALUES (@url, @title, @etag, @lastModified, @lastPolledAt, @nextPollAt, @lastSuccessAt, @intervalMs,
           @consecutiveFailures, @lastError, @articlesFound, @lastStatus, @isBlockedByRobots)
         ON CONFLICT (url) DO UPDATE SET title = excluded.title, etag = excluded.etag, last_modified = excluded.last_modified,
           last_polled_at = excluded.last_polled_at, next_poll_at = excluded.next_poll_at, last_success_at = excluded.last_success_at,
           interval_ms = excluded.interval_ms, consecutive_failures = excluded.consecutive_failures, last_error = excluded.last_error,
           articles_found = excluded.articles_found, last_status = excluded.last_status, is_blocked_by_robots = excluded.is_blocked_by_robots`,
      )
      .run({ ...state, isBlockedByRobots: state.isBlockedByRobots ? 1 : 0 });
  }

  list(): FeedState[] {
    return (this.db.prepare(`SELECT ${COLUMNS} FROM feeds ORDER BY url`).all() as FeedRow[]).map(fromRow);
  }
}
