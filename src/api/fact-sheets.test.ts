import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ARTICLE_ANALYSIS_VERSION } from '../analyze/index.js';
import { FIXTURE_ARTICLES, fixtureService } from '../../test/e2e/api-fixtures.js';
import { buildSheet, SHEET_BUILDER_VERSION, type SheetBuilder, type SheetBuildInput, type SheetBuildOutput } from '../pipeline/index.js';
import { createWebApp } from '../web/index.js';
import { createApp, CrosscheckService, type ServiceOptions, type SheetBuildEvent } from './index.js';

const TOKEN = 'sheet-token';

interface GatedCall {
  input: SheetBuildInput;
  signal: AbortSignal;
  /** Lets the build finish with the real builder's output. */
  open(): void;
}

/** A builder whose builds finish only when the test opens them: a slow build without any timing. */
function gatedBuilder(): { builder: SheetBuilder; calls: GatedCall[]; called: (count: number) => Promise<void> } {
  const calls: GatedCall[] = [];
  const waiters: Array<{ count: number; wake: () => void }> = [];
  const builder: SheetBuilder = {
    version: SHEET_BUILDER_VERSION,
    build: (input, signal) =>
      new Promise<SheetBuildOutput>((resolve) => {
        calls.push({ input, signal, open: () => resolve(buildSheet(input)) });
        for (const w of waiters.filter((x) => calls.length >= x.count)) w.wake();
      }),
    close: () => Promise.resolve(),
  };
  /** Resolves once the builder has been called `count` times in all. */
  const called = (count: number): Promise<void> => (calls.length >= count ? Promise.resolve() : new Promise((wake) => waiters.push({ count, wake })));
  return { builder, calls, called };
}

/** The next build event of a story (bounded by the test timeout). */
function nextBuild(service: CrosscheckService, storyId: number): Promise<SheetBuildEvent> {
  return new Promise((resolve) => {
    const off = service.factSheets.onBuild((event) => {
      if (event.storyId !== storyId) return;
      off();
      resolve(event);
    });
  });
}

