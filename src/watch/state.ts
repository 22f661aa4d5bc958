/** What the watcher remembers about one feed between polls and across restarts. Plain data. */
export interface FeedState {
  /** The feed URL as added (the key). */
  url: string;
  /** Feed title from the last successful parse, or null. */
  title: string | null;
  /** Validators from the last complete poll, sent back as If-None-Match / If-Modified-Since. */
  etag: string | null;
  lastModified: string | null;
  /** ISO 8601 instants. */
  lastPolledAt: string | null;
  nextPollAt: string;
  lastSuccessAt: string | null;
  /** Current polling interval, ms, within the watcher's [min, max]. */
  intervalMs: number;
  consecutiveFailures: number;
  /** Message of the last failure, cleared by a success. */
  lastError: string | null;
  /** Documents handed to `onDocument` from this feed, all time. */
  articlesFound: number;
}

/**
 * Where feed states live. The CLI backs it with SQLite; {@link MemoryFeedStateStore} is for tests.
 * Methods may be sync or async. `put` replaces the state with the same `url`.
 */
export interface FeedStateStore {
  get(url: string): FeedState | undefined | Promise<FeedState | undefined>;
  put(state: FeedState): void | Promise<void>;
  list(): FeedState[] | Promise<FeedState[]>;
}

/** A FeedStateStore in a Map; copies on the way in and out so callers cannot alias stored state. */
export class MemoryFeedStateStore implements FeedStateStore {
  private readonly states = new Map<string, FeedState>();

  get(url: string): FeedState | undefined {
    const state = this.states.get(url);
    return state ? { ...state } : undefined;
  }

  put(state: FeedState): void {
    this.states.set(state.url, { ...state });
  }

  list(): FeedState[] {
    return [...this.states.values()].map((state) => ({ ...state }));
  }
}
