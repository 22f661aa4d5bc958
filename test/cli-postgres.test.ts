/**
 * The command line on PostgreSQL: `migrate`, and `copy` of the example store from SQLite into
 * PostgreSQL and back, after which `stories`, `story` (the fact sheet) and `export` answer the
 * same on every copy. Runs on a PostgreSQL server of its own (see helpers/postgres.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCrosscheck } from './helpers/cli.js';
import { HAS_POSTGRES, startPostgres, type TestPostgres } from './helpers/postgres.js';

const EXAMPLES = join(REPO_ROOT, 'examples');

async function ok(args: string[], env: Record<string, string> = {}): Promise<string> {
  const result = await runCrosscheck(args, env);
  if (result.code !== 0) throw new Error(`crosscheck ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
  return result.stdout;
}

/** What a reader sees of a store: the story list, the largest story's fact sheet, the export. */
async function view(db: string): Promise<{ stories: unknown; sheet: unknown; exported: string }> {
  const stories = JSON.parse(await ok(['stories', '--db', db, '--largest', '--json'])) as Array<{ id: number }>;
  const sheet = JSON.parse(await ok(['story', String(stories[0]?.id), '--db', db, '--format', 'json'])) as unknown;
  return { stories, sheet, exported: await ok(['export', '--format', 'jsonl', '--db', db]) };
}

/** Each step runs the command line in a child process: generous on a loaded machine. */
const SLOW = 600_000;

describe.skipIf(!HAS_POSTGRES)('crosscheck on PostgreSQL', () => {
  let server: TestPostgres;
  let dir: string;
  beforeAll(async () => {
    server = await startPostgres();
    dir = mkdtempSync(join(tmpdir(), 'cc-pgcli-'));
  });
  afterAll(async () => {
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('migrate creates the schema once; a reading command on a missing store is an error naming it', async () => {
    const url = server.url('migrated');
    const first = JSON.parse(await ok(['migrate', '--db', url, '--json'])) as { applied: number[]; schemaVersion: number };
    expect(first.applied.length).toBe(first.schemaVersion);
    expect(JSON.parse(await ok(['migrate', '--db', url, '--json']))).toMatchObject({ applied: [], schemaVersion: first.schemaVersion });
    const missing = await runCrosscheck(['stories', '--db', server.url('nothing_here')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no store at postgres:\/\/.*nothing_here/);
    // CROSSCHECK_DB chooses PostgreSQL as --db does.
    expect(await ok(['stories'], { CROSSCHECK_DB: url })).toMatch(/no stories yet/);
  }, SLOW);

  it('copies the example store into PostgreSQL and back: the same stories, fact sheets and export on every copy', async () => {
    const sqlite = join(dir, 'examples.db');
    await ok(['ingest', EXAMPLES, '--db', sqlite, '--date', '2026-10-14', '--no-progress']);
    const original = await view(sqlite); // builds and caches the fact sheets
    expect((original.stories as unknown[]).length).toBeGreaterThanOrEqual(3);

    const pg = server.url('copied');
    const copied = JSON.parse(await ok(['copy', '--from', sqlite, '--to', pg, '--page', '3', '--json'])) as { tables: Array<{ table: string; rows: number; copied: number }> };
    const articles = copied.tables.find((t) => t.table === 'articles');
    expect(articles).toMatchObject({ rows: 9, copied: 9 });
    expect(copied.tables.find((t) => t.table === 'article_analyses')?.copied).toBeGreaterThan(0);
    // Again: nothing new, nothing doubled.
    const again = JSON.parse(await ok(['copy', '--from', sqlite, '--to', pg, '--json'])) as { tables: Array<{ copied: number; table: string }> };
    expect(again.tables.filter((t) => !['meta', 'pipeline_state', 'feeds', 'outlet_profiles'].includes(t.table)).every((t) => t.copied === 0)).toBe(true);

    expect(await view(pg)).toEqual(original);

    // Back into a new SQLite file.
    const back = join(dir, 'back.db');
    await ok(['copy', '--from', pg, '--to', back, '--no-progress']);
    expect(await view(back)).toEqual(original);

    // The copy goes on from the ids it was given: a new article on PostgreSQL takes the next one.
    const extra = join(dir, 'extra.txt');
    writeFileSync(extra, 'date 2026-10-16\nThe lighthouse keeper of Port Aurel retired on Friday after forty years on the cape, the harbour office said.\n');
    const ingested = JSON.parse(await ok(['ingest', extra, '--db', pg, '--json', '--no-progress'])) as { new: number };
    expect(ingested.new).toBe(1);
    const last = (await ok(['export', '--format', 'jsonl', '--db', pg])).trim().split('\n').map((l) => JSON.parse(l) as { article: number });
    expect(Math.max(...last.map((l) => l.article))).toBe(10);
  }, SLOW);

  it('refuses to copy into a store that holds other articles, writing nothing', async () => {
    const a = join(dir, 'a.db');
    const other = join(dir, 'other.txt');
    writeFileSync(other, 'date 2026-10-16\nThe town council of Harbourton approved a new budget for its libraries on Monday.\n');
    await ok(['ingest', other, '--db', a, '--no-progress']);
    const pg = server.url('other');
    const elsewhere = join(dir, 'elsewhere.txt');
    writeFileSync(elsewhere, 'date 2026-10-16\nA new ferry timetable for the islands starts next week, the operator said.\n');
    await ok(['ingest', elsewhere, '--db', pg, '--no-progress']);
    const refused = await runCrosscheck(['copy', '--from', a, '--to', pg]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/already holds other articles/);
    const exported = (await ok(['export', '--format', 'jsonl', '--db', pg])).trim().split('\n');
    expect(exported).toHaveLength(1);
  }, SLOW);
});
