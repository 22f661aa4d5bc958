import type { DateProvenance } from '../core/types.js';
import { dateFromUrl, normalizeDate } from './dates.js';
import { normalizeLanguageTag } from './language.js';
import { collapseWhitespace } from './text.js';

/** Metadata read from a page's head and markup, before any hint is applied. */
export interface PageMetadata {
  title: string | null;
  siteName: string | null;
  byline: string | null;
  /** Absolute canonical URL (`link rel=canonical`, `og:url`), or null. */
  canonicalUrl: string | null;
  published: string | null;
  publishedFrom: DateProvenance | null;
  /** From `<html lang>` or a content-language meta, ISO 639-1. */
  language: string | null;
}

/** JSON-LD blocks larger than this are skipped: no real page needs more, hostile ones could. */
const MAX_JSON_LD_CHARS = 500_000;
/** Bounds the walk through JSON-LD objects. */
const MAX_JSON_LD_NODES = 2_000;
const MAX_TITLE_CHARS = 400;
const MAX_BYLINE_CHARS = 200;

const ARTICLE_TYPES = /(?:Article|BlogPosting|Report|NewsArticle|LiveBlogPosting|Posting)$/;

/** Meta names/properties that carry a publication date, in order of trust. */
const DATE_META_KEYS = [
  'article:published_time',
  'og:article:published_time',
  'datepublished',
  'article.published',
  'published_time',
  'publish-date',
  'publish_date',
  'publishdate',
  'pubdate',
  'sailthru.date',
  'parsely-pub-date',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date',
  'dcterms.date',
  'dcterms.created',
  'date',
  'og:published_time',
  'article:modified_time',
  'datemodified',
  'og:updated_time',
];

interface JsonLdFacts {
  headline: string | null;
  datePublished: string | null;
  authors: string[];
  publisherName: string | null;
}

/** Reads meta tags into lower-cased key → first non-empty content. */
function readMetaTags(document: Document): Map<string, string> {
  const metas = new Map<string, string>();
  for (const meta of Array.from(document.querySelectorAll('meta'))) {
    const content = meta.getAttribute('content');
    if (content === null || content.trim() === '') continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = meta.getAttribute(attr);
      if (key === null) continue;
      const normal = key.trim().toLowerCase();
      if (!metas.has(normal)) metas.set(normal, content.trim());
    }
  }
  return metas;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

function typesOf(node: Record<string, unknown>): string[] {
  return asArray(node['@type']).filter((t): t is string => typeof t === 'string');
}

function nameOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const name = (value as Record<string, unknown>)['name'];
    if (typeof name === 'string') return name.trim() || null;
  }
  return null;
}

/** Walks every JSON-LD block (arrays, `@graph`, nesting) and collects article facts. */
function readJsonLd(document: Document): JsonLdFacts {
  const facts: JsonLdFacts = { headline: null, datePublished: null, authors: [], publisherName: null };
  let fallbackDate: string | null = null;
  let visited = 0;
  for (const script of Array.from(document.querySelectorAll('script[type]'))) {
    if (!/ld\+json/i.test(script.getAttribute('type') ?? '')) continue;
    const raw = script.textContent ?? '';
    if (raw.length > MAX_JSON_LD_CHARS) continue;
    let data: unknown;
    try {
      // Some sites wrap JSON-LD in CDATA markers or HTML comments.
      data = JSON.parse(raw.replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[)/, '').replace(/(?:-->|\/\/\s*\]\]>)\s*$/, ''));
    } catch {
      continue;
    }
    const stack: unknown[] = [data];
    while (stack.length > 0 && visited < MAX_JSON_LD_NODES) {
      const node = stack.pop();
      visited++;
      if (Array.isArray(node)) {
        for (let i = node.length - 1; i >= 0; i--) stack.push(node[i]);
        continue;
      }
      if (!node || typeof node !== 'object') continue;
      const obj = node as Record<string, unknown>;
      if (obj['@graph'] !== undefined) stack.push(obj['@graph']);
      const isArticle = typesOf(obj).some((t) => ARTICLE_TYPES.test(t));
      const date = typeof obj['datePublished'] === 'string' ? obj['datePublished'] : null;
      if (isArticle) {
        if (facts.datePublished === null && date) facts.datePublished = date;
        if (facts.headline === null && typeof obj['headline'] === 'string') facts.headline = obj['headline'];
        if (facts.authors.length === 0) {
          facts.authors = asArray(obj['author'])
            .map(nameOf)
            .filter((n): n is string => n !== null);
        }
        if (facts.publisherName === null) facts.publisherName = nameOf(obj['publisher']);
      } else if (fallbackDate === null && date) {
        fallbackDate = date;
      }
      if (facts.publisherName === null && typesOf(obj).some((t) => t === 'NewsMediaOrganization')) {
        facts.publisherName = nameOf(obj);
      }
    }
  }
  if (facts.datePublished === null) facts.datePublished = fallbackDate;
  return facts;
}

