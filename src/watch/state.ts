import type { FeedState } from '../core/types.js';

/** What the watcher remembers about one feed between polls and across restarts (plain data). */
export type { FeedState } from '../core/types.js';

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
