/**
 * Scale-out on PostgreSQL: workers take jobs, one sequencer assigns, and the stories equal those
 * of one SQLite process given the same articles in the same (sequence) order; a worker killed
 * mid-job, two sequencers at once, and a leader that lost its lock while it was away.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaleStream } from '../bench/scale-stream.js';
import { CrosscheckService } from '../src/api/index.js';
import type { RawDocument } from '../src/core/types.js';
import { enqueueDocuments, Sequencer, startWorkers, StoryPipeline } from '../src/pipeline/index.js';
import { PostgresJobs, PostgresStore, SqliteStore, type NewArticle, type StorePort } from '../src/store/index.js';
import { REPO_ROOT } from './helpers/cli.js';
import { HAS_POSTGRES, startPostgres, type TestPostgres } from './helpers/postgres.js';

const ENTRY = resolve(REPO_ROOT, 'src', 'cli', 'index.ts');
/** Short timeouts of the queue for tests: an attempt of a killed worker is retried within seconds. */
const FAST = { pollSeconds: 0.5, maintenanceSeconds: 1, expireSeconds: 4, retryDelaySeconds: 1 };

function documents(count: number, seed: number): RawDocument[] {
  const docs: RawDocument[] = [];
  for (const a of scaleStream(count, seed)) {
    docs.push({
      origin: { input: `stream-${seed}`, location: `article ${a.id}` },
      format: 'text',
      content: a.paragraphs.join('\n\n'),
      hints: { id: `s${seed}-${a.id}`, title: a.title, source: a.outlet, published: a.published },
    });
  }
  return docs;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Waits (bounded) until `check` holds. */
async function until(what: string, check: () => Promise<boolean>, tries = 600, ms = 250): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await check()) return;
    await sleep(ms);
  }
  throw new Error(`gave up waiting: ${what}`);
}

/** Story and copy group of every article, by the id the input gave it. */
async function assignments(store: StorePort): Promise<Map<string, { story: number | null; copyGroup: number | null }>> {
  const out = new Map<string, { story: number | null; copyGroup: number | null }>();
  const external = new Map((await store.articles.list({ order: 'id' })).map((a) => [a.id as number, a.externalId]));
  const extOf = (id: number | null): number | null => (id === null ? null : Number(external.get(id)?.split('-')[1] ?? -1));
  for await (const row of store.stories.exportRows()) out.set(row.externalId ?? '', { story: row.storyId, copyGroup: extOf(row.copyGroup) });
  return out;
}

/** One SQLite process: the same articles stored and assigned in the same order, re-checked at the same boundaries. */
async function sqliteReference(pg: PostgresStore, batchSize: number): Promise<SqliteStore> {
  const sqlite = SqliteStore.open(':memory:');
  const articles = await pg.articles.list({ order: 'id' });
  const at = '2026-12-01T00:00:00.000Z';
  await sqlite.transaction(async (tx) => {
    const pipeline = await StoryPipeline.load(tx);
    for (const [i, a] of articles.entries()) {
      const raw = (await pg.articles.raw(a.id))!;
      const record: NewArticle = { ...a, raw: raw.content, hints: raw.hints, format: raw.format, origin: raw.origin };
      const { id } = await tx.articles.insert(record);
      await pipeline.process(tx, (await tx.articles.get(id))!, at);
      if ((i + 1) % batchSize === 0) await pipeline.settle(tx, at);
    }
    await pipeline.settle(tx, at);
  });
  return sqlite;
}

function crosscheck(args: string[]): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (output += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (output += c));
  return { child, output: () => output };
}

function stopped(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', () => r()));
}

