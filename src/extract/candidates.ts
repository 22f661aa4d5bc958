import type { ArticleEvidence } from './metadata.js';
import { getAttribute, isElement, type HtmlElement, type HtmlNode } from './tree.js';

/**
 * Chooses the element(s) holding the article, in one pass over the tree: every element gets
 * its text, link text, commas, sentences and counts of paragraphs, images, list items, form
 * fields and headings, bottom-up; paragraphs score their ancestors (the content-score scheme
 * of Arc90's Readability, as in Mozilla's Readability.js); the best-scoring element and its
 * article-like siblings are the article, after subtrees that look like furniture (comment
 * forms, polls, link lists, teasers) are set aside. The page's own statements (JSON-LD
 * `articleBody`, `itemprop=articleBody`, `<article>`, the headline) weigh in.
 */

/** Paragraphs shorter than this are not scored (labels, buttons, captions). */
const MIN_PARAGRAPH_CHARS = 25;
/** How far up a paragraph's score travels. */
const MAX_SCORED_ANCESTORS = 5;
/** Below this much text the chosen article is suspicious and the choice is retried with fewer exclusions. */
const MIN_ARTICLE_CHARS = 500;
/** Candidates compared when looking for a common ancestor of several strong ones. */
const TOP_CANDIDATES = 5;
/** Class or id weight, added once for the class and once for the id. */
const CLASS_WEIGHT = 25;

const REGEXPS = {
  /** Class/id of blocks that are rarely the article: removed before scoring unless `maybeCandidate` also matches. */
  unlikely:
    /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|newsletter|subscri|signup|sign-up|poll|survey|respond|reply|recommend|teaser|promo|trending|most-?(?:read|popular|viewed)|outbrain|taboola|kommentar|comentario|commentaire|commenti|reactie|abonn|cookie|consent|login|share|sharing|author-?(?:bio|box|info|about)|about-?(?:the-?)?author|contributor|tags|topics/i,
  maybeCandidate: /and|article|body|column|content|main|shadow|story|entry|post|text/i,
  positive: /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story/i,
  negative:
    /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|poll|survey|newsletter|subscri|teaser|respond|reply|kommentar|comentario|commentaire|commenti/i,
  /** Class of a byline, dateline or author block. */
  byline: /byline|author|dateline|writtenby|p-author/i,
  /** `itemtype` of an article (schema.org). */
  articleType: /schema\.org\/(?:\w*Article|BlogPosting|Report|LiveBlogPosting|Posting)\b/i,
} as const;

/** Block-level children that stop a `div` from counting as a paragraph itself. */
const BLOCK_CHILD_TAGS = new Set(['blockquote', 'dl', 'div', 'img', 'ol', 'p', 'pre', 'table', 'ul', 'section', 'article', 'header', 'main', 'figure', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li']);
/** Phrasing elements: their text belongs to the block around them. */
const INLINE_TAGS = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'kbd', 'label',
  'mark', 'nobr', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt',
  'u', 'var', 'wbr', 'br',
]);
const SCORED_TAGS = new Set(['p', 'pre', 'td', 'h2', 'h3', 'h4', 'h5', 'h6', 'section']);
/** Containers cleaned when they look like furniture inside the chosen article. */
const CLEANED_TAGS = new Set(['div', 'section', 'ul', 'ol', 'table', 'form', 'fieldset', 'dl', 'header']);
const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Elements whose text is never article text (kept by the slimming pass for their attributes). */
const SKIPPED_TAGS = new Set(['script', 'style', 'template', 'head', 'title', 'select', 'option', 'textarea', 'button']);

/** Per-element figures, indexed in document (pre-)order. */
interface Stats {
  els: HtmlElement[];
  parent: number[];
  /** Text length with runs of whitespace counted once. */
  chars: number[];
  linkChars: number[];
  commas: number[];
  /** Text of the element's own text nodes and phrasing children (a paragraph's worth). */
  inlineChars: number[];
  inlineCommas: number[];
  /** Runs of phrasing content between block children (each one a paragraph to Readability). */
  inlineRuns: number[];
  blockChildren: number[];
  paragraphs: number[];
  images: number[];
  listItems: number[];
  inputs: number[];
  headingChars: number[];
  /** Index of the last descendant: `i..end[i]` is the subtree. */
  end: number[];
  /** Class and id weight. */
  weight: number[];
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

/** Counts text length (whitespace runs as one), commas in any script. */
function measureText(value: string): { chars: number; commas: number } {
  let chars = 0;
  let commas = 0;
  let inSpace = true;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 160) {
      if (!inSpace) {
        chars++;
        inSpace = true;
      }
      continue;
    }
    inSpace = false;
    chars++;
    if (c === 0x2c || c === 0x60c || c === 0xfe50 || c === 0xfe10 || c === 0xfe11 || c === 0x2e41 || c === 0x2e34 || c === 0x2e32 || c === 0xff0c || c === 0x3001) commas++;
  }
  return { chars, commas };
}

