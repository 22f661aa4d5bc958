import type { Citation, FactSheet, SheetFigureGroup, SheetTimelineEntry, SpeakerQuotes } from '../../analyze/index.js';
import type { StoryDetail } from '../../api/index.js';
import type { StoredArticle } from '../../core/types.js';
import { splitSentences } from '../../dedup/index.js';
import { timelineChart } from '../charts.js';
import { figureTitle, languageTagger, languagesLine } from '../../analyze/index.js';
import { formatDate, formatSpan, plural } from '../format.js';
import { html, type SafeHtml } from '../html.js';
import { page } from '../layout.js';
import type { GroupCoverage } from '../../analyze/index.js';
import { groupsSection } from './groups.js';

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
function storyHeader(story: StoryDetail, notes: SafeHtml | '' = ''): SafeHtml {
  return html`<header class="story-header">
  <p class="breadcrumb"><a href="/">Stories</a> / #${story.id}</p>
  <h1>${story.title}</h1>
  <p class="story-meta">${plural(story.articleCount, 'article')} from ${plural(story.outlets.length, 'outlet')} · ${formatSpan(story.firstSeen, story.lastSeen)}</p>
  <ul class="outlet-chips" aria-label="Outlets">${story.outlets.map((o) => html`<li>${o.name}${o.articles > 1 ? html` <span class="count">×${o.articles}</span>` : ''}</li>`)}</ul>
  ${notes}
</header>`;
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
  const body = html`<article class="story">${storyHeader(story)}${notice}</article>`;
  return page({ title: story.title, body, current: 'stories', kind: 'story', ...(failure ? {} : { refreshSeconds: retryAfterS }) });
}

const words = (text: string): Set<string> => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

/** Finds sentences in articles: exact text first, else the sentence sharing most words (≥ half). */
class SentenceLocator {
  private readonly sentences = new Map<number, string[]>();

  constructor(articles: StoredArticle[]) {
    for (const a of articles) this.sentences.set(a.id, a.paragraphs.flatMap((p) => splitSentences(p)));
  }

