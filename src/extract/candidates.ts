import { classifyHeading, hasFurniturePhrase, MAX_NOTICE_WORDS, type FurnitureHeading } from './lexicon.js';
import type { ArticleEvidence } from './metadata.js';
import { getAttribute, isElement, textContent, type HtmlElement, type HtmlNode } from './tree.js';

/**
 * Chooses the element(s) holding the article, from figures gathered in one pass over the tree.
 *
 * 1. Every element gets its text length, link text, commas, paragraphs, images, form fields
 *    and links, summed bottom-up (arrays indexed in document order: a child always comes
 *    after its parent, so one backward loop sums a tree).
 * 2. Furniture is set aside before scoring, structure first: forms and widgets whose fields
 *    outnumber their prose (comment forms, polls, sign-ups), listings of teasers (repeated
 *    items that are mostly a link), sections headed "Comments", "Related articles",
 *    "Kommentare", "Noticias relacionadas"... (lexicon.ts), and class names of furniture.
 * 3. Paragraphs score their ancestors, and the best candidate with its article-like siblings
 *    is the article: the content-score scheme of Arc90's Readability, as Mozilla's
 *    Readability.js implements it (paragraph points from length and commas, divided by the
 *    distance to the ancestor, scaled by link density), on the same tree a browser builds.
 * 4. The page's own statements weigh in: `itemprop=articleBody` and schema.org article types
 *    raise a candidate, and when JSON-LD gives the `articleBody`, the candidate whose words
 *    cover it wins over one that does not.
 *
 * Linear in the number of nodes (the JSON-LD comparison is bounded to a few candidates).
 */

/** Paragraphs shorter than this are not scored (labels, buttons, captions). */
const MIN_PARAGRAPH_CHARS = 25;
/** How far up a paragraph's score travels. */
const MAX_SCORED_ANCESTORS = 5;
/** Below this much text the chosen article is suspicious and the choice is retried with fewer exclusions. */
const MIN_ARTICLE_CHARS = 500;
/** Candidates compared when looking for a common ancestor of several strong ones, and against JSON-LD. */
const TOP_CANDIDATES = 5;
/** A parent's score must exceed its child's by this factor to take over as the candidate. */
const MIN_RISE = 1.1;
/** Class or id weight, added once for the class and once for the id. */
const CLASS_WEIGHT = 25;
/** A form or widget is furniture when its paragraphs number fewer than this many per field. */
const PARAGRAPHS_PER_FIELD = 3;
/** Widgets outside a `<form>` with fields: only small ones are furniture (a page wrapper has fields too). */
const MAX_WIDGET_CHARS = 1_500;
/** A listing has at least this many teaser items. */
const MIN_TEASERS = 3;
/** A teaser is short and mostly the link to another page. */
const MAX_TEASER_CHARS = 600;
const MIN_TEASER_LINK_DENSITY = 0.3;
/** Share of a listing's text in its teasers. */
const MIN_TEASER_SHARE = 0.6;
/** A candidate covering this share of the JSON-LD `articleBody` words is the article. */
const MIN_ARTICLE_BODY_COVERAGE = 0.8;
/** A candidate after the headline takes over from one above it when it scores at least this share of it. */
const MIN_AFTER_HEADLINE_SHARE = 0.5;
/** Words of `articleBody` compared: enough to tell, bounded work. */
const MAX_ARTICLE_BODY_WORDS = 3_000;

const REGEXPS = {
  /** Class/id of blocks that are rarely the article: removed before scoring unless `maybeCandidate` also matches. */
  unlikely:
    /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|newsletter|subscri|signup|sign-up|poll|survey|respond|reply|recommend|teaser|promo|trending|most-?(?:read|popular|viewed)|outbrain|taboola|kommentar|comentario|commentaire|commenti|reactie|cookie|consent|login|share|sharing|author-?(?:bio|box|info|about)|about-?(?:the-?)?author|contributor|tags|topics/i,
  maybeCandidate: /and|article|body|column|content|main|shadow|story|entry|post|text/i,
  positive: /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story/i,
  negative:
    /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|poll|survey|newsletter|subscri|teaser|respond|reply|kommentar|comentario|commentaire|commenti/i,
  /** `itemtype` of an article (schema.org). */
  articleType: /schema\.org\/(?:\w*Article|BlogPosting|Report|LiveBlogPosting|Posting)\b/i,
  word: /[\p{L}\p{N}]+/gu,
} as const;

/** Block-level children that stop a `div` from counting as a paragraph itself (Readability's list, and a few). */
const BLOCK_CHILD_TAGS = new Set([
  'blockquote', 'dl', 'div', 'img', 'ol', 'p', 'pre', 'table', 'ul', 'section', 'article', 'header', 'main', 'figure',
  'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'fieldset', 'address', 'hr',
]);
/** Phrasing elements: their text belongs to the block around them. */
const INLINE_TAGS = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'kbd', 'label',
  'mark', 'nobr', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt',
  'u', 'var', 'wbr', 'br', 'img', 'input', 'select', 'textarea', 'button',
]);
/** Scored as paragraphs (their points go to their ancestors). */
const SCORED_TAGS = new Set(['p', 'pre', 'td', 'h2', 'h3', 'h4', 'h5', 'h6', 'section']);
/** Containers cleaned when they look like furniture inside the chosen article. */
const CLEANED_TAGS = new Set(['div', 'section', 'ul', 'ol', 'table', 'form', 'fieldset', 'dl', 'header']);
const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const FIELD_TAGS = new Set(['input', 'textarea', 'select', 'button']);
/** Elements whose text is never article text (kept by the slimming pass for their attributes or as field markers). */
const SKIPPED_TAGS = new Set(['script', 'style', 'template', 'head', 'title', 'option']);
/** Never set aside as furniture: they are, or hold, the article by the page's own markup. */
const ARTICLE_TAGS = new Set(['body', 'article', 'main']);

