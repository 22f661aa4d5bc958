import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from './sqlite/statements.js';

describe('withStatementCache', () => {
  it('prepares a statement once per SQL text, reset to plain rows, and a fresh one while it is iterated', () => {
    const raw = new Database(':memory:');
    const db = withStatementCache(raw);
    db.exec('CREATE TABLE t (a INTEGER, b TEXT)');
    db.prepare('INSERT INTO t (a, b) VALUES (?, ?)').run(1, 'x');
    db.prepare('INSERT INTO t (a, b) VALUES (?, ?)').run(2, 'y');
    const sql = 'SELECT a, b FROM t ORDER BY a';
    expect(db.prepare(sql)).toBe(db.prepare(sql));
    expect(db.prepare(sql).pluck().all()).toEqual([1, 2]);
    expect(db.prepare(sql).all()).toEqual([
      { a: 1, b: 'x' },
      { a: 2, b: 'y' },
    ]);
    const seen: unknown[] = [];
    for (const row of db.prepare(sql).iterate()) seen.push(row, db.prepare(sql).get());
    expect(seen).toHaveLength(4);
    expect(db.inTransaction).toBe(false);
    raw.close();
  });
});
