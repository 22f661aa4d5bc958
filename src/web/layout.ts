import { html, type HtmlValue, type SafeHtml } from './html.js';

export interface PageOptions {
  title: string;
  body: HtmlValue;
  /** Which navigation entry is current. */
  current?: 'stories' | 'outlets' | 'feeds';
  /** The search box's value (kept on every page header). */
  q?: string | undefined;
  /** Extra class on <body> (page kind), used by the client script. */
  kind: 'list' | 'story' | 'article' | 'outlets' | 'feeds' | 'error';
  /** Reload the page after this many seconds (a fact sheet being built). */
  refreshSeconds?: number;
}

/** The whole document: skip link, header with search, main content, footer; CSS and the client script from /static. */
export function page(options: PageOptions): SafeHtml {
  const nav = (href: string, label: string, key: PageOptions['current']): SafeHtml =>
    html`<a href="${href}"${options.current === key ? html` aria-current="page"` : ''}>${label}</a>`;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
${options.refreshSeconds ? html`<meta http-equiv="refresh" content="${String(options.refreshSeconds)}">
` : ''}<title>${options.title} · crosscheck</title>
<link rel="stylesheet" href="/static/style.css">
<script src="/static/app.js" defer></script>
</head>
<body class="page-${options.kind}">
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
  <div class="wrap header-inner">
    <a class="brand" href="/">crosscheck</a>
    <nav aria-label="Main">${nav('/', 'Stories', 'stories')}${nav('/outlets', 'Outlets', 'outlets')}${nav('/feeds', 'Feeds', 'feeds')}</nav>
    <form class="header-search" role="search" action="/" method="get">
      <label class="visually-hidden" for="site-search">Search stories</label>
      <input id="site-search" type="search" name="q" value="${options.q ?? ''}" placeholder="Search articles and stories" autocomplete="off">
      <button type="submit">Search</button>
    </form>
  </div>
</header>
<main id="main" tabindex="-1" class="wrap">
${options.body}
</main>
<footer class="site-footer"><div class="wrap">One event, many outlets: who reported what, who copied whom, where they disagree.</div></footer>
</body>
</html>`;
}