function classWeight(el: HtmlElement): number {
  let weight = 0;
  for (const name of ['class', 'id']) {
    const value = getAttribute(el, name);
    if (!value) continue;
    if (REGEXPS.negative.test(value)) weight -= CLASS_WEIGHT;
    if (REGEXPS.positive.test(value)) weight += CLASS_WEIGHT;
  }
  return weight;
}

function matchString(el: HtmlElement): string {
  const cls = getAttribute(el, 'class');
  const id = getAttribute(el, 'id');
  return cls && id ? `${cls} ${id}` : (cls ?? id ?? '');
}

function isUnlikely(el: HtmlElement, insideTable: boolean): boolean {
  const tag = el.tagName;
  if (tag === 'body' || tag === 'a' || tag === 'article' || tag === 'main' || insideTable) return false;
  if (getAttribute(el, 'itemprop') === 'articleBody') return false;
  const s = matchString(el);
  return s.length > 0 && REGEXPS.unlikely.test(s) && !REGEXPS.maybeCandidate.test(s);
}

/** One pass over the body: the figures of every element not excluded up front. */
function collectStats(body: HtmlElement, options: Options, excludedUpFront: HtmlElement[]): Stats {
  const s: Stats = {
    els: [], parent: [], chars: [], linkChars: [], commas: [], inlineChars: [], inlineCommas: [], inlineRuns: [], blockChildren: [],
    paragraphs: [], images: [], listItems: [], inputs: [], headingChars: [], end: [], weight: [],
  };
  // Frames: an element to enter (with its parent's index and whether inside a table or link),
  // or the marker to close element `close`.
  type Frame = { node: HtmlNode | HtmlElement; parent: number; inTable: boolean; inLink: boolean } | { close: number };
  const stack: Frame[] = [{ node: body, parent: -1, inTable: false, inLink: false }];
  // Whether the element's last child was phrasing content, so the next one continues its run.
  const runOpen: boolean[] = [];
  const continueRun = (p: number): void => {
    if (p < 0 || runOpen[p]) return;
    runOpen[p] = true;
    s.inlineRuns[p] = (s.inlineRuns[p] ?? 0) + 1;
  };
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    if ('close' in frame) {
      s.end[frame.close] = s.els.length - 1;
      continue;
    }
    const node = frame.node;
    if (node.nodeName === '#text') {
      if (frame.parent < 0) continue;
      const m = measureText((node as { value: string }).value);
      if (m.chars === 0) continue;
      const p = frame.parent;
      continueRun(p);
      s.chars[p] = (s.chars[p] ?? 0) + m.chars;
      s.commas[p] = (s.commas[p] ?? 0) + m.commas;
      s.inlineChars[p] = (s.inlineChars[p] ?? 0) + m.chars;
      s.inlineCommas[p] = (s.inlineCommas[p] ?? 0) + m.commas;
      if (frame.inLink) s.linkChars[p] = (s.linkChars[p] ?? 0) + m.chars;
      continue;
    }
    if (!isElement(node)) continue;
    const tag = node.tagName;
    if (SKIPPED_TAGS.has(tag)) continue;
    if (options.stripUnlikely && frame.parent >= 0 && isUnlikely(node, frame.inTable)) {
      excludedUpFront.push(node);
      continue;
    }
    const i = s.els.length;
    s.els.push(node);
    s.parent.push(frame.parent);
    s.chars.push(0);
    s.linkChars.push(0);
    s.commas.push(0);
    s.inlineChars.push(0);
    s.inlineCommas.push(0);
    s.blockChildren.push(0);
    s.paragraphs.push(tag === 'p' ? 1 : 0);
    s.images.push(tag === 'img' ? 1 : 0);
    s.listItems.push(tag === 'li' ? 1 : 0);
    s.inputs.push(tag === 'input' ? 1 : 0);
    s.headingChars.push(0);
    s.end.push(i);
    s.weight.push(options.weighClasses ? classWeight(node) : 0);
    if (frame.parent >= 0 && BLOCK_CHILD_TAGS.has(tag)) {
      s.blockChildren[frame.parent] = (s.blockChildren[frame.parent] ?? 0) + 1;
      runOpen[frame.parent] = false;
    } else if (tag !== 'br') {
      continueRun(frame.parent);
    }
    runOpen.push(false);
    s.inlineRuns.push(0);
    stack.push({ close: i });
    const inTable = frame.inTable || tag === 'table';
    const inLink = frame.inLink || tag === 'a';
    const kids = node.childNodes;
    for (let k = kids.length - 1; k >= 0; k--) stack.push({ node: kids[k] as HtmlNode, parent: i, inTable, inLink });
  }
  // Bottom-up sums: in pre-order a child always comes after its parent.
  for (let i = s.els.length - 1; i > 0; i--) {
    const p = s.parent[i] as number;
    const tag = (s.els[i] as HtmlElement).tagName;
    s.chars[p] = (s.chars[p] as number) + (s.chars[i] as number);
    s.linkChars[p] = (s.linkChars[p] as number) + (tag === 'a' ? (s.chars[i] as number) : (s.linkChars[i] as number));
    s.commas[p] = (s.commas[p] as number) + (s.commas[i] as number);
    if (INLINE_TAGS.has(tag)) {
      s.inlineChars[p] = (s.inlineChars[p] as number) + (s.chars[i] as number);
      s.inlineCommas[p] = (s.inlineCommas[p] as number) + (s.commas[i] as number);
    }
    // Readability turns text-only divs and runs of text between blocks into paragraphs: count those too.
    if (tag !== 'p' && !INLINE_TAGS.has(tag) && (s.chars[i] as number) > 0) {
      if ((tag === 'div' || tag === 'section') && s.blockChildren[i] === 0) s.paragraphs[i] = (s.paragraphs[i] as number) + 1;
      else if ((s.blockChildren[i] as number) > 0) s.paragraphs[i] = (s.paragraphs[i] as number) + (s.inlineRuns[i] as number);
    }
    s.paragraphs[p] = (s.paragraphs[p] as number) + (s.paragraphs[i] as number);
    s.images[p] = (s.images[p] as number) + (s.images[i] as number);
    s.listItems[p] = (s.listItems[p] as number) + (s.listItems[i] as number);
    s.inputs[p] = (s.inputs[p] as number) + (s.inputs[i] as number);
    s.headingChars[p] = (s.headingChars[p] as number) + (HEADING_TAGS.has(tag) ? (s.chars[i] as number) : (s.headingChars[i] as number));
  }
  return s;
}

