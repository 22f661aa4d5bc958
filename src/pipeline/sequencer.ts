import { hostname } from 'node:os';
import { CrosscheckError, isCrosscheckError } from '../core/errors.js';
import { LeaderLock, type PostgresJobs, type PostgresStore, type StoreTx } from '../store/index.js';
import { ASSIGN_CHUNK_SIZE } from './live.js';
import { STATE_SAVE_EVERY, StoryPipeline } from './stories.js';

/** The sequencer's advisory lock (ASCII 'ccsq'), beside the store's own keys. */
export const SEQUENCER_LOCK_KEY = 0x63637371;

export interface SequencerOptions {
  /** Who leads, for `crosscheck jobs` (default host and process id). */
  name?: string;
  /**
   * Articles per batch. Batches end where the sequence reaches a multiple of it, and the stories
   * are re-checked (settled) there, so that the stories depend on the sequence only, not on how
   * fast the workers stored the articles.
   */
  batchSize?: number;
  /** The server ends a leader's lock session silent for this long (paused, cut off), ms. */
  leaseMs?: number;
  /** How often an idle leader looks for new articles, ms. */
  pollMs?: number;
  now?: () => Date;
  log?: (line: string) => void;
}

export interface StepResult {
  assigned: number;
  /** The stories were re-checked in this batch. */
  settled: boolean;
  /** The last assignment's sequence number after the batch. */
  seq: number;
}

const DEFAULT_LEASE_MS = 10_000;

/**
 * The one process that applies copy detection and story assignment (they depend on order) for
 * every worker: in batches, in the order of the sequence (article ids, which the store gives in
 * commit order), with the same {@link StoryPipeline} as one SQLite process.
 *
 * Leadership is a PostgreSQL advisory lock on a session of its own ({@link LeaderLock}); a
 * standby blocks on it. A new leader moves the fence's term; every batch locks the fence row,
 * checks that the term is its own and that the position is where its batch starts, and moves the
 * position in the same transaction. A paused old leader that wakes up finds another term and
 * writes nothing.
 */
export class Sequencer {
  private pipeline: StoryPipeline | null = null;
  private known: { seq: number; epoch: number } = { seq: -1, epoch: -1 };
  private term = -1;
  /** Assignments since the last re-check: an idle leader re-checks once the input is drained. */
  private unsettled = true;
  readonly name: string;
  private readonly batchSize: number;
  private readonly now: () => Date;
  private readonly log: (line: string) => void;

  constructor(
    private readonly store: PostgresStore,
    private readonly jobs: PostgresJobs,
    private readonly options: SequencerOptions = {},
  ) {
    this.name = options.name ?? `${hostname()}:${process.pid}`;
    this.batchSize = Math.max(1, Math.floor(options.batchSize ?? ASSIGN_CHUNK_SIZE));
    this.now = options.now ?? (() => new Date());
    this.log = options.log ?? (() => undefined);
  }

  /** Blocks until this process holds the lock, then takes over the fence (a new term). */
  async lead(signal?: AbortSignal): Promise<LeaderLock> {
    const lock = await LeaderLock.acquire(this.store, { key: SEQUENCER_LOCK_KEY, idleTimeoutMs: this.options.leaseMs ?? DEFAULT_LEASE_MS, ...(signal ? { signal } : {}) });
    try {
      await this.takeOver();
    } catch (error) {
      await lock.release();
      throw error;
    }
    return lock;
  }

  /** Moves the fence to a new term of this process's: from now on, only this process's batches commit. */
  async takeOver(): Promise<number> {
    const at = this.now().toISOString();
    this.term = await this.jobs.transaction(async (q) => {
      const fence = await q.lockFence();
      await q.setFence({ term: fence.term + 1, position: fence.position, leader: this.name }, at);
      return fence.term + 1;
    });
    this.pipeline = null;
    this.known = { seq: -1, epoch: -1 };
    this.unsettled = true;
    this.log(`sequencer ${this.name}: leading (term ${this.term})`);
    return this.term;
  }

