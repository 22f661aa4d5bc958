import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoryPipeline } from '../src/pipeline/index.js';
import { ingestInto, memoryStore } from './helpers/pipeline.js';

const NOW = '2026-11-01T00:00:00Z';

/** Three reports of one invented flood and one of a match, as JSONL. */
function writeArticles(): string {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-corrections-'));
  const flood = (i: number): string =>
    JSON.stringify({
      id: `f${i}`,
      title: `River Ostel floods Marrow valley, report ${i}`,
      published: '2026-10-20',
      text: `The river Ostel burst its banks in the Marrow valley on Monday, flooding 300 homes in Kestrin, officials said. Rescue boats reached stranded families in Kestrin. Report ${i}.`,
    });
  const lines = [flood(1), flood(2), flood(3), JSON.stringify({ id: 'm1', title: 'Dravik United win the cup', published: '2026-10-20', text: 'Dravik United beat Holm City 2-0 in the cup final at Merrow Stadium on Saturday, with two goals from Tomas Vell.' })];
  const file = join(dir, 'articles.jsonl');
  writeFileSync(file, lines.join('\n'));
  return file;
}

describe('readers correct stories through the pipeline', () => {
  it('moves an article out and merges two stories; the store and later loads keep it', async () => {
    const store = memoryStore();
    await ingestInto(store, [writeArticles()]);
    const ids = (await store.articles.list()).map((a): number => a.id);
    const storyOf = async (id: number): Promise<number> => (await store.stories.ofArticle(id))!;
    const [f1, f2, f3, m1] = [ids[0]!, ids[1]!, ids[2]!, ids[3]!];
    expect(new Set([await storyOf(f1), await storyOf(f2), await storyOf(f3)]).size).toBe(1);
    expect(await storyOf(m1)).not.toBe(await storyOf(f1));

    const pipeline = await StoryPipeline.load(store);
    await store.transaction((tx) => pipeline.moveArticle(tx, f3, null, NOW));
    expect(await storyOf(f3)).not.toBe(await storyOf(f1));
    const reasons = (await store.stories.members(await storyOf(f3))).find((m) => m.articleId === f3)!.reasons;
    expect(reasons.join(' ')).toMatch(/moved by a reader/);

    const [a, b] = [await storyOf(m1), await storyOf(f1)];
    await store.transaction((tx) => pipeline.mergeStories(tx, a, b, NOW));
    expect(await storyOf(m1)).toBe(await storyOf(f1));

    // A fresh load (the saved state) still holds the corrections.
    const again = await StoryPipeline.load(store);
    const changes = await store.transaction((tx) => again.settle(tx, NOW));
    expect(changes.moves).toEqual([]);
    expect(await storyOf(f3)).not.toBe(await storyOf(f1));
    await store.close();
  });
});
