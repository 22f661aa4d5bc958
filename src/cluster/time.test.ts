import { describe, expect, it } from 'vitest';
import { generateEventStream } from '../../bench/event-stream.js';
import { seededRandom } from '../core/random.js';
import { StoryClusterer, scoreClustering, type ClusterInput } from './index.js';

/** The stories of `ids` as a canonical partition: sorted groups of sorted ids. */
function partition(c: StoryClusterer, ids: readonly number[]): number[][] {
  const groups = new Map<number, number[]>();
  for (const id of ids) {
    const s = c.storyOf(id)!;
    const g = groups.get(s) ?? [];
    g.push(id);
    groups.set(s, g);
  }
  return [...groups.values()].map((g) => g.sort((a, b) => a - b)).sort((a, b) => a[0]! - b[0]!);
}

function shuffledCopy<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  const random = seededRandom(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function run(articles: readonly ClusterInput[]): StoryClusterer {
  const c = new StoryClusterer({}, { now: () => Date.UTC(2024, 5, 1) });
  for (const a of articles) c.assign(a);
  c.settle();
  return c;
}

// Six weeks of news, so that stories leave the working set on the way.
const stream = generateEventStream({ seed: 11, events: 60, days: 42 }).map((g) => ({ ...g.input, arrivedAt: '2024-06-01T00:00:00Z' }));
const ids = stream.map((a) => a.id);
const inOrder = partition(run(stream), ids);

describe('time that cannot be poisoned', () => {
  it('an undated article first does not change the stories of a backfill', () => {
    const undated: ClusterInput = { id: 9_001, title: 'Notice', text: 'A short notice without a date about opening hours of the town library.', published: null };
    expect(partition(run([undated, ...stream]), ids)).toEqual(inOrder);
  });

  it('an article dated 2099-12-31 first is flagged and does not change the stories', () => {
    const future: ClusterInput = { id: 9_002, title: 'Far future', text: 'A feed entry that claims a date far in the future about a gardening show.', published: '2099-12-31', arrivedAt: '2024-06-01T00:00:00Z' };
    const c = new StoryClusterer({}, { now: () => Date.UTC(2024, 5, 1) });
    expect(c.assign(future).timeFlag).toBe('future');
    for (const a of stream) c.assign(a);
    c.settle();
    expect(partition(c, ids)).toEqual(inOrder);
  });

  it('newest first, and in shuffled orders, give (nearly) the stories of in-order arrival', () => {
    // Links are found through a bounded index, so a few weak ones depend on which article came
    // first; the stories agree all but everywhere (B-cubed F1 of one against the other).
    const gold = new Map<number, number>();
    inOrder.forEach((g, i) => g.forEach((id) => gold.set(id, i)));
    for (const order of [[...stream].reverse(), shuffledCopy(stream, 5), shuffledCopy(stream, 6)]) {
      const c = run(order);
      const predicted = new Map(ids.map((id) => [id, c.storyOf(id)!]));
      expect(scoreClustering(predicted, gold).f1).toBeGreaterThan(0.95);
    }
  });

  it('undated copies of the articles join the stories of their dated twins on content', () => {
    const undated = stream.slice(-40).map((a) => ({ ...a, id: a.id + 100_000, published: null }));
    const c = run([...stream, ...undated]);
    const together = undated.filter((u) => c.storyOf(u.id) === c.storyOf(u.id - 100_000)).length;
    expect(together / undated.length).toBeGreaterThan(0.9);
  });
});
