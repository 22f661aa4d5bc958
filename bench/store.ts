/**
 * The two stores side by side on one generated corpus: ingest (read → extract → store) and story
 * assignment into SQLite and into PostgreSQL (a server of the bench's own, as the tests start it:
 * Unix socket, fsync off), story searches, and `copy` of the SQLite store into PostgreSQL. One
 * process, so per core; PostgreSQL's own work runs in its server processes beside it.
 * Skips PostgreSQL, saying so, when its binaries are absent.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readInputs } from '../src/ingest/index.js';
import { assignPendingStories, ingestDocuments } from '../src/pipeline/index.js';
import { copyStore, openStoreAt, type Store } from '../src/store/index.js';
import { makeArticle, makeVocabulary, seededRandom } from '../test/helpers/generate.js';
import { HAS_POSTGRES, startPostgres } from '../test/helpers/postgres.js';

const ARTICLES = Number(process.env.CROSSCHECK_BENCH_ARTICLES ?? 3000);
const SEARCHES = 200;

const rate = (n: number, ms: number): string => `${((n * 1000) / ms).toFixed(0)}/s`;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function fill(label: string, store: Store, input: string, words: string[]): Promise<void> {
  let started = performance.now();
  const summary = await ingestDocuments(readInputs([input], { date: '2026-10-14' }), store, {});
  const ingestMs = performance.now() - started;
  started = performance.now();
  const assigned = await assignPendingStories(store, {});
  const assignMs = performance.now() - started;
  const times: number[] = [];
  const random = seededRandom(11);
  for (let i = 0; i < SEARCHES; i++) {
    const q = `${words[Math.floor(random() * words.length)]} ${words[Math.floor(random() * words.length)]!.slice(0, 3)}`;
    const t = performance.now();
    await store.stories.page({ q, limit: 20, offset: 0 });
    times.push(performance.now() - t);
  }
  console.log(
    `${label.padEnd(10)} ingest ${summary.new} articles ${rate(summary.new, ingestMs).padStart(7)}  assign ${rate(assigned.processed, assignMs).padStart(7)}` +
      `  search (two words, the last a prefix) p50 ${percentile(times, 50).toFixed(1)} ms p99 ${percentile(times, 99).toFixed(1)} ms`,
  );
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cc-bench-store-'));
  const server = HAS_POSTGRES ? await startPostgres() : null;
  try {
    const random = seededRandom(5);
    const vocabulary = makeVocabulary(4000);
    const lines = Array.from({ length: ARTICLES }, (_, i) =>
      JSON.stringify({ id: `a${i}`, title: `Article ${i}`, text: makeArticle(random, vocabulary, 300).join('\n\n'), source: `Outlet ${i % 12}`, published: `2026-10-${String(1 + (i % 28)).padStart(2, '0')}` }),
    );
    const input = join(dir, 'articles.jsonl');
    writeFileSync(input, `${lines.join('\n')}\n`);
    console.log(`${ARTICLES} generated articles of ~300 words; ${SEARCHES} searches per store`);
    const words = vocabulary.filter((w) => w.length >= 5);

    const sqlite = await openStoreAt(join(dir, 'bench.db'));
    await fill('sqlite', sqlite, input, words);
    if (!server) {
      console.log('postgres   skipped: /usr/lib/postgresql/15/bin not found (apt-get install postgresql)');
      await sqlite.close();
      return;
    }
    const pg = await openStoreAt(server.url('bench'));
    await fill('postgres', pg, input, words);
    const copied = await openStoreAt(server.url('copied'));
    const started = performance.now();
    const result = await copyStore(sqlite, copied);
    const ms = performance.now() - started;
    const rows = result.tables.reduce((sum, t) => sum + t.copied, 0);
    console.log(`copy       sqlite → postgres: ${rows} rows (${ARTICLES} articles with their stories) in ${(ms / 1000).toFixed(1)} s, ${rate(rows, ms)} rows, ${rate(ARTICLES, ms)} articles`);
    await Promise.all([sqlite.close(), pg.close(), copied.close()]);
  } finally {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
