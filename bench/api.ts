/**
 * API benchmark: `crosscheck serve` over a store of 100,000 generated articles in ~15,000
 * stories, under 50 concurrent keep-alive clients per endpoint (story list, a story's fact sheet,
 * a full-text search, and the HTML story list), for a bounded time each. Reports median and p99
 * latency and requests/s.
 *
 * How the data is built (fast, deterministic): articles are inserted straight through the store
 * API in big transactions (the FTS5 index follows through its triggers); stories and assignments
 * are written directly with the StoryRepository (story sizes 1–13, a shared topic vocabulary per
 * story), not by running the clusterer (~4 CPU-minutes for 100k, see bench/cluster.ts). Fact
 * sheets are built by the real analyzer for a pool of stories before the load (cold build time
 * reported), then served from the cache: the load measures the cached path.
 *
 * The load generator runs in a worker thread, so client and server do not share an event loop.
 * Env: API_BENCH_ARTICLES (default 100000), API_BENCH_SECONDS per endpoint (default 5),
 * API_BENCH_DB (keep the generated store at this path; reuse it when it exists).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { createApp, CrosscheckService, startServer } from '../src/api/index.js';
import { textIdentityHash } from '../src/core/index.js';
import type { NewArticle } from '../src/store/index.js';
import { SqliteStore } from '../src/store/index.js';
import { createWebApp } from '../src/web/index.js';
import { makeArticle, makeVocabulary, seededRandom } from '../test/helpers/generate.js';

const ARTICLES = Number(process.env.API_BENCH_ARTICLES ?? 100_000);
const SECONDS = Number(process.env.API_BENCH_SECONDS ?? 5);
const CONCURRENCY = 50;
/** Stories whose fact sheets are built before the load and requested at random under it. */
const SHEET_POOL = 40;
const OUTLETS = Array.from({ length: 60 }, (_, i) => `Outlet ${String(i + 1).padStart(2, '0')}`);
const BATCH = 5_000;

interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  latencies: number[];
}

/** The load generator, run in a worker: `concurrency` loops over `paths` for `seconds`. Plain JS (CommonJS). */
const LOAD_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { port, paths, seconds, concurrency } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const latencies = [];
let requests = 0, errors = 0, i = 0;
const deadline = Date.now() + seconds * 1000;
function once() {
  return new Promise((resolve) => {
    const path = paths[i++ % paths.length];
    const start = process.hrtime.bigint();
    const req = http.get({ host: '127.0.0.1', port, path, agent }, (res) => {
      res.resume();
      res.on('end', () => {
        latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
        requests++;
        if (res.statusCode !== 200) errors++;
        resolve();
      });
    });
    req.on('error', () => { errors++; resolve(); });
  });
}
async function loop() { while (Date.now() < deadline) await once(); }
const started = Date.now();
Promise.all(Array.from({ length: concurrency }, loop)).then(() => {
  agent.destroy();
  parentPort.postMessage({ requests, errors, seconds: (Date.now() - started) / 1000, latencies });
});
`;

function runLoad(port: number, paths: string[]): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(LOAD_WORKER, { eval: true, workerData: { port, paths, seconds: SECONDS, concurrency: CONCURRENCY } });
    worker.once('message', (result: LoadResult) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Inserts the generated articles and their stories; returns the story ids and the vocabulary. */
async function buildStore(store: SqliteStore): Promise<{ stories: number; vocabulary: string[] }> {
  const random = seededRandom(7);
  const vocabulary = makeVocabulary(20_000, 3);
  const day0 = Date.parse('2026-01-01T00:00:00Z');
  let storyId = 0;
  let inserted = 0;
  const now = new Date('2026-12-01T00:00:00Z').toISOString();
  while (inserted < ARTICLES) {
    await store.transaction(async (tx) => {
      const stop = Math.min(ARTICLES, inserted + BATCH);
      while (inserted < stop) {
        storyId++;
        const size = Math.min(stop - inserted, 1 + Math.floor(random() * 12));
        // A story's topic: a slice of the vocabulary its articles draw from.
        const topicStart = Math.floor(random() * (vocabulary.length - 300));
        const topic = vocabulary.slice(topicStart, topicStart + 300);
        const firstDay = Math.floor(random() * 330);
        const ids: number[] = [];
        let first = null as string | null;
        let last = null as string | null;
        for (let k = 0; k < size; k++) {
          const paragraphs = makeArticle(random, topic, 90 + Math.floor(random() * 80));
          const text = paragraphs.join('\n\n');
          const published = new Date(day0 + (firstDay + Math.floor(random() * 4)) * 86_400_000 + Math.floor(random() * 86_400_000)).toISOString();
          first = first === null || published < first ? published : first;
          last = last === null || published > last ? published : last;
          const article: NewArticle = {
            title: (paragraphs[0] ?? 'untitled').split('.')[0]!.slice(0, 90),
            paragraphs,
            source: OUTLETS[Math.floor(random() * OUTLETS.length)]!,
            byline: null,
            url: `https://news.example/${storyId}/${k}`,
            canonicalUrl: `https://news.example/${storyId}/${k}`,
            published,
            publishedFrom: 'input',
            language: 'en',
            extractorVersion: 1,
            externalId: null,
            text,
            textHash: textIdentityHash(text),
            format: 'text',
            origin: 'bench',
            ingestedAt: now,
            raw: '',
            hints: {},
          };
          const result = await tx.articles.insert(article);
          if (result.status === 'new') ids.push(result.id);
          inserted++;
        }
        if (ids.length === 0) continue;
        await tx.stories.upsert({ id: storyId, title: `Story ${storyId}: ${topic[0]} ${topic[1]}`, size: ids.length, firstSeen: first, lastSeen: last, isActive: true }, now);
        for (const id of ids) {
          await tx.stories.insertAssignment({ articleId: id, storyId, isNew: id === ids[0], score: 1, reasons: ['bench'], copyOf: null, clusterVersion: 0, assignedAt: now });
        }
      }
    });
  }
  return { stories: storyId, vocabulary };
}

