import { gunzipSync } from 'node:zlib';
import { jsonProblem, readParagraphs, type DamagedRow } from '../damage.js';
import type { DoctorReport } from '../sqlite/doctor.js';
import type { Db } from './db.js';

/** The tables of the current schema version: one missing is a damaged store. */
const TABLES = [
  'meta',
  'articles',
  'copies',
  'copy_groups',
  'stories',
  'assignments',
  'story_merges',
  'pipeline_state',
  'fact_sheets',
  'fact_sheet_entities',
  'feeds',
  'article_analyses',
  'copy_keys',
  'follows',
  'follow_stories',
  'follow_events',
  'webhooks',
  'webhook_deliveries',
  'outlet_profiles',
  'inbox',
  'sequencer',
];

/** Rows read per page: the check streams a store of any size. */
const PAGE = 500;

/**
 * The same checks as the SQLite store's doctor, on PostgreSQL: every stored row a reader parses,
 * page by page, and (for the structure, which the server keeps itself) that every table of the
 * schema is there. With `repair`, the same repairs, in one transaction on `write` (which holds the
 * write lock) once the check is done.
 */
export async function examinePostgres(db: Db, schema: string, options: { repair?: boolean }, write: (fixes: Array<(db: Db) => Promise<void>>) => Promise<void>): Promise<DoctorReport> {
  const repair = options.repair === true;
  const report: DoctorReport = { integrity: [], checked: {}, damaged: [], repaired: 0 };
  const present = new Set(
    (await db.rows<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = $1`, [schema])).map((r) => r.name),
  );
  report.integrity = TABLES.filter((t) => !present.has(t)).map((t) => `table ${schema}.${t} is missing`);
  if (report.integrity.length) return report;
  const fixes: Array<(db: Db) => Promise<void>> = [];
  const count = (table: string): void => {
    report.checked[table] = (report.checked[table] ?? 0) + 1;
  };
  const found = (damage: DamagedRow, fix: ((db: Db) => Promise<void>) | null, what: string | null): void => {
    const repaired = repair && fix !== null;
    if (repaired) {
      fixes.push(fix);
      report.repaired++;
    }
    report.damaged.push({ ...damage, repair: repaired ? what : null });
  };

  for (let last = 0; ; ) {
    const rows = await db.rows<{ id: number; paragraphs: string; text: string; hints: string; raw: Buffer | null }>(
      'SELECT id, paragraphs, text, hints, raw FROM articles WHERE id > $1 ORDER BY id LIMIT $2',
      [last, PAGE],
    );
    for (const row of rows) {
      count('articles');
      const { paragraphs, damage } = readParagraphs(row);
      if (damage) found(damage, async (w) => void (await w.run('UPDATE articles SET paragraphs = $1 WHERE id = $2', [JSON.stringify(paragraphs), row.id])), 'paragraphs rewritten from the text');
      const hints = jsonProblem(row.hints, 'object');
      if (hints) found({ table: 'articles', id: row.id, column: 'hints', problem: hints }, async (w) => void (await w.run("UPDATE articles SET hints = '{}' WHERE id = $1", [row.id])), 'hints emptied');
      if (row.raw !== null) {
        try {
          gunzipSync(row.raw);
        } catch (error) {
          found({ table: 'articles', id: row.id, column: 'raw', problem: `kept input is not readable (${(error as Error).message}); the article cannot be re-extracted` }, null, null);
        }
      }
    }
    if (rows.length < PAGE) break;
    last = rows.at(-1)!.id;
  }

  const derived: Array<{ table: string; key: string; column: string; expect: 'object' | 'array' }> = [
    { table: 'article_analyses', key: 'article_id', column: 'data', expect: 'object' },
    { table: 'fact_sheets', key: 'story_id', column: 'data', expect: 'object' },
  ];
  for (const { table, key, column, expect } of derived) {
    for (let last = 0; ; ) {
      const rows = await db.rows<{ id: number; value: string }>(`SELECT ${key} AS id, ${column} AS value FROM ${table} WHERE ${key} > $1 ORDER BY ${key} LIMIT $2`, [last, PAGE]);
      for (const row of rows) {
        count(table);
        const problem = jsonProblem(row.value, expect);
        if (problem) found({ table, id: row.id, column, problem }, async (w) => void (await w.run(`DELETE FROM ${table} WHERE ${key} = $1`, [row.id])), 'deleted (rebuilt when next needed)');
      }
      if (rows.length < PAGE) break;
      last = rows.at(-1)!.id;
    }
  }
  const states = await db.rows<{ name: string; data: string }>('SELECT name, data FROM pipeline_state ORDER BY name');
  states.forEach((row, index) => {
    count('pipeline_state');
    const problem = jsonProblem(row.data, 'object');
    if (problem) {
      found(
        { table: 'pipeline_state', id: index + 1, column: `data (${row.name})`, problem },
        async (w) => void (await w.run('DELETE FROM pipeline_state WHERE name = $1', [row.name])),
        'deleted (rebuilt from the stored assignments)',
      );
    }
  });
  if (repair && fixes.length) await write(fixes);
  return report;
}
