import { Readability } from '@mozilla/readability';

/** Readability refuses documents with more elements than this (after our clean-up): bounds work. */
export const MAX_ELEMENTS_TO_PARSE = 20_000;

/** What Readability found: the article element (its own DOM, not re-parsed HTML) and its byline. */
export interface ReadabilityResult {
  content: Element;
  title: string | null;
  byline: string | null;
}

/**
 * Runs Readability on a (cleaned) document and returns its article element directly, skipping
 * the serialise-then-reparse round trip. Null when Readability finds nothing or the document is
 * over the element cap. Mutates the document.
 */
export function runReadability(document: Document): ReadabilityResult | null {
  const reader = new Readability<Element>(document, {
    maxElemsToParse: MAX_ELEMENTS_TO_PARSE,
    // We read JSON-LD ourselves, before scripts are removed.
    disableJSONLD: true,
    serializer: (node: Node) => node as Element,
  });
  let parsed: ReturnType<typeof reader.parse>;
  try {
    parsed = reader.parse();
  } catch {
    // Readability throws when the element cap is exceeded: treat like "no article found".
    return null;
  }
  if (!parsed?.content) return null;
  return { content: parsed.content, title: parsed.title ?? null, byline: parsed.byline ?? null };
}
