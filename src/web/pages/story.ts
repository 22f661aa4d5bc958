import { articleLocation, sheetLabels, sourceCount, type Citation, type FactSheet, type SheetFigureGroup, type SheetTimelineEntry } from '../../analyze/index.js';
import type { StoryDetail } from '../../api/index.js';
import type { StoredArticle } from '../../core/types.js';
import { splitSentences } from '../../dedup/index.js';
import { coverageChart, timelineChart } from '../charts.js';
import { figureTitle, languagesLine } from '../../analyze/index.js';
import type { GroupCoverage } from '../../analyze/index.js';
import { groupsSection } from './groups.js';
import { firstSentenceTitle } from '../../core/labels.js';
import { formatDate, formatSpan, plural } from '../format.js';
import { html, safeHref, type SafeHtml } from '../html.js';
import { page } from '../layout.js';

export interface StoryPageData {
  story: StoryDetail;
  sheet: FactSheet;
  /** The story's articles (for sentence anchors). */
  articles: StoredArticle[];
  /** Set when the sheet is the last good one of fewer articles, while a newer one is built. */
  stale?: { builtAt: string; articles: number; error: string | null };
  /** Coverage by the labels of the outlets file, when one was imported. */
  groups?: GroupCoverage | null;
}

/** The story header: title, counts, span, outlets (and notes on the sheet, when there is one). */
function storyHeader(story: StoryDetail, chipList: SafeHtml, notes: SafeHtml | '' = ''): SafeHtml {
  return html`<header class="story-header">
  <p class="breadcrumb"><a href="/">Stories</a> / #${story.id}</p>
  <h1>${story.title}</h1>
  ${chipList}
  ${notes}
</header>`;
}

/** Outlet chips from the story's list (outlets by label, as everywhere). */
function storyChips(story: StoryDetail): SafeHtml {
  return html`<ul class="outlet-chips" aria-label="Outlets">${story.outlets.map((o) => html`<li>${o.name}${o.articles > 1 ? html` <span class="count">×${o.articles}</span>` : ''}</li>`)}</ul>`;
}

function staleNotice(story: StoryDetail, stale: NonNullable<StoryPageData['stale']>): SafeHtml {
  const when = html`<time datetime="${stale.builtAt}">${formatDate(stale.builtAt, true)}</time>`;
  const next = stale.error ? html`Building a newer one failed: ${stale.error}` : html`A newer one is being built; refresh shortly.`;
  return html`<p class="notice notice-stale" role="status">This fact sheet was built ${when} from ${plural(stale.articles, 'article')} of the story's ${story.articleCount}. ${next}</p>`;
}

/** The page of a story whose fact sheet is not built yet: the header and a notice; it reloads itself. */
export function storyPendingPage(story: StoryDetail, retryAfterS: number, failure: string | null = null): SafeHtml {
  const notice = failure
    ? html`<p class="notice notice-error" role="alert">The fact sheet of this story could not be built: ${failure}</p>`
    : html`<p class="notice notice-building" role="status">The fact sheet of this story is being built; refresh shortly (this page reloads in ${plural(retryAfterS, 'second')}).</p>`;
  const meta = html`<p class="story-meta">${plural(story.articleCount, 'article')} from ${plural(story.outlets.length, 'outlet')} · ${formatSpan(story.firstSeen, story.lastSeen)}</p>`;
  const body = html`<article class="story">${storyHeader(story, html`${meta}${storyChips(story)}`)}${notice}</article>`;
  return page({ title: story.title, body, current: 'stories', kind: 'story', ...(failure ? {} : { refreshSeconds: retryAfterS }) });
}

const words = (text: string): Set<string> => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

/**
 * Finds sentences in articles: exact text first, else the sentence sharing most words (≥ half).
 * Lazy and memoised: an article is split only when a citation points into it, and each answer is
 * kept, so a page citing the same sentence many times (a 500-article story) pays once.
 */
class SentenceLocator {
  private readonly paragraphs = new Map<number, readonly string[]>();
  private readonly sentences = new Map<number, { text: string[]; words: Array<Set<string>> | null }>();
  private readonly answers = new Map<string, number | null>();

  constructor(articles: StoredArticle[]) {
    for (const a of articles) this.paragraphs.set(a.id, a.paragraphs);
  }

  private sentencesOf(articleId: number): { text: string[]; words: Array<Set<string>> | null } | null {
    let entry = this.sentences.get(articleId);
    if (!entry) {
      const paragraphs = this.paragraphs.get(articleId);
      if (!paragraphs) return null;
      entry = { text: paragraphs.flatMap((p) => splitSentences(p)), words: null };
      this.sentences.set(articleId, entry);
    }
    return entry;
  }

