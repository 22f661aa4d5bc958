/**
 * The web UI of `crosscheck serve`: server-rendered HTML pages (story list with search and
 * filters, story page, article view, outlets) over the same {@link CrosscheckService} as the API,
 * progressively enhanced by one static script (`/static/app.js`; no inline script anywhere).
 * Every interpolated value is escaped ({@link html}); links to outside pages are http(s) only.
 *
 * @example
 * const app = createApp({ service, web: createWebApp(service) });
 */
import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { ApiError, storyListQuerySchema, toApiError, type CrosscheckService, type StoryListQuery } from '../api/index.js';
import { CLIENT_JS, STYLE_CSS } from './assets.js';
import { articlePage, errorPage } from './pages/article.js';
import { listPage, outletsPage } from './pages/list.js';
import { feedsPage } from './pages/feeds.js';
import { storyPage, storyPendingPage } from './pages/story.js';

export { html, escapeHtml, safeHref, trusted, SafeHtml, type HtmlValue } from './html.js';
export { sparkline, timelineChart, type ChartEvent } from './charts.js';
export { CLIENT_JS, STYLE_CSS } from './assets.js';

interface StaticAsset {
  body: string;
  type: string;
  etag: string;
}

function asset(body: string, type: string): StaticAsset {
  return { body, type, etag: `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"` };
}

/** The static files the pages use, by name under /static/. */
const ASSETS = new Map<string, StaticAsset>([
  ['style.css', asset(STYLE_CSS, 'text/css; charset=utf-8')],
  ['app.js', asset(CLIENT_JS, 'text/javascript; charset=utf-8')],
]);


const HTML_TYPE = { 'Content-Type': 'text/html; charset=utf-8' };

/** Parses the list page's query leniently: empty fields are dropped (a form sends them). */
function listQuery(raw: Record<string, string>): { query: StoryListQuery; problem?: string } {
  const cleaned = Object.fromEntries(Object.entries(raw).filter(([key, value]) => value.trim() !== '' && key !== 'cursor'));
  const result = storyListQuerySchema.safeParse(cleaned);
  if (result.success) return { query: result.data };
  const problem = result.error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; ');
  return { query: storyListQuerySchema.parse({}), problem };
}

/** The web pages as a hono app (mount at `/`). */
export function createWebApp(service: CrosscheckService): Hono {
  const web = new Hono();

  web.onError((error, c) => {
    const apiError = toApiError(error);
    if (apiError.status >= 500) console.error(error);
    return c.body(errorPage(apiError.status, apiError.status >= 500 ? 'The page could not be built.' : apiError.message).value, apiError.status as 400, HTML_TYPE);
  });

  web.get('/static/:name', (c) => {
    const file = ASSETS.get(c.req.param('name'));
    if (!file) throw new ApiError(404, 'not_found', 'There is no such file.');
    if (c.req.header('if-none-match') === file.etag) return c.body(null, 304);
    return c.body(file.body, 200, { 'Content-Type': file.type, ETag: file.etag, 'Cache-Control': 'no-cache' });
  });
  web.get('/favicon.ico', (c) => c.body(null, 204));

  web.get('/', async (c) => {
    const { query, problem } = listQuery(c.req.query());
    const result = problem ? { stories: [], total: 0, offset: 0, limit: query.limit, nextCursor: null } : await service.listStories(query);
    const outlets = await service.queries.outletNames();
    const entities = (await service.entities({ limit: 200 })).map((e) => e.name);
    const languages = await service.queries.languages();
    const status = problem ? 400 : 200;
    return c.body(
      listPage({ query, result, outlets, languages, entities, ...(problem ? { problem } : {}) }).value,
      status,
      HTML_TYPE,
    );
  });

  web.get('/outlets', async (c) => c.body(outletsPage(await service.outlets()).value, 200, HTML_TYPE));
  web.get('/feeds', async (c) => c.body(feedsPage(await service.feeds()).value, 200, HTML_TYPE));

  const idOf = (value: string, what: string): number => {
    const id = Number(value);
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(id) || id < 1) throw new ApiError(404, 'not_found', `There is no ${what} “${value}”.`);
    return id;
  };

  web.get('/stories/:id', async (c) => {
    const id = idOf(c.req.param('id'), 'story');
    const story = await service.story(id);
    if (!story) throw new ApiError(404, 'not_found', `There is no story #${id}.`);
    if (story.id !== id) return c.redirect(`/stories/${story.id}`, 301);
    const answer = await service.factSheet(story.id);
    if (answer === null) throw new ApiError(404, 'not_found', `There is no story #${id}.`);
    if (answer.state === 'building' || answer.state === 'failed') {
      c.header('Retry-After', String(answer.retryAfterS));
      c.header('Cache-Control', 'no-store');
      const failure = answer.state === 'failed' ? answer.message : null;
      return c.body(storyPendingPage(story, answer.retryAfterS, failure).value, failure ? 503 : 202, HTML_TYPE);
    }
    const sheet = service.factSheets.parsed(answer.sheet);
    const stale = answer.state === 'stale' ? { builtAt: answer.sheet.builtAt, articles: answer.sheet.articleCount, error: answer.error } : undefined;
    const groups = await service.groupCoverage(story.id);
    const articles = await service.queries.cached(`web:story-articles:${story.id}`, () => service.views.storyArticles(story.id));
    // The page only changes with the store (the memo's generation) or the sheet answered (its key and state).
    const pageKey = `web:story-page:${story.id}:${answer.sheet.key}:${stale ? `stale:${stale.error ?? ''}` : 'fresh'}`;
    const body = await service.queries.cached(pageKey, () => Promise.resolve(storyPage({ story, sheet, articles, groups, ...(stale ? { stale } : {}) }).value));
    return c.body(body, 200, HTML_TYPE);
  });

  web.get('/articles/:id', async (c) => {
    const id = idOf(c.req.param('id'), 'article');
    const article = await service.article(id);
    if (!article) throw new ApiError(404, 'not_found', `There is no article #${id}.`);
    return c.body(articlePage(article).value, 200, HTML_TYPE);
  });

  // A mounted app's notFound is not used: the catch-all answers unknown pages.
  web.all('*', (c) => c.body(errorPage(404, 'There is no page at this address.').value, 404, HTML_TYPE));

  return web;
}
