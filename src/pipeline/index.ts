/** The pipeline: composes the stages (read → extract → store → dedup → cluster …) for the CLI and the server. */
export { buildArticle, ingestDocuments, INGEST_BATCH_SIZE, INGEST_BATCH_MS } from './ingest.js';
export type { IngestEvent, IngestFailure, IngestOptions, IngestSummary } from './ingest.js';
export { assignPendingStories, reclusterAll, StoryPipeline, ASSIGN_CHUNK_SIZE, CLUSTER_STATE_NAME, STATE_SAVE_EVERY } from './stories.js';
export type { AssignSummary, ProcessedArticle } from './stories.js';
export { LiveIngestor, type LiveResult } from './live.js';
export { buildFactSheetCached, cachedAnalyses, factSheetArticles, storyFactSheet } from './fact-sheet.js';
