/**
 * ingest: turns what the user hands over into RawDocuments.
 *
 * Files and folders (this part): `.html`/`.htm`, `.txt`, `.jsonl`, `.warc`, each also gzip,
 * read by readInputs in order, streamed so that memory stays bounded by
 * MAX_DOCUMENT_BYTES however large the input. Every bad input or bad place inside one is a
 * failure item carrying a CrosscheckError (`not_found`, `unreadable`, `empty_input`,
 * `binary_input`, `too_large`, `decompression_bomb`, `invalid_json`, `invalid_record`,
 * `truncated`, `unsupported_format`) naming the input and the place; reading goes on.
 */
export {
  DEFAULT_MAX_GZIP_RATIO,
  MAX_DOCUMENT_BYTES,
  type ReadItem,
  type ReadOptions,
  type ReadSummary,
  type SkipCount,
} from './context.js';
export { readInputs, surveyInputs } from './read.js';
