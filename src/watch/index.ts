/**
 * Watching feeds: a {@link Watcher} polls RSS/Atom feeds on an adaptive schedule with conditional
 * GET, per-host politeness, robots.txt and backoff, and hands each new entry's page to a callback
 * as a RawDocument. State lives in a {@link FeedStateStore} (plain data), so a restart resumes.
 */
export {
  Watcher,
  DEFAULT_CONCURRENCY,
  DEFAULT_HOST_DELAY_MS,
  DEFAULT_INITIAL_INTERVAL_MS,
  DEFAULT_MAX_BACKOFF_MS,
  DEFAULT_MAX_ENTRIES_PER_POLL,
  DEFAULT_MAX_INTERVAL_MS,
  DEFAULT_MIN_INTERVAL_MS,
  MAX_IDLE_MS,
  type PollSummary,
  type WatchEvent,
  type WatcherOptions,
} from './watcher.js';
export { MemoryFeedStateStore, type FeedState, type FeedStateStore } from './state.js';
export { HostQueue, realSleep, type HostQueueOptions, type SleepFunction } from './host-queue.js';
export { backoffMs, nextIntervalMs, INTERVAL_GROWTH, INTERVAL_SHRINK, type IntervalBounds } from './schedule.js';
