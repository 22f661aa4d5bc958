import type { Command } from 'commander';
import { describeOrigin, type RawDocument } from '../../core/types.js';
import { readInputs } from '../../ingest/index.js';
import { enqueueDocuments, Sequencer, startWorkers } from '../../pipeline/index.js';
import { isPostgresLocation, JOB_KINDS, PostgresJobs, PostgresStore, type JobKind, type QueuePolicy } from '../../store/index.js';
import { CliExit, EXIT_FATAL, EXIT_OK, EXIT_PARTIAL, resolveDbPath } from '../context.js';
import { plural, printJson, println, status } from '../output.js';

/** How many documents `enqueue` writes per transaction. */
const ENQUEUE_BATCH = 200;

interface QueueFlags {
  db?: string;
  jobTimeout?: string;
  retries?: string;
}

function postgresOnly(option: string | undefined, command: string): string {
  const location = resolveDbPath(option);
  if (!isPostgresLocation(location)) throw new CliExit(EXIT_FATAL, `crosscheck ${command} needs a PostgreSQL store (--db postgres://… or $CROSSCHECK_DB); ${location} is an SQLite file`);
  return location;
}

function whole(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) throw new CliExit(EXIT_FATAL, `--${name} must be a number ${min}–${max}, got "${value}"`);
  return n;
}

function policyOf(flags: QueueFlags): Partial<QueuePolicy> {
  const policy: Partial<QueuePolicy> = {};
  const expire = whole(flags.jobTimeout, 'job-timeout', 1, 86_400);
  if (expire !== undefined) policy.expireSeconds = Math.round(expire);
  const retries = whole(flags.retries, 'retries', 0, 100);
  if (retries !== undefined) policy.retryLimit = Math.round(retries);
  return policy;
}

/** Runs until SIGINT or SIGTERM. */
function untilSignal(): { signal: AbortSignal; done: () => void } {
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return {
    signal: controller.signal,
    done: () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    },
  };
}

