/**
 * The static files of the web UI, kept as strings so that they ship inside the compiled module
 * (no copy step, found from src and dist alike). Served at /static/style.css and /static/app.js.
 */

/** The stylesheet: calm, readable, light and dark, responsive, visible focus. */
export const STYLE_CSS = String.raw`/* crosscheck: calm, readable, accessible. No web fonts, no external resources. */
:root {
  --bg: #fbfaf7;
  --surface: #ffffff;
  --text: #1f2328;
  --muted: #5b6169;
  --line: #e3e0d8;
  --accent: #1d5f8a;
  --accent-soft: #e4eff7;
  --shared: #fff1b8;
  --shared-line: #e0c24a;
  --warn: #9a3412;
  --warn-soft: #fdebe1;
  --ok: #1f6f43;
  --ok-soft: #e3f3e9;
  --focus: #c2410c;
  --radius: 8px;
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #15171a;
    --surface: #1d2024;
    --text: #e6e4df;
    --muted: #a3a7ad;
    --line: #33373d;
    --accent: #7cb8e4;
    --accent-soft: #1f3240;
    --shared: #4a3f12;
    --shared-line: #a88a1c;
    --warn: #f4a582;
    --warn-soft: #3e2418;
    --ok: #8fd3a8;
    --ok-soft: #1c3326;
    --focus: #fdba74;
  }
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0;
  background: var(--bg);
  color: var(--text);
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
a { color: var(--accent); text-underline-offset: 2px; }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; border-radius: 3px; }
main:focus { outline: none; }
h1, h2, h3 { line-height: 1.25; margin: 0 0 .5rem; }
h1 { font-size: clamp(1.5rem, 3.5vw, 2.1rem); }
h2 { font-size: 1.3rem; }
h3 { font-size: 1.05rem; }
code { font-size: .9em; background: var(--accent-soft); padding: .1em .3em; border-radius: 4px; }
.wrap { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
.visually-hidden {
  position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
.skip-link { position: absolute; left: .5rem; top: -3rem; background: var(--surface); padding: .5rem .75rem; z-index: 10; border: 2px solid var(--focus); }
.skip-link:focus { top: .5rem; }
.muted { color: var(--muted); }
.count { color: var(--muted); font-size: .85em; font-variant-numeric: tabular-nums; }

/* Header */
.site-header { background: var(--surface); border-bottom: 1px solid var(--line); }
.header-inner { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1.25rem; padding-top: .6rem; padding-bottom: .6rem; }
.brand { font-weight: 700; font-size: 1.15rem; color: var(--text); text-decoration: none; letter-spacing: .01em; }
.site-header nav { display: flex; gap: 1rem; }
.site-header nav a { text-decoration: none; padding: .2rem 0; }
.site-header nav a[aria-current="page"] { border-bottom: 2px solid var(--accent); }
.header-search { margin-left: auto; display: flex; gap: .4rem; flex: 1 1 16rem; max-width: 28rem; }
input, select, button { font: inherit; color: inherit; }
input, select { background: var(--bg); border: 1px solid var(--line); border-radius: 6px; padding: .4rem .55rem; min-width: 0; }
.header-search input { flex: 1; }
button { background: var(--accent); color: #fff; border: 0; border-radius: 6px; padding: .4rem .8rem; cursor: pointer; }
@media (prefers-color-scheme: dark) { button { color: #0e1a24; } }
main { padding-top: 1.5rem; padding-bottom: 3rem; }
.site-footer { border-top: 1px solid var(--line); color: var(--muted); font-size: .9rem; padding: 1rem 0 2rem; }

/* Story list */
.list-head { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: .5rem; }
.result-count { color: var(--muted); margin: 0; }
.filter-panel { margin: .75rem 0 1.25rem; background: var(--surface); border: 1px solid var(--line); border-radius: var(--radius); padding: .5rem .9rem; }
.filter-panel summary { cursor: pointer; font-weight: 600; }
.filters { display: grid; grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr)); gap: .75rem 1rem; padding: .75rem 0 .25rem; }
.field { display: flex; flex-direction: column; gap: .2rem; }
.field label { font-size: .85rem; color: var(--muted); }
.field-wide { grid-column: 1 / -1; }
.field-actions { flex-direction: row; align-items: end; gap: .75rem; }
.story-list { list-style: none; padding: 0; margin: 0; display: grid; gap: .75rem; }
.story-card { background: var(--surface); border: 1px solid var(--line); border-radius: var(--radius); padding: .9rem 1rem; }
.story-title { font-size: 1.12rem; margin: 0 0 .25rem; }
.story-title a { text-decoration: none; color: var(--text); }
.story-title a:hover { text-decoration: underline; color: var(--accent); }
.story-meta { color: var(--muted); margin: 0 0 .5rem; font-size: .93rem; }
.sheet-notes { color: var(--muted); font-size: .9rem; margin: .25rem 0 .5rem; padding-left: 1.2rem; }
.story-foot { display: flex; justify-content: space-between; align-items: end; gap: 1rem; flex-wrap: wrap; }
.outlet-chips { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: .35rem; }
.outlet-chips li { background: var(--accent-soft); border-radius: 999px; padding: .1rem .6rem; font-size: .85rem; }
.sparkline { flex: none; }
.sparkline rect { fill: var(--accent); }
.sparkline .axis { stroke: var(--line); }
.pager { display: flex; justify-content: space-between; margin-top: 1.25rem; }
.empty { color: var(--muted); }
.notice-stale, .notice-building { background: var(--accent-soft); padding: .6rem .8rem; border-radius: var(--radius); }
.notice-error { background: var(--warn-soft); color: var(--warn); padding: .6rem .8rem; border-radius: var(--radius); }
.live-updates { background: var(--accent-soft); border-radius: var(--radius); padding: .5rem .8rem; margin: .5rem 0; }

/* Story page */
.breadcrumb { color: var(--muted); font-size: .9rem; margin: 0 0 .4rem; }
.story-header { margin-bottom: 1rem; }
.toc { position: sticky; top: 0; z-index: 2; background: var(--bg); border-bottom: 1px solid var(--line); margin: 0 -1rem 1rem; padding: .4rem 1rem; }
.toc ul { list-style: none; display: flex; gap: .25rem 1rem; flex-wrap: wrap; margin: 0; padding: 0; font-size: .93rem; }
.story-section { background: var(--surface); border: 1px solid var(--line); border-radius: var(--radius); padding: 1rem 1.1rem; margin-bottom: 1rem; scroll-margin-top: 3rem; }
.section-note { color: var(--muted); margin-top: 0; }
.summary { padding-left: 1.3rem; margin: 0; }
.summary li { margin-bottom: .55rem; }
.cites { display: inline-flex; flex-wrap: wrap; gap: .25rem; vertical-align: baseline; }
.cite {
  display: inline-block; font-size: .75rem; line-height: 1.5; padding: 0 .45rem; border-radius: 999px;
  background: var(--accent-soft); text-decoration: none; white-space: nowrap; max-width: 14rem; overflow: hidden; text-overflow: ellipsis;
}
.cite:hover { text-decoration: underline; }
.cite-more { font-size: .75rem; color: var(--muted); padding: 0 .2rem; }
.table-scroll { overflow-x: auto; }
.data-table { width: 100%; border-collapse: collapse; font-size: .95rem; }
.data-table th, .data-table td { text-align: left; vertical-align: top; padding: .55rem .5rem; border-bottom: 1px solid var(--line); }
.data-table thead th { font-size: .85rem; color: var(--muted); font-weight: 600; }
.data-table .num { text-align: right; font-variant-numeric: tabular-nums; }
.figures tbody th { font-weight: 600; min-width: 9rem; }
.figures tr.disagree { background: var(--warn-soft); }
.figures tr.disagree th { box-shadow: inset 4px 0 0 var(--warn); }
.values { list-style: none; padding: 0; margin: 0; display: grid; gap: .3rem; }
.value.in-conflict .figure-text { color: var(--warn); }
.reasons-more summary { cursor: pointer; font-size: .85rem; color: var(--muted); margin-top: .4rem; }
.keywords { font-weight: 400; font-size: .8rem; }
.reasons li.reason-conflict { color: var(--warn); }
.reasons { margin: .4rem 0 0; padding-left: 1.1rem; font-size: .85rem; color: var(--muted); }
.badge { display: inline-block; font-size: .75rem; font-weight: 600; padding: .05rem .5rem; border-radius: 999px; background: var(--line); color: var(--text); white-space: nowrap; }
.badge-agree { background: var(--ok-soft); color: var(--ok); }
.badge-differ, .badge-conflict { background: var(--warn-soft); color: var(--warn); border: 1px solid currentColor; }
.badge-first { background: var(--ok-soft); color: var(--ok); }
.speakers { display: grid; gap: 1rem; }
.speaker h3 { margin-bottom: .4rem; }
.quotes { list-style: none; padding: 0; margin: 0; display: grid; gap: .6rem; }
.quote blockquote { margin: 0; padding: .1rem 0 .1rem .8rem; border-left: 3px solid var(--accent); font-style: italic; }
.quote-meta { margin: .25rem 0 0 .8rem; font-size: .9rem; }
.chart { margin: 0 0 1rem; }
.timeline-chart { width: 100%; height: auto; display: block; font-size: 11px; }
.timeline-chart .tick line { stroke: var(--line); }
.timeline-chart .tick text { fill: var(--muted); }
.timeline-chart .guide { stroke: var(--line); stroke-dasharray: 2 4; }
.timeline-chart .mark { fill: var(--accent); }
.timeline-chart .mark.disputed { fill: var(--warn); }
.timeline-chart .mark.alt { fill: none; stroke: var(--warn); stroke-width: 1.5; }
.timeline-chart a:focus .mark, .timeline-chart a:hover .mark { stroke: var(--focus); stroke-width: 2; }
.timeline { list-style: none; padding: 0; margin: 0; border-left: 2px solid var(--line); }
.event { position: relative; padding: 0 0 .8rem 1rem; scroll-margin-top: 3rem; }
.event::before { content: ""; position: absolute; left: -6px; top: .45rem; width: 10px; height: 10px; border-radius: 50%; background: var(--accent); }
.event.disputed::before { background: var(--warn); }
.event:target { background: var(--accent-soft); }
.event-date { margin: 0; font-weight: 600; font-size: .9rem; }
.event-text { margin: .1rem 0 0; }
.variants { font-size: .88rem; color: var(--muted); margin: .3rem 0 0; }
.copy-groups { padding-left: 1.1rem; }
.coverage { list-style: none; padding: 0; margin: 0; display: grid; gap: .75rem; grid-template-columns: repeat(auto-fill, minmax(19rem, 1fr)); }
.coverage-item { border: 1px solid var(--line); border-radius: var(--radius); padding: .75rem .85rem; }
.coverage-item p { margin: .25rem 0; }
.coverage-item details summary { cursor: pointer; }
.own-passages { padding-left: 1.1rem; font-size: .92rem; }
.entity-columns { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); }
.entities { list-style: none; padding: 0; margin: 0; }
.entities li { padding: .1rem 0; }

/* Story page: the digest on top, folded sections, permalinks */
.digest { background: var(--surface); border: 1px solid var(--line); border-left: 4px solid var(--accent); border-radius: var(--radius); padding: .9rem 1.1rem; margin-bottom: 1rem; }
.digest h2 { font-size: 1.15rem; }
.digest h3 { font-size: .95rem; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; margin: .5rem 0 .3rem; }
.reach { margin: 0 0 .5rem; }
.digest-columns { display: grid; gap: .25rem 1.5rem; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); }
.latest, .disagreements { margin: 0; padding-left: 1.1rem; }
.latest li, .disagreements li { margin-bottom: .4rem; }
.disagreements li.digest-conflict::marker { color: var(--warn); }
.disagreements .vs { color: var(--warn); font-weight: 600; font-size: .85em; }
.since-visit { background: var(--accent-soft); border-radius: var(--radius); padding: .45rem .75rem; margin: .25rem 0 .5rem; }
.downloads { margin: .6rem 0 0; font-size: .92rem; color: var(--muted); }
details.more { margin-top: .5rem; }
details.more > summary { cursor: pointer; color: var(--accent); font-size: .92rem; padding: .2rem 0; }
details.more > summary:hover { text-decoration: underline; }
.permalink { color: var(--muted); text-decoration: none; font-weight: 400; font-size: .85em; padding: 0 .25rem; opacity: .55; }
.permalink:hover, .permalink:focus-visible, :target > .permalink, :target .permalink { opacity: 1; color: var(--accent); }
.quote:target, tr:target, .event:target { background: var(--accent-soft); }
.quote, .data-table tr { scroll-margin-top: 3.5rem; }
.coverage-chart .row-label { fill: var(--text); }
.sources .where { max-width: 22rem; font-size: .88rem; }
.sources code { background: none; padding: 0; }
.search-help { margin: .25rem 0 .75rem; font-size: .92rem; }
.search-help > summary { cursor: pointer; color: var(--accent); }
.search-help .data-table { font-size: .88rem; }
.search-help code { white-space: normal; }
.snippet { margin: .2rem 0 .5rem; font-size: .92rem; color: var(--muted); }
.snippet mark { background: var(--shared); color: inherit; padding: 0 .1em; }

/* Article view */
.article-view { max-width: 44rem; }
.article-text p { margin: 0 0 1rem; font-size: 1.05rem; line-height: 1.7; }
.s { scroll-margin-top: 4rem; }
mark.s.shared { background: var(--shared); color: inherit; border-bottom: 2px solid var(--shared-line); padding: 0 .05em; }
.s:target { outline: 3px solid var(--focus); outline-offset: 2px; border-radius: 2px; }
.also .cite { font-size: .7rem; vertical-align: 1px; }
.legend { font-size: .92rem; color: var(--muted); }
.url { word-break: break-all; }
.related { border-top: 1px solid var(--line); margin-top: 1.5rem; padding-top: 1rem; }
.is-flash { animation: flash 1.6s ease-out 1; }
@keyframes flash { from { background: var(--focus); } }

@media (max-width: 40rem) {
  .toc ul { flex-wrap: nowrap; overflow-x: auto; white-space: nowrap; padding-bottom: .2rem; }
  .header-search { max-width: none; margin-left: 0; flex-basis: 100%; }
  .story-section { padding: .8rem; }
  .figures thead { display: none; }
  .figures tr, .figures th, .figures td { display: block; }
  .figures td.verdict { padding-top: 0; }
}
@media (prefers-reduced-motion: reduce) {
  * { animation: none !important; scroll-behavior: auto !important; }
}
@media print {
  .site-header, .toc, .site-footer, .filter-panel { display: none; }
}
`;