  /** Anchor (`s{n}`) of the sentence of `articleId` best matching `text`, or null. */
  locate(articleId: number, text: string | undefined): number | null {
    if (!text) return null;
    const key = `${articleId}\u0000${text}`;
    const known = this.answers.get(key);
    if (known !== undefined) return known;
    const answer = this.find(articleId, text);
    this.answers.set(key, answer);
    return answer;
  }

  private find(articleId: number, text: string): number | null {
    const entry = this.sentencesOf(articleId);
    if (!entry) return null;
    const exact = entry.text.findIndex((s) => s === text || s.includes(text));
    if (exact >= 0) return exact;
    entry.words ??= entry.text.map(words);
    const target = words(text);
    let best = -1;
    let bestScore = 0.5;
    entry.words.forEach((w, i) => {
      let shared = 0;
      for (const x of target) if (w.has(x)) shared++;
      const score = shared / Math.max(1, Math.min(target.size, w.size));
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    });
    return best >= 0 ? best : null;
  }
}

// One locator per article list: the web app keeps a story's list between changes of the store,
// so the sentences split and the answers found serve every later view of the story.
const locators = new WeakMap<readonly StoredArticle[], SentenceLocator>();

function locatorFor(articles: StoredArticle[]): SentenceLocator {
  let locator = locators.get(articles);
  if (!locator) {
    locator = new SentenceLocator(articles);
    locators.set(articles, locator);
  }
  return locator;
}

interface Context {
  sheet: FactSheet;
  locator: SentenceLocator;
  labels: Map<number, string>;
  /** Each article's label as such (no `#id`, no language): its outlet, host or file. */
  outletOf: Map<number, string>;
  /** Stable anchors (permalinks) of figures, quotes and timeline entries. */
  ids: AnchorIds;
}

/** How many items each section shows before "show N more". */
export const KEEP = { summary: 5, figures: 6, speakers: 4, quotesPerSpeaker: 2, timeline: 8, coverage: 6, entities: 8, sources: 10, outlets: 12, digest: 4, values: 6 } as const;

/**
 * Most items a section puts on the page at all (folded or not), so that a story of hundreds of
 * articles stays a page: the rest are counted, and every item is in the downloads.
 */
export const PAGE_CAP = { figures: 60, values: 24, speakers: 40, quotesPerSpeaker: 15, timeline: 60, chartRows: 40, variants: 4, coverage: 60, digest: 12 } as const;

/** A note for what a section leaves off the page. */
function leftOff(n: number, noun: string, many = `${noun}s`): SafeHtml {
  return n > 0 ? html`<p class="muted left-off">${plural(n, noun, many)} more not shown here: download the JSON or the Markdown report for all.</p>` : html``;
}

/** FNV-1a, 32 bits, base 36: short anchors that stay the same while the story grows. */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/** Anchors from content (not position), unique on the page. */
class AnchorIds {
  private readonly used = new Set<string>();
  private readonly byItem = new WeakMap<object, string>();

  /** The anchor of `item`: a hash of `key` (its content), suffixed `-2`, `-3` when two items share a key. */
  of(prefix: string, key: string, item: object): string {
    const known = this.byItem.get(item);
    if (known) return known;
    const base = `${prefix}-${shortHash(key)}`;
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}-${n}`;
    this.used.add(id);
    this.byItem.set(item, id);
    return id;
  }
}

const figureId = (ctx: Context, g: SheetFigureGroup): string => ctx.ids.of('f', `${g.kind}|${g.caption}|${g.unit}|${g.measure.about.join(',')}`, g);
const eventId = (ctx: Context, e: SheetTimelineEntry): string => ctx.ids.of('t', `${e.start}|${e.end}|${e.description}`, e);
const quoteId = (ctx: Context, speaker: string | null, q: { text: string }): string => ctx.ids.of('q', `${speaker ?? ''}|${q.text}`, q);

/** Gives every figure, event and quote its anchor in sheet order, so that a suffix stays with the same item whatever is shown first. */
function assignAnchors(ctx: Context): void {
  for (const g of ctx.sheet.figures) figureId(ctx, g);
  for (const e of ctx.sheet.timeline.entries) eventId(ctx, e);
  for (const g of ctx.sheet.quotes) for (const q of g.quotes) quoteId(ctx, g.speaker, q);
}

/** A permalink to an item of the page (its anchor), for copying and sharing. */
function permalink(id: string, what: string): SafeHtml {
  return html`<a class="permalink" href="#${id}" title="Link to this ${what}" aria-label="Link to this ${what}">#</a>`;
}

/**
 * The first `keep` items, then the rest folded in a <details> ("Show N more"): the page opens on
 * what matters and works without the script. `wrap` builds the list around a slice of items.
 */
