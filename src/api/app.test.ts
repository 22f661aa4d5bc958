import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_ARTICLES, fixtureService } from '../../test/e2e/api-fixtures.js';
import { CrosscheckError } from '../core/errors.js';
import { SqliteStore } from '../store/index.js';
import { createApp, CrosscheckService, MAX_BODY_BYTES, OPENAPI_DOCUMENT, toFtsQuery, type StoryPage } from './index.js';
import type { SheetBuilder } from '../pipeline/index.js';

const TOKEN = 'test-token-123';

interface ErrorJson {
  error: { code: string; message: string };
}

async function expectError(res: Response, status: number, code?: string): Promise<ErrorJson> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  const body = (await res.json()) as ErrorJson;
  expect(typeof body.error.message).toBe('string');
  if (code) expect(body.error.code).toBe(code);
  return body;
}

function post(path: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`http://localhost${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}`, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('read endpoints', () => {
  let service: CrosscheckService;
  let app: ReturnType<typeof createApp>;
  let fireStory: number;
  let libraryStory: number;

  beforeAll(async () => {
    service = await fixtureService();
    app = createApp({ service, token: TOKEN });
    const page = await service.listStories({ limit: 20 });
    fireStory = page.stories.find((s) => s.articleCount === 3)!.id;
    libraryStory = page.stories.find((s) => s.articleCount === 1)!.id;
  });
  afterAll(() => service.store.close());

  it('serves an OpenAPI 3.1 document naming every endpoint', async () => {
    const res = await app.request('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as typeof OPENAPI_DOCUMENT;
    expect(doc.openapi).toBe('3.1.0');
    for (const path of ['/api/stories', '/api/stories/{id}', '/api/stories/{id}/factsheet', '/api/articles/{id}', '/api/outlets', '/api/entities', '/api/articles', '/api/ingest/url', '/api/events']) {
      expect(Object.keys(doc.paths ?? {})).toContain(path);
    }
  });

  it('documents every route the app registers, with parameters from the zod schemas', () => {
    const paths = OPENAPI_DOCUMENT.paths ?? {};
    const routes = app.routes.filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL' && !r.path.includes('*'));
    expect(routes.length).toBeGreaterThanOrEqual(10);
    for (const route of routes) {
      const path = route.path.replace(/:(\w+)/g, '{$1}');
      const item = paths[path] as Record<string, unknown> | undefined;
      expect(item, `${route.method} ${route.path} is not in the OpenAPI document`).toBeDefined();
      expect(item![route.method.toLowerCase()], `${route.method} ${route.path} is not in the OpenAPI document`).toBeDefined();
    }
    // Generated from storyListQuerySchema: its bounds and default, not a copy of them.
    const list = (paths['/api/stories'] as unknown as { get: { parameters: Array<{ name: string; schema: Record<string, unknown> }> } }).get;
    expect(list.parameters.find((p) => p.name === 'limit')?.schema).toMatchObject({ minimum: 1, maximum: 100, default: 20 });
    expect(list.parameters.map((p) => p.name).sort()).toEqual(['cursor', 'entity', 'from', 'language', 'limit', 'offset', 'order', 'outlet', 'q', 'to']);
    const post = (paths['/api/articles'] as unknown as { post: { requestBody: { content: Record<string, { schema: { properties: Record<string, unknown> } }> } } }).post;
    expect(Object.keys(post.requestBody.content['application/json']!.schema.properties).sort()).toEqual(['html', 'id', 'language', 'published', 'source', 'text', 'title', 'url']);
  });

  it('lists stories newest first with outlets and articles per day', async () => {
    const res = await app.request('/api/stories');
    expect(res.status).toBe(200);
    const page = (await res.json()) as StoryPage;
    expect(page.total).toBe(2);
    expect(page.stories.map((s) => s.id)).toEqual([libraryStory, fireStory]);
    const fire = page.stories[1]!;
    expect(fire.outlets.map((o) => o.name).sort()).toEqual(['Bay Courier', 'Harbourton Herald', 'Northwind News']);
    expect(fire.days).toEqual([
      { day: '2026-03-02', articles: 1 },
      { day: '2026-03-03', articles: 2 },
    ]);
    expect(page.nextCursor).toBeNull();
  });

  it('pages with limit and cursor, or offset', async () => {
    const first = (await (await app.request('/api/stories?limit=1')).json()) as StoryPage;
    expect(first.stories).toHaveLength(1);
    expect(first.nextCursor).not.toBeNull();
    const second = (await (await app.request(`/api/stories?limit=1&cursor=${first.nextCursor}`)).json()) as StoryPage;
    expect(second.stories[0]!.id).not.toBe(first.stories[0]!.id);
    expect(second.nextCursor).toBeNull();
    const byOffset = (await (await app.request('/api/stories?limit=1&offset=1')).json()) as StoryPage;
    expect(byOffset.stories[0]!.id).toBe(second.stories[0]!.id);
  });

  it('orders by size', async () => {
    const page = (await (await app.request('/api/stories?order=largest')).json()) as StoryPage;
    expect(page.stories[0]!.id).toBe(fireStory);
  });

  it('filters by outlet, language, dates and entity, and searches the text', async () => {
    const ids = async (query: string): Promise<number[]> => ((await (await app.request(`/api/stories?${query}`)).json()) as StoryPage).stories.map((s) => s.id);
    expect(await ids('outlet=bay%20courier')).toEqual([fireStory]);
    expect(await ids('outlet=Nobody')).toEqual([]);
    expect(await ids('language=en')).toHaveLength(2);
    expect(await ids('language=fr')).toEqual([]);
    expect(await ids('from=2026-03-04')).toEqual([libraryStory]);
    expect(await ids('to=2026-03-03')).toEqual([fireStory]);
    expect(await ids('entity=Ines%20Arlo')).toEqual([libraryStory]);
    expect(await ids('q=evacuation')).toEqual([fireStory]);
    expect(await ids('q=libr')).toEqual([libraryStory]); // the last word is a prefix
    expect(await ids('q=%22container%20terminal%22')).toEqual([fireStory]);
    expect(await ids('q=%22terminal%20container%22')).toEqual([]);
    expect(await ids('q=fire%20library')).toEqual([]);
    // FTS syntax in user input is taken as words, not operators.
    expect(await ids('q=fire%20OR%20%2A%20NEAR(%22')).toEqual([]);
    expect(await ids('q=%2A%2A%2A')).toEqual([]);
  });

  it('rejects bad list queries with 400', async () => {
    await expectError(await app.request('/api/stories?limit=0'), 400, 'bad_request');
    await expectError(await app.request('/api/stories?limit=101'), 400, 'bad_request');
    await expectError(await app.request('/api/stories?order=oldest'), 400, 'bad_request');
    await expectError(await app.request('/api/stories?from=yesterday'), 400, 'bad_request');
    await expectError(await app.request('/api/stories?cursor=nonsense'), 400, 'bad_request');
    // A cursor whose offset no database can take is not a cursor either (not a 500).
    for (const o of [1e300, -1, 2 ** 60]) await expectError(await app.request(`/api/stories?cursor=${Buffer.from(JSON.stringify({ o })).toString('base64url')}`), 400, 'bad_request');
    await expectError(await app.request('/api/stories?page=2'), 400, 'bad_request');
  });

  it('gives a story with its articles and copy groups', async () => {
    const res = await app.request(`/api/stories/${fireStory}`);
    expect(res.status).toBe(200);
    const story = (await res.json()) as { articles: Array<{ id: number; source: string; copyGroup: number; ownShare: number }>; copyGroups: Array<{ first: number; articles: number[] }> };
    expect(story.articles).toHaveLength(3);
    const wire = story.articles.find((a) => a.source === 'Northwind News')!;
    const copy = story.articles.find((a) => a.source === 'Bay Courier')!;
    const own = story.articles.find((a) => a.source === 'Harbourton Herald')!;
    expect(story.copyGroups).toEqual([expect.objectContaining({ first: wire.id, articles: [wire.id, copy.id] })]);
    expect(own.copyGroup).toBe(own.id);
    expect(own.ownShare).toBeGreaterThan(copy.ownShare);
  });

  it('answers 404 and 400 for stories that do not exist or bad ids', async () => {
    await expectError(await app.request('/api/stories/999'), 404, 'not_found');
    await expectError(await app.request('/api/stories/abc'), 400, 'bad_request');
    await expectError(await app.request('/api/stories/0'), 400, 'bad_request');
    await expectError(await app.request('/api/stories/999/factsheet'), 404, 'not_found');
    await expectError(await app.request('/api/nothing-here'), 404, 'not_found');
  });

  it('builds the fact sheet once and serves it from the cache', async () => {
    const before = service.factSheets.builds;
    const res = await app.request(`/api/stories/${fireStory}/factsheet`);
    expect(res.status).toBe(200);
    const sheet = (await res.json()) as { version: number; story: { id: number }; summary: unknown[]; figures: unknown[]; quotes: unknown[]; timeline: { entries: unknown[] } };
    expect(sheet.story.id).toBe(fireStory);
    expect(sheet.summary.length).toBeGreaterThan(0);
    expect(sheet.figures.length).toBeGreaterThan(0);
    expect(service.factSheets.builds).toBe(before + 1);
    const again = await app.request(`/api/stories/${fireStory}/factsheet`);
    expect(await again.text()).toBe(JSON.stringify(sheet));
    expect(service.factSheets.builds).toBe(before + 1);
    const etag = again.headers.get('etag')!;
    expect(etag).toMatch(/^"/);
    expect((await app.request(`/api/stories/${fireStory}/factsheet`, { headers: { 'If-None-Match': etag } })).status).toBe(304);
    const row = await service.store.factSheets.get(fireStory);
    expect(row?.key).toMatch(/^\d+\.\d+:3:/);
    expect((sheet as unknown as { freshness: unknown }).freshness).toEqual({ stale: false, builtAt: '2026-03-06T00:00:00.000Z', articles: 3 });
  });

  it('gives an article with its sentences marked shared or own', async () => {
    const story = (await service.story(fireStory))!;
    const copy = story.articles.find((a) => a.source === 'Bay Courier')!;
    const res = await app.request(`/api/articles/${copy.id}`);
    expect(res.status).toBe(200);
    const article = (await res.json()) as { storyId: number; paragraphs: Array<{ sentences: Array<{ index: number; text: string; sharedWith: Array<{ articleId: number }> }> }>; related: Array<{ id: number }> };
    expect(article.storyId).toBe(fireStory);
    const sentences = article.paragraphs.flatMap((p) => p.sentences);
    expect(sentences.map((s) => s.index)).toEqual(sentences.map((_, i) => i));
    const wireId = story.articles.find((a) => a.source === 'Northwind News')!.id;
    expect(sentences[0]!.sharedWith.map((w) => w.articleId)).toContain(wireId);
    expect(sentences.at(-1)!.text).toMatch(/smoke could be seen/);
    expect(sentences.at(-1)!.sharedWith).toEqual([]);
    expect(article.related.map((r) => r.id)).toContain(wireId);
    await expectError(await app.request('/api/articles/12345'), 404, 'not_found');
    await expectError(await app.request('/api/articles/x'), 400, 'bad_request');
  });

  it('lists outlets with their coverage', async () => {
    const res = await app.request('/api/outlets');
    const { outlets } = (await res.json()) as { outlets: Array<{ name: string; articles: number; stories: number }> };
    expect(outlets).toHaveLength(4);
    expect(outlets.find((o) => o.name === 'Bay Courier')).toMatchObject({ articles: 1, stories: 1 });
    await expectError(await app.request('/api/outlets?x=1'), 400, 'bad_request');
  });

  it('lists entities from the cached fact sheets', async () => {
    await app.request(`/api/stories/${fireStory}/factsheet`);
    const res = await app.request('/api/entities?kind=person');
    const { entities } = (await res.json()) as { entities: Array<{ name: string; kind: string; stories: number }> };
    expect(entities.map((e) => e.name)).toContain('Dana Morel');
    expect(entities.every((e) => e.kind === 'person')).toBe(true);
    await expectError(await app.request('/api/entities?kind=animal'), 400, 'bad_request');
  });

  it('sets the security headers on every answer', async () => {
    for (const path of ['/api/stories', '/api/nothing']) {
      const res = await app.request(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });
});

describe('write endpoints', () => {
  const article = { title: 'Harbourton terminal reopens after fire', text: 'The Harbourton container terminal reopened on Thursday, three days after a fire injured at least 12 dock workers, the Harbourton Port Authority said.\n\nFire chief Dana Morel said the investigation into the cause was continuing.', source: 'Coast Daily', published: '2026-03-05' };

  it('refuses writes when no token is configured (403), or with a missing or wrong token (401)', async () => {
    const service = await fixtureService();
    const closed = createApp({ service, token: null });
    await expectError(await closed.request(post('/api/articles', article)), 403, 'forbidden');
    await expectError(await closed.request(post('/api/ingest/url', { url: 'https://example.com/' })), 403, 'forbidden');
    const app = createApp({ service, token: TOKEN });
    const missing = await app.request(post('/api/articles', article, { Authorization: '' }));
    await expectError(missing, 401, 'unauthorized');
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/);
    await expectError(await app.request(post('/api/articles', article, { Authorization: 'Bearer nope' })), 401, 'unauthorized');
    await expectError(await app.request(post('/api/articles', article, { Authorization: `Basic ${TOKEN}` })), 401, 'unauthorized');
    expect(await service.store.articles.count()).toBe(FIXTURE_ARTICLES.length);
    await service.store.close();
  });

  it('validates bodies: content type (415), JSON (400), fields (400), size (413)', async () => {
    const service = await fixtureService();
    const app = createApp({ service, token: TOKEN });
    await expectError(await app.request(post('/api/articles', article, { 'Content-Type': 'text/plain' })), 415, 'unsupported_media_type');
    await expectError(await app.request(post('/api/articles', '{"title": ')), 400, 'invalid_json');
    await expectError(await app.request(post('/api/articles', { title: 'no text' })), 400, 'bad_request');
    await expectError(await app.request(post('/api/articles', { text: 'a', html: '<p>b</p>' })), 400, 'bad_request');
    await expectError(await app.request(post('/api/articles', { ...article, url: 'javascript:alert(1)' })), 400, 'bad_request');
    await expectError(await app.request(post('/api/articles', { ...article, published: 'last Tuesday' })), 400, 'bad_request');
    await expectError(await app.request(post('/api/articles', { ...article, extra: true })), 400, 'bad_request');
    await expectError(await app.request(post('/api/articles', [article])), 400, 'bad_request');
    await expectError(await app.request(post('/api/articles', { html: '<html><body><nav>menu</nav></body></html>' })), 400, 'no_content');
    const huge = JSON.stringify({ text: 'x'.repeat(MAX_BODY_BYTES + 10) });
    await expectError(await app.request(post('/api/articles', huge)), 413, 'payload_too_large');
    await expectError(await app.request(post('/api/ingest/url', { url: 'ftp://example.com/a' })), 400, 'bad_request');
    await expectError(await app.request(post('/api/ingest/url', { url: 'not a url' })), 400, 'bad_request');
    expect(await service.store.articles.count()).toBe(FIXTURE_ARTICLES.length);
    await service.store.close();
  });

  it('refuses texts of nothing (empty, blank, NUL or invisible characters only) with 400, naming the field', async () => {
    const service = await fixtureService();
    const app = createApp({ service, token: TOKEN });
    for (const text of ['', '   \n\t ', '\u0000\u0000\u0000', '\u200b\u202e\u2066']) {
      const error = await expectError(await app.request(post('/api/articles', { text, title: 'Nothing' })), 400);
      expect(['bad_request', 'no_content', 'empty_input']).toContain(error.error.code);
      expect(error.error.message).toMatch(/text|POST \/api\/articles/);
    }
    expect(await service.store.articles.count()).toBe(FIXTURE_ARTICLES.length);
    await service.store.close();
  });

  it('on a read-only store serves stories and fact sheets, and answers writes 503 read_only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-ro-'));
    const path = join(dir, 'store.db');
    const writer = new CrosscheckService({ store: SqliteStore.open(path), now: () => new Date('2026-03-06T00:00:00Z'), eventPollMs: 0 });
    for (const a of FIXTURE_ARTICLES) await writer.ingestArticle(a);
    await writer.close();
    await writer.store.close();
    const service = new CrosscheckService({ store: SqliteStore.open(path, { readOnly: true }), eventPollMs: 0 });
    const app = createApp({ service, token: TOKEN });
    const list = (await (await app.request('/api/stories')).json()) as StoryPage;
    const id = list.stories[0]!.id;
    expect((await app.request(`/api/stories/${id}`)).status).toBe(200);
    expect((await app.request(`/api/stories/${id}/factsheet`)).status).toBe(200);
    const refused = await expectError(await app.request(post('/api/articles', article)), 503, 'read_only');
    expect(refused.error.message).toContain('read-only');
    await service.close();
    await service.store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores an article, assigns it to its story, and rebuilds that fact sheet', async () => {
    const service = await fixtureService();
    const app = createApp({ service, token: TOKEN });
    const fire = (await service.listStories({ limit: 20 })).stories.find((s) => s.articleCount === 3)!.id;
    await service.factSheetJson(fire);
    const builds = service.factSheets.builds;
    const res = await app.request(post('/api/articles', article));
    expect(res.status).toBe(201);
    const result = (await res.json()) as { status: string; articleId: number; storyId: number; isNewStory: boolean; source: string };
    expect(result).toMatchObject({ status: 'new', storyId: fire, isNewStory: false, source: 'Coast Daily' });
    const sheet = JSON.parse((await service.factSheetJson(fire))!) as { articles: Array<{ id: number }> };
    expect(sheet.articles.map((a) => a.id)).toContain(result.articleId);
    expect(service.factSheets.builds).toBe(builds + 1);
    // The same text again is known, not stored twice.
    const again = await app.request(post('/api/articles', article));
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ status: 'known', articleId: result.articleId });
    // HTML works too; the story list now finds it.
    const html = await app.request(post('/api/articles', { html: '<html><head><title>Tram line opens</title></head><body><article><h1>Tram line opens</h1><p>The new tram line to Eastgate opened on Saturday with free rides for the first week, the city transport company said in a statement.</p><p>About 40,000 passengers a day are expected to use the line, which cost 90 million euros to build.</p></article></body></html>', source: 'City Post', url: 'https://citypost.example/tram' }));
    expect(html.status).toBe(201);
    expect(await html.json()).toMatchObject({ isNewStory: true });
    const page = (await (await app.request('/api/stories?q=Eastgate')).json()) as StoryPage;
    expect(page.stories).toHaveLength(1);
    await service.store.close();
  });

  it('fetches a URL through the injected fetcher and maps fetch failures to 502', async () => {
    const fetched: string[] = [];
    const service = await fixtureService({
      fetchUrl: (url) => {
        fetched.push(url);
        if (url.includes('broken')) return Promise.reject(new CrosscheckError('fetch_failed', 'ingest', `${url}: connection refused`));
        if (url.includes('private')) return Promise.reject(new CrosscheckError('blocked_address', 'ingest', `${url}: resolves to a private address`));
        return Promise.resolve({ origin: { input: url }, format: 'text', content: 'The harbour festival opened on Friday with 200 boats on the water, the organisers said.\n\nThe festival runs until Sunday.', hints: { url, source: 'Festival Weekly', published: '2026-03-06' } });
      },
    });
    const app = createApp({ service, token: TOKEN });
    const res = await app.request(post('/api/ingest/url', { url: 'https://festival.example/opens' }));
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ status: 'new', source: 'Festival Weekly' });
    await expectError(await app.request(post('/api/ingest/url', { url: 'https://broken.example/' })), 502, 'fetch_failed');
    await expectError(await app.request(post('/api/ingest/url', { url: 'http://private.example/' })), 400, 'blocked_address');
    expect(fetched).toHaveLength(3);
    await service.store.close();
  });
});

