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

/**
 * Live sources: web pages by URL and feeds (RSS 2.0, RSS 1.0/RDF, Atom) and OPML lists, by URL or
 * as local files, fetched safely (http(s) only, private addresses refused on the connection
 * actually made, timeouts, redirect and size caps, charset from header, meta or BOM).
 */
export { readSources, FEED_FILE_EXTENSIONS, type SourceOptions } from './sources.js';
export {
  fetchDocument,
  HttpRetryableError,
  HttpStatusError,
  httpStatusOf,
  MAX_FETCH_BYTES,
  USER_AGENT,
  type FetchOptions,
  type FetchResult,
} from './fetch.js';
export { detectFeedKind, isUrlSource, loadFeed, loadOpml, parseFeed, parseOpml, MAX_FEED_ENTRIES, type Feed, type FeedEntry, type OpmlFeed } from './feed.js';
export { formatOpml, type OpmlOutline } from './opml.js';
export { RobotsCache } from './robots.js';
export { addressPolicy, checkUrlTarget, isMetadataAddress, type PrivateAddressPolicy } from './url-guard.js';
/** Outlets files: the outlets a newsroom knows, with their domains and labels. */
export { MAX_OUTLETS, parseOutletsFile, type OutletsFile } from './outlets.js';
