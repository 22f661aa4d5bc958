import type { FeedHealth } from '../../api/index.js';
import { formatDate } from '../format.js';
import { html, safeHref, type SafeHtml } from '../html.js';
import { page } from '../layout.js';

const HEALTH_LABEL: Record<FeedHealth['health'], string> = {
  ok: 'OK',
  failing: 'failing',
  blocked: 'blocked by robots.txt',
  pending: 'not polled yet',
};

const HEALTH_BADGE: Record<FeedHealth['health'], string> = { ok: 'badge-agree', failing: 'badge-conflict', blocked: 'badge-conflict', pending: '' };

/** The watched feeds and their health (last success, HTTP status, robots.txt, next poll), as a feed reader shows them. */
export function feedsPage(feeds: FeedHealth[]): SafeHtml {
  const body = html`<h1>Feeds</h1>
<p>Feeds watched by <code>crosscheck watch</code> or <code>serve --watch</code>. <a href="/api/feeds.opml" download>Download as OPML</a></p>
${
  feeds.length
    ? html`<div class="table-scroll"><table class="data-table feeds-table">
  <caption class="visually-hidden">Watched feeds and their health</caption>
  <thead><tr><th scope="col">Feed</th><th scope="col">Health</th><th scope="col">Last success</th><th scope="col" class="num">HTTP</th><th scope="col">Next poll</th><th scope="col" class="num">Articles</th><th scope="col">Last error</th></tr></thead>
  <tbody>${feeds.map((f) => {
    const href = safeHref(f.url);
    const name = f.title ?? f.url;
    return html`<tr>
  <th scope="row">${href ? html`<a href="${href}" rel="noopener noreferrer nofollow">${name}</a>` : name}${f.title ? html`<br><small>${f.url}</small>` : ''}</th>
  <td><span class="badge ${HEALTH_BADGE[f.health]}">${HEALTH_LABEL[f.health]}</span>${f.consecutiveFailures > 1 ? html` <small>${f.consecutiveFailures} failures in a row</small>` : ''}</td>
  <td>${f.lastSuccessAt ? formatDate(f.lastSuccessAt, true) : 'never'}</td>
  <td class="num">${f.lastStatus ?? '–'}</td>
  <td>${formatDate(f.nextPollAt, true)}</td>
  <td class="num">${f.articlesFound}</td>
  <td>${f.lastError ?? ''}</td>
</tr>`;
  })}</tbody>
</table></div>`
    : html`<p class="empty">No feeds watched yet: <code>crosscheck watch &lt;feed URL or OPML&gt;</code> or <code>crosscheck feeds import &lt;OPML&gt;</code>.</p>`
}`;
  return page({ title: 'Feeds', body, current: 'feeds', kind: 'feeds' });
}
