import { CrosscheckError, isCrosscheckError, RetryableError } from '../core/errors.js';
import type { RawDocument } from '../core/types.js';
import { parseFeed, type Feed, type FeedEntry } from '../ingest/feed.js';
import { fetchDocument, httpStatusOf, type FetchOptions, type FetchResult } from '../ingest/fetch.js';
import { RobotsCache } from '../ingest/robots.js';
import { parseHttpUrl } from '../ingest/url-guard.js';
import { HostQueue, realSleep, type SleepFunction } from './host-queue.js';
import { backoffMs, nextIntervalMs, type IntervalBounds } from './schedule.js';
import type { FeedState, FeedStateStore } from './state.js';

export const DEFAULT_MIN_INTERVAL_MS = 5 * 60 * 1000;
export const DEFAULT_MAX_INTERVAL_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_INITIAL_INTERVAL_MS = 30 * 60 * 1000;
export const DEFAULT_MAX_BACKOFF_MS = 24 * 60 * 60 * 1000;
/** Pause between two requests to one host, ms. */
export const DEFAULT_HOST_DELAY_MS = 1000;
/** New entries fetched per feed per poll; the rest wait for the next poll (which comes sooner). */
export const DEFAULT_MAX_ENTRIES_PER_POLL = 50;
/** Feeds polled at once (each host still gets one request at a time). */
export const DEFAULT_CONCURRENCY = 4;
/** Longest sleep of `run()` between looks at the store, so feeds added meanwhile are seen. */
export const MAX_IDLE_MS = 60 * 1000;

const STAGE = 'watch';

export type WatchEvent =
  | { type: 'poll'; feed: string; outcome: 'not_modified' | 'no_new' | 'new'; newEntries: number; nextPollAt: string }
  | { type: 'document'; feed: string; url: string }
  | { type: 'skipped'; feed: string; url: string; reason: 'robots' | 'not_a_page' }
  | { type: 'entry_failed'; feed: string; url: string; error: CrosscheckError }
  | { type: 'feed_failed'; feed: string; error: CrosscheckError; nextPollAt: string };

export interface PollSummary {
  feed: string;
  outcome: 'not_modified' | 'no_new' | 'new' | 'failed' | 'robots' | 'aborted';
  /** Entries not known before this poll. */
  newEntries: number;
  /** Documents handed to onDocument. */
  documents: number;
}

export interface WatcherOptions {
  store: FeedStateStore;
  /** Receives each new entry's page. Throwing leaves the entry to be retried at the next poll. */
  onDocument: (doc: RawDocument, entry: FeedEntry, feed: FeedState) => void | Promise<void>;
  /** True when an entry URL is already stored (the lead backs it with the article store). */
  isKnown?: (url: string) => boolean | Promise<boolean>;
  /** Fetch options for feeds, pages and robots.txt (allowPrivate, lookup, timeouts, agents). */
  fetch?: FetchOptions;
  /** robots.txt cache to obey; `false` disables robots.txt (tests only). Default: a new cache. */
  robots?: RobotsCache | false;
  now?: () => number;
  sleep?: SleepFunction;
  hostDelayMs?: number;
  minIntervalMs?: number;
  maxIntervalMs?: number;
  initialIntervalMs?: number;
  maxBackoffMs?: number;
  maxEntriesPerPoll?: number;
  concurrency?: number;
  onEvent?: (event: WatchEvent) => void;
}

/**
 * Polls feeds on an adaptive schedule and hands each new entry's page to `onDocument`.
 *
 * - Conditional GET with the stored ETag / Last-Modified; 304 means nothing new. Validators are
 *   stored only after every new entry of a poll was handled, so an interrupted poll is redone.
 * - Interval per feed: halved when new entries appear, ×1.5 when not, within [min, max].
 * - Failures back off exponentially from the min interval; 429/503 Retry-After is honoured.
 * - Politeness: one request at a time per host with `hostDelayMs` (or Crawl-delay) between them;
 *   robots.txt obeyed for feeds and pages.
 * - Entries already known (`isKnown`) or handled in this session are not fetched again; entry URLs
 *   are only ever fetched as pages (one that answers with a feed is skipped, never followed).
 * - All state goes through the FeedStateStore, so a new Watcher over the same store resumes.
 * - Time is injected (`now`, `sleep`); the AbortSignal stops `run()` promptly.
 */
