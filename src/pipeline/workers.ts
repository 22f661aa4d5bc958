import { analyzeArticle, ARTICLE_ANALYSIS_VERSION, FACT_SHEET_VERSION } from '../analyze/index.js';
import { isCrosscheckError } from '../core/errors.js';
import type { RawDocument } from '../core/types.js';
import type { JobKind, PostgresJobs, PostgresStore } from '../store/index.js';
import { factSheetArticles, saveBuiltAnalyses, sheetBuildInput, toFactSheetArticle } from './fact-sheet.js';
import { buildArticle } from './ingest.js';
import { buildSheet, sheetCacheKey, SHEET_BUILDER_VERSION } from './sheet-build.js';

export interface WorkerOptions {
  /** Jobs run at once by this process (each kind gets this many). */
  concurrency?: number;
  /** The kinds this process takes (default all). */
  kinds?: readonly JobKind[];
  now?: () => Date;
  /** Told of each job done or failed. */
  onJob?: (event: { kind: JobKind; id: string; outcome: 'done' | 'skipped' | 'failed'; detail: string }) => void;
}

/** Puts documents in the inbox, each with its extraction job, in one transaction; returns their inbox ids. */
export async function enqueueDocuments(jobs: PostgresJobs, docs: readonly RawDocument[], now: Date = new Date()): Promise<number[]> {
  return jobs.transaction(async (q) => {
    const ids: number[] = [];
    for (const doc of docs) {
      const id = await q.inboxPut(doc, now.toISOString());
      await q.send('extract', { inboxId: id });
      ids.push(id);
    }
    return ids;
  });
}

/**
 * The work of the job kinds. Every job can run again (a worker killed mid-job, an expired
 * attempt) without doubling anything: extraction stores an article once (by its text) and marks
 * its inbox row in the same transaction, analyses and fact sheets are keyed by version and
 * article set.
 */
export class JobHandlers {
  private readonly now: () => Date;

  constructor(
    private readonly store: PostgresStore,
    private readonly jobs: PostgresJobs,
    options: { now?: () => Date } = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  /** Extracts an inbox document and stores its article, sending its analysis job; a document without an article is marked with why. */
  async extract(inboxId: number): Promise<'done' | 'skipped'> {
    const row = await this.jobs.inbox(inboxId);
    if (!row || row.doneAt !== null) return 'skipped';
    const at = this.now();
    let record: ReturnType<typeof buildArticle> | null = null;
    let failure: string | null = null;
    try {
      record = buildArticle(row.doc, at);
    } catch (error) {
      // A document without an article fails for good: recorded, not retried.
      if (!isCrosscheckError(error)) throw error;
      failure = `${error.code}: ${error.message}`;
    }
    return this.jobs.transaction(async (q) => {
      const again = await q.inboxGet(inboxId);
      if (!again || again.doneAt !== null) return 'skipped';
      if (!record) {
        await q.inboxDone(inboxId, { articleId: null, error: failure }, at.toISOString());
        return 'done';
      }
      const inserted = await q.store.articles.insert(record);
      await q.inboxDone(inboxId, { articleId: inserted.id, error: null }, at.toISOString());
      if (inserted.status === 'new') await q.send('analyze', { articleId: inserted.id });
      return 'done';
    });
  }

  /** Computes and stores an article's analysis (what every fact sheet citing it reuses), once per version. */
  async analyze(articleId: number): Promise<'done' | 'skipped'> {
    const stored = await this.store.analyses.get([articleId], ARTICLE_ANALYSIS_VERSION);
    if (stored.has(articleId)) return 'skipped';
    const article = await this.store.articles.get(articleId);
    if (!article) return 'skipped';
    const analysis = analyzeArticle(toFactSheetArticle(article, article.id));
    await this.store.transaction((tx) => tx.analyses.put([{ articleId, data: JSON.stringify(analysis) }], ARTICLE_ANALYSIS_VERSION));
    return 'done';
  }

  /** Builds and caches a story's fact sheet, unless the cached one is of its current articles. */
  async sheet(storyId: number): Promise<'done' | 'skipped'> {
    const story = await this.store.stories.get(storyId);
    if (!story) return 'skipped';
    const articles = await factSheetArticles(this.store, story.id);
    if (articles.length === 0) return 'skipped';
    const key = sheetCacheKey(
      SHEET_BUILDER_VERSION,
      articles.map((a) => a.id).sort((x, y) => x - y),
    );
    if ((await this.store.factSheets.get(story.id))?.key === key) return 'skipped';
    const builtAt = this.now().toISOString();
    const output = buildSheet({ ...(await sheetBuildInput(this.store, { id: story.id, title: story.title }, articles)), builtAt });
    await saveBuiltAnalyses(this.store, output);
    await this.store.transaction((tx) => tx.factSheets.put({ storyId: story.id, key, data: output.json }, FACT_SHEET_VERSION, output.entities, builtAt));
    return 'done';
  }
}

/** Starts taking jobs: `concurrency` at a time of each kind. Stop with `jobs.stop()`. */
export async function startWorkers(store: PostgresStore, jobs: PostgresJobs, options: WorkerOptions = {}): Promise<void> {
  const handlers = new JobHandlers(store, jobs, options.now ? { now: options.now } : {});
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 2));
  const report = options.onJob ?? (() => undefined);
  const wrap = async (kind: JobKind, id: string, detail: string, run: () => Promise<'done' | 'skipped'>): Promise<void> => {
    try {
      report({ kind, id, outcome: await run(), detail });
    } catch (error) {
      report({ kind, id, outcome: 'failed', detail: `${detail}: ${(error as Error).message}` });
      throw error;
    }
  };
  const kinds = options.kinds ?? ['extract', 'analyze', 'sheet'];
  if (kinds.includes('extract')) await jobs.work('extract', concurrency, (data, job) => wrap('extract', job.id, `inbox #${data.inboxId}`, () => handlers.extract(data.inboxId)));
  if (kinds.includes('analyze')) await jobs.work('analyze', concurrency, (data, job) => wrap('analyze', job.id, `article #${data.articleId}`, () => handlers.analyze(data.articleId)));
  if (kinds.includes('sheet')) await jobs.work('sheet', concurrency, (data, job) => wrap('sheet', job.id, `story #${data.storyId}`, () => handlers.sheet(data.storyId)));
}