const TITLE_SEPARATORS = [' | ', ' - ', ' – ', ' — ', ' :: ', ' · ', ' • ', ' / ', ' : '];

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Removes a site-name prefix or suffix from a page title ("Headline | Outlet" → "Headline"). */
export function stripSiteFromTitle(title: string, siteName: string | null, host: string | null): string {
  const squash = (s: string): string => s.toLowerCase().replace(/[\s.]+/g, '');
  const names = [siteName, host, host?.split('.')[0] ?? null].filter((n): n is string => !!n).map(squash);
  const isSite = (part: string): boolean => {
    const s = squash(part);
    if (s.length === 0) return false;
    return names.some((n) => s === n || (n.length >= 4 && s.includes(n)) || (s.length >= 4 && n.includes(s)));
  };
  for (const sep of TITLE_SEPARATORS) {
    if (!title.includes(sep)) continue;
    const parts = title.split(sep);
    const first = parts[0] ?? '';
    const last = parts[parts.length - 1] ?? '';
    if (isSite(last)) return parts.slice(0, -1).join(sep).trim();
    if (isSite(first)) return parts.slice(1).join(sep).trim();
    // Unknown site name: a short last part after a longer headline is taken as the site.
    if (sep !== ' : ' && sep !== ' - ' && parts.length >= 2 && wordCount(last) <= 4 && wordCount(first) >= 4) {
      return parts.slice(0, -1).join(sep).trim();
    }
  }
  return title;
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\d?\./, '') || null;
  } catch {
    return null;
  }
}

function resolveUrl(href: string, base: string | null): string | null {
  try {
    const url = base ? new URL(href, base) : new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function cleanByline(raw: string | null): string | null {
  if (!raw) return null;
  const text = collapseWhitespace(raw).replace(/^by\s+/i, '').trim();
  if (text.length === 0 || text.length > MAX_BYLINE_CHARS || /^https?:\/\//i.test(text)) return null;
  return text;
}

function clip(text: string | null, max: number): string | null {
  if (text === null) return null;
  const clean = collapseWhitespace(text);
  if (clean.length === 0) return null;
  return clean.length > max ? clean.slice(0, max) : clean;
}

/** Publication date, most trusted source first, each with its provenance. */
function findPublished(
  document: Document,
  metas: Map<string, string>,
  jsonLd: JsonLdFacts,
  urls: readonly (string | null)[],
): { published: string; from: DateProvenance } | null {
  for (const key of DATE_META_KEYS) {
    const value = metas.get(key);
    const date = value === undefined ? null : normalizeDate(value);
    if (date) return { published: date, from: 'meta' };
  }
  if (jsonLd.datePublished) {
    const date = normalizeDate(jsonLd.datePublished);
    if (date) return { published: date, from: 'json-ld' };
  }
  for (const el of Array.from(document.querySelectorAll('[itemprop="datePublished"]'))) {
    const value = el.getAttribute('datetime') ?? el.getAttribute('content') ?? el.textContent ?? '';
    const date = normalizeDate(value);
    if (date) return { published: date, from: 'meta' };
  }
  const times = Array.from(document.querySelectorAll('time'));
  // A <time pubdate> or one inside the article header is the best; else the first with datetime.
  const ordered = [...times.filter((t) => t.hasAttribute('pubdate')), ...times];
  for (const time of ordered) {
    const value = time.getAttribute('datetime');
    const date = value ? normalizeDate(value) : null;
    if (date) return { published: date, from: 'time' };
  }
  for (const url of urls) {
    const date = url ? dateFromUrl(url) : null;
    if (date) return { published: date, from: 'url' };
  }
  return null;
}

/**
 * Reads title, site name, byline, canonical URL, publication date and declared language from
 * the page. Must run before scripts are removed (JSON-LD lives in them). Pure.
 */
export function extractMetadata(document: Document, pageUrl: string | null): PageMetadata {
  const metas = readMetaTags(document);
  const jsonLd = readJsonLd(document);

  let canonicalUrl: string | null = null;
  const canonicalHref = document.querySelector('link[rel~="canonical" i]')?.getAttribute('href') ?? metas.get('og:url');
  if (canonicalHref) canonicalUrl = resolveUrl(canonicalHref.trim(), pageUrl);

  const siteName = clip(metas.get('og:site_name') ?? jsonLd.publisherName ?? metas.get('application-name') ?? null, MAX_TITLE_CHARS);
  const host = hostOf(pageUrl ?? canonicalUrl);

  const rawTitle =
    metas.get('og:title') ??
    metas.get('twitter:title') ??
    jsonLd.headline ??
    document.querySelector('title')?.textContent ??
    document.querySelector('h1')?.textContent ??
    null;
  const clipped = clip(rawTitle, MAX_TITLE_CHARS);
  const title = clipped === null ? null : stripSiteFromTitle(clipped, siteName, host) || clipped;

  const relAuthor = document.querySelector('[rel~="author"]')?.textContent ?? null;
  const metaAuthor = metas.get('author') ?? metas.get('article:author') ?? metas.get('parsely-author') ?? metas.get('dc.creator') ?? null;
  const byline =
    cleanByline(metaAuthor) ?? cleanByline(jsonLd.authors.length > 0 ? jsonLd.authors.join(', ') : null) ?? cleanByline(relAuthor);

  const published = findPublished(document, metas, jsonLd, [canonicalUrl, pageUrl]);

  const declared =
    document.documentElement?.getAttribute('lang') ??
    document.documentElement?.getAttribute('xml:lang') ??
    metas.get('content-language') ??
    metas.get('language') ??
    metas.get('dc.language') ??
    null;
  const language = declared ? normalizeLanguageTag(declared) : null;

  return {
    title,
    siteName,
    byline,
    canonicalUrl,
    published: published?.published ?? null,
    publishedFrom: published?.from ?? null,
    language,
  };
}

export { hostOf };
