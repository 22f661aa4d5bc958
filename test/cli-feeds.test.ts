import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOpml } from '../src/ingest/index.js';
import { runCrosscheck } from './helpers/cli.js';
import { startTestServer, type TestServer } from './helpers/http-server.js';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'cc-feeds-'));

const ARTICLE = `<!doctype html><html lang="en"><head><title>Harbour crane toppled by a storm gust</title>
<meta property="og:site_name" content="Local Courier"><meta property="article:published_time" content="2026-10-14T08:00:00Z"></head>
<body><article><h1>Harbour crane toppled by a storm gust</h1><p>A container crane at the east quay toppled on Monday night when a gust of wind hit the harbour during a storm, the port authority said.</p>
<p>No one was hurt, the authority said, and the quay will stay closed for at least a week while engineers inspect the rails.</p></article></body></html>`;

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/feed.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(
        `<?xml version="1.0"?><rss version="2.0"><channel><title>Local Courier</title><link>${server.origin}/</link><item><title>Harbour crane toppled</title><link>${server.url('/news/crane.html')}</link><guid>${server.url('/news/crane.html')}</guid></item></channel></rss>`,
      );
    } else if (path === '/news/crane.html') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE);
    else res.writeHead(404).end('not found');
  });
});

afterAll(async () => {
  await server.close();
});

describe('crosscheck feeds: OPML in and out', () => {
  it('imports the feeds of an OPML list without polling, lists them, and writes them back as OPML', async () => {
    const dir = tmp();
    const db = join(dir, 'cc.db');
    const opml = join(dir, 'list.opml');
    writeFileSync(
      opml,
      `<?xml version="1.0"?><opml version="2.0"><head><title>Desk</title></head><body>
        <outline text="World"><outline type="rss" text="Wire &amp; Co &lt;b&gt;" xmlUrl="https://wire.example/rss.xml"/></outline>
        <outline type="rss" text="Gazette" xmlUrl="https://gazette.example/feed"/>
      </body></opml>`,
    );
    const imported = await runCrosscheck(['feeds', 'import', opml, '--db', db]);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toMatch(/2 feeds added, 0 already watched/);
    const again = await runCrosscheck(['feeds', 'import', opml, '--db', db, '--json']);
    expect(JSON.parse(again.stdout)).toEqual({ listed: 2, added: 0, known: 2 });

    const listed = JSON.parse((await runCrosscheck(['feeds', '--db', db, '--json'])).stdout) as Array<{ url: string; title: string | null; lastPolledAt: string | null; lastStatus: number | null }>;
    expect(listed.map((f) => [f.url, f.title, f.lastPolledAt, f.lastStatus])).toEqual([
      ['https://gazette.example/feed', 'Gazette', null, null],
      ['https://wire.example/rss.xml', 'Wire & Co <b>', null, null],
    ]);

    const out = await runCrosscheck(['feeds', '--opml', '--db', db]);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('text="Wire &amp; Co &lt;b&gt;"');
    expect(parseOpml(out.stdout).map((f) => [f.url, f.title])).toEqual([
      ['https://gazette.example/feed', 'Gazette'],
      ['https://wire.example/rss.xml', 'Wire & Co <b>'],
    ]);
    const table = await runCrosscheck(['feeds', '--db', db]);
    expect(table.stdout).toMatch(/HTTP/);
  }, 120_000);

  it('watch with no feeds given polls the stored ones, and keeps the HTTP status of their last answer', async () => {
    const dir = tmp();
    const db = join(dir, 'cc.db');
    const opml = join(dir, 'list.opml');
    writeFileSync(opml, `<?xml version="1.0"?><opml version="2.0"><body><outline type="rss" text="Local Courier" xmlUrl="${server.url('/feed.xml')}"/></body></opml>`);
    expect((await runCrosscheck(['feeds', 'import', opml, '--db', db])).code).toBe(0);
    const watched = await runCrosscheck(['watch', '--once', '--db', db, '--allow-private', '--host-delay', '0', '--json']);
    expect(watched.code).toBe(0);
    const lines = watched.stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string });
    expect(lines.filter((l) => l.type === 'new')).toHaveLength(1);
    const [feed] = JSON.parse((await runCrosscheck(['feeds', '--db', db, '--json'])).stdout) as Array<{ url: string; lastStatus: number | null; lastSuccessAt: string | null; articlesFound: number }>;
    expect(feed).toMatchObject({ url: server.url('/feed.xml'), lastStatus: 200, articlesFound: 1 });
    expect(feed?.lastSuccessAt).not.toBeNull();
  }, 240_000);

  it('watch with no feeds given and none stored is an error (exit 2)', async () => {
    const dir = tmp();
    const db = join(dir, 'empty.db');
    const result = await runCrosscheck(['watch', '--once', '--db', db]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(db);
  }, 120_000);
});
