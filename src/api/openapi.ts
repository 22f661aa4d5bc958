import { extendZodWithOpenApi, OpenApiGeneratorV31, OpenAPIRegistry, type ResponseConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { CROSSCHECK_VERSION } from '../core/index.js';
import {
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

/**
 * The OpenAPI 3.1 description of the API, served at `/api/openapi.json`. Parameters and request
 * bodies are generated from the zod schemas the routes validate with (schemas.ts), so they cannot
 * drift from what is accepted; response bodies are described by the components below (they are
 * TypeScript types, not validated at run time).
 */
// The generator reads metadata through zod methods it adds (`.openapi()`); added once, here.
extendZodWithOpenApi(z);

const nullable = <T extends 'string' | 'integer'>(type: T): { type: [T, 'null'] } => ({ type: [type, 'null'] });
const registry = new OpenAPIRegistry();
type SchemaObject = Parameters<typeof registry.registerComponent<'schemas'>>[2];
registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', description: 'the CROSSCHECK_TOKEN the server was started with' });

const ref = (name: string): { $ref: string } => ({ $ref: `#/components/schemas/${name}` });

/** Response bodies (and the error body), by component name. */
const RESPONSE_SCHEMAS: Record<string, SchemaObject> = {
      Error: {
        type: 'object',
        required: ['error'],
        properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string', examples: ['not_found', 'bad_request'] }, message: { type: 'string' } } } },
      },
      StorySummary: {
        type: 'object',
        required: ['id', 'title', 'articleCount', 'firstSeen', 'lastSeen', 'outlets', 'days'],
        properties: {
          id: { type: 'integer' },
          title: { type: 'string' },
          articleCount: { type: 'integer' },
          firstSeen: nullable('string'),
          lastSeen: nullable('string'),
          outlets: { type: 'array', items: { type: 'object', required: ['name', 'articles'], properties: { name: { type: 'string' }, articles: { type: 'integer' } } } },
          days: { type: 'array', description: 'articles per day', items: { type: 'object', required: ['day', 'articles'], properties: { day: { type: 'string', format: 'date' }, articles: { type: 'integer' } } } },
          match: {
            type: 'object',
            description: 'with q: an excerpt of the best-matching article, matched words as [start, end) offsets into text',
            required: ['articleId', 'label', 'text', 'highlights'],
            properties: {
              articleId: { type: 'integer' },
              label: { type: 'string', description: 'the article\'s label: outlet, else host, else file name' },
              text: { type: 'string' },
              highlights: { type: 'array', items: { type: 'array', items: { type: 'integer' }, minItems: 2, maxItems: 2 } },
            },
          },
        },
      },
      StoryPage: {
        type: 'object',
        required: ['stories', 'total', 'offset', 'limit', 'nextCursor'],
        properties: { stories: { type: 'array', items: ref('StorySummary') }, total: { type: 'integer' }, offset: { type: 'integer' }, limit: { type: 'integer' }, nextCursor: nullable('string') },
      },
      StoryArticle: {
        type: 'object',
        properties: {
          id: { type: 'integer' },
          externalId: nullable('string'),
          title: nullable('string'),
          source: nullable('string'),
          url: nullable('string'),
          published: nullable('string'),
          language: nullable('string'),
          copyGroup: { type: 'integer', description: 'earliest article of its copy group' },
          copyOf: nullable('integer'),
          ownShare: { type: 'number', minimum: 0, maximum: 1 },
          ownPassages: { type: 'array', items: { type: 'object', properties: { paragraph: { type: 'integer' }, text: { type: 'string' } } } },
        },
      },
      StoryDetail: {
        allOf: [
          ref('StorySummary'),
          {
            type: 'object',
            required: ['articles', 'copyGroups', 'copies'],
            properties: {
              articles: { type: 'array', items: ref('StoryArticle') },
              copyGroups: { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' }, first: { type: 'integer' }, articles: { type: 'array', items: { type: 'integer' } }, outlets: { type: 'array', items: { type: 'string' } } } } },
              copies: { type: 'array', items: { type: 'object', properties: { articleId: { type: 'integer' }, otherId: { type: 'integer' }, kind: { type: 'string' }, jaccard: { type: 'number' }, containment: { type: 'number' } } } },
            },
          },
        ],
      },
      ArticleDetail: {
        type: 'object',
        properties: {
          id: { type: 'integer' },
          title: nullable('string'),
          source: nullable('string'),
          byline: nullable('string'),
          url: nullable('string'),
          published: nullable('string'),
          language: nullable('string'),
          storyId: nullable('integer'),
          ownShare: { type: 'number' },
          paragraphs: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                index: { type: 'integer' },
                sentences: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      index: { type: 'integer', description: 'sentence number in the article; anchor `s{index}` on the web page' },
                      text: { type: 'string' },
                      sharedWith: { type: 'array', items: { type: 'object', properties: { articleId: { type: 'integer' }, similarity: { type: 'number' } } } },
                    },
                  },
                },
              },
            },
          },
          related: { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' }, title: nullable('string'), source: nullable('string'), published: nullable('string') } } },
        },
      },
      FactSheet: {
        type: 'object',
        description:
          'See docs/fact-sheet-schema.md: version, story, articles, summary, entities, quotes, figures, timeline, coverage; first `freshness`: ' +
          '`stale` is true for the last good sheet of fewer articles while a newer one is built (then also `Retry-After`).',
        required: ['freshness', 'version', 'story', 'articles', 'summary', 'entities', 'quotes', 'figures', 'timeline', 'coverage'],
        properties: {
          freshness: {
            type: 'object',
            required: ['stale', 'builtAt', 'articles'],
            properties: { stale: { type: 'boolean' }, builtAt: { type: 'string', format: 'date-time' }, articles: { type: 'integer', description: 'articles the sheet was built from' } },
          },
        },
      },
      SheetBuilding: {
        type: 'object',
        required: ['building'],
        properties: {
          building: {
            type: 'object',
            required: ['storyId', 'retryAfter', 'message'],
            properties: { storyId: { type: 'integer' }, retryAfter: { type: 'integer', description: 'seconds, as in the Retry-After header' }, message: { type: 'string' } },
          },
        },
      },
      Outlet: {
        type: 'object',
        properties: { name: { type: 'string' }, articles: { type: 'integer' }, stories: { type: 'integer' }, firstPublished: nullable('string'), lastPublished: nullable('string') },
      },
      Entity: {
        type: 'object',
        properties: { name: { type: 'string' }, kind: { type: 'string', enum: ['person', 'place', 'organisation'] }, stories: { type: 'integer' }, mentions: { type: 'integer' } },
      },
      IngestResult: {
        type: 'object',
        required: ['status', 'articleId', 'storyId', 'isNewStory'],
        properties: { status: { type: 'string', enum: ['new', 'known'] }, articleId: { type: 'integer' }, storyId: nullable('integer'), isNewStory: { type: 'boolean' }, title: nullable('string'), source: nullable('string') },
      },
      FeedHealth: {
        type: 'object',
        required: ['url', 'title', 'health', 'lastPolledAt', 'lastSuccessAt', 'lastStatus', 'isBlockedByRobots', 'nextPollAt', 'intervalMs', 'consecutiveFailures', 'lastError', 'articlesFound'],
        properties: {
          url: { type: 'string', format: 'uri' },
          title: nullable('string'),
          health: { type: 'string', enum: ['ok', 'failing', 'blocked', 'pending'], description: '`blocked`: robots.txt disallows the feed; `failing`: the last poll failed; `pending`: never polled' },
          lastPolledAt: nullable('string'),
          lastSuccessAt: nullable('string'),
          lastStatus: { ...nullable('integer'), description: 'HTTP status of the last answer (304: not modified); null when none came' },
          isBlockedByRobots: { type: 'boolean' },
          nextPollAt: { type: 'string' },
          intervalMs: { type: 'integer' },
          consecutiveFailures: { type: 'integer' },
          lastError: nullable('string'),
          articlesFound: { type: 'integer' },
        },
      },
      Follow: {
        type: 'object',
        required: ['id', 'kind', 'target', 'label', 'createdAt', 'feeds'],
        properties: {
          id: { type: 'integer' },
          kind: { type: 'string', enum: ['search', 'story', 'entity'] },
          target: { type: 'string', description: 'the search, the story id or the entity name' },
          label: { type: 'string' },
          createdAt: { type: 'string' },
          feeds: { type: 'object', required: ['json', 'rss'], properties: { json: { type: 'string' }, rss: { type: 'string' } }, description: 'paths of its JSON Feed and RSS feed' },
        },
      },
      FollowEvent: {
        type: 'object',
        required: ['id', 'followId', 'type', 'storyId', 'title', 'text', 'data', 'createdAt'],
        properties: {
          id: { type: 'integer' },
          followId: { type: 'integer' },
          type: { type: 'string', enum: ['new_story', 'new_disagreement', 'updated_counts'] },
          storyId: { type: 'integer' },
          title: { type: 'string' },
          text: { type: 'string' },
          data: { type: 'object', description: 'the webhook payload: follow, story (id, title, counts), previous counts or the disagreement (caption, verdict, values with outlets, digest, reasons)' },
          createdAt: { type: 'string' },
        },
      },
      Webhook: {
        type: 'object',
        required: ['id', 'url', 'followId', 'events', 'createdAt'],
        properties: { id: { type: 'integer' }, url: { type: 'string' }, followId: nullable('integer'), events: { type: 'array', items: { type: 'string' } }, createdAt: { type: 'string' } },
      },
      Delivery: {
        type: 'object',
        required: ['id', 'webhookId', 'eventId', 'status', 'attempts', 'lastStatus', 'lastError', 'nextAttemptAt', 'deliveredAt', 'createdAt', 'updatedAt'],
        properties: {
          id: { type: 'integer' },
          webhookId: { type: 'integer' },
          eventId: { type: 'integer' },
          status: { type: 'string', enum: ['pending', 'delivered', 'failed'] },
          attempts: { type: 'integer' },
          lastStatus: nullable('integer'),
          lastError: nullable('string'),
          nextAttemptAt: nullable('string'),
          deliveredAt: nullable('string'),
          createdAt: { type: 'string' },
          updatedAt: { type: 'string' },
        },
      },
      OutletProfile: {
        type: 'object',
        required: ['name', 'domains', 'country', 'language', 'owner', 'labels'],
        properties: {
          name: { type: 'string' },
          domains: { type: 'array', items: { type: 'string' } },
          country: nullable('string'),
          language: nullable('string'),
          owner: nullable('string'),
          labels: { type: 'object', additionalProperties: { type: 'string' } },
        },
      },
      GroupCoverage: {
        type: 'object',
        description: 'A story by the labels of the outlets file: per label (country, language, owner, then the file\'s own), the groups of outlets sharing a value, which carry the story, and the groups that have not covered it yet',
        required: ['profiled', 'outlets', 'unprofiled', 'dimensions', 'notCovered'],
        properties: {
          profiled: { type: 'integer', description: 'outlets in the file' },
          outlets: { type: 'array', items: { type: 'object', properties: { outlet: { type: 'string' }, articles: { type: 'integer' } } } },
          unprofiled: { type: 'array', description: 'articles of outlets not in the file', items: { type: 'object', properties: { source: nullable('string'), articles: { type: 'integer' } } } },
          dimensions: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                label: { type: 'string' },
                groups: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      value: { type: 'string' },
                      covering: { type: 'array', items: { type: 'object', properties: { outlet: { type: 'string' }, articles: { type: 'integer' } } } },
                      missing: { type: 'array', items: { type: 'string' } },
                    },
                  },
                },
              },
            },
          },
          notCovered: { type: 'array', items: { type: 'object', properties: { label: { type: 'string' }, value: { type: 'string' }, outlets: { type: 'array', items: { type: 'string' } } } } },
        },
      },
      ArticleEvent: {
        type: 'object',
        properties: { type: { const: 'article' }, seq: { type: 'integer' }, articleId: { type: 'integer' }, storyId: { type: 'integer' }, isNewStory: { type: 'boolean' }, title: nullable('string'), source: nullable('string') },
      },
};
for (const [name, schema] of Object.entries(RESPONSE_SCHEMAS)) registry.registerComponent('schemas', name, schema);

