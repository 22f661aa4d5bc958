/**
 * How an article is named wherever it is shown (CLI, Markdown, JSON, web UI): one label, the same
 * everywhere, so a pasted report can be traced back to its source.
 */

/** What names an article: its outlet, its URL and the input it was read from. */
export interface ArticleIdentity {
  id: number;
  source: string | null;
  url?: string | null | undefined;
  /** The input as stored (`path/file.jsonl (line 3)`, a URL, `POST /api/articles`). */
  origin?: string | null | undefined;
}

/** The host of an http(s) URL without a leading `www.`, or null. */
export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return parsed.hostname.replace(/^www\./i, '') || null;
}

/** Splits a stored origin into its input and the place inside it (`line 3`, `offset 812`). */
function splitOrigin(origin: string): { input: string; location: string | null } {
  const m = /^(.*\S) \(([^()]*)\)$/s.exec(origin);
  return m ? { input: m[1] ?? origin, location: m[2] ?? null } : { input: origin, location: null };
}

/**
 * The file an article was read from (its base name, with the place inside a multi-article file),
 * or null when it did not come from a file (a URL, an HTTP push).
 */
export function fileOf(origin: string | null | undefined): string | null {
  if (!origin) return null;
  const { input, location } = splitOrigin(origin.trim());
  if (input === '' || /^[a-z][a-z0-9+.-]*:\/\//i.test(input) || /^(?:GET|POST|PUT) \//.test(input) || input === '-') return null;
  const name = input.split(/[\\/]/).filter(Boolean).pop();
  if (!name) return null;
  return location ? `${name} (${location})` : name;
}

/**
 * The article's label: its outlet, else the host of its URL, else the name of its input file,
 * else `article {id}` (never a bare `#id`, never its title). Control characters are dropped.
 */
export function sourceLabel(article: ArticleIdentity): string {
  const source = article.source?.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').replace(/\s+/g, ' ').trim();
  if (source) return source;
  const host = hostOf(article.url) ?? hostOf(article.origin ? splitOrigin(article.origin).input : null);
  if (host) return host;
  const file = fileOf(article.origin);
  if (file) return file.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
  return `article ${article.id}`;
}

/** Where a label leads: the article's http(s) URL, else its input file, else nothing. */
export function sourceLocation(article: ArticleIdentity): { kind: 'url' | 'file'; value: string } | null {
  const url = article.url && hostOf(article.url) ? article.url : null;
  if (url) return { kind: 'url', value: url };
  const input = article.origin ? splitOrigin(article.origin.trim()) : null;
  if (input && hostOf(input.input)) return { kind: 'url', value: input.input };
  if (input && fileOf(article.origin)) return { kind: 'file', value: article.origin!.trim() };
  return null;
}

/** Distinct labels of a set of articles: the story's outlet count. */
export function countSources(articles: Iterable<ArticleIdentity>): number {
  const labels = new Set<string>();
  for (const a of articles) labels.add(sourceLabel(a));
  return labels.size;
}

/** Longest title made from an article's first sentence, in characters. */
export const UNTITLED_MAX = 90;

/**
 * A title for an article without one: its first sentence, cut at a word boundary with an ellipsis
 * when longer than `max` characters.
 */
export function firstSentenceTitle(text: string, max = UNTITLED_MAX): string {
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').replace(/\s+/g, ' ').trim();
  // The first sentence end: . ! ? (or their CJK forms) followed by a space or the end, not after a one-letter initial.
  const end = /(?<!\b\p{Lu})[.!?。！？](?=["”’»)]*(?:\s|$))/u.exec(flat);
  const sentence = end ? flat.slice(0, end.index + 1) : flat;
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max);
  const space = cut.lastIndexOf(' ');
  const head = (space > max / 3 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/u, '');
  return `${head}…`;
}

/** The article's title, else its first sentence (see {@link firstSentenceTitle}), else its label. */
export function displayTitle(article: ArticleIdentity & { title: string | null; paragraphs?: readonly string[] | undefined; text?: string | undefined }): string {
  const title = article.title?.replace(/\s+/g, ' ').trim();
  if (title) return title;
  const text = article.text ?? article.paragraphs?.[0] ?? '';
  return text.trim() ? firstSentenceTitle(text) : sourceLabel(article);
}

/**
 * What names a stored article: the URL is the page its text was read from, else the canonical
 * address the page claims (as the fact sheet cites it), so every view gives the same label.
 */
export function storedIdentity(a: { id: number; source: string | null; url: string | null; canonicalUrl: string | null; origin: string }): ArticleIdentity {
  return { id: a.id, source: a.source, url: a.url ?? a.canonicalUrl, origin: a.origin };
}
