import type Database from 'better-sqlite3';
import type { Row, TableIO } from '../copy.js';

/** SQLite binds numbers, text, BLOBs and NULL: a flag read from PostgreSQL (a boolean) is written as 1 or 0. */
const bindable = (value: unknown): unknown => (typeof value === 'boolean' ? (value ? 1 : 0) : value);
const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** An SQLite store's tables for {@link copyTables}; `write` runs its callback as one write transaction. */
export function sqliteTableIO(db: Database.Database, write: <T>(fn: () => T) => Promise<T>): TableIO {
  return {
    dialect: 'sqlite',
    columns: (table) => Promise.resolve((db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[]).filter(Boolean)),
    count: (table) => Promise.resolve(db.prepare(`SELECT count(*) FROM ${quote(table)}`).pluck().get() as number),
    read: (table, columns, key, after, from, limit) => {
      const keys = key.map(quote);
      let where = '';
      let params: unknown[] = [];
      if (after !== null) {
        where = keys.length === 1 ? `WHERE ${keys[0]} > ?` : `WHERE (${keys.join(', ')}) > (${keys.map(() => '?').join(', ')})`;
        params = [...after];
      } else if (from !== null) {
        where = `WHERE ${keys[0]} >= ?`;
        params = [from];
      }
      const sql = `SELECT ${columns.map(quote).join(', ')} FROM ${quote(table)} ${where} ORDER BY ${keys.join(', ')} LIMIT ?`;
      return Promise.resolve(db.prepare(sql).all(...params.map(bindable), limit) as Row[]);
    },
    maxKey: (table, column) => Promise.resolve((db.prepare(`SELECT max(${quote(column)}) FROM ${quote(table)}`).pluck().get() as number | null) ?? null),
    write: (table, columns, key, rows, mode) =>
      write(() => {
        const cols = columns.map(quote);
        const values = `VALUES (${cols.map(() => '?').join(', ')})`;
        const conflict =
          mode === 'upsert'
            ? `ON CONFLICT (${key.map(quote).join(', ')}) DO UPDATE SET ${cols.filter((c) => !key.map(quote).includes(c)).map((c) => `${c} = excluded.${c}`).join(', ') || `${cols[0]} = excluded.${cols[0]}`}`
            : 'ON CONFLICT DO NOTHING';
        const insert = db.prepare(`INSERT INTO ${quote(table)} (${cols.join(', ')}) ${values} ${conflict}`);
        let added = 0;
        for (const row of rows) added += insert.run(...columns.map((c) => bindable(row[c]))).changes;
        return added;
      }),
    update: (table, key, column, rows) =>
      write(() => {
        const set = db.prepare(`UPDATE ${quote(table)} SET ${quote(column)} = ? WHERE ${quote(key)} = ?`);
        for (const row of rows) set.run(bindable(row[column]), bindable(row[key]));
      }),
    finish: () => Promise.resolve(),
  };
}
