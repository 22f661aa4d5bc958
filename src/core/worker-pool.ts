import { availableParallelism } from 'node:os';
import { parentPort, Worker } from 'node:worker_threads';
import { CrosscheckError } from './errors.js';

/** Heap of one pool worker, MiB, unless the pool says otherwise: a job needing more is cancelled. */
export const DEFAULT_WORKER_MEMORY_MB = 512;

/** Size and budgets of a worker pool. */
export interface WorkerPoolOptions {
  /** The worker module: it calls {@link serveWorkerJobs}. A `.ts` URL is loaded through tsx (tests, benches). */
  workerUrl: URL;
  /** Stage named in the errors (`extract`, `analyze`, …). */
  stage: string;
  /** Wall-clock budget of one job, ms; a job over it is cancelled (its worker terminated). */
  maxMsPerJob: number;
  /** Worker threads at most (default: one per core). */
  threads?: number;
  /** Heap of each worker, MiB (default {@link DEFAULT_WORKER_MEMORY_MB}). */
  maxMemoryMb?: number;
}

/** Per-job options. */
export interface WorkerJobOptions {
  /** Names the input in errors (`story #12`). */
  label: string;
  /** Overrides the pool's time budget for this job, ms. */
  maxMs?: number;
  /** Aborting cancels the job: dropped when still queued, its worker terminated when running. */
  signal?: AbortSignal;
}

/** Jobs run off the caller's thread, each within its time and memory budget. */
export interface WorkerPool<Request, Result> {
  /**
   * Runs one job in a worker. Rejects with a CrosscheckError naming the label: `over_budget`
   * when the job ran over its time or memory budget, `cancelled` when its signal aborted
   * (the worker is replaced, other jobs go on), `job_failed` when the worker threw.
   */
  run(request: Request, options: WorkerJobOptions): Promise<Result>;
  /** Jobs waiting or running. */
  readonly pending: number;
  readonly threads: number;
  /** Finishes the jobs already submitted, then stops the workers; later `run` calls reject. */
  close(): Promise<void>;
  /** Cancels every job and stops the workers now. */
  terminate(): Promise<void>;
}

/** Message to a worker. */
interface JobMessage<Request> {
  id: number;
  request: Request;
}

/** A worker's answer; `{ ready: true }` first, once its modules are loaded. */
type JobReply<Result> = { id: number; ok: true; result: Result } | { id: number; ok: false; message: string } | { ready: true };

interface Job<Request, Result> {
  id: number;
  request: Request;
  label: string;
  maxMs: number;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | null;
  resolve: (result: Result) => void;
  reject: (error: Error) => void;
}

interface Slot<Request, Result> {
  worker: Worker;
  job: Job<Request, Result> | null;
  timer: NodeJS.Timeout | null;
  retired: boolean;
  /** Set once the worker has loaded its modules: a job's budget starts when it is sent, not while the thread starts. */
  ready: boolean;
}

function startWorker(url: URL, options: ConstructorParameters<typeof Worker>[1]): Worker {
  // Run from the sources (tests, tsx) the worker is TypeScript: a bootstrap registers tsx's
  // loader in the thread first. Built, it is plain JavaScript.
  if (!url.pathname.endsWith('.ts')) return new Worker(url, options);
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}

/**
 * A pool of worker threads running one kind of job: requests are queued, each runs in a free
 * worker within a wall-clock and heap budget; a job over its budget, or cancelled by its signal,
 * has its worker terminated and replaced, and the other jobs go on. Workers are started on
 * demand and do not keep the process alive while idle.
 */
