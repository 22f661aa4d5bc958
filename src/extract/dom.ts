import { parseHTML } from 'linkedom';
import { slimHtml } from './slim.js';

/** Longer HTML is cut here before parsing: bounds parse time and memory on hostile input. */
export const MAX_HTML_CHARS = 3_000_000;

/** A form with less text than this is a search box or sign-up prompt; some sites wrap the whole page in one. */
const MAX_FORM_TEXT_CHARS = 400;

/**
 * Parses HTML into a linkedom document after slimming it (see slim.ts). No script runs:
 * scripts are dropped before the DOM exists, and linkedom has no script engine anyway.
 */
export function parseDocument(html: string): Document {
  const source = slimHtml(html.length > MAX_HTML_CHARS ? html.slice(0, MAX_HTML_CHARS) : html);
  // Without <html> linkedom makes a document with no body; wrap bare fragments.
  const wrapped = /<html[\s>]/.test(source.slice(0, 2000)) ? source : `<html><head></head><body>${source}</body></html>`;
  return parseHTML(wrapped).document;
}

/**
 * Removes what the slimming pass cannot judge from one tag: short forms (search boxes, sign-up
 * prompts) and JSON-LD scripts once metadata has been read. Mutates the document.
 */
export function removeNonContent(document: Document): void {
  for (const el of Array.from(document.querySelectorAll('form,script'))) {
    if (el.localName === 'script' || (el.textContent ?? '').length < MAX_FORM_TEXT_CHARS) el.remove();
  }
}

/** Number of elements in the document. */
export function countElements(document: Document): number {
  return document.getElementsByTagName('*').length;
}
