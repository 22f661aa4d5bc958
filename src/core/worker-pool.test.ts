import { afterAll, describe, expect, it } from 'vitest';
import type { PoolTestRequest } from '../../test/helpers/pool-worker.js';
import { createWorkerPool } from './worker-pool.js';

const WORKER = new URL('../../test/helpers/pool-worker.ts', import.meta.url);

describe('createWorkerPool', { timeout: 60_000 }, () => {
  const pool = createWorkerPool<PoolTestRequest, string>({ workerUrl: WORKER, stage: 'test', threads: 1, maxMsPerJob: 60_000 });
  afterAll(async () => {
    await pool.terminate();
  });

  it('runs jobs in a worker and answers each', async () => {
    const answers = await Promise.all(['a', 'b', 'c'].map((value) => pool.run({ kind: 'echo', value }, { label: `job ${value}` })));
    expect(answers).toEqual(['a', 'b', 'c']);
  });

  it('rejects a job that throws, naming it, and goes on', async () => {
    await expect(pool.run({ kind: 'throw', message: 'broken input' }, { label: 'job x' })).rejects.toMatchObject({ code: 'job_failed', message: 'job x: broken input' });
    await expect(pool.run({ kind: 'echo', value: 'after' }, { label: 'job y' })).resolves.toBe('after');
  });

  it('cancels a job over its time budget, replacing its worker', async () => {
    await expect(pool.run({ kind: 'spin' }, { label: 'spinning job', maxMs: 200 })).rejects.toMatchObject({ code: 'over_budget', message: 'spinning job: took longer than 200 ms and was cancelled' });
    await expect(pool.run({ kind: 'echo', value: 'still here' }, { label: 'job z' })).resolves.toBe('still here');
  });

  it('cancels a running job and a queued one by their signals', async () => {
    const running = new AbortController();
    const queued = new AbortController();
    const first = pool.run({ kind: 'spin' }, { label: 'running job', signal: running.signal });
    const second = pool.run({ kind: 'echo', value: 'never' }, { label: 'queued job', signal: queued.signal });
    const third = pool.run({ kind: 'echo', value: 'third' }, { label: 'third job' });
    expect(pool.pending).toBe(3);
    queued.abort();
    await expect(second).rejects.toMatchObject({ code: 'cancelled', message: 'queued job: cancelled' });
    running.abort();
    await expect(first).rejects.toMatchObject({ code: 'cancelled', message: 'running job: cancelled' });
    await expect(third).resolves.toBe('third');
    const aborted = new AbortController();
    aborted.abort();
    await expect(pool.run({ kind: 'echo', value: 'x' }, { label: 'late job', signal: aborted.signal })).rejects.toMatchObject({ code: 'cancelled' });
  });
});
