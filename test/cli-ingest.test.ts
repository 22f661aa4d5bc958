import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../src/store/index.js';
import { describe, expect, it } from 'vitest';
import { runCrosscheck, SEEDS_DIR, spawnCrosscheck } from './helpers/cli.js';
import { makeArticle, makeVocabulary, seededRandom } from './helpers/generate.js';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'cc-cli-'));

/** Articles stored in the store at `path` right now (opened and closed synchronously, for polling). */
async function countArticles(path: string): Promise<number> {
  const probe = SqliteStore.open(path);
  try {
    return await probe.articles.count();
  } finally {
    await probe.close();
  }
}

interface JsonSummary {
  new: number;
  known: number;
  failed: number;
  failures: Array<{ input: string; location: string | null; code: string; message: string }>;
}

describe('crosscheck ingest', () => {
  it('stores good inputs, names each bad one with its place, keeps going and exits 1', async () => {
    const dir = tmp();
    const db = join(dir, 'cc.db');
    writeFileSync(join(dir, 'good.txt'), 'date 2026-10-14 The river rose two metres overnight, the water agency said.\n\nRoads were closed.');
    writeFileSync(
      join(dir, 'lines.jsonl'),
      [
        JSON.stringify({ id: 'n-1', title: 'Bridge closed', text: 'The old bridge closed for repairs on Monday, the city said.', source: 'City Desk' }),
        '{not json',
        JSON.stringify({ id: 'n-3', title: 'No body' }),
      ].join('\n'),
    );
    const result = await runCrosscheck(['ingest', join(dir, 'good.txt'), join(dir, 'missing.html'), join(dir, 'lines.jsonl'), '--db', db, '--json']);
    expect(result.code).toBe(1);
    const summary = JSON.parse(result.stdout) as JsonSummary;
    expect(summary.new).toBe(2);
    expect(summary.failed).toBe(3);
    expect(summary.failures.map((f) => [f.code, f.location])).toEqual(
      expect.arrayContaining([
        ['not_found', null],
        ['invalid_json', 'line 2'],
        ['invalid_record', 'line 3'],
      ]),
    );
    expect(summary.failures.every((f) => f.message.includes(dir))).toBe(true);

    const again = await runCrosscheck(['ingest', join(dir, 'good.txt'), join(dir, 'lines.jsonl'), '--db', db, '--json']);
    const second = JSON.parse(again.stdout) as JsonSummary;
    expect([second.new, second.known]).toEqual([0, 2]);

    const listed = await runCrosscheck(['articles', '--db', db, '--json']);
    expect(listed.code).toBe(0);
    const articles = JSON.parse(listed.stdout) as Array<{ id: string | number; text: string; published: string | null; source: string | null }>;
    expect(articles).toHaveLength(2);
    expect(articles.find((a) => a.id === 'n-1')?.source).toBe('City Desk');
    expect(articles.find((a) => a.text.startsWith('The river rose'))?.published).toBe('2026-10-14');

    const one = await runCrosscheck(['article', '1', '--db', db]);
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/The river rose|The old bridge/);

    // Re-extraction works from the kept raw input alone: the original files are gone.
    rmSync(join(dir, 'good.txt'));
    rmSync(join(dir, 'lines.jsonl'));
    // As an older extractor would have left them: version 0, no title.
    const old = SqliteStore.open(db);
    await old.transaction(async (tx) => {
      for (const a of await tx.articles.list()) await tx.articles.updateExtraction(a.id, { ...a, extractorVersion: 0, title: null });
    });
    await old.close();
    const re = await runCrosscheck(['reextract', '--db', db, '--json']);
    expect(re.code).toBe(0);
    expect(JSON.parse(re.stdout)).toMatchObject({ updated: 1, unchanged: 1, failed: 0 }); // the text article has no title to restore
    const after = JSON.parse((await runCrosscheck(['articles', '--db', db, '--json'])).stdout) as Array<{ id: string | number; title: string | null; extractorVersion: number }>;
    expect(after.find((a) => a.id === 'n-1')?.title).toBe('Bridge closed');
    expect(after.every((a) => a.extractorVersion > 0)).toBe(true);
  }, 180_000);

  it('refuses a database file that is not a crosscheck database, untouched', async () => {
    const dir = tmp();
    const db = join(dir, 'notes.db');
    writeFileSync(db, 'plain notes\n'.repeat(200));
    writeFileSync(join(dir, 'a.txt'), 'A short article about the harbour reopening after the storm.');
    const result = await runCrosscheck(['ingest', join(dir, 'a.txt'), '--db', db]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/notes\.db is not a crosscheck database/);
  }, 60_000);

  it('stores every article exactly once when a large ingest is killed and run again', async () => {
    const dir = tmp();
    const db = join(dir, 'cc.db');
    const random = seededRandom(3);
    const vocabulary = makeVocabulary(2000, 3);
    const total = 3000;
    const lines = Array.from({ length: total }, (_, i) => JSON.stringify({ id: `k${i}`, text: makeArticle(random, vocabulary, 120).join('\n\n') }));
    const input = join(dir, 'big.jsonl');
    writeFileSync(input, lines.join('\n'));

    const child = spawnCrosscheck(['ingest', input, '--db', db, '--json']);
    // Kill it once some batches are committed but before it can finish.
    await new Promise<void>((resolveWait, reject) => {
      const started = Date.now();
      let probing = false;
      const poll = setInterval(() => {
        if (probing) return;
        probing = true;
        void (async () => {
          let stored = 0;
          if (existsSync(db)) {
            try {
              stored = await countArticles(db);
            } catch {
              stored = 0; // schema not there yet
            }
          }
          probing = false;
          if (stored > 0 || Date.now() - started > 180_000) {
            clearInterval(poll);
            child.kill('SIGKILL');
            if (stored > 0) resolveWait();
            else reject(new Error('ingest stored nothing within 180 s'));
          }
        })();
      }, 25);
    });
    await new Promise((r) => child.once('exit', r));

    const partial = await countArticles(db);
    expect(partial).toBeLessThan(total);

    const rerun = await runCrosscheck(['ingest', input, '--db', db, '--json']);
    expect(rerun.code).toBe(0);
    const summary = JSON.parse(rerun.stdout) as JsonSummary;
    expect(summary.new + summary.known).toBe(total);
    const check = SqliteStore.open(db);
    const stored = await check.articles.list();
    await check.close();
    expect({ n: stored.length, ids: new Set(stored.map((a) => a.externalId)).size }).toEqual({ n: total, ids: total });
  }, 240_000);
});

describe.skipIf(!existsSync(SEEDS_DIR))('crosscheck ingest on ../shared/seeds (needs ../shared)', () => {
  it('ingests the five seed reports as five new articles, then as five already known', async () => {
    const db = join(tmp(), 'seeds.db');
    const first = JSON.parse((await runCrosscheck(['ingest', SEEDS_DIR, '--db', db, '--json'])).stdout) as JsonSummary;
    expect([first.new, first.known, first.failed]).toEqual([5, 0, 0]);
    const second = JSON.parse((await runCrosscheck(['ingest', SEEDS_DIR, '--db', db, '--json'])).stdout) as JsonSummary;
    expect([second.new, second.known, second.failed]).toEqual([0, 5, 0]);
    const articles = JSON.parse((await runCrosscheck(['articles', '--db', db, '--json'])).stdout) as Array<{ published: string | null; origin: string }>;
    const dated = articles.filter((a) => a.published === '2025-03-27');
    expect(dated).toHaveLength(3);
  }, 120_000);
});