/** Per-element figures, indexed in document (pre-)order. */
interface Stats {
  els: HtmlElement[];
  parent: Int32Array;
  /** Index of the last descendant: `i..end[i]` is the subtree. */
  end: Int32Array;
  /** Text length with runs of whitespace counted once; own text nodes first, then subtree sums. */
  chars: Float64Array;
  linkChars: Float64Array;
  commas: Float64Array;
  blockChildren: Int32Array;
  /** Paragraph points and count of runs of phrasing content between blocks or `<br><br>` (paragraphs to Readability). */
  runPoints: Float64Array;
  runs: Int32Array;
  /** `<br><br>` breaks in the element's own text. */
  brSplits: Int32Array;
  paragraphs: Float64Array;
  images: Float64Array;
  fields: Float64Array;
  anchors: Float64Array;
  headingChars: Float64Array;
  /** The block holding the element's first text (-1: none): for "a section headed Comments". */
  firstBlock: Int32Array;
  /** Class and id weight. */
  weight: Float64Array;
  /** Set aside before scoring, with the reason. */
  furniture: (string | null)[];
  /** Inside a furniture subtree (the root of it included). */
  inFurniture: Uint8Array;
}

export interface ArticleChoice {
  /** The article's elements in document order (the top candidate and the siblings that join it). */
  roots: HtmlElement[];
  /** Subtrees inside the roots that are furniture, to be left out of the text. */
  excluded: Set<HtmlElement>;
  /** Content score of the top candidate. */
  score: number;
  /** Characters of article text in the roots (exclusions left out). */
  chars: number;
  /** What decided the choice, for debugging and tests. */
  reasons: string[];
}

interface Options {
  stripUnlikely: boolean;
  weighClasses: boolean;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 160;
}

function isComma(c: number): boolean {
  return c === 0x2c || c === 0x60c || c === 0xfe50 || c === 0xfe10 || c === 0xfe11 || c === 0x2e41 || c === 0x2e34 || c === 0x2e32 || c === 0xff0c || c === 0x3001;
}

function classWeight(el: HtmlElement): number {
  let weight = 0;
  for (const name of ['class', 'id']) {
    const value = getAttribute(el, name);
    if (!value) continue;
    if (REGEXPS.negative.test(value)) weight -= CLASS_WEIGHT;
    if (REGEXPS.positive.test(value)) weight += CLASS_WEIGHT;
  }
  // The page's own markup of its article body.
  if (getAttribute(el, 'itemprop') === 'articleBody') weight += CLASS_WEIGHT;
  return weight;
}

function matchString(el: HtmlElement): string {
  const cls = getAttribute(el, 'class');
  const id = getAttribute(el, 'id');
  return cls && id ? `${cls} ${id}` : (cls ?? id ?? '');
}

/** Readability's paragraph points: one, plus one per comma (plus one), plus one per 100 characters up to 3. */
function paragraphPoints(chars: number, commas: number, linkChars: number): number {
  const density = chars === 0 ? 0 : Math.min(1, linkChars / chars);
  // A paragraph that is mostly a link is a teaser or a menu item, not prose.
  return (2 + commas + Math.min(Math.floor(chars / 100), 3)) * (1 - density);
}

