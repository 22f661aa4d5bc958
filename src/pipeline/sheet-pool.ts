import { availableParallelism } from 'node:os';
import { CrosscheckError } from '../core/errors.js';
import { createWorkerPool } from '../core/worker-pool.js';
import { buildSheet, SHEET_BUILDER_VERSION, type SheetBuildInput, type SheetBuildOutput } from './sheet-build.js';

/** A fact-sheet build taking longer than this (wall clock, in its worker) is cancelled. */
export const DEFAULT_SHEET_BUILD_MS = 120_000;
/** Heap of one sheet worker, MiB: a 500-article story needs well under a tenth of it. */
export const DEFAULT_SHEET_MEMORY_MB = 1024;

/** Builds fact sheets, somewhere: in worker threads (the server), inline (the CLI), or as a test says. */
export interface SheetBuilder {
  /** Part of the cache key: cached sheets of another version are rebuilt. */
  readonly version: string;
  /** Builds one sheet; rejects with a `cancelled` CrosscheckError when `signal` aborts first. */
  build(input: SheetBuildInput, signal: AbortSignal): Promise<SheetBuildOutput>;
  /** Stops whatever the builder runs (workers); builds under way are cancelled. */
  close(): Promise<void>;
}

export interface SheetPoolOptions {
  /** Worker threads (default: one fewer than the cores, at least one, at most four). */
  threads?: number;
  /** Wall-clock budget of one build, ms (default {@link DEFAULT_SHEET_BUILD_MS}). */
  maxMsPerBuild?: number;
  /** Heap of each worker, MiB (default {@link DEFAULT_SHEET_MEMORY_MB}). */
  maxMemoryMb?: number;
}

/** One fewer worker than cores, so the thread serving requests keeps a core: 1 to 4. */
export function defaultSheetThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

// Run from the sources (tests, tsx) the worker is TypeScript; built, plain JavaScript.
const WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? './sheet-worker.ts' : './sheet-worker.js', import.meta.url);

/**
 * Fact sheets built by {@link buildSheet} in worker threads: the caller's event loop stays free
 * while a large story is analysed. Each build has a time and a memory budget (over it:
 * `over_budget`, the worker replaced) and is cancelled by its signal (`cancelled`).
 */
export function createSheetPool(options: SheetPoolOptions = {}): SheetBuilder {
  const pool = createWorkerPool<SheetBuildInput, SheetBuildOutput>({
    workerUrl: WORKER_URL,
    stage: 'analyze',
    threads: options.threads ?? defaultSheetThreads(),
    maxMsPerJob: options.maxMsPerBuild ?? DEFAULT_SHEET_BUILD_MS,
    maxMemoryMb: options.maxMemoryMb ?? DEFAULT_SHEET_MEMORY_MB,
  });
  return {
    version: SHEET_BUILDER_VERSION,
    build: (input, signal) => pool.run(input, { label: `fact sheet of story #${input.story.id}`, signal }),
    close: () => pool.terminate(),
  };
}

/** {@link buildSheet} on the caller's thread (batch tools, tests): the signal is checked before it starts. */
export const INLINE_SHEET_BUILDER: SheetBuilder = {
  version: SHEET_BUILDER_VERSION,
  build: (input, signal) => {
    if (signal.aborted) return Promise.reject(new CrosscheckError('cancelled', 'analyze', `fact sheet of story #${input.story.id}: cancelled`));
    try {
      return Promise.resolve(buildSheet(input));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  },
  close: () => Promise.resolve(),
};
