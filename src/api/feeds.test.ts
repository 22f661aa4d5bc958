import { describe, expect, it } from 'vitest';
import { escapeXml } from '../core/xml.js';
import type { FeedState } from '../core/types.js';
import { formatOpml, parseOpml } from '../ingest/index.js';
import { SqliteStore } from '../store/index.js';
import { createWebApp } from '../web/index.js';
import { createApp, CrosscheckService, type FeedHealth } from './index.js';

const HOSTILE = 'Wire <script>alert(1)</script> & "Co" \u0000\u0007';

function state(url: string, extra: Partial<FeedState> = {}): FeedState {
  return {
    url,
    title: null,
    etag: null,
    lastModified: null,
    lastPolledAt: null,
    nextPollAt: '2026-03-02T10:00:00.000Z',
    lastSuccessAt: null,
    intervalMs: 1_800_000,
    consecutiveFailures: 0,
    lastError: null,
    articlesFound: 0,
    lastStatus: null,
    isBlockedByRobots: false,
    ...extra,
  };
}

async function serviceWithFeeds(): Promise<CrosscheckService> {
  const store = SqliteStore.open(':memory:');
  const put = (feed: FeedState): Promise<void> => store.transaction((tx) => tx.feeds.put(feed));
  await put(state('https://a.example/feed.xml', { title: HOSTILE, lastPolledAt: '2026-03-02T09:30:00.000Z', lastSuccessAt: '2026-03-02T09:30:00.000Z', lastStatus: 200, articlesFound: 4 }));
  await put(state('https://b.example/rss', { lastPolledAt: '2026-03-02T09:31:00.000Z', lastStatus: 503, consecutiveFailures: 2, lastError: 'HTTP 503 for https://b.example/rss' }));
  await put(state('https://c.example/atom', { lastPolledAt: '2026-03-02T09:32:00.000Z', isBlockedByRobots: true, consecutiveFailures: 1, lastError: 'Disallowed by robots.txt' }));
  await put(state('https://d.example/new.xml'));
  return new CrosscheckService({ store, eventPollMs: 0, sheetBuilder: 'inline' });
}

describe('feed health over the API', () => {
  it('lists every watched feed with last success, HTTP status, robots and next poll', async () => {
    const service = await serviceWithFeeds();
    const app = createApp({ service });
    const res = await app.request('/api/feeds');
    expect(res.status).toBe(200);
    const { feeds } = (await res.json()) as { feeds: FeedHealth[] };
    expect(feeds.map((f) => [f.url, f.health, f.lastStatus, f.isBlockedByRobots])).toEqual([
      ['https://a.example/feed.xml', 'ok', 200, false],
      ['https://b.example/rss', 'failing', 503, false],
      ['https://c.example/atom', 'blocked', null, true],
      ['https://d.example/new.xml', 'pending', null, false],
    ]);
    expect(feeds[0]).toMatchObject({ title: HOSTILE, lastSuccessAt: '2026-03-02T09:30:00.000Z', nextPollAt: '2026-03-02T10:00:00.000Z', articlesFound: 4 });
    await service.close();
    await service.store.close();
  });

  it('exports the feeds as OPML that reads back the same, hostile titles escaped', async () => {
    const service = await serviceWithFeeds();
    const res = await createApp({ service }).request('/api/feeds.opml');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/x-opml/);
    const xml = await res.text();
    expect(xml).not.toContain('<script');
    expect(xml).not.toMatch(/[\u0000-\u0008]/);
    const back = parseOpml(xml);
    expect(back.map((f) => f.url)).toEqual(['https://a.example/feed.xml', 'https://b.example/rss', 'https://c.example/atom', 'https://d.example/new.xml']);
    expect(back[0]?.title).toBe('Wire <script>alert(1)</script> & "Co"');
    await service.close();
    await service.store.close();
  });

  it('shows a feeds page with health badges, escaping feed titles', async () => {
    const service = await serviceWithFeeds();
    const app = createApp({ service, web: createWebApp(service) });
    const res = await app.request('/feeds');
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).not.toContain('<script>alert');
    expect(page).toContain('Wire &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;');
    expect(page).toContain('blocked by robots.txt');
    expect(page).toContain('not polled yet');
    expect(page).toMatch(/<td class="num">503<\/td>/);
    expect(page).toContain('href="/api/feeds.opml"');
    expect(page).toMatch(/<a href="\/feeds" aria-current="page">Feeds<\/a>/);
    await service.close();
    await service.store.close();
  });
});

describe('escapeXml and formatOpml', () => {
  it.each([
    { whenInputIs: 'a & b', expectedOutputIs: 'a &amp; b' },
    { whenInputIs: '<x y="1">\'', expectedOutputIs: '&lt;x y=&quot;1&quot;&gt;&apos;' },
    { whenInputIs: 'bell\u0007nul\u0000', expectedOutputIs: 'bellnul' },
    { whenInputIs: 'tab\tline\n', expectedOutputIs: 'tab\tline\n' },
    { whenInputIs: 'lone \ud800 surrogate', expectedOutputIs: 'lone  surrogate' },
    { whenInputIs: 'pair 😀', expectedOutputIs: 'pair 😀' },
  ])('$whenInputIs', ({ whenInputIs, expectedOutputIs }) => {
    expect(escapeXml(whenInputIs)).toBe(expectedOutputIs);
  });

  it('writes an empty list as a valid OPML document', () => {
    const xml = formatOpml([], { createdAt: new Date('2026-01-01T00:00:00Z') });
    expect(xml).toContain('<dateCreated>Thu, 01 Jan 2026 00:00:00 GMT</dateCreated>');
    expect(parseOpml(xml)).toEqual([]);
  });
});