  /** Anchor (`s{n}`) of the sentence of `articleId` best matching `text`, or null. */
  locate(articleId: number, text: string | undefined): number | null {
    const list = this.sentences.get(articleId);
    if (!list || !text) return null;
    const exact = list.findIndex((s) => s === text || s.includes(text));
    if (exact >= 0) return exact;
    const target = words(text);
    let best = -1;
    let bestScore = 0.5;
    list.forEach((s, i) => {
      const w = words(s);
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

interface Context {
  sheet: FactSheet;
  locator: SentenceLocator;
  labels: Map<number, string>;
}

function citeHref(articleId: number, sentence: number | null): string {
  return sentence === null ? `/articles/${articleId}` : `/articles/${articleId}#s${sentence}`;
}

/** Citation chips: one link per article to the sentence in its article view. */
function chips(ctx: Context, citations: readonly Citation[], sentenceOf: (c: Citation) => number | null): SafeHtml {
  const seen = new Set<number>();
  const unique = citations.filter((c) => (seen.has(c.articleId) ? false : (seen.add(c.articleId), true)));
  return html`<span class="cites">${unique.map((c) => {
    const label = ctx.labels.get(c.articleId) ?? c.source ?? `#${c.articleId}`;
    return html`<a class="cite" href="${citeHref(c.articleId, sentenceOf(c))}" title="Read in ${label}">${label}</a>`;
  })}</span>`;
}

function summarySection(ctx: Context): SafeHtml {
  const { summary } = ctx.sheet;
  if (summary.length === 0) return html`<p class="empty">Too little text for a summary.</p>`;
  return html`<ol class="summary">${summary.map(
    (s) =>
      html`<li><span class="sentence">${s.text}</span> ${chips(ctx, s.citations, (c) => (c.articleId === s.articleId ? s.sentence : ctx.locator.locate(c.articleId, s.text)))}</li>`,
  )}</ol>`;
}

const VERDICT_LABEL: Record<SheetFigureGroup['verdict'], string> = { agree: 'Agree', differ: 'Differ', conflict: 'Conflict', update: 'Updated', single: 'Single source' };

function figureWhat(group: SheetFigureGroup): SafeHtml {
  const about = group.measure.about.slice(0, 3).join(', ');
  return html`${figureTitle(group)}${about ? html`<br><span class="muted keywords">${about}</span>` : ''}`;
}

/** Why the readings disagree: listed, folded away when there are many pairs. */
function reasons(group: SheetFigureGroup): SafeHtml {
  if (group.disagreements.length === 0) return html``;
  const list = html`<ul class="reasons">${group.disagreements.map((d) => html`<li class="reason-${d.level}">${d.reason}</li>`)}</ul>`;
  if (group.disagreements.length <= 3) return list;
  const conflicts = group.disagreements.filter((d) => d.level === 'conflict').length;
  return html`<details class="reasons-more"><summary>${plural(group.disagreements.length, 'disagreement')}${conflicts ? ` (${conflicts} that cannot both be true)` : ''}</summary>${list}</details>`;
}

function figuresSection(ctx: Context): SafeHtml {
  const groups = ctx.sheet.figures;
  if (groups.length === 0) return html`<p class="empty">No figures reported by more than one article.</p>`;
  const disagreeing = groups.filter((g) => g.isDisagreement).length;
  return html`<p class="section-note">${plural(groups.length, 'figure')} compared across outlets; ${disagreeing ? html`<strong>${disagreeing} where outlets disagree</strong>` : 'outlets agree on all of them'}.</p>
<div class="figure-tools" data-enhance="figures" hidden><label><input type="checkbox" id="only-disagreements"> Show only disagreements</label></div>
<div class="table-scroll"><table class="data-table figures">
  <caption class="visually-hidden">Figures side by side; rows where outlets disagree are marked</caption>
  <thead><tr><th scope="col">What</th><th scope="col">What each outlet reports</th><th scope="col">Verdict</th></tr></thead>
  <tbody>${groups.map((g, gi) => {
    const conflicting = new Set(g.disagreements.flatMap((d) => [d.a, d.b]));
    return html`<tr id="figure-${gi}" class="${g.isDisagreement ? `disagree verdict-${g.verdict}` : 'agree'}">
  <th scope="row">${figureWhat(g)}</th>
  <td><ul class="values">${g.values.map(
    (v, vi) =>
      html`<li class="${conflicting.has(vi) ? 'value in-conflict' : 'value'}"><strong class="figure-text">${v.text}</strong>${v.isEarlier ? html` <span class="muted">(earlier value)</span>` : ''}${v.conversion ? html` <span class="muted">(≈ ${v.conversion.value.toLocaleString('en')} ${v.conversion.currency})</span>` : ''} ${chips(ctx, v.citations, (c) => ctx.locator.locate(c.articleId, v.sentence))}</li>`,
  )}</ul>${reasons(g)}</td>
  <td class="verdict"><span class="badge badge-${g.verdict}">${VERDICT_LABEL[g.verdict]}</span></td>
</tr>`;
  })}</tbody>
</table></div>`;
}

function quotesSection(ctx: Context): SafeHtml {
  const groups: SpeakerQuotes[] = ctx.sheet.quotes;
  if (groups.length === 0) return html`<p class="empty">No quotes found.</p>`;
  return html`<div class="speakers">${groups.map(
    (g) => html`<section class="speaker" aria-label="${g.speaker ?? 'Unattributed'}">
  <h3>${g.speaker ?? 'Unattributed'} ${g.speakerKind === 'organisation' ? html`<span class="muted">(organisation)</span>` : ''} <span class="count">${plural(g.quotes.length, 'quote')}</span></h3>
  <ul class="quotes">${g.quotes.map(
    (q) => html`<li class="quote">
    <blockquote>${q.marked ? html`“${q.text}”` : (q.reported ?? q.text)}</blockquote>${q.parts.map((part) => html`<p class="quote-meta muted">in part: “${part.text}”</p>`)}
    <p class="quote-meta">${q.marked ? '' : html`<span class="badge">reported speech</span> `}${q.channel ? html`<span class="muted">via ${q.channel}</span> ` : ''}${chips(ctx, q.variants, (c) => ctx.locator.locate(c.articleId, q.variants.find((v) => v.articleId === c.articleId)?.sentence))}</p>
  </li>`,
  )}</ul>
</section>`,
  )}</div>`;
}

function entryDate(e: { start: string; end: string }): string {
  return e.start === e.end ? formatDate(e.start) : `${formatDate(e.start)} – ${formatDate(e.end)}`;
}

function timelineSection(ctx: Context): SafeHtml {
  const entries: SheetTimelineEntry[] = ctx.sheet.timeline.entries;
  if (entries.length === 0) return html`<p class="empty">No dated events found.</p>`;
  const chart = timelineChart(
    entries.map((e, i) => ({
      start: e.start,
      end: e.end,
      label: e.description,
      href: `#t${i}`,
      isDisputed: e.isDisputed,
      alternatives: e.variants.slice(1).map((v) => ({ start: v.start, end: v.end })),
    })),
  );
  return html`<figure class="chart">${chart}<figcaption class="muted">Each row is an event; hollow marks are other outlets' datings of a disputed event.</figcaption></figure>
<ol class="timeline">${entries.map(
    (e, i) => html`<li id="t${i}" class="${e.isDisputed ? 'event disputed' : 'event'}">
  <p class="event-date"><time datetime="${e.start}">${entryDate(e)}</time>${e.isDisputed ? html` <span class="badge badge-conflict">Disputed</span>` : ''}</p>
  <p class="event-text">${e.description} ${chips(ctx, e.citations, (c) => ctx.locator.locate(c.articleId, e.description))}</p>
  ${e.isDisputed ? html`<ul class="variants">${e.variants.map((v) => html`<li>${entryDate(v)} (${v.expressions.join(', ')}): ${chips(ctx, v.citations, () => null)}</li>`)}</ul>` : ''}