/** Pass 1: one walk in document order; each element's own text, runs and counts. */
function walk(body: HtmlElement, options: Options): Stats {
  const els: HtmlElement[] = [];
  const parent: number[] = [];
  const end: number[] = [];
  const chars: number[] = [];
  const linkChars: number[] = [];
  const commas: number[] = [];
  const blockChildren: number[] = [];
  const runPoints: number[] = [];
  const runs: number[] = [];
  const brSplits: number[] = [];
  const images: number[] = [];
  const fields: number[] = [];
  const anchors: number[] = [];
  const firstBlock: number[] = [];
  const weight: number[] = [];
  // The open run of phrasing content of each block element (its owner).
  const runChars: number[] = [];
  const runCommas: number[] = [];
  const runLinks: number[] = [];
  const brPending: boolean[] = [];
  // Elements still waiting for their first text.
  let awaitingText: number[] = [];

  const flushRun = (o: number): void => {
    const c = runChars[o] as number;
    if (c > 0) {
      runs[o] = (runs[o] as number) + 1;
      if (c >= MIN_PARAGRAPH_CHARS) runPoints[o] = (runPoints[o] as number) + paragraphPoints(c, runCommas[o] as number, runLinks[o] as number);
    }
    runChars[o] = 0;
    runCommas[o] = 0;
    runLinks[o] = 0;
    brPending[o] = false;
  };

  // Frames: a node to enter (parent index, nearest block ancestor, inside a link), or the end of element `close`.
  type Frame = { node: HtmlNode | HtmlElement; parent: number; owner: number; inLink: boolean } | { close: number };
  const stack: Frame[] = [{ node: body, parent: -1, owner: -1, inLink: false }];
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    if ('close' in frame) {
      end[frame.close] = els.length - 1;
      flushRun(frame.close);
      continue;
    }
    const node = frame.node;
    if (node.nodeName === '#text') {
      const value = (node as { value: string }).value;
      let n = 0;
      let k = 0;
      let inSpace = true;
      for (let i = 0; i < value.length; i++) {
        const c = value.charCodeAt(i);
        if (isSpace(c)) {
          if (!inSpace) {
            n++;
            inSpace = true;
          }
          continue;
        }
        inSpace = false;
        n++;
        if (isComma(c)) k++;
      }
      if (n === 0 || frame.parent < 0) continue;
      const p = frame.parent;
      chars[p] = (chars[p] as number) + n;
      commas[p] = (commas[p] as number) + k;
      if (frame.inLink) linkChars[p] = (linkChars[p] as number) + n;
      const o = frame.owner;
      if (o >= 0) {
        runChars[o] = (runChars[o] as number) + n;
        runCommas[o] = (runCommas[o] as number) + k;
        if (frame.inLink) runLinks[o] = (runLinks[o] as number) + n;
        brPending[o] = false;
      }
      if (awaitingText.length > 0) {
        for (const e of awaitingText) firstBlock[e] = o;
        awaitingText = [];
      }
      continue;
    }
    if (!isElement(node)) continue;
    const tag = node.tagName;
    if (SKIPPED_TAGS.has(tag)) continue;
    const i = els.length;
    els.push(node);
    parent.push(frame.parent);
    end.push(i);
    chars.push(0);
    linkChars.push(0);
    commas.push(0);
    blockChildren.push(0);
    runPoints.push(0);
    runs.push(0);
    brSplits.push(0);
    images.push(tag === 'img' ? 1 : 0);
    const isField = FIELD_TAGS.has(tag) && !(tag === 'input' && /^(?:hidden|image)$/i.test(getAttribute(node, 'type') ?? ''));
    fields.push(isField ? 1 : 0);
    anchors.push(tag === 'a' ? 1 : 0);
    firstBlock.push(-1);
    weight.push(options.weighClasses ? classWeight(node) : 0);
    runChars.push(0);
    runCommas.push(0);
    runLinks.push(0);
    brPending.push(false);
    awaitingText.push(i);
    const o = frame.owner;
    const isInline = INLINE_TAGS.has(tag);
    if (frame.parent >= 0 && BLOCK_CHILD_TAGS.has(tag)) blockChildren[frame.parent] = (blockChildren[frame.parent] as number) + 1;
    if (o >= 0) {
      if (!isInline) {
        flushRun(o);
      } else if (tag === 'br') {
        // `<br><br>` ends a paragraph (Readability makes a <p> of what follows).
        if (brPending[o]) {
          flushRun(o);
          brSplits[o] = (brSplits[o] as number) + 1;
        } else {
          brPending[o] = true;
        }
      }
    }
    stack.push({ close: i });
    const owner = isInline ? o : i;
    const inLink = frame.inLink || tag === 'a';
    const kids = node.childNodes;
    for (let k = kids.length - 1; k >= 0; k--) stack.push({ node: kids[k] as HtmlNode, parent: i, owner, inLink });
  }
  const n = els.length;
  return {
    els,
    parent: Int32Array.from(parent),
    end: Int32Array.from(end),
    chars: Float64Array.from(chars),
    linkChars: Float64Array.from(linkChars),
    commas: Float64Array.from(commas),
    blockChildren: Int32Array.from(blockChildren),
    runPoints: Float64Array.from(runPoints),
    runs: Int32Array.from(runs),
    brSplits: Int32Array.from(brSplits),
    paragraphs: new Float64Array(n),
    images: Float64Array.from(images),
    fields: Float64Array.from(fields),
    anchors: Float64Array.from(anchors),
    headingChars: new Float64Array(n),
    firstBlock: Int32Array.from(firstBlock),
    weight: Float64Array.from(weight),
    furniture: new Array<string | null>(n).fill(null),
    inFurniture: new Uint8Array(n),
  };
}

/** Own figures of every element, before summing (kept to sum again once furniture is known). */
interface OwnFigures {
  chars: Float64Array;
  linkChars: Float64Array;
  commas: Float64Array;
  images: Float64Array;
  fields: Float64Array;
  anchors: Float64Array;
}

function ownFigures(s: Stats): OwnFigures {
  return {
    chars: s.chars.slice(),
    linkChars: s.linkChars.slice(),
    commas: s.commas.slice(),
    images: s.images.slice(),
    fields: s.fields.slice(),
    anchors: s.anchors.slice(),
  };
}

/**
 * Sums own figures into subtree figures, bottom-up. Subtrees marked in `skip` add nothing to
 * their ancestors (their own figures stay, for the record).
 */
