/**
 * The pipeline on PostgreSQL gives what it gives on SQLite: the same articles ingested in the same
 * order into each store make the same stories, copy groups and assignments (in the same order),
 * the same fact sheets, and after a recluster the same again.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reclusterAll, storyFactSheet } from '../src/pipeline/index.js';
import { PostgresStore, SqliteStore, type StorePort } from '../src/store/index.js';
import { REPO_ROOT } from './helpers/cli.js';
import { makeArticle, makeVocabulary, seededRandom } from './helpers/generate.js';
import { ingestInto } from './helpers/pipeline.js';
import { HAS_POSTGRES, startPostgres, type TestPostgres } from './helpers/postgres.js';

const NOW = () => new Date('2026-11-01T00:00:00Z');

/** What the pipeline made: assignments in order, stories, copy groups, and every live story's fact sheet. */
async function outcome(store: StorePort): Promise<unknown> {
  const exported: unknown[] = [];
  for await (const row of store.stories.exportRows()) exported.push(row);
  const stories = await store.stories.list();
  const sheets: unknown[] = [];
  for (const s of stories) sheets.push(await storyFactSheet(store, s.id));
  return { assigned: await store.events.assignedAfter(0), exported, stories, merges: await store.stories.merges(), sheets };
}

describe.skipIf(!HAS_POSTGRES)('the pipeline on PostgreSQL and on SQLite', () => {
  let server: TestPostgres;
  let dir: string;
  beforeAll(async () => {
    server = await startPostgres();
    dir = mkdtempSync(join(tmpdir(), 'cc-pgpipe-'));
  });
  afterAll(async () => {
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the examples and a generated stream with copies make the same stories, assignments and fact sheets; so does a recluster', async () => {
    // Generated articles: some events told several times, some near-copies (a paragraph dropped).
    const random = seededRandom(21);
    const vocabulary = makeVocabulary(2500, 21);
    const lines: string[] = [];
    for (let event = 0; event < 25; event++) {
      const base = makeArticle(random, vocabulary, 160);
      for (let telling = 0; telling < 1 + (event % 4); telling++) {
        const text = telling === 0 ? base : telling % 2 === 1 ? base.slice(0, -1) : makeArticle(random, vocabulary, 160);
        lines.push(JSON.stringify({ id: `e${event}-${telling}`, title: `Event ${event} report ${telling}`, source: `Outlet ${telling}`, published: `2026-10-${String(1 + (event % 20)).padStart(2, '0')}`, text: text.join('\n\n') }));
      }
    }
    const stream = join(dir, 'stream.jsonl');
    writeFileSync(stream, `${lines.join('\n')}\n`);
    const inputs = [join(REPO_ROOT, 'examples'), stream];

    const sqlite = SqliteStore.open(join(dir, 'oracle.db'));
    const pg = await PostgresStore.open(server.url('pipeline'));
    try {
      await ingestInto(sqlite, inputs, { date: '2026-10-14' });
      await ingestInto(pg, inputs, { date: '2026-10-14' });
      const expected = await outcome(sqlite);
      expect((expected as { stories: unknown[] }).stories.length).toBeGreaterThan(10);
      expect(await outcome(pg)).toEqual(expected);
      await reclusterAll(sqlite, { now: NOW });
      await reclusterAll(pg, { now: NOW });
      expect(await outcome(pg)).toEqual(await outcome(sqlite));
    } finally {
      await sqlite.close();
      await pg.close();
    }
  }, 600_000);
});
