import { createHmac, timingSafeEqual } from 'node:crypto';
import { XMLParser } from 'fast-xml-parser';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURE_ARTICLES } from '../../test/e2e/api-fixtures.js';
import { startTestServer, type TestServer } from '../../test/helpers/http-server.js';
import { SqliteStore, type DeliveryRow, type FollowEventRow } from '../store/index.js';
import { reclusterAll } from '../pipeline/index.js';
import { createApp, CrosscheckService } from './index.js';
import { retryDelayMs, signPayload } from './webhooks.js';

const TOKEN = 'follow-test-token';
/** A report of the same fire at about the same time with another count of the injured: a disagreement the fact sheet flags. */
const RIVAL = {
  id: 'rival',
  title: 'Harbourton terminal blaze injures 30',
  source: 'Coast Daily',
  url: 'https://coastdaily.example/fire',
  published: '2026-03-02T22:30:00Z',
  language: 'en',
  text: [
    'A blaze at the Harbourton container terminal on Monday evening injured 30 dock workers, the fire service said, as crews from three stations fought the flames.',
    'Fire chief Dana Morel said the fire was brought under control early on Tuesday. The Harbourton Port Authority said the cause was not yet known.',
  ].join('\n\n'),
};
const SECRET = 'a-shared-secret-of-some-length';
const [WIRE, COPY, OWN, LIBRARY] = FIXTURE_ARTICLES as [(typeof FIXTURE_ARTICLES)[0], (typeof FIXTURE_ARTICLES)[0], (typeof FIXTURE_ARTICLES)[0], (typeof FIXTURE_ARTICLES)[0]];

const servers: TestServer[] = [];
const services: CrosscheckService[] = [];

interface Harness {
  service: CrosscheckService;
  app: ReturnType<typeof createApp>;
  clock: { now: number };
}

/** A service on a fresh store, its clock set by the test; receivers on 127.0.0.1 are allowed unless `allowPrivate` is false. */
function harness(allowPrivate = true): Harness {
  const clock = { now: Date.parse('2026-03-06T00:00:00Z') };
  const now = (): Date => new Date(clock.now);
  const service = new CrosscheckService({
    store: SqliteStore.open(':memory:'),
    now,
    eventPollMs: 0,
    sheetBuilder: 'inline',
    // Sheets are built when asked for (the follows ask), not on a debounce timer.
    sheets: { debounceMs: 60_000 },
    webhooks: { now, isScheduled: false, retryBaseMs: 1000, maxAttempts: 4, timeoutMs: 20_000, allowPrivate },
  });
  services.push(service);
  return { service, app: createApp({ service, token: TOKEN }), clock };
}

function send(app: Harness['app'], method: string, path: string, body?: unknown, token: string | null = TOKEN): Promise<Response> {
  return Promise.resolve(
    app.request(path, {
      method,
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
  );
}

async function eventsOf(app: Harness['app'], id: number): Promise<FollowEventRow[]> {
  const res = await app.request(`/api/follows/${id}?limit=100`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { events: FollowEventRow[] }).events;
}

afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
  for (const s of services.splice(0)) {
    await s.close();
    await s.store.close();
  }
});