function sumUp(s: Stats, own: OwnFigures, skip: Uint8Array | null): void {
  s.chars.set(own.chars);
  s.linkChars.set(own.linkChars);
  s.commas.set(own.commas);
  s.images.set(own.images);
  s.fields.set(own.fields);
  s.anchors.set(own.anchors);
  s.paragraphs.fill(0);
  s.headingChars.fill(0);
  for (let i = s.els.length - 1; i >= 0; i--) {
    const tag = (s.els[i] as HtmlElement).tagName;
    // Readability turns text-only divs and runs of text between blocks into paragraphs: count those too.
    if (tag === 'p') s.paragraphs[i] = (s.paragraphs[i] as number) + 1;
    else if (hasParagraphRuns(s, i)) s.paragraphs[i] = (s.paragraphs[i] as number) + (s.runs[i] as number);
    if (tag === 'a') s.linkChars[i] = s.chars[i] as number;
    const p = s.parent[i] as number;
    if (p < 0 || (skip !== null && skip[i] === 1)) continue;
    s.chars[p] = (s.chars[p] as number) + (s.chars[i] as number);
    s.linkChars[p] = (s.linkChars[p] as number) + (s.linkChars[i] as number);
    s.commas[p] = (s.commas[p] as number) + (s.commas[i] as number);
    s.paragraphs[p] = (s.paragraphs[p] as number) + (s.paragraphs[i] as number);
    s.images[p] = (s.images[p] as number) + (s.images[i] as number);
    // A form owns its fields: the article around a comment form does not inherit them.
    if (tag !== 'form') s.fields[p] = (s.fields[p] as number) + (s.fields[i] as number);
    s.anchors[p] = (s.anchors[p] as number) + (s.anchors[i] as number);
    s.headingChars[p] = (s.headingChars[p] as number) + (HEADING_TAGS.has(tag) ? (s.chars[i] as number) : (s.headingChars[i] as number));
  }
}

/**
 * True when the element's runs of text are paragraphs to Readability: in a `div` it wraps
 * phrasing content into paragraphs, and anywhere it makes paragraphs of `<br><br>` breaks.
 */
function hasParagraphRuns(s: Stats, i: number): boolean {
  return (s.brSplits[i] as number) > 0 || (s.els[i] as HtmlElement).tagName === 'div';
}

function linkDensity(s: Stats, i: number): number {
  const chars = s.chars[i] as number;
  return chars === 0 ? 0 : Math.min(1, (s.linkChars[i] as number) / chars);
}

function childIndices(s: Stats, i: number): number[] {
  const out: number[] = [];
  const last = s.end[i] as number;
  for (let c = i + 1; c <= last; c = (s.end[c] as number) + 1) out.push(c);
  return out;
}

/** True for a container of at least MIN_TEASERS alike items that are mostly links to other pages. */
function isListing(s: Stats, i: number): boolean {
  // Lists are judged by the boilerplate rules: a list of linked lead-ins may be the article (a listicle).
  const tag = (s.els[i] as HtmlElement).tagName;
  if (tag === 'ul' || tag === 'ol' || tag === 'dl') return false;
  const kids = childIndices(s, i);
  if (kids.length < MIN_TEASERS) return false;
  const bySignature = new Map<string, { count: number; chars: number }>();
  for (const k of kids) {
    const chars = s.chars[k] as number;
    if (chars === 0 || chars > MAX_TEASER_CHARS || (s.anchors[k] as number) === 0 || linkDensity(s, k) < MIN_TEASER_LINK_DENSITY) continue;
    const el = s.els[k] as HtmlElement;
    const key = `${el.tagName}.${getAttribute(el, 'class') ?? ''}`;
    const entry = bySignature.get(key) ?? { count: 0, chars: 0 };
    entry.count++;
    entry.chars += chars;
    bySignature.set(key, entry);
  }
  const total = s.chars[i] as number;
  for (const entry of bySignature.values()) {
    if (entry.count >= MIN_TEASERS && total > 0 && entry.chars / total >= MIN_TEASER_SHARE) return true;
  }
  return false;
}

/**
 * True when block `heading` is the title of section `section`: its parent is the section, or
 * wrappers between them hold nothing but the heading.
 */
function headsSection(s: Stats, heading: number, section: number): boolean {
  let a = s.parent[heading] as number;
  const chars = s.chars[heading] as number;
  while (a > section && (s.chars[a] as number) <= chars + 5) a = s.parent[a] as number;
  return a === section;
}

/** Index of the page's headline `<h1>` (the one matching the metadata headline, else the first), or -1. */
function findHeadline(s: Stats, headline: string | null): number {
  let first = -1;
  const wanted = headline ? normalize(headline) : null;
  for (let i = 0; i < s.els.length; i++) {
    if ((s.els[i] as HtmlElement).tagName !== 'h1') continue;
    if (first < 0) first = i;
    if (wanted && normalize(textContent(s.els[i] as HtmlElement)) === wanted) return i;
  }
  return first;
}

function normalize(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}


/**
 * Pass 2: decides which subtrees are furniture, from figures that still include everything.
 * The innermost element that qualifies is set aside; a subtree holding the headline or an
 * article element never is.
 */
