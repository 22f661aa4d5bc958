import { availableParallelism } from 'node:os';
import { CrosscheckError, isCrosscheckError } from '../core/errors.js';
import { createWorkerPool } from '../core/worker-pool.js';
import { describeOrigin, type ExtractedArticle, type RawDocument } from '../core/types.js';
import { hasArticleText, type HtmlExtractOptions } from './html.js';
import { applySiteBlocks, createSiteBlocks, siteHost, type SiteBlocks } from './site-blocks.js';
import { MAX_NESTING_DEPTH } from './slim.js';
import { MAX_HTML_CHARS } from './tree.js';

/** A document taking longer than this (wall clock, in its worker) is cancelled. */
export const DEFAULT_MS_PER_DOCUMENT = 10_000;
/** Heap of one worker: a document needing more is cancelled. Far above what a 3 MB page needs. */
export const DEFAULT_MEMORY_MB = 512;

/** Budgets and size of an extraction pool; every field is optional. */
export interface ExtractionPoolOptions {
  /** Worker threads (default: one per core). */
  threads?: number;
  /** Wall-clock budget per document, in milliseconds (default DEFAULT_MS_PER_DOCUMENT). */
  maxMsPerDocument?: number;
  /** Nesting depth kept; deeper markup is flattened, its text kept (default MAX_NESTING_DEPTH). */
  maxDepth?: number;
  /** Characters of a page read; the rest is not looked at (default MAX_HTML_CHARS). */
  maxChars?: number;
  /** Heap of each worker in MiB; a document needing more is cancelled (default DEFAULT_MEMORY_MB). */
  maxMemoryMb?: number;
  /** Memory of the blocks each site repeats on its pages (default: a new one; null: none). */
  siteBlocks?: SiteBlocks | null;
}

/** Extraction off the caller's thread, each document within its budget. */
export interface ExtractionPool {
  /**
   * Extracts one document in a worker. Resolves to the article, or null when the document
   * has no article text; rejects with a CrosscheckError naming the input: `over_budget` when
   * the document ran over its time or memory budget (the worker is replaced, other documents
   * go on), `no_content` when extraction failed.
   */
  extract(doc: RawDocument, budget?: { maxMsPerDocument?: number }): Promise<ExtractedArticle | null>;
  /** Documents waiting or being extracted. */
  readonly pending: number;
  /** Worker threads at most. */
  readonly threads: number;
  /** Finishes the documents already submitted, then stops the workers. Later `extract` calls reject. */
  close(): Promise<void>;
}

/** A document as sent to a worker. */
export interface WorkerRequest {
  doc: Pick<RawDocument, 'format' | 'content' | 'hints'>;
  options: HtmlExtractOptions;
}

// Run from the sources (tests, tsx) the worker is TypeScript; built, plain JavaScript.
const WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url);

/** The pool's error, worded for extraction: `input: extraction took longer …`, `input: extraction failed: …`. */
function extractionError(error: unknown, label: string): unknown {
  if (!isCrosscheckError(error) || !error.message.startsWith(`${label}: `)) return error;
  const rest = error.message.slice(label.length + 2);
  if (error.code === 'over_budget') return new CrosscheckError('over_budget', 'extract', `${label}: extraction ${rest}`, { cause: error });
  if (error.code === 'job_failed') return new CrosscheckError('no_content', 'extract', `${label}: extraction failed: ${rest}`, { cause: error });
  return error;
}

/**
 * A pool of extraction workers (worker threads): HTML parsing, article choice and clean-up run
 * off the caller's event loop, on every core, each document within a budget of time, memory,
 * nesting depth and length. A document over its time or memory budget is cancelled (its
 * worker terminated and replaced) with an `over_budget` error naming the input; deeper nesting
 * is flattened and longer input is cut, as documented on the options. Blocks a site repeats
 * are learnt across documents here, in the caller's thread.
 */
export function createExtractionPool(options: ExtractionPoolOptions = {}): ExtractionPool {
  const threads = Math.max(1, Math.floor(options.threads ?? availableParallelism()));
  const maxMs = options.maxMsPerDocument ?? DEFAULT_MS_PER_DOCUMENT;
  const maxChars = options.maxChars ?? MAX_HTML_CHARS;
  const maxDepth = options.maxDepth ?? MAX_NESTING_DEPTH;
  const maxMemoryMb = options.maxMemoryMb ?? DEFAULT_MEMORY_MB;
  const siteBlocks = options.siteBlocks === undefined ? createSiteBlocks() : options.siteBlocks;
  const pool = createWorkerPool<WorkerRequest, ExtractedArticle | null>({ workerUrl: WORKER_URL, stage: 'extract', threads, maxMsPerJob: maxMs, maxMemoryMb });

  const withoutSiteRepeats = (article: ExtractedArticle): ExtractedArticle => {
    if (!siteBlocks) return article;
    const { kept } = applySiteBlocks(siteBlocks, siteHost(article.url ?? article.canonicalUrl), article.paragraphs);
    return hasArticleText(kept) && kept.length !== article.paragraphs.length ? { ...article, paragraphs: kept } : article;
  };

  return {
    async extract(doc, budget) {
      const label = describeOrigin(doc.origin);
      const content = doc.format === 'html' && doc.content.length > maxChars ? doc.content.slice(0, maxChars) : doc.content;
      const request: WorkerRequest = { doc: { format: doc.format, content, hints: doc.hints }, options: { maxChars, maxDepth } };
      try {
        const article = await pool.run(request, { label, ...(budget?.maxMsPerDocument === undefined ? {} : { maxMs: budget.maxMsPerDocument }) });
        return article && doc.format === 'html' ? withoutSiteRepeats(article) : article;
      } catch (error) {
        throw extractionError(error, label);
      }
    },
    get pending() {
      return pool.pending;
    },
    threads,
    close: () => pool.close(),
  };
}
