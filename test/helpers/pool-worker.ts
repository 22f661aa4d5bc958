/** A worker for the worker-pool tests: echoes, throws, or never answers, as asked. */
import { serveWorkerJobs } from '../../src/core/worker-pool.js';

export type PoolTestRequest = { kind: 'echo'; value: string } | { kind: 'throw'; message: string } | { kind: 'spin' };

serveWorkerJobs<PoolTestRequest, string>((request) => {
  switch (request.kind) {
    case 'echo':
      return request.value;
    case 'throw':
      throw new Error(request.message);
    case 'spin':
      // Busy for good: only the pool's budget or a cancellation ends it.
      for (;;) {
        /* spin */
      }
  }
});