export function createWorkerPool<Request, Result>(options: WorkerPoolOptions): WorkerPool<Request, Result> {
  const threads = Math.max(1, Math.floor(options.threads ?? availableParallelism()));
  const maxMemoryMb = options.maxMemoryMb ?? DEFAULT_WORKER_MEMORY_MB;
  const { stage } = options;
  type J = Job<Request, Result>;
  type S = Slot<Request, Result>;
  const queue: J[] = [];
  const slots: S[] = [];
  let nextId = 1;
  let running = 0;
  let closed = false;
  const idleWaiters: Array<() => void> = [];

  const notifyIfIdle = (): void => {
    if (queue.length === 0 && running === 0) for (const wake of idleWaiters.splice(0)) wake();
  };

  const settle = (job: J): void => {
    if (job.onAbort && job.signal) job.signal.removeEventListener('abort', job.onAbort);
    job.onAbort = null;
  };

  const retire = (slot: S): void => {
    if (slot.retired) return;
    slot.retired = true;
    if (slot.timer) clearTimeout(slot.timer);
    const index = slots.indexOf(slot);
    if (index >= 0) slots.splice(index, 1);
    void slot.worker.terminate();
  };

  const finish = (slot: S): J | null => {
    const job = slot.job;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    if (job) {
      running--;
      settle(job);
    }
    return job;
  };

  const fail = (slot: S, error: (job: J) => Error): void => {
    const job = finish(slot);
    retire(slot);
    if (job) job.reject(error(job));
    dispatch();
    notifyIfIdle();
  };

  const spawn = (): S => {
    const worker = startWorker(options.workerUrl, {
      resourceLimits: { maxOldGenerationSizeMb: maxMemoryMb, maxYoungGenerationSizeMb: Math.max(4, Math.min(64, Math.floor(maxMemoryMb / 8))) },
    });
    const slot: S = { worker, job: null, timer: null, retired: false, ready: false };
    worker.on('message', (reply: JobReply<Result>) => {
      if (slot.retired) return;
      if ('ready' in reply) {
        slot.ready = true;
        if (slot.job) send(slot, slot.job);
        return;
      }
      const job = finish(slot);
      worker.unref();
      if (job && reply.id === job.id) {
        if (reply.ok) job.resolve(reply.result);
        else job.reject(new CrosscheckError('job_failed', stage, `${job.label}: ${reply.message}`));
      }
      dispatch();
      notifyIfIdle();
    });
    worker.on('error', (error: Error & { code?: string }) => {
      fail(slot, (job) =>
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new CrosscheckError('over_budget', stage, `${job.label}: needed more than ${maxMemoryMb} MiB of memory and was cancelled`, { cause: error })
          : new CrosscheckError('job_failed', stage, `${job.label}: ${error.message}`, { cause: error }),
      );
    });
    worker.on('exit', (code) => {
      if (!slot.retired) fail(slot, (job) => new CrosscheckError('job_failed', stage, `${job.label}: the worker stopped (exit code ${code})`));
    });
    slots.push(slot);
    return slot;
  };

  const dispatch = (): void => {
    while (queue.length > 0) {
      let slot = slots.find((s) => s.job === null && !s.retired);
      if (!slot && slots.length < threads) slot = spawn();
      if (!slot) return;
      const job = queue.shift() as J;
      slot.job = job;
      running++;
      slot.worker.ref();
      // A worker still starting gets its job when it says it is ready.
      if (slot.ready) send(slot, job);
    }
  };

  /** Sends a job to its worker and starts its time budget. */
  const send = (slot: S, job: J): void => {
    slot.timer = setTimeout(() => {
      fail(slot, (j) => new CrosscheckError('over_budget', stage, `${j.label}: took longer than ${j.maxMs} ms and was cancelled`));
    }, job.maxMs);
    const message: JobMessage<Request> = { id: job.id, request: job.request };
    slot.worker.postMessage(message);
  };

  const cancelled = (job: J): CrosscheckError => new CrosscheckError('cancelled', stage, `${job.label}: cancelled`);

  const pool: WorkerPool<Request, Result> = {
    run(request, jobOptions) {
      const { label, signal } = jobOptions;
      if (closed) return Promise.reject(new CrosscheckError('invalid_argument', stage, `${label}: the worker pool is closed`));
      if (signal?.aborted) return Promise.reject(new CrosscheckError('cancelled', stage, `${label}: cancelled`));
      return new Promise<Result>((resolve, reject) => {
        const job: J = { id: nextId++, request, label, maxMs: jobOptions.maxMs ?? options.maxMsPerJob, signal, onAbort: null, resolve, reject };
        if (signal) {
          job.onAbort = () => {
            const queued = queue.indexOf(job);
            if (queued >= 0) {
              queue.splice(queued, 1);
              settle(job);
              job.reject(cancelled(job));
              notifyIfIdle();
              return;
            }
            const slot = slots.find((s) => s.job === job);
            if (slot) fail(slot, cancelled);
          };
          signal.addEventListener('abort', job.onAbort, { once: true });
        }
        queue.push(job);
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
      await Promise.all(
        slots.splice(0).map(async (slot) => {
          slot.retired = true;
          await slot.worker.terminate();
        }),
      );
    },
    async terminate() {
      closed = true;
      for (const job of queue.splice(0)) {
        settle(job);
        job.reject(cancelled(job));
      }
      for (const slot of [...slots]) fail(slot, cancelled);
      await Promise.all(slots.splice(0).map((slot) => slot.worker.terminate()));
    },
  };
  return pool;
}

/**
 * The worker side of {@link createWorkerPool}: answers each job with `handle(request)`, one at a
 * time; a thrown error is sent back as the job's failure.
 */
export function serveWorkerJobs<Request, Result>(handle: (request: Request) => Result): void {
  const port = parentPort;
  if (!port) throw new Error('serveWorkerJobs runs in a worker thread of a worker pool');
  port.on('message', (message: JobMessage<Request>) => {
    let reply: JobReply<Result>;
    try {
      reply = { id: message.id, ok: true, result: handle(message.request) };
    } catch (error) {
      reply = { id: message.id, ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply);
  });
  // Modules loaded: the pool may start timing jobs.
  const ready: JobReply<Result> = { ready: true };
  port.postMessage(ready);
}
