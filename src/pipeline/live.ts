import type { RawDocument } from '../core/types.js';
import type { NewArticle, StorePort, StoreTx } from '../store/index.js';
import { CrosscheckError } from '../core/errors.js';
import { buildArticle } from './ingest.js';
import { shiftSavedState, StoryPipeline, STATE_SAVE_EVERY, type ProcessedArticle } from './stories.js';

/**
 * How many articles one transaction assigns: short enough that another writer waits
 * milliseconds for its turn, and a killed run loses at most this much work.
 */
export const ASSIGN_CHUNK_SIZE = 100;

export type LiveResult =
  | { status: 'new'; id: number; title: string | null; source: string | null; story: ProcessedArticle }
  | { status: 'known'; id: number; by: 'text' | 'canonical_url'; storyId: number | null; title: string | null; source: string | null };

export interface AssignSummary {
  processed: number;
  newStories: number;
  copies: number;
  merges: number;
  results: ProcessedArticle[];
}

export interface AssignerOptions {
  now?: () => Date;
}

/**
 * The one ingest-and-assign path, used by `crosscheck ingest`, `crosscheck watch`, the API and
 * `serve --watch`. Keeps the story pipeline (copy index, copy groups, clusterer) in memory between
 * calls and writes through short transactions:
 *
 * - extraction happens before the transaction; the transaction stores, detects copies and assigns;
 * - before it works, the in-memory state catches up with what other writers (processes) assigned
 *   since (a replay of their assignments), or is loaded again after a recluster or a failed write;
 * - one rule for saving state: the clusterer's state is saved in the transaction that brings the
 *   assignments since the last save to {@link STATE_SAVE_EVERY}, at the end of
 *   {@link assignPending}, and on {@link close}; a load replays whatever came after the last save.
 */
export class StoryAssigner {
  private pipeline: StoryPipeline | null = null;
  /** The last assignment the in-memory state covers, and the store's epoch then (to notice a recluster by another process). */
  private known: { seq: number; epoch: number } = { seq: -1, epoch: -1 };
  private readonly now: () => Date;

