/**
 * Start-up and memory against the size of the store: for stores of 100,000 and 1,000,000
 * generated articles, the wall-clock time and peak memory of `crosscheck stories` (a process that
 * opens the store, lists 50 stories and exits), of `crosscheck serve` (started until it listens,
 * then its first answer to `GET /api/stories`), and the cost of story assignment at that size:
 * the first article (which loads the story state: copy keys of the arrival window, copy groups,
 * the clusterer's saved state and what came after it) and the mean of the next ones.
 *
 * How the data is built (fast, deterministic): short generated articles (one story per 1–12
 * articles, over 365 days of arrival) written through the store port in transactions of 5,000,
 * each with its copy-detection keys, story and assignment rows, as the pipeline writes them; not
 * by running the clusterer over the corpus (about 4 CPU-minutes per 100,000, see bench/cluster.ts).
 * The clusterer's saved state is therefore that of a clusterer which has seen none of the
 * generated articles (numbering its stories after them): what is measured is what a start reads
 * from the store, not how large the clusterer's own state grows (bench/cluster.ts measures that).
 *
 * CLI processes run the built CLI (dist/, built first with `npm run build`), as a user
 * runs it; `crosscheck --version` is timed too, as the floor every command pays before it opens
 * the store.
 * Env: STARTUP_BENCH_SIZES (default "100000,1000000"), STARTUP_BENCH_DIR (keep the generated
 * stores there, and reuse them when they exist), STARTUP_BENCH_ASSIGN (articles assigned per
 * size, default 200).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLUSTER_VERSION, StoryClusterer } from '../src/cluster/index.js';
import { textIdentityHash } from '../src/core/index.js';
import { DEDUP_VERSION, fingerprint } from '../src/dedup/index.js';
import { CLUSTER_STATE_NAME, StoryAssigner } from '../src/pipeline/index.js';
import { SqliteStore, type NewArticle } from '../src/store/index.js';
import { makeArticle, makeVocabulary, seededRandom } from '../test/helpers/generate.js';

const SIZES = (process.env.STARTUP_BENCH_SIZES ?? '100000,1000000').split(',').map(Number);
const ASSIGN = Number(process.env.STARTUP_BENCH_ASSIGN ?? 200);
const BATCH = 5_000;
const OUTLETS = Array.from({ length: 80 }, (_, i) => `Outlet ${String(i + 1).padStart(2, '0')}`);
const DAY0 = Date.parse('2025-12-01T00:00:00Z');
const DAYS = 365;
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ENTRY = resolve(ROOT, 'dist', 'cli', 'index.js');

function record(random: () => number, topic: string[], url: string, at: string): NewArticle {
  const paragraphs = makeArticle(random, topic, 50 + Math.floor(random() * 30));
  const text = paragraphs.join('\n\n');
  return {
    title: (paragraphs[0] ?? 'untitled').split('.')[0]!.slice(0, 90),
    paragraphs,
    source: OUTLETS[Math.floor(random() * OUTLETS.length)]!,
    byline: null,
    url,
    canonicalUrl: url,
    published: at,
    publishedFrom: 'input',
    language: 'en',
    extractorVersion: 1,
    externalId: null,
    text,
    textHash: textIdentityHash(text),
    format: 'text',
    origin: 'bench',
    ingestedAt: at,
    raw: '',
    hints: {},
  };
}

/** Writes `size` generated articles with their keys, stories and assignments; returns the seconds it took. */
async function generate(path: string, size: number): Promise<number> {
  const started = performance.now();
  const store = SqliteStore.open(path);
  const random = seededRandom(17);
  const vocabulary = makeVocabulary(30_000, 4);
  let storyId = 0;
  let written = 0;
  while (written < size) {
    await store.transaction(async (tx) => {
      const stop = Math.min(size, written + BATCH);
      while (written < stop) {
        storyId++;
        const storySize = Math.min(stop - written, 1 + Math.floor(random() * 12));
        const topicStart = Math.floor(random() * (vocabulary.length - 300));
        const topic = vocabulary.slice(topicStart, topicStart + 300);
        // Arrival in order of the stream: days advance with the article count.
        const day = Math.floor((written / size) * DAYS);
        const ids: number[] = [];
        let first = null as string | null;
        let last = null as string | null;
        for (let k = 0; k < storySize; k++) {
          const at = new Date(DAY0 + day * 86_400_000 + Math.floor(random() * 86_400_000)).toISOString();
          first = first === null || at < first ? at : first;
          last = last === null || at > last ? at : last;
          const article = record(random, topic, `https://news.example/${storyId}/${k}`, at);
          const inserted = await tx.articles.insert(article);
          written++;
          if (inserted.status !== 'new') continue;
          ids.push(inserted.id);
          await tx.copyKeys.put({ articleId: inserted.id, ...fingerprint(article.text) }, DEDUP_VERSION, at);
        }
        if (ids.length === 0) continue;
        await tx.stories.upsert({ id: storyId, title: `Story ${storyId}`, size: ids.length, firstSeen: first, lastSeen: last, isActive: true }, last!);
        for (const id of ids) {
          await tx.stories.insertAssignment({ articleId: id, storyId, isNew: id === ids[0], score: 1, reasons: ['bench'], copyOf: null, clusterVersion: CLUSTER_VERSION, assignedAt: last! });
        }
      }
    });
  }
  // The clusterer's saved state, covering every assignment so far, numbering new stories after the generated ones.
  const state = new StoryClusterer().exportState();
  state.meta.nextStoryId = storyId + 1;
  await store.transaction(async (tx) => tx.state.save(CLUSTER_STATE_NAME, { version: CLUSTER_VERSION, seq: await tx.events.maxSeq(), data: JSON.stringify(state) }, new Date().toISOString()));
  await store.close();
  return (performance.now() - started) / 1000;
}