describe('follows: saved searches, followed stories and entities', () => {
  it('tells a saved search of a new story, updated counts and a new disagreement, and nothing for other stories', async () => {
    const h = harness();
    const created = await send(h.app, 'POST', '/api/follows', { kind: 'search', target: 'Harbourton fire' });
    expect(created.status).toBe(201);
    const follow = (await created.json()) as { id: number; label: string; feeds: { json: string; rss: string } };
    expect(follow.label).toBe('search: Harbourton fire');
    expect(follow.feeds).toEqual({ json: `/api/follows/${follow.id}/feed.json`, rss: `/api/follows/${follow.id}/feed.xml` });

    await send(h.app, 'POST', '/api/articles', LIBRARY);
    expect(await eventsOf(h.app, follow.id)).toEqual([]);

    await send(h.app, 'POST', '/api/articles', WIRE);
    let events = await eventsOf(h.app, follow.id);
    expect(events.map((e) => e.type)).toEqual(['new_story']);
    expect(events[0]?.text).toMatch(/1 article from 1 outlet\.$/);

    await send(h.app, 'POST', '/api/articles', COPY);
    await send(h.app, 'POST', '/api/articles', RIVAL);
    events = await eventsOf(h.app, follow.id);
    const types = events.map((e) => e.type).reverse();
    expect(types.slice(0, 3)).toEqual(['new_story', 'updated_counts', 'updated_counts']);
    const latestCounts = events.find((e) => e.type === 'updated_counts');
    expect(latestCounts?.text).toMatch(/3 articles from 3 outlets, was 2 articles from 2 outlets/);
    // The injured: at least 12 (the wire and its copy) against 30 (the rival report), as the fact sheet flags it.
    const sheet = JSON.parse((await h.service.factSheetJson(events[0]!.storyId))!) as { figures: Array<{ isDisagreement: boolean; caption: string }> };
    const flagged = sheet.figures.filter((f) => f.isDisagreement);
    expect(flagged.length).toBeGreaterThan(0);
    const told = events.filter((e) => e.type === 'new_disagreement');
    expect(told).toHaveLength(flagged.length);
    for (const event of told) {
      const data = event.data as { disagreement: { digest: string; values: Array<{ text: string; outlets: string[] }> } };
      expect(data.disagreement.values.length).toBeGreaterThanOrEqual(2);
      expect(event.text).toContain(data.disagreement.digest);
      expect(data.disagreement.digest).toMatch(/ vs /);
    }
    expect(told[0]?.text).toMatch(/30 dock workers \(Coast Daily\)/);

    // Nothing changes: no new events when the same article comes again.
    const before = events.length;
    await send(h.app, 'POST', '/api/articles', RIVAL);
    expect(await eventsOf(h.app, follow.id)).toHaveLength(before);
  }, 60_000);

  it('follows one story from what it has now: only later changes are told', async () => {
    const h = harness();
    const wire = (await (await send(h.app, 'POST', '/api/articles', WIRE)).json()) as { storyId: number };
    await send(h.app, 'POST', '/api/articles', OWN);
    const follow = (await (await send(h.app, 'POST', '/api/follows', { kind: 'story', target: wire.storyId })).json()) as { id: number };
    expect(await eventsOf(h.app, follow.id)).toEqual([]);
    await send(h.app, 'POST', '/api/articles', COPY);
    const events = await eventsOf(h.app, follow.id);
    expect(events.map((e) => e.type)).toEqual(['updated_counts']);
    expect(events[0]?.storyId).toBe(wire.storyId);
  }, 60_000);

  it('after a recluster (new story ids) takes what matches as seen again: nothing old is told as new', async () => {
    const h = harness();
    const follow = (await (await send(h.app, 'POST', '/api/follows', { kind: 'search', target: 'Harbourton' })).json()) as { id: number };
    await send(h.app, 'POST', '/api/articles', WIRE);
    await send(h.app, 'POST', '/api/articles', LIBRARY);
    expect((await eventsOf(h.app, follow.id)).map((e) => e.type)).toEqual(['new_story']);
    await reclusterAll(h.service.store);
    await send(h.app, 'POST', '/api/articles', COPY);
    await send(h.app, 'POST', '/api/articles', OWN);
    const types = (await eventsOf(h.app, follow.id)).map((e) => e.type).reverse();
    expect(types.filter((t) => t === 'new_story')).toHaveLength(1);
    expect(types.at(-1)).toBe('updated_counts');
  }, 60_000);

  it('follows an entity named in a story', async () => {
    const h = harness();
    const follow = (await (await send(h.app, 'POST', '/api/follows', { kind: 'entity', target: 'dana morel' })).json()) as { id: number };
    await send(h.app, 'POST', '/api/articles', LIBRARY);
    expect(await eventsOf(h.app, follow.id)).toEqual([]);
    await send(h.app, 'POST', '/api/articles', WIRE);
    expect((await eventsOf(h.app, follow.id)).map((e) => e.type)).toContain('new_story');
  }, 60_000);

  it('refuses bad follows and writes without the token; deleting a follow drops its feed', async () => {
    const h = harness();
    expect((await send(h.app, 'POST', '/api/follows', { kind: 'search', target: 'x' }, null)).status).toBe(401);
    expect((await send(h.app, 'POST', '/api/follows', { kind: 'search', target: '"" ,' })).status).toBe(400);
    expect((await send(h.app, 'POST', '/api/follows', { kind: 'story', target: 99 })).status).toBe(404);
    expect((await send(h.app, 'POST', '/api/follows', { kind: 'planet', target: 'x' })).status).toBe(400);
    const follow = (await (await send(h.app, 'POST', '/api/follows', { kind: 'search', target: 'fire' })).json()) as { id: number };
    expect((await h.app.request('/api/follows')).status).toBe(200);
    expect((await send(h.app, 'DELETE', `/api/follows/${follow.id}`, undefined, null)).status).toBe(401);
    expect((await send(h.app, 'DELETE', `/api/follows/${follow.id}`)).status).toBe(204);
    expect((await h.app.request(`/api/follows/${follow.id}/feed.json`)).status).toBe(404);
  });
});

