import type { Row, TableIO } from '../copy.js';
import { ident, type Db } from './db.js';
import { storedColumns } from './rebuild.js';

/** The unique key a replaced row is found by, where it is not the key columns themselves. */
const CONFLICT_TARGET: Record<string, string> = { outlet_profiles: '((lower(name)))' };
/** PostgreSQL takes at most 65,535 parameters in one statement. */
const MAX_PARAMETERS = 60_000;

/** PostgreSQL text cannot hold NUL (SQLite's can): such a value is written without it. */
const bindable = (value: unknown): unknown => (typeof value === 'string' && value.includes('\u0000') ? value.replace(/\u0000/g, '') : value);

/** A PostgreSQL store's tables for {@link copyTables}; `write` runs its callback as one write transaction (under the write lock). */
export function postgresTableIO(reads: Db, schema: string, write: <T>(fn: (db: Db) => Promise<T>) => Promise<T>): TableIO {
  return {
    dialect: 'postgres',
    columns: (table) => storedColumns(reads, schema, table),
    count: async (table) => (await reads.value<number>(`SELECT count(*) FROM ${ident(table)}`)) ?? 0,
    read: (table, columns, key, after, from, limit) => {
      const keys = key.map(ident);
      let where = '';
      let params: unknown[] = [];
      if (after !== null) {
        where = keys.length === 1 ? `WHERE ${keys[0]} > $1` : `WHERE (${keys.join(', ')}) > (${keys.map((_, i) => `$${i + 1}`).join(', ')})`;
        params = [...after];
      } else if (from !== null) {
        where = `WHERE ${keys[0]} >= $1`;
        params = [from];
      }
      params.push(limit);
      return reads.rows<Row>(`SELECT ${columns.map(ident).join(', ')} FROM ${ident(table)} ${where} ORDER BY ${keys.join(', ')} LIMIT $${params.length}`, params);
    },
    maxKey: async (table, column) => (await reads.value<number | null>(`SELECT max(${ident(column)}) FROM ${ident(table)}`)) ?? null,
    write: (table, columns, key, rows, mode) =>
      write(async (db) => {
        const cols = columns.map(ident);
        const keyCols = key.map(ident);
        const conflict =
          mode === 'upsert'
            ? `ON CONFLICT ${CONFLICT_TARGET[table] ?? `(${keyCols.join(', ')})`} DO UPDATE SET ${(cols.filter((c) => !keyCols.includes(c)).length ? cols.filter((c) => !keyCols.includes(c)) : cols).map((c) => `${c} = excluded.${c}`).join(', ')}`
            : 'ON CONFLICT DO NOTHING';
        const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / Math.max(1, columns.length)));
        let added = 0;
        for (let start = 0; start < rows.length; start += perStatement) {
          const chunk = rows.slice(start, start + perStatement);
          const params: unknown[] = [];
          const tuples = chunk.map((row) => `(${columns.map((c) => (params.push(bindable(row[c])), `$${params.length}`)).join(', ')})`);
          added += await db.run(`INSERT INTO ${ident(table)} (${cols.join(', ')}) VALUES ${tuples.join(', ')} ${conflict}`, params);
        }
        return added;
      }),
    update: (table, key, column, rows) =>
      write(async (db) => {
        // The only deferred column is a story id (stories.merged_into): both BIGINT.
        await db.run(
          `UPDATE ${ident(table)} t SET ${ident(column)} = v.value FROM unnest($1::bigint[], $2::bigint[]) AS v (key, value) WHERE t.${ident(key)} = v.key`,
          [rows.map((r) => r[key]), rows.map((r) => r[column])],
        );
      }),
    finish: () =>
      write(async (db) => {
        // Ids were written as they were: the identity sequences go on above them.
        const identities = await db.rows<{ table: string; column: string }>(
          `SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns WHERE table_schema = $1 AND is_identity = 'YES'`,
          [schema],
        );
        for (const { table, column } of identities) {
          await db.run(`SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT max(${ident(column)}) FROM ${ident(table)}), 0) + 1, false)`, [
            `${ident(schema)}.${ident(table)}`,
            column,
          ]);
        }
      }),
  };
}
