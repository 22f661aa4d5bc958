/**
 * Time that cannot be poisoned, end to end (store, assigner, recluster): an undated article, one
 * dated in the far future, and arrivals out of date order give the stories that in-order arrival
 * gives. The clusterer's clock comes from plausible publication dates only.
 */
import { describe, expect, it } from 'vitest';
import { generateEventStream } from '../bench/event-stream.js';
import type { RawDocument } from '../src/core/types.js';
import { seededRandom } from '../src/core/random.js';
import { scoreClustering } from '../src/cluster/index.js';
import { assignPendingStories, ingestDocuments, reclusterAll, StoryAssigner } from '../src/pipeline/index.js';
import { SqliteStore, type StorePort } from '../src/store/index.js';

/** Two days of news (40 events), ingested months after it happened: a backfill. */
const STREAM = generateEventStream({ seed: 23, events: 40, days: 2 });
const ARRIVAL = new Date('2024-06-01T08:00:00Z');
const now = (): Date => ARRIVAL;

const docOf = (a: (typeof STREAM)[number]['input'], published: string | null = a.published): RawDocument => ({
  origin: { input: `stream-${a.id}` },
  format: 'text',
  content: a.text,
  hints: { id: `stream-${a.id}`, source: `Outlet ${a.id % 5}`, ...(a.title !== null ? { title: a.title } : {}), ...(published !== null ? { published } : {}) },
});

/** The same unrelated notice, dated within the stream: the reference's first arrival (so that every run has as many arrivals). */
const NOTICE = 'The town library will keep its reading room open until nine in the evening on weekdays, the librarian said, and the children’s corner reopens after repairs to its windows.';
const DATED: RawDocument = { origin: { input: 'notice.txt' }, format: 'text', content: NOTICE, hints: { id: 'notice', title: 'Library opening hours', published: '2024-03-01' } };
const UNDATED: RawDocument = {
  origin: { input: 'notice.txt' },
  format: 'text',
  content: NOTICE,
  hints: { id: 'notice', title: 'Library opening hours' },
};

const FUTURE: RawDocument = {
  origin: { input: 'feed entry https://feed.example/far-future' },
  format: 'text',
  content: NOTICE,
  hints: { id: 'far-future', title: 'Library opening hours', published: '2099-12-31' },
};

/** The stories of the stream's articles as a canonical partition of their input ids. */
async function partition(store: StorePort): Promise<string[][]> {
  const groups = new Map<number, string[]>();
  for await (const row of store.stories.exportRows()) {
    if (row.externalId === null || !row.externalId.startsWith('stream-') || row.storyId === null) continue;
    groups.set(row.storyId, [...(groups.get(row.storyId) ?? []), row.externalId]);
  }
  return [...groups.values()].map((g) => g.sort()).sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/** Ingests documents one by one, as the API and `watch` do. */
async function oneByOne(docs: RawDocument[]): Promise<{ store: SqliteStore; stories: string[][] }> {
  const store = SqliteStore.open(':memory:');
  const assigner = new StoryAssigner(store, { now });
  for (const doc of docs) await assigner.ingest(doc);
  await assigner.settle();
  await assigner.close();
  return { store, stories: await partition(store) };
}

/**
 * Agreement of two partitions (B-cubed F1). Online clustering through a bounded candidate index
 * finds a few weak links only in some orders, so orders agree all but everywhere, not exactly.
 */
function agreement(a: string[][], b: string[][]): number {
  const label = (p: string[][]): Map<string, number> => new Map(p.flatMap((g, i) => g.map((id): [string, number] => [id, i])));
  const gold = label(b);
  const predicted = label(a);
  return scoreClustering(new Map([...predicted].filter(([id]) => gold.has(id))), new Map([...gold].filter(([id]) => predicted.has(id)))).f1;
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  const random = seededRandom(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const byDate = (stream: typeof STREAM): RawDocument[] =>
  [...stream].sort((a, b) => (a.input.published ?? '').localeCompare(b.input.published ?? '') || a.input.id - b.input.id).map((g) => docOf(g.input));
const inOrderDocs = byDate(STREAM);
/** Six weeks of news (60 events), so that the clock crosses the working set's window on the way. */
const SIX_WEEKS = byDate(generateEventStream({ seed: 11, events: 60, days: 42 }));

describe('time that cannot be poisoned: through the store', () => {
  let reference: string[][] = [];

  it('in-order arrival, after a dated notice', async () => {
    const { store, stories } = await oneByOne([DATED, ...inOrderDocs]);
    reference = stories;
    expect(stories.length).toBeGreaterThan(20);
    await store.close();
  }, 120_000);

  it('an undated article before the backfill changes none of its stories', async () => {
    const { store, stories } = await oneByOne([UNDATED, ...inOrderDocs]);
    expect(stories).toEqual(reference);
    await store.close();
  }, 120_000);

  it('a feed entry dated 2099-12-31 first keeps its date, is flagged, and changes none of the stories', async () => {
    const { store, stories } = await oneByOne([FUTURE, ...inOrderDocs]);
    expect(stories).toEqual(reference);
    const future = (await store.articles.list()).find((a) => a.externalId === 'far-future')!;
    expect(future.published?.startsWith('2099-12-31')).toBe(true);
    const storyId = await store.stories.ofArticle(future.id);
    const member = (await store.stories.members(storyId!)).find((m) => m.articleId === future.id)!;
    expect(member.reasons.join(' ')).toMatch(/2099-12-31/);
    await store.close();
  }, 120_000);

  it('six weeks arriving out of date order (newest first, shuffled) give the stories of in-order arrival, all but everywhere', async () => {
    const inOrder = await oneByOne(SIX_WEEKS);
    await inOrder.store.close();
    for (const docs of [[...SIX_WEEKS].reverse(), shuffled(SIX_WEEKS, 3)]) {
      const { store, stories } = await oneByOne(docs);
      expect(agreement(stories, inOrder.stories)).toBeGreaterThan(0.95);
      expect(Math.abs(stories.length - inOrder.stories.length)).toBeLessThanOrEqual(Math.ceil(inOrder.stories.length * 0.05));
      await store.close();
    }
  }, 300_000);

  it('a batch ingest with an undated and a future-dated file, and a recluster, give the same stories', async () => {
    const store = SqliteStore.open(':memory:');
    // eslint-disable-next-line @typescript-eslint/require-await
    async function* docs(): AsyncGenerator<{ ok: true; doc: RawDocument }> {
      yield { ok: true, doc: UNDATED };
      yield { ok: true, doc: FUTURE };
      for (const doc of shuffled(inOrderDocs, 9)) yield { ok: true, doc };
    }
    await ingestDocuments(docs(), store, { now });
    await assignPendingStories(store, { now });
    const batch = await partition(store);
    expect(agreement(batch, reference)).toBeGreaterThan(0.95);
    // A recluster processes in order of publication: the same stories as the batch (which did too).
    await reclusterAll(store, { now });
    expect(await partition(store)).toEqual(batch);
    await store.close();
  }, 240_000);
});