function collapsed(items: readonly SafeHtml[], keep: number, wrap: (slice: readonly SafeHtml[], offset: number) => SafeHtml, noun: string, many = `${noun}s`): SafeHtml {
  if (items.length <= keep) return wrap(items, 0);
  const rest = items.length - keep;
  return html`${wrap(items.slice(0, keep), 0)}<details class="more"><summary>Show ${rest} more ${rest === 1 ? noun : many}</summary>${wrap(items.slice(keep), keep)}</details>`;
}

function citeHref(articleId: number, sentence: number | null): string {
  return sentence === null ? `/articles/${articleId}` : `/articles/${articleId}#s${sentence}`;
}

const uniqueArticles = (citations: readonly Citation[]): Citation[] => {
  const seen = new Set<number>();
  return citations.filter((c) => (seen.has(c.articleId) ? false : (seen.add(c.articleId), true)));
};

/** Most citation chips shown on one item; the rest are counted (every citation is in the downloads). */
export const MAX_CHIPS = 6;

/** Citation chips: one link per article to the sentence in its article view, at most {@link MAX_CHIPS}. */
function chips(ctx: Context, citations: readonly Citation[], sentenceOf: (c: Citation) => number | null): SafeHtml {
  const unique = uniqueArticles(citations);
  const shown = unique.slice(0, MAX_CHIPS);
  const rest = unique.length - shown.length;
  return html`<span class="cites">${shown.map((c) => {
    const label = ctx.labels.get(c.articleId) ?? c.source ?? `article ${c.articleId}`;
    return html`<a class="cite" href="${citeHref(c.articleId, sentenceOf(c))}" title="Read in ${label}">${label}</a>`;
  })}${rest > 0 ? html`<span class="cite-more" title="${plural(rest, 'more article')} carry it (all listed in the JSON download)">+${rest}</span>` : ''}</span>`;
}

/** `AP, Reuters +2`: the outlets of some citations, for a digest line. */
function outletList(ctx: Context, citations: readonly Citation[], max = 3): string {
  const names = [...new Set(uniqueArticles(citations).map((c) => ctx.labels.get(c.articleId) ?? c.source ?? `article ${c.articleId}`))];
  return names.length > max ? `${names.slice(0, max).join(', ')} +${names.length - max}` : names.join(', ');
}

const publishedOf = (sheet: FactSheet): Map<number, string | null> => new Map(sheet.articles.map((a) => [a.id, a.published ?? a.inferredDate]));

interface LatestFact {
  text: string;
  at: string | null;
  citations: Citation[];
  sentenceOf: (c: Citation) => number | null;
}

/** Fewest words an own passage needs to stand as a latest fact. */
const MIN_FACT_WORDS = 8;

/**
 * The latest facts: the first sentence of what each of the newest articles alone reports (one per
 * outlet, at most three), quoted as written; when the newest add nothing of their own, the summary's
 * sentences from the most recent articles.
 */
function latestFacts(ctx: Context, published: Map<number, string | null>): LatestFact[] {
  const { sheet } = ctx;
  const byDate = [...sheet.coverage].filter((c) => published.get(c.articleId)).sort((a, b) => {
    const x = published.get(a.articleId) ?? '';
    const y = published.get(b.articleId) ?? '';
    return x < y ? 1 : x > y ? -1 : b.articleId - a.articleId;
  });
  const out: LatestFact[] = [];
  const outlets = new Set<string>();
  for (const c of byDate) {
    if (out.length >= 3) break;
    const label = ctx.outletOf.get(c.articleId) ?? '';
    if (outlets.has(label)) continue;
    const passage = c.ownPassages.find((p) => p.split(/\s+/).length >= MIN_FACT_WORDS);
    if (!passage) continue;
    outlets.add(label);
    const text = firstSentenceTitle(passage, 260);
    out.push({ text, at: published.get(c.articleId) ?? null, citations: [{ articleId: c.articleId, source: c.source }], sentenceOf: (x) => ctx.locator.locate(x.articleId, text.replace(/…$/, '')) });
  }
  if (out.length > 0) return out;
  return sheet.summary
    .map((s, rank) => ({ s, rank, at: published.get(s.articleId) ?? '' }))
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.rank - b.rank))
    .slice(0, 3)
    .map(({ s, at }) => ({ text: s.text, at: at || null, citations: s.citations.slice(0, 3), sentenceOf: (c: Citation) => (c.articleId === s.articleId ? s.sentence : null) }));
}

