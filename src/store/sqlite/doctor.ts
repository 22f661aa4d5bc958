import { gunzipSync } from 'node:zlib';
import type Database from 'better-sqlite3';
import { jsonProblem, readParagraphs, type DamagedRow } from '../damage.js';

/** What `crosscheck doctor` found, and what it repaired when asked to. */
export interface DoctorReport {
  /** SQLite's own check of the file's structure: empty when sound. */
  integrity: string[];
  /** Rows read and checked, per table. */
  checked: Record<string, number>;
  /** Every damaged value found, with what was done about it. */
  damaged: Array<DamagedRow & { repair: string | null }>;
  repaired: number;
}

/**
 * Checks every row a reader parses (article paragraphs, hints and kept raw input, cached
 * analyses and fact sheets, the clusterer's saved state, stories' outlet lists) and the file's
 * structure. With `repair`, fixes what can be fixed without losing anything stored: paragraphs
 * are read again from the article text, damaged hints become empty, and derived rows (caches,
 * saved state) are deleted to be rebuilt. Raw input that cannot be read is reported, not repaired.
 */
export function examineDatabase(db: Database.Database, options: { repair?: boolean } = {}): DoctorReport {

  const repair = options.repair === true;
  const report: DoctorReport = { integrity: [], checked: {}, damaged: [], repaired: 0 };
  const integrity = db.prepare('PRAGMA quick_check').all() as Array<{ quick_check: string }>;
  report.integrity = integrity.map((r) => r.quick_check).filter((line) => line !== 'ok');
  const count = (table: string): void => {
    report.checked[table] = (report.checked[table] ?? 0) + 1;
  };
  const found = (damage: DamagedRow, fix: (() => void) | null, what: string | null): void => {
    const repaired = repair && fix !== null;
    if (repaired) {
      fix();
      report.repaired++;
    }
    report.damaged.push({ ...damage, repair: repaired ? what : null });
  };

  const fixParagraphs = db.prepare('UPDATE articles SET paragraphs = ? WHERE id = ?');
  const fixHints = db.prepare("UPDATE articles SET hints = '{}' WHERE id = ?");
  const articles = db.prepare('SELECT id, paragraphs, text, hints, raw FROM articles ORDER BY id').iterate() as IterableIterator<{
    id: number;
    paragraphs: string;
    text: string;
    hints: string;
    raw: Buffer | null;
  }>;
  const fixes: Array<() => void> = [];
  for (const row of articles) {
    count('articles');
    const { paragraphs, damage } = readParagraphs(row);
    if (damage) found(damage, () => fixes.push(() => fixParagraphs.run(JSON.stringify(paragraphs), row.id)), 'paragraphs rewritten from the text');
    const hints = jsonProblem(row.hints, 'object');
    if (hints) found({ table: 'articles', id: row.id, column: 'hints', problem: hints }, () => fixes.push(() => fixHints.run(row.id)), 'hints emptied');
    if (row.raw !== null) {
      try {
        gunzipSync(row.raw);
      } catch (error) {
        found({ table: 'articles', id: row.id, column: 'raw', problem: `kept input is not readable (${(error as Error).message}); the article cannot be re-extracted` }, null, null);
      }
    }
  }

  const derived: Array<{ table: string; key: string; column: string; expect: 'object' | 'array' }> = [
    { table: 'article_analyses', key: 'article_id', column: 'data', expect: 'object' },
    { table: 'fact_sheets', key: 'story_id', column: 'data', expect: 'object' },
  ];
  for (const { table, key, column, expect } of derived) {
    const remove = db.prepare(`DELETE FROM ${table} WHERE ${key} = ?`);
    for (const row of db.prepare(`SELECT ${key} AS id, ${column} AS value FROM ${table}`).iterate() as IterableIterator<{ id: number; value: string }>) {
      count(table);
      const problem = jsonProblem(row.value, expect);
      if (problem) found({ table, id: row.id, column, problem }, () => fixes.push(() => remove.run(row.id)), 'deleted (rebuilt when next needed)');
    }
  }
  const removeState = db.prepare('DELETE FROM pipeline_state WHERE rowid = ?');
  for (const row of db.prepare('SELECT rowid AS id, name, data FROM pipeline_state').iterate() as IterableIterator<{ id: number; name: string; data: string }>) {
    count('pipeline_state');
    const problem = jsonProblem(row.data, 'object');
    if (problem) found({ table: 'pipeline_state', id: row.id, column: `data (${row.name})`, problem }, () => fixes.push(() => removeState.run(row.id)), 'deleted (rebuilt from the stored assignments)');
  }
  if (repair && fixes.length) db.transaction(() => fixes.forEach((fix) => fix()))();
  return report;
}
