/** Error codes, snake_case, one per kind of failure. */
export type ErrorCode =
  | 'not_found'
  | 'unreadable'
  | 'empty_input'
  | 'binary_input'
  | 'too_large'
  | 'decompression_bomb'
  | 'invalid_json'
  | 'invalid_record'
  | 'no_content'
  | 'truncated'
  | 'unsupported_format'
  | 'not_a_crosscheck_db'
  | 'db_too_new'
  | 'fetch_failed'
  | 'fetch_timeout'
  | 'blocked_address'
  | 'bad_url'
  | 'too_many_redirects'
  | 'bad_feed'
  | 'invalid_argument'
  /** A long step was stopped (a signal) before it finished; what it would have replaced is unchanged. */
  | 'interrupted'
  /** The store can be read but not written (a read-only file or folder); nothing was written. */
  | 'read_only'
  /** A document needed more time or memory than its budget allows; the work was cancelled. */
  | 'over_budget'
  /** The store stayed busy (another writer) past the write's deadline; nothing was written, try again. */
  | 'store_busy'
  /** Work was cancelled before it finished (its result, if any, is dropped). */
  | 'cancelled'
  /** A job in a worker thread failed. */
  | 'job_failed'
  /** A sequencer that no longer leads (another took over) tried to write; nothing was written. */
  | 'fenced';

/** Base of every operational failure: a code, the stage, and the input it concerns in the message. */
export class CrosscheckError extends Error {
  override name = 'CrosscheckError';
  readonly code: ErrorCode;
  readonly stage: string;

  constructor(code: ErrorCode, stage: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.stage = stage;
  }
}

/** A failure that may succeed later; `retryAfterMs` says when to try again. */
export class RetryableError extends CrosscheckError {
  override name = 'RetryableError';
  readonly retryAfterMs: number;

  constructor(code: ErrorCode, stage: string, message: string, retryAfterMs: number, options?: { cause?: unknown }) {
    super(code, stage, message, options);
    this.retryAfterMs = retryAfterMs;
  }
}

/** True for any CrosscheckError, also across module copies. */
export function isCrosscheckError(error: unknown): error is CrosscheckError {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string' && 'stage' in error;
}