/** The top of the page: latest facts, the disagreements in one line each, what changed, the reach. */
function digest(ctx: Context, story: StoryDetail): SafeHtml {
  const { sheet } = ctx;
  const published = publishedOf(sheet);
  const independent = new Set(sheet.articles.map((a) => a.copyGroup ?? a.id)).size;
  const outlets = sourceCount(sheet);
  // Latest: what the newest reports add (their own text, verbatim), else the summary's sentences from the newest articles.
  const latest = latestFacts(ctx, published);
  const disagreeing = sheet.figures.filter((g) => g.isDisagreement).sort((a, b) => (a.verdict === b.verdict ? b.sourceCount - a.sourceCount : a.verdict === 'conflict' ? -1 : b.verdict === 'conflict' ? 1 : 0));
  const disputed = sheet.timeline.entries.filter((e) => e.isDisputed);
  const lines: SafeHtml[] = [
    ...disagreeing.map((g) => {
      const involved = [...new Set(g.disagreements.flatMap((d) => [d.a, d.b]))].sort((a, b) => a - b);
      const values = involved.flatMap((i) => (g.values[i] ? [g.values[i]] : []));
      const shown = values.slice(0, 3);
      return html`<li class="${g.verdict === 'conflict' ? 'digest-conflict' : 'digest-differ'}"><a href="#${figureId(ctx, g)}">${figureTitle(g)}</a>: ${shown.map(
        (v, i) => html`${i ? html` <span class="vs">vs</span> ` : ''}<strong>${v.text}</strong> <span class="muted">(${outletList(ctx, v.citations)})</span>`,
      )}${values.length > shown.length ? html` <span class="muted">and ${values.length - shown.length} more</span>` : ''}</li>`;
    }),
    ...disputed.map(
      (e) =>
        html`<li class="digest-conflict"><a href="#${eventId(ctx, e)}">When: ${e.description.length > 80 ? `${e.description.slice(0, 80).replace(/\s+\S*$/, '')}…` : e.description}</a>: ${e.variants.slice(0, 3).map(
          (v, i) => html`${i ? html` <span class="vs">vs</span> ` : ''}<strong>${entryDate(v)}</strong> <span class="muted">(${outletList(ctx, v.citations)})</span>`,
        )}</li>`,
    ),
  ];
  const multi = sheet.figures.filter((g) => g.sourceCount > 1).length;
  const noDisagreement = multi > 0 ? `Outlets agree on the ${plural(multi, 'figure')} more than one of them reports.` : 'No figure is reported by two independent sources, so none can be compared.';
  const exports = `/api/stories/${story.id}/export`;
  return html`<section class="digest" aria-labelledby="digest-h">
<h2 id="digest-h">What you need to know</h2>
<p class="reach"><strong>${plural(sheet.articles.length, 'article')}</strong> from <strong>${plural(outlets, 'outlet')}</strong>, <strong>${plural(independent, 'independent source')}</strong> <span class="muted">(articles that copy one text count once)</span> · ${formatSpan(story.firstSeen, story.lastSeen)}</p>
<div id="since-visit" class="since-visit" role="status" aria-live="polite" hidden data-story="${story.id}" data-articles="${sheet.articles.map((a) => a.id).join(' ')}" data-figures="${sheet.figures.map((g) => figureId(ctx, g)).join(' ')}"></div>
<div class="digest-columns">
<div><h3>Latest</h3>${
    latest.length
      ? html`<ul class="latest">${latest.map((item) => html`<li><span class="muted">${formatDate(item.at)}:</span> ${item.text} ${chips(ctx, item.citations, item.sentenceOf)}</li>`)}</ul>`
      : html`<p class="empty">Too little text for a summary.</p>`
  }</div>
<div><h3>Where outlets disagree</h3>${
    lines.length
      ? html`${collapsed(lines.slice(0, PAGE_CAP.digest), KEEP.digest, (slice) => html`<ul class="disagreements">${slice}</ul>`, 'disagreement')}${lines.length > PAGE_CAP.digest ? html`<p class="muted">${plural(lines.length - PAGE_CAP.digest, 'more disagreement')}: see <a href="#figures">Figures</a> and <a href="#timeline">Timeline</a>.</p>` : ''}`
      : html`<p class="muted">${noDisagreement}</p>`
  }</div>
</div>
<p class="downloads">Download: <a href="${exports}.md" download>Markdown report</a> · <a href="${exports}.json" download>JSON</a> · <a href="${exports}.csl.json" download>citations (CSL-JSON)</a></p>
</section>`;
}

function summarySection(ctx: Context): SafeHtml {
  const { summary } = ctx.sheet;
  if (summary.length === 0) return html`<p class="empty">Too little text for a summary.</p>`;
  const items = summary.map(
    (s) => html`<li><span class="sentence">${s.text}</span> ${chips(ctx, s.citations, (c) => (c.articleId === s.articleId ? s.sentence : ctx.locator.locate(c.articleId, s.text)))}</li>`,
  );
  return collapsed(items, KEEP.summary, (slice, offset) => html`<ol class="summary"${offset ? html` start="${offset + 1}"` : ''}>${slice}</ol>`, 'sentence');
}

