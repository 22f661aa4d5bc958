import { randomBytes } from 'node:crypto';
import { brotliCompressSync, constants, deflateRawSync, gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/helpers/http-server.js';
import { CrosscheckError } from '../core/errors.js';
import { fetchDocument, HttpRetryableError, HttpStatusError, type FetchOptions } from './fetch.js';
import type { LookupFunction } from './url-guard.js';

/** Lets the tests reach their own server on 127.0.0.1 and nothing else private. */
const onlyLoopback = (address: string): boolean => address === '127.0.0.1';
const FAST: FetchOptions = { allowPrivate: onlyLoopback, timeoutMs: 2000, connectTimeoutMs: 1000 };

/** Maps every hostname to a fixed address without DNS. */
function fixedLookup(address: string): LookupFunction {
  return (_hostname, options, callback) => {
    const family = address.includes(':') ? 6 : 4;
    if (options.all === true) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
}

async function fetchError(url: string, options: FetchOptions): Promise<CrosscheckError> {
  try {
    await fetchDocument(url, options);
  } catch (error) {
    expect(error).toBeInstanceOf(CrosscheckError);
    return error as CrosscheckError;
  }
  throw new Error(`expected ${url} to fail`);
}

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('fetchDocument: URLs and addresses', () => {
  it.each(['file:///etc/passwd', 'ftp://example.com/a', 'javascript:alert(1)', 'data:text/html,<p>x</p>', 'not a url', 'gopher://x/'])(
    'refuses %s with bad_url naming it',
    async (url) => {
      const error = await fetchError(url, FAST);
      expect(error.code).toBe('bad_url');
      expect(error.message).toContain(url.slice(0, 8));
    },
  );

  it('fetches a page and reports its fields, with a User-Agent naming crosscheck', async () => {
    server = await startTestServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag: '"v1"', 'last-modified': 'Wed, 21 Oct 2015 07:28:00 GMT' });
      res.end('<html><head><title>Hi</title></head><body><p>Café</p></body></html>');
    });
    const result = await fetchDocument(server.url('/a'), FAST);
    expect(result).toMatchObject({
      requestedUrl: server.url('/a'),
      finalUrl: server.url('/a'),
      status: 200,
      contentType: 'text/html',
      kind: 'html',
      etag: '"v1"',
      lastModified: 'Wed, 21 Oct 2015 07:28:00 GMT',
    });
    expect(result.body).toContain('Café');
    expect(server.requests[0]?.headers['user-agent']).toMatch(/^crosscheck\/\S+ \(\+https:\/\/github\.com\/crosscheck\)$/);
  });

  it('refuses 127.0.0.1 without allowPrivate, before any request', async () => {
    server = await startTestServer((_req, res) => res.end('secret'));
    const error = await fetchError(server.url('/'), { timeoutMs: 2000 });
    expect(error.code).toBe('blocked_address');
    expect(error.message).toContain(server.url('/'));
    expect(server.requests).toHaveLength(0);
  });

  it('refuses a hostname that resolves to loopback (localhost) without allowPrivate', async () => {
    server = await startTestServer((_req, res) => res.end('secret'));
    const url = `http://localhost:${server.port}/`;
    const error = await fetchError(url, { timeoutMs: 2000 });
    expect(error.code).toBe('blocked_address');
    expect(error.message).toContain(url);
    expect(server.requests).toHaveLength(0);
  });

  it('refuses a hostname resolving to the metadata address, and one with any private address among its answers', async () => {
    const metadata = await fetchError('http://metadata.test/latest/', { ...FAST, lookup: fixedLookup('169.254.169.254') });
    expect(metadata.code).toBe('blocked_address');
    expect(metadata.message).toMatch(/169\.254\.169\.254.*metadata\.test/);
    const mixed: LookupFunction = (_h, _o, callback) =>
      callback(null, [
        { address: '93.184.216.34', family: 4 },
        { address: '10.1.2.3', family: 4 },
      ]);
    expect((await fetchError('http://mixed.test/', { ...FAST, lookup: mixed })).code).toBe('blocked_address');
  });

  it.each(['http://10.0.0.1/', 'http://169.254.169.254/latest/meta-data/', 'http://[::1]/', 'http://[::ffff:10.0.0.1]/', 'http://0.0.0.0/', 'http://100.64.1.1/', 'http://[fd00::1]/', 'http://[fe80::1]/'])(
    'refuses the private literal %s',
    async (url) => {
      const error = await fetchError(url, FAST);
      expect(error.code).toBe('blocked_address');
    },
  );

  it.each(['http://127.1/', 'http://0x7f.1/', 'http://2130706433/', 'http://[::ffff:127.0.0.1]/'])('refuses the loopback spelling %s without allowPrivate', async (url) => {
    const error = await fetchError(url, { timeoutMs: 2000 });
    expect(error.code).toBe('blocked_address');
  });

  it('refuses a redirect from an allowed host to a private address, before connecting to it', async () => {
    server = await startTestServer((req, res) => {
      const to = req.url === '/to-ten' ? 'http://10.0.0.1/admin' : req.url === '/to-meta' ? 'http://169.254.169.254/latest/meta-data/' : 'http://internal.test/';
      res.writeHead(302, { location: to }).end();
    });
    const ten = await fetchError(server.url('/to-ten'), FAST);
    expect(ten.code).toBe('blocked_address');
    expect(ten.message).toContain('http://10.0.0.1/admin');
    expect(ten.message).toContain(server.url('/to-ten'));
    expect((await fetchError(server.url('/to-meta'), FAST)).code).toBe('blocked_address');
    // A hostname on the redirect that resolves to a private address (DNS answer checked, no connect).
    const lookup: LookupFunction = (hostname, options, callback) => fixedLookup(hostname === 'internal.test' ? '192.168.1.1' : '127.0.0.1')(hostname, options, callback);
    expect((await fetchError(server.url('/to-internal'), { ...FAST, lookup })).code).toBe('blocked_address');
  });
});