export class Watcher {
  private readonly options: WatcherOptions;
  private readonly now: () => number;
  private readonly sleep: SleepFunction;
  private readonly queue: HostQueue;
  private readonly robots: RobotsCache | null;
  private readonly bounds: IntervalBounds;
  /** Entry URLs handed over or given up on in this session. */
  private readonly handled = new Set<string>();

  constructor(options: WatcherOptions) {
    this.options = options;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? realSleep;
    this.queue = new HostQueue({ delayMs: options.hostDelayMs ?? DEFAULT_HOST_DELAY_MS, now: this.now, sleep: this.sleep });
    this.robots = options.robots === false ? null : (options.robots ?? new RobotsCache({ ...(options.fetch ? { fetch: options.fetch } : {}), now: this.now }));
    const minIntervalMs = Math.max(1, options.minIntervalMs ?? DEFAULT_MIN_INTERVAL_MS);
    this.bounds = {
      minIntervalMs,
      maxIntervalMs: Math.max(minIntervalMs, options.maxIntervalMs ?? DEFAULT_MAX_INTERVAL_MS),
      maxBackoffMs: Math.max(minIntervalMs, options.maxBackoffMs ?? DEFAULT_MAX_BACKOFF_MS),
    };
  }

  /** Adds a feed (due at once) if the store does not have it; returns its state. Throws `bad_url`. */
  async addFeed(url: string): Promise<FeedState> {
    const href = parseHttpUrl(url).href;
    const existing = await this.options.store.get(href);
    if (existing) return existing;
    const interval = this.options.initialIntervalMs ?? DEFAULT_INITIAL_INTERVAL_MS;
    const state: FeedState = {
      url: href,
      title: null,
      etag: null,
      lastModified: null,
      lastPolledAt: null,
      nextPollAt: new Date(this.now()).toISOString(),
      lastSuccessAt: null,
      intervalMs: Math.min(this.bounds.maxIntervalMs, Math.max(this.bounds.minIntervalMs, interval)),
      consecutiveFailures: 0,
      lastError: null,
      articlesFound: 0,
      lastStatus: null,
      isBlockedByRobots: false,
    };
    await this.options.store.put(state);
    return state;
  }