describe('events and failures', () => {
  it('streams an SSE event when an article is stored and assigned', async () => {
    const service = await fixtureService();
    const app = createApp({ service, token: TOKEN });
    const controller = new AbortController();
    const res = await app.request('/api/events', { signal: controller.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const readUntil = async (needle: string): Promise<void> => {
      while (!text.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before "${needle}"`);
        text += decoder.decode(value);
      }
    };
    await readUntil('event: ready');
    const posted = await app.request(post('/api/articles', { text: 'Storm warnings were issued for the whole coast on Sunday as winds reached 110 kilometres an hour, the weather service said.', source: 'Weather Desk', published: '2026-03-08' }));
    const result = (await posted.json()) as { articleId: number; storyId: number };
    await readUntil('event: article');
    const data = /event: article\n(?:id: \d+\n)?data: (.+)\n/.exec(text)?.[1];
    expect(JSON.parse(data!)).toMatchObject({ type: 'article', articleId: result.articleId, storyId: result.storyId, source: 'Weather Desk', isNewStory: true });
    controller.abort();
    await reader.cancel();
    await service.close();
    await service.store.close();
  });

  it('publishes assignments made by another writer (the CLI, the watcher) through polling', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-events-'));
    try {
      const path = join(dir, 'store.db');
      const writerStore = SqliteStore.open(path);
      const writer = new CrosscheckService({ store: writerStore, eventPollMs: 0, sheetBuilder: 'inline' });
      const readerStore = SqliteStore.open(path);
      const reader = new CrosscheckService({ store: readerStore, eventPollMs: 0, sheetBuilder: 'inline' });
      const seen: number[] = [];
      await reader.events.start();
      reader.events.subscribe((e) => seen.push(e.articleId));
      const result = await writer.ingestArticle(FIXTURE_ARTICLES[0]!);
      expect((await reader.events.poll()).map((e) => e.articleId)).toEqual([result.articleId]);
      expect(seen).toEqual([result.articleId]);
      expect(await reader.events.poll()).toEqual([]);
      await writer.close();
      await writerStore.close();
      await readerStore.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers 503 with a JSON error (no details) when a sheet cannot be built, and logs it', async () => {
    const failing: SheetBuilder = {
      version: 'broken',
      build: () => Promise.reject(new Error('secret internal detail')),
      close: () => Promise.resolve(),
    };
    const service = await fixtureService({ sheetBuilder: failing });
    const logged: unknown[] = [];
    const app = createApp({ service, token: TOKEN, logError: (e) => logged.push(e) });
    const id = (await service.listStories({ limit: 1 })).stories[0]!.id;
    const res = await app.request(`/api/stories/${id}/factsheet`);
    const body = await expectError(res, 503, 'fact_sheet_failed');
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(body.error.message).not.toContain('secret');
    expect(logged).toHaveLength(1);
    // The failure is held: asking again does not start another build.
    await expectError(await app.request(`/api/stories/${id}/factsheet`), 503, 'fact_sheet_failed');
    expect(logged).toHaveLength(1);
    expect((await app.request('/api/stories')).status).toBe(200);
    await service.close();
    await service.store.close();
  });
});

describe('full-text index', () => {
  it('turns user input into a safe FTS5 query', () => {
    const cases: Array<{ whenInputIs: string; expectedOutputIs: string | null }> = [
      { whenInputIs: 'ferry marena', expectedOutputIs: '"ferry" "marena"*' },
      { whenInputIs: 'ferry marena ', expectedOutputIs: '"ferry" "marena"' },
      { whenInputIs: '"coast guard" said', expectedOutputIs: '"coast guard" "said"*' },
      { whenInputIs: 'a OR b NEAR(c', expectedOutputIs: '"a" "OR" "b" "NEAR" "c"*' },
      { whenInputIs: "O'Brien's", expectedOutputIs: '"O Brien s"' },
      { whenInputIs: '***', expectedOutputIs: null },
      { whenInputIs: '', expectedOutputIs: null },
      { whenInputIs: 'Cortés', expectedOutputIs: '"Cortés"*' },
    ];
    for (const { whenInputIs, expectedOutputIs } of cases) expect(toFtsQuery(whenInputIs)).toBe(expectedOutputIs);
  });
});
