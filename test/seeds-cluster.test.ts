import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoryClusterer, type ClusterInput } from '../src/cluster/index.js';

const repoRoot = path.resolve(import.meta.dirname, '..');
const seedsDir = path.resolve(repoRoot, '..', 'shared', 'seeds');
const basilFile = path.resolve(repoRoot, '..', 'shared', 'eval-data', 'basil', 'clusters.jsonl');

/**
 * The seed files as a new user hands them over, without `--date`: a leading ` date YYYY-MM-DD`
 * token gives the date, the other files are undated.
 */
function loadSeeds(): ClusterInput[] {
  const files = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort();
  return files.map((f, i) => {
    const raw = readFileSync(path.join(seedsDir, f), 'utf8');
    const m = /^\s*date (\d{4}-\d{2}-\d{2})\s*/.exec(raw);
    return { id: i + 1, title: null, text: m ? raw.slice(m[0].length) : raw, published: m ? m[1]! : null, arrivedAt: '2025-03-28T09:00:00Z' };
  });
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  const out: T[][] = [];
  items.forEach((x, i) => {
    for (const rest of permutations([...items.slice(0, i), ...items.slice(i + 1)])) out.push([x, ...rest]);
  });
  return out;
}

/** Unrelated articles: BASIL (2010–2019) when present, else generated ones on other topics. */
function unrelatedArticles(): ClusterInput[] {
  if (existsSync(basilFile)) {
    return readFileSync(basilFile, 'utf8')
      .trim()
      .split('\n')
      .map((l, i) => {
        const r = JSON.parse(l) as { title: string | null; text: string };
        // Re-dated around the summit so time windows do not keep them apart.
        const day = 20 + (i % 14);
        const date = day <= 31 ? `2025-03-${String(day).padStart(2, '0')}` : `2025-04-0${day - 31}`;
        return { id: 1000 + i, title: r.title, text: r.text, published: date };
      });
  }
  const topics = ['flood river town residents evacuated rain', 'football league match goal striker', 'court trial jury verdict fraud', 'election ballot mayor council vote'];
  return Array.from({ length: 200 }, (_, i) => ({
    id: 1000 + i,
    title: null,
    text: `${topics[i % topics.length]!} report number ${i} city ${i % 7}. ${topics[(i + 1) % topics.length]!}`,
    published: '2025-03-27',
  }));
}

describe.skipIf(!existsSync(seedsDir))('seeds: five reports of one summit', () => {
  const seeds = existsSync(seedsDir) ? loadSeeds() : [];

  it('form one story in every arrival order (120 permutations)', () => {
    expect(seeds).toHaveLength(5);
    for (const order of permutations(seeds)) {
      const c = new StoryClusterer();
      for (const s of order) c.assign(s);
      c.settle();
      const story = c.storyOf(seeds[0]!.id);
      expect(new Set(seeds.map((s) => c.storyOf(s.id)))).toEqual(new Set([story]));
      const summary = c.stories().find((x) => x.id === story)!;
      expect(summary.size).toBe(5);
      expect(summary.firstSeen).toBe('2025-03-27');
      expect(summary.title.length).toBeGreaterThan(10);
    }
  });

  it('stay together and alone among a few hundred unrelated articles', () => {
    const all = unrelatedArticles();
    // Seeds spread through the stream at fixed places, in two orders and two backgrounds.
    for (const [order, others] of [
      [seeds, all.slice(0, 150)],
      [[...seeds].reverse(), all.slice(150, 250)],
    ] as const) {
      const stream: ClusterInput[] = [];
      const step = Math.floor(others.length / 6);
      others.forEach((o, i) => {
        stream.push(o);
        const k = (i + 1) / step - 1;
        if (Number.isInteger(k) && k >= 0 && k < order.length) stream.push(order[k]!);
      });
      for (const s of order) if (!stream.includes(s)) stream.push(s);
      const c = new StoryClusterer();
      for (const a of stream) c.assign(a);
      c.settle();
      const story = c.storyOf(seeds[0]!.id)!;
      expect(new Set(seeds.map((s) => c.storyOf(s.id)))).toEqual(new Set([story]));
      expect(c.stories().find((x) => x.id === story)!.size).toBe(5);
    }
  });
});
