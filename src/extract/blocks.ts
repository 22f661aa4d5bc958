import { collapseWhitespace } from './text.js';
import { getAttribute, isElement, type HtmlElement, type HtmlNode } from './tree.js';

/** One paragraph-like run of text from the article DOM, with what the boilerplate rules need. */
export interface TextBlock {
  text: string;
  /** Characters of the text inside links. */
  linkChars: number;
  /** Tag of the nearest block ancestor (`p`, `li`, `h2`, `figcaption`, `div`...). */
  tag: string;
  /** The nearest enclosing `ul`/`ol`, so list-level rules can look at all its items. */
  list: HtmlElement | null;
  /** Inside `figure`/`figcaption` or an element whose class says caption/credit. */
  isCaption: boolean;
  /** Inside `blockquote`. */
  isQuote: boolean;
}

const EMPTY: ReadonlySet<HtmlElement> = new Set();

/** Elements that start a new block of text. */
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul', 'br', 'caption', 'legend', 'option', 'html',
]);

const CAPTION_CLASS = /caption|credit|copyright|photo-?info|image-?info|media-?info/i;

interface Context {
  tag: string;
  list: HtmlElement | null;
  isCaption: boolean;
  isQuote: boolean;
  inLink: boolean;
}

/**
 * Splits an element's content into text blocks at block-level boundaries. Iterative (no
 * recursion), so deeply nested markup cannot overflow the stack. Pure.
 */
export function collectBlocks(root: HtmlElement, excluded: ReadonlySet<HtmlElement> = EMPTY): TextBlock[] {
  const blocks: TextBlock[] = [];
  let parts: string[] = [];
  let linkChars = 0;
  let current: Context = { tag: root.tagName, list: null, isCaption: false, isQuote: false, inLink: false };

  const flush = (): void => {
    if (parts.length === 0) return;
    const text = collapseWhitespace(parts.join(''));
    if (text.length > 0) {
      blocks.push({
        text,
        linkChars: Math.min(linkChars, text.length),
        tag: current.tag,
        list: current.list,
        isCaption: current.isCaption,
        isQuote: current.isQuote,
      });
    }
    parts = [];
    linkChars = 0;
  };

  // Frames to enter a node in a context, or to leave an element and restore its parent's context.
  type Frame = { node: HtmlNode | HtmlElement; ctx: Context; leaving: boolean };
  const stack: Frame[] = [{ node: root, ctx: current, leaving: false }];
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    const node = frame.node;
    if (frame.leaving) {
      if (BLOCK_TAGS.has((node as HtmlElement).tagName)) flush();
      current = frame.ctx;
      continue;
    }
    current = frame.ctx;
    if (node.nodeName === '#text') {
      const value = (node as { value: string }).value;
      parts.push(value);
      if (current.inLink) linkChars += collapseWhitespace(value).length;
      continue;
    }
    if (!isElement(node) || excluded.has(node)) continue;
    const el = node;
    const tag = el.tagName;
    if (BLOCK_TAGS.has(tag)) flush();
    if (tag === 'br' || tag === 'hr') continue;
    const parent = current;
    const className = `${getAttribute(el, 'class') ?? ''} ${getAttribute(el, 'id') ?? ''}`;
    const ctx: Context = {
      tag: BLOCK_TAGS.has(tag) ? tag : parent.tag,
      list: tag === 'ul' || tag === 'ol' ? el : parent.list,
      isCaption: parent.isCaption || tag === 'figcaption' || tag === 'figure' || (className.length > 1 && CAPTION_CLASS.test(className)),
      isQuote: parent.isQuote || tag === 'blockquote',
      inLink: parent.inLink || tag === 'a',
    };
    if (tag === 'td' || tag === 'th') parts.push(' ');
    stack.push({ node: el, ctx: parent, leaving: true });
    current = ctx;
    const children = el.childNodes;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child) stack.push({ node: child, ctx, leaving: false });
    }
  }
  flush();
  return blocks;
}
