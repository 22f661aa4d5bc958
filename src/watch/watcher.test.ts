import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/helpers/http-server.js';
import type { RawDocument } from '../core/types.js';
import type { FeedEntry } from '../ingest/feed.js';
import { HostQueue } from './host-queue.js';
import { backoffMs, nextIntervalMs } from './schedule.js';
import { MemoryFeedStateStore, type FeedStateStore } from './state.js';
import { Watcher, type WatchEvent, type WatcherOptions } from './watcher.js';

const MINUTE = 60_000;

/** A news site on the test server: a feed whose items the test adds, pages, robots.txt. */
class Site {
  items: Array<{ id: number; path: string; title: string }> = [];
  robots = 'User-agent: *\nAllow: /\n';
  /** Status to answer the feed with instead of the feed (e.g. 429), with Retry-After seconds. */
  feedStatus: { status: number; retryAfter?: number } | null = null;
  honourEtag = true;
  server!: TestServer;

  async start(): Promise<void> {
    this.server = await startTestServer((req, res) => {
      const path = req.url ?? '/';
      if (path === '/robots.txt') {
        res.writeHead(200, { 'content-type': 'text/plain' }).end(this.robots);
      } else if (path === '/feed.xml') {
        if (this.feedStatus) {
          const headers = this.feedStatus.retryAfter !== undefined ? { 'retry-after': String(this.feedStatus.retryAfter) } : undefined;
          res.writeHead(this.feedStatus.status, headers).end();
          return;
        }
        const etag = `"${this.items.map((item) => item.id).join('-')}"`;
        if (this.honourEtag && req.headers['if-none-match'] === etag) {
          res.writeHead(304, { etag }).end();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/rss+xml', etag }).end(this.feedXml());
      } else if (path === '/other-feed.xml') {
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<rss version="2.0"><channel><title>Other</title></channel></rss>');
      } else {
        res.writeHead(200, { 'content-type': 'text/html' }).end(`<html><head><title>Page ${path}</title></head><body><p>Text of ${path}</p></body></html>`);
      }
    });
  }

  add(title: string, path = `/news/${this.items.length + 1}`): void {
    this.items.push({ id: this.items.length + 1, path, title });
  }

  feedXml(): string {
    // Newest first, as feeds do.
    const items = [...this.items]
      .reverse()
      .map((item) => `<item><title>${item.title}</title><link>${this.server.url(item.path)}</link><guid>g${item.id}</guid><pubDate>Thu, 27 Mar 2025 10:0${item.id % 10}:00 GMT</pubDate></item>`)
      .join('');
    return `<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title><link>${this.server.url('/')}</link>${items}</channel></rss>`;
  }

  get feedUrl(): string {
    return this.server.url('/feed.xml');
  }

  hits(path: string): number {
    return this.server.requests.filter((r) => r.path === path).length;
  }
}

interface Harness {
  watcher: Watcher;
  docs: Array<{ doc: RawDocument; entry: FeedEntry }>;
  events: WatchEvent[];
  sleeps: number[];
  clock: { now: number };
}

/** A watcher on a fake clock: `sleep` advances the clock instead of waiting. */
function makeWatcher(store: FeedStateStore, known: Set<string>, clock: { now: number }, extra: Partial<WatcherOptions> = {}): Harness {
  const docs: Harness['docs'] = [];
  const events: WatchEvent[] = [];
  const sleeps: number[] = [];
  const watcher = new Watcher({
    store,
    onDocument: (doc, entry) => {
      docs.push({ doc, entry });
      known.add(entry.url);
    },
    isKnown: (url) => known.has(url),
    fetch: { allowPrivate: true, timeoutMs: 2000 },
    now: () => clock.now,
    sleep: (ms) => {
      sleeps.push(ms);
      clock.now += ms;
      return Promise.resolve();
    },
    hostDelayMs: 0,
    minIntervalMs: 5 * MINUTE,
    maxIntervalMs: 240 * MINUTE,
    initialIntervalMs: 30 * MINUTE,
    onEvent: (event) => events.push(event),
    ...extra,
  });
  return { watcher, docs, events, sleeps, clock };
}

let site: Site;
afterEach(async () => {
  await site.server.close();
});

async function setup(): Promise<{ store: FeedStateStore; known: Set<string>; clock: { now: number } }> {
  site = new Site();
  await site.start();
  return { store: new MemoryFeedStateStore(), known: new Set(), clock: { now: Date.parse('2025-03-27T12:00:00Z') } };
}

describe('Watcher', () => {
  it('picks up new entries as they are added, as RawDocuments with the feed hints', async () => {
    const { store, known, clock } = await setup();
    site.add('First story');
    site.add('Second story');
    const h = makeWatcher(store, known, clock);
    await h.watcher.addFeed(site.feedUrl);
    const [first] = await h.watcher.pollDue();
    expect(first).toMatchObject({ outcome: 'new', newEntries: 2, documents: 2 });
    expect(h.docs.map((d) => d.entry.title)).toEqual(['First story', 'Second story']);
    expect(h.docs[0]?.doc).toEqual({
      origin: { input: site.server.url('/news/1') },
      format: 'html',
      content: expect.stringContaining('Text of /news/1') as unknown,
      hints: { url: site.server.url('/news/1'), source: 'Test Wire', id: 'g1', title: 'First story', published: '2025-03-27T10:01:00.000Z' },
    });

    site.add('Third story');
    expect(await h.watcher.pollDue()).toEqual([]); // not due yet
    clock.now += 60 * MINUTE;
    const [second] = await h.watcher.pollDue();
    expect(second).toMatchObject({ outcome: 'new', newEntries: 1, documents: 1 });
    expect(h.docs.map((d) => d.entry.title)).toEqual(['First story', 'Second story', 'Third story']);
    expect(site.hits('/news/1')).toBe(1);
    expect((await store.get(site.feedUrl))?.articlesFound).toBe(3);
  });

  it('keeps feed health: the HTTP status of the last answer and whether robots.txt blocks the feed', async () => {
    const { store, known, clock } = await setup();
    site.add('A');
    const h = makeWatcher(store, known, clock);
    expect(await h.watcher.addFeed(site.feedUrl)).toMatchObject({ lastStatus: null, isBlockedByRobots: false });
    await h.watcher.pollFeed(site.feedUrl);
    expect(await store.get(site.feedUrl)).toMatchObject({ lastStatus: 200, isBlockedByRobots: false });
    await h.watcher.pollFeed(site.feedUrl);
    expect(await store.get(site.feedUrl)).toMatchObject({ lastStatus: 304 });
    site.feedStatus = { status: 404 };
    await h.watcher.pollFeed(site.feedUrl);
    expect(await store.get(site.feedUrl)).toMatchObject({ lastStatus: 404, consecutiveFailures: 1, isBlockedByRobots: false });

    // A new process (a fresh robots.txt cache) finds the feed disallowed.
    site.feedStatus = null;
    site.robots = 'User-agent: *\nDisallow: /feed.xml\n';
    const blocked = makeWatcher(store, known, clock);
    expect((await blocked.watcher.pollFeed(site.feedUrl)).outcome).toBe('robots');
    expect(await store.get(site.feedUrl)).toMatchObject({ lastStatus: null, isBlockedByRobots: true, consecutiveFailures: 2 });
    expect(site.hits('/feed.xml')).toBe(3);

    site.robots = 'User-agent: *\nAllow: /\n';
    // The stored validators still hold: 304.
    const allowed = makeWatcher(store, known, clock);
    await allowed.watcher.pollFeed(site.feedUrl);
    expect(await store.get(site.feedUrl)).toMatchObject({ lastStatus: 304, isBlockedByRobots: false, consecutiveFailures: 0 });
  });

  it('sends the stored validators and treats 304 as nothing new, lengthening the interval', async () => {
    const { store, known, clock } = await setup();
    site.add('Only story');
    const h = makeWatcher(store, known, clock);
    await h.watcher.pollFeed(site.feedUrl);
    const afterNew = (await store.get(site.feedUrl))!;
    expect(afterNew.etag).toBe('"1"');
    expect(afterNew.intervalMs).toBe(15 * MINUTE); // 30 min halved: new entries
    const summary = await h.watcher.pollFeed(site.feedUrl);
    expect(summary.outcome).toBe('not_modified');
    expect(site.server.requests.filter((r) => r.path === '/feed.xml').at(-1)?.headers['if-none-match']).toBe('"1"');
    const after304 = (await store.get(site.feedUrl))!;
    expect(after304.intervalMs).toBe(Math.round(15 * MINUTE * 1.5));
    expect(Date.parse(after304.nextPollAt) - clock.now).toBe(after304.intervalMs);
    expect(site.hits('/news/1')).toBe(1);
  });

  it('survives a restart over the same store without fetching anything twice', async () => {
    const { store, known, clock } = await setup();
    site.add('A');
    site.add('B');
    const first = makeWatcher(store, known, clock);
    await first.watcher.addFeed(site.feedUrl);
    await first.watcher.pollDue();
    expect(first.docs).toHaveLength(2);

    // New process: new watcher, same store and article store; the feed is not due yet.
    site.honourEtag = false; // even a server that ignores validators must not cause duplicates
    const second = makeWatcher(store, known, clock);
    expect(await second.watcher.pollDue()).toEqual([]);
    clock.now += 31 * MINUTE;
    site.add('C');
    const [summary] = await second.watcher.pollDue();
    expect(summary).toMatchObject({ newEntries: 1, documents: 1 });
    expect(second.docs.map((d) => d.entry.title)).toEqual(['C']);
    expect(site.hits('/news/1') + site.hits('/news/2')).toBe(2);
  });

  it('backs off on 429 with Retry-After and on 503, then recovers', async () => {
    const { store, known, clock } = await setup();
    site.add('A');
    const h = makeWatcher(store, known, clock);
    site.feedStatus = { status: 429, retryAfter: 3600 };
    const start = clock.now;
    expect((await h.watcher.pollFeed(site.feedUrl)).outcome).toBe('failed');
    let state = (await store.get(site.feedUrl))!;
    expect(state.consecutiveFailures).toBe(1);
    expect(Date.parse(state.nextPollAt) - start).toBe(3600 * 1000);
    expect(state.lastError).toContain('429');

    site.feedStatus = { status: 503 };
    await h.watcher.pollFeed(site.feedUrl); // waits out the host pause first (fake sleep)
    state = (await store.get(site.feedUrl))!;
    expect(state.consecutiveFailures).toBe(2);
    expect(Date.parse(state.nextPollAt) - clock.now).toBe(10 * MINUTE); // 5 min × 2^(2−1)

    site.feedStatus = null;
    expect((await h.watcher.pollFeed(site.feedUrl)).outcome).toBe('new');
    state = (await store.get(site.feedUrl))!;
    expect(state).toMatchObject({ consecutiveFailures: 0, lastError: null });
    expect(h.events.some((e) => e.type === 'feed_failed')).toBe(true);
  });

  it('obeys robots.txt for pages and for the feed, with Crawl-delay between requests', async () => {
    const { store, known, clock } = await setup();
    site.robots = 'User-agent: *\nDisallow: /private/\nCrawl-delay: 7\n';
    site.add('Public', '/news/public');
    site.add('Private', '/private/secret');
    site.add('Public too', '/news/public2');
    const h = makeWatcher(store, known, clock);
    const summary = await h.watcher.pollFeed(site.feedUrl);
    expect(summary.documents).toBe(2);
    expect(site.hits('/private/secret')).toBe(0);
    expect(h.events).toContainEqual({ type: 'skipped', feed: site.feedUrl, url: site.server.url('/private/secret'), reason: 'robots' });
    // Feed, page, page: one host, so 7 s between consecutive requests.
    expect(h.sleeps.filter((ms) => ms === 7000)).toHaveLength(2);

    site.robots = 'User-agent: crosscheck\nDisallow: /\n';
    const blocked = makeWatcher(new MemoryFeedStateStore(), new Set(), clock);
    const before = site.hits('/feed.xml');
    expect((await blocked.watcher.pollFeed(site.feedUrl)).outcome).toBe('robots');
    expect(site.hits('/feed.xml')).toBe(before);
  });

  it('never follows entries that point at the feed, at each other or at another feed', async () => {
    const { store, known, clock } = await setup();
    site.add('Self', '/feed.xml');
    site.add('Story', '/news/x');
    site.add('Story again', '/news/x');
    site.add('A feed', '/other-feed.xml');
    const h = makeWatcher(store, known, clock);
    const summary = await h.watcher.pollFeed(site.feedUrl);
    expect(h.docs.map((d) => d.entry.url)).toEqual([site.server.url('/news/x')]);
    expect(summary.documents).toBe(1);
    expect(site.hits('/feed.xml')).toBe(1);
    expect(h.events).toContainEqual({ type: 'skipped', feed: site.feedUrl, url: site.server.url('/other-feed.xml'), reason: 'not_a_page' });
  });

  it('stops promptly on abort, and the next run redoes the interrupted poll without duplicates', async () => {
    const { store, known, clock } = await setup();
    for (let i = 0; i < 5; i++) site.add(`Story ${i}`);
    const controller = new AbortController();
    const h = makeWatcher(store, known, clock, {
      onDocument: (_doc, entry) => {
        h.docs.push({ doc: _doc, entry });
        known.add(entry.url);
        if (h.docs.length === 2) controller.abort();
      },
    });
    await h.watcher.addFeed(site.feedUrl);
    await h.watcher.run(controller.signal);
    expect(h.docs).toHaveLength(2);
    // The validators were not stored: the feed was not handled in full.
    expect((await store.get(site.feedUrl))?.etag).toBeNull();

    const again = makeWatcher(store, known, clock);
    const [summary] = await again.watcher.pollDue();
    expect(summary).toMatchObject({ newEntries: 3, documents: 3 });
    for (let i = 1; i <= 5; i++) expect(site.hits(`/news/${i}`)).toBe(1);
  });

  it('run() keeps polling on schedule until aborted', async () => {
    const { store, known, clock } = await setup();
    site.add('One');
    const controller = new AbortController();
    let loops = 0;
    const h = makeWatcher(store, known, clock, {
      sleep: (ms) => {
        clock.now += ms;
        loops++;
        if (loops === 2) site.add('Two');
        if (h.docs.length === 2 || loops > 100) controller.abort();
        return Promise.resolve();
      },
    });
    const start = clock.now;
    await h.watcher.addFeed(site.feedUrl);
    await h.watcher.run(controller.signal);
    expect(h.docs.map((d) => d.entry.title)).toEqual(['One', 'Two']);
    // The second poll came when the feed was due (15 min after the first), not before.
    expect(clock.now - start).toBeGreaterThanOrEqual(15 * MINUTE);
    expect(site.hits('/feed.xml')).toBe(2);
  });
});

describe('schedule', () => {
  const bounds = { minIntervalMs: 1000, maxIntervalMs: 8000, maxBackoffMs: 60_000 };
  it('adapts the interval within bounds', () => {
    expect(nextIntervalMs(4000, true, bounds)).toBe(2000);
    expect(nextIntervalMs(1500, true, bounds)).toBe(1000);
    expect(nextIntervalMs(4000, false, bounds)).toBe(6000);
    expect(nextIntervalMs(7000, false, bounds)).toBe(8000);
  });
  it('backs off exponentially, at least Retry-After, at most the cap', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n, 0, bounds))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffMs(1, 30_000, bounds)).toBe(30_000);
    expect(backoffMs(20, 0, bounds)).toBe(60_000);
  });
});

describe('HostQueue', () => {
  it('runs one task at a time per host with the delay between them, hosts in parallel', async () => {
    let now = 0;
    const sleeps: number[] = [];
    const queue = new HostQueue({
      delayMs: 500,
      now: () => now,
      sleep: (ms) => {
        sleeps.push(ms);
        now += ms;
        return Promise.resolve();
      },
    });
    let running = 0;
    let maxRunning = 0;
    const task = async (): Promise<void> => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
    };
    await Promise.all([queue.run('a', task), queue.run('a', task), queue.run('a', task)]);
    expect(maxRunning).toBe(1);
    expect(sleeps).toEqual([500, 500]);
    running = 0;
    maxRunning = 0;
    await Promise.all([queue.run('b', task), queue.run('c', task)]);
    expect(maxRunning).toBe(2);
  });
});
