import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../src/store/index.js';
import { runCrosscheck, spawnCrosscheck } from './helpers/cli.js';
import { makeArticle, makeVocabulary, seededRandom } from './helpers/generate.js';

/**
 * A kill -9 in the middle of each phase (ingest, story assignment, a fact-sheet build) and a
 * rerun: every article is stored once, in one story, with the same stories (and the same fact
 * sheet) as a run that was never interrupted.
 */

const EVENTS = 120;
/** Reports per event: most events have one or two, a few many (so that stories are not all singletons). */
const sizeOf = (e: number): number => (e % 17 === 0 ? 40 : e % 5 === 0 ? 6 : 1 + (e % 3));

const capital = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** Generated reports of events: each event has its own names and lead; a third of the reports are wire copies with a changed line. */
function generateInput(): string[] {
  const random = seededRandom(11);
  const vocabulary = makeVocabulary(4000, 5);
  const names = makeVocabulary(4 * EVENTS + 50, 23).map(capital);
  const lines: string[] = [];
  for (let e = 0; e < EVENTS; e++) {
    const [person, place, body] = [names[3 * e]!, names[3 * e + 1]!, names[3 * e + 2]!];
    const day = 1 + (e % 27);
    const lead = `${person} of the ${body} council said on Monday that the bridge at ${place} collapsed after the storm, and ${10 + e} people were hurt.`;
    const reports: string[][] = [];
    for (let r = 0; r < sizeOf(e); r++) {
      const original = reports.length > 0 && random() < 0.33 ? reports[Math.floor(random() * reports.length)]! : null;
      const paragraphs = original
        ? [...original.slice(0, -1), `The ${body} council expects a first report on the collapse in ${r + 2} weeks, under file ${e}-${r}.`]
        : [lead, ...makeArticle(random, vocabulary, 90), `${person} said the ${body} council would meet in ${place} again.`];
      reports.push(paragraphs);
      lines.push(
        JSON.stringify({
          id: `e${e}-r${r}`,
          title: `Bridge collapse in ${place}`,
          text: paragraphs.join('\n\n'),
          source: `Outlet ${1 + Math.floor(random() * 30)}`,
          published: `2026-03-${String(day).padStart(2, '0')}T${String(6 + (r % 12)).padStart(2, '0')}:00:00Z`,
        }),
      );
    }
  }
  return lines;
}

interface Snapshot {
  articles: number;
  externalIds: number;
  unassigned: number;
  /** Each story as its articles' input ids, sorted; the stories sorted. */
  stories: string[];
}

async function snapshot(path: string): Promise<Snapshot> {
  const store = SqliteStore.open(path);
  try {
    const articles = await store.articles.list();
    const byStory = new Map<number, string[]>();
    let unassigned = 0;
    for await (const row of store.stories.exportRows()) {
      if (row.storyId === null) {
        unassigned++;
        continue;
      }
      const live = await store.stories.liveId(row.storyId);
      const list = byStory.get(live ?? -1) ?? [];
      list.push(row.externalId ?? `#${row.articleId}`);
      byStory.set(live ?? -1, list);
    }
    return {
      articles: articles.length,
      externalIds: new Set(articles.map((a) => a.externalId)).size,
      unassigned,
      stories: [...byStory.values()].map((ids) => ids.sort().join(' ')).sort(),
    };
  } finally {
    await store.close();
  }
}

