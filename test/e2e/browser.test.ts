/**
 * End-to-end: the server on a random port over a store with the example articles (and the seeds
 * when ../shared is present), driven by Debian's Chromium through playwright-core. Skips, saying
 * why, when /usr/bin/chromium is absent (install it with `apt-get install -y chromium`).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, CrosscheckService, startServer, type RunningServer } from '../../src/api/index.js';
import { seedExamples } from '../../src/cli/commands/serve.js';
import { readInputs } from '../../src/ingest/index.js';
import { assignPendingStories, ingestDocuments } from '../../src/pipeline/index.js';
import { SqliteStore } from '../../src/store/index.js';
import { createWebApp } from '../../src/web/index.js';
import { REPO_ROOT, SEEDS_DIR } from '../helpers/cli.js';

const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
if (!HAS_CHROMIUM && process.env.CROSSCHECK_REQUIRE_BROWSER) throw new Error(`browser tests required (CROSSCHECK_REQUIRE_BROWSER) but ${CHROMIUM} is missing`);
if (!HAS_CHROMIUM) console.warn(`browser tests skipped: ${CHROMIUM} not found (apt-get install -y chromium)`);

const TOKEN = 'e2e-token';
/**
 * Screenshots of each run go to test-results/screenshots (not tracked); the README shows copies in
 * docs/screenshots, refreshed with `cp test-results/screenshots/*.png docs/screenshots/`.
 */
const SCREENSHOTS = resolve(REPO_ROOT, 'test-results', 'screenshots');

/** Articles that try every trick: they must show as text and run nothing. */
const HOSTILE = [
  {
    title: '<script>window.__pwned = "title"</script>Storm <img src=x onerror="window.__pwned=\'img\'"> hits Brightwater',
    source: '<svg onload="window.__pwned=\'svg\'">Evil Outlet</svg>',
    url: 'https://brightwater.example/storm',
    html: `<html><head><title>Storm hits Brightwater</title></head><body><article><h1>Storm hits Brightwater <script>window.__pwned='h1'</script></h1>
<p>A storm brought down trees across Brightwater on Sunday, cutting power to 4,000 homes, the utility said. <img src="x" onerror="window.__pwned='para'; alert(1)"></p>
<p>Residents were told to stay indoors. <a href="javascript:window.__pwned='link'">Click for the forecast</a> and <svg><script>window.__pwned='svgscript'</script></svg> more.</p>
<p>&lt;script&gt;window.__pwned='escaped'&lt;/script&gt; The storm is expected to pass by Monday morning, forecasters said.</p>
</article></body></html>`,
    published: '2026-10-12',
  },
  {
    title: 'Brightwater clean-up <iframe src="javascript:alert(1)"></iframe>',
    source: 'Plain "Text" Daily',
    url: 'https://plaintext.example/cleanup',
    text: 'Crews began clearing fallen trees across Brightwater on Monday morning, a day after the storm brought down power lines, the city said.\n\nThe utility said power was restored to 3,500 of the 4,000 homes. <img src=x onerror=alert(1)> javascript:alert(1)\n\nWorkers expect to finish by Wednesday, the utility said. <script>window.__pwned="text"</script>',
    published: '2026-10-13',
  },
];

