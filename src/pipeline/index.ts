/** The pipeline: composes the stages (read → extract → store → …) for the CLI and the server. */
export { buildArticle, ingestDocuments, INGEST_BATCH_SIZE, INGEST_BATCH_MS } from './ingest.js';
export type { IngestEvent, IngestFailure, IngestOptions, IngestSummary } from './ingest.js';
