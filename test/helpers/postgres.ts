/**
 * A PostgreSQL server of a test's own: Debian's PostgreSQL 15 binaries, a cluster made in a
 * temporary folder (`initdb` refuses to run as root: as root it runs as the `postgres` user
 * through `runuser`), listening on a Unix socket in that folder only (no TCP port, so that test
 * processes never collide), stopped and removed afterwards.
 *
 * When the binaries are absent the PostgreSQL tests skip, saying why, unless
 * CROSSCHECK_REQUIRE_POSTGRES=1 (as in CI), where they fail.
 */
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const PG_BIN = process.env.CROSSCHECK_PG_BIN ?? '/usr/lib/postgresql/15/bin';
export const HAS_POSTGRES = ['initdb', 'pg_ctl', 'postgres'].every((b) => existsSync(join(PG_BIN, b)));
const REQUIRED = process.env.CROSSCHECK_REQUIRE_POSTGRES === '1';

if (!HAS_POSTGRES && REQUIRED) throw new Error(`PostgreSQL tests required (CROSSCHECK_REQUIRE_POSTGRES=1) but ${PG_BIN}/initdb is missing (apt-get install -y postgresql)`);
if (!HAS_POSTGRES) console.warn(`PostgreSQL tests skipped: ${PG_BIN}/initdb not found (apt-get install -y postgresql, or set CROSSCHECK_PG_BIN)`);

export interface TestPostgres {
  /** The folder of the server's socket. */
  readonly socketDir: string;
  /** A `postgres://` location of a store in schema `schema` of the server's `postgres` database. */
  url(schema: string, user?: string): string;
  /** Runs SQL with psql as the superuser (to set a test's scene: other tables, roles, damage). */
  sql(text: string): Promise<string>;
  stop(): Promise<void>;
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs a server binary, as the `postgres` user when this process is root. */
async function pgRun(binary: string, args: string[]): Promise<void> {
  const file = join(PG_BIN, binary);
  const [command, commandArgs] = isRoot ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
  await run(command, commandArgs, { timeout: 120_000 });
}

async function uidOf(user: string): Promise<{ uid: number; gid: number }> {
  const [{ stdout: uid }, { stdout: gid }] = await Promise.all([run('id', ['-u', user]), run('id', ['-g', user])]);
  return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
}

export async function startPostgres(): Promise<TestPostgres> {
  // A short path: a Unix socket's path is limited to about 100 bytes.
  const dir = mkdtempSync(join(existsSync('/tmp') ? '/tmp' : process.cwd(), 'ccpg-'));
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  if (isRoot) {
    const { uid, gid } = await uidOf('postgres');
    chownSync(dir, uid, gid);
  }
  try {
    await pgRun('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync']);
    const settings = [`-c listen_addresses=''`, `-c unix_socket_directories='${dir}'`, '-c fsync=off', '-c max_connections=200', '-c shared_buffers=32MB'];
    await pgRun('pg_ctl', ['-D', data, '-l', log, '-w', '-t', '120', '-o', settings.join(' '), 'start']);
  } catch (error) {
    const detail = existsSync(log) ? readFileSync(log, 'utf8').slice(-2000) : '';
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`could not start a test PostgreSQL in ${dir}: ${(error as Error).message}\n${detail}`);
  }
  let stopped = false;
  return {
    socketDir: dir,
    url: (schema, user = 'postgres') => `postgres://${user}@localhost/postgres?host=${encodeURIComponent(dir)}&schema=${schema}`,
    sql: async (text) => (await run(join(PG_BIN, 'psql'), ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-h', dir, '-U', 'postgres', '-d', 'postgres', '-At', '-c', text], { timeout: 120_000 })).stdout,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      try {
        await pgRun('pg_ctl', ['-D', data, '-m', 'immediate', '-w', '-t', '60', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
