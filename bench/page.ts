/**
 * Story page benchmark: `GET /stories/{id}` (the HTML story page) for a generated story of 500
 * articles (the fact-sheet generator of test/helpers: named officials, quotes, hedged figures,
 * dates, wire copies), through the real web app over a real store. Reports the page's size in
 * bytes, how many bytes come before the digest ends (the first screen), and its server time: the
 * first request once the fact sheet is built, then the median and slowest of repeated requests
 * (the page kept between two changes of the store), and the render alone as after a change (the
 * sheet parsed, sentence anchors found afresh). The fact sheet's build is the analyzer's cost and
 * is reported apart (see the factsheet and sheets benches).
 *
 * Env: PAGE_BENCH_ARTICLES (default 500), PAGE_BENCH_RUNS (default 20), PAGE_BENCH_DB (keep the
 * store there and reuse it, with its cached sheet).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FactSheet } from '../src/analyze/index.js';
import { createApp, CrosscheckService } from '../src/api/index.js';
import { textIdentityHash } from '../src/core/index.js';
import { SqliteStore, type NewArticle } from '../src/store/index.js';
import { createWebApp } from '../src/web/index.js';
import { storyPage } from '../src/web/pages/story.js';
import { generateFloodStory } from '../test/helpers/flood-story.js';

const ARTICLES = Number(process.env.PAGE_BENCH_ARTICLES ?? 500);
const RUNS = Number(process.env.PAGE_BENCH_RUNS ?? 20);
/** Keep the generated store (and its cached fact sheet) at this path, and reuse it when it exists. */
const KEEP = process.env.PAGE_BENCH_DB;
const NOW = '2025-04-20T00:00:00.000Z';

function newArticle(a: { paragraphs: string[]; source: string | null; published: string | null; id: number }): NewArticle {
  const text = a.paragraphs.join('\n\n');
  return {
    // Untitled, as many wire feeds are: the page names them by their first sentence.
    title: null,
    paragraphs: a.paragraphs,
    source: a.source,
    byline: null,
    url: `https://news.example/floods/${a.id}`,
    canonicalUrl: null,
    published: a.published,
    publishedFrom: a.published ? 'input' : null,
    language: 'en',
    extractorVersion: 1,
    externalId: null,
    text,
    textHash: textIdentityHash(`${text}\n${a.id}`),
    format: 'text',
    origin: `bench/floods/${a.id}.txt`,
    ingestedAt: NOW,
    raw: '',
    hints: {},
  };
}

async function seed(store: SqliteStore): Promise<number> {
  const generated = generateFloodStory(ARTICLES, 11);
  return store.transaction(async (tx) => {
    const ids: number[] = [];
    for (const a of generated) {
      const result = await tx.articles.insert(newArticle(a));
      if (result.status === 'new') ids.push(result.id);
    }
    const dates = generated.flatMap((a) => (a.published ? [a.published] : [])).sort();
    await tx.stories.upsert({ id: 1, title: 'Floods in the Elm valley', size: ids.length, firstSeen: dates[0] ?? null, lastSeen: dates.at(-1) ?? null, isActive: true }, NOW);
    for (const id of ids) await tx.stories.insertAssignment({ articleId: id, storyId: 1, isNew: id === ids[0], score: 1, reasons: ['bench'], copyOf: null, clusterVersion: 0, assignedAt: NOW });
    return ids.length;
  });
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

export async function run(): Promise<void> {
  const dir = KEEP ? null : mkdtempSync(join(tmpdir(), 'cc-page-bench-'));
  const reuse = KEEP !== undefined && existsSync(KEEP);
  const store = SqliteStore.open(KEEP ?? join(dir!, 'bench.db'));
  const service = new CrosscheckService({ store, eventPollMs: 0, sheetBuilder: 'workers', sheets: { concurrency: 1 } });
  try {
    const count = reuse ? (await store.stories.articleIds(1)).length : await seed(store);
    const app = createApp({ service, web: createWebApp(service), logError: () => undefined });
    const get = async (): Promise<{ ms: number; body: string; status: number }> => {
      const start = performance.now();
      const res = await app.request('http://localhost/stories/1');
      const body = await res.text();
      return { ms: performance.now() - start, body, status: res.status };
    };
    // The first view of an unbuilt story answers 202 at once; the sheet is built in a worker.
    const pending = await get();
    const buildStart = performance.now();
    const json = await service.factSheetJson(1);
    const buildMs = performance.now() - buildStart;
    if (json === null) throw new Error('story 1 is missing');
    const first = await get();
    if (first.status !== 200) throw new Error(`GET /stories/1: HTTP ${first.status}`);
    const times: number[] = [];
    let body = first.body;
    for (let i = 0; i < RUNS; i++) {
      const r = await get();
      times.push(r.ms);
      body = r.body;
    }
    // The render alone, as on the first view after any change: sheet parsed, fresh sentence locator.
    const story = await service.story(1);
    const stored = await service.views.storyArticles(1);
    if (!story) throw new Error('story 1 is missing');
    const renders: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      storyPage({ story, sheet: JSON.parse(json) as FactSheet, articles: [...stored] });
      renders.push(performance.now() - start);
    }
    const bytes = Buffer.byteLength(body);
    const digestEnd = Buffer.byteLength(body.slice(0, body.indexOf('</section>', body.indexOf('class="digest"'))));
    const row = (name: string, value: string): void => console.log(`  ${name.padEnd(52)} ${value}`);
    console.log(`story page (GET /stories/1, ${count} generated articles, in-process app.request)`);
    row('page size', `${bytes.toLocaleString('en')} bytes (${(bytes / 1024).toFixed(0)} KiB)`);
    row('bytes up to the end of the digest', digestEnd.toLocaleString('en'));
    row('first view before the sheet is built', `HTTP ${pending.status} in ${pending.ms.toFixed(0)} ms`);
    row('fact sheet build (worker), ms', buildMs.toFixed(0));
    row('first request once built, ms', first.ms.toFixed(1));
    row(`server time, page kept: median of ${RUNS}, ms`, median(times).toFixed(1));
    row('server time, page kept: slowest, ms', Math.max(...times).toFixed(1));
    row(`page render after a change (parse + render): median of ${RUNS}, ms`, median(renders).toFixed(1));
    row('page render after a change: slowest, ms', Math.max(...renders).toFixed(1));
    row('target', 'under 100 ms');
  } finally {
    await service.close();
    await store.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
