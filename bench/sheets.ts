/**
 * Fact sheets off the request thread: `crosscheck serve` over a store with one generated story of
 * 500 articles (named officials, quotes, hedged figures, dates, wire copies: the fact-sheet
 * generator of test/helpers) among 2,000 small stories, under 50 concurrent keep-alive clients
 * requesting that story's sheet and other API pages, while the sheet is rebuilt again and again
 * (an article joins the story each time a rebuild ends).
 *
 * Reports: the cold build of the 500-article sheet (in a worker, worker start included), the same
 * build inline on one thread (what a request used to wait for), the rebuild after a join (median,
 * max), p50/p99 latency per kind of request and overall during the rebuilds (target p99 < 50 ms),
 * how many sheet answers were stale, and the server's longest event-loop stall.
 *
 * Env: SHEETS_BENCH_ARTICLES (story size, default 500), SHEETS_BENCH_SECONDS (one round of load,
 * default 10; rounds go on until two rebuilds have ended, at most 12).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { FactSheetArticle } from '../src/analyze/index.js';
import { createApp, CrosscheckService, startServer, type SheetBuildEvent } from '../src/api/index.js';
import { textIdentityHash } from '../src/core/index.js';
import { buildSheet, sheetBuildInput } from '../src/pipeline/index.js';
import { SqliteStore, type NewArticle, type StoreTx } from '../src/store/index.js';
import { generateFloodStory } from '../test/helpers/flood-story.js';
import { makeArticle, makeVocabulary, seededRandom } from '../test/helpers/generate.js';

const STORY_SIZE = Number(process.env.SHEETS_BENCH_ARTICLES ?? 500);
const SECONDS = Number(process.env.SHEETS_BENCH_SECONDS ?? 10);
const CONCURRENCY = 50;
const SMALL_STORIES = 2_000;
/** Articles generated for the big story beyond STORY_SIZE: one joins after each rebuild. */
const EXTRA = 200;
const NOW = '2026-12-01T00:00:00.000Z';

interface Target {
  kind: string;
  path: string;
}

interface LoadResult {
  seconds: number;
  byKind: Record<string, { latencies: number[]; statuses: Record<string, number>; stale: number; bytes: number; gzip: number }>;
}