function markFurniture(s: Stats, options: Options, headline: number): void {
  const consumedHeadings = new Set<number>();
  const headingKind = new Map<number, FurnitureHeading>();
  const kindOf = (h: number): FurnitureHeading => {
    let kind = headingKind.get(h);
    if (kind === undefined) {
      kind = (s.chars[h] as number) <= 60 ? classifyHeading(textContent(s.els[h] as HtmlElement)) : null;
      headingKind.set(h, kind);
    }
    return kind;
  };
  const n = s.els.length;
  // Article markers (article, main, articleBody) and their ancestors are never furniture.
  // (The headline protects only against the rules on structure and words: a header with a
  // furniture class name goes, headline and all, as in Readability.)
  const holdsArticle = new Uint8Array(n);
  const holdsHeadline = new Uint8Array(n);
  // Teasers are <article>s too: only the largest marks the article.
  let largestArticle = -1;
  for (let i = 0; i < n; i++) {
    if ((s.els[i] as HtmlElement).tagName === 'article' && (largestArticle < 0 || (s.chars[i] as number) > (s.chars[largestArticle] as number))) largestArticle = i;
  }
  for (let i = n - 1; i >= 0; i--) {
    const el = s.els[i] as HtmlElement;
    const isArticle = el.tagName === 'article' ? i === largestArticle : ARTICLE_TAGS.has(el.tagName);
    if (isArticle || getAttribute(el, 'itemprop') === 'articleBody') holdsArticle[i] = 1;
    if (i === headline) holdsHeadline[i] = 1;
    const p = s.parent[i] as number;
    if (p >= 0 && holdsArticle[i] === 1) holdsArticle[p] = 1;
    if (p >= 0 && holdsHeadline[i] === 1) holdsHeadline[p] = 1;
  }
  for (let i = n - 1; i > 0; i--) {
    const el = s.els[i] as HtmlElement;
    const tag = el.tagName;
    if (INLINE_TAGS.has(tag) || tag === 'td' || tag === 'th' || tag === 'tr') continue;
    const paragraphs = s.paragraphs[i] as number;
    const fields = s.fields[i] as number;
    let reason: string | null = null;
    if (options.stripUnlikely && tag !== 'a' && holdsArticle[i] === 0) {
      const m = matchString(el);
      if (m.length > 0 && REGEXPS.unlikely.test(m) && !REGEXPS.maybeCandidate.test(m)) reason = 'class';
    }
    const isProtected = holdsArticle[i] === 1 || holdsHeadline[i] === 1;
    if (reason === null && fields > 0 && paragraphs < PARAGRAPHS_PER_FIELD * fields && !isProtected) {
      // Comment forms, polls, sign-ups: more fields than prose.
      if (tag === 'form' || tag === 'fieldset' || (s.chars[i] as number) <= MAX_WIDGET_CHARS) reason = 'form fields';
    }
    if (reason === null && !isProtected && isListing(s, i)) reason = 'listing';
    const first = s.firstBlock[i] as number;
    if (reason === null && first > i && !consumedHeadings.has(first) && !isProtected && headsSection(s, first, i)) {
      // A section whose first block is a heading such as "Comments" or "Ähnliche Beiträge", with more than that heading in it.
      if (kindOf(first) !== null && (s.chars[i] as number) > (s.chars[first] as number) + 20) reason = 'furniture heading';
    }
    // The first heading inside a furniture subtree belongs to it, not to the sections around it.
    if (reason !== null && first > i) consumedHeadings.add(first);
    s.furniture[i] = reason;
  }
  // A heading such as "Related articles" or "Kommentare" written among other blocks opens a
  // section that lasts, as in the HTML outline, until a heading of the same or higher rank; it
  // also ends at a plain paragraph of prose (related lists are links and teasers) and never
  // takes in the article's own markup.
  for (let h = 1; h < n; h++) {
    const tag = (s.els[h] as HtmlElement).tagName;
    const kind = HEADING_TAGS.has(tag) && holdsHeadline[h] === 0 ? kindOf(h) : null;
    if (kind !== 'tail' && kind !== 'comments') continue;
    let w = h;
    // Climb wrappers that hold nothing but the heading (a box holding the heading and its list is a section of its own).
    for (let up = s.parent[w] as number; up > 0 && (s.chars[up] as number) <= (s.chars[h] as number) + 5 && childIndices(s, up).length === 1; up = s.parent[w] as number) w = up;
    if (w !== h && childIndices(s, s.parent[w] as number).length === 1) continue;
    const parent = s.parent[w] as number;
    if (parent < 0 || s.furniture[w] !== null) continue;
    const rank = Number(tag.slice(1));
    for (const sib of childIndices(s, parent)) {
      if (sib < w) continue;
      if (sib > w) {
        if (holdsArticle[sib] === 1 || holdsHeadline[sib] === 1) break;
        const sibTag = (s.els[sib] as HtmlElement).tagName;
        const first = s.firstBlock[sib] as number;
        // (The heading of an <article> or <section> titles that nested section, not the outer one.)
        const isSectioning = sibTag === 'article' || sibTag === 'section';
        const opening = HEADING_TAGS.has(sibTag) ? sib : !isSectioning && first >= 0 && HEADING_TAGS.has((s.els[first] as HtmlElement).tagName) ? first : -1;
        if (opening >= 0 && Number((s.els[opening] as HtmlElement).tagName.slice(1)) <= rank && kindOf(opening) === null) break;
        // Prose ends a run of related links; readers' comments are prose and run to the next heading.
        if (kind === 'tail' && !isSectioning && (s.chars[sib] as number) >= 100 && linkDensity(s, sib) < 0.1 && (isParagraph(s, sib) || (s.paragraphs[sib] as number) > 0)) break;
      }
      if (s.furniture[sib] === null) s.furniture[sib] = 'furniture section';
    }
  }
  for (let i = 0; i < n; i++) {
    const p = s.parent[i] as number;
    s.inFurniture[i] = s.furniture[i] !== null || (p >= 0 && s.inFurniture[p] === 1) ? 1 : 0;
  }
}

