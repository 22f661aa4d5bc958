import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCrosscheckAsync, spawnCrosscheck } from './helpers/cli.js';
import { startTestServer, type TestServer } from './helpers/http-server.js';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'cc-live-'));

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><title>${title} | Test Herald</title>
<meta property="og:site_name" content="Test Herald"><meta property="article:published_time" content="2026-10-14T08:00:00Z"></head>
<body><nav><a href="/">Home</a></nav><article><h1>${title}</h1>${body
    .split('\n')
    .map((p) => `<p>${p}</p>`)
    .join('')}</article><footer>Subscribe to our newsletter</footer></body></html>`;
}

const ARTICLES: Record<string, [string, string]> = {
  '/news/dam.html': [
    'Engineers inspect the old river dam after heavy rain',
    'Engineers began a full inspection of the old river dam on Tuesday after three days of heavy rain raised the reservoir to its highest level in a decade, the water board said.\nThe board said the structure was sound but that it would release water gradually over the coming week to relieve pressure on the spillway, and asked residents downstream to stay away from the banks.',
  ],
  '/news/library.html': [
    'City library reopens after two years of renovation',
    'The central city library reopened its doors on Saturday after a two-year renovation that added a children\'s wing, a rooftop reading room and longer opening hours on weekdays.\n"We wanted a building that people would want to spend a whole afternoon in," the head librarian said at the opening, as hundreds of visitors queued outside.',
  ],
  '/news/ferry.html': [
    'Night ferry service to the islands resumes in spring',
    'The night ferry between the mainland port and the outer islands will resume in April after a winter pause, the operator announced, with two sailings a week and cheaper fares for island residents.\nIsland councils had campaigned for the service to return, saying that the pause had left workers and students without a way to travel after the last afternoon boat.',
  ],
};

let entries = ['/news/dam.html', '/news/library.html'];

function rss(origin: string): string {
  const items = entries
    .map((path) => {
      const [title] = ARTICLES[path] ?? ['?'];
      return `<item><title>${title}</title><link>${origin}${path}</link><guid>${origin}${path}</guid><pubDate>Wed, 14 Oct 2026 08:00:00 GMT</pubDate><description>Summary of ${title}</description></item>`;
    })
    .join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Test Herald</title><link>${origin}/</link>${items}</channel></rss>`;
}

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/robots.txt') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private/\n');
    } else if (path === '/feed.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(server.origin));
    } else if (ARTICLES[path]) {
      const [title, body] = ARTICLES[path];
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(title, body));
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
});

afterAll(async () => {
  await server.close();
});

interface Summary {
  new: number;
  known: number;
  failed: number;
  failures: Array<{ input: string; code: string; message: string }>;
}

describe('live sources from the command line (local server on 127.0.0.1)', () => {
  it('ingests a page by URL with its metadata, and refuses private addresses and other schemes unless allowed', async () => {
    const db = join(tmp(), 'cc.db');
    const url = server.url('/news/dam.html');
    const refused = await runCrosscheckAsync(['ingest', url, 'javascript:alert(1)', 'file:///etc/passwd', '--db', db, '--json']);
    expect(refused.code).toBe(1);
    const failures = (JSON.parse(refused.stdout) as Summary).failures;
    expect(failures.map((f) => f.code).sort()).toEqual(['bad_url', 'bad_url', 'blocked_address']);
    expect(failures.find((f) => f.code === 'blocked_address')?.message).toContain('127.0.0.1');

    const allowed = await runCrosscheckAsync(['ingest', url, '--db', db, '--allow-private', '--json']);
    expect(allowed.code).toBe(0);
    expect((JSON.parse(allowed.stdout) as Summary).new).toBe(1);
    const articles = JSON.parse((await runCrosscheckAsync(['articles', '--db', db, '--json'])).stdout) as Array<{ title: string; source: string; url: string; published: string }>;
    expect(articles[0]).toMatchObject({ title: 'Engineers inspect the old river dam after heavy rain', source: 'Test Herald', url });
    expect(articles[0]?.published).toMatch(/^2026-10-14/);
  }, 120_000);

  it('watches a feed listed in an OPML file: new entries as they appear, nothing twice after a restart', async () => {
    const dir = tmp();
    const db = join(dir, 'cc.db');
    const opml = join(dir, 'feeds.opml');
    writeFileSync(opml, `<?xml version="1.0"?><opml version="2.0"><body><outline text="Test Herald" type="rss" xmlUrl="${server.url('/feed.xml')}"/></body></opml>`);
    entries = ['/news/dam.html', '/news/library.html'];
    const requestsBefore = server.requests.length;
    const first = await runCrosscheckAsync(['watch', opml, '--db', db, '--allow-private', '--host-delay', '0', '--once', '--json']);
    expect(first.code).toBe(0);
    const newLines = (out: string): number => out.split('\n').filter((l) => l.includes('"type":"new"')).length;
    expect(newLines(first.stdout)).toBe(2);

    entries = ['/news/ferry.html', '/news/dam.html', '/news/library.html'];
    const second = await runCrosscheckAsync(['watch', opml, '--db', db, '--allow-private', '--host-delay', '0', '--once', '--json']);
    expect(second.code).toBe(0);
    expect(newLines(second.stdout)).toBe(1);
    const pageFetches = server.requests.slice(requestsBefore).filter((r) => r.path.startsWith('/news/'));
    expect(pageFetches.filter((r) => r.path === '/news/dam.html').length).toBe(1);

    const feeds = JSON.parse((await runCrosscheckAsync(['feeds', '--db', db, '--json'])).stdout) as Array<{ url: string; articlesFound: number; lastError: string | null }>;
    expect(feeds).toHaveLength(1);
    expect(feeds[0]).toMatchObject({ url: server.url('/feed.xml'), articlesFound: 3, lastError: null });
    const stories = JSON.parse((await runCrosscheckAsync(['stories', '--db', db, '--json'])).stdout) as unknown[];
    expect(stories.length).toBe(3);
  }, 180_000);

  it('serves the API and watches a feed in the same process (serve --watch)', async () => {
    const db = join(tmp(), 'cc.db');
    entries = ['/news/dam.html', '/news/library.html'];
    const child = spawnCrosscheck(['serve', '--db', db, '--port', '0', '--watch', server.url('/feed.xml'), '--allow-private', '--host-delay', '0']);
    try {
      const address = await new Promise<string>((resolveAddress, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`serve printed no address: ${out}`)), 60_000);
        child.stdout?.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const match = /serving (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
          if (match?.[1]) {
            clearTimeout(timer);
            resolveAddress(match[1]);
          }
        });
      });
      // Poll the API until the watcher's articles are served (bounded: 60 tries, 0.5 s apart).
      let stories: unknown[] = [];
      for (let i = 0; i < 60 && stories.length < 2; i++) {
        await new Promise((r) => setTimeout(r, 500));
        const response = await fetch(`${address}/api/stories`);
        stories = ((await response.json()) as { stories: unknown[] }).stories;
      }
      expect(stories).toHaveLength(2);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  }, 120_000);
});
