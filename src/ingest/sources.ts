import { extname } from 'node:path';
import { CrosscheckError, isCrosscheckError } from '../core/errors.js';
import type { DocumentHints, Origin, RawDocument } from '../core/types.js';
import type { ReadItem, ReadOptions } from './context.js';
import { detectFeedKind, loadFeed, loadOpml, parseFeed, parseOpml, isUrlSource, type Feed, type FeedEntry } from './feed.js';
import { fetchDocument, type FetchOptions, type FetchResult } from './fetch.js';
import { readInputs } from './read.js';

/** File endings read as feeds (RSS, Atom, RDF) or lists of feeds (OPML) rather than as articles. */
export const FEED_FILE_EXTENSIONS = new Set(['.rss', '.atom', '.rdf', '.xml', '.opml']);

export interface SourceOptions extends ReadOptions {
  /** Options of every HTTP request (timeouts, caps, `allowPrivate`...). */
  fetch?: FetchOptions;
  /** True when an entry's URL is already stored: it is not fetched again. */
  isKnown?: (url: string) => boolean | Promise<boolean>;
  /** Told of each feed entry skipped because it is already known. */
  onKnownEntry?: (url: string, feed: string) => void;
}

/**
 * An entry URL crosscheck refused to fetch (a private or metadata address, a URL that is not
 * http(s)): the entry fails rather than stand in with its summary, since the feed pointed at
 * something it may not reach.
 */
function isRefusal(error: unknown): boolean {
  return isCrosscheckError(error) && (error.code === 'blocked_address' || error.code === 'bad_url');
}

function failure(input: string, error: unknown, location?: string): ReadItem {
  const origin: Origin = location === undefined ? { input } : { input, location };
  const wrapped = isCrosscheckError(error) ? error : new CrosscheckError('fetch_failed', 'ingest', `${input}: ${String(error)}`, { cause: error });
  return { ok: false, origin, error: wrapped };
}

function pageDocument(result: FetchResult, origin: Origin, hints: DocumentHints): RawDocument {
  return {
    origin,
    format: result.kind === 'html' ? 'html' : 'text',
    content: result.body,
    hints: { ...hints, url: result.finalUrl },
  };
}

function entryHints(entry: FeedEntry, feed: Feed, options: SourceOptions): DocumentHints {
  const hints: DocumentHints = {};
  if (entry.guid) hints.id = entry.guid;
  if (entry.title) hints.title = entry.title;
  const published = entry.published ?? options.date;
  if (published) hints.published = published;
  const source = options.source ?? feed.title ?? undefined;
  if (source) hints.source = source;
  if (entry.summary) hints.summary = entry.summary;
  return hints;
}

/** Fetches each entry of a feed (once per URL, never the feed itself), skipping entries already known. */
async function* readFeedEntries(feed: Feed, feedName: string, options: SourceOptions, seen: Set<string>): AsyncGenerator<ReadItem> {
  for (const entry of feed.entries) {
    if (seen.has(entry.url) || entry.url === feedName) continue;
    seen.add(entry.url);
    if (await options.isKnown?.(entry.url)) {
      options.onKnownEntry?.(entry.url, feedName);
      continue;
    }
    try {
      const result = await fetchDocument(entry.url, { ...options.fetch, expect: 'html' });
      yield { ok: true, doc: pageDocument(result, { input: entry.url, location: `entry of ${feedName}` }, entryHints(entry, feed, options)) };
    } catch (error) {
      if (entry.summary && !isRefusal(error)) {
        // The page could not be had: the feed's own text stands in, as a plain-text article, and
        // the origin says so (with why), so that the reader of the ingest log sees it.
        const why = error instanceof Error ? error.message : String(error);
        const origin = { input: entry.url, location: `summary in ${feedName}; page not read: ${why}` };
        yield { ok: true, doc: { origin, format: 'text', content: entry.summary, hints: { ...entryHints(entry, feed, options), url: entry.url } } };
      } else {
        yield failure(entry.url, error, `entry of ${feedName}`);
      }
    }
  }
}

async function* readFeedSource(input: string, options: SourceOptions, seen: Set<string>): AsyncGenerator<ReadItem> {
  const loadOptions = options.fetch ? { fetch: options.fetch } : {};
  let text: string | null = null;
  let feedUrl = input;
  if (isUrlSource(input)) {
    let result: FetchResult;
    try {
      result = await fetchDocument(input, { ...options.fetch, expect: 'any' });
    } catch (error) {
      yield failure(input, error);
      return;
    }
    feedUrl = result.finalUrl;
    const kind = result.kind === 'xml' ? detectFeedKind(result.body) : null;
    if (kind === null) {
      yield { ok: true, doc: pageDocument(result, { input }, { ...(options.source ? { source: options.source } : {}), ...(options.date ? { published: options.date } : {}) }) };
      return;
    }
    text = result.body;
  }
  try {
    const kind = text === null ? null : detectFeedKind(text);
    if (kind === 'opml' || (text === null && extname(input).toLowerCase() === '.opml')) {
      const feeds = text === null ? await loadOpml(input, loadOptions) : parseOpml(text, { url: feedUrl });
      for (const listed of feeds) yield* readFeedSource(listed.url, options, seen);
      return;
    }
    const feed = text === null ? await loadFeed(input, loadOptions) : parseFeed(text, { url: feedUrl });
    yield* readFeedEntries(feed, input, options, seen);
  } catch (error) {
    yield failure(input, error);
  }
}

/**
 * Reads every kind of input in the order given: files and folders (see readInputs), web pages
 * by URL, feeds (RSS, Atom, RDF) and OPML lists by URL or as local files, each feed entry's page
 * fetched and extracted. Never throws for a bad input: each failure is an item naming the input.
 */
export async function* readSources(inputs: string[], options: SourceOptions = {}): AsyncGenerator<ReadItem> {
  const seen = new Set<string>();
  for (const input of inputs) {
    if (isUrlSource(input) || FEED_FILE_EXTENSIONS.has(extname(input).toLowerCase())) {
      yield* readFeedSource(input, options, seen);
    } else if (/^[a-z][a-z0-9+.-]*:/i.test(input) && !/^[a-z]:[\\/]/i.test(input)) {
      yield failure(input, new CrosscheckError('bad_url', 'ingest', `${input}: only http and https URLs can be fetched`));
    } else {
      yield* readInputs([input], options);
    }
  }
}
