/** The pipeline: composes the stages (read → extract → store → dedup → cluster …) for the CLI and the server. */
export { buildArticle, buildArticleIn, ingestDocuments, INGEST_BATCH_SIZE, INGEST_BATCH_MS } from './ingest.js';
export type { IngestEvent, IngestFailure, IngestOptions, IngestSummary } from './ingest.js';
export { StoryPipeline, CLUSTER_STATE_NAME, COPY_WINDOW_DAYS, STATE_SAVE_EVERY } from './stories.js';
export type { ProcessedArticle } from './stories.js';
export { assignPendingStories, reclusterAll, StoryAssigner, ASSIGN_CHUNK_SIZE, type AssignSummary, type AssignerOptions, type LiveResult } from './live.js';
export { CACHE_WRITE_DEADLINE_MS, factSheetArticles, saveBuiltAnalyses, sheetBuildInput, storyFactSheet, toFactSheetArticle, writeCache } from './fact-sheet.js';
export { buildSheet, sheetAnswerJson, sheetCacheKey, SHEET_BUILDER_VERSION, type SheetBuildInput, type SheetBuildOutput, type SheetEntityRow, type SheetFreshness } from './sheet-build.js';
export {
  createSheetPool,
  defaultSheetThreads,
  DEFAULT_SHEET_BUILD_MS,
  DEFAULT_SHEET_MEMORY_MB,
  INLINE_SHEET_BUILDER,
  type SheetBuilder,
  type SheetPoolOptions,
} from './sheet-pool.js';
export { storyGroupCoverage } from './outlets.js';
export { Sequencer, SEQUENCER_LOCK_KEY, type SequencerOptions, type StepResult } from './sequencer.js';
export { enqueueDocuments, JobHandlers, startWorkers, type WorkerOptions } from './workers.js';
