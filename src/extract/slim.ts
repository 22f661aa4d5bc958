import { Tokenizer } from 'htmlparser2';

/** Elements nested deeper than this are flattened into their ancestor (their text is kept). */
export const MAX_NESTING_DEPTH = 160;
/** After this many elements only text is kept: bounds DOM size on huge pages. */
export const MAX_ELEMENTS = 15_000;
/** Attribute values are cut here: no attribute extraction reads needs more, hostile ones are megabytes. */
const MAX_ATTRIBUTE_CHARS = 4_096;
/** JSON-LD blocks larger than this are skipped: no real page needs more, hostile ones could. */
const MAX_JSON_LD_CHARS = 500_000;
/** An end tag looks this far down the open elements for its start tag: keeps stray end tags O(1). */
const MAX_END_TAG_SEARCH = 256;

/** Subtrees that never hold article text (scripts other than JSON-LD are dropped too). */
const DROPPED_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'video', 'audio',
  'picture', 'map', 'dialog', 'nav', 'aside', 'footer', 'frameset', 'frame',
  'noembed', 'noframes',
]);
/**
 * Form controls: written empty, so that the tree shows a form's fields (how comment forms and
 * polls are recognised) without their option lists and labels.
 */
const EMPTIED_TAGS = new Set(['button', 'select', 'datalist']);
/** Void elements: never have an end tag or content. */
const VOID_TAGS = new Set([
  'area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'image', 'img', 'input', 'keygen', 'link',
  'meta', 'param', 'source', 'track', 'wbr',
]);
/** Void elements dropped where they stand. */
const DROPPED_VOID_TAGS = new Set(['source', 'track', 'param', 'base', 'area', 'embed', 'frame', 'keygen', 'bgsound', 'basefont', 'image']);
/**
 * Tags whose start or end would switch the standard tokenizer into a mode the streaming
 * tokenizer does not know (`plaintext`) or that only structure the document (`html`, `head`,
 * `body`: emitted, never counted as open elements, so a page that repeats or misplaces them
 * keeps its content).
 */
const UNTRACKED_TAGS = new Set(['html', 'head', 'body']);
/**
 * Formatting elements: the standard re-opens them in every following block until closed, so
 * distinct attribute sets on unclosed ones make the tree quadratic. Written without attributes,
 * the standard's "Noah's ark" clause keeps at most three of each. (`a` keeps its attributes:
 * a new `a` closes the open one, so there is never more than one.)
 */
const FORMATTING_TAGS = new Set(['b', 'big', 'code', 'em', 'font', 'i', 'nobr', 's', 'small', 'strike', 'strong', 'tt', 'u']);
/** Only the attributes extraction reads survive; the rest (data-*, style, events) is noise. */
const KEPT_ATTRIBUTES = new Set([
  'class', 'id', 'href', 'lang', 'xml:lang', 'datetime', 'pubdate', 'itemprop', 'itemtype', 'itemscope', 'rel', 'content', 'name',
  'property', 'http-equiv', 'type', 'charset', 'colspan', 'rowspan', 'dir', 'action', 'method', 'for',
]);
/** ARIA roles of page furniture. */
const FURNITURE_ROLES = new Set([
  'navigation', 'complementary', 'contentinfo', 'dialog', 'alertdialog', 'search', 'menu', 'menubar', 'toolbar',
  'banner', 'alert', 'tablist',
]);
/** A start tag of one of these closes an open `p` (the standard's "close a p element" list). */
const CLOSES_P = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'details', 'dialog', 'dir', 'div', 'dl', 'fieldset', 'figcaption',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'dd', 'dt', 'listing',
  'main', 'menu', 'nav', 'ol', 'p', 'pre', 'search', 'section', 'summary', 'table', 'ul', 'xmp',
]);
/** Elements that bound the search for an open `p`, `li`, `dd`/`dt`, or table cell (scope markers). */
const SCOPE_MARKERS = new Set(['table', 'td', 'th', 'caption', 'marquee', 'object', 'applet', 'template', 'html']);
/**
 * A new `li`, `dd` or `dt` closes the open one only up to the nearest "special" element of the
 * standard (other than address, div and p): `<li><nav><li>` leaves the first item open.
 */
