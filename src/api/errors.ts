import type { ErrorCode } from '../core/errors.js';
import { isCrosscheckError } from '../core/errors.js';

/** Codes the API itself answers with, besides the pipeline's {@link ErrorCode}s. */
export type ApiErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'unknown_host'
  | 'not_found'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'internal_error'
  /** A fact sheet could not be built (its last build failed or ran over its budget). */
  | 'fact_sheet_failed'
  | ErrorCode;

/** The body of every error answer. */
export interface ErrorBody {
  error: { code: string; message: string };
}

/** A failure with its HTTP status; thrown by handlers, turned into `{ error: { code, message } }` by the app. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** HTTP status of each pipeline error code, when it reaches the API edge. */
const STATUS_OF_CODE: Record<ErrorCode, number> = {
  not_found: 404,
  unreadable: 400,
  empty_input: 400,
  binary_input: 415,
  too_large: 413,
  decompression_bomb: 413,
  invalid_json: 400,
  invalid_record: 400,
  no_content: 400,
  truncated: 400,
  unsupported_format: 415,
  not_a_crosscheck_db: 500,
  db_too_new: 500,
  fetch_failed: 502,
  fetch_timeout: 504,
  blocked_address: 400,
  bad_url: 400,
  too_many_redirects: 502,
  bad_feed: 400,
  invalid_argument: 400,
  over_budget: 422,
  store_busy: 503,
  cancelled: 503,
  job_failed: 500,
  interrupted: 503,
  read_only: 503,
  fenced: 503,
};

/** Maps anything thrown to an ApiError: ApiErrors as they are, CrosscheckErrors by code, the rest as 500. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (isCrosscheckError(error)) {
    const status = STATUS_OF_CODE[error.code] ?? 500;
    return new ApiError(status, error.code, error.message, { cause: error });
  }
  return new ApiError(500, 'internal_error', 'internal error', { cause: error });
}

export function errorBody(error: ApiError): ErrorBody {
  return { error: { code: error.code, message: error.message } };
}
