/**
 * The HTTP API of `crosscheck serve` (hono): JSON endpoints under `/api`, described by the
 * OpenAPI 3.1 document at `/api/openapi.json`, over a {@link CrosscheckService} (one store).
 *
 * - Reads: stories (paged, filtered, FTS5 search), a story with copy groups, its fact sheet (built
 *   in worker threads, cached per article set and builder version in the store and in memory; a
 *   request never waits for a build: the last good sheet marked stale, or 202 with Retry-After), an article with its shared
 *   and own sentences, outlets, entities; `GET /api/events` streams `article` events (SSE).
 * - Writes (`POST /api/articles`, `POST /api/ingest/url`) need the bearer token; bodies are capped
 *   at {@link MAX_BODY_BYTES} and validated with zod.
 * - Follows (saved searches, followed stories and entities) are told of new stories, new
 *   disagreements and updated counts, as JSON Feed, RSS and signed webhooks with a delivery log.
 * - Every error is `{ "error": { "code", "message" } }` with its status (400/401/403/404/413/415/5xx).
 *
 * @example
 * const service = new CrosscheckService({ store });
 * const app = createApp({ service, token: process.env.CROSSCHECK_TOKEN ?? null });
 * const res = await app.request('/api/stories?q=ferry');
 */
export { createApp, CONTENT_SECURITY_POLICY, SSE_HEARTBEAT_MS, type AppOptions } from './app.js';
export { ApiError, errorBody, toApiError, type ApiErrorCode, type ErrorBody } from './errors.js';
export { StoryEvents, EVENT_POLL_MS, type ArticleAssignedEvent } from './events.js';
export {
  FactSheets,
  FACT_SHEET_BUILD_MS,
  FACT_SHEET_DEBOUNCE_MS,
  FACT_SHEET_FAILURE_HOLD_MS,
  FACT_SHEET_MEMORY_ENTRIES,
  FACT_SHEET_QUEUE_LIMIT,
  FACT_SHEET_RETRY_AFTER_S,
  FACT_SHEET_WAIT_MS,
  type CachedSheet,
  type FactSheetsOptions,
  type SheetAnswer,
  type SheetBuildEvent,
} from './fact-sheets.js';
export { documentFromBody, type IngestResult } from './ingest.js';
export { feedHealth, type FeedHealth, type FeedHealthState } from './feeds.js';
export { DEFAULT_FOLLOW_EVENTS, disagreementDigest, disagreementKey, Follows, type FollowView, type FollowsOptions } from './follows.js';
export { followJsonFeed, followRss } from './follow-feeds.js';
export {
  retryDelayMs,
  signPayload,
  SIGNATURE_HEADER,
  WEBHOOK_MAX_ATTEMPTS,
  WEBHOOK_RETRY_BASE_MS,
  WEBHOOK_RETRY_MAX_MS,
  WEBHOOK_TIMEOUT_MS,
  WebhookDispatcher,
  webhookBody,
  type WebhookOptions,
} from './webhooks.js';
export { cslItems, storyExport, type CslItem, type ExportFormat } from './export.js';
export { OPENAPI_DOCUMENT } from './openapi.js';
export {
  DEFAULT_PAGE_SIZE,
  MAX_BODY_BYTES,
  MAX_PAGE_SIZE,
  storyListQuerySchema,
  type NewArticleBody,
  type StoryListQuery,
} from './schemas.js';
export { CrosscheckService, fetchUrlDocument, type ServiceOptions, type UrlFetcher } from './service.js';
export { toFtsQuery, type EntitySummary, type OutletSummary, type SearchMatch, type StoryPage, type StorySummary } from './story-query.js';
export type { ArticleDetail, ArticleSentence, CopyGroup, StoryArticle, StoryDetail } from './views.js';
export { startServer, type RunningServer } from './server.js';