const VERDICT_LABEL: Record<SheetFigureGroup['verdict'], string> = { agree: 'Agree', differ: 'Differ', conflict: 'Conflict', update: 'Updated', single: 'Single source' };

function figureWhat(group: SheetFigureGroup): SafeHtml {
  const about = group.measure.about.slice(0, 3).join(', ');
  return html`${figureTitle(group)}${about ? html`<br><span class="muted keywords">${about}</span>` : ''}`;
}

/** Most disagreement reasons listed under one figure (conflicts first). */
const MAX_REASONS = 8;

/** Why the readings disagree: listed, folded away when there are many pairs. */
function reasons(group: SheetFigureGroup): SafeHtml {
  if (group.disagreements.length === 0) return html``;
  const shown = [...group.disagreements].sort((a, b) => Number(b.level === 'conflict') - Number(a.level === 'conflict')).slice(0, MAX_REASONS);
  const rest = group.disagreements.length - shown.length;
  const list = html`<ul class="reasons">${shown.map((d) => html`<li class="reason-${d.level}">${d.reason}</li>`)}${rest > 0 ? html`<li>${plural(rest, 'more pair')} in the downloads</li>` : ''}</ul>`;
  if (group.disagreements.length <= 3) return list;
  const conflicts = group.disagreements.filter((d) => d.level === 'conflict').length;
  return html`<details class="reasons-more"><summary>${plural(group.disagreements.length, 'disagreement')}${conflicts ? ` (${conflicts} that cannot both be true)` : ''}</summary>${list}</details>`;
}

/** Figures most worth reading first: disagreements (conflicts first), then by how many sources report them. */
function rankFigures(groups: readonly SheetFigureGroup[]): SheetFigureGroup[] {
  const weight = (g: SheetFigureGroup): number => (g.verdict === 'conflict' ? 3 : g.verdict === 'differ' ? 2 : g.verdict === 'update' ? 1 : 0);
  return groups
    .map((g, i) => ({ g, i }))
    .sort((a, b) => weight(b.g) - weight(a.g) || b.g.sourceCount - a.g.sourceCount || a.i - b.i)
    .map((x) => x.g);
}

function figuresSection(ctx: Context): SafeHtml {
  const groups = rankFigures(ctx.sheet.figures);
  if (groups.length === 0) return html`<p class="empty">No figures reported by more than one article.</p>`;
  const disagreeing = groups.filter((g) => g.isDisagreement).length;
  const rows = groups.slice(0, PAGE_CAP.figures).map((g) => {
    const conflicting = new Set(g.disagreements.flatMap((d) => [d.a, d.b]));
    const id = figureId(ctx, g);
    return html`<tr id="${id}" class="${g.isDisagreement ? `disagree verdict-${g.verdict}` : 'agree'}">
  <th scope="row">${figureWhat(g)} ${permalink(id, 'figure')}</th>
  <td>${collapsed(
    // Values in a disagreement first: those are what the row is about.
    g.values
      .map((v, vi) => ({ v, vi }))
      .sort((a, b) => Number(conflicting.has(b.vi)) - Number(conflicting.has(a.vi)) || a.vi - b.vi)
      .slice(0, PAGE_CAP.values)
      .map(
        ({ v, vi }) =>
          html`<li class="${conflicting.has(vi) ? 'value in-conflict' : 'value'}"><strong class="figure-text">${v.text}</strong>${v.isEarlier ? html` <span class="muted">(earlier value)</span>` : ''}${v.conversion ? html` <span class="muted">(≈ ${v.conversion.value.toLocaleString('en')} ${v.conversion.currency})</span>` : ''} ${chips(ctx, v.citations, (c) => ctx.locator.locate(c.articleId, v.sentence))}</li>`,
      ),
    KEEP.values,
    (slice) => html`<ul class="values">${slice}</ul>`,
    'value',
  )}${g.values.length > PAGE_CAP.values ? html`<p class="muted left-off">${plural(g.values.length - PAGE_CAP.values, 'more value')} in the downloads.</p>` : ''}${reasons(g)}</td>
  <td class="verdict"><span class="badge badge-${g.verdict}">${VERDICT_LABEL[g.verdict]}</span></td>
</tr>`;
  });
  const table = (slice: readonly SafeHtml[], offset: number): SafeHtml => html`<div class="table-scroll"><table class="data-table figures">
  <caption class="visually-hidden">${offset ? 'More figures' : 'Figures side by side, disagreements first; rows where outlets disagree are marked'}</caption>
  <thead><tr><th scope="col">What</th><th scope="col">What each outlet reports</th><th scope="col">Verdict</th></tr></thead>
  <tbody>${slice}</tbody>
</table></div>`;
  return html`<p class="section-note">${plural(groups.length, 'figure')} compared across outlets; ${disagreeing ? html`<strong>${disagreeing} where outlets disagree</strong>, listed first` : 'outlets agree on all of them'}.</p>
<div class="figure-tools" data-enhance="figures" hidden><label><input type="checkbox" id="only-disagreements"> Show only disagreements</label></div>
${collapsed(rows, KEEP.figures, table, 'figure')}${leftOff(groups.length - rows.length, 'figure')}`;
}