</li>`,
  )}</ol>`;
}

function coverageSection(ctx: Context, story: StoryDetail): SafeHtml {
  const groups = story.copyGroups;
  const byId = new Map(story.articles.map((a) => [a.id, a]));
  const groupNote = groups.length
    ? html`<ul class="copy-groups">${groups.map((g) => {
        const first = byId.get(g.first);
        const others = g.articles.filter((id) => id !== g.first);
        return html`<li><strong>Same text, ${plural(g.articles.length, 'article')}:</strong> <a href="/articles/${g.first}">${ctx.labels.get(g.first) ?? `#${g.first}`}</a> published it first${first?.published ? html` (${formatDate(first.published, true)})` : ''}; copied by ${others.map((id, i) => html`${i ? ', ' : ''}<a href="/articles/${id}">${ctx.labels.get(id) ?? `#${id}`}</a>`)}.</li>`;
      })}</ul>`
    : html`<p class="section-note">No article copies another: every outlet wrote its own.</p>`;
  return html`${groupNote}
<ul class="coverage">${ctx.sheet.coverage.map((c) => {
    const article = byId.get(c.articleId);
    const isFirst = c.firstPublished?.articleId === c.articleId;
    const copied = c.copyGroup !== null && groups.some((g) => g.articles.includes(c.articleId));
    const share = c.sentences ? Math.round((c.ownSentences / c.sentences) * 100) : 0;
    return html`<li class="coverage-item">
  <h3><a href="/articles/${c.articleId}">${ctx.labels.get(c.articleId) ?? `#${c.articleId}`}</a></h3>
  <p class="muted">${c.title ?? ''}${c.title ? html` · ` : ''}${formatDate(c.published, true)}${article?.language ? html` · ${article.language}` : ''}</p>
  <p>${copied ? (isFirst ? html`<span class="badge badge-first">Published first</span>` : html`<span class="badge">Copy</span> of <a href="/articles/${c.firstPublished?.articleId ?? c.articleId}">${ctx.labels.get(c.firstPublished?.articleId ?? c.articleId) ?? ''}</a>`) : html`<span class="badge">Own reporting</span>`} · ${share}% own text · ${plural(c.words, 'word')}</p>
  ${c.ownPassages.length ? html`<details><summary>What it adds (${plural(c.ownPassages.length, 'passage')}${c.ownQuotes.length ? `, ${plural(c.ownQuotes.length, 'quote')}` : ''}${c.ownFigures.length ? `, ${plural(c.ownFigures.length, 'figure')}` : ''})</summary><ul class="own-passages">${c.ownPassages.slice(0, 5).map((p) => html`<li>${p}</li>`)}</ul></details>` : html`<p class="muted">Adds nothing the others do not carry.</p>`}
</li>`;
  })}</ul>`;
}

function entitiesSection(ctx: Context): SafeHtml {
  const { people, places, organisations } = ctx.sheet.entities;
  const list = (title: string, items: typeof people): SafeHtml =>
    items.length
      ? html`<div><h3>${title}</h3><ul class="entities">${items.slice(0, 20).map(
          (e) => html`<li><a href="/?entity=${encodeURIComponent(e.name)}">${e.name}</a> <span class="count">${e.count}</span></li>`,
        )}</ul></div>`
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

/** A story: summary, figures, quotes, timeline, outlets and copies, entities. */
export function storyPage(data: StoryPageData): SafeHtml {
  const { story, sheet } = data;
  const tag = languageTagger(sheet);
  const ctx: Context = {
    sheet,
    locator: new SentenceLocator(data.articles),
    labels: new Map(sheet.articles.map((a) => [a.id, a.label + tag(a.id)])),
  };
  const sections: Array<[string, string, SafeHtml]> = [
    ['summary', 'Summary', summarySection(ctx)],
    ['figures', 'Figures', figuresSection(ctx)],
    ['quotes', 'Quotes', quotesSection(ctx)],
    ['timeline', 'Timeline', timelineSection(ctx)],
    ['coverage', 'Outlets and copies', coverageSection(ctx, story)],
    ...(data.groups ? [['groups', 'Coverage by group', groupsSection(data.groups)] as [string, string, SafeHtml]] : []),
    ['entities', 'People, places, organisations', entitiesSection(ctx)],
  ];
  const body = html`<article class="story">
${storyHeader(story, sheetNotes(sheet))}
${data.stale ? staleNotice(story, data.stale) : ''}
<nav class="toc" aria-label="On this page"><ul>${sections.map(([id, title]) => html`<li><a href="#${id}">${title}</a></li>`)}</ul></nav>
${sections.map(([id, title, content]) => html`<section id="${id}" class="story-section" aria-labelledby="${id}-h"><h2 id="${id}-h">${title}</h2>${content}</section>`)}
</article>`;
  return page({ title: story.title, body, current: 'stories', kind: 'story' });
}
