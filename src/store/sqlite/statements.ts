import type Database from 'better-sqlite3';

/** Distinct SQL texts kept prepared; the IN (?, …) lists of a few chunk sizes stay well under it. */
const MAX_CACHED_STATEMENTS = 512;

/**
 * The connection as the repositories see it: `prepare` returns a statement prepared once per SQL
 * text (SQLite compiles it only the first time), reset to plain row results, or a new one while
 * the cached one is still being iterated. Everything else is the connection itself. Ingest runs
 * a dozen statements per article; preparing them anew each time was a measurable share of it.
 */
export function withStatementCache(db: Database.Database): Database.Database {
  const cache = new Map<string, Database.Statement>();
  const prepare = (sql: string): Database.Statement => {
    const cached = cache.get(sql);
    if (cached && !cached.busy) {
      if (cached.reader) {
        cached.raw(false);
        cached.expand(false);
        cached.pluck(false);
      }
      return cached;
    }
    const statement = db.prepare(sql);
    if (!cached && cache.size < MAX_CACHED_STATEMENTS) cache.set(sql, statement);
    return statement;
  };
  return new Proxy(db, {
    get(target, property) {
      if (property === 'prepare') return prepare;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