describe.skipIf(!HAS_CHROMIUM)('crosscheck serve in a browser', () => {
  let dir: string;
  let store: SqliteStore;
  let service: CrosscheckService;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  const hostileIds: number[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cc-e2e-'));
    store = SqliteStore.open(join(dir, 'store.db'));
    await seedExamples(store);
    if (existsSync(SEEDS_DIR)) {
      await ingestDocuments(readInputs([SEEDS_DIR], { date: '2025-03-27' }), store);
      await assignPendingStories(store);
    }
    service = new CrosscheckService({ store });
    server = await startServer(createApp({ service, token: TOKEN, web: createWebApp(service), logError: () => undefined }), { host: '127.0.0.1', port: 0 });
    for (const article of HOSTILE) {
      const res = await fetch(`${server.url}/api/articles`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify(article),
      });
      expect(res.status).toBe(201);
      hostileIds.push(((await res.json()) as { articleId: number }).articleId);
    }
    // Sheets are built in worker threads; have them ready before the pages are visited.
    for (const story of (await service.listStories({ limit: 100 })).stories) await service.factSheetJson(story.id);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
    });
    page = await browser.newPage({ viewport: { width: 1200, height: 900 }, acceptDownloads: true });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await service?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('lists stories, searches, and opens a story', async () => {
    await page.goto(`${server.url}/`);
    expect(await page.locator('h1').textContent()).toBe('Stories');
    expect(await page.locator('.story-card').count()).toBeGreaterThanOrEqual(3);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'list.png') });
    await page.fill('#site-search', 'ferry Marena');
    await page.press('#site-search', 'Enter');
    await page.waitForURL(/\?q=ferry/);
    const titles = await page.locator('.story-title a').allTextContents();
    expect(titles.length).toBeGreaterThanOrEqual(1);
    expect(titles.join(' ')).toMatch(/Marena|ferry/i);
    // Each result says what matched: an excerpt with the matched words marked.
    const snippet = page.locator('.story-card .snippet').first();
    expect(await snippet.locator('mark').count()).toBeGreaterThan(0);
    expect((await snippet.locator('mark').allTextContents()).join(' ')).toMatch(/ferry|Marena/i);
    await page.locator('.story-title a').first().click();
    await page.waitForURL(/\/stories\/\d+$/);
    expect(await page.locator('#summary .summary li').count()).toBeGreaterThan(0);
  }, 30_000);

  it('shows figures with disagreements, the timeline chart, and saves a screenshot', async () => {
    const ferry = (await service.listStories({ limit: 5, q: 'Marena ferry' })).stories[0]!;
    await page.goto(`${server.url}/stories/${ferry.id}`);
    const disagreements = page.locator('table.figures tr.disagree');
    expect(await disagreements.count()).toBeGreaterThan(0);
    expect(await disagreements.first().locator('.badge').textContent()).toMatch(/Differ|Conflict/);
    expect(await page.locator('svg.timeline-chart .mark').count()).toBeGreaterThan(0);
    expect(await page.locator('ol.timeline > li').count()).toBeGreaterThan(0);
    // The enhancement: only disagreements.
    await page.check('#only-disagreements');
    expect(await page.locator('table.figures tbody tr:not([hidden])').count()).toBe(await disagreements.count());
    await page.uncheck('#only-disagreements');
    await page.setViewportSize({ width: 1200, height: 1700 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SCREENSHOTS, 'story.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.evaluate(() => window.scrollTo(0, 0));
    // On a phone the page is one column: nothing wider than the screen but the scrollable table box.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(SCREENSHOTS, 'story-phone.png') });
    await page.setViewportSize({ width: 1200, height: 900 });
  }, 30_000);

  it('opens a story on the digest: reach, latest facts, disagreements in one line each, downloads', async () => {
    const ferry = (await service.listStories({ limit: 5, q: 'Marena ferry' })).stories[0]!;
    await page.goto(`${server.url}/stories/${ferry.id}`);
    const digest = page.locator('section.digest');
    expect(await digest.isVisible()).toBe(true);
    // The digest comes before every other section, and starts on the first screen.
    expect(await page.evaluate(() => {
      const d = document.querySelector('section.digest')!;
      return Boolean(d.compareDocumentPosition(document.getElementById('summary')!) & Node.DOCUMENT_POSITION_FOLLOWING) && d.getBoundingClientRect().top < window.innerHeight;
    })).toBe(true);
    const reach = await digest.locator('.reach').innerText();
    expect(reach).toMatch(/\d+ articles? from \d+ outlets?, \d+ independent sources?/);
    // One outlet count: the digest, the outlet chips and the story list agree.
    const outlets = Number(/from (\d+) outlet/.exec(reach)?.[1]);
    expect(outlets).toBe(ferry.outlets.length);
    expect(await page.locator('.story-header .outlet-chips li').count()).toBe(outlets);
    expect(await digest.locator('.latest li').count()).toBeGreaterThan(0);
    const line = digest.locator('.disagreements li').first();
    expect(await line.innerText()).toMatch(/: .+ vs .+/);
    // Each line links to the figure (or event) it sums up.
    const href = (await line.locator('a').first().getAttribute('href'))!;
    expect(href).toMatch(/^#[ft]-[a-z0-9-]+$/);
    expect(await page.locator(href).count()).toBe(1);
    expect(await digest.locator('a[download]').count()).toBe(3);
  }, 30_000);

  it('folds every long section to its first items, and unfolds without the script', async () => {
    const ferry = (await service.listStories({ limit: 5, q: 'Marena ferry' })).stories[0]!;
    const folded = page.locator('details.more');
    await page.goto(`${server.url}/stories/${ferry.id}`);
    expect(await folded.count()).toBeGreaterThan(0);
    const figuresMore = page.locator('#figures details.more').first();
    expect(await figuresMore.locator('summary').innerText()).toMatch(/^Show \d+ more figures?$/);
    const hiddenRow = figuresMore.locator('tbody tr').first();
    expect(await hiddenRow.isVisible()).toBe(false);
    // Without JavaScript: <details> opens by itself.
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1200, height: 900 } });
    try {
      const plain = await context.newPage();
      await plain.goto(`${server.url}/stories/${ferry.id}`);
      const more = plain.locator('#figures details.more').first();
      await more.locator('summary').click();
      expect(await more.locator('tbody tr').first().isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  }, 30_000);

  it('has a permalink on every figure, quote and event, that opens a folded section', async () => {
    const ferry = (await service.listStories({ limit: 5, q: 'Marena ferry' })).stories[0]!;
    await page.goto(`${server.url}/stories/${ferry.id}`);
    for (const selector of ['table.figures tbody tr', 'li.quote', 'ol.timeline > li']) {
      const items = page.locator(selector);
      const n = await items.count();
      expect(n).toBeGreaterThan(0);
      const ids = await items.evaluateAll((els) => els.map((el) => [el.id, el.querySelector('a.permalink')?.getAttribute('href') ?? '']));
      for (const [id, link] of ids) expect(link).toBe(`#${id}`);
    }
    // A figure folded away under "show more": its link opens the fold and marks it.
    const target = await page.locator('#figures details.more tbody tr').first().getAttribute('id');
    expect(target).toMatch(/^f-/);
    await page.goto(`${server.url}/stories/${ferry.id}#${target}`);
    await page.waitForFunction((id) => document.getElementById(id!)?.closest('details')?.open === true, target);
    expect(await page.locator(`#${target}`).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(target);
    // Anchors come from content: the same after a reload.
    await page.reload();
    expect(await page.locator(`#${target}`).count()).toBe(1);
  }, 30_000);

  it('downloads the story as Markdown, JSON and CSL-JSON', async () => {
    const ferry = (await service.listStories({ limit: 5, q: 'Marena ferry' })).stories[0]!;
    await page.goto(`${server.url}/stories/${ferry.id}`);
    const expected: Array<[string, string, RegExp]> = [
      ['Markdown report', `story-${ferry.id}.md`, /^# Fact sheet: /],
      ['JSON', `story-${ferry.id}.json`, /^\{"version":\d+/],
      ['citations (CSL-JSON)', `story-${ferry.id}.csl.json`, /"type": "article-newspaper"/],
    ];
    for (const [name, file, content] of expected) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.downloads').getByRole('link', { name, exact: true }).click()]);
      expect(download.suggestedFilename()).toBe(file);
      const path = await download.path();
      expect(readFileSync(path, 'utf8')).toMatch(content);
    }
  }, 30_000);

  it('tells what changed since the last visit (kept in the browser)', async () => {
    const ferry = (await service.listStories({ limit: 5, q: 'Marena ferry' })).stories[0]!;
    await page.goto(`${server.url}/stories/${ferry.id}`);
    const since = page.locator('#since-visit');
    const ids = (await since.getAttribute('data-articles'))!.split(' ');
    const figures = (await since.getAttribute('data-figures'))!.split(' ');
    expect(ids.length).toBeGreaterThan(1);
    // As if the last visit saw one article and one figure fewer.
    await page.evaluate(
      ([key, state]) => window.localStorage.setItem(key!, state!),
      [`crosscheck:story:${ferry.id}`, JSON.stringify({ at: '2026-10-14T08:00:00.000Z', articles: ids.slice(1), figures: figures.slice(1) })],
    );
    await page.reload();
    await page.waitForSelector('#since-visit:not([hidden])');
    const text = await since.innerText();
    expect(text).toContain('Since your last visit (2026-10-14 08:00 UTC)');
    expect(text).toMatch(/1 new article \(.+\)/);
    expect(text).toMatch(/1 new figure/);
    expect(text).not.toMatch(/#\d/);
    // The visit is remembered: the next view has nothing new.
    await page.reload();
    await page.waitForSelector('#since-visit:not([hidden])');
    expect(await since.innerText()).toMatch(/nothing new/);
  }, 30_000);

  it('gives the coverage chart as a table a keyboard can reach', async () => {
    const ferry = (await service.listStories({ limit: 5, q: 'Marena ferry' })).stories[0]!;
    await page.goto(`${server.url}/stories/${ferry.id}`);
    const region = page.locator('#sources [role="region"]').first();
    expect(await region.getAttribute('tabindex')).toBe('0');
    expect(await region.getAttribute('aria-label')).toMatch(/Sources/);
    const rows = await page.locator('table.sources tbody tr').count();
    expect(rows).toBeGreaterThan(0);
    // Each row of the chart is one link to its row of the table.
    const chartRow = page.locator('svg.coverage-chart a.row').first();
    expect(await page.locator('svg.coverage-chart').getAttribute('aria-label')).toMatch(/table below/);
    await chartRow.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /^#src-\d+$/.test(location.hash));
    const target = await page.evaluate(() => location.hash.slice(1));
    expect(await page.locator(`#${target}`).isVisible()).toBe(true);
    // The table's links are in the tab order and lead to the article.
    await page.locator(`#${target} th a`).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/articles\/\d+$/);
  }, 30_000);

  it('follows a citation to the sentence in its article', async () => {
    const ferry = (await service.listStories({ limit: 5, q: 'Marena ferry' })).stories[0]!;
    await page.goto(`${server.url}/stories/${ferry.id}`);
    const chip = page.locator('#summary a.cite').first();
    const href = (await chip.getAttribute('href'))!;
    expect(href).toMatch(/^\/articles\/\d+#s\d+$/);
    await chip.click();
    await page.waitForURL(/\/articles\/\d+#s\d+$/);
    const anchor = href.split('#')[1]!;
    const target = page.locator(`#${anchor}`);
    expect(await target.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(anchor);
    // The summary sentence is that sentence of the article.
    expect((await target.textContent())!.length).toBeGreaterThan(10);
    expect(await page.locator('mark.s.shared').count()).toBeGreaterThan(0);
  }, 30_000);

  it('is keyboard navigable: the first Tab reaches the skip link', async () => {
    await page.goto(`${server.url}/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#main');
  });

  it('announces articles stored while the list is open (SSE)', async () => {
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => document.querySelector('#live-updates') !== null);
    // Give the EventSource a moment to connect before the article arrives.
    await page.waitForTimeout(300);
    const res = await fetch(`${server.url}/api/articles`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ text: 'The Solvaro marathon drew 12,000 runners on Sunday, a record for the race, the organisers said.', source: 'Sports Desk', published: '2026-10-16' }),
    });
    expect(res.status).toBe(201);
    await page.waitForSelector('#live-updates:not([hidden])', { timeout: 5000 });
    expect(await page.locator('#live-updates').innerText()).toContain('Sports Desk');
  });

  it('shows hostile articles as text and runs none of their code', async () => {
    for (const id of hostileIds) {
      await page.goto(`${server.url}/articles/${id}`);
      await page.waitForTimeout(100);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
      expect(await page.locator('a[href^="javascript:"], iframe, img[src="x"], [onerror], [onload]').count()).toBe(0);
    }
    await page.goto(`${server.url}/articles/${hostileIds[1]}`);
    const text = await page.locator('.article-view').innerText();
    expect(text).toContain('<script>window.__pwned="text"</script>');
    expect(text).toContain('<img src=x onerror=alert(1)>');
    expect(await page.locator('h1').innerText()).toContain('<iframe src="javascript:alert(1)"></iframe>');
    await page.goto(`${server.url}/?q=Brightwater`);
    expect(await page.locator('.story-card').count()).toBeGreaterThan(0);
    expect(await page.locator('body').innerText()).toMatch(/<svg onload=/);
    const story = (await service.listStories({ limit: 5, q: 'Brightwater' })).stories[0]!;
    await page.goto(`${server.url}/stories/${story.id}`);
    await page.waitForTimeout(100);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 30_000);
});
