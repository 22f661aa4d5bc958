/**
 * `npm run bench -- writers`: N processes (1, 2, 4) storing and assigning articles one at a time
 * into one SQLite store at once, as API writes, the watcher and CLI ingests do. Each writer's
 * share overlaps its neighbour's by a fifth, so the same article is written by two processes.
 * Prints articles/s (all writers together), the waits for another writer (retries) and errors,
 * and checks that every article was stored once and assigned once.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SqliteStore } from '../src/store/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const PER_WRITER = Number(process.env.WRITERS_PER_WRITER ?? 150);
const OVERLAP = Math.floor(PER_WRITER / 5);

interface ChildReport {
  writes: number;
  known: number;
  errors: number;
  messages: string[];
  seconds: number;
  transactions: number;
  retries: number;
}

async function runWriters(n: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cc-bench-writers-'));
  const db = join(dir, 'writers.db');
  // Create the schema first, so that the writers measure writing, not opening.
  await SqliteStore.open(db).close();
  try {
    const children = Array.from({ length: n }, (_, k) =>
      spawn(process.execPath, ['--import', 'tsx', resolve(here, 'writers-child.ts'), db, String(k * (PER_WRITER - OVERLAP)), String(PER_WRITER)], {
        stdio: ['pipe', 'pipe', 'inherit'],
      }),
    );
    const outputs = children.map(() => '');
    const ready = children.map(
      (child, k) =>
        new Promise<void>((resolveReady) => {
          child.stdout.on('data', (chunk: Buffer) => {
            outputs[k] += chunk.toString();
            if (outputs[k]!.includes('ready\n')) resolveReady();
          });
        }),
    );
    const exited = children.map((child) => new Promise<number | null>((resolveExit) => child.once('exit', resolveExit)));
    await Promise.all(ready);
    const started = performance.now();
    for (const child of children) child.stdin.end('go\n');
    const codes = await Promise.all(exited);
    const wall = (performance.now() - started) / 1000;
    const reports = outputs.map((out) => JSON.parse(out.split('\n').filter((l) => l.startsWith('{')).at(-1) ?? '{}') as ChildReport);
    const writes = reports.reduce((s, r) => s + (r.writes ?? 0), 0);
    const errors = reports.reduce((s, r) => s + (r.errors ?? 0), 0) + codes.filter((c) => c !== 0).length;
    const retries = reports.reduce((s, r) => s + (r.retries ?? 0), 0);
    const transactions = reports.reduce((s, r) => s + (r.transactions ?? 0), 0);
    const expected = n * PER_WRITER - (n - 1) * OVERLAP;
    const store = SqliteStore.open(db);
    const stored = await store.articles.count();
    const pending = (await store.articles.pendingIds()).length;
    const assigned = (await store.events.assignedAfter(0)).length;
    await store.close();
    const once = stored === expected && assigned === expected && pending === 0;
    console.log(
      `${String(n).padStart(7)}${String(writes).padStart(8)}${(writes / wall).toFixed(0).padStart(12)}${String(transactions).padStart(8)}${String(retries).padStart(9)}${String(errors).padStart(8)}   ${once ? 'yes' : `NO (stored ${stored}, assigned ${assigned}, pending ${pending}, expected ${expected})`}`,
    );
    for (const r of reports) for (const m of r.messages ?? []) console.log(`        error: ${m}`);
    if (!once || errors > 0) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  console.log(`writers: each process stores and assigns ${PER_WRITER} generated articles one per transaction (${OVERLAP} shared with the next writer), all on one SQLite file`);
  console.log(`${'writers'.padStart(7)}${'writes'.padStart(8)}${'articles/s'.padStart(12)}${'tx'.padStart(8)}${'retries'.padStart(9)}${'errors'.padStart(8)}   each article stored and assigned once`);
  for (const n of [1, 2, 4]) await runWriters(n);
}
