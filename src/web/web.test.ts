import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureService } from '../../test/e2e/api-fixtures.js';
import { createApp, type CrosscheckService } from '../api/index.js';
import { escapeHtml, html, safeHref, sparkline, timelineChart, timelineNote, trusted } from './index.js';
import { createWebApp } from './index.js';

describe('html', () => {
  it('escapes every interpolated value', () => {
    const hostile = `<script>alert("x")</script><img src=x onerror='alert(1)'>\``;
    const out = html`<p title="${hostile}">${hostile}</p>`.value;
    expect(out).not.toContain('<script');
    expect(out).not.toContain('<img');
    expect(out).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(out).toContain('onerror=&#39;alert(1)&#39;');
    expect(html`${['<b>', trusted('<i>ok</i>'), null, undefined, false, 3]}`.value).toBe('&lt;b&gt;<i>ok</i>3');
    expect(html`${html`<em>${'<x>'}</em>`}`.value).toBe('<em>&lt;x&gt;</em>');
    expect(escapeHtml(`&<>"'\``)).toBe('&amp;&lt;&gt;&quot;&#39;&#96;');
    expect(html`${'a\u0000b\u0007c'}`.value).toBe('abc');
  });

  it('lets only absolute http(s) URLs into links', () => {
    const cases: Array<{ whenInputIs: string | null; expectedOutputIs: string | null }> = [
      { whenInputIs: 'https://example.com/a?b=1#c', expectedOutputIs: 'https://example.com/a?b=1#c' },
      { whenInputIs: 'HTTP://Example.com', expectedOutputIs: 'http://example.com/' },
      { whenInputIs: 'javascript:alert(1)', expectedOutputIs: null },
      { whenInputIs: ' JaVaScRiPt:alert(1)', expectedOutputIs: null },
      { whenInputIs: 'java\tscript:alert(1)', expectedOutputIs: null },
      { whenInputIs: 'data:text/html,<script>alert(1)</script>', expectedOutputIs: null },
      { whenInputIs: 'vbscript:msgbox(1)', expectedOutputIs: null },
      { whenInputIs: '//evil.example/x', expectedOutputIs: null },
      { whenInputIs: '/relative/path', expectedOutputIs: null },
      { whenInputIs: 'https://user:pass@example.com/', expectedOutputIs: null },
      { whenInputIs: 'https://example.com/"><script>', expectedOutputIs: 'https://example.com/%22%3E%3Cscript%3E' },
      { whenInputIs: '', expectedOutputIs: null },
      { whenInputIs: null, expectedOutputIs: null },
    ];
    for (const { whenInputIs, expectedOutputIs } of cases) expect(safeHref(whenInputIs)).toBe(expectedOutputIs);
  });

  it('draws a sparkline and a timeline chart as SVG, escaping labels', () => {
    const spark = sparkline([
      { day: '2026-03-01', articles: 2 },
      { day: '2026-03-04', articles: 1 },
    ]).value;
    expect(spark).toMatch(/^<svg class="sparkline"/);
    expect((spark.match(/<rect /g) ?? []).length).toBe(2);
    expect(spark).toContain('3 articles over 4 days');
    expect(sparkline([]).value).toBe('');
    const chart = timelineChart([
      { start: '2026-03-01', end: '2026-03-01', label: '<b>storm</b>', href: '#t0', isDisputed: false, alternatives: [] },
      { start: '2026-03-03', end: '2026-03-04', label: 'rescue', href: '#t1', isDisputed: true, alternatives: [{ start: '2026-03-05', end: '2026-03-05' }] },
    ]).value;
    expect(chart).toContain('&lt;b&gt;storm&lt;/b&gt;');
    expect(chart).toContain('href="#t1"');
    expect(chart).toContain('mark alt');
    expect(chart).toContain('mark disputed');
    // Labelled rows: beside the marks on a wide screen, above them on a phone.
    expect(chart).toMatch(/<text class="row-label"[^>]*text-anchor="end">rescue<\/text>/);
    const narrow = timelineChart([{ start: '2026-03-03', end: '2026-03-03', label: 'rescue', href: '#t1', isDisputed: false, alternatives: [] }], 'narrow').value;
    expect(narrow).toMatch(/^<svg class="timeline-chart narrow" viewBox="0 0 360 /);
    expect(narrow).toMatch(/<text class="row-label" x="8" y="\d+">3 Mar 2026 · rescue<\/text>/);
  });

  it('draws events years before the story past a break in the axis, with their own years, and says so', () => {
    const events = [
      { start: '2014-06-01', end: '2014-06-01', label: 'dam built', href: '#t0', isDisputed: false, alternatives: [], isOutsideStory: true },
      { start: '2019-01-10', end: '2019-01-10', label: 'last flood', href: '#t1', isDisputed: false, alternatives: [], isOutsideStory: true },
      { start: '2026-03-01', end: '2026-03-01', label: 'storm', href: '#t2', isDisputed: false, alternatives: [] },
      { start: '2026-03-04', end: '2026-03-05', label: 'rescue', href: '#t3', isDisputed: false, alternatives: [] },
    ];
    const chart = timelineChart(events).value;
    expect(chart).toContain('class="axis-break"');
    expect(chart).toMatch(/>2014<\/text>/);
    expect(chart).toMatch(/>2019<\/text>/);
    expect(chart).toContain('earlier events (2014–2019) on a scale of their own, past a break in the axis');
    // The story's days keep the rest of the axis: the storm and the rescue are days apart, not squashed together.
    const xs = [...chart.matchAll(/<rect class="mark" x="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(xs).toHaveLength(4);
    expect(xs[3]! - xs[2]!).toBeGreaterThan(100);
    expect(xs[1]!).toBeLessThan(xs[2]! - 18);
    expect(timelineNote(events)).toBe("2 events lie well outside the story's days (2014–2019): drawn at the edge on a scale of their own, past the break (⫽) in the axis.");
    expect(timelineNote(events.slice(2))).toBe('');
    // Without background events there is no break.
    expect(timelineChart(events.slice(2)).value).not.toContain('axis-break');
  });
});

describe('pages', () => {
  let service: CrosscheckService;
  let app: ReturnType<typeof createApp>;
  let fire: number;

  beforeAll(async () => {
    service = await fixtureService();
    app = createApp({ service, token: 't', web: createWebApp(service) });
    fire = (await service.listStories({ limit: 20 })).stories.find((s) => s.articleCount === 3)!.id;
  });
  afterAll(() => service.store.close());

  const get = async (path: string): Promise<{ status: number; body: string; headers: Headers }> => {
    const res = await app.request(path);
    return { status: res.status, body: await res.text(), headers: res.headers };
  };

  it('renders the story list with search, filters and pagination, no inline script', async () => {
    const { status, body, headers } = await get('/');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/text\/html/);
    expect(headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(body).toContain('Fire at Harbourton container terminal injures 12');
    expect(body).toContain('<svg class="sparkline"');
    expect(body).toContain('class="skip-link" href="#main"');
    expect(body).not.toMatch(/<script(?![^>]*\bsrc="\/static\/app\.js")/);
    expect(body).not.toMatch(/\son[a-z]+=/i);
    const search = await get('/?q=library');
    expect(search.body).toContain('Vellport council approves new library');
    expect(search.body).not.toContain('Fire at Harbourton');
    const bad = await get('/?limit=5000');
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('role="alert"');
    expect((await get('/?q=&outlet=')).status).toBe(200);
    const paged = await get('/?limit=1');
    expect(paged.body).toContain('rel="next" href="/?limit=1&amp;offset=1"');
  });

  it('renders a story page with summary citations, figures, quotes, timeline, coverage, entities', async () => {
    const { status, body } = await get(`/stories/${fire}`);
    expect(status).toBe(200);
    for (const id of ['summary', 'figures', 'quotes', 'timeline', 'coverage', 'entities']) expect(body).toContain(`<section id="${id}"`);
    expect(body).toMatch(/class="cite" href="\/articles\/\d+#s\d+"/);
    expect(body).toContain('table class="data-table figures"');
    expect(body).toContain('Dana Morel');
    expect(body).toContain('Published first');
  });

  it('renders an article with anchored sentences and shared ones marked', async () => {
    const story = (await service.story(fire))!;
    const copy = story.articles.find((a) => a.source === 'Bay Courier')!;
    const { status, body } = await get(`/articles/${copy.id}`);
    expect(status).toBe(200);
    expect(body).toContain('id="s0"');
    expect(body).toMatch(/<mark class="s shared" id="s0"/);
    expect(body).toMatch(/<span class="s own" id="s\d+">Local residents said/);
    expect(body).toContain('href="https://baycourier.example/fire"');
  });

  it('answers unknown pages with an HTML 404, and serves the static files', async () => {
    for (const path of ['/stories/999', '/articles/999', '/stories/abc', '/nowhere']) {
      const res = await get(path);
      expect(res.status).toBe(404);
      expect(res.body).toContain('Not found');
    }
    const js = await app.request('/static/app.js');
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    const etag = js.headers.get('etag')!;
    expect((await app.request('/static/app.js', { headers: { 'If-None-Match': etag } })).status).toBe(304);
    expect((await app.request('/static/style.css')).headers.get('content-type')).toMatch(/text\/css/);
    expect((await app.request('/static/../../package.json')).status).toBe(404);
  });

  it('shows hostile titles, outlets and URLs as text', async () => {
    const hostile = await fixtureService();
    const web = createApp({ service: hostile, token: 't', web: createWebApp(hostile) });
    const result = await hostile.ingestArticle({
      title: '<script>window.__pwned=1</script>Harbour "news"',
      source: '<img src=x onerror=alert(1)>',
      text: 'The harbour master said <b onmouseover="alert(1)">the quay</b> would reopen on Monday after repairs costing 2 million euros.\n\n<svg onload=alert(1)></svg> Boats were asked to use the northern berths.',
      published: '2026-03-10',
    });
    const page = await (await web.request(`/articles/${result.articleId}`)).text();
    expect(page).not.toMatch(/<script>window/);
    expect(page).not.toMatch(/<img src=x/);
    expect(page).not.toMatch(/<svg onload/);
    expect(page).not.toMatch(/<b onmouseover/);
    expect(page).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
    const list = await (await web.request('/')).text();
    expect(list).toContain('&lt;img src=x onerror=alert(1)&gt;');
    await hostile.store.close();
  });
});
