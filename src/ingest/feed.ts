import { open } from 'node:fs/promises';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { decodeHTML } from 'entities';
import { CrosscheckError } from '../core/errors.js';
import { decodeBody, fetchDocument, type FetchOptions } from './fetch.js';

/**
 * Feeds: RSS 2.0, RSS 1.0 (RDF), Atom, and OPML subscription lists, parsed from strings.
 *
 * Safety: the XML parser never expands DTD entities (billion-laughs stays `&lol9;`) and never reads
 * external entities (XXE); malformed XML is `bad_feed` naming the feed. At most
 * {@link MAX_FEED_ENTRIES} entries are read: a larger feed is cut before parsing (memory stays
 * bounded by the kept entries), keeping the first ones, which feeds list newest first; the result
 * says so (`truncated`, `totalEntries`). Entry URLs are resolved against the feed URL, limited to
 * http(s), deduplicated, and never equal to the feed's own URL; an entry URL is only ever a page.
 */

export const MAX_FEED_ENTRIES = 10_000;
export const MAX_OPML_FEEDS = 10_000;
/** Cap on a feed read from a file or URL, bytes. */
export const MAX_FEED_BYTES = 32 * 1024 * 1024;
/** Summaries longer than this are cut (characters). */
export const MAX_SUMMARY_CHARS = 2000;

const STAGE = 'ingest';

export type FeedKind = 'rss' | 'rdf' | 'atom' | 'opml';

export interface FeedEntry {
  /** RSS guid / Atom id / RDF about, or null. */
  guid: string | null;
  /** Absolute http(s) URL of the entry's page. */
  url: string;
  title: string | null;
  /** ISO 8601 (UTC) or null when absent or unparsable. */
  published: string | null;
  /** Plain text (HTML stripped), at most {@link MAX_SUMMARY_CHARS}; a hint, not the article. */
  summary: string | null;
  author: string | null;
}

export interface Feed {
  kind: Exclude<FeedKind, 'opml'>;
  /** Where the feed was read from (URL or file), as given. */
  source: string | null;
  title: string | null;
  /** The site's home page (RSS channel link, Atom alternate link). */
  siteUrl: string | null;
  /** In document order (feeds put the newest first), deduplicated by URL. */
  entries: FeedEntry[];
  /** Entries in the document, counted before the cap. */
  totalEntries: number;
  /** True when entries past {@link MAX_FEED_ENTRIES} (or `maxEntries`) were dropped. */
  truncated: boolean;
  /** Entries dropped for lacking an http(s) URL, repeating one, or pointing at the feed itself. */
  skipped: number;
}

export interface OpmlFeed {
  /** Absolute http(s) URL of the feed (`xmlUrl`). */
  url: string;
  title: string | null;
  htmlUrl: string | null;
  /** Titles of the enclosing outlines, outermost first. */
  categories: string[];
}

export interface ParseFeedOptions {
  /** The feed's own URL (or file path): base for relative links, and named in errors. */
  url?: string;
  maxEntries?: number;
}

const TEXT_FIELDS = ['description', 'summary', 'content', 'content:encoded'];

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Never expand entities: DTD entities stay as written (no billion laughs, no XXE), and the five
  // XML entities and character references are decoded by decodeXmlText below.
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Keep HTML bodies raw so mixed content (Atom xhtml, CDATA) keeps its order.
  stopNodes: TEXT_FIELDS.map((name) => `*.${name}`),
  isArray: (name) => ['item', 'entry', 'link', 'outline', 'author', 'category', 'dc:creator'].includes(name),
});

/** The kind of a feed or subscription document by its root element, or null when it is none. */
export function detectFeedKind(xml: string): FeedKind | null {
  const match = ROOT.exec(xml.slice(0, 64 * 1024));
  const root = match?.[1]?.toLowerCase() ?? '';
  return ROOT_KINDS.get(root) ?? null;
}