  /** Polls every feed whose `nextPollAt` has come, `concurrency` at a time. */
  async pollDue(signal?: AbortSignal): Promise<PollSummary[]> {
    const now = this.now();
    const due = (await this.options.store.list()).filter((state) => Date.parse(state.nextPollAt) <= now);
    const summaries: PollSummary[] = [];
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < due.length && !signal?.aborted) {
        const state = due[next++]!;
        summaries.push(await this.pollFeed(state.url, signal));
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, this.options.concurrency ?? DEFAULT_CONCURRENCY) }, worker));
    return summaries;
  }

  /** Polls until `signal` aborts; resolves promptly after the abort. */
  async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      await this.pollDue(signal);
      if (signal.aborted) break;
      const states = await this.options.store.list();
      const nextAt = Math.min(...states.map((state) => Date.parse(state.nextPollAt)));
      const wait = Number.isFinite(nextAt) ? Math.min(MAX_IDLE_MS, Math.max(0, nextAt - this.now())) : MAX_IDLE_MS;
      await this.sleep(Math.max(1, wait), signal);
    }
  }

  /** Polls one feed now, whatever its schedule. Never throws for feed or page failures (they go to the state and events). */
  async pollFeed(url: string, signal?: AbortSignal): Promise<PollSummary> {
    const state = (await this.options.store.get(url)) ?? (await this.addFeed(url));
    const summary: PollSummary = { feed: state.url, outcome: 'failed', newEntries: 0, documents: 0 };
    const feedUrl = parseHttpUrl(state.url);

    const allowed = await this.obeyRobots(state.url, signal);
    if (allowed !== true) {
      if (signal?.aborted) return { ...summary, outcome: 'aborted' };
      await this.recordFailure(state, allowed.error, allowed.retryAfterMs, { lastStatus: null, isBlockedByRobots: allowed.basis === 'rules' });
      return { ...summary, outcome: 'robots' };
    }

    let result: FetchResult;
    try {
      const headers: Record<string, string> = {};
      if (state.etag !== null) headers['if-none-match'] = state.etag;
      if (state.lastModified !== null) headers['if-modified-since'] = state.lastModified;
      result = await this.queue.run(feedUrl.host, () => fetchDocument(state.url, this.fetchOptions({ expect: 'feed', headers }, signal)), signal);
    } catch (error) {
      if (signal?.aborted) return { ...summary, outcome: 'aborted' };
      const failure = asCrosscheckError(error, state.url);
      if (failure instanceof RetryableError) this.queue.pause(feedUrl.host, failure.retryAfterMs);
      await this.recordFailure(state, failure, failure instanceof RetryableError ? failure.retryAfterMs : 0, { lastStatus: httpStatusOf(failure), isBlockedByRobots: false });
      return summary;
    }

    if (result.status === 304) {
      await this.recordSuccess(state, { foundNew: false, complete: true, result: null, documents: 0, title: state.title, status: result.status });
      return { ...summary, outcome: 'not_modified' };
    }

    let feed: Feed;
    try {
      feed = parseFeed(result.body, { url: result.finalUrl });
    } catch (error) {
      await this.recordFailure(state, asCrosscheckError(error, state.url), 0, { lastStatus: result.status, isBlockedByRobots: false });
      return summary;
    }
    const title = feed.title ?? state.title;
    const current: FeedState = { ...state, title };

    const fresh: FeedEntry[] = [];
    for (const entry of feed.entries) {
      if (entry.url === state.url || entry.url === result.finalUrl || this.handled.has(entry.url)) continue;
      if (await this.options.isKnown?.(entry.url)) continue;
      fresh.push(entry);
    }
    const limit = this.options.maxEntriesPerPoll ?? DEFAULT_MAX_ENTRIES_PER_POLL;
    // Feeds list the newest first; hand over the oldest of the batch first.
    const batch = fresh.slice(0, limit).reverse();
    let complete = fresh.length <= limit;
    let documents = 0;
    for (const entry of batch) {
      if (signal?.aborted) return { ...summary, outcome: 'aborted', newEntries: fresh.length, documents };
      const outcome = await this.handleEntry(entry, current, signal);
      if (outcome === 'document') documents++;
      if (outcome === 'retry') complete = false;
      if (outcome === 'host_busy') {
        complete = false;
        break;
      }
    }
    if (signal?.aborted) return { ...summary, outcome: 'aborted', newEntries: fresh.length, documents };
    const state2 = await this.recordSuccess(current, { foundNew: fresh.length > 0, complete, result, documents, title, status: result.status });
    this.emit({ type: 'poll', feed: state.url, outcome: fresh.length > 0 ? 'new' : 'no_new', newEntries: fresh.length, nextPollAt: state2.nextPollAt });
    return { ...summary, outcome: fresh.length > 0 ? 'new' : 'no_new', newEntries: fresh.length, documents };
  }

  /** Fetches one entry's page and hands it over. `retry`: try again next poll; `host_busy`: 429/503 from its host. */
  private async handleEntry(entry: FeedEntry, feed: FeedState, signal?: AbortSignal): Promise<'document' | 'skipped' | 'retry' | 'host_busy'> {
    const allowed = await this.obeyRobots(entry.url, signal);
    if (allowed !== true) {
      if (allowed.basis === 'rules') {
        this.handled.add(entry.url);
        this.emit({ type: 'skipped', feed: feed.url, url: entry.url, reason: 'robots' });
        return 'skipped';
      }
      return 'retry';
    }
    const host = new URL(entry.url).host;
    let page: FetchResult;
    try {
      page = await this.queue.run(host, () => fetchDocument(entry.url, this.fetchOptions({ expect: 'html' }, signal)), signal);
    } catch (error) {
      if (signal?.aborted) return 'retry';
      const failure = asCrosscheckError(error, entry.url);
      this.emit({ type: 'entry_failed', feed: feed.url, url: entry.url, error: failure });
      if (failure instanceof RetryableError) {
        this.queue.pause(host, failure.retryAfterMs);
        return 'host_busy';
      }
      // Permanent for this session (404, too large, binary...): a restart tries once more.
      this.handled.add(entry.url);
      return 'skipped';
    }
    if (page.kind === 'xml') {
      // An entry that is itself a feed: never followed as a feed.
      this.handled.add(entry.url);
      this.emit({ type: 'skipped', feed: feed.url, url: entry.url, reason: 'not_a_page' });
      return 'skipped';
    }
    const doc: RawDocument = {
      origin: { input: entry.url },
      format: page.kind === 'html' ? 'html' : 'text',
      content: page.body,
      hints: {
        url: page.finalUrl,
        source: feed.title ?? new URL(feed.url).hostname,
        ...(entry.guid !== null ? { id: entry.guid } : {}),
        ...(entry.title !== null ? { title: entry.title } : {}),
        ...(entry.published !== null ? { published: entry.published } : {}),
      },
    };
    try {
      await this.options.onDocument(doc, entry, feed);
    } catch (error) {
      this.emit({ type: 'entry_failed', feed: feed.url, url: entry.url, error: asCrosscheckError(error, entry.url) });
      return 'retry';
    }
    this.handled.add(entry.url);
    this.emit({ type: 'document', feed: feed.url, url: entry.url });
    return 'document';
  }

  /** `true`, or why not: robots rules (`rules`) or robots.txt unreachable for now (`unavailable`). */
  private async obeyRobots(
    url: string,
    signal?: AbortSignal,
  ): Promise<true | { basis: 'rules' | 'unavailable' | 'error'; error: CrosscheckError; retryAfterMs: number }> {
    if (!this.robots) return true;
    try {
      const verdict = await this.robots.check(url, signal);
      if (verdict.crawlDelayMs !== null) this.queue.setMinDelay(new URL(url).host, verdict.crawlDelayMs);
      if (verdict.allowed) return true;
      const basis = verdict.basis === 'unavailable' ? 'unavailable' : 'rules';
      const message = basis === 'rules' ? `Disallowed by robots.txt: ${url}` : `robots.txt unavailable, not fetching for now: ${url}`;
      return { basis, error: new CrosscheckError('fetch_failed', STAGE, message), retryAfterMs: verdict.retryAfterMs ?? 0 };
    } catch (error) {
      return { basis: 'error', error: asCrosscheckError(error, url), retryAfterMs: 0 };
    }
  }

  private async recordSuccess(
    state: FeedState,
    poll: { foundNew: boolean; complete: boolean; result: FetchResult | null; documents: number; title: string | null; status: number },
  ): Promise<FeedState> {
    const now = this.now();
    const intervalMs = nextIntervalMs(state.intervalMs, poll.foundNew, this.bounds);
    const next: FeedState = {
      ...state,
      title: poll.title,
      // Keep the old validators until every new entry was handled, so a partial poll is redone in full.
      etag: poll.result && poll.complete ? poll.result.etag : state.etag,
      lastModified: poll.result && poll.complete ? poll.result.lastModified : state.lastModified,
      lastPolledAt: new Date(now).toISOString(),
      lastSuccessAt: new Date(now).toISOString(),
      nextPollAt: new Date(now + (poll.complete ? intervalMs : this.bounds.minIntervalMs)).toISOString(),
      intervalMs,
      consecutiveFailures: 0,
      lastError: null,
      articlesFound: state.articlesFound + poll.documents,
      lastStatus: poll.status,
      isBlockedByRobots: false,
    };
    await this.options.store.put(next);
    if (!poll.result) this.emit({ type: 'poll', feed: state.url, outcome: 'not_modified', newEntries: 0, nextPollAt: next.nextPollAt });
    return next;
  }

  private async recordFailure(
    state: FeedState,
    error: CrosscheckError,
    retryAfterMs: number,
    health: Pick<FeedState, 'lastStatus' | 'isBlockedByRobots'>,
  ): Promise<void> {
    const now = this.now();
    const failures = state.consecutiveFailures + 1;
    const next: FeedState = {
      ...state,
      lastPolledAt: new Date(now).toISOString(),
      nextPollAt: new Date(now + backoffMs(failures, retryAfterMs, this.bounds)).toISOString(),
      consecutiveFailures: failures,
      lastError: error.message,
      ...health,
    };
    await this.options.store.put(next);
    this.emit({ type: 'feed_failed', feed: state.url, error, nextPollAt: next.nextPollAt });
  }

  private fetchOptions(extra: FetchOptions, signal?: AbortSignal): FetchOptions {
    return { ...this.options.fetch, ...extra, ...(signal ? { signal } : {}), now: this.now };
  }

  private emit(event: WatchEvent): void {
    this.options.onEvent?.(event);
  }
}

function asCrosscheckError(error: unknown, url: string): CrosscheckError {
  if (isCrosscheckError(error)) return error;
  return new CrosscheckError('fetch_failed', STAGE, `${error instanceof Error ? error.message : String(error)} (${url})`, { cause: error });
}