function linkDensity(s: Stats, i: number): number {
  const chars = s.chars[i] as number;
  return chars === 0 ? 0 : Math.min(1, (s.linkChars[i] as number) / chars);
}

function baseScore(tag: string): number {
  switch (tag) {
    case 'div':
    case 'article':
    case 'main':
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

/** Paragraph scores summed into ancestors; NaN marks elements never scored. */
function scoreCandidates(s: Stats): Float64Array {
  const n = s.els.length;
  const score = new Float64Array(n).fill(Number.NaN);
  const add = (from: number, points: number): void => {
    let a = from;
    for (let level = 0; level < MAX_SCORED_ANCESTORS && a >= 0; level++) {
      if (Number.isNaN(score[a] as number)) score[a] = baseScore((s.els[a] as HtmlElement).tagName) + (s.weight[a] as number);
      score[a] = (score[a] as number) + points / (level === 0 ? 1 : level === 1 ? 2 : level * 3);
      a = s.parent[a] as number;
    }
  };
  for (let i = 1; i < n; i++) {
    const el = s.els[i] as HtmlElement;
    const tag = el.tagName;
    const isParagraphDiv = (tag === 'div' || tag === 'section') && s.blockChildren[i] === 0;
    if (SCORED_TAGS.has(tag) || isParagraphDiv) {
      const chars = s.chars[i] as number;
      if (chars < MIN_PARAGRAPH_CHARS) continue;
      // A paragraph that is mostly a link is a teaser or a menu item, not prose.
      const points = (2 + (s.commas[i] as number) + Math.min(Math.floor(chars / 100), 3)) * (1 - linkDensity(s, i));
      add(s.parent[i] as number, points);
    } else if (s.blockChildren[i] !== 0 && (s.inlineChars[i] as number) >= MIN_PARAGRAPH_CHARS && !INLINE_TAGS.has(tag)) {
      // Text written straight into a container, between its blocks: a paragraph of the container.
      const chars = s.inlineChars[i] as number;
      add(i, 2 + (s.inlineCommas[i] as number) + Math.min(Math.floor(chars / 100), 3));
    }
  }
  for (let i = 0; i < n; i++) {
    if (!Number.isNaN(score[i] as number)) score[i] = (score[i] as number) * (1 - linkDensity(s, i));
  }
  return score;
}

function ancestorsOf(s: Stats, i: number): Set<number> {
  const out = new Set<number>();
  for (let a = s.parent[i] as number; a >= 0; a = s.parent[a] as number) out.add(a);
  return out;
}

function childIndices(s: Stats, i: number): number[] {
  const out: number[] = [];
  const last = s.end[i] as number;
  for (let c = i + 1; c <= last; c = (s.end[c] as number) + 1) out.push(c);
  return out;
}

/** Readability's choice of the top candidate: best score, common ancestors of close seconds, rising parents. */
function pickTop(s: Stats, score: Float64Array): number {
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
  let best = top[0];
  if (best === undefined || best === 0) return 0;
  const bestScore = score[best] as number;
  const close = top.slice(1).filter((c) => (score[c] as number) / bestScore >= 0.75).map((c) => ancestorsOf(s, c));
  if (close.length >= 3) {
    for (let a = s.parent[best] as number; a > 0; a = s.parent[a] as number) {
      if (close.filter((set) => set.has(a)).length >= 3) {
        best = a;
        break;
      }
    }
  }
  let last = Number.isNaN(score[best] as number) ? 0 : (score[best] as number);
  const threshold = last / 3;
  for (let a = s.parent[best] as number; a > 0; a = s.parent[a] as number) {
    const v = score[a] as number;
    if (Number.isNaN(v)) continue;
    if (v < threshold) break;
    if (v > last) {
      best = a;
      break;
    }
    last = v;
  }
  // An only child (empty siblings aside) stands for its parent, so that the parent's siblings can join.
  const hasContent = (c: number): boolean => (s.chars[c] as number) > 0 || (s.images[c] as number) > 0;
  for (let p = s.parent[best] as number; p > 0 && childIndices(s, p).filter(hasContent).length === 1; p = s.parent[best] as number) best = p;
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
  const contentScore = Number.isNaN(score[i] as number) ? 0 : (score[i] as number);
  if (weight + contentScore < 0) return 'negative score';
  if ((s.commas[i] as number) >= 10) return null;
  const chars = s.chars[i] as number;
  const paragraphs = s.paragraphs[i] as number;
  const images = s.images[i] as number;
  const inputs = s.inputs[i] as number;
  const density = linkDensity(s, i);
  const isList = tag === 'ul' || tag === 'ol' || tag === 'dl';
  if (inputs > Math.floor(paragraphs / 3)) return 'form fields';
  if (images > 1 && paragraphs / images < 0.5 && !isList) return 'images';
  const headingShare = chars === 0 ? 0 : (s.headingChars[i] as number) / chars;
  if (!isList && headingShare < 0.9 && chars < MIN_PARAGRAPH_CHARS && (images === 0 || images > 2) && density > 0) return 'short link';
  if (!isList && weight < CLASS_WEIGHT && density > 0.2) return 'link density';
  if (weight >= CLASS_WEIGHT && density > 0.5) return 'link density (positive class)';
  return null;
}

/**
 * A `p`, a `div`/`section` with no block inside, or a `div` wrapping a single `p` and nothing
 * else (Readability turns those into paragraphs).
 */
function isParagraph(s: Stats, i: number): boolean {
  const tag = (s.els[i] as HtmlElement).tagName;
  if (tag === 'p') return true;
  if (tag !== 'div' && tag !== 'section') return false;
  if (s.blockChildren[i] === 0) return true;
  if (s.blockChildren[i] !== 1 || s.inlineRuns[i] !== 0 || linkDensity(s, i) >= 0.25) return false;
  const kids = childIndices(s, i);
  return kids.length === 1 && (s.els[kids[0] as number] as HtmlElement).tagName === 'p';
}

function sentenceLike(text: string): boolean {
  return /\.(?: |$)/.test(text);
}

function choose(body: HtmlElement, evidence: ArticleEvidence, options: Options): ArticleChoice {
  const excluded: HtmlElement[] = [];
  const s = collectStats(body, options, excluded);
  const score = scoreCandidates(s);
  const reasons: string[] = [];
  const top = pickTop(s, score);
  const topScore = Number.isNaN(score[top] as number) ? 0 : (score[top] as number);
  reasons.push(`top <${(s.els[top] as HtmlElement).tagName} ${matchString(s.els[top] as HtmlElement)}> score ${topScore.toFixed(1)}`);
  if (process.env['CROSSCHECK_DEBUG']) {
    const order = [...score.keys()].filter((i) => !Number.isNaN(score[i] as number)).sort((a, b) => (score[b] as number) - (score[a] as number));
    for (const i of order.slice(0, 8)) reasons.push(`  cand <${(s.els[i] as HtmlElement).tagName} ${matchString(s.els[i] as HtmlElement)}> ${(score[i] as number).toFixed(1)} chars ${s.chars[i]}`);
  }
  void evidence;

  // Siblings that belong to the article: scored well, or paragraphs of prose.
  const roots: number[] = [];
  const parent = s.parent[top] as number;
  if (top === 0 || parent < 0) {
    roots.push(top);
  } else {
    const threshold = Math.max(10, topScore * 0.2);
    const topClass = getAttribute(s.els[top] as HtmlElement, 'class') ?? '';
    for (const sib of childIndices(s, parent)) {
      if (sib === top) {
        roots.push(sib);
        continue;
      }
      const sibEl = s.els[sib] as HtmlElement;
      const bonus = topClass !== '' && getAttribute(sibEl, 'class') === topClass ? topScore * 0.2 : 0;
      const sibScore = score[sib] as number;
      if (!Number.isNaN(sibScore) && sibScore + bonus >= threshold) {
        roots.push(sib);
      } else if (isParagraph(s, sib)) {
        const chars = s.chars[sib] as number;
        const density = linkDensity(s, sib);
        if ((chars > 80 && density < 0.25) || (chars > 0 && chars <= 80 && density === 0 && sentenceLike(textOfSmall(sibEl)))) roots.push(sib);
      }
    }
  }

  const excludedSet = new Set<HtmlElement>(excluded);
  let chars = 0;
  for (const r of roots) {
    const last = s.end[r] as number;
    let removed = 0;
    for (let c = r + 1; c <= last; c++) {
      const tag = (s.els[c] as HtmlElement).tagName;
      const why = CLEANED_TAGS.has(tag) && !isParagraph(s, c) ? shouldExclude(s, score, c) : null;
      if (why) {
        if (process.env['CROSSCHECK_DEBUG']) reasons.push(`exclude <${tag} ${matchString(s.els[c] as HtmlElement)}>: ${why}`);
        excludedSet.add(s.els[c] as HtmlElement);
        removed += s.chars[c] as number;
        c = s.end[c] as number;
      }
    }
    chars += (s.chars[r] as number) - removed;
  }
  return { roots: roots.map((r) => s.els[r] as HtmlElement), excluded: excludedSet, score: topScore, chars, reasons };
}

/** Text of a small element (a sibling paragraph), for the sentence test. */
function textOfSmall(el: HtmlElement): string {
  let out = '';
  const stack: HtmlNode[] = [...el.childNodes].reverse();
  while (stack.length > 0 && out.length < 1000) {
    const node = stack.pop() as HtmlNode;
    if (node.nodeName === '#text') out += (node as { value: string }).value;
    else if (isElement(node)) for (let k = node.childNodes.length - 1; k >= 0; k--) stack.push(node.childNodes[k] as HtmlNode);
  }
  return out;
}

/**
 * The article's elements in the page body. Deterministic. When the first choice holds less
 * than `MIN_ARTICLE_CHARS`, the choice is made again without the up-front exclusions, then
 * without class weights, and the longest result wins (as Readability does).
 */
export function chooseArticle(body: HtmlElement, evidence: ArticleEvidence): ArticleChoice {
  let best = choose(body, evidence, { stripUnlikely: true, weighClasses: true });
  if (best.chars >= MIN_ARTICLE_CHARS) return best;
  for (const options of [{ stripUnlikely: false, weighClasses: true }, { stripUnlikely: false, weighClasses: false }]) {
    const next = choose(body, evidence, options);
    if (next.chars > best.chars) best = next;
    if (best.chars >= MIN_ARTICLE_CHARS) break;
  }
  return best;
}
