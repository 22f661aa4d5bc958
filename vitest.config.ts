import { defineConfig } from 'vitest/config';

// Set for a 2-core machine that may be busy with other work: at most two test processes (each
// test file may itself start servers, child processes, worker threads or a browser), and
// timeouts far above what any test needs on an idle machine, so that load slows the suite
// down without failing it. No test asserts on time.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    teardownTimeout: 60_000,
    pool: 'forks',
    poolOptions: { forks: { minForks: 1, maxForks: 2 } },
  },
});