describe('fetchDocument: redirects and deadlines', () => {
  it('follows a few redirects and reports the final URL', async () => {
    server = await startTestServer((req, res) => {
      const n = Number(req.url?.slice(1));
      if (n < 3) res.writeHead(301, { location: `/${n + 1}` }).end();
      else res.writeHead(200, { 'content-type': 'text/plain' }).end('done');
    });
    const result = await fetchDocument(server.url('/0'), FAST);
    expect(result.finalUrl).toBe(server.url('/3'));
    expect(result.redirects).toEqual([server.url('/1'), server.url('/2'), server.url('/3')]);
    expect(result.body).toBe('done');
  });

  it('stops after 5 redirects and on a loop', async () => {
    server = await startTestServer((req, res) => {
      if (req.url === '/a') res.writeHead(302, { location: '/b' }).end();
      else if (req.url === '/b') res.writeHead(302, { location: '/a' }).end();
      else res.writeHead(302, { location: `/x${Number(req.url?.slice(2) || 0) + 1}` }).end();
    });
    const chain = await fetchError(server.url('/x0'), FAST);
    expect(chain.code).toBe('too_many_redirects');
    expect(chain.message).toContain(server.url('/x0'));
    const loop = await fetchError(server.url('/a'), FAST);
    expect(loop.code).toBe('too_many_redirects');
    expect(loop.message).toMatch(/loop/i);
  });

  it('gives up on a server that never answers', async () => {
    server = await startTestServer(() => undefined);
    const error = await fetchError(server.url('/silent'), { ...FAST, timeoutMs: 300 });
    expect(error.code).toBe('fetch_timeout');
    expect(error.message).toContain(server.url('/silent'));
  });

  it('gives up on a body that trickles one byte at a time (total deadline)', async () => {
    let timer: NodeJS.Timeout | undefined;
    server = await startTestServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      timer = setInterval(() => res.write('a'), 40);
      res.on('close', () => clearInterval(timer));
    });
    const error = await fetchError(server.url('/slow'), { ...FAST, timeoutMs: 400 });
    clearInterval(timer);
    expect(error.code).toBe('fetch_timeout');
  });

  it('stops when the caller aborts', async () => {
    server = await startTestServer(() => undefined);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await fetchError(server.url('/'), { ...FAST, signal: controller.signal });
    expect(error.code).toBe('fetch_failed');
    expect(error.message).toMatch(/aborted/);
  });
});

