import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { storyView, type StoryView } from '../src/cli/commands/stories.js';
import { REPO_ROOT, runCrosscheck, SEEDS_DIR } from './helpers/cli.js';
import { ingestInto, memoryStore } from './helpers/pipeline.js';
import { SqliteStore } from '../src/store/index.js';
import { ASSIGN_CHUNK_SIZE, reclusterAll } from '../src/pipeline/index.js';
import { makeArticle, makeVocabulary, seededRandom } from './helpers/generate.js';
import { FACT_SHEET_VERSION } from '../src/analyze/index.js';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'cc-stories-'));
const EXAMPLES = join(REPO_ROOT, 'examples');

interface ExportLine {
  id: string | number;
  article: number;
  story: number | null;
  copyGroup: number | null;
  source: string | null;
  published: string | null;
  title: string | null;
}

async function exportLines(db: string): Promise<ExportLine[]> {
  const result = await runCrosscheck(['export', '--format', 'jsonl', '--db', db]);
  expect(result.code).toBe(0);
  return result.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as ExportLine);
}

describe('stories from the example articles', () => {
  it('groups the examples into stories, marks the wire copies, and exports one line per article', async () => {
    const db = join(tmp(), 'ex.db');
    const ingest = await runCrosscheck(['ingest', EXAMPLES, '--db', db, '--date', '2026-10-14', '--json']);
    expect(ingest.code).toBe(0);
    const lines = await exportLines(db);
    expect(lines).toHaveLength(9);
    const byTitle = (needle: RegExp): ExportLine => {
      const found = lines.find((l) => needle.test(l.title ?? ''));
      if (!found) throw new Error(`no article titled ${String(needle)}`);
      return found;
    };
    const wire = byTitle(/Ferry carrying 412 runs aground/);
    const cut = byTitle(/Hundreds rescued in the dark/);
    const recall = byTitle(/Lumora recalls/);
    expect(cut.story).toBe(wire.story);
    expect(cut.copyGroup).toBe(wire.copyGroup);
    expect(recall.story).not.toBe(wire.story);
    expect(byTitle(/Lumora shares slide/).story).toBe(recall.story);
    // The JSONL input ids are kept.
    expect(recall.id).toMatch(/\S/);
    expect(typeof recall.id).toBe('string');

    const stories = JSON.parse((await runCrosscheck(['stories', '--db', db, '--json'])).stdout) as Array<{ id: number; articleCount: number }>;
    const ferry = stories.find((s) => s.id === wire.story);
    expect(ferry?.articleCount).toBeGreaterThanOrEqual(5);
    const story = await runCrosscheck(['story', String(wire.story), '--db', db]);
    expect(story.code).toBe(0);
    expect(story.stdout).toMatch(/shared with/);
    expect(story.stdout).toMatch(/\[own\]/);
    expect(story.stdout).toMatch(/SUMMARY/);

    const md = await runCrosscheck(['story', String(wire.story), '--db', db, '--format', 'md']);
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# /);
    expect(md.stdout).toMatch(/## Summary/);
    expect(md.stdout).toMatch(/\| Value \|/);
    expect(md.stdout).not.toMatch(/<script|<nav/i);
    const sheet = JSON.parse((await runCrosscheck(['story', String(wire.story), '--db', db, '--format', 'json'])).stdout) as {
      version: number;
      summary: Array<{ text: string; citations: unknown[] }>;
      figures: Array<{ isDisagreement: boolean }>;
    };
    expect(sheet.version).toBe(FACT_SHEET_VERSION);
    expect(sheet.summary.length).toBeGreaterThanOrEqual(5);
    expect(sheet.summary.every((s) => s.citations.length > 0)).toBe(true);
    expect(sheet.figures.some((f) => f.isDisagreement)).toBe(true);
  }, 240_000);

  it('recluster gives the same stories and copy groups as ingesting one by one', async () => {
    const files = readdirSync(EXAMPLES, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.(html|txt|jsonl)$/.test(e.name))
      .map((e) => join(e.parentPath, e.name))
      .sort();
    const store = memoryStore();
    // One file per run, in order of publication, as the articles would arrive.
    const batch = memoryStore();
    await ingestInto(batch, [EXAMPLES], { date: '2026-10-14' });
    const published = new Map((await batch.articles.list()).map((a) => [a.origin.split(' (')[0] ?? '', a.published ?? '']));
    files.sort((a, b) => (published.get(a) ?? '').localeCompare(published.get(b) ?? '') || a.localeCompare(b));
    for (const file of files) await ingestInto(store, [file], { date: '2026-10-14' });
    const snapshot = async (s: typeof store): Promise<string[]> => {
      const rows = [];
      for await (const row of s.stories.exportRows()) rows.push(row);
      const articles = new Map((await s.articles.list()).map((a) => [Number(a.id), a]));
      const title = (id: number | null): string => (id === null ? '-' : (articles.get(id)?.title ?? articles.get(id)?.paragraphs[0]?.slice(0, 40) ?? '?'));
      const byStory = new Map<number | null, string[]>();
      for (const r of rows) byStory.set(r.storyId, [...(byStory.get(r.storyId) ?? []), `${title(r.articleId)} <- copy group of ${title(r.copyGroup)}`]);
      return [...byStory.values()].map((g) => g.sort().join(' | ')).sort();
    };
    const oneByOne = await snapshot(store);
    expect(oneByOne.length).toBeGreaterThanOrEqual(3);
    await reclusterAll(store, { now: () => new Date('2026-11-01T00:00:00Z') });
    expect(await snapshot(store)).toEqual(oneByOne);
    expect(await snapshot(batch)).toEqual(oneByOne);
    await store.close();
    await batch.close();
  }, 120_000);
});

describe('recluster as one step', () => {
  const NOW = (): Date => new Date('2026-11-01T00:00:00Z');
  const assignments = async (store: ReturnType<typeof memoryStore>): Promise<string[]> => {
    const rows: string[] = [];
    for await (const r of store.stories.exportRows()) rows.push(`${r.articleId}:${r.storyId}`);
    return rows;
  };

  it('gives new story ids, never an old one, and forgets the sheets and entity index of the old stories', async () => {
    const store = memoryStore();
    await ingestInto(store, [EXAMPLES], { date: '2026-10-14' });
    const before = (await store.stories.list()).map((s) => s.id);
    expect(before.length).toBeGreaterThanOrEqual(3);
    await store.transaction((tx) => tx.factSheets.put({ storyId: before[0]!, key: 'k', data: '{}' }, 1, [{ id: 'e', name: 'Gardening Club', kind: 'org', mentions: 1 }], NOW().toISOString()));
    expect((await store.stories.entities({ limit: 5 })).map((e) => e.name)).toEqual(['Gardening Club']);
    await reclusterAll(store, { now: NOW });
    const after = (await store.stories.list()).map((s) => s.id);
    expect(after).toHaveLength(before.length);
    expect(Math.min(...after)).toBeGreaterThan(Math.max(...before));
    expect(await store.stories.entities({ limit: 5 })).toEqual([]);
    expect((await store.stories.page({ entity: 'Gardening Club', limit: 10, offset: 0 })).rows).toEqual([]);
    // A second recluster again moves above every id given so far; a restart of the assigner gives the same ids.
    await reclusterAll(store, { now: NOW });
    const again = (await store.stories.list()).map((s) => s.id);
    expect(Math.min(...again)).toBeGreaterThan(Math.max(...after));
    await store.close();
  }, 120_000);

  it('a recluster that dies part way leaves the old stories as they were', async () => {
    const dir = tmp();
    // More articles than one assignment chunk, so that the recluster dies after committing a chunk of its own.
    const random = seededRandom(7);
    const vocabulary = makeVocabulary(3000, 7);
    const lines = Array.from({ length: ASSIGN_CHUNK_SIZE + 50 }, (_, i) =>
      JSON.stringify({ id: `g${i}`, title: `Report ${i}`, text: makeArticle(random, vocabulary, 120).join('\n\n'), published: '2026-10-14', source: `Outlet ${i % 7}` }),
    );
    writeFileSync(join(dir, 'many.jsonl'), `${lines.join('\n')}\n`);
    const store = memoryStore();
    await ingestInto(store, [dir]);
    const before = await assignments(store);
    expect(before).toHaveLength(ASSIGN_CHUNK_SIZE + 50);
    let calls = 0;
    // The clock fails on the second chunk: as a kill or a crash would stop it.
    const failingNow = (): Date => {
      if (++calls > 1) throw new Error('stopped');
      return NOW();
    };
    await expect(reclusterAll(store, { now: failingNow })).rejects.toThrow('stopped');
    expect(await assignments(store)).toEqual(before);
    expect(await store.articles.pendingIds()).toEqual([]);
    // The next recluster goes through.
    const summary = await reclusterAll(store, { now: NOW });
    expect(summary.processed).toBe(ASSIGN_CHUNK_SIZE + 50);
    await store.close();
  }, 240_000);

  it('`crosscheck recluster` on a file store: another process reads the old stories until the swap, then only new ids', async () => {
    const dir = tmp();
    const path = join(dir, 'store.db');
    const store = SqliteStore.open(path);
    await ingestInto(store, [EXAMPLES], { date: '2026-10-14' });
    const before = (await store.stories.list()).map((s) => s.id);
    const re = await runCrosscheck(['recluster', '--json', '--db', path]);
    expect(re.code).toBe(0);
    const after = (await store.stories.list()).map((s) => s.id);
    expect(after).toHaveLength(before.length);
    expect(Math.min(...after)).toBeGreaterThan(Math.max(...before));
    await store.close();
  }, 120_000);
});

describe.skipIf(!existsSync(SEEDS_DIR))('the canonical case: ../shared/seeds (needs ../shared)', () => {
  const seedFiles = existsSync(SEEDS_DIR) ? readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort() : [];

  /** Every arrival order of the five files. */
  function permutations(items: number[]): number[][] {
    if (items.length <= 1) return [items];
    return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
  }

  it('gives one story whatever the order the five arrive in, with 000 and 001 as copies of one wire text', async () => {
    const orders = permutations([0, 1, 2, 3, 4]);
    expect(orders).toHaveLength(120);
    for (const order of orders) {
      const store = memoryStore();
      for (const i of order) await ingestInto(store, [join(SEEDS_DIR, seedFiles[i] ?? '')], { date: '2025-03-27' });
      const stories = await store.stories.list();
      expect(stories, `order ${order.join(',')}`).toHaveLength(1);
      const members = await store.stories.members(stories[0]?.id ?? 0);
      expect(members).toHaveLength(5);
      const all = await store.articles.list();
      const idOf = (prefix: string): number => {
        const article = all.find((a) => a.origin.includes(`${prefix}_`));
        if (!article) throw new Error(`no seed ${prefix}`);
        return article.id;
      };
      const [a0, a1, a2, a3, a4] = ['000', '001', '002', '003', '004'].map(idOf) as [number, number, number, number, number];
      const group = (id: number): number | undefined => members.find((m) => m.articleId === id)?.copyGroup;
      expect(group(a0), `order ${order.join(',')}`).toBe(group(a1));
      expect(group(a2)).not.toBe(group(a0));
      expect(group(a3)).not.toBe(group(a0));
      expect(group(a4)).not.toBe(group(a0));
      if (order.join() === '0,1,2,3,4' || order.join() === '4,3,2,1,0') {
        const view = await storyView(store, stories[0]?.id ?? 0);
        const get = (id: number): StoryView['articles'][number] => {
          const found = view.articles.find((a) => a.id === id);
          if (!found) throw new Error(`article ${id} not in the story`);
          return found;
        };
        const sharesWith = (id: number, others: number[]): boolean =>
          get(id).passages.some((p) => p.sharedWith.some((s) => others.includes(s.article)));
        expect(get(a0).copies.map((c) => c.other)).toContain(a1);
        expect(sharesWith(a2, [a0, a1])).toBe(true);
        expect(sharesWith(a3, [a0, a1])).toBe(true);
        expect(get(a4).ownShare).toBeGreaterThan(0.8);
      }
      await store.close();
    }
  }, 300_000);

  it('keeps the five together, and apart from a few hundred unrelated articles', async () => {
    const dir = tmp();
    // Unrelated news on many other topics, written for this test.
    const topics = [
      ['harbour', 'dredging works at the container terminal', 'port authority'],
      ['election', 'municipal election turnout in the northern districts', 'electoral commission'],
      ['football', 'the cup final between the two city clubs', 'league officials'],
      ['drought', 'water restrictions across the southern farming region', 'agriculture ministry'],
      ['vaccine', 'a new childhood vaccination schedule', 'health department'],
      ['railway', 'the high-speed line to the coast', 'rail operator'],
      ['museum', 'a stolen painting recovered by police', 'museum director'],
      ['wildfire', 'evacuations near the national park', 'fire service'],
    ] as const;
    const lines: string[] = [];
    for (let i = 0; i < 240; i++) {
      const [word, subject, speaker] = topics[i % topics.length]!;
      const day = 1 + (i % 28);
      lines.push(
        JSON.stringify({
          id: `u${i}`,
          title: `Update ${i} on ${subject}`,
          source: `Outlet ${i % 13}`,
          published: `2025-03-${String(day).padStart(2, '0')}`,
          text: [
            `Officials gave update number ${i} on ${subject} on ${['Monday', 'Tuesday', 'Friday'][i % 3]}, the ${speaker} said.`,
            `The ${word} issue has drawn attention from residents of district ${i % 17}, who asked for more information about ${subject}.`,
            `"We are following the ${word} situation closely," a spokesperson for the ${speaker} said, adding that a report would follow within ${2 + (i % 5)} weeks.`,
          ].join('\n\n'),
        }),
      );
    }
    const unrelated = join(dir, 'unrelated.jsonl');
    writeFileSync(unrelated, lines.join('\n'));
    const store = memoryStore();
    await ingestInto(store, [unrelated, SEEDS_DIR], { date: '2025-03-27' });
    const seedIds = (await store.articles.list()).filter((a) => a.externalId === null).map((a): number => a.id);
    expect(seedIds).toHaveLength(5);
    const storyIds = new Set(await Promise.all(seedIds.map(async (id) => (await store.stories.ofArticle(id))!)));
    expect(storyIds.size).toBe(1);
    const members = (await store.stories.members([...storyIds][0] ?? 0)).map((m) => m.articleId);
    expect(members.sort()).toEqual([...seedIds].sort());
    await store.close();
  }, 120_000);
});

describe('crosscheck stories --search', () => {
  it('finds stories by words and operators, says what matched, and refuses an operator it cannot read', async () => {
    const db = join(tmp(), 'search.db');
    expect((await runCrosscheck(['ingest', EXAMPLES, '--db', db, '--date', '2026-10-14', '--json'])).code).toBe(0);
    const found = await runCrosscheck(['stories', '--db', db, '--search', 'quote:"grieves for one of its own"', '--json']);
    expect(found.code).toBe(0);
    const stories = JSON.parse(found.stdout) as Array<{ id: number; title: string; match?: { label: string; text: string } }>;
    expect(stories).toHaveLength(1);
    expect(stories[0]!.match?.text).toMatch(/grieves for one of its own/i);
    // Words outside quotation marks are not a quote; the same words as plain words are found.
    expect(JSON.parse((await runCrosscheck(['stories', '--db', db, '--search', 'quote:"battery cells" outlet:Nobody', '--json'])).stdout)).toEqual([]);
    const text = await runCrosscheck(['stories', '--db', db, '--search', 'Marena date:2026']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^#\d+ .+: .*Marena/im);
    const bad = await runCrosscheck(['stories', '--db', db, '--search', 'from:yesterday']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--search: from: expected a date YYYY-MM-DD');
  }, 120_000);
});
