import type { ArticleDetail } from '../../api/index.js';
import { articleLabel, formatDate } from '../format.js';
import { html, safeHref, type SafeHtml } from '../html.js';
import { page } from '../layout.js';

/**
 * One article: every sentence has an anchor (`#s{n}`, what citations link to); sentences other
 * articles also carry are marked and link to those articles.
 */
export function articlePage(article: ArticleDetail): SafeHtml {
  const related = new Map(article.related.map((r) => [r.id, r]));
  const label = (id: number): string => {
    const r = related.get(id);
    return r ? articleLabel(r) : `article ${id}`;
  };
  const href = safeHref(article.url);
  const sharedCount = article.paragraphs.reduce((n, p) => n + p.sentences.filter((s) => s.sharedWith.length).length, 0);
  const paragraphs = article.paragraphs.map(
    (p) => html`<p id="p${p.index}">${p.sentences.map((s, i) => {
      const space = i ? ' ' : '';
      if (s.sharedWith.length === 0) return html`${space}<span class="s own" id="s${s.index}">${s.text}</span>`;
      const others = s.sharedWith.map((w) => label(w.articleId)).join(', ');
      return html`${space}<mark class="s shared" id="s${s.index}" title="Also in ${others}">${s.text}<span class="also"> <span class="visually-hidden">(also in </span>${s.sharedWith.map((w, k) => html`${k ? html`<span class="visually-hidden">, </span>` : ''}<a class="cite" href="/articles/${w.articleId}">${label(w.articleId)}</a>`)}<span class="visually-hidden">)</span></span></mark>`;
    })}</p>`,
  );
  const body = html`<article class="article-view">
<header>
  <p class="breadcrumb"><a href="/">Stories</a>${article.storyId !== null ? html` / <a href="/stories/${article.storyId}">Story #${article.storyId}</a>` : ''} / Article #${article.id}</p>
  <h1>${article.displayTitle}</h1>
  <p class="story-meta"><strong>${article.label}</strong>${article.source ? '' : html` <span class="muted">(outlet not known)</span>`}${article.byline ? html` · ${article.byline}` : ''} · ${formatDate(article.published, true)}${article.language ? html` · ${article.language}` : ''}</p>
  ${href ? html`<p class="muted">Original: <a href="${href}" rel="noopener noreferrer nofollow" class="url">${href}</a></p>` : article.url ? html`<p class="muted">Original (not a web link): <span class="url">${article.url}</span></p>` : html`<p class="muted">Read from: <code class="url">${article.origin}</code></p>`}
  <p class="legend"><mark class="s shared">Marked sentences</mark> are carried by other articles of the story too (${sharedCount} of ${article.paragraphs.reduce((n, p) => n + p.sentences.length, 0)}); the rest is this outlet's own text (${Math.round(article.ownShare * 100)}%).</p>
</header>
<div class="article-text">${paragraphs}</div>
${
  article.related.length
    ? html`<aside class="related" aria-labelledby="related-h"><h2 id="related-h">Shares text with</h2><ul>${article.related.map(
        (r) => html`<li><a href="/articles/${r.id}">${articleLabel(r)}</a> <span class="muted">${r.displayTitle} · ${formatDate(r.published)}</span></li>`,
      )}</ul></aside>`
    : ''
}
</article>`;
  return page({ title: article.displayTitle, body, kind: 'article' });
}

/** A plain error page (404, 400, 500) with a way back. */
export function errorPage(status: number, message: string): SafeHtml {
  const title = status === 404 ? 'Not found' : status >= 500 ? 'Something went wrong' : 'Bad request';
  return page({ title, body: html`<h1>${title}</h1><p>${message}</p><p><a href="/">Back to the stories</a></p>`, kind: 'error' });
}
