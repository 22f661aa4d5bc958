import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { isCrosscheckError } from '../core/errors.js';
import { isPostgresLocation, openStoreAt, type Store } from '../store/index.js';

/** Where the store lives when neither `--db` nor $CROSSCHECK_DB says otherwise. */
export const DEFAULT_DB_PATH = 'data/crosscheck.db';

/** Exit codes: 0 all went well, 1 some input failed, 2 the command could not run at all. */
export const EXIT_OK = 0;
export const EXIT_PARTIAL = 1;
export const EXIT_FATAL = 2;

/** The store `--db` (else $CROSSCHECK_DB, else the default file) names: a `postgres://` URL as given, a file path made absolute. */
export function resolveDbPath(option: string | undefined): string {
  const given = option ?? process.env.CROSSCHECK_DB ?? DEFAULT_DB_PATH;
  return isPostgresLocation(given) ? given : resolve(given);
}

/** Opens the store for a command that writes, creating it when it does not exist yet. */
export function openStore(option: string | undefined): Promise<Store> {
  return openStoreAt(resolveDbPath(option));
}

/**
 * Opens an existing store for a command that only reads: a store that is not there is an error
 * naming the path (exit 2), never a new empty file (or schema) where a `--db` was mistyped.
 */
export async function openExistingStore(option: string | undefined): Promise<Store> {
  const location = resolveDbPath(option);
  if (!isPostgresLocation(location) && !existsSync(location)) {
    throw new CliExit(EXIT_FATAL, `no store at ${location}: check --db or $CROSSCHECK_DB (ingest or watch creates one)`);
  }
  try {
    return await openStoreAt(location, { mustExist: true });
  } catch (error) {
    if (isCrosscheckError(error) && error.code === 'not_found') throw new CliExit(EXIT_FATAL, `${error.message}: check --db or $CROSSCHECK_DB (ingest or watch creates one)`);
    throw error;
  }
}

/**
 * A closed output pipe (`crosscheck export | head`) ends the command quietly, as Unix tools do:
 * the reader has all it wanted. Other stream errors still surface.
 */
export function exitQuietlyOnClosedPipe(stream: NodeJS.WriteStream = process.stdout): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') process.exit(EXIT_OK);
    throw error;
  });
}

/** Thrown by commands to stop with a message and an exit code, without a stack trace. */
export class CliExit extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
  }
}

/** Reports a fatal error on stderr (or as JSON) and returns the exit code. */
export function reportFatal(error: unknown, json: boolean): number {
  const code = error instanceof CliExit ? 'invalid_argument' : isCrosscheckError(error) ? error.code : 'internal_error';
  const message = error instanceof Error ? error.message : String(error);
  if (json) process.stdout.write(`${JSON.stringify({ error: { code, message } })}\n`);
  else process.stderr.write(`crosscheck: ${message}\n`);
  if (!(error instanceof CliExit) && !isCrosscheckError(error) && process.env.CROSSCHECK_DEBUG && error instanceof Error) {
    process.stderr.write(`${error.stack ?? ''}\n`);
  }
  return error instanceof CliExit ? error.exitCode : EXIT_FATAL;
}
