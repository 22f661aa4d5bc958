import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/helpers/http-server.js';
import { RobotsCache } from './robots.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const fetch = { allowPrivate: true, timeoutMs: 2000 };

function robotsServer(robots: () => { status: number; body?: string; headers?: Record<string, string> }): Promise<TestServer> {
  return startTestServer((req, res) => {
    if (req.url === '/robots.txt') {
      const answer = robots();
      res.writeHead(answer.status, { 'content-type': 'text/plain', ...answer.headers }).end(answer.body ?? '');
    } else {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<p>page</p>');
    }
  });
}

const robotsCount = (s: TestServer): number => s.requests.filter((r) => r.path === '/robots.txt').length;

describe('RobotsCache', () => {
  it('obeys the crosscheck group over *, with its Crawl-delay', async () => {
    server = await robotsServer(() => ({
      status: 200,
      body: 'User-agent: *\nDisallow: /\n\nUser-agent: crosscheck\nDisallow: /private/\nAllow: /private/ok\nCrawl-delay: 2\n',
    }));
    const robots = new RobotsCache({ fetch });
    expect(await robots.check(server.url('/news/a'))).toEqual({ allowed: true, basis: 'rules', crawlDelayMs: 2000, retryAfterMs: null });
    expect((await robots.check(server.url('/private/x'))).allowed).toBe(false);
    expect((await robots.check(server.url('/private/ok'))).allowed).toBe(true);
    expect(robotsCount(server)).toBe(1);
  });

  it('falls back to the * group', async () => {
    server = await robotsServer(() => ({ status: 200, body: 'User-agent: *\nDisallow: /drafts\n' }));
    const robots = new RobotsCache({ fetch });
    expect((await robots.check(server.url('/drafts/1'))).allowed).toBe(false);
    expect((await robots.check(server.url('/live/1'))).allowed).toBe(true);
  });

  it('allows everything when robots.txt is missing (404)', async () => {
    server = await robotsServer(() => ({ status: 404 }));
    const robots = new RobotsCache({ fetch });
    expect(await robots.check(server.url('/anything'))).toMatchObject({ allowed: true, basis: 'none' });
  });

  it('disallows for now on 5xx, and tries again after the failure TTL', async () => {
    let status = 503;
    server = await robotsServer(() => ({ status, body: 'User-agent: *\nDisallow: /no\n', headers: status === 503 ? { 'retry-after': '120' } : {} }));
    let now = 1_000_000;
    const robots = new RobotsCache({ fetch, now: () => now, failureTtlMs: 60_000 });
    const first = await robots.check(server.url('/a'));
    expect(first).toMatchObject({ allowed: false, basis: 'unavailable', retryAfterMs: 120_000 });
    status = 200;
    now += 60_000;
    expect((await robots.check(server.url('/a'))).allowed).toBe(false);
    expect(robotsCount(server)).toBe(1);
    now += 61_000;
    expect(await robots.check(server.url('/a'))).toMatchObject({ allowed: true, basis: 'rules' });
    expect((await robots.check(server.url('/no'))).allowed).toBe(false);
    expect(robotsCount(server)).toBe(2);
  });

  it('disallows for now when robots.txt times out', async () => {
    server = await startTestServer(() => undefined);
    const robots = new RobotsCache({ fetch: { ...fetch, timeoutMs: 200 } });
    expect(await robots.check(server.url('/a'))).toMatchObject({ allowed: false, basis: 'unavailable' });
  });

  it('fetches once per origin per TTL, sharing concurrent checks', async () => {
    server = await robotsServer(() => ({ status: 200, body: 'User-agent: *\nAllow: /\n' }));
    let now = 0;
    const robots = new RobotsCache({ fetch, now: () => now, ttlMs: 1000 });
    await Promise.all([robots.check(server.url('/1')), robots.check(server.url('/2')), robots.check(server.url('/3'))]);
    expect(robotsCount(server)).toBe(1);
    now = 2000;
    await robots.check(server.url('/4'));
    expect(robotsCount(server)).toBe(2);
  });

  it('throws for a refused address instead of guessing', async () => {
    const robots = new RobotsCache({ fetch: { timeoutMs: 1000 } });
    await expect(robots.check('http://169.254.169.254/latest')).rejects.toMatchObject({ code: 'blocked_address' });
  });
});
