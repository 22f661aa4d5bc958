import { parse, parseFragment, serialize, type DefaultTreeAdapterTypes } from 'parse5';
import { MAX_NESTING_DEPTH, slimHtml } from './slim.js';

export type HtmlDocument = DefaultTreeAdapterTypes.Document;
export type HtmlElement = DefaultTreeAdapterTypes.Element;
export type HtmlNode = DefaultTreeAdapterTypes.ChildNode;
export type HtmlParent = DefaultTreeAdapterTypes.ParentNode;

/** Longer HTML is cut here before parsing: bounds parse time and memory on hostile input. */
export const MAX_HTML_CHARS = 3_000_000;

/** A parsed page: the tree a browser would build from the slimmed markup, and the page's JSON-LD. */
export interface ParsedPage {
  document: HtmlDocument;
  html: HtmlElement;
  head: HtmlElement;
  body: HtmlElement;
  jsonLd: string[];
}

/** Limits on one parse; both default to the module constants. */
export interface ParseLimits {
  maxChars?: number;
  maxDepth?: number;
}

export function isElement(node: HtmlNode | HtmlParent): node is HtmlElement {
  return 'tagName' in node;
}

function childElement(parent: HtmlParent, tag: string): HtmlElement | null {
  for (const child of parent.childNodes) if (isElement(child) && child.tagName === tag) return child;
  return null;
}

/**
 * Parses HTML as a browser would, after slimming it (see slim.ts): parse5 implements the HTML
 * standard's tree construction, so a page with content before `<body>`, unclosed tags or
 * misnested markup keeps its text in the body. Never runs scripts. The document always has
 * `html`, `head` and `body` elements.
 */
export function parsePage(source: string, limits: ParseLimits = {}): ParsedPage {
  const maxChars = limits.maxChars ?? MAX_HTML_CHARS;
  const slim = slimHtml(source.length > maxChars ? source.slice(0, maxChars) : source, limits.maxDepth ?? MAX_NESTING_DEPTH);
  const document = parse(slim.html, { scriptingEnabled: false });
  const html = childElement(document, 'html') as HtmlElement;
  const head = childElement(html, 'head') as HtmlElement;
  const body = (childElement(html, 'body') ?? childElement(html, 'frameset')) as HtmlElement;
  return { document, html, head, body, jsonLd: slim.jsonLd };
}

/** The value of an attribute (names are lower-case), or null. */
export function getAttribute(el: HtmlElement, name: string): string | null {
  for (const a of el.attrs) if (a.name === name) return a.value;
  return null;
}

/** Concatenated text of a subtree, iteratively (deep trees cannot overflow the stack). */
export function textContent(root: HtmlNode | HtmlParent): string {
  if (root.nodeName === '#text') return (root as DefaultTreeAdapterTypes.TextNode).value;
  const parts: string[] = [];
  const stack: HtmlNode[] = [];
  const children = (root as HtmlParent).childNodes;
  for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as HtmlNode);
  while (stack.length > 0) {
    const node = stack.pop() as HtmlNode;
    if (node.nodeName === '#text') {
      parts.push((node as DefaultTreeAdapterTypes.TextNode).value);
    } else if (isElement(node)) {
      const kids = node.childNodes;
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as HtmlNode);
    }
  }
  return parts.join('');
}

/**
 * Visits the elements under `root` in document order, iteratively. `visit` returning false
 * skips the element's children.
 */
export function walkElements(root: HtmlParent, visit: (el: HtmlElement) => boolean | void): void {
  const stack: HtmlNode[] = [];
  const push = (parent: HtmlParent): void => {
    const kids = parent.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as HtmlNode);
  };
  push(root);
  while (stack.length > 0) {
    const node = stack.pop() as HtmlNode;
    if (!isElement(node)) continue;
    if (visit(node) !== false) push(node);
  }
}

/** The elements under `root` that match, in document order. */
export function findAll(root: HtmlParent, match: (el: HtmlElement) => boolean): HtmlElement[] {
  const found: HtmlElement[] = [];
  walkElements(root, (el) => {
    if (match(el)) found.push(el);
  });
  return found;
}

/** Takes a node out of its parent. */
export function removeNode(node: HtmlNode): void {
  const parent = node.parentNode;
  if (!parent) return;
  const index = parent.childNodes.indexOf(node);
  if (index >= 0) parent.childNodes.splice(index, 1);
  node.parentNode = null;
}

/** Serialises a document (for the Readability fallback, which needs a DOM of its own). */
export function serializeDocument(document: HtmlDocument): string {
  return serialize(document);
}

/** Parses markup that a DOM serialised back (well-formed) into an element of this tree. */
export function parseFragmentElement(markup: string): HtmlElement {
  const fragment = parseFragment(`<div>${markup}</div>`);
  const first = fragment.childNodes.find(isElement);
  return first ?? (parseFragment('<div></div>').childNodes[0] as HtmlElement);
}