/** The load generator, run in a worker: `concurrency` loops over the targets for `seconds`. Plain JS (CommonJS). */
const LOAD_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { port, targets, seconds, concurrency } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const byKind = {};
for (const t of targets) byKind[t.kind] = byKind[t.kind] || { latencies: [], statuses: {}, stale: 0, bytes: 0, gzip: 0 };
let i = 0;
const deadline = Date.now() + seconds * 1000;
function once() {
  return new Promise((resolve) => {
    const target = targets[i++ % targets.length];
    const stats = byKind[target.kind];
    const start = process.hrtime.bigint();
    const req = http.get({ host: '127.0.0.1', port, path: target.path, agent, headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
      let head = '';
      let bytes = 0;
      const gz = res.headers['content-encoding'] === 'gzip';
      res.on('data', (chunk) => { bytes += chunk.length; if (!gz && head.length < 80) head += chunk.toString('utf8', 0, 80); });
      res.on('end', () => {
        stats.bytes += bytes;
        if (gz) stats.gzip++;
        const stale = res.headers['fact-sheet-state'];
        stats.latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
        stats.statuses[res.statusCode] = (stats.statuses[res.statusCode] || 0) + 1;
        if (stale === 'stale' || head.startsWith('{"freshness":{"stale":true')) stats.stale++;
        resolve();
      });
    });
    req.on('error', () => { stats.statuses.error = (stats.statuses.error || 0) + 1; resolve(); });
  });
}
async function loop() { while (Date.now() < deadline) await once(); }
const started = Date.now();
Promise.all(Array.from({ length: concurrency }, loop)).then(() => {
  agent.destroy();
  parentPort.postMessage({ seconds: (Date.now() - started) / 1000, byKind });
});
`;

function runLoad(port: number, targets: Target[]): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(LOAD_WORKER, { eval: true, workerData: { port, targets, seconds: SECONDS, concurrency: CONCURRENCY } });
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

function newArticle(a: { title: string | null; paragraphs: string[]; source: string | null; published: string | null; url: string }): NewArticle {
  const text = a.paragraphs.join('\n\n');
  return {
    title: a.title,
    paragraphs: a.paragraphs,
    source: a.source,
    byline: null,
    url: a.url,
    canonicalUrl: a.url,
    published: a.published,
    publishedFrom: 'input',
    language: 'en',
    extractorVersion: 1,
    externalId: null,
    text,
    textHash: textIdentityHash(text),
    format: 'text',
    origin: 'bench',
    ingestedAt: NOW,
    raw: '',
    hints: {},
  };
}

/** Stores the big story's first STORY_SIZE articles and the small stories; returns a function adding the next big-story article. */
async function buildStore(store: SqliteStore, generated: FactSheetArticle[]): Promise<{ bigStory: number; smallStories: number[]; join: () => Promise<boolean> }> {
  const bigStory = 1;
  const storeIdOf = new Map<number, number>();
  let members = 0;
  const add = async (tx: StoreTx, article: FactSheetArticle): Promise<boolean> => {
    // Copies keep their text but not their address; an exact copy of a text is not stored twice.
    const result = await tx.articles.insert(newArticle({ ...article, url: `https://flood.example/${article.id}` }));
    if (result.status !== 'new') return false;
    storeIdOf.set(article.id, result.id);
    const original = article.copyGroup !== undefined && article.copyGroup !== article.id ? (storeIdOf.get(article.copyGroup) ?? null) : null;
    await tx.stories.upsert({ id: bigStory, title: 'Floods in the Elm valley', size: members + 1, firstSeen: generated[0]!.published, lastSeen: article.published, isActive: true }, NOW);
    await tx.stories.insertAssignment({ articleId: result.id, storyId: bigStory, isNew: members === 0, score: 1, reasons: ['bench'], copyOf: original, clusterVersion: 0, assignedAt: NOW });
    members++;
    return true;
  };
  let next = 0;
  await store.transaction(async (tx) => {
    while (members < STORY_SIZE && next < generated.length) await add(tx, generated[next++]!);
  });

  const random = seededRandom(5);
  const vocabulary = makeVocabulary(5_000, 9);
  const smallStories: number[] = [];
  await store.transaction(async (tx) => {
    for (let s = 0; s < SMALL_STORIES; s++) {
      const storyId = bigStory + 1 + s;
      const size = 1 + Math.floor(random() * 4);
      const topicStart = Math.floor(random() * (vocabulary.length - 200));
      const topic = vocabulary.slice(topicStart, topicStart + 200);
      const ids: number[] = [];
      for (let k = 0; k < size; k++) {
        const paragraphs = makeArticle(random, topic, 80 + Math.floor(random() * 60));
        const result = await tx.articles.insert(
          newArticle({ title: paragraphs[0]!.split('.')[0]!.slice(0, 80), paragraphs, source: `Outlet ${1 + Math.floor(random() * 40)}`, published: '2026-11-20T08:00:00Z', url: `https://news.example/${storyId}/${k}` }),
        );
        if (result.status === 'new') ids.push(result.id);
      }
      if (ids.length === 0) continue;
      await tx.stories.upsert({ id: storyId, title: `Story ${storyId}: ${topic[0]} ${topic[1]}`, size: ids.length, firstSeen: '2026-11-20T08:00:00Z', lastSeen: '2026-11-20T08:00:00Z', isActive: true }, NOW);
      for (const [k, id] of ids.entries()) {
        await tx.stories.insertAssignment({ articleId: id, storyId, isNew: k === 0, score: 1, reasons: ['bench'], copyOf: null, clusterVersion: 0, assignedAt: NOW });
      }
      smallStories.push(storyId);
    }
  });
  const join = async (): Promise<boolean> => {
    while (next < generated.length) {
      const article = generated[next++]!;
      if (await store.transaction((tx) => add(tx, article))) return true;
    }
    return false;
  };
  return { bigStory, smallStories, join };
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cc-sheets-bench-'));
  const store = SqliteStore.open(join(dir, 'bench.db'));
  try {
    const generated = generateFloodStory(2 * STORY_SIZE + EXTRA, 41);
    let started = performance.now();
    const { bigStory, smallStories, join: joinArticle } = await buildStore(store, generated);
    const storeMs = performance.now() - started;

    // What a request used to wait for: the whole build on the serving thread (no cached analyses).
    const service0 = new CrosscheckService({ store, eventPollMs: 0, sheetBuilder: 'inline' });
    started = performance.now();
    buildSheet(await sheetBuildInput(store, { id: bigStory, title: 'Floods' }, await service0.views.factSheetArticles(bigStory)));
    const inlineMs = performance.now() - started;
    await service0.close();

    // A budget far above the server's default: on a loaded machine a cold 500-article build in a low-priority worker takes minutes.
    const service = new CrosscheckService({ store, eventPollMs: 0, sheets: { maxMsPerBuild: 1_800_000 } });
    // Assignments are announced from here on (each join queues a rebuild, as in the server).
    await service.events.start();
    const app = createApp({ service, token: null, logError: (e) => console.error(e) });
    const server = await startServer(app, { host: '127.0.0.1', port: 0 });
    started = performance.now();
    await service.factSheetJson(bigStory);
    const coldMs = performance.now() - started;

    const random = seededRandom(3);
    const small = (): number => smallStories[Math.floor(random() * smallStories.length)]!;
    const targets: Target[] = [];
    for (let i = 0; i < 40; i++) {
      targets.push({ kind: `factsheet (${STORY_SIZE}-article story, rebuilding)`, path: `/api/stories/${bigStory}/factsheet` });
      targets.push({ kind: 'story list', path: i % 2 ? '/api/stories?limit=20' : `/api/stories?limit=20&offset=${i * 20}` });
      targets.push({ kind: 'small story', path: `/api/stories/${small()}` });
      targets.push({ kind: 'outlets, entities', path: i % 2 ? '/api/outlets' : '/api/entities?limit=50' });
    }
    // Server time per request kind, one at a time, in this thread (no sockets): what each costs the serving thread.
    const serverMs = new Map<string, number>();
    for (const target of targets.slice(0, 8)) {
      const t0 = performance.now();
      for (let k = 0; k < 10; k++) await (await app.request(target.path, { headers: { 'Accept-Encoding': 'gzip' } })).arrayBuffer();
      serverMs.set(target.kind, Math.max(serverMs.get(target.kind) ?? 0, (performance.now() - t0) / 10));
    }

    // The same load with the sheet current and no build running: the floor on this machine.
    const baseline = await runLoad(server.port, targets);

    // During the load: each time a rebuild ends, another article joins the story (its sheet goes stale, a rebuild is queued).
    const rebuilds: number[] = [];
    const failures: string[] = [];
    let loading = true;
    const off = service.factSheets.onBuild((event: SheetBuildEvent) => {
      if (event.storyId !== bigStory) return;
      if (event.type === 'built') rebuilds.push(event.ms);
      if (event.type === 'failed') failures.push(event.error.message);
      if (loading) void joinArticle().then((joined) => (joined ? service.events.poll() : null));
    });
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    if (await joinArticle()) await service.events.poll();
    // Rounds of load until at least two rebuilds have ended (a rebuild takes seconds), at most 12.
    const result: LoadResult = { seconds: 0, byKind: {} };
    for (let round = 0; round < 12 && (round === 0 || rebuilds.length < 2); round++) {
      const part = await runLoad(server.port, targets);
      result.seconds += part.seconds;
      for (const [kind, stats] of Object.entries(part.byKind)) {
        const into = (result.byKind[kind] ??= { latencies: [], statuses: {}, stale: 0, bytes: 0, gzip: 0 });
        into.latencies.push(...stats.latencies);
        for (const [status, n] of Object.entries(stats.statuses)) into.statuses[status] = (into.statuses[status] ?? 0) + n;
        into.stale += stats.stale;
        into.bytes += stats.bytes;
        into.gzip += stats.gzip;
      }
    }
    delay.disable();
    loading = false;
    off();

    const row = (name: string, value: string): void => console.log(`  ${name.padEnd(52)} ${value}`);
    console.log(`sheets: a ${STORY_SIZE}-article story among ${SMALL_STORIES} small ones (store built in ${(storeMs / 1000).toFixed(1)} s); ${CONCURRENCY} concurrent clients, ${result.seconds.toFixed(0)} s of load during rebuilds`);
    row('sheet build inline, one thread (ms)', inlineMs.toFixed(0));
    row('sheet cold build in a worker, start included (ms)', coldMs.toFixed(0));
    const sortedRebuilds = [...rebuilds].sort((a, b) => a - b);
    row('rebuilds during the load (count; ms median / max)', `${rebuilds.length}; ${percentile(sortedRebuilds, 50).toFixed(0)} / ${(sortedRebuilds[sortedRebuilds.length - 1] ?? NaN).toFixed(0)}`);
    if (failures.length) row('failed rebuilds', `${failures.length}: ${failures[0]}`);
    console.log(`  ${'request kind'.padEnd(44)}${'req/s'.padStart(8)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'server ms'.padStart(10)}  statuses`);
    const all: number[] = [];
    for (const [kind, stats] of Object.entries(result.byKind)) {
      const sorted = stats.latencies.sort((a, b) => a - b);
      all.push(...sorted);
      const statuses = Object.entries(stats.statuses).map(([s, n]) => `${s}×${n}`).join(' ');
      const stale = kind.startsWith('factsheet') ? ` (stale ${stats.stale}, gzip ${stats.gzip}, ${(stats.bytes / Math.max(1, sorted.length) / 1e6).toFixed(2)} MB each)` : '';
      console.log(`  ${kind.padEnd(44)}${(sorted.length / result.seconds).toFixed(0).padStart(8)}${percentile(sorted, 50).toFixed(1).padStart(9)}${percentile(sorted, 99).toFixed(1).padStart(9)}${(serverMs.get(kind) ?? NaN).toFixed(2).padStart(10)}  ${statuses}${stale}`);
    }
    all.sort((a, b) => a - b);
    console.log(`  ${'all requests, during rebuilds'.padEnd(44)}${(all.length / result.seconds).toFixed(0).padStart(8)}${percentile(all, 50).toFixed(1).padStart(9)}${percentile(all, 99).toFixed(1).padStart(9)}  (target p99 < 50 ms)`);
    const floor = Object.values(baseline.byKind).flatMap((k) => k.latencies).sort((a, b) => a - b);
    console.log(`  ${'all requests, no build running (floor)'.padEnd(44)}${(floor.length / baseline.seconds).toFixed(0).padStart(8)}${percentile(floor, 50).toFixed(1).padStart(9)}${percentile(floor, 99).toFixed(1).padStart(9)}`);
    row('server event loop: longest stall (ms)', (delay.max / 1e6).toFixed(1));
    await server.close();
    await service.close();
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