const ROOT_KINDS = new Map<string, FeedKind>([
  ['rss', 'rss'],
  ['rdf:rdf', 'rdf'],
  ['rdf', 'rdf'],
  ['feed', 'atom'],
  ['opml', 'opml'],
]);

const ROOT = /^\uFEFF?(?:\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^[>]*(?:\[[\s\S]*?\]\s*)?>)*<([\w.-]+(?::[\w.-]+)?)[\s>/]/i;

/** Parses RSS 2.0, RSS 1.0 or Atom. Throws `bad_feed` naming `options.url` when it is none of them or malformed. */
export function parseFeed(xml: string, options: ParseFeedOptions = {}): Feed {
  const where = options.url ?? 'feed';
  const kind = detectFeedKind(xml);
  if (kind === null) throw new CrosscheckError('bad_feed', STAGE, `Not an RSS, RDF or Atom feed: ${where}`);
  if (kind === 'opml') throw new CrosscheckError('bad_feed', STAGE, `This is an OPML subscription list, not a feed: ${where}`);
  const maxEntries = options.maxEntries ?? MAX_FEED_ENTRIES;
  const itemTag = kind === 'atom' ? 'entry' : 'item';
  const cut = cutEntries(xml, itemTag, maxEntries);
  const doc = parseXml(cut.xml, where);

  let channel: Record<string, unknown> | undefined;
  let items: unknown[];
  // Relative links resolve against the feed's URL; a feed read from a file falls back to its site link.
  let base = options.url !== undefined && isUrlSource(options.url) ? options.url : undefined;
  if (kind === 'rss') {
    channel = asRecord(asRecord(doc['rss'])?.['channel']);
    if (!channel) throw new CrosscheckError('bad_feed', STAGE, `RSS feed without a <channel>: ${where}`);
    items = asArray(channel['item']);
  } else if (kind === 'rdf') {
    const root = asRecord(findKey(doc, ['rdf:RDF', 'RDF']));
    channel = asRecord(findKey(root ?? {}, ['channel', 'rss:channel'])) ?? {};
    items = [...asArray(root?.['item']), ...asArray(root?.['rss:item'])];
  } else {
    channel = asRecord(doc['feed']);
    if (!channel) throw new CrosscheckError('bad_feed', STAGE, `Atom feed without a <feed> root: ${where}`);
    items = asArray(channel['entry']);
    const xmlBase = attr(channel, 'xml:base');
    if (xmlBase !== null) base = resolveHttpUrl(xmlBase, base) ?? base;
  }

  const siteUrl = kind === 'atom' ? atomLink(channel, base) : resolveHttpUrl(textOf(channel['link']) ?? '', base);
  base ??= siteUrl ?? undefined;
  const feedUrl = options.url !== undefined ? resolveHttpUrl(options.url) : null;
  const seen = new Set<string>();
  if (feedUrl !== null) seen.add(stripHash(feedUrl));
  const entries: FeedEntry[] = [];
  let skipped = 0;
  for (const raw of items) {
    const item = asRecord(raw);
    const entry = item ? (kind === 'atom' ? atomEntry(item, base) : rssEntry(item, base)) : null;
    const key = entry ? stripHash(entry.url) : null;
    if (!entry || key === null || seen.has(key)) {
      skipped++;
      continue;
    }
    seen.add(key);
    entries.push(entry);
    if (entries.length >= maxEntries) break;
  }
  return {
    kind,
    source: options.url ?? null,
    title: plainText(textOf(channel['title']), kind === 'atom' ? atomType(channel['title']) : 'escaped'),
    siteUrl,
    entries,
    totalEntries: Math.max(cut.total, items.length),
    truncated: cut.total > maxEntries || items.length > maxEntries,
    skipped,
  };
}