  constructor(
    private readonly store: StorePort,
    options: AssignerOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Extracts, stores and assigns one document, in one transaction (the store never holds the
   * article without its story). Throws a CrosscheckError (`no_content`) naming the input when the
   * document has no article.
   */
  async ingest(doc: RawDocument): Promise<LiveResult> {
    const at = this.now();
    const record = buildArticle(doc, at);
    return this.ingestRecord(record, at);
  }

  /** Stores and assigns an article already extracted (see {@link buildArticle}). */
  async ingestRecord(record: NewArticle, at: Date = this.now()): Promise<LiveResult> {
    return this.write(async (tx, pipeline) => {
      const inserted = await tx.articles.insert(record);
      if (inserted.status === 'known') {
        const known = await tx.articles.get(inserted.id);
        return {
          status: 'known',
          id: inserted.id,
          by: inserted.by,
          storyId: await tx.stories.ofArticle(inserted.id),
          title: known?.title ?? null,
          source: known?.source ?? null,
        };
      }
      const article = await tx.articles.get(inserted.id);
      if (!article) throw new Error(`article #${inserted.id} vanished inside its own transaction`);
      const story = await pipeline.process(tx, article, at.toISOString());
      return { status: 'new', id: inserted.id, title: article.title, source: article.source, story };
    });
  }

  /**
   * Assigns every stored article that has no story yet (what a batch ingest stored, or an
   * interrupted run left), in order of publication, one short transaction per
   * {@link ASSIGN_CHUNK_SIZE} articles; safe to interrupt and run again, and beside other writers.
   */
  async assignPending(options: { signal?: AbortSignal } = {}): Promise<AssignSummary> {
    const summary: AssignSummary = { processed: 0, newStories: 0, copies: 0, merges: 0, results: [] };
    for (;;) {
      if (options.signal?.aborted) break;
      const done = await this.write(async (tx, pipeline) => {
        const ids = await tx.articles.pendingIds(ASSIGN_CHUNK_SIZE);
        const at = this.now().toISOString();
        for (const article of await tx.articles.getMany(ids)) {
          const result = await pipeline.process(tx, article, at);
          summary.processed++;
          if (result.isNewStory) summary.newStories++;
          if (result.copies.length > 0) summary.copies++;
          if (result.merged) summary.merges++;
          summary.results.push(result);
        }
        if (ids.length > 0) await pipeline.settle(tx, at);
        const last = ids.length < ASSIGN_CHUNK_SIZE;
        if (last && pipeline.unsaved > 0) await pipeline.save(tx, at);
        return last;
      });
      if (done) break;
    }
    return summary;
  }

  /**
   * Re-checks the stories that changed since the last re-check (the clusterer does so every few
   * arrivals by itself) and writes what moved: call when a run of arrivals ends (a batch, a poll
   * of the feeds, a pause in API writes), so that the stories do not depend on arrival order.
   */
  async settle(): Promise<void> {
    await this.write(async (tx, pipeline) => {
      await pipeline.settle(tx, this.now().toISOString());
    });
  }

  /** Re-checks the stories that changed and saves the in-memory story state when it covers assignments not saved yet; call when stopping. */
  async close(): Promise<void> {
    if (!this.pipeline) return;
    await this.write(async (tx, pipeline) => {
      const at = this.now().toISOString();
      await pipeline.settle(tx, at);
      if (pipeline.unsaved > 0) await pipeline.save(tx, at);
    });
  }

  /** One write transaction with the pipeline caught up with the store; on failure the in-memory state is dropped. */
  private async write<T>(fn: (tx: StoreTx, pipeline: StoryPipeline) => Promise<T>): Promise<T> {
    try {
      return await this.store.transaction(async (tx) => {
        const pipeline = await this.current(tx);
        await pipeline.saveKeys(tx);
        const result = await fn(tx, pipeline);
        if (pipeline.unsaved >= STATE_SAVE_EVERY) await pipeline.save(tx, this.now().toISOString());
        const seq = await tx.events.maxSeq();
        this.known = { seq, epoch: await tx.events.epoch() };
        return result;
      });
    } catch (error) {
      // The in-memory indexes may hold what the rolled-back transaction did: rebuild them next time.
      this.pipeline = null;
      this.known = { seq: -1, epoch: -1 };
      throw error;
    }
  }

  /** The pipeline as of the store's last assignment: caught up with other writers' assignments, or loaded again. */
  private async current(tx: StoreTx): Promise<StoryPipeline> {
    const seq = await tx.events.maxSeq();
    const sameHistory = this.pipeline !== null && seq >= this.known.seq && (await tx.events.epoch()) === this.known.epoch;
    if (this.pipeline && sameHistory && seq === this.known.seq) return this.pipeline;
    if (this.pipeline && sameHistory) await this.pipeline.catchUp(tx, this.known.seq);
    else this.pipeline = await StoryPipeline.load(tx);
    return this.pipeline;
  }
}

/** Assigns every stored article that has no story yet: {@link StoryAssigner.assignPending}, then its state saved. */
export async function assignPendingStories(store: StorePort, options: { now?: () => Date; signal?: AbortSignal } = {}): Promise<AssignSummary> {
  const assigner = new StoryAssigner(store, options.now ? { now: options.now } : {});
  const summary = await assigner.assignPending(options.signal ? { signal: options.signal } : {});
  await assigner.close();
  return summary;
}

/**
 * Assigns every stored article again from scratch, as one step: the new copy relations and
 * stories are built beside the live ones (which readers and other writers go on using) and swapped
 * in at the end, with the fact sheets and entity index of the old stories cleared; a recluster
 * killed part way leaves the old stories as they were. New story ids start above every id given
 * before. Articles stored or assigned by other writers meanwhile are assigned after the swap.
 */
export async function reclusterAll(store: StorePort, options: { now?: () => Date; signal?: AbortSignal } = {}): Promise<AssignSummary> {
  const summary = await store.rebuildDerived(
    async (scratch) => {
      const built = await assignPendingStories(scratch, options);
      if (options.signal?.aborted) throw new CrosscheckError('interrupted', 'pipeline', `${store.location}: recluster interrupted; the stories stay as they were`);
      return built;
    },
    { shiftState: shiftSavedState },
  );
  const late = await assignPendingStories(store, options);
  return {
    processed: summary.processed + late.processed,
    newStories: summary.newStories + late.newStories,
    copies: summary.copies + late.copies,
    merges: summary.merges + late.merges,
    results: [...summary.results, ...late.results],
  };
}
