// This test damages the file as a disk fault would, below the store: raw SQLite on purpose.
// eslint-disable-next-line no-restricted-imports
import Database from 'better-sqlite3';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCrosscheck } from './helpers/cli.js';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'cc-doctor-'));

const TEXTS = [
  'date 2026-03-02 The harbour authority closed the northern pier on Monday after engineers found cracks in its supports, and ferries were sent to the southern terminal instead.\n\nRepairs are expected to take three weeks, the authority said.',
  'date 2026-03-02 A new cycling lane along the river opened on Monday, linking the old town with the university campus across a rebuilt footbridge.\n\nThe city plans two more lanes next year.',
];

/** Damages stored rows directly, as a disk fault or a bad copy would. */
function damage(db: string, sql: string): void {
  const raw = new Database(db);
  raw.exec(sql);
  raw.close();
}

describe('a damaged row', () => {
  it('is named by table, row and column, the rest goes on, and `doctor --repair` fixes it without losing the article', async () => {
    const dir = tmp();
    TEXTS.forEach((text, i) => writeFileSync(join(dir, `${i}.txt`), text));
    const db = join(dir, 'store.db');
    expect((await runCrosscheck(['ingest', dir, '--db', db, '--json', '--no-progress'])).code).toBe(0);
    expect((await runCrosscheck(['doctor', '--db', db])).stdout).toContain('no damage found');

    // eslint-disable-next-line no-restricted-syntax
    damage(db, "UPDATE articles SET paragraphs = '[\"cut off' WHERE id = 1; UPDATE pipeline_state SET data = '{not json'; UPDATE article_analyses SET data = 'x';");
    // Reading goes on: the article is shown from its text, and the damage is named.
    const shown = await runCrosscheck(['article', '1', '--db', db]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('northern pier');
    expect(shown.stderr).toMatch(/table articles, row 1, column paragraphs: not valid JSON/);
    // New articles are still assigned: the clusterer's damaged state is rebuilt from the assignments.
    writeFileSync(join(dir, '2.txt'), 'date 2026-03-03 The harbour authority said on Tuesday that the northern pier would stay closed for a month while engineers replace its cracked supports.');
    const more = await runCrosscheck(['ingest', join(dir, '2.txt'), '--db', db, '--json', '--no-progress']);
    expect(more.code).toBe(0);
    expect(more.stderr).toMatch(/table pipeline_state.*rebuilding the clusterer/);

    const check = await runCrosscheck(['doctor', '--db', db, '--json']);
    expect(check.code).toBe(1);
    const report = JSON.parse(check.stdout) as { damaged: Array<{ table: string; id: number; column: string; repair: string | null }> };
    expect(report.damaged.map((d) => `${d.table}.${d.column}`)).toContain('articles.paragraphs');

    const repaired = await runCrosscheck(['doctor', '--db', db, '--repair']);
    expect(repaired.code).toBe(0);
    expect(repaired.stdout).toContain('paragraphs rewritten from the text');
    const after = await runCrosscheck(['doctor', '--db', db]);
    expect(after.code).toBe(0);
    expect(after.stdout).toContain('no damage found');
    const clean = await runCrosscheck(['article', '1', '--db', db, '--json']);
    expect(clean.stderr).not.toMatch(/table articles/);
    expect((JSON.parse(clean.stdout) as { paragraphs: string[] }).paragraphs).toHaveLength(2);
    // Eight runs of the CLI: minutes on a loaded machine.
  }, 480_000);
});
