import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureService } from '../../test/e2e/api-fixtures.js';
import { hostNameOf, isAllowedHost, allowedHostSet } from './host-check.js';
import { createApp, startServer, type CrosscheckService, type RunningServer } from './index.js';

describe('hostNameOf', () => {
  it('takes the name from a Host header, with or without a port', () => {
    expect(hostNameOf('Example.ORG:8080')).toBe('example.org');
    expect(hostNameOf('example.org.')).toBe('example.org');
    expect(hostNameOf('[::1]:8080')).toBe('::1');
    expect(hostNameOf('127.0.0.1')).toBe('127.0.0.1');
  });
  it('refuses what is not a host', () => {
    for (const bad of ['', ' ', '[::1', '[::1]x', 'a b', 'user@host', 'host:port', 'host/path']) expect(hostNameOf(bad)).toBeNull();
  });
});

describe('isAllowedHost', () => {
  const names = allowedHostSet(['news.example.org']);
  it('answers IP literals, localhost and the configured names', () => {
    for (const ok of ['127.0.0.1:8080', '[::1]:8080', '192.168.1.20', 'localhost:8080', 'app.localhost', 'NEWS.example.org:443']) expect(isAllowedHost(ok, names)).toBe(true);
  });
  it('refuses other names, which is what a DNS rebinding page sends', () => {
    for (const bad of ['attacker.example', 'news.example.org.attacker.example', 'localhost.attacker.example', undefined]) expect(isAllowedHost(bad, names)).toBe(false);
  });
});

/** A raw request with the Host header we choose (fetch does not let one set it). */
function getWithHost(url: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { Host: host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('a server started with allowed hosts', () => {
  let service: CrosscheckService;
  let server: RunningServer;
  beforeAll(async () => {
    service = await fixtureService();
    server = await startServer(createApp({ service, allowedHosts: ['127.0.0.1', 'desk.example.org'] }), { host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await server.close();
    await service.store.close();
  });

  it('answers requests that name it', async () => {
    expect((await getWithHost(`${server.url}/api/stories`, `127.0.0.1:${server.port}`)).status).toBe(200);
    expect((await getWithHost(`${server.url}/api/stories`, `localhost:${server.port}`)).status).toBe(200);
    expect((await getWithHost(`${server.url}/api/stories`, 'desk.example.org')).status).toBe(200);
  });

  it('refuses a request addressed to another name, with a JSON error that says what to do', async () => {
    const res = await getWithHost(`${server.url}/api/stories`, `rebind.attacker.example:${server.port}`);
    expect(res.status).toBe(403);
    const body = JSON.parse(res.body) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('unknown_host');
    expect(body.error.message).toContain('--allowed-host');
  });
});