describe.skipIf(!HAS_POSTGRES)('scale-out on PostgreSQL', () => {
  let server: TestPostgres;
  const children: ChildProcess[] = [];
  const closers: Array<() => Promise<void>> = [];
  beforeAll(async () => {
    server = await startPostgres();
  }, 180_000);
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await Promise.all(children.map(stopped));
    for (const close of closers.splice(0).reverse()) await close().catch(() => undefined);
    await server?.stop();
  }, 120_000);

  async function open(schema: string, options: { idleInTransactionMs?: number } = {}): Promise<{ store: PostgresStore; jobs: PostgresJobs }> {
    const store = await PostgresStore.open(server.url(schema), options);
    const jobs = await PostgresJobs.open(store, FAST);
    closers.push(async () => {
      await jobs.stop(10_000);
      await store.close();
    });
    return { store, jobs };
  }

  it('articles through three workers and the sequencer get exactly the stories one SQLite process gives in sequence order', async () => {
    const BATCH = 40;
    const main = await open('oracle');
    const docs = documents(260, 7);
    // A document without any text: recorded in the inbox with why, not retried, not an article.
    docs.splice(50, 0, { origin: { input: 'empty.txt' }, format: 'text', content: ' \n ', hints: { id: 's7-empty' } });
    for (let i = 0; i < docs.length; i += 100) await enqueueDocuments(main.jobs, docs.slice(i, i + 100));
    for (let w = 0; w < 3; w++) {
      const worker = await open('oracle');
      await startWorkers(worker.store, worker.jobs, { concurrency: 2 });
    }
    const sequencer = new Sequencer(main.store, main.jobs, { batchSize: BATCH, name: 'oracle-sequencer' });
    const lock = await sequencer.lead();
    closers.push(() => lock.release());
    let drained = false;
    for (let i = 0; i < 4000 && !drained; i++) {
      const step = await sequencer.step();
      drained = step.assigned === 0 && step.settled;
      if (step.assigned === 0 && !drained) await sleep(100);
    }
    expect(drained).toBe(true);
    const lag = await main.jobs.lag();
    expect(lag).toMatchObject({ unassigned: 0, inboxPending: 0, inboxFailed: 1 });
    expect(await main.store.articles.count()).toBe(260);

    const reference = await sqliteReference(main.store, BATCH);
    closers.push(() => reference.close());
    const got = await assignments(main.store);
    const want = await assignments(reference);
    expect(got.size).toBe(260);
    expect([...got.entries()].sort()).toEqual([...want.entries()].sort());
    // The stream has copies and stories of several articles: the comparison is not of singletons.
    expect(new Set([...want.values()].map((v) => v.story)).size).toBeLessThan(200);

    // Workers build each touched story's fact sheet and every article's analysis.
    await until('fact sheets built', async () => {
      const counts = await main.jobs.counts();
      const busy = counts.filter((c) => c.kind === 'sheet' || c.kind === 'analyze').reduce((n, c) => n + c.queued + c.active + c.retrying, 0);
      return busy === 0;
    });
    const stories = await main.store.stories.list({ limit: 1000 });
    for (const s of stories.slice(0, 5)) expect(await main.store.factSheets.get(s.id)).not.toBeNull();
    const counts = await main.jobs.counts();
    expect(counts.find((c) => c.kind === 'extract')).toMatchObject({ completed: docs.length, failed: 0 });
    expect(counts.find((c) => c.kind === 'extract_dead')).toMatchObject({ queued: 0 });
  }, 600_000);

  it('a leader that lost its lock while away is fenced: its batch writes nothing, the new leader goes on', async () => {
    const a = await open('fenced', { idleInTransactionMs: 10_000 });
    const b = await open('fenced');
    await enqueueDocuments(a.jobs, documents(30, 11));
    await startWorkers(b.store, b.jobs, { concurrency: 2 });
    await until('articles stored', async () => (await a.jobs.lag()).inboxPending === 0);
    const old = new Sequencer(a.store, a.jobs, { batchSize: 10, name: 'old', leaseMs: 2000 });
    const oldLock = await old.lead();
    closers.push(() => oldLock.release());
    expect((await old.step()).assigned).toBe(10);
    // The server ends the old leader's session (as it does when a paused leader stops answering).
    await server.sql(`SELECT pg_terminate_backend(${await oldLock.backendPid()})`);
    const next = new Sequencer(b.store, b.jobs, { batchSize: 10, name: 'new' });
    const nextLock = await next.lead();
    closers.push(() => nextLock.release());
    expect((await next.step()).assigned).toBe(10);
    const before = await b.store.events.maxSeq();
    await expect(old.step()).rejects.toMatchObject({ code: 'fenced' });
    expect(await b.store.events.maxSeq()).toBe(before);
    expect((await b.jobs.lag()).fence).toMatchObject({ leader: 'new', position: (await b.store.articles.list({ order: 'id' }))[19]!.id });
    expect((await next.step()).assigned).toBe(10);
    expect(await b.store.events.maxSeq()).toBe(30);
  }, 300_000);

  it('the change feed: a sequencer commit wakes a serve process (NOTIFY, no poll), events numbered by the sequence', async () => {
    const reader = await open('feed');
    const service = new CrosscheckService({ store: reader.store, eventPollMs: 0, sheetBuilder: 'inline' });
    closers.push(() => service.close());
    const seen: number[] = [];
    service.events.subscribe((event) => seen.push(event.seq));
    await service.events.start();
    await service.start();
    const writer = await open('feed');
    await enqueueDocuments(writer.jobs, documents(12, 41));
    await startWorkers(writer.store, writer.jobs, { concurrency: 2, kinds: ['extract'] });
    await until('articles stored', async () => (await writer.jobs.lag()).inboxPending === 0);
    const sequencer = new Sequencer(writer.store, writer.jobs, { batchSize: 5 });
    const lock = await sequencer.lead();
    closers.push(() => lock.release());
    for (let i = 0; i < 10 && (await writer.store.events.maxSeq()) < 12; i++) await sequencer.step();
    await until('events delivered', () => Promise.resolve(seen.length >= 12));
    expect(seen).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  }, 300_000);

  it('kill -9 of a worker mid-job: its jobs run again elsewhere, nothing is lost or doubled', async () => {
    const url = server.url('killed');
    const main = await open('killed');
    const docs = documents(150, 23);
    await enqueueDocuments(main.jobs, docs);
    const first = crosscheck(['worker', '--db', url, '--concurrency', '4', '--job-timeout', '4', '--quiet']);
    children.push(first.child);
    await until('the first worker extracted some', async () => (await main.jobs.lag()).inboxPending < docs.length - 10);
    first.child.kill('SIGKILL');
    await stopped(first.child);
    const second = crosscheck(['worker', '--db', url, '--concurrency', '2', '--quiet']);
    children.push(second.child);
    await until('every document extracted', async () => (await main.jobs.lag()).inboxPending === 0);
    await until('every job done', async () => {
      const counts = await main.jobs.counts();
      return counts.every((c) => c.queued + c.active + c.retrying === 0);
    });
    second.child.kill('SIGTERM');
    await stopped(second.child);
    expect(await main.store.articles.count()).toBe(docs.length);
    const ids = (await main.store.articles.list({ order: 'id' })).map((a) => a.externalId);
    expect(new Set(ids).size).toBe(docs.length);
    const counts = await main.jobs.counts();
    expect(counts.find((c) => c.kind === 'extract')).toMatchObject({ completed: docs.length, failed: 0 });
    expect(counts.find((c) => c.kind === 'analyze')).toMatchObject({ completed: docs.length, failed: 0 });
  }, 600_000);

  it('two sequencers started at once: exactly one leads and writes; killed, the standby takes over', async () => {
    const url = server.url('two');
    const main = await open('two');
    await enqueueDocuments(main.jobs, documents(60, 31));
    const worker = crosscheck(['worker', '--db', url, '--concurrency', '2', '--quiet']);
    const s1 = crosscheck(['sequencer', '--db', url, '--batch', '20', '--lease', '3000']);
    const s2 = crosscheck(['sequencer', '--db', url, '--batch', '20', '--lease', '3000']);
    children.push(worker.child, s1.child, s2.child);
    await until('first articles assigned', async () => (await main.store.events.maxSeq()) === 60);
    const leaders = [s1, s2].filter((s) => /leading \(term/.test(s.output()));
    expect(leaders).toHaveLength(1);
    expect((await main.jobs.lag()).fence.term).toBe(1);
    const [leader, standby] = leaders[0] === s1 ? [s1, s2] : [s2, s1];
    leader.child.kill('SIGKILL');
    await stopped(leader.child);
    await enqueueDocuments(main.jobs, documents(40, 37));
    await until('the standby assigned the rest', async () => (await main.store.events.maxSeq()) === 100);
    expect(standby.output()).toMatch(/leading \(term 2\)/);
    expect((await main.jobs.lag()).fence.term).toBe(2);
    expect((await main.jobs.lag()).unassigned).toBe(0);
    for (const c of [worker, standby]) c.child.kill('SIGTERM');
    await Promise.all([stopped(worker.child), stopped(standby.child)]);
  }, 600_000);
});