describe('fetchDocument: hostile bodies', () => {
  it('stops reading a 200 MB body at the cap without the server sending it all', async () => {
    const total = 200 * 1024 * 1024;
    let sent = 0;
    server = await startTestServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      const pump = (): void => {
        while (sent < total && !res.destroyed) {
          sent += chunk.length;
          if (!res.write(chunk)) {
            res.once('drain', pump);
            return;
          }
        }
        if (!res.destroyed) res.end();
      };
      pump();
    });
    const error = await fetchError(server.url('/huge'), { ...FAST, maxBytes: 1024 * 1024 });
    expect(error.code).toBe('too_large');
    expect(error.message).toContain(server.url('/huge'));
    expect(sent).toBeLessThan(total / 4);
  });

  it('refuses a declared Content-Length over the cap at once', async () => {
    server = await startTestServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(200 * 1024 * 1024) });
      res.write('<html>');
    });
    expect((await fetchError(server.url('/'), { ...FAST, maxBytes: 1024 * 1024 })).code).toBe('too_large');
  });

  it('refuses gzip and brotli bombs (cap counted after decompression)', async () => {
    const zeros = Buffer.alloc(8 * 1024 * 1024, 0x20);
    const gz = gzipSync(zeros, { level: 1 });
    const br = brotliCompressSync(zeros, { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } });
    server = await startTestServer((req, res) => {
      const isBr = req.url === '/br';
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': isBr ? 'br' : 'gzip' });
      res.end(isBr ? br : gz);
    });
    const gzError = await fetchError(server.url('/gz'), { ...FAST, maxBytes: 512 * 1024 });
    expect(gzError.code).toBe('decompression_bomb');
    expect(gzError.message).toContain(server.url('/gz'));
    expect((await fetchError(server.url('/br'), { ...FAST, maxBytes: 512 * 1024 })).code).toBe('decompression_bomb');
  });

  it('calls a large but ordinary compressed body too_large, not a bomb', async () => {
    const text = randomBytes(400 * 1024).toString('hex'); // compresses about 2:1
    server = await startTestServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' }).end(gzipSync(text));
    });
    expect((await fetchError(server.url('/big'), { ...FAST, maxBytes: 256 * 1024 })).code).toBe('too_large');
  });

  it('decodes gzip, raw deflate and brotli bodies under the cap', async () => {
    const html = '<html><body><p>compressed page</p></body></html>';
    server = await startTestServer((req, res) => {
      const encoding = req.url!.slice(1);
      const body = encoding === 'gzip' ? gzipSync(html) : encoding === 'deflate' ? deflateRawSync(html) : brotliCompressSync(html);
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': encoding }).end(body);
    });
    for (const encoding of ['gzip', 'deflate', 'br']) {
      expect((await fetchDocument(server.url(`/${encoding}`), FAST)).body).toBe(html);
    }
  });

  it('sniffs the body when the Content-Type is wrong, and refuses binary', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2000, 1)]);
    server = await startTestServer((req, res) => {
      if (req.url === '/png') res.writeHead(200, { 'content-type': 'image/png' }).end(png);
      else if (req.url === '/png-as-html') res.writeHead(200, { 'content-type': 'text/html' }).end(png);
      else if (req.url === '/html-as-text') res.writeHead(200, { 'content-type': 'text/plain' }).end('<!DOCTYPE html><html><body><p>x</p></body></html>');
      else if (req.url === '/html-as-png') res.writeHead(200, { 'content-type': 'image/png' }).end('<html><body><p>x</p></body></html>');
      else if (req.url === '/feed-as-html') res.writeHead(200, { 'content-type': 'text/html' }).end('<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>');
      else res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(Buffer.from('abc\u0000\u0001def'));
    });
    const png1 = await fetchError(server.url('/png'), FAST);
    expect(png1.code).toBe('binary_input');
    expect(png1.message).toContain(server.url('/png'));
    expect((await fetchError(server.url('/png-as-html'), FAST)).code).toBe('binary_input');
    expect((await fetchError(server.url('/nul'), FAST)).code).toBe('binary_input');
    expect((await fetchDocument(server.url('/html-as-text'), FAST)).kind).toBe('html');
    expect((await fetchDocument(server.url('/html-as-png'), FAST)).kind).toBe('html');
    expect((await fetchDocument(server.url('/feed-as-html'), FAST)).kind).toBe('xml');
  });

  it('decodes a page whose charset is only in a meta tag, and prefers BOM, then header', async () => {
    const cyrillic = iconv.encode('<html><head><meta charset="windows-1251"><title>Новости</title></head><body>Привет</body></html>', 'windows-1251');
    const latin = iconv.encode(
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-15"></head><body>Été €</body></html>',
      'iso-8859-15',
    );
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<html><meta charset="windows-1251"><body>Ünïcode</body></html>')]);
    const headerWins = iconv.encode('<html><meta charset="utf-8"><body>Ça</body></html>', 'windows-1252');
    const undeclared = iconv.encode('<html><body>naïve café</body></html>', 'windows-1252');
    server = await startTestServer((req, res) => {
      const bodies: Record<string, [Buffer, string]> = {
        '/cyr': [cyrillic, 'text/html'],
        '/latin': [latin, 'text/html'],
        '/bom': [withBom, 'text/html; charset=windows-1251'],
        '/header': [headerWins, 'text/html; charset=windows-1252'],
        '/none': [undeclared, 'text/html'],
      };
      const [body, type] = bodies[req.url!]!;
      res.writeHead(200, { 'content-type': type }).end(body);
    });
    const cyr = await fetchDocument(server.url('/cyr'), FAST);
    expect(cyr.body).toContain('Новости');
    expect(cyr.body).toContain('Привет');
    expect(cyr.charset).toBe('windows-1251');
    expect((await fetchDocument(server.url('/latin'), FAST)).body).toContain('Été €');
    expect((await fetchDocument(server.url('/bom'), FAST)).body).toContain('Ünïcode');
    expect((await fetchDocument(server.url('/header'), FAST)).body).toContain('Ça');
    expect((await fetchDocument(server.url('/none'), FAST)).body).toContain('naïve café');
  });
});

