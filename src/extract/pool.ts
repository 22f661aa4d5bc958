import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { CrosscheckError } from '../core/errors.js';
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

/** Message to a worker. */
export interface WorkerRequest {
  id: number;
  doc: Pick<RawDocument, 'format' | 'content' | 'hints'>;
  options: HtmlExtractOptions;
}

/** A worker's answer; `{ ready: true }` first, once its modules are loaded. */
export type WorkerReply = { id: number; ok: true; article: ExtractedArticle | null } | { id: number; ok: false; message: string } | { ready: true };

interface Job {
  id: number;
  doc: RawDocument;
  maxMs: number;
  resolve: (article: ExtractedArticle | null) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  timer: NodeJS.Timeout | null;
  retired: boolean;
  /** Set once the worker has loaded its modules: a document's budget starts when it is sent, not while the thread starts. */
  ready: boolean;
}

// Run from the sources (tests, tsx) the worker is TypeScript: a bootstrap registers tsx's
// loader in the thread first. Built, it is plain JavaScript.
const IS_SOURCE = import.meta.url.endsWith('.ts');
const WORKER_URL = new URL(IS_SOURCE ? './worker.ts' : './worker.js', import.meta.url);

function startWorker(options: ConstructorParameters<typeof Worker>[1]): Worker {
  if (!IS_SOURCE) return new Worker(WORKER_URL, options);
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL.href)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
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
  const queue: Job[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let running = 0;
  let closed = false;
  const idleWaiters: Array<() => void> = [];

  const notifyIfIdle = (): void => {
    if (queue.length === 0 && running === 0) for (const wake of idleWaiters.splice(0)) wake();
  };

  const retire = (slot: Slot): void => {
    if (slot.retired) return;
    slot.retired = true;
    if (slot.timer) clearTimeout(slot.timer);
    const index = slots.indexOf(slot);
    if (index >= 0) slots.splice(index, 1);
    void slot.worker.terminate();
  };

  const finish = (slot: Slot): Job | null => {
    const job = slot.job;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    if (job) running--;
    return job;
  };

  const fail = (slot: Slot, error: (job: Job) => Error): void => {
    const job = finish(slot);
    retire(slot);
    if (job) job.reject(error(job));
    dispatch();
    notifyIfIdle();
  };

  const spawn = (): Slot => {
    const worker = startWorker({
      resourceLimits: { maxOldGenerationSizeMb: maxMemoryMb, maxYoungGenerationSizeMb: Math.max(4, Math.min(64, Math.floor(maxMemoryMb / 8))) },
    });
    const slot: Slot = { worker, job: null, timer: null, retired: false, ready: false };
    worker.on('message', (reply: WorkerReply) => {
      if ('ready' in reply) {
        slot.ready = true;
        if (slot.job) send(slot, slot.job);
        return;
      }
      const job = finish(slot);
      worker.unref();
      if (job && reply.id === job.id) {
        if (reply.ok) job.resolve(reply.article && job.doc.format === 'html' ? withoutSiteRepeats(reply.article) : reply.article);
        else job.reject(new CrosscheckError('no_content', 'extract', `${describeOrigin(job.doc.origin)}: extraction failed: ${reply.message}`));
      }
      dispatch();
      notifyIfIdle();
    });
    worker.on('error', (error: Error & { code?: string }) => {
      fail(slot, (job) =>
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new CrosscheckError('over_budget', 'extract', `${describeOrigin(job.doc.origin)}: extraction needed more than ${maxMemoryMb} MiB of memory and was cancelled`, { cause: error })
          : new CrosscheckError('no_content', 'extract', `${describeOrigin(job.doc.origin)}: extraction failed: ${error.message}`, { cause: error }),
      );
    });
    worker.on('exit', (code) => {
      if (!slot.retired) fail(slot, (job) => new CrosscheckError('no_content', 'extract', `${describeOrigin(job.doc.origin)}: extraction worker stopped (exit code ${code})`));
    });
    slots.push(slot);
    return slot;
  };

  const withoutSiteRepeats = (article: ExtractedArticle): ExtractedArticle => {
    if (!siteBlocks) return article;
    const { kept } = applySiteBlocks(siteBlocks, siteHost(article.url ?? article.canonicalUrl), article.paragraphs);
    return hasArticleText(kept) && kept.length !== article.paragraphs.length ? { ...article, paragraphs: kept } : article;
  };

  /** Sends a job to its worker and starts its time budget. */
  const send = (slot: Slot, job: Job): void => {
    slot.timer = setTimeout(() => {
      fail(slot, (j) => new CrosscheckError('over_budget', 'extract', `${describeOrigin(j.doc.origin)}: extraction took longer than ${j.maxMs} ms and was cancelled`));
    }, job.maxMs);
    const content = job.doc.format === 'html' && job.doc.content.length > maxChars ? job.doc.content.slice(0, maxChars) : job.doc.content;
    const request: WorkerRequest = { id: job.id, doc: { format: job.doc.format, content, hints: job.doc.hints }, options: { maxChars, maxDepth } };
    slot.worker.postMessage(request);
  };

  const dispatch = (): void => {
    while (queue.length > 0) {
      let slot = slots.find((s) => s.job === null && !s.retired);
      if (!slot && slots.length < threads) slot = spawn();
      if (!slot) return;
      const job = queue.shift() as Job;
      slot.job = job;
      running++;
      slot.worker.ref();
      // A worker still starting gets its job when it says it is ready.
      if (slot.ready) send(slot, job);
    }
  };

  return {
    extract(doc, budget) {
      if (closed) return Promise.reject(new CrosscheckError('invalid_argument', 'extract', `${describeOrigin(doc.origin)}: the extraction pool is closed`));
      return new Promise<ExtractedArticle | null>((resolve, reject) => {
        queue.push({ id: nextId++, doc, maxMs: budget?.maxMsPerDocument ?? maxMs, resolve, reject });
        dispatch();
      });
    },
    get pending() {
      return queue.length + running;
    },
    threads,
    async close() {
      closed = true;
      if (queue.length > 0 || running > 0) await new Promise<void>((wake) => idleWaiters.push(wake));
      await Promise.all(slots.splice(0).map(async (slot) => {
        slot.retired = true;
        await slot.worker.terminate();
      }));
    },
  };
}
