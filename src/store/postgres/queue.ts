/**
 * The job queue and the sequencer's fence on PostgreSQL. Jobs are pg-boss jobs (its tables in a
 * schema of their own beside the store's, `<schema>_jobs`); a job is sent on the connection of
 * the store transaction that writes the row it follows from, so that both are committed or
 * neither. The inbox (documents waiting for extraction), the fence row and the change feed's
 * NOTIFY live here too: no SQL outside the store.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { CrosscheckError } from '../../core/errors.js';
import type { DocumentHints, RawDocument } from '../../core/types.js';
import type { StoreTx, TransactionOptions } from '../port.js';
import { asDb, clientConfig, ident, type Db } from './db.js';
import type { PostgresStore } from './store.js';

/** What workers do: extract a document of the inbox, analyse one article, build one story's fact sheet. */
export const JOB_KINDS = ['extract', 'analyze', 'sheet'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export interface JobData {
  extract: { inboxId: number };
  analyze: { articleId: number };
  sheet: { storyId: number };
}

/** The queue a job that failed every attempt ends in (no worker takes it): `crosscheck jobs` shows it. */
export function deadLetterQueue(kind: JobKind): string {
  return `${kind}_dead`;
}

export interface QueuePolicy {
  /** Attempts after the first before a job goes to its dead-letter queue. */
  retryLimit: number;
  /** Delay before the first retry, s; doubled at each further one (with jitter). */
  retryDelaySeconds: number;
  /** A job running longer (its worker died or hangs) is failed and retried, s. */
  expireSeconds: number;
  /** How often a worker looks for new jobs when idle, s (at least 0.5). */
  pollSeconds: number;
  /** How often expired jobs are looked for (by whichever worker gets there first), s. */
  maintenanceSeconds: number;
}

export const DEFAULT_QUEUE_POLICY: QueuePolicy = { retryLimit: 4, retryDelaySeconds: 5, expireSeconds: 300, pollSeconds: 1, maintenanceSeconds: 30 };

/** A document waiting in the inbox, or done. */
export interface InboxRow {
  id: number;
  doc: RawDocument;
  receivedAt: string;
  articleId: number | null;
  error: string | null;
  doneAt: string | null;
}

/** The sequencer's fence: the term of the leader allowed to write and the last article it assigned. */
export interface Fence {
  term: number;
  position: number;
  leader: string | null;
}

/** A store transaction that can also send jobs, keep the inbox, and hold the sequencer's fence. */
export interface QueueTx {
  readonly store: StoreTx;
  /** Sends a job, committed with the transaction. A sheet job waits once per story (one queued per story at a time). */
  send<K extends JobKind>(kind: K, data: JobData[K]): Promise<void>;
  inboxPut(doc: RawDocument, at: string): Promise<number>;
  inboxGet(id: number): Promise<InboxRow | null>;
  inboxDone(id: number, result: { articleId: number | null; error: string | null }, at: string): Promise<void>;
  /** Documents of the inbox not extracted yet. */
  inboxPending(): Promise<number>;
  /** The fence row, locked until the transaction ends (created at term 0, position 0 when missing). */
  lockFence(): Promise<Fence>;
  setFence(fence: Fence, at: string): Promise<void>;
  /** Ids of the articles after `position` (the sequence: ids in commit order) that have no story, ascending, at most `limit`. */
  unassignedAfter(position: number, limit: number): Promise<number[]>;
  /** Wakes the change feed's listeners when the transaction commits. */
  notifyAssigned(seq: number): Promise<void>;
}

export interface QueueCounts {
  kind: string;
  queued: number;
  active: number;
  retrying: number;
  completed: number;
  failed: number;
}

export interface SequencerLag {
  fence: Fence;
  /** Articles stored and not yet assigned. */
  unassigned: number;
  /** When the oldest of them was stored (ISO), or null. */
  oldestUnassigned: string | null;
  /** Documents in the inbox not yet extracted. */
  inboxPending: number;
  inboxFailed: number;
}

const FENCE_NAME = 'stories';

async function readInbox(db: Db, id: number): Promise<InboxRow | null> {
  const row = await db.row<{
    id: number;
    origin: string;
    location: string | null;
    format: 'html' | 'text';
    content: Buffer;
    hints: string;
    received_at: string;
    article_id: number | null;
    error: string | null;
    done_at: string | null;
  }>('SELECT id, origin, location, format, content, hints, received_at, article_id, error, done_at FROM inbox WHERE id = $1', [id]);
  if (!row) return null;
  const origin = row.location === null ? { input: row.origin } : { input: row.origin, location: row.location };
  return {
    id: row.id,
    doc: { origin, format: row.format, content: gunzipSync(row.content).toString('utf8'), hints: JSON.parse(row.hints) as DocumentHints },
    receivedAt: row.received_at,
    articleId: row.article_id,
    error: row.error,
    doneAt: row.done_at,
  };
}

/** The channel `serve` processes LISTEN on: assignments of this store were committed. */
export function changeChannel(schema: string): string {
  return `crosscheck_${schema}`;
}

function bossSchema(schema: string): string {
  return `${schema}_jobs`;
}

/**
 * The job queue of one store. Every worker, the sequencer and `crosscheck enqueue` open one; the
 * queues (and their retry, expiry and dead-letter policy) are created or updated on open.
 */
export class PostgresJobs {
  private readonly workers: string[] = [];
  private stopped = false;

  private constructor(
    private readonly store: PostgresStore,
    private readonly boss: PgBoss,
    readonly policy: QueuePolicy,
  ) {}

  static async open(store: PostgresStore, policy: Partial<QueuePolicy> = {}, options: { maintain?: boolean } = {}): Promise<PostgresJobs> {
    const full: QueuePolicy = { ...DEFAULT_QUEUE_POLICY, ...policy };
    const where = store.connection();
    const boss = new PgBoss({
      connectionString: where.connectionString,
      schema: bossSchema(where.schema),
      application_name: 'crosscheck-jobs',
      max: 4,
      supervise: options.maintain !== false,
      maintenanceIntervalSeconds: full.maintenanceSeconds,
      schedule: false,
      migrate: true,
    });
    boss.on('error', (error: Error) => {
      if (!/terminat|ECONNRESET|ECONNREFUSED/i.test(error.message)) process.stderr.write(`crosscheck: job queue of ${store.location}: ${error.message}\n`);
    });
    try {
      await boss.start();
      for (const kind of JOB_KINDS) {
        const dead = deadLetterQueue(kind);
        if (!(await boss.getQueue(dead))) await boss.createQueue(dead, { name: dead, retentionMinutes: 60 * 24 * 14 });
        const settings: PgBoss.Queue = {
          name: kind,
          policy: kind === 'sheet' ? 'stately' : 'standard',
          retryLimit: full.retryLimit,
          retryDelay: full.retryDelaySeconds,
          retryBackoff: true,
          expireInSeconds: full.expireSeconds,
          deadLetter: dead,
        };
        if (await boss.getQueue(kind)) await boss.updateQueue(kind, settings);
        else await boss.createQueue(kind, settings);
      }
    } catch (error) {
      await boss.stop({ graceful: false, close: true, wait: true }).catch(() => undefined);
      throw new CrosscheckError('unreadable', 'store', `the job queue of ${store.location} could not be opened: ${(error as Error).message}`, { cause: error });
    }
    return new PostgresJobs(store, boss, full);
  }

  /** One store write transaction that may also send jobs and touch the inbox and the fence. */
  transaction<T>(fn: (q: QueueTx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    return this.store.writeWith((db, tx) => fn(this.queueTx(db, tx)), options);
  }

  /** An inbox document, read outside any transaction. */
  inbox(id: number): Promise<InboxRow | null> {
    return this.store.readWith((db) => readInbox(db, id));
  }

  private queueTx(db: Db, tx: StoreTx): QueueTx {
    const boss = this.boss;
    const schema = this.store.schema;
    const wrapper: PgBoss.Db = { executeSql: async (text, values) => ({ rows: await db.rows(text, values) }) };
    return {
      store: tx,
      send: async (kind, data) => {
        const options: PgBoss.SendOptions = { db: wrapper };
        if (kind === 'sheet') options.singletonKey = String((data as JobData['sheet']).storyId);
        await boss.send(kind, data, options);
      },
      inboxPut: async (doc, at) => {
        const id = await db.value<number>(
          'INSERT INTO inbox (origin, location, format, content, hints, received_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
          [doc.origin.input, doc.origin.location ?? null, doc.format, gzipSync(doc.content), JSON.stringify(doc.hints), at],
        );
        return id!;
      },
      inboxGet: (id) => readInbox(db, id),
      inboxDone: async (id, result, at) => {
        await db.run('UPDATE inbox SET article_id = $2, error = $3, done_at = $4 WHERE id = $1', [id, result.articleId, result.error, at]);
      },
      inboxPending: async () => (await db.value<number>('SELECT count(*)::bigint FROM inbox WHERE done_at IS NULL')) ?? 0,
      lockFence: async () => {
        await db.run("INSERT INTO sequencer (name, term, position, leader, updated_at) VALUES ($1, 0, 0, NULL, '') ON CONFLICT (name) DO NOTHING", [FENCE_NAME]);
        return (await db.row<Fence>('SELECT term, position, leader FROM sequencer WHERE name = $1 FOR UPDATE', [FENCE_NAME]))!;
      },
      setFence: async (fence, at) => {
        await db.run('UPDATE sequencer SET term = $2, position = $3, leader = $4, updated_at = $5 WHERE name = $1', [FENCE_NAME, fence.term, fence.position, fence.leader, at]);
      },
      unassignedAfter: async (position, limit) => {
        const rows = await db.rows<{ id: number }>(
          'SELECT a.id FROM articles a WHERE a.id > $1 AND NOT EXISTS (SELECT 1 FROM assignments s WHERE s.article_id = a.id) ORDER BY a.id LIMIT $2',
          [position, limit],
        );
        return rows.map((r) => r.id);
      },
      notifyAssigned: async (seq) => {
        await db.run('SELECT pg_notify($1, $2)', [changeChannel(schema), String(seq)]);
      },
    };
  }

  /**
   * Runs `handler` on jobs of `kind`, `concurrency` at a time (each a poll loop of its own). A
   * handler that throws fails its attempt: the job is retried with backoff, then dead-lettered.
   */
  async work<K extends JobKind>(kind: K, concurrency: number, handler: (data: JobData[K], job: { id: string; kind: K }) => Promise<void>): Promise<void> {
    for (let i = 0; i < concurrency; i++) {
      const id = await this.boss.work<JobData[K]>(kind, { batchSize: 1, pollingIntervalSeconds: this.policy.pollSeconds }, async (jobs) => {
        for (const job of jobs) await handler(job.data, { id: job.id, kind });
      });
      this.workers.push(id);
    }
  }

  /** Jobs by queue and state (dead-letter queues included). */
  async counts(): Promise<QueueCounts[]> {
    const rows = await this.store.readWith((db) =>
      db.rows<{ name: string; state: string; n: number }>(`SELECT name, state::text AS state, count(*)::bigint AS n FROM ${ident(bossSchema(this.store.schema))}.job GROUP BY name, state`),
    );
    const names = JOB_KINDS.flatMap((k) => [k, deadLetterQueue(k)]);
    return names.map((kind) => {
      const of = (state: string): number => rows.filter((r) => r.name === kind && r.state === state).reduce((sum, r) => sum + r.n, 0);
      return { kind, queued: of('created'), retrying: of('retry'), active: of('active'), completed: of('completed'), failed: of('failed') };
    });
  }

  /** How far the sequencer is behind the stored articles, and the inbox. */
  lag(): Promise<SequencerLag> {
    return this.store.readWith(async (db) => {
      const fence = (await db.row<Fence>('SELECT term, position, leader FROM sequencer WHERE name = $1', [FENCE_NAME])) ?? { term: 0, position: 0, leader: null };
      const pending = await db.row<{ n: number; oldest: string | null }>(
        'SELECT count(*)::bigint AS n, min(a.ingested_at) AS oldest FROM articles a WHERE NOT EXISTS (SELECT 1 FROM assignments s WHERE s.article_id = a.id)',
      );
      const inbox = await db.row<{ pending: number; failed: number }>(
        'SELECT count(*) FILTER (WHERE done_at IS NULL)::bigint AS pending, count(*) FILTER (WHERE error IS NOT NULL)::bigint AS failed FROM inbox',
      );
      return { fence, unassigned: pending?.n ?? 0, oldestUnassigned: pending?.oldest ?? null, inboxPending: inbox?.pending ?? 0, inboxFailed: inbox?.failed ?? 0 };
    });
  }

  /** Stops taking jobs; waits for the running ones (up to `timeoutMs`), then closes the queue's connections. */
  async stop(timeoutMs = 30_000): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await this.boss.stop({ graceful: true, close: true, wait: true, timeout: timeoutMs });
  }
}

/**
 * The sequencer's leadership: a session advisory lock held on a connection of its own. Waiting
 * for it blocks (a standby waits there); the lock goes when the leader's session ends, by exit,
 * kill, or the server ending a session that stopped answering (`idle_session_timeout`: the
 * leader pings its session well within it, a paused or lost leader does not).
 */
export class LeaderLock {
  private timer: NodeJS.Timeout | null = null;
  private lostWith: Error | null = null;
  private onLost: Array<(error: Error) => void> = [];

  private constructor(private readonly client: pg.Client) {}

  /** Blocks until this process leads (or `signal` aborts: `cancelled`). */
  static async acquire(store: PostgresStore, options: { idleTimeoutMs: number; signal?: AbortSignal; key: number }): Promise<LeaderLock> {
    const where = store.connection();
    const client = new pg.Client(clientConfig(where, { application_name: 'crosscheck-sequencer-lock' }));
    client.on('error', () => undefined);
    await client.connect();
    const db = asDb(client);
    const abort = (): void => void client.end().catch(() => undefined);
    options.signal?.addEventListener('abort', abort, { once: true });
    try {
      await db.run(`SET idle_session_timeout = ${Math.max(1000, Math.round(options.idleTimeoutMs))}`);
      await db.run('SELECT pg_advisory_lock($1, hashtext($2))', [options.key, where.schema]);
    } catch (error) {
      await client.end().catch(() => undefined);
      if (options.signal?.aborted) throw new CrosscheckError('cancelled', 'pipeline', `${store.location}: stopped while waiting to lead`);
      throw error;
    } finally {
      options.signal?.removeEventListener('abort', abort);
    }
    const lock = new LeaderLock(client);
    client.on('end', () => lock.lose(new Error('the leader session ended')));
    const ping = Math.max(200, Math.floor(options.idleTimeoutMs / 4));
    lock.timer = setInterval(() => {
      db.run('SELECT 1').catch((error: unknown) => lock.lose(error as Error));
    }, ping);
    return lock;
  }

  /** The session's backend process id (a test ends it to take the lock away). */
  async backendPid(): Promise<number> {
    return (await asDb(this.client).value<number>('SELECT pg_backend_pid()'))!;
  }

  get lost(): Error | null {
    return this.lostWith;
  }

  whenLost(listener: (error: Error) => void): void {
    if (this.lostWith) listener(this.lostWith);
    else this.onLost.push(listener);
  }

  private lose(error: Error): void {
    if (this.lostWith) return;
    this.lostWith = error;
    if (this.timer) clearInterval(this.timer);
    for (const l of this.onLost.splice(0)) l(error);
  }

  async release(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.lose(new Error('released'));
    await this.client.end().catch(() => undefined);
  }
}

/**
 * Calls `listener` whenever assignments of the store are committed (LISTEN on the store's
 * channel, on a connection of its own, listening again after the connection fails). Returns the
 * function that stops it.
 */
export async function listenForAssignments(store: PostgresStore, listener: (seq: number) => void): Promise<() => Promise<void>> {
  const where = store.connection();
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | null = null;
  const connect = async (): Promise<void> => {
    const c = new pg.Client(clientConfig(where, { application_name: 'crosscheck-listen' }));
    c.on('error', () => undefined);
    c.on('notification', (msg) => listener(Number(msg.payload ?? 0)));
    c.on('end', () => {
      if (stopped) return;
      client = null;
      // The feed is also polled: missing a wake-up while reconnecting delays, never loses, an event.
      retry = setTimeout(() => void connect().catch(() => undefined), 1000);
      retry.unref();
    });
    await c.connect();
    await c.query(`LISTEN ${ident(changeChannel(where.schema))}`);
    client = c;
    listener(0);
  };
  await connect();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    await client?.end().catch(() => undefined);
  };
}
