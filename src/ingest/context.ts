import type { CrosscheckError } from '../core/errors.js';
import type { DocumentHints, Origin, RawDocument } from '../core/types.js';

/** Largest document kept, after decompression: 50 MiB. */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;
/** Largest expansion accepted from compressed input once it has produced 10 MiB (bomb guard). */
export const DEFAULT_MAX_GZIP_RATIO = 100;

/** Options of readInputs. */
export interface ReadOptions {
  /** Largest document, in bytes after decompression; default MAX_DOCUMENT_BYTES (50 MiB). */
  maxDocumentBytes?: number;
  /**
   * Refuse (`decompression_bomb`) gzip, deflate or brotli data that expands more than this many
   * times; checked once a file has produced 10 MiB, and whenever a document overruns
   * maxDocumentBytes. Default DEFAULT_MAX_GZIP_RATIO (100); real HTML and WARC stay under 20.
   */
  maxGzipRatio?: number;
  /** `--source`: fills `hints.source` when the input does not name one. */
  source?: string;
  /** `--date YYYY-MM-DD`: fills `hints.published` when the input carries none. */
  date?: string;
  /**
   * Progress in bytes on disk, for a bar whose total is surveyInputs' `bytes`: called with the
   * size of every chunk read, and when a file is done with the part of it passed over unread
   * (a refused file, a skipped tail), so the calls add up to the total.
   */
  onProgress?: (bytes: number) => void;
}

/** One result of readInputs: a document, or the failure of one input or one place inside it. */
export type ReadItem =
  | { readonly ok: true; readonly doc: RawDocument }
  | { readonly ok: false; readonly origin: Origin; readonly error: CrosscheckError };

/** Why something was passed over without an error. */
export type SkipCount =
  /** Hidden files and folders in a folder walk (`.git`, `.DS_Store`). */
  | 'hidden'
  /** Files with an extension we do not read, in a folder walk. */
  | 'unsupported_extension'
  /** Sockets, pipes, devices in a folder walk; folders already entered through a link. */
  | 'not_a_file'
  | 'already_visited'
  /** WARC records other than response/resource (warcinfo, request, metadata, revisit...). */
  | 'warc_other_record'
  /** WARC responses whose payload is not HTML (images, scripts, robots.txt...). */
  | 'warc_not_html'
  /** WARC responses with a non-2xx HTTP status (redirects, errors). */
  | 'warc_http_status'
  /** WARC HTML responses with an empty body. */
  | 'warc_empty';

/** What readInputs did, returned when the generator finishes. */
export interface ReadSummary {
  /** Files opened. */
  files: number;
  documents: number;
  errors: number;
  skipped: Record<SkipCount, number>;
}

/** Resolved options plus the counters, shared by the format readers. */
export interface ReadContext {
  readonly maxDocumentBytes: number;
  readonly maxGzipRatio: number;
  readonly source: string | undefined;
  readonly date: string | undefined;
  readonly onRawBytes: ((bytes: number) => void) | undefined;
  readonly summary: ReadSummary;
}

export function emptySummary(): ReadSummary {
  return {
    files: 0,
    documents: 0,
    errors: 0,
    skipped: {
      hidden: 0,
      unsupported_extension: 0,
      not_a_file: 0,
      already_visited: 0,
      warc_other_record: 0,
      warc_not_html: 0,
      warc_http_status: 0,
      warc_empty: 0,
    },
  };
}

/** Completes the hints an input carried with the `--source` and `--date` options. */
export function withOptionHints(context: ReadContext, hints: DocumentHints): DocumentHints {
  const result: DocumentHints = { ...hints };
  if (result.source === undefined && context.source !== undefined) result.source = context.source;
  if (result.published === undefined && context.date !== undefined) result.published = context.date;
  return result;
}

/** Builds a document item. */
export function documentItem(doc: RawDocument): ReadItem {
  return { ok: true, doc };
}

/** Builds a failure item. */
export function failureItem(origin: Origin, error: CrosscheckError): ReadItem {
  return { ok: false, origin, error };
}
