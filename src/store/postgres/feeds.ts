import type { FeedState } from '../../core/types.js';
import type { FeedWriter } from '../port.js';
import type { Db } from './db.js';

const COLUMNS = `url, title, etag, last_modified AS "lastModified", last_polled_at AS "lastPolledAt", next_poll_at AS "nextPollAt",
  last_success_at AS "lastSuccessAt", interval_ms AS "intervalMs", consecutive_failures AS "consecutiveFailures",
  last_error AS "lastError", articles_found AS "articlesFound", last_status AS "lastStatus", is_blocked_by_robots AS "isBlockedByRobots"`;

/** Feed state on PostgreSQL: what `crosscheck watch` resumes from and `crosscheck feeds` shows. */
export class PostgresFeeds implements FeedWriter {
  constructor(private readonly db: Db) {}

  get(url: string): Promise<FeedState | undefined> {
    return this.db.row<FeedState>(`SELECT ${COLUMNS} FROM feeds WHERE url = $1`, [url]);
  }

  async put(state: FeedState): Promise<void> {
    await this.db.run(
      `INSERT INTO feeds (url, title, etag, last_modified, last_polled_at, next_poll_at, last_success_at, interval_ms,
         consecutive_failures, last_error, articles_found, last_status, is_blocked_by_robots)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (url) DO UPDATE SET title = excluded.title, etag = excluded.etag, last_modified = excluded.last_modified,
         last_polled_at = excluded.last_polled_at, next_poll_at = excluded.next_poll_at, last_success_at = excluded.last_success_at,
         interval_ms = excluded.interval_ms, consecutive_failures = excluded.consecutive_failures, last_error = excluded.last_error,
         articles_found = excluded.articles_found, last_status = excluded.last_status, is_blocked_by_robots = excluded.is_blocked_by_robots`,
      [
        state.url,
        state.title,
        state.etag,
        state.lastModified,
        state.lastPolledAt,
        state.nextPollAt,
        state.lastSuccessAt,
        state.intervalMs,
        state.consecutiveFailures,
        state.lastError,
        state.articlesFound,
        state.lastStatus,
        state.isBlockedByRobots,
      ],
    );
  }

  list(): Promise<FeedState[]> {
    return this.db.rows<FeedState>(`SELECT ${COLUMNS} FROM feeds ORDER BY url`);
  }
}