describe('fetchDocument: statuses', () => {
  it('throws typed errors for 404 and 429 (with Retry-After), and passes 304 through', async () => {
    server = await startTestServer((req, res) => {
      if (req.url === '/gone') res.writeHead(404).end('no');
      else if (req.url === '/busy') res.writeHead(429, { 'retry-after': '7' }).end();
      else if (req.headers['if-none-match'] === '"v1"') res.writeHead(304, { etag: '"v1"' }).end();
      else res.writeHead(200, { etag: '"v1"', 'content-type': 'text/plain' }).end('body');
    });
    const gone = await fetchError(server.url('/gone'), FAST);
    expect(gone).toBeInstanceOf(HttpStatusError);
    expect((gone as HttpStatusError).status).toBe(404);
    expect(gone.message).toContain(server.url('/gone'));
    const busy = await fetchError(server.url('/busy'), FAST);
    expect(busy).toBeInstanceOf(HttpRetryableError);
    expect((busy as HttpRetryableError).retryAfterMs).toBe(7000);
    const first = await fetchDocument(server.url('/page'), FAST);
    const second = await fetchDocument(server.url('/page'), { ...FAST, headers: { 'If-None-Match': first.etag! } });
    expect(second.status).toBe(304);
    expect(second.body).toBe('');
  });
});
