import type { DateProvenance } from '../core/types.js';
import { dateFromUrl, normalizeDate } from './dates.js';
import { normalizeLanguageTag } from './language.js';
import { collapseWhitespace } from './text.js';
import { getAttribute, textContent, walkElements, type ParsedPage } from './tree.js';

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
  /** What the page says about its article, to recognise the article block. */
  evidence: ArticleEvidence;
}

/** The page's own statements about its article (not returned to callers; used to choose the block). */
export interface ArticleEvidence {
  headline: string | null;
  /** JSON-LD `articleBody`: the text itself, when the page gives it. */
  articleBody: string | null;
  /** JSON-LD, `og:` or meta description: usually the lead or a summary of it. */
  description: string | null;
  /** `og:type` (`article`, `website`...). */
  ogType: string | null;
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
  /** The article's own text, when the page puts it in JSON-LD: evidence for choosing the article block. */
  articleBody: string | null;
  description: string | null;
}

/** What one walk of the page collects for the metadata readers. */
interface PageIndex {
  /** Lower-cased meta key (property, name, itemprop, http-equiv) → first non-empty content. */
  metas: Map<string, string>;
  canonicalHref: string | null;
  title: string | null;
  firstH1: string | null;
  relAuthor: string | null;
  /** Values of `[itemprop=datePublished]` elements (datetime, content, else text). */
  itemDates: string[];
  /** `datetime` of `<time>` elements, those marked `pubdate` first. */
  times: string[];
}

function indexPage(page: ParsedPage): PageIndex {
  const index: PageIndex = { metas: new Map(), canonicalHref: null, title: null, firstH1: null, relAuthor: null, itemDates: [], times: [] };
  const pubTimes: string[] = [];
  walkElements(page.html, (el) => {
    const tag = el.tagName;
    if (tag === 'meta') {
      const content = getAttribute(el, 'content');
      if (content === null || content.trim() === '') return;
      for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
        const key = getAttribute(el, attr);
        if (key === null) continue;
        const normal = key.trim().toLowerCase();
        if (!index.metas.has(normal)) index.metas.set(normal, content.trim());
      }
      return;
    }
    if (tag === 'link' && index.canonicalHref === null && /(?:^|\s)canonical(?:\s|$)/i.test(getAttribute(el, 'rel') ?? '')) {
      index.canonicalHref = getAttribute(el, 'href');
    } else if (tag === 'title' && index.title === null) {
      index.title = textContent(el);
    } else if (tag === 'h1' && index.firstH1 === null) {
      index.firstH1 = textContent(el);
    } else if (tag === 'time') {
      const value = getAttribute(el, 'datetime');
      if (value) (getAttribute(el, 'pubdate') !== null ? pubTimes : index.times).push(value);
    }
    if (index.relAuthor === null && /(?:^|\s)author(?:\s|$)/.test(getAttribute(el, 'rel') ?? '')) index.relAuthor = textContent(el);
    if (getAttribute(el, 'itemprop') === 'datePublished') {
      index.itemDates.push(getAttribute(el, 'datetime') ?? getAttribute(el, 'content') ?? textContent(el));
    }
  });
  index.times = [...pubTimes, ...index.times];
  return index;
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
function readJsonLd(blocks: readonly string[]): JsonLdFacts {
  const facts: JsonLdFacts = { headline: null, datePublished: null, authors: [], publisherName: null, articleBody: null, description: null };
  let fallbackDate: string | null = null;
  let visited = 0;
  for (const raw of blocks) {
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
        if (facts.articleBody === null && typeof obj['articleBody'] === 'string') facts.articleBody = obj['articleBody'];
        if (facts.description === null && typeof obj['description'] === 'string') facts.description = obj['description'];
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
  index: PageIndex,
  jsonLd: JsonLdFacts,
  urls: readonly (string | null)[],
): { published: string; from: DateProvenance } | null {
  const metas = index.metas;
  for (const key of DATE_META_KEYS) {
    const value = metas.get(key);
    const date = value === undefined ? null : normalizeDate(value);
    if (date) return { published: date, from: 'meta' };
  }
  if (jsonLd.datePublished) {
    const date = normalizeDate(jsonLd.datePublished);
    if (date) return { published: date, from: 'json-ld' };
  }
  for (const value of index.itemDates) {
    const date = normalizeDate(value);
    if (date) return { published: date, from: 'meta' };
  }
  // A <time pubdate> is the best; else the first with datetime.
  for (const value of index.times) {
    const date = normalizeDate(value);
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
 * the page (meta tags, JSON-LD, `<title>`, `<time>`, `<html lang>`, URL patterns). Pure.
 */
export function extractMetadata(page: ParsedPage, pageUrl: string | null): PageMetadata {
  const index = indexPage(page);
  const metas = index.metas;
  const jsonLd = readJsonLd(page.jsonLd);

  let canonicalUrl: string | null = null;
  const canonicalHref = index.canonicalHref ?? metas.get('og:url');
  if (canonicalHref) canonicalUrl = resolveUrl(canonicalHref.trim(), pageUrl);

  const siteName = clip(metas.get('og:site_name') ?? jsonLd.publisherName ?? metas.get('application-name') ?? null, MAX_TITLE_CHARS);
  const host = hostOf(pageUrl ?? canonicalUrl);

  const rawTitle = metas.get('og:title') ?? metas.get('twitter:title') ?? jsonLd.headline ?? index.title ?? index.firstH1 ?? null;
  const clipped = clip(rawTitle, MAX_TITLE_CHARS);
  const title = clipped === null ? null : stripSiteFromTitle(clipped, siteName, host) || clipped;

  const metaAuthor = metas.get('author') ?? metas.get('article:author') ?? metas.get('parsely-author') ?? metas.get('dc.creator') ?? null;
  const byline =
    cleanByline(metaAuthor) ?? cleanByline(jsonLd.authors.length > 0 ? jsonLd.authors.join(', ') : null) ?? cleanByline(index.relAuthor);

  const published = findPublished(index, jsonLd, [canonicalUrl, pageUrl]);

  const declared =
    getAttribute(page.html, 'lang') ??
    getAttribute(page.html, 'xml:lang') ??
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
    evidence: {
      headline: clip(jsonLd.headline ?? metas.get('og:title') ?? index.firstH1 ?? null, MAX_TITLE_CHARS),
      articleBody: jsonLd.articleBody,
      description: jsonLd.description ?? metas.get('og:description') ?? metas.get('description') ?? null,
      ogType: metas.get('og:type')?.toLowerCase() ?? null,
    },
  };
}

export { hostOf };