const json = (description: string, schema: SchemaObject): ResponseConfig => ({ description, content: { 'application/json': { schema } } });
const error = (description: string): ResponseConfig => json(description, ref('Error'));
const retryAfter = { 'Retry-After': { description: 'seconds until asking again is useful', schema: { type: 'integer' as const } } };

const writeErrors = {
  400: error('invalid body (zod issues in the message), or no article text found (`no_content`)'),
  401: error('missing or wrong bearer token'),
  403: error('writing is disabled: no CROSSCHECK_TOKEN configured'),
  413: error(`body larger than ${MAX_BODY_BYTES} bytes`),
  415: error('Content-Type is not application/json'),
  500: error('internal error'),
};
const body = (schema: z.ZodTypeAny) => ({ required: true, content: { 'application/json': { schema } } });
const storyParams = idParamSchema.extend({ id: idParamSchema.shape.id.describe('story id') });
const articleParams = idParamSchema.extend({ id: idParamSchema.shape.id.describe('article id') });

registry.registerPath({
  method: 'get',
  path: '/api/stories',
  summary: 'List stories (paged, filtered, searched)',
  request: { query: storyListQuerySchema },
  responses: { 200: json('a page of stories', ref('StoryPage')), 400: error('invalid query') },
});
registry.registerPath({
  method: 'get',
  path: '/api/stories/{id}',
  summary: 'A story with its articles and copy groups',
  request: { params: storyParams },
  responses: { 200: json('the story (a merged-away id answers with the story it joined)', ref('StoryDetail')), 400: error('bad id'), 404: error('no such story') },
});
registry.registerPath({
  method: 'get',
  path: '/api/stories/{id}/factsheet',
  summary: 'The fact sheet of a story, never waiting for a build',
  description:
    'Sheets are built in worker threads, cached per article set, and rebuilt when articles join. The answer is the current sheet; ' +
    'or the last good one with `freshness.stale` true while a newer one is built; or, when the story has none yet, 202 with Retry-After. ' +
    'Headers `Fact-Sheet-State` (fresh, stale) and `Fact-Sheet-Built-At` repeat `freshness`; gzip when accepted.',
  request: { params: storyParams },
  responses: {
    200: { ...json('the fact sheet (current or stale, see `freshness`)', ref('FactSheet')), headers: retryAfter },
    202: { ...json('no sheet yet: it is being built', ref('SheetBuilding')), headers: retryAfter },
    304: { description: 'not modified (If-None-Match)' },
    400: error('bad id'),
    404: error('no such story'),
    503: { ...error('the last build of this article set failed or ran over its time budget (`fact_sheet_failed`)'), headers: retryAfter },
  },
});
const downloads: Array<[string, string, string, SchemaObject]> = [
  ['md', 'Download the fact sheet as a Markdown report (attachment `story-{id}.md`)', 'text/markdown', { type: 'string' }],
  ['json', 'Download the fact sheet as JSON (attachment `story-{id}.json`)', 'application/json', ref('FactSheet')],
  ['csl.json', "Download the story's articles as CSL-JSON citations (attachment `story-{id}.csl.json`)", 'application/vnd.citationstyles.csl+json', { type: 'array', items: { type: 'object' } }],
];
for (const [ext, summary, type, schema] of downloads) {
  registry.registerPath({
    method: 'get',
    path: `/api/stories/{id}/export.${ext}`,
    summary,
    description: 'The same answer states as the fact sheet: 202 with Retry-After while the first build runs, 503 when it failed; a stale sheet is served with `Fact-Sheet-State: stale`.',
    request: { params: storyParams },
    responses: {
      200: { description: 'the download', content: { [type]: { schema } }, headers: retryAfter },
      202: { ...json('no sheet yet: it is being built', ref('SheetBuilding')), headers: retryAfter },
      400: error('bad id'),
      404: error('no such story'),
      503: { ...error('the last build of this article set failed (`fact_sheet_failed`)'), headers: retryAfter },
    },
  });
}
registry.registerPath({
  method: 'get',
  path: '/api/articles/{id}',
  summary: 'An article: text split into sentences, each shared (with the articles carrying it) or own',
  request: { params: articleParams },
  responses: { 200: json('the article', ref('ArticleDetail')), 400: error('bad id'), 404: error('no such article') },
});
registry.registerPath({
  method: 'get',
  path: '/api/outlets',
  summary: 'Outlets with their coverage counts',
  responses: { 200: json('outlets, most articles first', { type: 'object', required: ['outlets'], properties: { outlets: { type: 'array', items: ref('Outlet') } } }) },
});
registry.registerPath({
  method: 'get',
  path: '/api/entities',
  summary: 'Entities across stories (from the cached fact sheets)',
  request: { query: entityListQuerySchema },
  responses: { 200: json('entities, most stories first', { type: 'object', required: ['entities'], properties: { entities: { type: 'array', items: ref('Entity') } } }), 400: error('invalid query') },
});
registry.registerPath({
  method: 'post',
  path: '/api/articles',
  summary: 'Store an article (text or HTML; exactly one of them) and assign it to a story',
  security: [{ bearer: [] }],
  request: { body: body(newArticleSchema) },
  responses: { 201: json('stored', ref('IngestResult')), 200: json('already stored (same text or canonical URL)', ref('IngestResult')), ...writeErrors },
});
registry.registerPath({
  method: 'post',
  path: '/api/ingest/url',
  summary: 'Fetch a page (public http(s) only) and store it',
  security: [{ bearer: [] }],
  request: { body: body(ingestUrlSchema) },
  responses: {
    201: json('stored', ref('IngestResult')),
    200: json('already stored', ref('IngestResult')),
    ...writeErrors,
    502: error('the fetch failed (`fetch_failed`, `too_many_redirects`)'),
    504: error('the fetch timed out'),
  },
});
const followParams = idParamSchema.extend({ id: idParamSchema.shape.id.describe('follow id') });
const webhookParams = idParamSchema.extend({ id: idParamSchema.shape.id.describe('webhook id') });
const unauthorized = { 401: error('missing or wrong bearer token'), 403: error('writing is disabled: no CROSSCHECK_TOKEN configured') };