function quotesSection(ctx: Context): SafeHtml {
  const groups = ctx.sheet.quotes;
  if (groups.length === 0) return html`<p class="empty">No quotes found.</p>`;
  const speakers = groups.slice(0, PAGE_CAP.speakers).map((g) => {
    const items = g.quotes.slice(0, PAGE_CAP.quotesPerSpeaker).map((q) => {
      const id = quoteId(ctx, g.speaker, q);
      return html`<li class="quote" id="${id}">
    <blockquote>${q.marked ? html`“${q.text}”` : (q.reported ?? q.text)}</blockquote>${q.parts.map((part) => html`<p class="quote-meta muted">in part: “${part.text}”</p>`)}
    <p class="quote-meta">${q.marked ? '' : html`<span class="badge">reported speech</span> `}${q.channel ? html`<span class="muted">via ${q.channel}</span> ` : ''}${chips(ctx, q.variants, (c) => ctx.locator.locate(c.articleId, q.variants.find((v) => v.articleId === c.articleId)?.sentence))} ${permalink(id, 'quote')}</p>
  </li>`;
    });
    return html`<section class="speaker" aria-label="${g.speaker ?? 'Unattributed'}">
  <h3>${g.speaker ?? 'Unattributed'} ${g.speakerKind === 'organisation' ? html`<span class="muted">(organisation)</span>` : ''} <span class="count">${plural(g.quotes.length, 'quote')}</span></h3>
  ${collapsed(items, KEEP.quotesPerSpeaker, (slice) => html`<ul class="quotes">${slice}</ul>`, 'quote')}${leftOff(g.quotes.length - items.length, 'quote')}
</section>`;
  });
  return html`${collapsed(speakers, KEEP.speakers, (slice) => html`<div class="speakers">${slice}</div>`, 'speaker')}${leftOff(groups.length - speakers.length, 'speaker')}`;
}

function entryDate(e: { start: string; end: string }): string {
  return e.start === e.end ? formatDate(e.start) : `${formatDate(e.start)} – ${formatDate(e.end)}`;
}

function timelineSection(ctx: Context): SafeHtml {
  const all: SheetTimelineEntry[] = ctx.sheet.timeline.entries;
  if (all.length === 0) return html`<p class="empty">No dated events found.</p>`;
  // Disputed events first, then the most cited, kept in date order on the page.
  const keep = new Set(
    all
      .map((e, i) => ({ e, i }))
      .sort((a, b) => Number(b.e.isDisputed) - Number(a.e.isDisputed) || b.e.citations.length - a.e.citations.length || a.i - b.i)
      .slice(0, PAGE_CAP.timeline)
      .map((x) => x.e),
  );
  const entries = all.filter((e) => keep.has(e));
  const charted = entries.length > PAGE_CAP.chartRows ? entries.filter((e, i) => e.isDisputed || i % Math.ceil(entries.length / PAGE_CAP.chartRows) === 0).slice(0, PAGE_CAP.chartRows) : entries;
  const chart = timelineChart(
    charted.map((e) => ({
      start: e.start,
      end: e.end,
      label: e.description,
      href: `#${eventId(ctx, e)}`,
      isDisputed: e.isDisputed,
      alternatives: e.variants.slice(1).map((v) => ({ start: v.start, end: v.end })),
    })),
  );
  const items = entries.map((e) => {
    const id = eventId(ctx, e);
    return html`<li id="${id}" class="${e.isDisputed ? 'event disputed' : 'event'}">
  <p class="event-date"><time datetime="${e.start}">${entryDate(e)}</time>${e.isDisputed ? html` <span class="badge badge-conflict">Disputed</span>` : ''}${e.isOutsideStory ? html` <span class="badge">Background</span>` : ''} ${permalink(id, 'event')}</p>
  <p class="event-text">${e.description} ${chips(ctx, e.citations, (c) => ctx.locator.locate(c.articleId, e.description))}</p>
  ${e.isDisputed ? html`<ul class="variants">${e.variants.slice(0, PAGE_CAP.variants).map((v) => html`<li>${entryDate(v)} (${v.expressions.join(', ')}): ${chips(ctx, v.citations, () => null)}</li>`)}</ul>` : ''}
</li>`;
  });
  return html`<figure class="chart">${chart}<figcaption class="muted">Each row is an event; hollow marks are other outlets' datings of a disputed event.${charted.length < entries.length ? ` ${charted.length} of the ${entries.length} events below are drawn.` : ''} The list below gives each event.</figcaption></figure>
${collapsed(items, KEEP.timeline, (slice) => html`<ol class="timeline">${slice}</ol>`, 'event')}${leftOff(all.length - entries.length, 'event')}`;
}