describe('a follow as JSON Feed and RSS', () => {
  const HOSTILE = 'Fire <script>alert("x")</script> & <b>terminal</b> ]]> \u0001';

  it('serves its events as feeds a reader can subscribe to, every untrusted title escaped', async () => {
    const h = harness();
    const follow = (await (await send(h.app, 'POST', '/api/follows', { kind: 'search', target: 'Harbourton', label: 'Harbourton <i>desk</i>' })).json()) as { id: number };
    await send(h.app, 'POST', '/api/articles', { ...WIRE, title: HOSTILE });

    const json = await h.app.request(`http://crosscheck.test/api/follows/${follow.id}/feed.json`);
    expect(json.status).toBe(200);
    expect(json.headers.get('content-type')).toMatch(/application\/feed\+json/);
    const feed = (await json.json()) as { version: string; title: string; items: Array<{ id: string; url: string; title: string; content_text: string; content_html?: string }> };
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.title).toBe('crosscheck: Harbourton <i>desk</i>');
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]?.url).toMatch(/^http:\/\/crosscheck\.test\/stories\/\d+$/);
    expect(feed.items[0]?.content_html).toBeUndefined();
    // The story title is the extracted one (control characters removed at extraction).
    expect(feed.items[0]?.title).toContain('<script>alert("x")</script>');

    const rss = await h.app.request(`http://crosscheck.test/api/follows/${follow.id}/feed.xml`);
    expect(rss.status).toBe(200);
    expect(rss.headers.get('content-type')).toMatch(/application\/rss\+xml/);
    const xml = await rss.text();
    expect(xml).not.toMatch(/<script|<b>|<i>/);
    expect(xml).not.toMatch(/[\u0000-\u0008]/);
    const parsed = new XMLParser({ processEntities: true }).parse(xml) as { rss: { channel: { title: string; item: { title: string; link: string; guid: string } } } };
    expect(parsed.rss.channel.title).toBe('crosscheck: Harbourton <i>desk</i>');
    expect(parsed.rss.channel.item.title).toBe(feed.items[0]?.title);
    expect(parsed.rss.channel.item.link).toBe(feed.items[0]?.url);
  }, 60_000);
});

interface Received {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A receiver on 127.0.0.1 answering each request with the next status of `statuses` (the last one repeats). */
async function receiver(statuses: number[]): Promise<{ server: TestServer; received: Received[] }> {
  const received: Received[] = [];
  const server = await startTestServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(statuses[Math.min(received.length - 1, statuses.length - 1)] ?? 200).end('ok');
    });
  });
  servers.push(server);
  return { server, received };
}

function isSignedBy(secret: string, r: Received): boolean {
  const header = String(r.headers['x-crosscheck-signature-256'] ?? '');
  const expected = `sha256=${createHmac('sha256', secret).update(r.body).digest('hex')}`;
  return header.length === expected.length && timingSafeEqual(Buffer.from(header), Buffer.from(expected));
}

async function deliveries(app: Harness['app'], hook: number): Promise<DeliveryRow[]> {
  const res = await send(app, 'GET', `/api/webhooks/${hook}/deliveries`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { deliveries: DeliveryRow[] }).deliveries;
}