export async function run(): Promise<void> {
  // API_BENCH_DB=path keeps the generated store there (and reuses it when it exists).
  const keep = process.env.API_BENCH_DB;
  const dir = keep ? null : mkdtempSync(join(tmpdir(), 'cc-api-bench-'));
  const path = keep ?? join(dir!, 'bench.db');
  const reuse = keep !== undefined && existsSync(keep);
  const store = SqliteStore.open(path);
  try {
    let started = Date.now();
    const { stories, vocabulary } = reuse
      ? { stories: (await store.stories.list({ limit: -1 })).length, vocabulary: makeVocabulary(20_000, 3) }
      : await buildStore(store);
    const buildSeconds = (Date.now() - started) / 1000;
    const service = new CrosscheckService({ store, eventPollMs: 0 });
    const app = createApp({ service, token: null, web: createWebApp(service), logError: (e) => console.error(e) });
    const server = await startServer(app, { host: '127.0.0.1', port: 0 });

    // Fact sheets: a pool of mid-sized stories, built once (cold), then served from the cache.
    const pool = (await store.stories.list({ order: 'largest' })).filter((s) => s.articleCount >= 4 && s.articleCount <= 8).map((s) => s.id).sort((a, b) => a - b).slice(0, SHEET_POOL);
    const coldMs: number[] = [];
    for (const id of pool) {
      started = performance.now();
      await service.factSheetJson(id);
      coldMs.push(performance.now() - started);
    }
    coldMs.sort((a, b) => a - b);

    const random = seededRandom(11);
    const words = Array.from({ length: 200 }, () => vocabulary[Math.floor(random() ** 2 * 2000)]!);
    const endpoints: Array<[string, string[]]> = [
      ['GET /api/stories (newest, 20)', ['/api/stories?limit=20']],
      ['GET /api/stories (page 50, largest)', ['/api/stories?limit=20&order=largest&offset=1000']],
      ['GET /api/stories/:id/factsheet (cached)', pool.map((id) => `/api/stories/${id}/factsheet`)],
      ['GET /api/stories?q= (FTS5 search)', words.map((w) => `/api/stories?limit=20&q=${encodeURIComponent(w)}`)],
      ['GET /api/stories/:id', pool.map((id) => `/api/stories/${id}`)],
      ['GET / (HTML list)', ['/']],
    ];
    console.log(`api: ${ARTICLES} articles in ${stories} stories (store built in ${buildSeconds.toFixed(1)} s); ${CONCURRENCY} concurrent clients, ${SECONDS} s per endpoint`);
    console.log(`${'fact sheet cold build (ms, median / max)'.padEnd(44)}${coldMs.length ? `${percentile(coldMs, 50).toFixed(0)} / ${coldMs[coldMs.length - 1]!.toFixed(0)}` : 'n/a'}  (${coldMs.length} stories of 4–8 articles${reuse ? '; reused store: sheets already cached' : ''})`);
    console.log(`${'endpoint'.padEnd(44)}${'req/s'.padStart(8)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'errors'.padStart(8)}`);
    for (const [name, paths] of endpoints) {
      const result = await runLoad(server.port, paths);
      const sorted = result.latencies.sort((a, b) => a - b);
      console.log(
        `${name.padEnd(44)}${(result.requests / result.seconds).toFixed(0).padStart(8)}${percentile(sorted, 50).toFixed(1).padStart(9)}${percentile(sorted, 99).toFixed(1).padStart(9)}${String(result.errors).padStart(8)}`,
      );
    }
    await server.close();
    await service.close();
  } finally {
    await store.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