function baseScore(tag: string): number {
  switch (tag) {
    case 'div':
      return 5;
    case 'pre':
    case 'td':
    case 'blockquote':
      return 3;
    case 'address':
    case 'ol':
    case 'ul':
    case 'dl':
    case 'dd':
    case 'dt':
    case 'li':
    case 'form':
      return -3;
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
    case 'th':
      return -5;
    default:
      return 0;
  }
}

/**
 * A `p`, a `div`/`section` with no block inside, or a `div` wrapping a single `p` and nothing
 * else (Readability turns those into paragraphs).
 */
function isParagraph(s: Stats, i: number): boolean {
  const tag = (s.els[i] as HtmlElement).tagName;
  if (tag === 'p') return (s.runs[i] as number) <= 1;
  if (tag !== 'div' && tag !== 'section') return false;
  if (s.blockChildren[i] === 0) return (s.runs[i] as number) <= 1;
  if (s.blockChildren[i] !== 1 || (s.runs[i] as number) !== 0 || linkDensity(s, i) >= 0.25) return false;
  const kids = childIndices(s, i);
  return kids.length === 1 && (s.els[kids[0] as number] as HtmlElement).tagName === 'p';
}

/** Notices run to a few hundred characters; longer paragraphs are not checked (bounded work). */
const MAX_NOTICE_CHARS = 700;

/** A comment policy, a log-in prompt, a reprint notice: words of furniture, not article prose (lexicon.ts). */
function isNotice(s: Stats, i: number): boolean {
  const chars = s.chars[i] as number;
  if (chars > MAX_NOTICE_CHARS) return false;
  const text = textContent(s.els[i] as HtmlElement).toLowerCase();
  const words = text.split(/\s+/).filter(Boolean).length;
  return words <= MAX_NOTICE_WORDS && hasFurniturePhrase(text, words, 30);
}

/** Paragraph scores summed into ancestors; NaN marks elements never scored. */
function scoreCandidates(s: Stats): Float64Array {
  const n = s.els.length;
  const score = new Float64Array(n).fill(Number.NaN);
  const add = (from: number, points: number): void => {
    let a = from;
    for (let level = 0; level < MAX_SCORED_ANCESTORS && a >= 0; level++) {
      if (Number.isNaN(score[a])) score[a] = baseScore((s.els[a] as HtmlElement).tagName) + (s.weight[a] as number);
      score[a] = (score[a] as number) + points / (level === 0 ? 1 : level === 1 ? 2 : level * 3);
      a = s.parent[a] as number;
    }
  };
  for (let i = 1; i < n; i++) {
    if (s.inFurniture[i] === 1) continue;
    const tag = (s.els[i] as HtmlElement).tagName;
    if (isParagraph(s, i) || (SCORED_TAGS.has(tag) && tag !== 'p')) {
      const chars = s.chars[i] as number;
      if (chars >= MIN_PARAGRAPH_CHARS && !isNotice(s, i)) add(s.parent[i] as number, paragraphPoints(chars, s.commas[i] as number, s.linkChars[i] as number));
      if (tag !== 'td' || (s.runs[i] as number) < 2) continue;
    }
    // Runs of text between blocks, or split by <br><br>: paragraphs of this element.
    if (hasParagraphRuns(s, i) && (s.runPoints[i] as number) > 0) add(i, s.runPoints[i] as number);
  }
  for (let i = 0; i < n; i++) {
    if (!Number.isNaN(score[i])) score[i] = (score[i] as number) * (1 - linkDensity(s, i));
  }
  return score;
}

function ancestorsOf(s: Stats, i: number): Set<number> {
  const out = new Set<number>();
  for (let a = s.parent[i] as number; a >= 0; a = s.parent[a] as number) out.add(a);
  return out;
}

function topCandidates(score: Float64Array): number[] {
  const top: number[] = [];
  for (let i = 0; i < score.length; i++) {
    const v = score[i] as number;
    if (Number.isNaN(v)) continue;
    let k = top.length;
    while (k > 0 && v > (score[top[k - 1] as number] as number)) k--;
    if (k < TOP_CANDIDATES) {
      top.splice(k, 0, i);
      if (top.length > TOP_CANDIDATES) top.pop();
    }
  }
  return top;
}

