import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { streamSSE } from 'hono/streaming';
import type { z } from 'zod';
import { RetryableError } from '../core/errors.js';
import { storyExport } from './export.js';
import { ApiError, errorBody, toApiError } from './errors.js';
import type { ArticleAssignedEvent } from './events.js';
import { FACT_SHEET_RETRY_AFTER_S } from './fact-sheets.js';
import { requireKnownHost } from './host-check.js';
import { OPENAPI_DOCUMENT } from './openapi.js';
import {
  describeIssues,
  emptyQuerySchema,
  entityListQuerySchema,
  eventListQuerySchema,
  idParamSchema,
  ingestUrlSchema,
  MAX_BODY_BYTES,
  newArticleSchema,
  newFollowSchema,
  newWebhookSchema,
  storyListQuerySchema,
} from './schemas.js';
import { followJsonFeed, followRss } from './follow-feeds.js';
import { checkUrlTarget } from '../ingest/index.js';
import { FOLLOW_EVENT_TYPES, type WebhookRow } from '../store/index.js';
import type { CrosscheckService } from './service.js';

/** SSE keep-alive comment interval, ms (proxies drop idle streams). */
export const SSE_HEARTBEAT_MS = 15_000;

export interface AppOptions {
  service: CrosscheckService;
  /** Bearer token for writes; without one, every write is refused (403). */
  token?: string | null;
  /** The web pages, mounted at `/` (their own error pages); the API alone when absent. */
  web?: Hono;
  /**
   * Names this server answers under, besides IP literals and localhost (DNS rebinding defence:
   * see {@link requireKnownHost}). Absent or null: the Host header is not checked.
   */
  allowedHosts?: readonly string[] | null;
  /** Log unexpected errors (500) here; default stderr. */
  logError?: (error: unknown) => void;
}

/** The Content-Security-Policy of every answer: no inline script, nothing from elsewhere, no framing. */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

function parse<T extends z.ZodTypeAny>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ApiError(400, 'bad_request', describeIssues(result.error));
  return result.data as z.infer<T>;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** Writes need `Authorization: Bearer <token>`; no token configured means no writes at all. */
function requireToken(token: string | null | undefined): MiddlewareHandler {
  const expected = token ? digest(token) : null;
  return async (c, next) => {
    if (!expected) throw new ApiError(403, 'forbidden', 'writing is disabled: start the server with CROSSCHECK_TOKEN set');
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(.+)$/i.exec(header);
    if (!match?.[1] || !timingSafeEqual(digest(match[1].trim()), expected)) {
      c.header('WWW-Authenticate', 'Bearer realm="crosscheck"');
      throw new ApiError(401, 'unauthorized', match ? 'wrong bearer token' : 'missing bearer token (Authorization: Bearer <token>)');
    }
    await next();
  };
}

/**
 * Nesting of arrays and objects a body may have: the API's bodies are flat objects, a few levels
 * at most. A body of brackets nested two million deep (4 MB) cost the request thread 3 s of
 * parsing and validation before it was refused; it is now refused after one linear scan.
 */
const MAX_JSON_DEPTH = 32;

/** Whether JSON text opens more than `limit` arrays or objects inside one another (strings skipped). One pass, no allocation. */
export function nestedDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c) i++;
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x5b || code === 0x7b) {
      if (++depth > limit) return true;
    } else if (code === 0x5d || code === 0x7d) depth--;
  }
  return false;
}

async function jsonBody(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) {
    throw new ApiError(415, 'unsupported_media_type', `expected Content-Type application/json, got "${type || 'none'}"`);
  }
  const text = await c.req.text();
  if (nestedDeeperThan(text, MAX_JSON_DEPTH)) {
    throw new ApiError(400, 'invalid_json', `the body nests arrays or objects deeper than ${MAX_JSON_DEPTH} levels`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(400, 'invalid_json', 'the body is not valid JSON');
  }
}

/**
 * The crosscheck HTTP application: the JSON API under `/api` (see {@link OPENAPI_DOCUMENT}) and,
 * when given, the web pages. Every answer carries the security headers; every API error is
 * `{ "error": { "code", "message" } }` with its status.
 *
 * @example
 * const app = createApp({ service, token: process.env.CROSSCHECK_TOKEN });
 * const res = await app.request('/api/stories?limit=5');
 */
