/**
 * The data that flows through crosscheck, stage by stage:
 *
 *   ingest  → RawDocument        (bytes from a file, a WARC record, a JSONL line or a URL)
 *   extract → ExtractedArticle   (clean text and metadata)
 *   store   → StoredArticle      (an ExtractedArticle with its id and raw input kept)
 *   dedup   → copy relations, passages
 *   cluster → story assignments
 *   analyze → fact sheets
 */

/** Where a document came from: the input the user named and the place inside it. */
export interface Origin {
  /** File path or URL as the user gave it (or as found while walking a folder). */
  readonly input: string;
  /** Place inside the input, e.g. `line 12` or `record at offset 40960`. */
  readonly location?: string;
}

/** Formats an origin for error messages: `path/file.jsonl (line 3)`. */
export function describeOrigin(origin: Origin): string {
  return origin.location ? `${origin.input} (${origin.location})` : origin.input;
}

/** Hints that the input itself carried (JSONL fields, WARC headers, CLI options). */
export interface DocumentHints {
  /** The id the input gave the article (JSONL `id`, WARC-Record-ID). */
  id?: string;
  url?: string;
  title?: string;
  source?: string;
  /** ISO 8601 date or date-time. */
  published?: string;
  language?: string;
  /** A feed entry's summary: used as the article's text only when the page itself has none. */
  summary?: string;
}

/** A document read from some input, decoded to text, not yet extracted. */
export interface RawDocument {
  readonly origin: Origin;
  /** `html` for markup, `text` for plain text articles. */
  readonly format: 'html' | 'text';
  /** The decoded content (charset already resolved). */
  readonly content: string;
  /** Hints from the container (JSONL fields, WARC target URI, command-line options). */
  readonly hints: DocumentHints;
}

/** Where a publication date was found, most trusted first. */
export type DateProvenance = 'input' | 'meta' | 'json-ld' | 'time' | 'url' | 'text' | 'option' | 'inferred';

/** The result of extraction: clean article text and metadata. */
export interface ExtractedArticle {
  title: string | null;
  /** The main text as paragraphs, boilerplate removed. Never empty. */
  paragraphs: string[];
  /** Outlet: the site name, else the host of the URL, else the `--source` option. */
  source: string | null;
  byline: string | null;
  /** The URL the document was fetched from or declared (`url` hint, WARC target). */
  url: string | null;
  /** `<link rel=canonical>` / `og:url`, absolute; falls back to `url`. */
  canonicalUrl: string | null;
  /** ISO 8601 (`2025-03-27` or `2025-03-27T10:00:00Z`). */
  published: string | null;
  publishedFrom: DateProvenance | null;
  /** ISO 639-1 code, or null when too little text to tell. */
  language: string | null;
  /** Version of the extractor that produced these fields. */
  extractorVersion: number;
  /**
   * Set when the page holds only part of the article: a next page of a multi-page article, or
   * a "read more" link to the full text. Absent when the page is the whole article.
   */
  continuation?: ArticleContinuation;
}

/** Where the rest of an article is. */
export interface ArticleContinuation {
  kind: 'next_page' | 'read_more';
  /** Absolute URL of the rest, when the page gives one. */
  url: string | null;
}

/** Branded ids keep article and story ids from being mixed up. */
export type ArticleId = number & { readonly __brand: 'ArticleId' };
export type StoryId = number & { readonly __brand: 'StoryId' };

/** An article as kept in the store. */
export interface StoredArticle extends ExtractedArticle {
  id: ArticleId;
  /** The id the input gave, if any. */
  externalId: string | null;
  /** The paragraphs joined by blank lines. */
  text: string;
  /** SHA-256 of the normalised text, hex. */
  textHash: string;
  origin: string;
  format: 'html' | 'text';
  ingestedAt: string;
}

/** A watched feed's state: validators for conditional GET, schedule and health (kept by the store, used by the watcher). */
export interface FeedState {
  /** The feed URL as added (the key). */
  url: string;
  /** Feed title from the last successful parse, or null. */
  title: string | null;
  /** Validators from the last complete poll, sent back as If-None-Match / If-Modified-Since. */
  etag: string | null;
  lastModified: string | null;
  /** ISO 8601 instants. */
  lastPolledAt: string | null;
  nextPollAt: string;
  lastSuccessAt: string | null;
  /** Current polling interval, ms, within the watcher's [min, max]. */
  intervalMs: number;
  consecutiveFailures: number;
  /** Message of the last failure, cleared by a success. */
  lastError: string | null;
  /** Documents handed to `onDocument` from this feed, all time. */
  articlesFound: number;
  /** HTTP status of the last answer to a poll (200, 304, 404, 503…), or null when none came (network failure, robots, not polled yet). */
  lastStatus: number | null;
  /** True when robots.txt disallowed fetching the feed itself at the last poll. */
  isBlockedByRobots: boolean;
}

/**
 * An outlet as a newsroom knows it (from an outlets file): the name articles carry, the domains
 * its pages are on, and any labels the newsroom keeps (country, language, owner and its own).
 */
export interface OutletProfile {
  name: string;
  /** Host names, lower case, without `www.`; a subdomain of one matches too. */
  domains: string[];
  country: string | null;
  language: string | null;
  owner: string | null;
  /** Further labels by name (`lean: centre-left`, `type: public broadcaster`). */
  labels: Record<string, string>;
}
