import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStoreAt } from '../src/store/index.js';
import { runCrosscheckAsync, spawnCrosscheck } from './helpers/cli.js';
import { makeArticle, makeVocabulary, seededRandom } from './helpers/generate.js';
import { HAS_POSTGRES, startPostgres, type TestPostgres } from './helpers/postgres.js';

const TOKEN = 'writers-test-token';

/** Starts `crosscheck serve` on 127.0.0.1 (a free port) and resolves with its URL once it listens. */
function startServe(db: string): Promise<{ url: string; stop: () => Promise<number | null> }> {
  const child = spawnCrosscheck(['serve', '--db', db, '--host', '127.0.0.1', '--port', '0'], { CROSSCHECK_TOKEN: TOKEN });
  return new Promise((resolveStart, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`serve did not start within 120 s: ${err}`));
    }, 120_000);
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /serving (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (match) {
        clearTimeout(timer);
        resolveStart({
          url: match[1]!,
          stop: () =>
            new Promise((resolveStop) => {
              child.once('exit', (code) => resolveStop(code));
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited (${code}) before listening: ${err}`));
    });
  });
}

/** Two CLI ingests, four API clients and a recluster writing the store `location` (a file in `dir`, or PostgreSQL) at once. */
async function severalWriters(location: (dir: string) => string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cc-writers-'));
  try {
    const db = location(dir);
    const random = seededRandom(16);
    const vocabulary = makeVocabulary(3000, 16);
    const texts = Array.from({ length: 420 }, () => makeArticle(random, vocabulary, 110).join('\n\n'));
    const record = (i: number): string => JSON.stringify({ id: `a${i}`, title: `Report ${i}`, source: `Outlet ${i % 7}`, published: `2026-10-${String(1 + (i % 20)).padStart(2, '0')}`, text: texts[i] });
    // Two files that overlap on 60 articles, and API writes that overlap with both.
    const fileA = join(dir, 'a.jsonl');
    const fileB = join(dir, 'b.jsonl');
    writeFileSync(fileA, Array.from({ length: 200 }, (_, i) => record(i)).join('\n'));
    writeFileSync(fileB, Array.from({ length: 200 }, (_, i) => record(140 + i)).join('\n'));
    const posted = [...Array.from({ length: 60 }, (_, i) => 340 + i), ...Array.from({ length: 20 }, (_, i) => 150 + i), 400, 401];
    const distinct = new Set([...Array.from({ length: 340 }, (_, i) => i), ...posted]).size;

    const server = await startServe(db);
    let serverExit: number | null = null;
    try {
      const ingests = [runCrosscheckAsync(['ingest', fileA, '--db', db, '--json']), runCrosscheckAsync(['ingest', fileB, '--db', db, '--json'])];
      const statuses: number[] = [];
      const bodies: string[] = [];
      // A recluster starts once the first API writes are in, while the ingests and the other writes go on.
      const started: { recluster?: ReturnType<typeof runCrosscheckAsync> } = {};
      // Four clients posting at once, each its share in order.
      await Promise.all(
        [0, 1, 2, 3].map(async (client) => {
          for (let k = client; k < posted.length; k += 4) {
            const i = posted[k]!;
            const res = await fetch(`${server.url}/api/articles`, {
              method: 'POST',
              headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
              body: JSON.stringify({ id: `a${i}`, title: `Report ${i}`, source: `Outlet ${i % 7}`, published: `2026-10-${String(1 + (i % 20)).padStart(2, '0')}`, text: texts[i] }),
              signal: AbortSignal.timeout(120_000),
            });
            statuses.push(res.status);
            bodies.push(await res.text());
            if (statuses.length === 8) started.recluster = runCrosscheckAsync(['recluster', '--db', db, '--json']);
          }
        }),
      );
      const results = await Promise.all([...ingests, ...(started.recluster ? [started.recluster] : [])]);
      expect(results).toHaveLength(3);
      for (const result of results) {
        expect(result.stderr).not.toMatch(/locked|busy/i);
        expect(result.code, result.stderr).toBe(0);
      }
      expect(statuses.filter((s) => s !== 200 && s !== 201), bodies.join('\n')).toEqual([]);
    } finally {
      serverExit = await server.stop();
    }
    expect(serverExit).toBe(0);

    const store = await openStoreAt(db);
    try {
      const articles = await store.articles.list();
      expect(articles).toHaveLength(distinct);
      expect(new Set(articles.map((a) => a.textHash)).size).toBe(distinct);
      // Whatever one writer stored, some writer assigned: nothing is left without a story, nothing has two.
      expect(await store.articles.pendingIds()).toEqual([]);
      const assigned = await store.events.assignedAfter(0);
      expect(assigned).toHaveLength(distinct);
      expect(new Set(assigned.map((r) => r.articleId)).size).toBe(distinct);
      for (const row of assigned.slice(0, 50)) expect(await store.stories.ofArticle(row.articleId)).not.toBeNull();
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const WRITERS = 'two CLI ingests, API writes and a recluster at once: every write succeeds (no 500, no exit 2), every article is stored once and assigned once';

describe('several processes writing one store', () => {
  it(WRITERS, () => severalWriters((dir) => join(dir, 'shared.db')), 300_000);
});

describe.skipIf(!HAS_POSTGRES)('several processes writing one PostgreSQL store', () => {
  let server: TestPostgres;
  beforeAll(async () => {
    server = await startPostgres();
  });
  afterAll(async () => {
    await server?.stop();
  });
  it(WRITERS, () => severalWriters(() => server.url('writers')), 300_000);
});