export function createApp(options: AppOptions): Hono {
  const { service } = options;
  const logError = options.logError ?? ((error: unknown) => console.error(error));
  const app = new Hono();
  // Builds run off the request; their failures are logged here, and readers get a 503 or a stale sheet.
  service.factSheets.onBuild((event) => {
    if (event.type === 'failed') logError(event.error);
  });

  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: CONTENT_SECURITY_POLICY,
      xFrameOptions: 'DENY',
      referrerPolicy: 'no-referrer',
      xContentTypeOptions: 'nosniff',
      crossOriginResourcePolicy: 'same-origin',
      crossOriginOpenerPolicy: 'same-origin',
    }),
  );
  if (options.allowedHosts) app.use('*', requireKnownHost(options.allowedHosts));

  const api = new Hono();
  api.onError((error, c) => {
    const apiError = toApiError(error);
    if (apiError.status >= 500 && apiError.code === 'internal_error') logError(error);
    // A busy store: the client may try again after the pause the store named.
    if (error instanceof RetryableError) c.header('Retry-After', String(Math.max(1, Math.ceil(error.retryAfterMs / 1000))));
    return c.json(errorBody(apiError), apiError.status as 400);
  });

  api.get('/openapi.json', (c) => c.json(OPENAPI_DOCUMENT));

  api.get('/stories', async (c) => {
    const query = parse(storyListQuerySchema, c.req.query());
    return c.json(await service.listStories(query));
  });

  api.get('/stories/:id', async (c) => {
    const { id } = parse(idParamSchema, c.req.param());
    const story = await service.story(id);
    if (!story) throw new ApiError(404, 'not_found', `no story #${id}`);
    return c.json(story);
  });

  api.get('/stories/:id/factsheet', async (c) => {
    const { id } = parse(idParamSchema, c.req.param());
    const answer = await service.factSheet(id);
    if (answer === null) throw new ApiError(404, 'not_found', `no story #${id}`);
    if (answer.state === 'building') {
      c.header('Retry-After', String(answer.retryAfterS));
      c.header('Cache-Control', 'no-store');
      return c.json({ building: { storyId: id, retryAfter: answer.retryAfterS, message: `the fact sheet of story #${id} is being built; try again in ${answer.retryAfterS} s` } }, 202);
    }
    if (answer.state === 'failed') {
      c.header('Retry-After', String(answer.retryAfterS));
      throw new ApiError(503, 'fact_sheet_failed', answer.message);
    }
    // The cache key names the article set and builder version: a perfect validator (stale answers have their own).
    const tag = answer.state === 'stale' ? `${answer.sheet.key}-stale` : answer.sheet.key;
    // Large sheets go gzipped once compressed (off this thread); each encoding has its own ETag.
    const gzipped = /\bgzip\b/i.test(c.req.header('accept-encoding') ?? '') ? service.factSheets.gzipOf(answer) : null;
    const etag = gzipped ? `"${tag}-gzip"` : `"${tag}"`;
    const headers: Record<string, string> = {
      'Content-Type': 'application/json; charset=UTF-8',
      ETag: etag,
      'Cache-Control': 'no-cache',
      Vary: 'Accept-Encoding',
      // The body's `freshness`, also as headers (readable without decoding a large body).
      'Fact-Sheet-State': answer.state,
      'Fact-Sheet-Built-At': answer.sheet.builtAt,
    };
    if (answer.state === 'stale') headers['Retry-After'] = String(FACT_SHEET_RETRY_AFTER_S);
    const match = c.req.header('if-none-match');
    if (match === `"${tag}"` || match === `"${tag}-gzip"`) return c.body(null, 304, headers);
    if (gzipped) return c.body(gzipped, 200, { ...headers, 'Content-Encoding': 'gzip' });
    return c.body(service.factSheets.body(answer), 200, headers);
  });

  // Downloads of a story: the fact sheet as Markdown or JSON, its articles as CSL-JSON citations;
  // the same answer states as the fact sheet (202 while the first build runs, stale marked).
  for (const format of ['md', 'json', 'csl.json'] as const) {
    api.get(`/stories/:id/export.${format}`, async (c) => {
      const { id } = parse(idParamSchema, c.req.param());
      const answer = await service.factSheet(id);
      if (answer === null) throw new ApiError(404, 'not_found', `no story #${id}`);
      if (answer.state === 'building') {
        c.header('Retry-After', String(answer.retryAfterS));
        c.header('Cache-Control', 'no-store');
        return c.json({ building: { storyId: id, retryAfter: answer.retryAfterS, message: `the fact sheet of story #${id} is being built; try again in ${answer.retryAfterS} s` } }, 202);
      }
      if (answer.state === 'failed') {
        c.header('Retry-After', String(answer.retryAfterS));
        throw new ApiError(503, 'fact_sheet_failed', answer.message);
      }
      const file = storyExport(service.factSheets.parsed(answer.sheet), answer.sheet.json, format);
      const headers: Record<string, string> = {
        'Content-Type': file.type,
        'Content-Disposition': `attachment; filename="${file.filename}"`,
        'Cache-Control': 'no-cache',
        'Fact-Sheet-State': answer.state,
        'Fact-Sheet-Built-At': answer.sheet.builtAt,
      };
      if (answer.state === 'stale') headers['Retry-After'] = String(FACT_SHEET_RETRY_AFTER_S);
      return c.body(file.body, 200, headers);
    });
  }

  api.get('/articles/:id', async (c) => {
    const { id } = parse(idParamSchema, c.req.param());
    const article = await service.article(id);
    if (!article) throw new ApiError(404, 'not_found', `no article #${id}`);
    return c.json(article);
  });

  api.get('/outlets/profiles', async (c) => {
    parse(emptyQuerySchema, c.req.query());
    return c.json({ outlets: await service.outletProfiles() });
  });

  api.get('/stories/:id/coverage', async (c) => {
    const { id } = parse(idParamSchema, c.req.param());
    parse(emptyQuerySchema, c.req.query());
    const story = await service.story(id);
    if (!story) throw new ApiError(404, 'not_found', `no story #${id}`);
    return c.json({ storyId: story.id, groups: await service.groupCoverage(story.id) });
  });

  api.get('/outlets', async (c) => {
    parse(emptyQuerySchema, c.req.query());
    return c.json({ outlets: await service.outlets() });
  });

  api.get('/feeds', async (c) => {
    parse(emptyQuerySchema, c.req.query());
    return c.json({ feeds: await service.feeds() });
  });

  api.get('/feeds.opml', async (c) => {
    parse(emptyQuerySchema, c.req.query());
    return c.body(await service.feedsOpml(), 200, { 'Content-Type': 'text/x-opml; charset=UTF-8', 'Content-Disposition': 'attachment; filename="crosscheck-feeds.opml"' });
  });

  api.get('/entities', async (c) => {
    const query = parse(entityListQuerySchema, c.req.query());
    return c.json({ entities: await service.entities(query) });
  });

  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new ApiError(413, 'payload_too_large', `the body is larger than ${MAX_BODY_BYTES} bytes`);
    },
  });
  const auth = requireToken(options.token);

  api.post('/articles', auth, limitBody, async (c) => {
    const body = parse(newArticleSchema, await jsonBody(c));
    const result = await service.ingestArticle(body);
    return c.json(result, result.status === 'new' ? 201 : 200);
  });

  api.post('/ingest/url', auth, limitBody, async (c) => {
    const { url } = parse(ingestUrlSchema, await jsonBody(c));
    const result = await service.ingestUrl(url);
    return c.json(result, result.status === 'new' ? 201 : 200);
  });

  // Follows: reading them and their feeds is open like every read (feed readers send no token); changing them needs it.
  const followOf = async (value: Record<string, string>) => {
    const { id } = parse(idParamSchema, value);
    const follow = await service.follows.get(id);
    if (!follow) throw new ApiError(404, 'not_found', `no follow #${id}`);
    return follow;
  };

  api.get('/follows', async (c) => {
    parse(emptyQuerySchema, c.req.query());
    return c.json({ follows: await service.follows.list() });
  });

  api.post('/follows', auth, limitBody, async (c) => {
    const follow = await service.follows.create(parse(newFollowSchema, await jsonBody(c)));
    await service.watchForFollows();
    return c.json(follow, 201);
  });

  api.get('/follows/:id', async (c) => {
    const follow = await followOf(c.req.param());
    const { limit } = parse(eventListQuerySchema, c.req.query());
    return c.json({ ...follow, events: await service.follows.events(follow.id, limit) });
  });

  api.delete('/follows/:id', auth, async (c) => {
    const follow = await followOf(c.req.param());
    await service.follows.delete(follow.id);
    return c.body(null, 204);
  });

  api.get('/follows/:id/feed.json', async (c) => {
    const follow = await followOf(c.req.param());
    parse(emptyQuerySchema, c.req.query());
    const feed = followJsonFeed(follow, await service.follows.events(follow.id), new URL(c.req.url).origin);
    return c.body(JSON.stringify(feed), 200, { 'Content-Type': 'application/feed+json; charset=UTF-8' });
  });

  api.get('/follows/:id/feed.xml', async (c) => {
    const follow = await followOf(c.req.param());
    parse(emptyQuerySchema, c.req.query());
    const rss = followRss(follow, await service.follows.events(follow.id), new URL(c.req.url).origin);
    return c.body(rss, 200, { 'Content-Type': 'application/rss+xml; charset=UTF-8' });
  });

  // Webhooks name their receivers: every webhook route needs the token. Secrets are never shown.
  const webhookView = (hook: WebhookRow) => ({ id: hook.id, url: hook.url, followId: hook.followId, events: hook.types, createdAt: hook.createdAt });

  api.get('/webhooks', auth, async (c) => {
    parse(emptyQuerySchema, c.req.query());
    return c.json({ webhooks: (await service.store.webhooks.list()).map(webhookView) });
  });

  api.post('/webhooks', auth, limitBody, async (c) => {
    const body = parse(newWebhookSchema, await jsonBody(c));
    // The receiver goes through the SSRF guard: refused now when its host is a literal address the server may not reach, else on every delivery.
    checkUrlTarget(body.url, service.webhooks.addressPolicy);
    if (body.followId !== undefined && !(await service.follows.get(body.followId))) throw new ApiError(404, 'not_found', `no follow #${body.followId}`);
    const hook = await service.store.transaction((tx) =>
      tx.webhooks.create({ url: body.url, secret: body.secret, followId: body.followId ?? null, types: body.events ?? [...FOLLOW_EVENT_TYPES], createdAt: new Date().toISOString() }),
    );
    return c.json(webhookView(hook), 201);
  });

  api.delete('/webhooks/:id', auth, async (c) => {
    const { id } = parse(idParamSchema, c.req.param());
    if (!(await service.store.transaction((tx) => tx.webhooks.delete(id)))) throw new ApiError(404, 'not_found', `no webhook #${id}`);
    return c.body(null, 204);
  });

  api.get('/webhooks/:id/deliveries', auth, async (c) => {
    const { id } = parse(idParamSchema, c.req.param());
    const { limit } = parse(eventListQuerySchema, c.req.query());
    if (!(await service.store.webhooks.get(id))) throw new ApiError(404, 'not_found', `no webhook #${id}`);
    return c.json({ deliveries: await service.store.webhooks.deliveries(id, limit) });
  });

  api.get('/events', (c) =>
    streamSSE(c, async (stream) => {
      const queue: ArticleAssignedEvent[] = [];
      await service.events.start();
      let wake: (() => void) | null = null;
      const unsubscribe = service.events.subscribe((event) => {
        queue.push(event);
        wake?.();
      });
      let open = true;
      stream.onAbort(() => {
        open = false;
        unsubscribe();
        wake?.();
      });
      await stream.writeSSE({ event: 'ready', data: '{}' });
      while (open) {
        const event = queue.shift();
        if (event) {
          await stream.writeSSE({ event: 'article', id: String(event.seq), data: JSON.stringify(event) });
          continue;
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, SSE_HEARTBEAT_MS);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = null;
        if (open && queue.length === 0) await stream.write(': keep-alive\n\n');
      }
      unsubscribe();
    }),
  );

  // A mounted app's notFound is not used: a catch-all keeps unknown API paths JSON.
  api.all('*', (c) => c.json(errorBody(new ApiError(404, 'not_found', `no route ${c.req.method} ${c.req.path}`)), 404));
  app.route('/api', api);
  if (options.web) app.route('/', options.web);
  app.notFound((c) => c.json(errorBody(new ApiError(404, 'not_found', `no route ${c.req.method} ${c.req.path}`)), 404));
  app.onError((error, c) => {
    const apiError = toApiError(error);
    if (apiError.status >= 500) logError(error);
    return c.json(errorBody(apiError), apiError.status as 400);
  });
  return app;
}