  /**
   * Assigns the next batch of stored articles, in sequence order, as one transaction fenced by
   * this leader's term and the position it starts from; throws `fenced` (writing nothing) when
   * another leader took over.
   */
  async step(): Promise<StepResult> {
    try {
      return await this.jobs.transaction(async (q) => {
        const fence = await q.lockFence();
        if (fence.term !== this.term) {
          throw new CrosscheckError('fenced', 'pipeline', `sequencer ${this.name}: term ${this.term} ended (now term ${fence.term}, ${fence.leader ?? 'unknown'}); this batch was not written`);
        }
        const tx = q.store;
        const at = this.now().toISOString();
        const pipeline = await this.current(tx);
        await pipeline.saveKeys(tx);
        const from = await tx.events.maxSeq();
        const room = this.batchSize - (from % this.batchSize);
        const ids = await q.unassignedAfter(fence.position, room);
        const touched = new Set<number>();
        for (const article of await tx.articles.getMany(ids)) {
          const result = await pipeline.process(tx, article, at);
          touched.add(result.storyId);
          this.unsettled = true;
        }
        const seq = await tx.events.maxSeq();
        let settled = false;
        // Re-checks at the sequence's batch boundaries, and when the input is drained (no document waiting for extraction).
        const boundary = ids.length > 0 && seq % this.batchSize === 0;
        const drained = ids.length === 0 && this.unsettled && (await q.inboxPending()) === 0;
        if (boundary || drained) {
          const changes = await pipeline.settle(tx, at);
          for (const id of changes.touched) touched.add(id);
          settled = true;
          this.unsettled = false;
        }
        if (pipeline.unsaved >= STATE_SAVE_EVERY || (drained && pipeline.unsaved > 0)) await pipeline.save(tx, at);
        for (const storyId of touched) {
          const live = await tx.stories.liveId(storyId);
          if (live !== null) await q.send('sheet', { storyId: live });
        }
        await q.setFence({ term: this.term, position: ids.at(-1) ?? fence.position, leader: this.name }, at);
        if (seq > from || settled) await q.notifyAssigned(seq);
        this.known = { seq, epoch: await tx.events.epoch() };
        return { assigned: ids.length, settled, seq };
      });
    } catch (error) {
      // The in-memory indexes may hold what the rolled-back transaction did: load them again next time.
      this.pipeline = null;
      this.known = { seq: -1, epoch: -1 };
      throw error;
    }
  }

  /** The pipeline as of the store's last assignment: caught up with assignments made elsewhere, or loaded again. */
  private async current(tx: StoreTx): Promise<StoryPipeline> {
    const seq = await tx.events.maxSeq();
    const sameHistory = this.pipeline !== null && seq >= this.known.seq && (await tx.events.epoch()) === this.known.epoch;
    if (this.pipeline && sameHistory && seq === this.known.seq) return this.pipeline;
    if (this.pipeline && sameHistory) await this.pipeline.catchUp(tx, this.known.seq);
    else this.pipeline = await StoryPipeline.load(tx);
    return this.pipeline;
  }

  /**
   * Leads and assigns until `signal` aborts: waits for the lock (a standby), assigns batches while
   * it leads, and waits again when it loses the lock or is fenced. A write that failed for a
   * passing reason (the server restarting, the store busy) is tried again.
   */
  async run(signal: AbortSignal): Promise<void> {
    const pollMs = this.options.pollMs ?? 500;
    while (!signal.aborted) {
      let lock: LeaderLock;
      try {
        lock = await this.lead(signal);
      } catch (error) {
        if (signal.aborted) return;
        this.log(`sequencer ${this.name}: ${(error as Error).message}; trying again`);
        await sleep(1000, signal);
        continue;
      }
      try {
        while (!signal.aborted && !lock.lost) {
          let result: StepResult;
          try {
            result = await this.step();
          } catch (error) {
            if (isCrosscheckError(error) && error.code === 'fenced') {
              this.log(error.message);
              break;
            }
            if (isCrosscheckError(error) && (error.code === 'store_busy' || error.code === 'unreadable')) {
              this.log(`sequencer ${this.name}: ${error.message}`);
              await sleep(1000, signal);
              continue;
            }
            throw error;
          }
          if (result.assigned === 0) await sleep(pollMs, signal);
        }
      } finally {
        const lost = lock.lost;
        await lock.release();
        if (lost && !signal.aborted) this.log(`sequencer ${this.name}: no longer leading (${lost.message}); waiting to lead again`);
      }
    }
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