/** Readability's choice of the top candidate: best score, common ancestors of close seconds, rising parents. */
function pickTop(s: Stats, score: Float64Array, top: readonly number[], log: string[] | null): number {
  let best = top[0];
  if (best === undefined || best === 0) return 0;
  const bestScore = score[best] as number;
  const close = top.slice(1).filter((c) => (score[c] as number) / bestScore >= 0.75).map((c) => ancestorsOf(s, c));
  if (close.length >= 3) {
    for (let a = s.parent[best] as number; a > 0; a = s.parent[a] as number) {
      if (close.filter((set) => set.has(a)).length >= 3) {
        log?.push(`  common ancestor of close candidates: ${describe(s.els[a] as HtmlElement)}`);
        best = a;
        break;
      }
    }
  }
  let last = Number.isNaN(score[best]) ? 0 : (score[best] as number);
  const threshold = last / 3;
  for (let a = s.parent[best] as number; a > 0; a = s.parent[a] as number) {
    const v = score[a] as number;
    if (Number.isNaN(v)) continue;
    if (v < threshold) break;
    // A clear rise (not noise after a fall) says more of the article lies around the candidate.
    if (v > last * MIN_RISE) {
      log?.push(`  rising parent: ${describe(s.els[a] as HtmlElement)} ${v.toFixed(1)}`);
      best = a;
      break;
    }
    last = v;
  }
  // An only child (empty siblings aside) stands for its parent, so that the parent's siblings can join.
  const hasContent = (c: number): boolean => s.inFurniture[c] === 0 && ((s.chars[c] as number) > 0 || (s.images[c] as number) > 0);
  for (let p = s.parent[best] as number; p > 0 && childIndices(s, p).filter(hasContent).length === 1; p = s.parent[best] as number) best = p;
  return best;
}

function wordsOf(text: string, max: number): Map<string, number> {
  const counts = new Map<string, number>();
  let n = 0;
  for (const m of text.toLowerCase().matchAll(REGEXPS.word)) {
    counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
    if (++n >= max) break;
  }
  return counts;
}

/** Share of the JSON-LD body's words that the element's text holds (multiset overlap). */
function coverage(body: Map<string, number>, bodyTotal: number, el: HtmlElement): number {
  const words = wordsOf(textContent(el), MAX_ARTICLE_BODY_WORDS * 2);
  let shared = 0;
  for (const [w, c] of body) shared += Math.min(c, words.get(w) ?? 0);
  return bodyTotal === 0 ? 0 : shared / bodyTotal;
}

/**
 * When the page gives its text in JSON-LD, the candidate that holds it is the article: among
 * the top candidates and their ancestors, the smallest that covers the body wins.
 */
function matchArticleBody(s: Stats, top: readonly number[], chosen: number, articleBody: string): number | null {
  const body = wordsOf(articleBody, MAX_ARTICLE_BODY_WORDS);
  let total = 0;
  for (const c of body.values()) total += c;
  if (total < 50) return null;
  if (coverage(body, total, s.els[chosen] as HtmlElement) >= MIN_ARTICLE_BODY_COVERAGE) return null;
  let best: number | null = null;
  for (const c of top) {
    for (let a = c; a > 0; a = s.parent[a] as number) {
      if (coverage(body, total, s.els[a] as HtmlElement) >= MIN_ARTICLE_BODY_COVERAGE) {
        if (best === null || (s.chars[a] as number) < (s.chars[best] as number)) best = a;
        break;
      }
    }
  }
  return best;
}

function isDataTable(s: Stats, i: number): boolean {
  const last = s.end[i] as number;
  let rows = 0;
  for (let c = i + 1; c <= last; c++) {
    const tag = (s.els[c] as HtmlElement).tagName;
    if (tag === 'th' || tag === 'caption' || tag === 'thead') return true;
    if (tag === 'tr') rows++;
  }
  return rows >= 10;
}

/** Readability's "clean conditionally", as exclusions: containers inside the article that look like furniture. */
function shouldExclude(s: Stats, score: Float64Array, i: number): string | null {
  const el = s.els[i] as HtmlElement;
  const tag = el.tagName;
  if (tag === 'table' && isDataTable(s, i)) return null;
  const weight = s.weight[i] as number;
  const contentScore = Number.isNaN(score[i]) ? 0 : (score[i] as number);
  if (weight + contentScore < 0) return 'negative score';
  if ((s.commas[i] as number) >= 10) return null;
  const chars = s.chars[i] as number;
  const paragraphs = s.paragraphs[i] as number;
  const images = s.images[i] as number;
  const fields = s.fields[i] as number;
  const density = linkDensity(s, i);
  const isList = tag === 'ul' || tag === 'ol' || tag === 'dl';
  if (fields > Math.floor(paragraphs / 3)) return 'form fields';
  if (images > 1 && paragraphs / images < 0.5 && !isList) return 'images';
  const headingShare = chars === 0 ? 0 : (s.headingChars[i] as number) / chars;
  if (!isList && headingShare < 0.9 && chars < MIN_PARAGRAPH_CHARS && (images === 0 || images > 2) && density > 0) return 'short link';
  // A wrapper holding one sentence with a link in it is prose, not a link box.
  const isLinkedSentence = paragraphs <= 1 && chars >= 60 && density <= 0.5 && sentenceLike(el);
  if (!isList && weight < CLASS_WEIGHT && density > 0.2 && !isLinkedSentence) return 'link density';
  if (weight >= CLASS_WEIGHT && density > 0.5) return 'link density (positive class)';
  return null;
}

function sentenceLike(el: HtmlElement): boolean {
  return /\.(?: |$)/.test(textContent(el));
}

function describe(el: HtmlElement): string {
  return `<${el.tagName}${matchString(el) ? ` ${matchString(el).slice(0, 60)}` : ''}>`;
}

