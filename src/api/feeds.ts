import type { FeedState } from '../core/types.js';

/** One line of health per feed, as feed readers show it. */
export type FeedHealthState = 'ok' | 'failing' | 'blocked' | 'pending';

/** A watched feed with its health, as `GET /api/feeds` and the feeds page show it. */
export interface FeedHealth {
  url: string;
  title: string | null;
  /** `blocked`: robots.txt disallows the feed; `failing`: the last poll failed; `pending`: never polled. */
  health: FeedHealthState;
  lastPolledAt: string | null;
  lastSuccessAt: string | null;
  /** HTTP status of the last answer (304 = not modified), or null when none came. */
  lastStatus: number | null;
  isBlockedByRobots: boolean;
  nextPollAt: string;
  intervalMs: number;
  consecutiveFailures: number;
  lastError: string | null;
  articlesFound: number;
}

/** The health view of a stored feed state (deterministic). */
export function feedHealth(state: FeedState): FeedHealth {
  const health: FeedHealthState = state.isBlockedByRobots ? 'blocked' : state.consecutiveFailures > 0 ? 'failing' : state.lastPolledAt === null ? 'pending' : 'ok';
  return {
    url: state.url,
    title: state.title,
    health,
    lastPolledAt: state.lastPolledAt,
    lastSuccessAt: state.lastSuccessAt,
    lastStatus: state.lastStatus,
    isBlockedByRobots: state.isBlockedByRobots,
    nextPollAt: state.nextPollAt,
    intervalMs: state.intervalMs,
    consecutiveFailures: state.consecutiveFailures,
    lastError: state.lastError,
    articlesFound: state.articlesFound,
  };
}
