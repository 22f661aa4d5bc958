/**
 * The extraction worker: receives documents from the pool (pool.ts), extracts them, answers.
 * One document at a time; the pool terminates the thread when a document runs over its budget.
 */
import type { ExtractedArticle } from '../core/types.js';
import { serveWorkerJobs } from '../core/worker-pool.js';
import { extractDocument } from './document.js';
import type { WorkerRequest } from './pool.js';

serveWorkerJobs<WorkerRequest, ExtractedArticle | null>((request) => extractDocument(request.doc, request.options));
