import { DEFAULT_PAGE_SIZE, MAX_BODY_BYTES, MAX_PAGE_SIZE } from './schemas.js';

const ref = (name: string): { $ref: string } => ({ $ref: `#/components/schemas/${name}` });
const nullable = (type: string): { type: string[] } => ({ type: [type, 'null'] });
const json = (schema: object): object => ({ content: { 'application/json': { schema } } });
const error = (description: string): object => ({ description, ...json(ref('Error')) });
const idParam = (what: string): object => ({ name: 'id', in: 'path', required: true, description: `${what} id`, schema: { type: 'integer', minimum: 1 } });
const query = (name: string, description: string, schema: object): object => ({ name, in: 'query', required: false, description, schema });

const bearer = [{ bearer: [] }];
const writeErrors = {
  '400': error('invalid body (zod issues in the message), or no article text found (`no_content`)'),
  '401': error('missing or wrong bearer token'),
  '403': error('writing is disabled: no CROSSCHECK_TOKEN configured'),
  '413': error(`body larger than ${MAX_BODY_BYTES} bytes`),
  '415': error('Content-Type is not application/json'),
  '500': error('internal error'),
};

/** The OpenAPI 3.1 description of the API, served at `/api/openapi.json`. Hand-written; kept beside the routes. */
export const OPENAPI_DOCUMENT = {
  openapi: '3.1.0',
  info: {
    title: 'crosscheck API',
    version: '0.1.0',
    description:
      'Read one news event through many outlets: stories (clusters of articles), their copy groups, fact sheets, and ingestion. ' +
      'Every error is `{ "error": { "code", "message" } }`. Writes need `Authorization: Bearer <CROSSCHECK_TOKEN>`.',
  },
  servers: [{ url: '/' }],
  paths: {
    '/api/stories': {
      get: {
        summary: 'List stories (paged, filtered, searched)',
        parameters: [
          query('limit', `stories per page (1–${MAX_PAGE_SIZE})`, { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE }),
          query('cursor', 'opaque cursor from `nextCursor` (wins over offset)', { type: 'string' }),
          query('offset', 'stories to skip', { type: 'integer', minimum: 0 }),
          query('order', 'newest (last article first) or largest; with `q` and no order, by relevance', { type: 'string', enum: ['newest', 'largest'] }),
          query('from', 'stories with an article on or after this date', { type: 'string', format: 'date' }),
          query('to', 'stories with an article on or before this date', { type: 'string', format: 'date' }),
          query('outlet', 'stories with an article from this outlet (case-insensitive)', { type: 'string' }),
          query('entity', 'stories naming this person, place or organisation', { type: 'string' }),
          query('language', 'stories with an article in this language (ISO 639-1)', { type: 'string' }),
          query('q', 'full-text search over article titles and text (words all required; "quoted phrases")', { type: 'string' }),
        ],
        responses: { '200': { description: 'a page of stories', ...json(ref('StoryPage')) }, '400': error('invalid query') },
      },
    },
    '/api/stories/{id}': {
      get: {
        summary: 'A story with its articles and copy groups',
        parameters: [idParam('story')],
        responses: { '200': { description: 'the story (a merged-away id answers with the story it joined)', ...json(ref('StoryDetail')) }, '400': error('bad id'), '404': error('no such story') },
      },
    },
    '/api/stories/{id}/factsheet': {
      get: {
        summary: 'The fact sheet of a story (cached per article set)',
        parameters: [idParam('story')],
        responses: { '200': { description: 'the fact sheet', ...json(ref('FactSheet')) }, '400': error('bad id'), '404': error('no such story') },
      },
    },
    '/api/articles/{id}': {
      get: {
        summary: 'An article: text split into sentences, each shared (with the articles carrying it) or own',
        parameters: [idParam('article')],
        responses: { '200': { description: 'the article', ...json(ref('ArticleDetail')) }, '400': error('bad id'), '404': error('no such article') },
      },
    },
    '/api/outlets': {
      get: {
        summary: 'Outlets with their coverage counts',
        responses: { '200': { description: 'outlets, most articles first', ...json({ type: 'object', required: ['outlets'], properties: { outlets: { type: 'array', items: ref('Outlet') } } }) } },
      },
    },
    '/api/entities': {
      get: {
        summary: 'Entities across stories (from the cached fact sheets)',
        parameters: [
          query('limit', 'at most this many (1–1000)', { type: 'integer', minimum: 1, maximum: 1000, default: 100 }),
          query('kind', 'only this kind', { type: 'string', enum: ['person', 'place', 'organisation'] }),
        ],
        responses: { '200': { description: 'entities, most stories first', ...json({ type: 'object', required: ['entities'], properties: { entities: { type: 'array', items: ref('Entity') } } }) }, '400': error('invalid query') },
      },
    },
    '/api/articles': {
      post: {
        summary: 'Store an article (text or HTML) and assign it to a story',
        security: bearer,
        requestBody: { required: true, ...json(ref('NewArticle')) },
        responses: { '201': { description: 'stored', ...json(ref('IngestResult')) }, '200': { description: 'already stored (same text or canonical URL)', ...json(ref('IngestResult')) }, ...writeErrors },
      },
    },
    '/api/ingest/url': {
      post: {
        summary: 'Fetch a page (public http(s) only) and store it',
        security: bearer,
        requestBody: { required: true, ...json({ type: 'object', required: ['url'], additionalProperties: false, properties: { url: { type: 'string', format: 'uri' } } }) },
        responses: {
          '201': { description: 'stored', ...json(ref('IngestResult')) },
          '200': { description: 'already stored', ...json(ref('IngestResult')) },
          ...writeErrors,
          '502': error('the fetch failed (`fetch_failed`, `too_many_redirects`)'),
          '504': error('the fetch timed out'),
        },
      },
    },
    '/api/feeds': {
      get: {
        summary: 'Watched feeds with their health: last poll and success, HTTP status, blocked by robots.txt, next poll, failures',
        responses: { '200': { description: 'the feeds, by URL', ...json({ type: 'object', required: ['feeds'], properties: { feeds: { type: 'array', items: ref('FeedHealth') } } }) } },
      },
    },
    '/api/feeds.opml': {
      get: {
        summary: 'The watched feeds as an OPML 2.0 subscription list',
        responses: { '200': { description: 'OPML', content: { 'text/x-opml': { schema: { type: 'string' } } } } },
      },
    },
    '/api/follows': {
      get: { summary: 'Saved searches, followed stories and entities', responses: { '200': { description: 'the follows', ...json({ type: 'object', properties: { follows: { type: 'array', items: ref('Follow') } } }) } } },
      post: {
        summary: 'Follow a search (`target`: the query), a story (its id) or an entity (its name); what matches now is taken as seen',
        security: bearer,
        requestBody: { required: true, ...json({ type: 'object', required: ['kind', 'target'], properties: { kind: { type: 'string', enum: ['search', 'story', 'entity'] }, target: { type: ['string', 'integer'] }, label: { type: 'string' } } }) },
        responses: { '201': { description: 'the follow, with the paths of its feeds', ...json(ref('Follow')) }, '404': error('no such story'), ...writeErrors },
      },
    },
    '/api/follows/{id}': {
      get: {
        summary: 'A follow with its events, newest first',
        parameters: [idParam('follow'), query('limit', 'events (1–500)', { type: 'integer', default: 50 })],
        responses: { '200': { description: 'the follow and `events`', ...json({ allOf: [ref('Follow'), { type: 'object', properties: { events: { type: 'array', items: ref('FollowEvent') } } }] }) }, '404': error('no such follow') },
      },
      delete: { summary: 'Stop following (its events and webhooks go too)', security: bearer, parameters: [idParam('follow')], responses: { '204': { description: 'deleted' }, '404': error('no such follow'), '401': error('missing or wrong bearer token') } },
    },
    '/api/follows/{id}/feed.json': {
      get: { summary: 'The follow as a JSON Feed 1.1 (plain text items)', parameters: [idParam('follow')], responses: { '200': { description: 'JSON Feed', content: { 'application/feed+json': { schema: { type: 'object' } } } }, '404': error('no such follow') } },
    },
    '/api/follows/{id}/feed.xml': {
      get: { summary: 'The follow as an RSS 2.0 feed', parameters: [idParam('follow')], responses: { '200': { description: 'RSS', content: { 'application/rss+xml': { schema: { type: 'string' } } } }, '404': error('no such follow') } },
    },
    '/api/webhooks': {
      get: { summary: 'Webhooks (secrets never shown)', security: bearer, responses: { '200': { description: 'the webhooks', ...json({ type: 'object', properties: { webhooks: { type: 'array', items: ref('Webhook') } } }) }, '401': error('missing or wrong bearer token') } },
      post: {
        summary: `POST each event of a follow (or of every follow) to a URL, signed: header \`X-Crosscheck-Signature-256: sha256=<hex HMAC-SHA256 of the body under the secret>\`; retried with exponential backoff`,
        security: bearer,
        requestBody: {
          required: true,
          ...json({
            type: 'object',
            required: ['url', 'secret'],
            properties: { url: { type: 'string', format: 'uri' }, secret: { type: 'string', minLength: 16 }, followId: { type: 'integer' }, events: { type: 'array', items: { type: 'string', enum: ['new_story', 'new_disagreement', 'updated_counts'] } } },
          }),
        },
        responses: { '201': { description: 'the webhook', ...json(ref('Webhook')) }, '404': error('no such follow'), ...writeErrors },
      },
    },
    '/api/webhooks/{id}': {
      delete: { summary: 'Delete a webhook', security: bearer, parameters: [idParam('webhook')], responses: { '204': { description: 'deleted' }, '404': error('no such webhook'), '401': error('missing or wrong bearer token') } },
    },
    '/api/webhooks/{id}/deliveries': {
      get: {
        summary: 'The delivery log of a webhook, newest first: status (pending, delivered, failed), attempts, last HTTP status and error, next attempt',
        security: bearer,
        parameters: [idParam('webhook'), query('limit', 'deliveries (1–500)', { type: 'integer', default: 50 })],
        responses: { '200': { description: 'deliveries', ...json({ type: 'object', properties: { deliveries: { type: 'array', items: ref('Delivery') } } }) }, '401': error('missing or wrong bearer token'), '404': error('no such webhook') },
      },
    },
    '/api/events': {
      get: {
        summary: 'Server-Sent Events: `article` when an article is stored and assigned to a story (by this server, the watcher or the CLI)',
        responses: { '200': { description: 'an event stream; `data` of `article` events is an ArticleEvent', content: { 'text/event-stream': { schema: ref('ArticleEvent') } } } },
      },
    },
    '/api/openapi.json': { get: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1', ...json({ type: 'object' }) } } } },
  },
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'the CROSSCHECK_TOKEN the server was started with' } },
    schemas: {
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
        description: 'See docs/fact-sheet-schema.md: version, story, articles, summary, entities, quotes, figures, timeline, coverage.',
        required: ['version', 'story', 'articles', 'summary', 'entities', 'quotes', 'figures', 'timeline', 'coverage'],
      },
      Outlet: {
        type: 'object',
        properties: { name: { type: 'string' }, articles: { type: 'integer' }, stories: { type: 'integer' }, firstPublished: nullable('string'), lastPublished: nullable('string') },
      },
      Entity: {
        type: 'object',
        properties: { name: { type: 'string' }, kind: { type: 'string', enum: ['person', 'place', 'organisation'] }, stories: { type: 'integer' }, mentions: { type: 'integer' } },
      },
      NewArticle: {
        type: 'object',
        additionalProperties: false,
        description: 'Exactly one of `text` and `html`.',
        properties: {
          url: { type: 'string', format: 'uri' },
          title: { type: 'string' },
          text: { type: 'string' },
          html: { type: 'string' },
          source: { type: 'string', description: 'outlet name' },
          published: { type: 'string', description: 'ISO 8601 date or date-time' },
          language: { type: 'string' },
          id: { type: 'string', description: 'your id for the article' },
        },
      },
      IngestResult: {
        type: 'object',
        required: ['status', 'articleId', 'storyId', 'isNewStory'],
        properties: { status: { type: 'string', enum: ['new', 'known'] }, articleId: { type: 'integer' }, storyId: nullable('integer'), isNewStory: { type: 'boolean' }, title: nullable('string'), source: nullable('string') },
      },
      FeedHealth: {
        type: 'object',
        required: ['url', 'health', 'nextPollAt', 'isBlockedByRobots', 'consecutiveFailures', 'articlesFound'],
        properties: {
          url: { type: 'string', format: 'uri' },
          title: nullable('string'),
          health: { type: 'string', enum: ['ok', 'failing', 'blocked', 'pending'] },
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
          target: { type: 'string' },
          label: { type: 'string' },
          createdAt: { type: 'string' },
          feeds: { type: 'object', properties: { json: { type: 'string' }, rss: { type: 'string' } } },
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
          data: { type: 'object', description: 'the webhook payload: follow, story (id, title, counts), previous counts or the disagreement (caption, values with outlets, digest)' },
          createdAt: { type: 'string' },
        },
      },
      Webhook: {
        type: 'object',
        properties: { id: { type: 'integer' }, url: { type: 'string' }, followId: nullable('integer'), events: { type: 'array', items: { type: 'string' } }, createdAt: { type: 'string' } },
      },
      Delivery: {
        type: 'object',
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
      ArticleEvent: {
        type: 'object',
        properties: { type: { const: 'article' }, seq: { type: 'integer' }, articleId: { type: 'integer' }, storyId: { type: 'integer' }, isNewStory: { type: 'boolean' }, title: nullable('string'), source: nullable('string') },
      },
    },
  },
} as const;
