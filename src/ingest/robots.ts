import robotsParserModule from 'robots-parser';
import { CrosscheckError, isCrosscheckError } from '../core/errors.js';
import { fetchDocument, httpStatusOf, ROBOTS_PRODUCT_TOKEN, type FetchOptions, type FetchResult } from './fetch.js';
import { parseHttpUrl } from './url-guard.js';

/**
 * robots.txt, fetched once per origin per TTL through the safe fetch, and obeyed for crosscheck's
 * product token (`crosscheck`, else the `*` group).
 *
 * Outcomes (RFC 9309 §2.3.1):
 * - 2xx: the rules apply; `Crawl-delay` becomes a minimum delay between requests to that host
 *   (capped at {@link MAX_CRAWL_DELAY_MS}).
 * - 4xx (404, 410, also 401/403): no usable robots.txt, everything is allowed.
 * - 5xx, 429, a timeout, a broken connection, or a robots.txt over {@link MAX_ROBOTS_BYTES}:
 *   **disallow everything for now**; the failure is cached for {@link ROBOTS_FAILURE_TTL_MS}
 *   (or the server's Retry-After if longer) and robots.txt is tried again after that.
 * - A robots.txt URL refused by the SSRF guard (`blocked_address`, `bad_url`) throws: the page
 *   itself would be refused too.
 */

// The package is CommonJS (`module.exports = fn`) but its typings declare an ES default export.
type RobotsParser = typeof robotsParserModule.default;
const robotsParser = ((robotsParserModule as { default?: unknown }).default ?? robotsParserModule) as RobotsParser;

export const DEFAULT_ROBOTS_TTL_MS = 24 * 60 * 60 * 1000;
export const ROBOTS_FAILURE_TTL_MS = 10 * 60 * 1000;
export const MAX_ROBOTS_BYTES = 512 * 1024;
export const MAX_CRAWL_DELAY_MS = 5 * 60 * 1000;
export const ROBOTS_TIMEOUT_MS = 15_000;

export interface RobotsVerdict {
  allowed: boolean;
  /** `rules`: robots.txt was read; `none`: absent (4xx), all allowed; `unavailable`: 5xx/timeout, all refused for now. */
  basis: 'rules' | 'none' | 'unavailable';
  /** Crawl-delay for our agent in ms, or null. */
  crawlDelayMs: number | null;
  /** When `unavailable`: ms until robots.txt is tried again. */
  retryAfterMs: number | null;
}

export interface RobotsOptions {
  /** Options for fetching robots.txt (allowPrivate, lookup, agents, timeouts...). */
  fetch?: FetchOptions;
  ttlMs?: number;
  failureTtlMs?: number;
  /** Clock, ms since epoch. */
  now?: () => number;
  /** Product token to match `User-agent` lines. */
  productToken?: string;
}

interface Entry {
  expiresAt: number;
  robots: ReturnType<typeof robotsParser> | null;
  basis: RobotsVerdict['basis'];
}

/** Per-origin robots.txt cache. One instance per process (or per watcher). */
export class RobotsCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<Entry>>();
  private readonly options: RobotsOptions;
  private readonly now: () => number;

  constructor(options: RobotsOptions = {}) {
    this.options = options;
    this.now = options.now ?? Date.now;
  }

  /** Whether `url` may be fetched, fetching robots.txt for its origin if not cached. */
  async check(url: string, signal?: AbortSignal): Promise<RobotsVerdict> {
    const parsed = parseHttpUrl(url);
    const entry = await this.entryFor(parsed.origin, signal);
    const token = this.options.productToken ?? ROBOTS_PRODUCT_TOKEN;
    if (entry.basis === 'unavailable') {
      return { allowed: false, basis: 'unavailable', crawlDelayMs: null, retryAfterMs: Math.max(0, entry.expiresAt - this.now()) };
    }
    if (entry.robots === null) return { allowed: true, basis: 'none', crawlDelayMs: null, retryAfterMs: null };
    const delay = entry.robots.getCrawlDelay(token);
    return {
      allowed: entry.robots.isAllowed(parsed.href, token) !== false,
      basis: 'rules',
      crawlDelayMs: delay === undefined || !Number.isFinite(delay) || delay <= 0 ? null : Math.min(delay * 1000, MAX_CRAWL_DELAY_MS),
      retryAfterMs: null,
    };
  }

  /** Forgets every cached robots.txt. */
  clear(): void {
    this.entries.clear();
  }

  private async entryFor(origin: string, signal?: AbortSignal): Promise<Entry> {
    const cached = this.entries.get(origin);
    if (cached && cached.expiresAt > this.now()) return cached;
    const pending = this.inFlight.get(origin);
    if (pending) return pending;
    const promise = this.load(origin, signal).finally(() => this.inFlight.delete(origin));
    this.inFlight.set(origin, promise);
    const entry = await promise;
    this.entries.set(origin, entry);
    return entry;
  }

  private async load(origin: string, signal?: AbortSignal): Promise<Entry> {
    const robotsUrl = `${origin}/robots.txt`;
    const ttl = this.options.ttlMs ?? DEFAULT_ROBOTS_TTL_MS;
    const failureTtl = this.options.failureTtlMs ?? ROBOTS_FAILURE_TTL_MS;
    let result: FetchResult;
    try {
      result = await fetchDocument(robotsUrl, {
        timeoutMs: ROBOTS_TIMEOUT_MS,
        ...this.options.fetch,
        maxBytes: MAX_ROBOTS_BYTES,
        expect: 'text',
        ...(signal ? { signal } : {}),
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      const status = httpStatusOf(error);
      if (status !== null && status >= 400 && status < 500 && status !== 429 && status !== 408) {
        return { expiresAt: this.now() + ttl, robots: null, basis: 'none' };
      }
      if (isCrosscheckError(error) && (error.code === 'blocked_address' || error.code === 'bad_url')) throw error;
      const retryAfter = (error as { retryAfterMs?: unknown }).retryAfterMs;
      const wait = Math.max(failureTtl, typeof retryAfter === 'number' ? retryAfter : 0);
      return { expiresAt: this.now() + wait, robots: null, basis: 'unavailable' };
    }
    if (result.status < 200 || result.status > 299) {
      throw new CrosscheckError('fetch_failed', 'ingest', `Unexpected HTTP ${result.status} for ${robotsUrl}`);
    }
    return { expiresAt: this.now() + ttl, robots: robotsParser(robotsUrl, result.body), basis: 'rules' };
  }
}