function choose(s: Stats, own: OwnFigures, evidence: ArticleEvidence, options: Options, headline: number, debug: boolean): ArticleChoice {
  sumUp(s, own, null);
  markFurniture(s, options, headline);
  sumUp(s, own, s.inFurniture);
  const score = scoreCandidates(s);
  const reasons: string[] = [];
  const top = topCandidates(score);
  let best = pickTop(s, score, top, debug ? reasons : null);
  if (evidence.articleBody) {
    const matched = matchArticleBody(s, top, best, evidence.articleBody);
    if (matched !== null) {
      reasons.push(`JSON-LD articleBody is in ${describe(s.els[matched] as HtmlElement)}`);
      best = matched;
    }
  }
  // The article follows its headline: a candidate wholly before the <h1> is a teaser or a box
  // above the story, when a candidate after the headline scores nearly as well.
  if (headline > 0 && (s.end[best] as number) < headline && !Number.isNaN(score[best])) {
    const after = top.find((c) => c > headline && (score[c] as number) >= (score[best] as number) * MIN_AFTER_HEADLINE_SHARE);
    if (after !== undefined) {
      reasons.push(`${describe(s.els[best] as HtmlElement)} is above the headline; ${describe(s.els[after] as HtmlElement)} follows it`);
      best = after;
    }
  }
  const bestScore = Number.isNaN(score[best]) ? 0 : (score[best] as number);
  reasons.push(`top ${describe(s.els[best] as HtmlElement)} score ${bestScore.toFixed(1)}`);
  if (debug) {
    for (const i of top) reasons.push(`  candidate ${describe(s.els[i] as HtmlElement)} ${(score[i] as number).toFixed(1)} chars ${s.chars[i]}`);
    for (let i = 0; i < s.els.length; i++) {
      if (s.furniture[i] !== null && (own.chars[i] as number) >= 0 && (s.chars[i] as number) > 50) reasons.push(`  furniture (${s.furniture[i]}) ${describe(s.els[i] as HtmlElement)} chars ${own.chars[i]}`);
    }
  }

  // Siblings that belong to the article: scored well, or paragraphs of prose.
  const roots: number[] = [];
  const parent = s.parent[best] as number;
  if (best === 0 || parent < 0) {
    roots.push(best);
  } else {
    const threshold = Math.max(10, bestScore * 0.2);
    const bestClass = getAttribute(s.els[best] as HtmlElement, 'class') ?? '';
    for (const sib of childIndices(s, parent)) {
      if (sib === best) {
        roots.push(sib);
        continue;
      }
      if (s.inFurniture[sib] === 1) continue;
      // Nothing above the headline joins a story that starts at or after it.
      if (headline >= 0 && headline <= (s.end[best] as number) && (s.end[sib] as number) < headline) continue;
      const sibEl = s.els[sib] as HtmlElement;
      const bonus = bestClass !== '' && getAttribute(sibEl, 'class') === bestClass ? bestScore * 0.2 : 0;
      const sibScore = score[sib] as number;
      if (!Number.isNaN(sibScore) && sibScore + bonus >= threshold) {
        roots.push(sib);
      } else if (isParagraph(s, sib)) {
        const chars = s.chars[sib] as number;
        const density = linkDensity(s, sib);
        if ((chars > 80 && density < 0.25) || (chars > 0 && chars <= 80 && density === 0 && sentenceLike(sibEl))) roots.push(sib);
      }
    }
  }

  const excluded = new Set<HtmlElement>();
  let chars = 0;
  for (const r of roots) {
    const last = s.end[r] as number;
    let removed = 0;
    for (let c = r + 1; c <= last; c++) {
      if (s.furniture[c] !== null) {
        excluded.add(s.els[c] as HtmlElement);
        c = s.end[c] as number;
        continue;
      }
      const tag = (s.els[c] as HtmlElement).tagName;
      const why = CLEANED_TAGS.has(tag) && !isParagraph(s, c) ? shouldExclude(s, score, c) : null;
      if (why) {
        if (debug) reasons.push(`  exclude ${describe(s.els[c] as HtmlElement)}: ${why}`);
        excluded.add(s.els[c] as HtmlElement);
        removed += s.chars[c] as number;
        c = s.end[c] as number;
      }
    }
    chars += (s.chars[r] as number) - removed;
  }
  return { roots: roots.map((r) => s.els[r] as HtmlElement), excluded, score: bestScore, chars, reasons };
}

/**
 * The article's elements in the page body. Deterministic. When the first choice holds less
 * than `MIN_ARTICLE_CHARS`, the choice is made again without the class-name exclusions, then
 * without class weights, and the longest result wins (as Readability does).
 */
export function chooseArticle(body: HtmlElement, evidence: ArticleEvidence, debug = false): ArticleChoice {
  const strict = { stripUnlikely: true, weighClasses: true };
  const s = walk(body, strict);
  const own = ownFigures(s);
  const headline = findHeadline(s, evidence.headline);
  let best = choose(s, own, evidence, strict, headline, debug);
  if (best.chars >= MIN_ARTICLE_CHARS) return best;
  for (const options of [{ stripUnlikely: false, weighClasses: true }, { stripUnlikely: false, weighClasses: false }]) {
    if (!options.weighClasses) s.weight.fill(0);
    const next = choose(s, own, evidence, options, headline, debug);
    if (next.chars > best.chars) best = next;
    if (best.chars >= MIN_ARTICLE_CHARS) break;
  }
  return best;
}