const LIST_MARKERS = new Set([
  'applet', 'article', 'aside', 'blockquote', 'button', 'caption', 'center', 'colgroup', 'details', 'dir', 'dl',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'frameset', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'iframe', 'listing', 'main', 'marquee', 'menu', 'nav', 'noembed', 'noframes', 'noscript', 'object', 'ol', 'pre',
  'search', 'section', 'select', 'summary', 'table', 'tbody', 'td', 'template', 'tfoot', 'th', 'thead', 'tr', 'ul', 'xmp',
]);
const P_MARKERS = new Set([...SCOPE_MARKERS, 'button']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

const REGEXPS = {
  hiddenStyle: /display\s*:\s*none|visibility\s*:\s*hidden/i,
  /** Pop-up cards (hover cards on names, tooltips) carry links and teasers inside paragraphs. */
  popupClass: /(?:^|[\s_-])(?:tooltip|popover|rollover|hover-?card|popup)(?:$|[\s_-])/i,
  jsonLdType: /ld\+json/i,
  doctype: /^!?doctype/i,
  documentEnd: /<\/(?:body|html)\s*>/i,
} as const;

/** What the slimming pass gives: markup for the tree builder, and the JSON-LD it took out. */
export interface SlimResult {
  html: string;
  /** Raw text of each `<script type="application/ld+json">`, in order (oversized ones left out). */
  jsonLd: string[];
}

/** True when the element is page furniture or hidden, judged from its attributes alone. */
function isDroppedByAttributes(attributes: ReadonlyMap<string, string>): boolean {
  if (attributes.has('hidden')) return true;
  if (attributes.get('aria-hidden') === 'true') return true;
  const role = attributes.get('role');
  if (role !== undefined && FURNITURE_ROLES.has(role.trim().toLowerCase())) return true;
  const style = attributes.get('style');
  if (style !== undefined && REGEXPS.hiddenStyle.test(style)) return true;
  const className = attributes.get('class');
  return className !== undefined && REGEXPS.popupClass.test(className);
}

/**
 * Re-serialises HTML without what never holds article text: scripts (JSON-LD taken out
 * separately), styles, media, navigation, asides, footers, hidden elements, pop-up cards,
 * comments, and all attributes that extraction does not read. Tokens are kept in their
 * order and end tags are not invented, so the tree builder that follows (parse5, the HTML
 * standard's algorithm) makes the tree a browser would: content before `<body>` or after
 * `</html>`, unclosed paragraphs and cells land where a browser puts them.
 *
 * Work is linear in the input whatever its shape: the open elements are a stack with O(1)
 * push and pop, a stray end tag searches at most `MAX_END_TAG_SEARCH` of them, nesting beyond
 * `maxDepth` and elements beyond `MAX_ELEMENTS` are flattened to their text, attribute values
 * are cut, and formatting elements lose their attributes (see FORMATTING_TAGS). Never runs
 * scripts. Pure.
 */
export function slimHtml(html: string, maxDepth = MAX_NESTING_DEPTH): SlimResult {
  return slim(html, maxDepth, false);
}

function slim(html: string, maxDepth: number, isRetry: boolean): SlimResult {
  const out: string[] = [];
  const jsonLd: string[] = [];
  // Open elements as the stream sees them; `emitted[i]` says whether its tags are written.
  const names: string[] = [];
  const emitted: boolean[] = [];
  let emittedDepth = 0;
  // Index in `names` of the element whose subtree is being dropped, or -1.
  let dropFrom = -1;
  let elements = 0;
  let sawDoctype = false;

  // The start tag being read.
  let tagName = '';
  const attributes = new Map<string, string>();
  let attributeName = '';
  let attributeValue = '';
  // Raw-text element whose content arrives as text: 'json' (kept), 'drop' (skipped), '' (none).
  let rawText: '' | 'json' | 'drop' = '';
  let jsonText = '';
  // Name of the raw-text element being read ('' when none), and where its tag and text began.
  let rawTextElement = '';
  let rawTextFrom = { tagStart: 0, textStart: 0 };
  let tagStart = 0;

  /** Pops the open elements down to `index`; `write` writes the end tags of the emitted ones. */
  const popTo = (index: number, write: boolean): void => {
    while (names.length > index) {
      const name = names.pop() as string;
      if (emitted.pop() === true) {
        emittedDepth--;
        if (write && dropFrom < 0) out.push(`</${name}>`);
      }
      if (dropFrom >= names.length) dropFrom = -1;
    }
  };

  /** Index of the nearest open `name` above any scope marker, or -1. */
  const findInScope = (targets: ReadonlySet<string> | string, markers: ReadonlySet<string>): number => {
    const stop = Math.max(0, names.length - MAX_END_TAG_SEARCH);
    for (let i = names.length - 1; i >= stop; i--) {
      const n = names[i] as string;
      if (typeof targets === 'string' ? n === targets : targets.has(n)) return i;
      if (markers.has(n)) return -1;
    }
    return -1;
  };

  /**
   * The standard closes some open elements when certain start tags arrive; the stack follows,
   * and their end tags are written, so that dropping the start tag does not merge the text
   * before and after it.
   */
  const applyImpliedEnds = (name: string): void => {
    if (CLOSES_P.has(name)) {
      const p = findInScope('p', P_MARKERS);
      if (p >= 0) popTo(p, true);
    }
    if (name === 'li') {
      const li = findInScope('li', LIST_MARKERS);
      if (li >= 0) popTo(li, true);
    } else if (name === 'dd' || name === 'dt') {
      const d = findInScope(DD_DT, LIST_MARKERS);
      if (d >= 0) popTo(d, true);
    } else if (name === 'td' || name === 'th' || name === 'tr' || name === 'tbody' || name === 'thead' || name === 'tfoot') {
      const targets = name === 'td' || name === 'th' ? CELLS : name === 'tr' ? ROW_OR_CELL : SECTION_ROW_OR_CELL;
      const cell = findInScope(targets, TABLE_MARKER);
      if (cell >= 0) popTo(cell, true);
    } else if (HEADINGS.has(name) && HEADINGS.has(names[names.length - 1] ?? '')) {
      popTo(names.length - 1, true);
    } else if (name === 'option' && names[names.length - 1] === 'option') {
      popTo(names.length - 1, true);
    }
  };

  const openTag = (): void => {
    const name = tagName;
    tagName = '';
    if (name === '') return;
    if (rawTextElement !== '' || name === 'plaintext') return;
    if (UNTRACKED_TAGS.has(name)) {
      if (dropFrom < 0) out.push(name === 'html' ? `<html${attributeString(name)}>` : `<${name}>`);
      return;
    }
    applyImpliedEnds(name);
    const isVoid = VOID_TAGS.has(name);
    const dropping = dropFrom >= 0;
    if (name === 'script' || name === 'style' || name === 'textarea' || name === 'title' || name === 'xmp') {
      // The tokenizer reads their content as raw text: decide here what happens to it.
      const isJsonLd = name === 'script' && REGEXPS.jsonLdType.test(attributes.get('type') ?? '');
      rawText = dropping ? 'drop' : isJsonLd ? 'json' : name === 'title' || name === 'xmp' ? '' : 'drop';
      jsonText = '';
      if (!dropping && (name === 'title' || name === 'xmp')) {
        // Written as elements whose text is escaped: the tree builder must not see markup in it.
        out.push(name === 'title' ? '<title>' : '<pre>');
        rawTextElement = name;
        return;
      }
      rawTextElement = name;
      if (name === 'textarea' && !dropping) out.push(` <textarea${attributeString(name)}></textarea> `);
      return;
    }
    if (isVoid) {
      // Hidden inputs are not fields a reader sees (page state, tokens).
      const isHiddenInput = name === 'input' && /^\s*hidden\s*$/i.test(attributes.get('type') ?? '');
      if (!dropping && !DROPPED_VOID_TAGS.has(name) && !isHiddenInput && elements < MAX_ELEMENTS) {
        elements++;
        out.push(`<${name}${attributeString(name)}>`);
      }
      return;
    }
    names.push(name);
    if (dropping) {
      emitted.push(false);
      return;
    }
    if (DROPPED_TAGS.has(name) || EMPTIED_TAGS.has(name) || isDroppedByAttributes(attributes)) {
      emitted.push(false);
      dropFrom = names.length - 1;
      // A space where the subtree was, so the words on either side stay apart; a control stays as an empty element.
      out.push(EMPTIED_TAGS.has(name) && !isDroppedByAttributes(attributes) ? ` <${name}${attributeString(name)}></${name}> ` : ' ');
      return;
    }
    elements++;
    const isEmitted = emittedDepth < maxDepth && elements <= MAX_ELEMENTS;
    emitted.push(isEmitted);
    if (isEmitted) {
      emittedDepth++;
      out.push(`<${name}${attributeString(name)}>`);
    }
  };

  const attributeString = (name: string): string => {
    if (attributes.size === 0) return '';
    let s = '';
    if (FORMATTING_TAGS.has(name)) return '';
    for (const [key, value] of attributes) {
      if (KEPT_ATTRIBUTES.has(key)) s += ` ${key}="${quoteAttribute(value)}"`;
    }
    return s;
  };


  const tokenizer: Tokenizer = new Tokenizer(
    { decodeEntities: false },
    {
      onopentagname(start, end) {
        tagName = html.slice(start, end).toLowerCase();
        attributes.clear();
        tagStart = start - 1;
      },
      onattribname(start, end) {
        attributeName = html.slice(start, end).toLowerCase();
        attributeValue = '';
      },
      onattribdata(start, end) {
        if (attributeValue.length < MAX_ATTRIBUTE_CHARS) attributeValue += html.slice(start, Math.min(end, start + MAX_ATTRIBUTE_CHARS));
      },
      onattribentity() {
        // Not called: entities are left for the tree builder to decode.
      },
      onattribend() {
        if (!attributes.has(attributeName)) attributes.set(attributeName, attributeValue.slice(0, MAX_ATTRIBUTE_CHARS));
      },
      onopentagend(end) {
        const name = tagName;
        openTag();
        if (rawTextElement === name) rawTextFrom = { tagStart, textStart: end + 1 };
      },
      onselfclosingtag() {
        // HTML ignores the slash on non-void elements: `<div/>` opens a div.
        openTag();
      },
      onclosetag(start, end) {
        const name = html.slice(start, end).toLowerCase();
        if (rawTextElement !== '') {
          // Raw text ends only at its own end tag (`<script/>` leaves the tokenizer in markup mode).
          if (name !== rawTextElement) return;
          if (rawText === 'json' && jsonText.length <= MAX_JSON_LD_CHARS) jsonLd.push(jsonText);
          if (rawText === '' && dropFrom < 0) out.push(rawTextElement === 'title' ? '</title>' : '</pre>');
          rawText = '';
          rawTextElement = '';
          jsonText = '';
          return;
        }
        if (UNTRACKED_TAGS.has(name)) {
          // `</body>` and `</html>` change nothing in a browser (later content still joins the body).
          if (name === 'head' && dropFrom < 0) out.push('</head>');
          return;
        }
        if (name === 'br') {
          // A browser reads `</br>` as `<br>`.
          if (dropFrom < 0) out.push('<br>');
          return;
        }
        if (VOID_TAGS.has(name)) return;
        const stop = Math.max(0, names.length - MAX_END_TAG_SEARCH);
        for (let i = names.length - 1; i >= stop; i--) {
          if (names[i] !== name) continue;
          // Only an element outside any dropped subtree can have been emitted.
          const isEmitted = emitted[i] === true;
          // Elements left open inside are closed by the tree builder as a browser would.
          popTo(i, false);
          if (isEmitted) out.push(`</${name}>`);
          return;
        }
        // `</p>` with no open p makes an empty paragraph in a browser: a paragraph break.
        if (name === 'p' && dropFrom < 0) out.push('<p></p>');
      },
      ontext(start, end) {
        if (rawText === 'drop') return;
        if (rawText === 'json') {
          if (jsonText.length <= MAX_JSON_LD_CHARS) jsonText += html.slice(start, end);
          return;
        }
        if (dropFrom >= 0) return;
        // Entities stay encoded for the tree builder; a bare `<` is escaped so it stays text.
        const text = html.slice(start, end);
        out.push(text.includes('<') ? text.replace(/</g, '&lt;') : text);
      },
      ontextentity() {
        // Not called: entities are left for the tree builder to decode.
      },
      oncomment() {},
      oncdata() {},
      onprocessinginstruction() {},
      ondeclaration(start, end) {
        // The doctype decides quirks mode, which changes how tables and paragraphs nest.
        const text = html.slice(start, end);
        if (!sawDoctype && REGEXPS.doctype.test(text)) {
          sawDoctype = true;
          out.unshift(`<!${text.replace(/^!/, '').replace(/[<>]/g, '')}>`);
        }
      },
      onend() {
        if (rawText === 'json' && jsonText.length <= MAX_JSON_LD_CHARS) jsonLd.push(jsonText);
        if (rawText === '' && rawTextElement !== '' && dropFrom < 0) out.push(rawTextElement === 'title' ? '</title>' : '</pre>');
      },
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  // An unclosed `<title>`, `<script>`, `<style>` or `<textarea>` swallows the rest of the page
  // as raw text, in a browser too. When the swallowed text holds the end of the document, the
  // element was a typo: read the page again without its start tag (once: bounded work).
  if (rawTextElement !== '' && !isRetry && REGEXPS.documentEnd.test(html.slice(rawTextFrom.textStart))) {
    return slim(html.slice(0, rawTextFrom.tagStart) + html.slice(rawTextFrom.textStart), maxDepth, true);
  }
  return { html: out.join(''), jsonLd };
}

const DD_DT = new Set(['dd', 'dt']);
const CELLS = new Set(['td', 'th']);
const ROW_OR_CELL = new Set(['tr', 'td', 'th']);
const SECTION_ROW_OR_CELL = new Set(['tbody', 'thead', 'tfoot', 'tr', 'td', 'th']);
const TABLE_MARKER = new Set(['table', 'html', 'template']);

function quoteAttribute(value: string): string {
  return value.includes('"') ? value.replace(/"/g, '&quot;') : value;
}