export function registerScaleCommands(program: Command): void {
  program
    .command('enqueue')
    .description('hand documents (files, folders, as ingest reads them) to the workers of a PostgreSQL store: each goes into the inbox with its extraction job, in one transaction')
    .argument('<inputs...>', 'files and folders (.html, .htm, .txt, .jsonl, .warc, also .gz)')
    .option('--db <url>', 'postgres:// URL (default $CROSSCHECK_DB)')
    .option('--source <name>', 'outlet name for inputs that carry none')
    .option('--json', 'machine-readable output')
    .action(async (inputs: string[], flags: { db?: string; source?: string; json?: boolean }) => {
      const location = postgresOnly(flags.db, 'enqueue');
      const store = await PostgresStore.open(location);
      let queued = 0;
      const failures: Array<{ input: string; location: string | null; code: string; message: string }> = [];
      try {
        const jobs = await PostgresJobs.open(store, {}, { maintain: false });
        try {
          let batch: RawDocument[] = [];
          for await (const item of readInputs(inputs, flags.source !== undefined ? { source: flags.source } : {})) {
            if (!item.ok) {
              failures.push({ input: item.origin.input, location: item.origin.location ?? null, code: item.error.code, message: item.error.message });
              process.stderr.write(`crosscheck: ${describeOrigin(item.origin)}: ${item.error.message}\n`);
              continue;
            }
            batch.push(item.doc);
            if (batch.length >= ENQUEUE_BATCH) {
              queued += (await enqueueDocuments(jobs, batch)).length;
              batch = [];
            }
          }
          if (batch.length > 0) queued += (await enqueueDocuments(jobs, batch)).length;
        } finally {
          await jobs.stop();
        }
      } finally {
        await store.close();
      }
      if (flags.json) printJson({ store: store.location, queued, failed: failures.length, failures });
      else println(`${store.location}: ${plural(queued, 'document')} queued for extraction${failures.length ? `, ${failures.length} failed to read` : ''}`);
      process.exitCode = failures.length > 0 ? EXIT_PARTIAL : EXIT_OK;
    });

  program
    .command('worker')
    .description('take jobs of a PostgreSQL store (extraction, per-article analysis, fact sheets) until stopped; run any number, on any machine')
    .option('--db <url>', 'postgres:// URL (default $CROSSCHECK_DB)')
    .option('--concurrency <n>', 'jobs of each kind run at once by this process', '2')
    .option('--kinds <kinds>', `the kinds taken, comma-separated (${JOB_KINDS.join(', ')})`)
    .option('--sequencer', 'also run a sequencer here (it leads, or stands by while another leads)')
    .option('--job-timeout <s>', 'a job running longer (its worker died) is failed and retried (sets the queues; default 300)')
    .option('--retries <n>', 'attempts after the first before a job is dead-lettered (sets the queues; default 4)')
    .option('--batch <n>', 'articles per sequencer batch (with --sequencer)')
    .option('--lease <ms>', 'a sequencer silent this long loses the lead (with --sequencer)')
    .option('--quiet', 'no line per job')
    .action(async (flags: QueueFlags & { concurrency: string; kinds?: string; sequencer?: boolean; batch?: string; lease?: string; quiet?: boolean }) => {
      const location = postgresOnly(flags.db, 'worker');
      const concurrency = whole(flags.concurrency, 'concurrency', 1, 64)!;
      const kinds = flags.kinds?.split(',').map((k) => k.trim()) ?? [...JOB_KINDS];
      for (const k of kinds) if (!(JOB_KINDS as readonly string[]).includes(k)) throw new CliExit(EXIT_FATAL, `--kinds: unknown job kind "${k}" (${JOB_KINDS.join(', ')})`);
      const { signal, done } = untilSignal();
      const store = await PostgresStore.open(location, flags.sequencer ? { idleInTransactionMs: 30_000 } : {});
      let failed = 0;
      try {
        const jobs = await PostgresJobs.open(store, policyOf(flags));
        try {
          await startWorkers(store, jobs, {
            concurrency: Math.round(concurrency),
            kinds: kinds as JobKind[],
            onJob: (e) => {
              if (e.outcome === 'failed') failed++;
              if (!flags.quiet || e.outcome === 'failed') status(`${e.kind} ${e.detail}: ${e.outcome}`);
            },
          });
          status(`worker ${process.pid}: taking ${kinds.join(', ')} jobs of ${store.location}, ${concurrency} at a time`);
          if (flags.sequencer) await sequencerOf(store, jobs, flags).run(signal);
          else await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
        } finally {
          await jobs.stop();
        }
      } finally {
        done();
        await store.close();
      }
      status(`worker ${process.pid}: stopped${failed ? ` (${plural(failed, 'failed attempt')})` : ''}`);
    });

  program
    .command('sequencer')
    .description('assign stories for the workers of a PostgreSQL store: one leads (under a PostgreSQL advisory lock), any other started stands by and takes over when it dies')
    .option('--db <url>', 'postgres:// URL (default $CROSSCHECK_DB)')
    .option('--batch <n>', 'articles per batch (stories are re-checked at each batch boundary of the sequence)', '100')
    .option('--lease <ms>', 'a leader silent this long (paused, cut off) loses the lead to a standby', '10000')
    .action(async (flags: { db?: string; batch: string; lease: string }) => {
      const location = postgresOnly(flags.db, 'sequencer');
      const { signal, done } = untilSignal();
      // A leader paused inside a batch has its transaction ended by the server, releasing the store.
      const store = await PostgresStore.open(location, { idleInTransactionMs: Math.max(5000, Number(flags.lease) * 2) });
      try {
        const jobs = await PostgresJobs.open(store, {}, { maintain: false });
        try {
          await sequencerOf(store, jobs, flags).run(signal);
        } finally {
          await jobs.stop();
        }
      } finally {
        done();
        await store.close();
      }
    });

  program
    .command('jobs')
    .description('the job queue of a PostgreSQL store: jobs waiting, running, retrying, failed and dead-lettered per kind, the inbox, and how far the sequencer is behind')
    .option('--db <url>', 'postgres:// URL (default $CROSSCHECK_DB)')
    .option('--json', 'machine-readable output')
    .action(async (flags: { db?: string; json?: boolean }) => {
      const location = postgresOnly(flags.db, 'jobs');
      const store = await PostgresStore.open(location, { mustExist: true });
      try {
        const jobs = await PostgresJobs.open(store, {}, { maintain: false });
        try {
          const counts = await jobs.counts();
          const lag = await jobs.lag();
          const lagSeconds = lag.oldestUnassigned === null ? 0 : Math.max(0, (Date.now() - Date.parse(lag.oldestUnassigned)) / 1000);
          if (flags.json) {
            printJson({ store: store.location, queues: counts, sequencer: { ...lag.fence, unassigned: lag.unassigned, oldestUnassigned: lag.oldestUnassigned, lagSeconds }, inbox: { pending: lag.inboxPending, failed: lag.inboxFailed } });
            return;
          }
          println(`${store.location}`);
          println('queue           waiting  running  retrying  done     failed');
          for (const c of counts) {
            println(`${c.kind.padEnd(16)}${String(c.queued).padEnd(9)}${String(c.active).padEnd(9)}${String(c.retrying).padEnd(10)}${String(c.completed).padEnd(9)}${c.failed}`);
          }
          println(`inbox: ${lag.inboxPending} waiting for extraction, ${lag.inboxFailed} without an article`);
          const leader = lag.fence.leader === null ? 'no sequencer has led yet' : `led by ${lag.fence.leader} (term ${lag.fence.term}), at article #${lag.fence.position}`;
          println(`sequencer: ${leader}; ${plural(lag.unassigned, 'article')} not assigned yet${lag.unassigned ? `, the oldest stored ${lagSeconds.toFixed(1)} s ago` : ''}`);
        } finally {
          await jobs.stop();
        }
      } finally {
        await store.close();
      }
    });
}

function sequencerOf(store: PostgresStore, jobs: PostgresJobs, flags: { batch?: string; lease?: string }): Sequencer {
  const batch = whole(flags.batch, 'batch', 1, 100_000);
  const lease = whole(flags.lease, 'lease', 1000, 600_000);
  return new Sequencer(store, jobs, {
    ...(batch !== undefined ? { batchSize: Math.round(batch) } : {}),
    ...(lease !== undefined ? { leaseMs: lease } : {}),
    log: (line) => status(line),
  });
}