/** Runs a CLI command to its end under /usr/bin/time: wall seconds and peak RSS (MiB). */
function timed(args: string[]): { seconds: number; rssMb: number; ok: boolean } {
  const started = performance.now();
  const child = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ENTRY, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const seconds = (performance.now() - started) / 1000;
  const rssKb = Number(/(\d+)\s*$/.exec(child.stderr.trim())?.[1] ?? NaN);
  return { seconds, rssMb: rssKb / 1024, ok: child.status === 0 };
}

/** Starts `serve` on the store: seconds until it listens, until its first answer, and its resident memory then (MiB). */
async function serveStartup(path: string): Promise<{ listen: number; firstAnswer: number; rssMb: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [ENTRY, 'serve', '--db', path, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  try {
    const url = await new Promise<string>((resolveUrl, reject) => {
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        out += chunk;
        const match = /serving (http:\/\/[^/\s]+)\//.exec(out);
        if (match) resolveUrl(match[1]!);
      });
      child.once('exit', (code) => reject(new Error(`serve exited (${code}) before listening`)));
    });
    const listen = (performance.now() - started) / 1000;
    const res = await fetch(`${url}/api/stories?limit=20`);
    await res.arrayBuffer();
    const firstAnswer = (performance.now() - started) / 1000;
    const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
    const rssKb = Number(/VmHWM:\s*(\d+)/.exec(status)?.[1] ?? NaN);
    return { listen, firstAnswer, rssMb: rssKb / 1024 };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

/** Assigns ASSIGN new articles through the one ingest-and-assign path: the first (loading the state), the mean of the rest, the heap after. */
async function assignment(path: string): Promise<{ firstMs: number; meanMs: number; heapMb: number }> {
  const store = SqliteStore.open(path);
  const assigner = new StoryAssigner(store, { now: () => new Date(DAY0 + DAYS * 86_400_000) });
  const random = seededRandom(99);
  const vocabulary = makeVocabulary(30_000, 4);
  const at = new Date(DAY0 + DAYS * 86_400_000).toISOString();
  const times: number[] = [];
  try {
    for (let i = 0; i < ASSIGN; i++) {
      const topicStart = Math.floor(random() * (vocabulary.length - 300));
      const article = record(random, vocabulary.slice(topicStart, topicStart + 300), `https://late.example/${i}`, at);
      const t0 = performance.now();
      await assigner.ingestRecord(article);
      times.push(performance.now() - t0);
    }
    globalThis.gc?.();
    const heapMb = process.memoryUsage().heapUsed / 2 ** 20;
    const rest = times.slice(1);
    return { firstMs: times[0]!, meanMs: rest.reduce((a, b) => a + b, 0) / rest.length, heapMb };
  } finally {
    await assigner.close();
    await store.close();
  }
}

export async function run(): Promise<void> {
  const keep = process.env.STARTUP_BENCH_DIR;
  const dir = keep ?? mkdtempSync(join(tmpdir(), 'cc-startup-bench-'));
  mkdirSync(dir, { recursive: true });
  try {
    // Built afresh: the figures are those of these sources.
    spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
    const floor = timed(['--version']);
    console.log(`startup: floor of every command (crosscheck --version, built): ${floor.seconds.toFixed(2)} s, ${floor.rssMb.toFixed(0)} MiB peak RSS`);
    console.log(
      `  ${'stored articles'.padEnd(16)}${'generated s'.padStart(12)}${'stories s'.padStart(11)}${'MiB'.padStart(6)}${'serve listen s'.padStart(16)}${'first answer s'.padStart(16)}${'MiB'.padStart(6)}${'assign 1st ms'.padStart(15)}${'next ms'.padStart(9)}${'heap MiB'.padStart(10)}`,
    );
    for (const size of SIZES) {
      const path = join(dir, `startup-${size}.db`);
      // A kept store is reused only when complete: a half-written one is written again.
      const reuse = keep !== undefined && existsSync(path) && existsSync(`${path}.done`);
      let generated = NaN;
      if (!reuse) {
        rmSync(path, { force: true });
        generated = await generate(path, size);
        if (keep) spawnSync('touch', [`${path}.done`]);
      }
      const stories = timed(['stories', '--db', path, '--limit', '50']);
      if (!stories.ok) throw new Error(`crosscheck stories failed on ${path}`);
      const serve = await serveStartup(path);
      // Assignment writes to the store: on a kept store, a copy would be needed to measure it again unchanged.
      const assign = await assignment(path);
      console.log(
        `  ${size.toLocaleString('en-US').padEnd(16)}${(Number.isNaN(generated) ? 'reused' : generated.toFixed(0)).padStart(12)}${stories.seconds.toFixed(2).padStart(11)}${stories.rssMb.toFixed(0).padStart(6)}${serve.listen.toFixed(2).padStart(16)}${serve.firstAnswer.toFixed(2).padStart(16)}${serve.rssMb.toFixed(0).padStart(6)}${assign.firstMs.toFixed(0).padStart(15)}${assign.meanMs.toFixed(2).padStart(9)}${assign.heapMb.toFixed(0).padStart(10)}`,
      );
      if (keep) rmSync(`${path}.done`, { force: true });
    }
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}