/** Polls the store until `ready(store)` says so, then kills the child with SIGKILL; resolves once it has exited. */
async function killWhen(child: ChildProcess, path: string, ready: (store: SqliteStore) => Promise<boolean>, what: string): Promise<void> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let done = false;
  void exited.then(() => (done = true));
  const started = Date.now();
  for (;;) {
    if (done) throw new Error(`the run ended before ${what}: nothing was interrupted`);
    if (Date.now() - started > 200_000) throw new Error(`${what} not reached within 200 s`);
    if (existsSync(path)) {
      let reached = false;
      try {
        const probe = SqliteStore.open(path);
        try {
          reached = await ready(probe);
        } finally {
          await probe.close();
        }
      } catch {
        reached = false; // the schema is not there yet
      }
      if (reached) break;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  child.kill('SIGKILL');
  await exited;
}

describe('kill -9 and a rerun', { timeout: 600_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'cc-kill-'));
  const input = join(dir, 'reports.jsonl');
  const lines = generateInput();
  writeFileSync(input, lines.join('\n'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('in ingest, in story assignment and in a sheet build, leaves the same articles, stories and sheet as an uninterrupted run', async () => {
    const reference = join(dir, 'reference.db');
    const clean = await runCrosscheck(['ingest', input, '--db', reference, '--json']);
    expect(clean.code, clean.stderr).toBe(0);
    const expected = await snapshot(reference);
    expect(expected).toMatchObject({ articles: lines.length, externalIds: lines.length, unassigned: 0 });
    // Stories of several reports exist: the comparison below is not one of singletons only.
    expect(expected.stories.filter((s) => s.includes(' ')).length).toBeGreaterThan(10);

    const db = join(dir, 'killed.db');
    // 1. Killed while storing: some articles stored, none assigned yet.
    await killWhen(spawnCrosscheck(['ingest', input, '--db', db, '--json']), db, async (s) => (await s.articles.count()) > 0, 'storing');
    const afterIngestKill = await snapshot(db);
    expect(afterIngestKill.articles).toBeLessThan(lines.length);
    // 2. The rerun stores the rest and is killed while assigning: some stories written, not all.
    await killWhen(
      spawnCrosscheck(['ingest', input, '--db', db, '--json']),
      db,
      async (s) => (await s.articles.count()) === lines.length && (await s.stories.list({ limit: 1 })).length > 0,
      'assigning',
    );
    const afterAssignKill = await snapshot(db);
    expect(afterAssignKill.articles).toBe(lines.length);
    expect(afterAssignKill.unassigned).toBeGreaterThan(0);
    // 3. The second rerun finishes: each article once, each in one story, the stories of the uninterrupted run.
    const rerun = await runCrosscheck(['ingest', input, '--db', db, '--json']);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(await snapshot(db)).toEqual(expected);

    // 4. Killed while the server builds the largest story's fact sheet (a 202 says the build runs);
    // the store is sound and the sheet built afterwards is the uninterrupted run's.
    const largestOf = async (path: string): Promise<number> => {
      const store = SqliteStore.open(path);
      try {
        return (await store.stories.list({ limit: 1, order: 'largest' }))[0]!.id;
      } finally {
        await store.close();
      }
    };
    const expectedSheet = await runCrosscheck(['story', String(await largestOf(reference)), '--db', reference, '--format', 'json']);
    expect(expectedSheet.code, expectedSheet.stderr).toBe(0);
    const storyId = await largestOf(db);
    const server = spawnCrosscheck(['serve', '--db', db, '--port', '0']);
    const exited = new Promise((resolve) => server.once('exit', resolve));
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      server.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
        out += chunk;
        const match = /serving (http:\/\/[^/\s]+)\//.exec(out);
        if (match) resolve(match[1]!);
      });
      server.once('exit', () => reject(new Error(`serve stopped before listening: ${out}`)));
    });
    const answer = await fetch(`${url}/api/stories/${storyId}/factsheet`);
    expect(answer.status).toBe(202);
    server.kill('SIGKILL');
    await exited;
    const doctor = await runCrosscheck(['doctor', '--db', db]);
    expect(doctor.code, doctor.stdout + doctor.stderr).toBe(0);
    const sheet = await runCrosscheck(['story', String(storyId), '--db', db, '--format', 'json']);
    expect(sheet.code, sheet.stderr).toBe(0);
    // The same sheet; only the story's number may differ (a number the interrupted run had taken is not reused).
    const withoutStoryId = (json: string): unknown => {
      const parsed = JSON.parse(json) as { story: { id: number } };
      return { ...parsed, story: { ...parsed.story, id: 0 } };
    };
    expect(withoutStoryId(sheet.stdout)).toEqual(withoutStoryId(expectedSheet.stdout));
    expect(await snapshot(db)).toEqual(expected);
  });
});