function post(path: string, body: unknown): Request {
  return new Request(`http://localhost${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify(body),
  });
}

const JOINING = {
  title: 'Harbourton terminal fire: port to reopen Thursday',
  text: 'The Harbourton container terminal will reopen on Thursday after the fire on Monday night, the Harbourton Port Authority said. Fire chief Dana Morel said at least 12 dock workers had been injured and 300 people evacuated from the terminal.',
  source: 'Coast Daily',
  url: 'https://coastdaily.example/fire',
  published: '2026-03-03T12:00:00Z',
  language: 'en',
};

const NOW = (): Date => new Date('2026-03-06T00:00:00Z');

/** A service with the given builder over the fixture store, no sheet built yet. */
async function seeded(builder: SheetBuilder, sheets: NonNullable<ServiceOptions['sheets']>): Promise<CrosscheckService> {
  const fixture = await fixtureService();
  await fixture.close();
  return new CrosscheckService({ store: fixture.store, now: NOW, eventPollMs: 0, sheetBuilder: builder, sheets });
}

async function setup(builder: SheetBuilder, sheets: { maxMsPerBuild?: number } = {}) {
  const service = await seeded(builder, { debounceMs: 0, waitMs: 0, ...sheets });
  const logged: unknown[] = [];
  const app = createApp({ service, token: TOKEN, web: createWebApp(service), logError: (e) => logged.push(e) });
  const stories = (await service.listStories({ limit: 20 })).stories;
  const fire = stories.find((s) => s.articleCount === 3)!.id;
  return { service, app, fire, logged };
}

describe('fact sheets off the request thread', () => {
  it('answers 202 with Retry-After at once while a first build runs, then the sheet', async () => {
    const { builder, calls, called } = gatedBuilder();
    const { service, app, fire } = await setup(builder);
    const res = await app.request(`/api/stories/${fire}/factsheet`);
    expect(res.status).toBe(202);
    await called(1);
    expect(res.headers.get('retry-after')).toBe('2');
    const body = (await res.json()) as { building: { storyId: number; retryAfter: number; message: string } };
    expect(body.building).toMatchObject({ storyId: fire, retryAfter: 2 });
    expect(body.building.message).toMatch(/being built/);
    // Asking again neither waits nor starts a second build of the same story.
    expect((await app.request(`/api/stories/${fire}/factsheet`)).status).toBe(202);
    expect(calls.map((c) => c.input.story.id)).toEqual([fire]);
    // The web page says so too, and reloads itself.
    const page = await app.request(`/stories/${fire}`);
    expect(page.status).toBe(202);
    const html = await page.text();
    expect(html).toContain('being built');
    expect(html).toMatch(/<meta http-equiv="refresh" content="2">/);
    // Other pages answer meanwhile.
    expect((await app.request('/api/stories')).status).toBe(200);
    expect((await app.request(`/api/stories/${fire}`)).status).toBe(200);

    const built = nextBuild(service, fire);
    calls.find((c) => c.input.story.id === fire)!.open();
    expect(await built).toMatchObject({ type: 'built', storyId: fire });
    const done = await app.request(`/api/stories/${fire}/factsheet`);
    expect(done.status).toBe(200);
    const sheet = (await done.json()) as { freshness: { stale: boolean; articles: number }; story: { id: number } };
    expect(sheet.freshness).toMatchObject({ stale: false, articles: 3 });
    expect(sheet.story.id).toBe(fire);
    // Gzipped by the builder, for clients that take it; the same JSON.
    const zipped = await app.request(`/api/stories/${fire}/factsheet`, { headers: { 'Accept-Encoding': 'gzip, br' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toBe('Accept-Encoding');
    expect(JSON.parse(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString('utf8'))).toEqual(sheet);
    expect((await app.request(`/api/stories/${fire}/factsheet`, { headers: { 'If-None-Match': zipped.headers.get('etag')! } })).status).toBe(304);
    await service.close();
    await service.store.close();
  });

  it('serves the last good sheet marked stale while a rebuild after a join runs', async () => {
    const { builder, calls, called } = gatedBuilder();
    const { service, app, fire } = await setup(builder);
    const first = service.factSheetJson(fire);
    await called(1);
    calls[0]!.open();
    await first;

    const res = await app.request(post('/api/articles', JOINING));
    expect(res.status).toBe(201);
    expect(((await res.json()) as { storyId: number }).storyId).toBe(fire);
    // The join queued a rebuild ahead of any reader; it is running, held at the gate.
    expect(service.factSheets.isBuilding(fire)).toBe(true);
    await called(2);
    expect(calls).toHaveLength(2);
    expect(calls[1]!.input.articles).toHaveLength(4);

    const stale = await app.request(`/api/stories/${fire}/factsheet`);
    expect(stale.status).toBe(200);
    expect(stale.headers.get('etag')).toMatch(/-stale"$/);
    expect(stale.headers.get('fact-sheet-state')).toBe('stale');
    expect(stale.headers.get('fact-sheet-built-at')).toBe('2026-03-06T00:00:00.000Z');
    expect(stale.headers.get('retry-after')).toBe('2');
    const body = (await stale.json()) as { freshness: { stale: boolean; builtAt: string; articles: number }; articles: unknown[] };
    expect(body.freshness).toEqual({ stale: true, builtAt: '2026-03-06T00:00:00.000Z', articles: 3 });
    expect(body.articles).toHaveLength(3);
    const page = await (await app.request(`/stories/${fire}`)).text();
    expect(page).toContain('notice-stale');
    expect(page).toMatch(/built .* from 3 articles of the story's 4/);
    expect(calls).toHaveLength(2);

    const built = nextBuild(service, fire);
    calls[1]!.open();
    await built;
    const fresh = (await (await app.request(`/api/stories/${fire}/factsheet`)).json()) as { freshness: { stale: boolean; articles: number }; articles: unknown[] };
    expect(fresh.freshness).toMatchObject({ stale: false, articles: 4 });
    expect(fresh.articles).toHaveLength(4);
    await service.close();
    await service.store.close();
  });

  it('reports a build over its time budget and keeps serving', async () => {
    const { builder, calls, called } = gatedBuilder();
    const { service, app, fire, logged } = await setup(builder, { maxMsPerBuild: 50 });
    const failed = nextBuild(service, fire);
    expect((await app.request(`/api/stories/${fire}/factsheet`)).status).toBe(202);
    // Never opened: the budget ends the build.
    const event = await failed;
    await called(1);
    expect(event.type).toBe('failed');
    const signal = calls.find((c) => c.input.story.id === fire)!.signal;
    expect(signal.aborted).toBe(true);
    const res = await app.request(`/api/stories/${fire}/factsheet`);
    expect(res.status).toBe(503);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('fact_sheet_failed');
    expect(body.error.message).toMatch(new RegExp(`story #${fire}: took longer than 50 ms`));
    expect(logged.length).toBeGreaterThanOrEqual(1);
    expect(service.factSheets.counts.failed).toBeGreaterThanOrEqual(1);
    // A late answer of the cancelled build is ignored.
    calls.find((c) => c.input.story.id === fire)!.open();
    await new Promise((resolve) => setImmediate(resolve));
    expect(await service.store.factSheets.get(fire)).toBeNull();
    expect((await app.request('/api/stories')).status).toBe(200);
    expect((await app.request('/api/outlets')).status).toBe(200);
    await service.close();
    await service.store.close();
  });

  it('writes nothing for a cancelled build', async () => {
    const { builder, calls, called } = gatedBuilder();
    const { service, app, fire } = await setup(builder);
    expect((await app.request(`/api/stories/${fire}/factsheet`)).status).toBe(202);
    await called(1);
    const call = calls.find((c) => c.input.story.id === fire)!;
    const cancelled = nextBuild(service, fire);
    service.factSheets.cancel(fire);
    expect(await cancelled).toMatchObject({ type: 'cancelled', storyId: fire });
    expect(call.signal.aborted).toBe(true);
    call.open();
    await new Promise((resolve) => setImmediate(resolve));
    expect(await service.store.factSheets.get(fire)).toBeNull();
    expect((await service.store.stories.entities({ limit: 100 })).length).toBe(0);
    const members = await service.store.stories.articleIds(fire);
    expect((await service.store.analyses.get(members, ARTICLE_ANALYSIS_VERSION)).size).toBe(0);
    expect(service.factSheets.counts).toMatchObject({ built: 0, cancelled: 1 });
    // A reader asking again starts a new build.
    expect((await app.request(`/api/stories/${fire}/factsheet`)).status).toBe(202);
    await called(2);
    expect(calls.filter((c) => c.input.story.id === fire)).toHaveLength(2);
    await service.close();
    expect(calls.every((c) => c.signal.aborted)).toBe(true);
    await service.store.close();
  });

  it('debounces joins per story and bounds the queue', async () => {
    const { builder, calls, called } = gatedBuilder();
    const service = await seeded(builder, { debounceMs: 60_000, queueLimit: 1 });
    const { stories } = await service.listStories({ limit: 20 });
    const [fire, library] = [3, 1].map((n) => stories.find((s) => s.articleCount === n)!.id) as [number, number];
    service.factSheets.articleJoined(fire);
    service.factSheets.articleJoined(fire);
    expect(service.factSheets.pending).toEqual({ waiting: 1, running: 0 });
    service.factSheets.articleJoined(library);
    expect(service.factSheets.pending).toEqual({ waiting: 1, running: 0 });
    expect(service.factSheets.counts.dropped).toBe(1);
    expect(calls).toHaveLength(0);
    // A reader's request runs the dropped story's build at once.
    expect((await service.factSheet(fire, { waitMs: 0 }))?.state).toBe('building');
    await called(1);
    expect(calls.map((c) => c.input.story.id)).toEqual([fire]);
    await service.close();
    await service.store.close();
  });

  it('builds in worker threads the same sheet as the inline builder', { timeout: 120_000 }, async () => {
    const pooled = await fixtureService({ sheetBuilder: 'workers', sheets: { debounceMs: 60_000, concurrency: 1 } });
    const inline = await fixtureService();
    try {
      const fire = (await pooled.listStories({ limit: 20 })).stories.find((s) => s.articleCount === 3)!.id;
      expect(await pooled.factSheetJson(fire)).toBe(await inline.factSheetJson(fire));
      const members = await pooled.store.stories.articleIds(fire);
      expect((await pooled.store.analyses.get(members, ARTICLE_ANALYSIS_VERSION)).size).toBe(3);
    } finally {
      await pooled.close();
      await inline.close();
      await pooled.store.close();
      await inline.store.close();
    }
  });
});

// The fixture's article count is part of these expectations.
expect(FIXTURE_ARTICLES).toHaveLength(4);
