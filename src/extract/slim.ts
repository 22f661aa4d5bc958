import { Parser } from 'htmlparser2';

/** Elements nested deeper than this are flattened into their ancestor (their text is kept). */
export const MAX_NESTING_DEPTH = 160;
/** After this many elements only text is kept: bounds DOM size on huge pages. */
export const MAX_ELEMENTS = 15_000;

/** Subtrees that never hold article text (scripts other than JSON-LD are dropped too). */
const DROPPED_TAGS = new Set([
  'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'video', 'audio',
  'picture', 'map', 'button', 'select', 'textarea', 'dialog', 'nav', 'aside', 'footer', 'frameset', 'frame',
]);
/** Dropped where they stand (void or childless in practice). */
const DROPPED_VOID_TAGS = new Set(['source', 'track', 'input', 'param', 'base', 'area']);
const VOID_TAGS = new Set(['br', 'hr', 'img', 'meta', 'link', 'wbr', 'col', 'area', 'base', 'input', 'source', 'track', 'param', 'embed', 'keygen']);
/** Only the attributes extraction reads survive; the rest (data-*, style, events) is noise. */
const KEPT_ATTRIBUTES = new Set([
  'class', 'id', 'href', 'lang', 'xml:lang', 'datetime', 'pubdate', 'itemprop', 'itemtype', 'rel', 'content', 'name',
  'property', 'http-equiv', 'type', 'charset', 'colspan', 'rowspan', 'dir',
]);
/** ARIA roles of page furniture. */
const FURNITURE_ROLES = new Set([
  'navigation', 'complementary', 'contentinfo', 'dialog', 'alertdialog', 'search', 'menu', 'menubar', 'toolbar',
  'banner', 'alert', 'tablist',
]);

const REGEXPS = {
  hiddenStyle: /display\s*:\s*none|visibility\s*:\s*hidden/i,
  /** Pop-up cards (hover cards on names, tooltips) carry links and teasers inside paragraphs. */
  popupClass: /(?:^|[\s_-])(?:tooltip|popover|rollover|hover-?card|popup)(?:$|[\s_-])/i,
  jsonLdType: /ld\+json/i,
} as const;

function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

function escapeAttribute(value: string): string {
  return value.replace(/[&"<]/g, (c) => (c === '&' ? '&amp;' : c === '"' ? '&quot;' : '&lt;'));
}

/** True when the element is page furniture or hidden, judged from its attributes alone. */
function isDroppedByAttributes(name: string, attributes: Record<string, string>): boolean {
  if (name === 'html' || name === 'body') return false;
  if ('hidden' in attributes) return true;
  if (attributes['aria-hidden'] === 'true') return true;
  const role = attributes['role'];
  if (role !== undefined && FURNITURE_ROLES.has(role.trim().toLowerCase())) return true;
  const style = attributes['style'];
  if (style !== undefined && REGEXPS.hiddenStyle.test(style)) return true;
  const className = attributes['class'];
  return className !== undefined && REGEXPS.popupClass.test(className);
}

/**
 * Re-serialises HTML without what never holds article text: scripts (JSON-LD kept), styles,
 * media, navigation, asides, footers, hidden elements, pop-up cards, and all attributes that
 * extraction does not read. The result is a fraction of the nodes, so the DOM build and
 * Readability cost far less. Nesting beyond `MAX_NESTING_DEPTH` and elements beyond
 * `MAX_ELEMENTS` are flattened to text. Linear in the input; never runs scripts. Pure.
 */
export function slimHtml(html: string): string {
  const out: string[] = [];
  // Names of the open elements as emitted ('' when flattened), to close them in order.
  const open: string[] = [];
  let dropDepth = 0;
  let inJsonLd = false;
  let elements = 0;

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (dropDepth > 0) {
          dropDepth++;
          return;
        }
        const isJsonLd = name === 'script' && REGEXPS.jsonLdType.test(attributes['type'] ?? '');
        if ((name === 'script' && !isJsonLd) || DROPPED_TAGS.has(name) || isDroppedByAttributes(name, attributes)) {
          dropDepth = 1;
          return;
        }
        if (DROPPED_VOID_TAGS.has(name)) {
          open.push('');
          return;
        }
        elements++;
        if (open.length >= MAX_NESTING_DEPTH || elements > MAX_ELEMENTS) {
          open.push('');
          return;
        }
        let tag = `<${name}`;
        for (const key in attributes) {
          if (KEPT_ATTRIBUTES.has(key)) tag += ` ${key}="${escapeAttribute(attributes[key] ?? '')}"`;
        }
        out.push(`${tag}>`);
        open.push(VOID_TAGS.has(name) ? '' : name);
        inJsonLd = isJsonLd;
      },
      ontext(text) {
        if (dropDepth > 0) return;
        // JSON-LD is raw text: it cannot contain "</script", the tokenizer ended it there.
        out.push(inJsonLd ? text : escapeText(text));
      },
      onclosetag() {
        if (dropDepth > 0) {
          dropDepth--;
          return;
        }
        const name = open.pop();
        if (name) out.push(`</${name}>`);
        inJsonLd = false;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: false },
  );
  parser.write(html);
  parser.end();
  return out.join('');
}
