/**
 * The fact-sheet worker: receives builds from the sheet pool (sheet-pool.ts), runs
 * {@link buildSheet}, answers. One build at a time; the pool terminates the thread when a build
 * runs over its budget or is cancelled.
 */
import { setPriority } from 'node:os';
import { serveWorkerJobs } from '../core/worker-pool.js';
import { buildSheet, type SheetBuildInput, type SheetBuildOutput } from './sheet-build.js';

/** Nice value of a sheet worker thread (0 normal, 19 lowest). */
const SHEET_WORKER_NICE = 10;

// On Linux a nice value is per thread: this lowers the builder below the thread serving
// requests, so that a build never takes a core from it. (Elsewhere it would lower the whole
// process, so it is left alone.)
if (process.platform === 'linux') {
  try {
    setPriority(SHEET_WORKER_NICE);
  } catch {
    // Not allowed here (a container policy): the build runs at normal priority.
  }
}

serveWorkerJobs<SheetBuildInput, SheetBuildOutput>(buildSheet);
