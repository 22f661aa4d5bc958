import type { ArticleContinuation } from '../core/types.js';
import type { ArticleChoice } from './candidates.js';
import { getAttribute, textContent, walkElements, type HtmlElement, type ParsedPage } from './tree.js';

/** Links this close to the end of the article (in its last anchors) may be "read more". */
const LAST_ANCHORS = 3;
/** A "read more" or pagination label is short. */
const MAX_LABEL_CHARS = 40;

const REGEXPS = {
  /** "Read more" and "continue reading" in the seven languages of the lexicon. */
  readMore:
    /^(?:read (?:more|on|the (?:full|whole|rest of the) (?:story|article))|continue reading|full (?:story|article)|keep reading|weiterlesen|mehr lesen|ganzen artikel lesen|lire la suite|lire l'article|la suite|leer más|seguir leyendo|continuar leyendo|leer la noticia completa|leggi (?:tutto|di più|l'articolo)|continua a leggere|lees (?:verder|meer)|verder lezen|leia mais|continue lendo|ler mais)\b/iu,
  /** Next-page labels of a paginated article. */
  nextPage:
    /^(?:next(?: page)?|nächste seite|weiter|page suivante|suivant|página siguiente|siguiente|pagina successiva|successiva|avanti|volgende(?: pagina)?|próxima(?: página)?|seguinte)\b|^[»›→>]$/iu,
  pagination: /pagination|pager|paging|page-?numbers|article-?pages/i,
  pageNumber: /^\d{1,3}$/,
} as const;

function resolve(href: string | null, base: string | null): string | null {
  if (!href) return null;
  try {
    const url = base ? new URL(href, base) : new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function sameHost(a: string | null, b: string | null): boolean {
  if (!a || !b) return true;
  try {
    return new URL(a).hostname.replace(/^www\./, '') === new URL(b).hostname.replace(/^www\./, '');
  } catch {
    return false;
  }
}

function label(el: HtmlElement): string {
  return textContent(el).replace(/\s+/g, ' ').trim();
}

/**
 * Tells whether the article goes on elsewhere: a next page (`<link rel=next>`, or a pager
 * with page numbers or a "next" link at or after the article), or a "read more" link closing
 * the article (a teaser or an excerpt). Deterministic; reads only the tree.
 */
export function findContinuation(page: ParsedPage, choice: ArticleChoice, pageUrl: string | null): ArticleContinuation | undefined {
  // The last anchors inside the chosen article.
  const anchors: HtmlElement[] = [];
  for (const root of choice.roots) {
    walkElements(root, (el) => {
      if (choice.excluded.has(el)) return false;
      if (el.tagName === 'a') anchors.push(el);
      return true;
    });
  }
  for (const a of anchors.slice(-LAST_ANCHORS)) {
    const text = label(a);
    if (text.length > 0 && text.length <= MAX_LABEL_CHARS && REGEXPS.readMore.test(text)) {
      const url = resolve(getAttribute(a, 'href'), pageUrl);
      if (url !== pageUrl) return { kind: 'read_more', url };
    }
  }
  // A paginated article: rel=next in the head, or a pager on the page.
  let next: string | null | undefined;
  walkElements(page.head, (el) => {
    if (next === undefined && el.tagName === 'link' && /(?:^|\s)next(?:\s|$)/i.test(getAttribute(el, 'rel') ?? '')) next = resolve(getAttribute(el, 'href'), pageUrl);
  });
  if (next && sameHost(next, pageUrl)) return { kind: 'next_page', url: next };
  let found: ArticleContinuation | undefined;
  walkElements(page.body, (el) => {
    if (found) return false;
    const cls = `${getAttribute(el, 'class') ?? ''} ${getAttribute(el, 'id') ?? ''}`;
    if (!REGEXPS.pagination.test(cls)) return true;
    let numbers = 0;
    let nextLink: string | null = null;
    walkElements(el, (a) => {
      if (a.tagName !== 'a') return true;
      const text = label(a);
      if (REGEXPS.pageNumber.test(text)) numbers++;
      else if (REGEXPS.nextPage.test(text) || /(?:^|\s)next(?:\s|$)/i.test(getAttribute(a, 'rel') ?? '')) nextLink = resolve(getAttribute(a, 'href'), pageUrl);
      return false;
    });
    if (nextLink !== null && sameHost(nextLink, pageUrl) && numbers >= 1) found = { kind: 'next_page', url: nextLink };
    return false;
  });
  return found;
}
