import { CrosscheckError, isCrosscheckError, type ErrorCode } from '../core/errors.js';
import { describeOrigin, type Origin } from '../core/types.js';

export const INGEST_STAGE = 'ingest';

/**
 * A failure found deep inside a reader (byte reader, inflater, parser) that does not know
 * which input or record it concerns yet; the format reader turns it into a CrosscheckError
 * naming the origin.
 */
export class IngestFault extends Error {
  override name = 'IngestFault';
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** Builds the error reported for one input or one place inside it: `path (line 3): detail`. */
export function ingestError(code: ErrorCode, origin: Origin, detail: string, cause?: unknown): CrosscheckError {
  const options = cause === undefined ? undefined : { cause };
  return new CrosscheckError(code, INGEST_STAGE, `${describeOrigin(origin)}: ${detail}`, options);
}

interface NodeErrorLike {
  code?: unknown;
  message?: unknown;
}

/** Maps anything a reader threw (IngestFault, fs or zlib error) to a CrosscheckError naming the origin. */
export function toIngestError(error: unknown, origin: Origin): CrosscheckError {
  if (error instanceof IngestFault) return ingestError(error.code, origin, error.message, error.cause);
  if (isCrosscheckError(error)) return ingestError(error.code, origin, error.message, error);
  const nodeError = (typeof error === 'object' && error !== null ? error : {}) as NodeErrorLike;
  const code = typeof nodeError.code === 'string' ? nodeError.code : '';
  const message = typeof nodeError.message === 'string' ? nodeError.message : String(error);
  switch (code) {
    case 'ENOENT':
      return ingestError('not_found', origin, 'no such file or folder', error);
    case 'EACCES':
    case 'EPERM':
      return ingestError('unreadable', origin, `permission denied (${code})`, error);
    case 'EISDIR':
      return ingestError('unreadable', origin, 'expected a file, found a folder', error);
    case 'ELOOP':
      return ingestError('unreadable', origin, 'too many levels of symbolic links', error);
    // zlib reports a gzip stream cut short as a buffer error ("unexpected end of file").
    case 'Z_BUF_ERROR':
      return ingestError('truncated', origin, `compressed data ends early (${message})`, error);
    case 'Z_DATA_ERROR':
    case 'ERR_BROTLI_DECOMPRESSION_FAILED':
      return ingestError('unreadable', origin, `compressed data is corrupt (${message})`, error);
    default:
      return ingestError('unreadable', origin, code ? `${message} (${code})` : message, error);
  }
}