function coverageSection(ctx: Context, story: StoryDetail): SafeHtml {
  const groups = story.copyGroups;
  const byId = new Map(story.articles.map((a) => [a.id, a]));
  const name = (id: number): string => ctx.labels.get(id) ?? `article ${id}`;
  const groupItems = groups.map((g) => {
    const first = byId.get(g.first);
    const others = g.articles.filter((id) => id !== g.first);
    return html`<li><strong>Same text, ${plural(g.articles.length, 'article')}:</strong> <a href="/articles/${g.first}">${name(g.first)}</a> published it first${first?.published ? html` (${formatDate(first.published, true)})` : ''}; copied by ${others.map((id, i) => html`${i ? ', ' : ''}<a href="/articles/${id}">${name(id)}</a>`)}.</li>`;
  });
  const groupNote = groups.length
    ? collapsed(groupItems, KEEP.coverage, (slice) => html`<ul class="copy-groups">${slice}</ul>`, 'copy group')
    : html`<p class="section-note">No article copies another: every outlet wrote its own.</p>`;
  const items = ctx.sheet.coverage.slice(0, PAGE_CAP.coverage).map((c) => {
    const article = byId.get(c.articleId);
    const isFirst = c.firstPublished?.articleId === c.articleId;
    const copied = c.copyGroup !== null && groups.some((g) => g.articles.includes(c.articleId));
    const share = c.sentences ? Math.round((c.ownSentences / c.sentences) * 100) : 0;
    const sheetArticle = ctx.sheet.articles.find((a) => a.id === c.articleId);
    return html`<li class="coverage-item">
  <h3><a href="/articles/${c.articleId}">${name(c.articleId)}</a></h3>
  <p class="muted">${sheetArticle?.displayTitle ?? c.title ?? ''} · ${formatDate(c.published, true)}${article?.language ? html` · ${article.language}` : ''}</p>
  <p>${copied ? (isFirst ? html`<span class="badge badge-first">Published first</span>` : html`<span class="badge">Copy</span> of <a href="/articles/${c.firstPublished?.articleId ?? c.articleId}">${name(c.firstPublished?.articleId ?? c.articleId)}</a>`) : html`<span class="badge">Own reporting</span>`} · ${share}% own text · ${plural(c.words, 'word')}</p>
  ${c.ownPassages.length ? html`<details><summary>What it adds (${plural(c.ownPassages.length, 'passage')}${c.ownQuotes.length ? `, ${plural(c.ownQuotes.length, 'quote')}` : ''}${c.ownFigures.length ? `, ${plural(c.ownFigures.length, 'figure')}` : ''})</summary><ul class="own-passages">${c.ownPassages.slice(0, 5).map((p) => html`<li>${p}</li>`)}</ul></details>` : html`<p class="muted">Adds nothing the others do not carry.</p>`}
</li>`;
  });
  return html`${groupNote}
${collapsed(items, KEEP.coverage, (slice) => html`<ul class="coverage">${slice}</ul>`, 'article')}${leftOff(ctx.sheet.coverage.length - items.length, 'article')}`;
}

/** Who published when: a chart of publication times per outlet, and the same as a table (the Sources list). */
function sourcesSection(ctx: Context): SafeHtml {
  const { sheet } = ctx;
  const chart = coverageChart(sheet.articles.map((a) => ({ label: a.label, published: a.published, href: `#src-${a.id}` })));
  const rows = sheet.articles.map((a) => {
    const where = articleLocation(a);
    const href = where?.kind === 'url' ? safeHref(where.value) : null;
    return html`<tr id="src-${a.id}" data-article-id="${a.id}">
  <th scope="row"><a href="/articles/${a.id}">${ctx.labels.get(a.id) ?? a.label}</a></th>
  <td>${a.published ? html`<time datetime="${a.published}">${formatDate(a.published, true)}</time>` : a.inferredDate ? html`<span class="muted">undated (about ${formatDate(a.inferredDate)})</span>` : html`<span class="muted">undated</span>`}</td>
  <td>${a.displayTitle ?? a.title ?? ''}</td>
  <td class="where">${href ? html`<a href="${href}" rel="noopener noreferrer nofollow" class="url">${href}</a>` : where ? html`<span class="muted">file</span> <code class="url">${where.value}</code>` : html`<span class="muted">not known</span>`}</td>
</tr>`;
  });
  const table = (slice: readonly SafeHtml[], offset: number): SafeHtml => html`<div class="table-scroll" role="region" aria-label="${offset ? 'More sources' : 'Sources: who published when'}" tabindex="0"><table class="data-table sources">
  <caption class="visually-hidden">${offset ? 'More sources' : 'Each article: its label as cited on this page, when it was published, its title and where to find it'}</caption>
  <thead><tr><th scope="col">Source</th><th scope="col">Published</th><th scope="col">Title</th><th scope="col">URL or file</th></tr></thead>
  <tbody>${slice}</tbody>
</table></div>`;
  return html`${chart ? html`<figure class="chart">${chart}<figcaption class="muted">Who published when: one row per outlet, a mark per article. The table below gives the same, with where to find each article.</figcaption></figure>` : ''}
${collapsed(rows, KEEP.sources, table, 'source')}`;
}

