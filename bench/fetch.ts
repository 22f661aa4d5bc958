/**
 * Fetching pages with the safe fetch under politeness: 10,000 generated pages on 20 hostnames,
 * all served by one local server on 127.0.0.1 (names mapped by an injected lookup, allowPrivate
 * limited to 127.0.0.1), one request at a time per host (delay 0), 20 hosts in parallel.
 * Reports pages/s fetched, pages/s fetched + extracted (when src/extract is present), and peak RSS.
 * The server runs in the same process, so its cost is included in the figures.
 */
import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocumentHints, ExtractedArticle } from '../src/core/types.js';
import { fetchDocument, type FetchOptions } from '../src/ingest/fetch.js';
import type { LookupFunction } from '../src/ingest/url-guard.js';
import { HostQueue } from '../src/watch/host-queue.js';
import { makeArticle, makeVocabulary, seededRandom } from '../test/helpers/generate.js';
import { peakSampler } from './memory.js';

const PAGES = Number(process.env.CROSSCHECK_BENCH_PAGES ?? 10_000);
const HOSTS = 20;
/** Extraction is far slower than fetching; its pass runs on the first pages only to keep the bench short. */
const EXTRACT_PAGES = Number(process.env.CROSSCHECK_BENCH_EXTRACT_PAGES ?? 2000);

type Extract = (html: string, hints: DocumentHints) => ExtractedArticle | null;


function makePages(): string[] {
  const random = seededRandom(11);
  const vocabulary = makeVocabulary(5000);
  const pages: string[] = [];
  for (let i = 0; i < PAGES; i++) {
    const paragraphs = makeArticle(random, vocabulary, 350);
    pages.push(
      `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Story ${i}</title><meta property="og:site_name" content="Site ${i % HOSTS}"></head>` +
        `<body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header><main><article><h1>Story ${i}</h1>` +
        `<p class="byline">By A. Writer</p><time datetime="2026-10-14T09:00:00Z">14 October 2026</time>` +
        paragraphs.map((p) => `<p>${p}</p>`).join('') +
        `</article></main><footer><p>© Site ${i % HOSTS}</p></footer></body></html>`,
    );
  }
  return pages;
}

async function loadExtractor(): Promise<Extract | null> {
  const here = dirname(fileURLToPath(import.meta.url));
  if (!existsSync(join(here, '../src/extract/index.ts'))) return null;
  const module = (await import('../src/extract/index.js')) as { extractHtml?: Extract };
  return module.extractHtml ?? null;
}

async function crawl(pages: string[], origin: { port: number }, extract: Extract | null): Promise<{ fetched: number; extracted: number; failed: number; seconds: number; peak: number }> {
  const lookup: LookupFunction = (_hostname, options, callback) => {
    if (options.all === true) callback(null, [{ address: '127.0.0.1', family: 4 }]);
    else callback(null, '127.0.0.1', 4);
  };
  const agent = new http.Agent({ keepAlive: true, maxSockets: HOSTS });
  const options: FetchOptions = { lookup, allowPrivate: (address) => address === '127.0.0.1', agents: { http: agent }, timeoutMs: 10_000, expect: 'html' };
  const queue = new HostQueue({ delayMs: 0 });
  let fetched = 0;
  let extracted = 0;
  let failed = 0;
  const sampler = peakSampler();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: HOSTS }, async (_, host) => {
      const hostname = `site-${host}.bench.test`;
      for (let i = host; i < pages.length; i += HOSTS) {
        const url = `http://${hostname}:${origin.port}/story/${i}`;
        try {
          const result = await queue.run(hostname, () => fetchDocument(url, options));
          fetched++;
          if (extract && extract(result.body, { url: result.finalUrl }) !== null) extracted++;
        } catch (error) {
          failed++;
          if (failed <= 3) console.error(error);
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const peak = sampler.stop();
  agent.destroy();
  return { fetched, extracted, failed, seconds, peak };
}

export async function run(): Promise<void> {
  const pages = makePages();
  const bytes = pages.reduce((sum, page) => sum + Buffer.byteLength(page), 0);
  const server = http.createServer((req, res) => {
    const index = Number(/\/story\/(\d+)/.exec(req.url ?? '')?.[1] ?? -1);
    const page = pages[index];
    if (page === undefined) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(page) }).end(page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = { port: (server.address() as AddressInfo).port };
  try {
    console.log(`${PAGES} generated pages (~${Math.round(bytes / PAGES / 1024)} KiB each) on ${HOSTS} hostnames, one local server in-process; per-host delay 0, one request at a time per host`);
    const fetchOnly = await crawl(pages, origin, null);
    console.log(
      `fetch            ${(fetchOnly.fetched / fetchOnly.seconds).toFixed(0).padStart(6)} pages/s  peak RSS ${(fetchOnly.peak / 2 ** 20).toFixed(0)} MiB` +
        (fetchOnly.failed ? `  (${fetchOnly.failed} failed)` : ''),
    );
    const extract = await loadExtractor();
    if (!extract) {
      console.log('fetch+extract    skipped (src/extract/index.ts has no extractHtml)');
      return;
    }
    const both = await crawl(pages.slice(0, EXTRACT_PAGES), origin, extract);
    console.log(
      `fetch+extract    ${(both.fetched / both.seconds).toFixed(0).padStart(6)} pages/s  peak RSS ${(both.peak / 2 ** 20).toFixed(0)} MiB  (${both.extracted} of ${both.fetched} pages extracted)` +
        (both.failed ? `  (${both.failed} failed)` : ''),
    );
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
