import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { parseFragmentElement, serializeDocument, type HtmlElement, type ParsedPage } from './tree.js';

/** Readability refuses documents with more elements than this (after our clean-up): bounds work. */
export const MAX_ELEMENTS_TO_PARSE = 20_000;

/** What Readability found: the article element (in our tree) and its byline. */
export interface ReadabilityResult {
  content: HtmlElement;
  title: string | null;
  byline: string | null;
}

/**
 * Runs Readability on the page. Readability needs a DOM: the tree is serialised (well-formed,
 * so linkedom rebuilds the same tree) and parsed by linkedom, and Readability's article is
 * brought back into our tree. Null when Readability finds nothing or the page is over the
 * element cap. Does not change the page.
 */
export function runReadability(page: ParsedPage): ReadabilityResult | null {
  const { document } = parseHTML(serializeDocument(page.document));
  const reader = new Readability<string>(document, {
    maxElemsToParse: MAX_ELEMENTS_TO_PARSE,
    // We read JSON-LD ourselves, before scripts are removed.
    disableJSONLD: true,
    serializer: (node: Node) => (node as Element).innerHTML,
  });
  let parsed: ReturnType<typeof reader.parse>;
  try {
    parsed = reader.parse();
  } catch {
    // Readability throws when the element cap is exceeded: treat like "no article found".
    return null;
  }
  if (!parsed?.content) return null;
  return { content: parseFragmentElement(parsed.content), title: parsed.title ?? null, byline: parsed.byline ?? null };
}