/** Parses an OPML subscription list (nested outlines flattened). Throws `bad_feed` naming `options.url`. */
export function parseOpml(xml: string, options: ParseFeedOptions = {}): OpmlFeed[] {
  const where = options.url ?? 'OPML';
  if (detectFeedKind(xml) !== 'opml') throw new CrosscheckError('bad_feed', STAGE, `Not an OPML document: ${where}`);
  const doc = parseXml(xml, where);
  const body = asRecord(asRecord(doc['opml'])?.['body']);
  const feeds: OpmlFeed[] = [];
  const seen = new Set<string>();
  const max = options.maxEntries ?? MAX_OPML_FEEDS;
  // Iterative walk: nesting depth is already capped by the parser, but no recursion is needed.
  const stack: Array<{ node: unknown; path: string[] }> = asArray(body?.['outline'])
    .map((node) => ({ node, path: [] as string[] }))
    .reverse();
  while (stack.length > 0 && feeds.length < max) {
    const { node, path } = stack.pop()!;
    const outline = asRecord(node);
    if (!outline) continue;
    const title = attr(outline, 'title') ?? attr(outline, 'text');
    const xmlUrl = attr(outline, 'xmlUrl') ?? attr(outline, 'xmlurl');
    const url = xmlUrl === null ? null : resolveHttpUrl(xmlUrl, options.url);
    if (url !== null && !seen.has(url)) {
      seen.add(url);
      const htmlUrl = attr(outline, 'htmlUrl');
      feeds.push({ url, title, htmlUrl: htmlUrl === null ? null : resolveHttpUrl(htmlUrl, options.url), categories: path });
    }
    const children = asArray(outline['outline']);
    const childPath = url === null && title !== null ? [...path, title] : path;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], path: childPath });
  }
  return feeds;
}

export interface LoadOptions extends ParseFeedOptions {
  fetch?: FetchOptions;
  /** Cap for a local file, bytes. Default {@link MAX_FEED_BYTES}. */
  maxBytes?: number;
}

/** Reads a feed from an http(s) URL (through the safe fetch) or a local file, and parses it. */
export async function loadFeed(source: string, options: LoadOptions = {}): Promise<Feed> {
  const { text, url } = await readFeedSource(source, options);
  return parseFeed(text, { ...options, url });
}

/** Reads an OPML list from an http(s) URL or a local file. */
export async function loadOpml(source: string, options: LoadOptions = {}): Promise<OpmlFeed[]> {
  const { text, url } = await readFeedSource(source, options);
  return parseOpml(text, { ...options, url });
}

/** True when `source` names a URL to fetch rather than a file to read. */
export function isUrlSource(source: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(source) && !/^file:/i.test(source);
}

async function readFeedSource(source: string, options: LoadOptions): Promise<{ text: string; url: string }> {
  if (isUrlSource(source)) {
    const result = await fetchDocument(source, { maxBytes: options.maxBytes ?? MAX_FEED_BYTES, expect: 'feed', ...options.fetch });
    return { text: result.body, url: result.finalUrl };
  }
  const maxBytes = options.maxBytes ?? MAX_FEED_BYTES;
  let handle;
  try {
    handle = await open(source, 'r');
  } catch (error) {
    const code = (error as { code?: unknown }).code === 'ENOENT' ? 'not_found' : 'unreadable';
    throw new CrosscheckError(code, STAGE, `Cannot read feed file ${source}`, { cause: error });
  }
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) throw new CrosscheckError('too_large', STAGE, `Feed file of ${size} bytes exceeds the cap of ${maxBytes} bytes: ${source}`);
    const bytes = await handle.readFile();
    return { text: decodeBody(bytes).text, url: source };
  } finally {
    await handle.close();
  }
}

