import type { OutletSummary, SearchMatch, StoryListQuery, StoryPage } from '../../api/index.js';
import { sparkline } from '../charts.js';
import { articleLabel, formatSpan, plural } from '../format.js';
import { html, type SafeHtml } from '../html.js';
import { page } from '../layout.js';

export interface ListPageData {
  query: StoryListQuery;
  result: StoryPage;
  outlets: Array<{ name: string; articles: number }>;
  languages: string[];
  entities: string[];
  /** Validation problem of the query, shown instead of results. */
  problem?: string;
}

/** The query string of a list page with some parameters changed. */
function listHref(query: StoryListQuery, changes: Partial<Record<keyof StoryListQuery, string | number | undefined>>): string {
  const params = new URLSearchParams();
  const merged: Partial<Record<keyof StoryListQuery, string | number | undefined>> = { ...query, ...changes };
  for (const key of ['q', 'outlet', 'entity', 'language', 'from', 'to', 'order', 'limit', 'offset'] as const) {
    const value = merged[key];
    if (value === undefined || value === '' || (key === 'offset' && value === 0) || (key === 'limit' && value === 20)) continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `/?${text}` : '/';
}

function option(value: string, label: string, selected: string | undefined): SafeHtml {
  return html`<option value="${value}"${selected === value ? html` selected` : ''}>${label}</option>`;
}

function filters(data: ListPageData): SafeHtml {
  const q = data.query;
  return html`<form class="filters" action="/" method="get" aria-label="Filter stories">
  <div class="field field-wide"><label for="f-q">Search</label><input id="f-q" type="search" name="q" value="${q.q ?? ''}" placeholder="words, &quot;a phrase&quot;, outlet:AP, quote:&quot;…&quot;" aria-describedby="search-help"></div>
  <div class="field"><label for="f-outlet">Outlet</label><select id="f-outlet" name="outlet">${option('', 'Any outlet', q.outlet ?? '')}${data.outlets.map((o) => option(o.name, `${o.name} (${o.articles})`, q.outlet))}</select></div>
  <div class="field"><label for="f-entity">Person, place or organisation</label><input id="f-entity" name="entity" list="entity-names" value="${q.entity ?? ''}"><datalist id="entity-names">${data.entities.map((e) => html`<option value="${e}"></option>`)}</datalist></div>
  <div class="field"><label for="f-language">Language</label><select id="f-language" name="language">${option('', 'Any', q.language ?? '')}${data.languages.map((l) => option(l, l, q.language))}</select></div>
  <div class="field"><label for="f-from">From</label><input id="f-from" type="date" name="from" value="${q.from ?? ''}"></div>
  <div class="field"><label for="f-to">To</label><input id="f-to" type="date" name="to" value="${q.to ?? ''}"></div>
  <div class="field"><label for="f-order">Order</label><select id="f-order" name="order">${option('', q.q ? 'Best match' : 'Newest', q.order ?? '')}${option('newest', 'Newest', q.order)}${option('largest', 'Most articles', q.order)}</select></div>
  <div class="field field-actions"><button type="submit">Apply</button> <a href="/" class="reset">Reset</a></div>
</form>`;
}

/** The search syntax, documented where it is typed. */
export function searchHelp(): SafeHtml {
  const rows: Array<[string, string]> = [
    ['ferry "Port Aven"', 'every word, and the phrase, in an article of the story'],
    ['outlet:Reuters, outlet:"Harbour Gazette"', 'an article from that outlet (or from that host or file when the outlet is not known)'],
    ['entity:"Dana Morel"', 'the story names that person, place or organisation'],
    ['quote:"worked through the night"', 'an article quotes those words, inside quotation marks'],
    ['lang:fr', 'an article in that language (ISO 639 code)'],
    ['from:2026-03-01, to:2026-03', 'an article on or after / on or before that day (a month or a year: its first or last day)'],
    ['date:2026-03-02, date:2026-03-01..2026-03-05', 'within that day, month, year or range (date:..2026-03 leaves the start open)'],
  ];
  return html`<details class="search-help" id="search-help"><summary>Search operators</summary>
<p>Combine words and operators in one search (all must hold), in the search box here or at the top of every page, in <code>GET /api/stories?q=</code> and in <code>crosscheck stories --search</code>.</p>
<table class="data-table"><caption class="visually-hidden">Search operators and what each finds</caption><thead><tr><th scope="col">Type</th><th scope="col">Finds stories where</th></tr></thead>
<tbody>${rows.map(([example, meaning]) => html`<tr><th scope="row"><code>${example}</code></th><td>${meaning}</td></tr>`)}</tbody></table>
</details>`;
}

/** What a search matched: the excerpt with its matched words marked, and which article it is from. */
function snippet(match: SearchMatch): SafeHtml {
  const parts: SafeHtml[] = [];
  let at = 0;
  for (const [start, end] of match.highlights) {
    if (start < at || end > match.text.length) continue;
    parts.push(html`${match.text.slice(at, start)}<mark>${match.text.slice(start, end)}</mark>`);
    at = end;
  }
  parts.push(html`${match.text.slice(at)}`);
  return html`<p class="snippet"><a href="/articles/${match.articleId}" class="snippet-source">${match.label}</a>: ${parts}</p>`;
}

function storyItem(story: StoryPage['stories'][number]): SafeHtml {
  const outlets = story.outlets.slice(0, 6);
  const more = story.outlets.length - outlets.length;
  return html`<li class="story-card">
  <h2 class="story-title"><a href="/stories/${story.id}">${story.title}</a></h2>
  ${story.match ? snippet(story.match) : ''}
  <p class="story-meta"><span>${plural(story.articleCount, 'article')}</span> · ${story.outlets.length ? html`<span>${plural(story.outlets.length, 'outlet')}</span> · ` : ''}<span>${formatSpan(story.firstSeen, story.lastSeen)}</span></p>
  <div class="story-foot">
    <ul class="outlet-chips" aria-label="Outlets">${outlets.map((o) => html`<li>${articleLabel({ id: 0, source: o.name })}${o.articles > 1 ? html` <span class="count">×${o.articles}</span>` : ''}</li>`)}${more > 0 ? html`<li class="more">+${more} more</li>` : ''}</ul>
    ${sparkline(story.days)}
  </div>
</li>`;
}

/** The story list: filters, results, pagination. */
export function listPage(data: ListPageData): SafeHtml {
  const { result, query } = data;
  const searching = Boolean(query.q || query.outlet || query.entity || query.language || query.from || query.to);
  const heading = query.q ? html`Stories matching “${query.q}”` : html`Stories`;
  const start = result.offset + 1;
  const end = result.offset + result.stories.length;
  const body = html`<div class="list-head">
  <h1>${heading}</h1>
  <p class="result-count" aria-live="polite">${data.problem ? '' : result.total === 0 ? 'No stories' : `${start}–${end} of ${plural(result.total, 'story', 'stories')}`}</p>
</div>
<div id="live-updates" class="live-updates" role="status" aria-live="polite" hidden></div>
<details class="filter-panel"${searching ? html` open` : ''}><summary>Filters</summary>${filters(data)}</details>
${searchHelp()}
${data.problem ? html`<p class="notice notice-error" role="alert">${data.problem}</p>` : ''}
${
  result.stories.length
    ? html`<ol class="story-list">${result.stories.map(storyItem)}</ol>`
    : data.problem
      ? ''
      : html`<div class="empty"><p>${searching ? 'No story matches these filters.' : 'No stories yet.'}</p>${searching ? html`<p><a href="/">Show all stories</a></p>` : html`<p>Ingest articles with <code>crosscheck ingest examples</code>, or POST them to <code>/api/articles</code>.</p>`}</div>`
}
<nav class="pager" aria-label="Pages">
  ${result.offset > 0 ? html`<a rel="prev" href="${listHref(query, { offset: Math.max(0, result.offset - query.limit) })}">← Newer</a>` : html`<span></span>`}
  ${result.nextCursor ? html`<a rel="next" href="${listHref(query, { offset: end })}">Older →</a>` : html`<span></span>`}
</nav>`;
  return page({ title: query.q ? `Search: ${query.q}` : 'Stories', body, current: 'stories', q: query.q, kind: 'list' });
}

/** Every outlet with its coverage. */
export function outletsPage(outlets: OutletSummary[]): SafeHtml {
  const body = html`<h1>Outlets</h1>
${
  outlets.length
    ? html`<div class="table-scroll"><table class="data-table">
  <caption class="visually-hidden">Outlets and their coverage</caption>
  <thead><tr><th scope="col">Outlet</th><th scope="col" class="num">Articles</th><th scope="col" class="num">Stories</th><th scope="col">Published</th></tr></thead>
  <tbody>${outlets.map(
    (o) =>
      html`<tr><th scope="row"><a href="${listHref({ limit: 20 }, { outlet: o.name })}">${o.name}</a></th><td class="num">${o.articles}</td><td class="num">${o.stories}</td><td>${formatSpan(o.firstPublished, o.lastPublished)}</td></tr>`,
  )}</tbody>
</table></div>`
    : html`<p class="empty">No outlets yet.</p>`
}`;
  return page({ title: 'Outlets', body, current: 'outlets', kind: 'outlets' });
}
