/**
 * Hostile input against a running server: while a pathological document is posted and processed,
 * other requests are answered (extraction runs in a worker thread, not on the thread serving
 * requests); what cannot be processed within its budget is refused with an error naming it.
 * Behaviour only, no timing: probes are counted, not timed.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, CrosscheckService, startServer, type RunningServer } from '../src/api/index.js';
import { SqliteStore } from '../src/store/index.js';
import { longArticleParagraphs, nestedDivs } from './helpers/hostile.js';

const TOKEN = 'hostile-test-token';

interface Answer {
  status: number;
  body: string;
}

/** One request; `onSent` runs once the whole body has been handed to the socket. */
function call(port: number, method: string, path: string, body?: string, onSent?: () => void): Promise<Answer> {
  return new Promise((resolveCall, reject) => {
    const headers: Record<string, string> = { Host: `127.0.0.1:${port}` };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      headers['Content-Length'] = String(Buffer.byteLength(body));
      headers.Authorization = `Bearer ${TOKEN}`;
    }
    let answered = false;
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolveCall({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    // A server that answers (413) before reading the whole body closes the socket while this side
    // still writes: that reset, after the answer, is expected and not a failure of the call.
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    req.on('socket', (socket) => socket.on('error', () => undefined));
    if (onSent) req.on('finish', onSent);
    req.end(body);
  });
}

/**
 * Posts `body` and, from the moment it is sent, probes the story list one request after another
 * until the post is answered. Returns the post's answer and how many probes were answered in
 * between (a server busy with the post on its own thread answers none, or the one or two that
 * slipped in while it was still reading the body).
 */
async function postWhileProbing(port: number, body: string): Promise<{ answer: Answer; probesAnswered: number; probeStatuses: Set<number> }> {
  let sent = false;
  let done = false;
  let probesAnswered = 0;
  const probeStatuses = new Set<number>();
  const post = call(port, 'POST', '/api/articles', body, () => (sent = true)).finally(() => (done = true));
  const probing = (async () => {
    while (!sent && !done) await new Promise((r) => setTimeout(r, 1));
    while (!done) {
      const probe = await call(port, 'GET', '/api/stories?limit=5');
      if (!done) {
        probesAnswered++;
        probeStatuses.add(probe.status);
      }
    }
  })();
  const answer = await post;
  await probing;
  return { answer, probesAnswered, probeStatuses };
}

describe('a server given hostile input', () => {
  let service: CrosscheckService;
  let server: RunningServer;

  beforeAll(async () => {
    // Sheets are not rebuilt during the test (a minute after a join); extraction is in worker threads, as served.
    service = new CrosscheckService({ store: SqliteStore.open(':memory:'), eventPollMs: 0, sheetBuilder: 'inline', sheets: { debounceMs: 600_000 } });
    server = await startServer(createApp({ service, token: TOKEN }), { host: '127.0.0.1', port: 0 });
    const ok = await call(server.port, 'POST', '/api/articles', JSON.stringify({ title: 'Harbour reopens', text: longArticleParagraphs(2_000, 3).join('\n\n'), source: 'Probe Times' }));
    expect(ok.status).toBe(201);
  }, 240_000);

  afterAll(async () => {
    await server?.close();
    await service?.close();
    await service?.store.close();
  }, 240_000);

  it('answers other requests while a page nested 400,000 deep (4.4 MB) is extracted, then stores it or refuses it by name', async () => {
    const html = nestedDivs(400_000);
    const { answer, probesAnswered, probeStatuses } = await postWhileProbing(server.port, JSON.stringify({ id: 'nested', title: 'Nested page', html, source: 'Hostile' }));
    expect(probesAnswered).toBeGreaterThanOrEqual(5);
    expect([...probeStatuses]).toEqual([200]);
    if (answer.status === 201) expect(JSON.parse(answer.body)).toMatchObject({ status: 'new' });
    else {
      // Over its budget on a slow machine: refused with the input named, never a 500.
      expect(answer.status).toBe(422);
      expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'over_budget' } });
      expect(answer.body).toContain('POST /api/articles');
    }
  }, 240_000);

  it('answers other requests while a 4 MB article of text is extracted, and stores it', async () => {
    const text = longArticleParagraphs(4_000_000, 5).join('\n\n');
    const { answer, probesAnswered, probeStatuses } = await postWhileProbing(server.port, JSON.stringify({ id: 'long', title: 'A very long report', text, source: 'Hostile' }));
    expect(probesAnswered).toBeGreaterThanOrEqual(5);
    expect([...probeStatuses]).toEqual([200]);
    expect(answer.status).toBe(201);
    const stored = JSON.parse(answer.body) as { articleId: number };
    const article = await call(server.port, 'GET', `/api/articles/${stored.articleId}`);
    expect(article.status).toBe(200);
  }, 240_000);

  it('refuses a body of JSON nested 2,000,000 deep without parsing it, naming the limit', async () => {
    const body = `{"text":"x","title":${'['.repeat(2_000_000)}${']'.repeat(2_000_000)}}`;
    const answer = await call(server.port, 'POST', '/api/articles', body);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'invalid_json' } });
    expect(answer.body).toMatch(/deeper than \d+ levels/);
    // Brackets inside strings are text, not nesting.
    const fine = await call(server.port, 'POST', '/api/articles', JSON.stringify({ title: '[[[[', text: `${'[{'.repeat(100)} ${longArticleParagraphs(1_000, 4).join(' ')}`, source: 'Brackets' }));
    expect(fine.status).toBe(201);
  }, 240_000);

  it('refuses a body over the size limit before reading it', async () => {
    const answer = await call(server.port, 'POST', '/api/articles', JSON.stringify({ title: 'Too big', text: 'x '.repeat(3_000_000) }));
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'payload_too_large' } });
  }, 240_000);
});