/**
 * The client script: small progressive enhancements ("/" focuses search, cited sentence flash,
 * figures filter, live article notices over SSE). Plain ES5-style JS; every page works without it.
 */
export const CLIENT_JS = String.raw`// crosscheck client script: small enhancements; every page works without it.
(function () {
  'use strict';

  // "/" focuses the search box (unless typing somewhere already).
  document.addEventListener('keydown', function (event) {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable)) return;
    var search = document.getElementById('f-q') || document.getElementById('site-search');
    if (search) {
      event.preventDefault();
      search.focus();
      search.select();
    }
  });

  // A permalink into a folded section opens the sections around it.
  function revealTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    if (!el) return null;
    for (var p = el.parentElement; p; p = p.parentElement) {
      if (p.tagName === 'DETAILS' && !p.open) p.open = true;
    }
    return el;
  }

  // Bring a cited sentence or a permalinked item into focus and flash it.
  function flashTarget() {
    var el = revealTarget();
    if (!el || !/^(?:[sp]\d+|[fqt]-[a-z0-9-]+|src-\d+)$/.test(el.id)) return;
    el.scrollIntoView({ block: 'start' });
    el.setAttribute('tabindex', '-1');
    el.classList.remove('is-flash');
    void el.offsetWidth;
    el.classList.add('is-flash');
    el.focus({ preventScroll: true });
  }
  window.addEventListener('hashchange', flashTarget);
  if (location.hash) flashTarget();

  // Story page: a toggle to show only the figures outlets disagree on.
  var tools = document.querySelector('[data-enhance="figures"]');
  var toggle = document.getElementById('only-disagreements');
  if (tools && toggle) {
    tools.hidden = false;
    toggle.addEventListener('change', function () {
      var rows = document.querySelectorAll('table.figures tbody tr');
      for (var i = 0; i < rows.length; i++) {
        rows[i].hidden = toggle.checked && !rows[i].classList.contains('disagree');
      }
    });
  }

  // Story page: what changed since the last visit (kept in this browser only, localStorage).
  var since = document.getElementById('since-visit');
  if (since && since.getAttribute('data-story')) {
    var key = 'crosscheck:story:' + since.getAttribute('data-story');
    var split = function (name) {
      var value = since.getAttribute(name) || '';
      return value ? value.split(' ') : [];
    };
    var now = { at: new Date().toISOString(), articles: split('data-articles'), figures: split('data-figures') };
    var before = null;
    try {
      before = JSON.parse(window.localStorage.getItem(key) || 'null');
    } catch (e) {
      before = null;
    }
    var textOf = function (selector, fallback) {
      var el = document.querySelector(selector);
      return el ? el.textContent.replace(/\s+/g, ' ').replace(/\s*#$/, '').trim() : fallback;
    };
    if (before && before.articles && before.figures) {
      var oldArticles = {};
      var oldFigures = {};
      for (var a = 0; a < before.articles.length; a++) oldArticles[before.articles[a]] = true;
      for (var f = 0; f < before.figures.length; f++) oldFigures[before.figures[f]] = true;
      var newArticles = now.articles.filter(function (id) { return !oldArticles[id]; });
      var newFigures = now.figures.filter(function (id) { return !oldFigures[id]; });
      var when = String(before.at || '').slice(0, 16).replace('T', ' ');
      since.textContent = '';
      var head = document.createElement('strong');
      head.textContent = 'Since your last visit' + (when ? ' (' + when + ' UTC)' : '') + ': ';
      since.appendChild(head);
      if (newArticles.length === 0 && newFigures.length === 0) {
        since.appendChild(document.createTextNode('nothing new.'));
      } else {
        var parts = [];
        if (newArticles.length) {
          parts.push(newArticles.length + ' new article' + (newArticles.length === 1 ? '' : 's') + ' (' + newArticles.slice(0, 5).map(function (id) { return textOf('#src-' + id + ' th', 'article ' + id); }).join(', ') + (newArticles.length > 5 ? ', …' : '') + ')');
        }
        if (newFigures.length) {
          parts.push(newFigures.length + ' new figure' + (newFigures.length === 1 ? '' : 's') + ' (' + newFigures.slice(0, 3).map(function (id) { return textOf('#' + id + ' th', id); }).join('; ') + (newFigures.length > 3 ? '; …' : '') + ')');
        }
        if (before.articles.length !== now.articles.length) parts.push('articles: ' + before.articles.length + ' → ' + now.articles.length);
        since.appendChild(document.createTextNode(parts.join(', ') + '.'));
      }
      since.hidden = false;
    }
    try {
      window.localStorage.setItem(key, JSON.stringify(now));
    } catch (e) {
      // Storage full or disabled: nothing to remember.
    }
  }

  // Story list: announce articles stored while the page is open (Server-Sent Events).
  var live = document.getElementById('live-updates');
  if (live && 'EventSource' in window) {
    var count = 0;
    var source = new EventSource('/api/events');
    source.addEventListener('article', function (message) {
      var data;
      try {
        data = JSON.parse(message.data);
      } catch (e) {
        return;
      }
      count += 1;
      live.textContent = '';
      var text = document.createTextNode(
        count === 1 ? 'A new article arrived' + (data.source ? ' from ' + data.source : '') + '. ' : count + ' new articles arrived. ',
      );
      var link = document.createElement('a');
      link.href = location.pathname + location.search;
      link.textContent = 'Refresh the list';
      live.appendChild(text);
      live.appendChild(link);
      live.hidden = false;
    });
    window.addEventListener('pagehide', function () {
      source.close();
    });
  }
})();
`;