function parseXml(xml: string, where: string): Record<string, unknown> {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new CrosscheckError('bad_feed', STAGE, `Malformed XML in ${where} at line ${valid.err.line}: ${valid.err.msg}`);
  }
  try {
    return parser.parse(xml) as Record<string, unknown>;
  } catch (error) {
    throw new CrosscheckError('bad_feed', STAGE, `Unreadable XML in ${where}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/**
 * Cuts a feed after `max` entries before parsing, so a 100,000-entry feed costs only the kept ones:
 * keeps everything up to the (max+1)-th entry's start tag and everything after the last entry's end
 * tag (the closing tags of channel and root). Returns the entry count of the whole document.
 */
function cutEntries(xml: string, tag: string, max: number): { xml: string; total: number } {
  const start = new RegExp(`<(?:[\\w.-]+:)?${tag}[\\s>/]`, 'g');
  let total = 0;
  let cutAt = -1;
  for (let match = start.exec(xml); match !== null; match = start.exec(xml)) {
    total++;
    if (total === max + 1) cutAt = match.index;
  }
  if (cutAt < 0) return { xml, total };
  const end = new RegExp(`</(?:[\\w.-]+:)?${tag}\\s*>`, 'g');
  end.lastIndex = cutAt;
  let tailAt = -1;
  for (let match = end.exec(xml); match !== null; match = end.exec(xml)) tailAt = match.index + match[0].length;
  if (tailAt < 0) return { xml, total };
  return { xml: xml.slice(0, cutAt) + xml.slice(tailAt), total };
}

function rssEntry(item: Record<string, unknown>, base: string | undefined): FeedEntry | null {
  const guidNode = item['guid'];
  const guid = textOf(guidNode) ?? attr(item, 'rdf:about');
  const isPermaLink = attr(asRecord(guidNode) ?? {}, 'isPermaLink') !== 'false';
  const link = textOf(item['link']) ?? (isPermaLink && guid !== null ? guid : null) ?? attr(item, 'rdf:about');
  const url = link === null ? null : resolveHttpUrl(link, base);
  if (url === null) return null;
  return {
    guid,
    url,
    title: plainText(textOf(item['title']), 'escaped'),
    published: isoDate(textOf(item['pubDate']) ?? textOf(item['dc:date']) ?? textOf(item['a10:updated'])),
    summary: summaryOf(item['description'] ?? item['content:encoded'], 'html'),
    author: plainText(textOf(item['dc:creator']) ?? textOf(item['author']), 'escaped'),
  };
}

function atomEntry(entry: Record<string, unknown>, base: string | undefined): FeedEntry | null {
  const entryBase = attr(entry, 'xml:base');
  const entryBaseUrl = entryBase === null ? base : (resolveHttpUrl(entryBase, base) ?? base);
  const url = atomLink(entry, entryBaseUrl);
  if (url === null) return null;
  const summaryNode = entry['summary'] ?? entry['content'];
  const titleNode = entry['title'];
  const author = asArray(entry['author'])[0];
  return {
    guid: textOf(entry['id']),
    url,
    title: plainText(textOf(titleNode), atomType(titleNode)),
    published: isoDate(textOf(entry['published']) ?? textOf(entry['updated'])),
    summary: summaryOf(summaryNode, atomType(summaryNode)),
    author: plainText(textOf(asRecord(author)?.['name']) ?? textOf(author), 'text'),
  };
}

/** The alternate link of an Atom feed or entry (the first link without rel, or rel="alternate"). */
function atomLink(node: Record<string, unknown>, base: string | undefined): string | null {
  const links = asArray(node['link']).map((link) => asRecord(link) ?? {});
  const alternate = links.find((link) => (attr(link, 'rel') ?? 'alternate') === 'alternate') ?? links[0];
  const href = alternate ? attr(alternate, 'href') : null;
  return href === null ? null : resolveHttpUrl(href, base);
}

/** How a text field is written: Atom `type`, or RSS `escaped` (entity-escaped HTML is common in titles). */
type TextType = 'text' | 'html' | 'xhtml' | 'escaped';

/** Atom's `type` attribute (`text`, `html`, `xhtml`, or a MIME type) as a TextType. */
function atomType(node: unknown): TextType {
  const type = attr(asRecord(node) ?? {}, 'type')?.toLowerCase() ?? 'text';
  return type.includes('xhtml') ? 'xhtml' : type.includes('html') ? 'html' : 'text';
}

function summaryOf(node: unknown, type: TextType): string | null {
  const raw = typeof node === 'string' ? node : (asRecord(node)?.['#text'] as string | undefined);
  if (raw === undefined || raw.trim() === '') return null;
  const text = plainText(unwrapRaw(raw, type === 'xhtml'), type === 'text' ? 'text' : 'html');
  if (text === null) return null;
  return text.length > MAX_SUMMARY_CHARS ? `${text.slice(0, MAX_SUMMARY_CHARS - 1).trimEnd()}…` : text;
}

/** Raw XML of a stop node to its string value: CDATA kept literally, entities elsewhere decoded (not for xhtml markup). */
function unwrapRaw(raw: string, isMarkup: boolean): string {
  const parts = raw.split(/<!\[CDATA\[([\s\S]*?)\]\]>/);
  return parts.map((part, i) => (i % 2 === 1 || isMarkup ? part : decodeXmlText(part))).join('');
}

const BLOCK_TAG = /<\/?(?:p|div|br|li|ul|ol|h[1-6]|tr|td|th|blockquote|section|article|figure|figcaption|img|hr)\b[^>]*>/gi;
const HIDDEN_BLOCK = /<(script|style|noscript|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;

/**
 * Text of a field: `html`/`xhtml` have comments, scripts and tags removed (blocks become spaces)
 * and HTML entities decoded; `escaped` only has entities decoded. Linear-time regexes only.
 */
function plainText(value: string | null, type: TextType): string | null {
  if (value === null) return null;
  let text = value;
  if (type === 'html' || type === 'xhtml') {
    if (text.includes('<')) {
      text = text
        .replace(/<!--[\s\S]*?-->/g, ' ')
        .replace(HIDDEN_BLOCK, ' ')
        .replace(BLOCK_TAG, ' ')
        .replace(/<\/?[a-zA-Z][^>]*>/g, '');
    }
    if (text.includes('&')) text = decodeHTML(text);
  } else if (type === 'escaped' && text.includes('&')) {
    text = decodeHTML(text);
  }
  text = text.replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the five XML entities and character references; any other entity stays as written. */
function decodeXmlText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return XML_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Text content of a parsed node (string, `{#text}` object, or first of an array), XML-decoded. */
function textOf(node: unknown): string | null {
  if (Array.isArray(node)) return textOf(node[0]);
  if (typeof node === 'string') return node.trim() === '' ? null : decodeXmlText(node.trim());
  const record = asRecord(node);
  if (record && typeof record['#text'] === 'string') return textOf(record['#text']);
  return null;
}

function attr(node: Record<string, unknown>, name: string): string | null {
  const value = node[`@_${name}`];
  return typeof value === 'string' && value.trim() !== '' ? decodeXmlText(value.trim()) : null;
}

function asRecord(node: unknown): Record<string, unknown> | undefined {
  return typeof node === 'object' && node !== null && !Array.isArray(node) ? (node as Record<string, unknown>) : undefined;
}

function asArray(node: unknown): unknown[] {
  if (node === undefined || node === null) return [];
  return Array.isArray(node) ? node : [node];
}

function findKey(node: Record<string, unknown>, names: string[]): unknown {
  for (const name of names) if (node[name] !== undefined) return node[name];
  return undefined;
}

/** Absolute http(s) URL or null (javascript:, data:, mailto: and garbage are dropped). */
function resolveHttpUrl(href: string, base?: string): string | null {
  try {
    const url = base !== undefined && /^[a-z][a-z0-9+.-]*:\/\//i.test(base) ? new URL(href.trim(), base) : new URL(href.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function stripHash(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}

function isoDate(value: string | null): string | null {
  if (value === null) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}