function entitiesSection(ctx: Context): SafeHtml {
  const { people, places, organisations } = ctx.sheet.entities;
  const list = (title: string, items: typeof people): SafeHtml =>
    items.length
      ? html`<div><h3>${title}</h3>${collapsed(
          items.slice(0, 40).map((e) => html`<li><a href="/?entity=${encodeURIComponent(e.name)}">${e.name}</a> <span class="count">${e.count}</span></li>`),
          KEEP.entities,
          (slice) => html`<ul class="entities">${slice}</ul>`,
          title === 'People' ? 'person' : title === 'Places' ? 'place' : 'organisation',
          title === 'People' ? 'people' : undefined,
        )}</div>`
      : html``;
  if (people.length + places.length + organisations.length === 0) return html`<p class="empty">No named people, places or organisations.</p>`;
  return html`<div class="entity-columns">${list('People', people)}${list('Places', places)}${list('Organisations', organisations)}</div>`;
}

/** The story's languages, and what the sheet leaves out: languages it cannot analyse, articles analysed only in part. */
function sheetNotes(sheet: FactSheet): SafeHtml {
  const languages = languagesLine(sheet);
  const notes = [
    ...(languages !== null ? [html`<li>${languages}</li>`] : []),
    ...sheet.notAnalysed.map((n) => html`<li>Quotes and figures are not analysed in ${n.language}: ${plural(n.articles.length, 'article')} add none to this sheet.</li>`),
    ...(sheet.partlyAnalysed ?? []).map(
      (c) => html`<li><a href="/articles/${c.article}">Article #${c.article}</a> is ${c.totalChars.toLocaleString('en')} characters long: only its first ${c.analysedChars.toLocaleString('en')} are analysed.</li>`,
    ),
  ];
  return notes.length ? html`<ul class="sheet-notes" aria-label="Languages and what this sheet leaves out">${notes}</ul>` : html``;
}

/** A story: what to know first, then summary, figures, quotes, timeline, outlets and copies, sources, entities. */
export function storyPage(data: StoryPageData): SafeHtml {
  const { story, sheet } = data;
  const ctx: Context = {
    sheet,
    locator: locatorFor(data.articles),
    labels: sheetLabels(sheet),
    outletOf: new Map(sheet.articles.map((a) => [a.id, a.label])),
    ids: new AnchorIds(),
  };
  assignAnchors(ctx);
  const sections: Array<[string, string, SafeHtml]> = [
    ['summary', 'Summary', summarySection(ctx)],
    ['figures', 'Figures', figuresSection(ctx)],
    ['quotes', 'Quotes', quotesSection(ctx)],
    ['timeline', 'Timeline', timelineSection(ctx)],
    ['coverage', 'Outlets and copies', coverageSection(ctx, story)],
    ['sources', 'Sources', sourcesSection(ctx)],
    ...(data.groups ? [['groups', 'Coverage by group', groupsSection(data.groups)] as [string, string, SafeHtml]] : []),
    ['entities', 'People, places, organisations', entitiesSection(ctx)],
  ];
  const counts = new Map<string, number>();
  for (const base of ctx.outletOf.values()) counts.set(base, (counts.get(base) ?? 0) + 1);
  const outletChips = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([name, n]) => html`<li>${name}${n > 1 ? html` <span class="count">×${n}</span>` : ''}</li>`);
  const top = digest(ctx, story);
  const body = html`<article class="story">
${storyHeader(story, collapsed(outletChips, KEEP.outlets, (slice) => html`<ul class="outlet-chips" aria-label="Outlets">${slice}</ul>`, 'outlet'), sheetNotes(sheet))}
${data.stale ? staleNotice(story, data.stale) : ''}
${top}
<nav class="toc" aria-label="On this page"><ul>${sections.map(([id, title]) => html`<li><a href="#${id}">${title}</a></li>`)}</ul></nav>
${sections.map(([id, title, content]) => html`<section id="${id}" class="story-section" aria-labelledby="${id}-h"><h2 id="${id}-h">${title}</h2>${content}</section>`)}
</article>`;
  return page({ title: story.title, body, current: 'stories', kind: 'story' });
}
