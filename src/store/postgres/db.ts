/**
 * The PostgreSQL connection as the repositories see it: a pool (reads outside a transaction), a
 * transaction's client, or a rebuild's own client, all behind {@link Db}. Locations, type parsing
 * and the mapping of driver errors to crosscheck's errors live here.
 */
import pg from 'pg';
import { CrosscheckError } from '../../core/errors.js';

/** What a repository runs its statements on. */
export interface Db {
  rows<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  row<T>(sql: string, params?: readonly unknown[]): Promise<T | undefined>;
  /** The first column of the first row, or undefined when there is none. */
  value<T>(sql: string, params?: readonly unknown[]): Promise<T | undefined>;
  /** Runs a statement; returns the rows it touched. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
}

interface Queryable {
  query(config: pg.QueryConfig): Promise<pg.QueryResult>;
}

export function asDb(target: Queryable): Db {
  const query = (sql: string, params: readonly unknown[] = []): Promise<pg.QueryResult> => target.query({ text: sql, values: [...params] });
  return {
    rows: async <T>(sql: string, params?: readonly unknown[]) => (await query(sql, params)).rows as T[],
    row: async <T>(sql: string, params?: readonly unknown[]) => (await query(sql, params)).rows[0] as T | undefined,
    value: async <T>(sql: string, params?: readonly unknown[]) => {
      const result = await query(sql, params);
      const first = result.rows[0] as Record<string, unknown> | undefined;
      const field = result.fields[0];
      return (first && field ? first[field.name] : undefined) as T | undefined;
    },
    run: async (sql: string, params?: readonly unknown[]) => (await query(sql, params)).rowCount ?? 0,
  };
}

/** True when `location` names a PostgreSQL store rather than an SQLite file. */
export function isPostgresLocation(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** The schema crosscheck's tables live in when the location does not name one. */
export const DEFAULT_SCHEMA = 'crosscheck';

export interface PostgresLocation {
  /** The connection string given to the driver (without crosscheck's own `schema` parameter). */
  connectionString: string;
  schema: string;
  /** The location without its password, for messages. */
  display: string;
}

/**
 * Reads a `postgres://` location: the driver's connection string, plus `?schema=NAME` (default
 * {@link DEFAULT_SCHEMA}), the schema the store's tables live in, so that one database can hold
 * several stores beside other applications' tables.
 */
export function parseLocation(location: string): PostgresLocation {
  let url: URL;
  try {
    url = new URL(location);
  } catch (error) {
    throw new CrosscheckError('invalid_argument', 'store', `not a PostgreSQL URL: ${redact(location)}`, { cause: error });
  }
  const schema = url.searchParams.get('schema') ?? DEFAULT_SCHEMA;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new CrosscheckError('invalid_argument', 'store', `schema "${schema}" of ${redact(location)}: use lower-case letters, digits and _ (at most 63)`);
  }
  url.searchParams.delete('schema');
  const display = new URL(url.href);
  if (display.password) display.password = '***';
  if (schema !== DEFAULT_SCHEMA) display.searchParams.set('schema', schema);
  return { connectionString: url.href, schema, display: display.href };
}

function redact(location: string): string {
  return location.replace(/(\/\/[^:/@]*:)[^@]*@/, '$1***@');
}

/** BIGINT and NUMERIC (counts, sums) read as numbers: ids stay far below 2^53. */
const toNumber = (value: string): number => Number(value);
const TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if ((oid === 20 || oid === 1700) && format !== 'binary') return toNumber;
    return (format === undefined ? pg.types.getTypeParser(oid) : pg.types.getTypeParser(oid, format)) as unknown;
  }) as typeof pg.types.getTypeParser,
};

/** Connection settings of every session of a store: its schema first, UTC, and a statement budget. */
export function clientConfig(location: PostgresLocation, extra: pg.ClientConfig = {}): pg.ClientConfig {
  return {
    connectionString: location.connectionString,
    types: TYPES,
    options: `-c search_path=${location.schema} -c TimeZone=UTC -c client_encoding=UTF8`,
    application_name: 'crosscheck',
    connectionTimeoutMillis: 15_000,
    ...extra,
  };
}

/** SQLSTATE of a driver error, or undefined. */
export function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** A write refused because the server or the role may not write: a standby, a read-only transaction, or no privilege. */
export function isReadOnlyFailure(error: unknown): boolean {
  const state = sqlState(error);
  return state === '25006' || state === '42501';
}

/** A failure to reach the server (refused, reset, timed out, no such host, shut down). */
export function isConnectionFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && ['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENOENT'].includes(code)) return true;
  const state = sqlState(error);
  if (state !== undefined) return state.startsWith('08') || state === '57P01' || state === '57P02' || state === '57P03';
  return error instanceof Error && /Connection terminated|connection timeout|timeout expired/i.test(error.message);
}

/** Quotes an identifier (the store's schema, a table). */
export function ident(name: string): string {
  return pg.escapeIdentifier(name);
}