registry.registerPath({
  method: 'get',
  path: '/api/outlets/profiles',
  summary: 'The outlets of the imported outlets file (crosscheck outlets import): name, domains, country, language, owner, labels',
  responses: { 200: json('outlets, by name', { type: 'object', required: ['outlets'], properties: { outlets: { type: 'array', items: ref('OutletProfile') } } }) },
});
registry.registerPath({
  method: 'get',
  path: '/api/stories/{id}/coverage',
  summary: 'A story\'s coverage by the labels of the outlets file, and the groups that have not covered it yet',
  description: 'Articles are matched to the file\'s outlets by the host of their URL (the longest domain), else by their outlet name. `groups` is null when no outlets file was imported.',
  request: { params: storyParams },
  responses: {
    200: json('the coverage', { type: 'object', required: ['storyId', 'groups'], properties: { storyId: { type: 'integer' }, groups: { oneOf: [ref('GroupCoverage'), { type: 'null' }] } } }),
    400: error('bad id'),
    404: error('no such story'),
  },
});
registry.registerPath({
  method: 'get',
  path: '/api/feeds',
  summary: 'Watched feeds with their health: last poll and success, HTTP status of the last answer, blocked by robots.txt, next poll, failures',
  responses: { 200: json('the feeds, by URL', { type: 'object', required: ['feeds'], properties: { feeds: { type: 'array', items: ref('FeedHealth') } } }) },
});
registry.registerPath({
  method: 'get',
  path: '/api/feeds.opml',
  summary: 'The watched feeds as an OPML 2.0 subscription list',
  responses: { 200: { description: 'OPML', content: { 'text/x-opml': { schema: { type: 'string' } } } } },
});
registry.registerPath({
  method: 'get',
  path: '/api/follows',
  summary: 'Saved searches, followed stories and entities',
  responses: { 200: json('the follows', { type: 'object', required: ['follows'], properties: { follows: { type: 'array', items: ref('Follow') } } }) },
});
registry.registerPath({
  method: 'post',
  path: '/api/follows',
  summary: 'Follow a search (`target`: the words, matched as `q` of the story list), a story (its id) or an entity (its name); what matches now is taken as seen',
  security: [{ bearer: [] }],
  request: { body: body(newFollowSchema) },
  responses: { 201: json('the follow, with the paths of its feeds', ref('Follow')), 404: error('no such story'), ...writeErrors },
});
registry.registerPath({
  method: 'get',
  path: '/api/follows/{id}',
  summary: 'A follow with its events, newest first',
  request: { params: followParams, query: eventListQuerySchema },
  responses: {
    200: json('the follow and its `events`', { allOf: [ref('Follow'), { type: 'object', required: ['events'], properties: { events: { type: 'array', items: ref('FollowEvent') } } }] }),
    404: error('no such follow'),
  },
});
registry.registerPath({
  method: 'delete',
  path: '/api/follows/{id}',
  summary: 'Stop following (its events and webhooks go too)',
  security: [{ bearer: [] }],
  request: { params: followParams },
  responses: { 204: { description: 'deleted' }, 404: error('no such follow'), ...unauthorized },
});
registry.registerPath({
  method: 'get',
  path: '/api/follows/{id}/feed.json',
  summary: 'The follow as a JSON Feed 1.1 (plain-text items)',
  request: { params: followParams },
  responses: { 200: { description: 'JSON Feed', content: { 'application/feed+json': { schema: { type: 'object' } } } }, 404: error('no such follow') },
});
registry.registerPath({
  method: 'get',
  path: '/api/follows/{id}/feed.xml',
  summary: 'The follow as an RSS 2.0 feed',
  request: { params: followParams },
  responses: { 200: { description: 'RSS', content: { 'application/rss+xml': { schema: { type: 'string' } } } }, 404: error('no such follow') },
});
registry.registerPath({
  method: 'get',
  path: '/api/webhooks',
  summary: 'Webhooks (their secrets are never shown)',
  security: [{ bearer: [] }],
  responses: { 200: json('the webhooks', { type: 'object', required: ['webhooks'], properties: { webhooks: { type: 'array', items: ref('Webhook') } } }), ...unauthorized },
});
registry.registerPath({
  method: 'post',
  path: '/api/webhooks',
  summary: 'POST each event of a follow (or of every follow) to a URL, signed, retried with exponential backoff',
  description:
    'Each delivery is a JSON POST with `X-Crosscheck-Event`, `X-Crosscheck-Delivery` and `X-Crosscheck-Signature-256: sha256=<hex HMAC-SHA256 of the raw body under the secret>`. ' +
    'A non-2xx answer, a network error or a timeout is retried (30 s, then doubling, 6 attempts), then marked failed. The receiver goes through the SSRF guard: ' +
    'a literal private, loopback or metadata address is refused here (400 `blocked_address`), a name resolving to one fails at delivery.',
  security: [{ bearer: [] }],
  request: { body: body(newWebhookSchema) },
  responses: { 201: json('the webhook', ref('Webhook')), 404: error('no such follow'), ...writeErrors },
});
registry.registerPath({
  method: 'delete',
  path: '/api/webhooks/{id}',
  summary: 'Delete a webhook (and its delivery log)',
  security: [{ bearer: [] }],
  request: { params: webhookParams },
  responses: { 204: { description: 'deleted' }, 404: error('no such webhook'), ...unauthorized },
});
registry.registerPath({
  method: 'get',
  path: '/api/webhooks/{id}/deliveries',
  summary: 'The delivery log of a webhook, newest first: status (pending, delivered, failed), attempts, last HTTP status and error, next attempt',
  security: [{ bearer: [] }],
  request: { params: webhookParams, query: eventListQuerySchema },
  responses: { 200: json('deliveries', { type: 'object', required: ['deliveries'], properties: { deliveries: { type: 'array', items: ref('Delivery') } } }), 404: error('no such webhook'), ...unauthorized },
});
registry.registerPath({
  method: 'get',
  path: '/api/events',
  summary: 'Server-Sent Events: `article` when an article is stored and assigned to a story (by this server, the watcher or the CLI)',
  responses: { 200: { description: 'an event stream; `data` of `article` events is an ArticleEvent', content: { 'text/event-stream': { schema: ref('ArticleEvent') } } } },
});
registry.registerPath({
  method: 'get',
  path: '/api/openapi.json',
  summary: 'This document',
  responses: { 200: json('OpenAPI 3.1', { type: 'object' }) },
});

/** The OpenAPI 3.1 document of the API (generated once, at load). */
export const OPENAPI_DOCUMENT = new OpenApiGeneratorV31(registry.definitions).generateDocument({
  openapi: '3.1.0',
  info: {
    title: 'crosscheck API',
    version: CROSSCHECK_VERSION,
    description:
      'Read one news event through many outlets: stories (clusters of articles), their copy groups, fact sheets, and ingestion. ' +
      'Every error is `{ "error": { "code", "message" } }`. Writes need `Authorization: Bearer <CROSSCHECK_TOKEN>`.',
  },
  servers: [{ url: '/' }],
});