describe('webhooks', () => {
  it('delivers signed events to a local receiver, retries a failing one with backoff, and logs every delivery', async () => {
    const h = harness();
    const good = await receiver([200]);
    const flaky = await receiver([500, 503, 204]);
    const follow = (await (await send(h.app, 'POST', '/api/follows', { kind: 'search', target: 'Harbourton' })).json()) as { id: number };
    const hookGood = (await (await send(h.app, 'POST', '/api/webhooks', { url: good.server.url('/hook'), secret: SECRET, followId: follow.id })).json()) as { id: number };
    const hookFlaky = (await (await send(h.app, 'POST', '/api/webhooks', { url: flaky.server.url('/hook'), secret: SECRET, events: ['new_story'] })).json()) as { id: number };

    await send(h.app, 'POST', '/api/articles', WIRE);
    expect(await h.service.webhooks.deliverDue()).toBe(2);
    expect(good.received).toHaveLength(1);
    const got = good.received[0]!;
    expect(got.headers['content-type']).toBe('application/json');
    expect(got.headers['x-crosscheck-event']).toBe('new_story');
    expect(isSignedBy(SECRET, got)).toBe(true);
    expect(isSignedBy('another-secret-entirely', got)).toBe(false);
    const payload = JSON.parse(got.body) as { type: string; follow: { id: number }; story: { id: number; articleCount: number } };
    expect(payload).toMatchObject({ type: 'new_story', follow: { id: follow.id }, story: { articleCount: 1 } });
    expect(signPayload(SECRET, got.body)).toBe(got.headers['x-crosscheck-signature-256']);

    let log = await deliveries(h.app, hookFlaky.id);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ status: 'pending', attempts: 1, lastStatus: 500, nextAttemptAt: new Date(h.clock.now + 1000).toISOString() });
    expect(await h.service.webhooks.deliverDue()).toBe(0); // not due yet
    h.clock.now += 1000;
    expect(await h.service.webhooks.deliverDue()).toBe(1);
    log = await deliveries(h.app, hookFlaky.id);
    expect(log[0]).toMatchObject({ status: 'pending', attempts: 2, lastStatus: 503, nextAttemptAt: new Date(h.clock.now + 2000).toISOString() });
    h.clock.now += 2000;
    await h.service.webhooks.deliverDue();
    log = await deliveries(h.app, hookFlaky.id);
    expect(log[0]).toMatchObject({ status: 'delivered', attempts: 3, lastStatus: 204, lastError: null, deliveredAt: new Date(h.clock.now).toISOString() });
    // The same body (and signature) on every attempt.
    expect(new Set(flaky.received.map((r) => r.body)).size).toBe(1);
    expect(flaky.received.every((r) => isSignedBy(SECRET, r))).toBe(true);
    expect((await deliveries(h.app, hookGood.id))[0]).toMatchObject({ status: 'delivered', attempts: 1, lastStatus: 200 });

    // Only the event types asked for: updated counts go to the first webhook, not the second.
    await send(h.app, 'POST', '/api/articles', OWN);
    await h.service.webhooks.deliverDue();
    expect(good.received.map((r) => r.headers['x-crosscheck-event'])).toContain('updated_counts');
    expect(flaky.received.map((r) => r.headers['x-crosscheck-event'])).toEqual(['new_story', 'new_story', 'new_story']);
  }, 60_000);

  it('gives up after the last attempt, and never shows the secret', async () => {
    const h = harness();
    const down = await receiver([500]);
    await send(h.app, 'POST', '/api/follows', { kind: 'search', target: 'Harbourton' });
    const hook = (await (await send(h.app, 'POST', '/api/webhooks', { url: down.server.url('/x'), secret: SECRET })).json()) as { id: number };
    await send(h.app, 'POST', '/api/articles', WIRE);
    for (let attempt = 1; attempt <= 10; attempt++) {
      await h.service.webhooks.deliverDue();
      h.clock.now += retryDelayMs(attempt, 1000, 60 * 60_000);
    }
    const log = await deliveries(h.app, hook.id);
    expect(log[0]).toMatchObject({ status: 'failed', attempts: 4, lastStatus: 500, nextAttemptAt: null });
    expect(down.received).toHaveLength(4);

    const list = await send(h.app, 'GET', '/api/webhooks');
    expect(JSON.stringify(await list.json())).not.toContain(SECRET);
    expect((await send(h.app, 'GET', '/api/webhooks', undefined, null)).status).toBe(401);
    expect((await send(h.app, 'GET', `/api/webhooks/${hook.id}/deliveries`, undefined, null)).status).toBe(401);
    expect((await send(h.app, 'POST', '/api/webhooks', { url: 'ftp://x.example/', secret: SECRET })).status).toBe(400);
    expect((await send(h.app, 'POST', '/api/webhooks', { url: down.server.url('/x'), secret: 'short' })).status).toBe(400);
  }, 60_000);

  it('sends nothing to an address the SSRF guard refuses: a literal at creation, a name resolving to it at delivery', async () => {
    const h = harness(false);
    const local = await receiver([200]);
    await send(h.app, 'POST', '/api/follows', { kind: 'search', target: 'Harbourton' });
    const literal = await send(h.app, 'POST', '/api/webhooks', { url: local.server.url('/hook'), secret: SECRET });
    expect(literal.status).toBe(400);
    expect(((await literal.json()) as { error: { code: string } }).error.code).toBe('blocked_address');
    for (const url of ['http://169.254.169.254/latest/meta-data/', 'http://[::1]/x', 'http://user:pw@hooks.example/x']) {
      expect((await send(h.app, 'POST', '/api/webhooks', { url, secret: SECRET })).status).toBe(400);
    }
    // localhost is a name: it is refused when resolved, and the delivery fails at once (no retry can mend it).
    const named = (await (await send(h.app, 'POST', '/api/webhooks', { url: `http://localhost:${local.server.port}/hook`, secret: SECRET })).json()) as { id: number };
    await send(h.app, 'POST', '/api/articles', WIRE);
    expect(await h.service.webhooks.deliverDue()).toBe(1);
    const [delivery] = await deliveries(h.app, named.id);
    expect(delivery).toMatchObject({ status: 'failed', attempts: 1, lastStatus: null, nextAttemptAt: null });
    expect(delivery?.lastError).toMatch(/Refused to connect to/);
    expect(local.received).toEqual([]);
  }, 60_000);

  it('backs off exponentially within its bound', () => {
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, 30_000, 300_000))).toEqual([30_000, 60_000, 120_000, 240_000, 300_000]);
    expect(retryDelayMs(50, 30_000, 3_600_000)).toBe(3_600_000);
  });
});
