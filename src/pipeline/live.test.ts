import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RawDocument } from '../core/types.js';
import { SqliteStore } from '../store/index.js';
import { assignPendingStories, COPY_WINDOW_DAYS, reclusterAll, StoryAssigner } from './index.js';
import { shiftSavedState } from './stories.js';

const REPORT = [
  'The regional water board said on Tuesday that the reservoir above the valley had reached its highest level in twenty years after a week of heavy rain across the hills.',
  'Engineers opened two of the spillway gates to release water gradually, and the board asked residents living downstream to keep away from the river banks until the weekend.',
  'The board added that the dam itself was sound and that inspections would continue every six hours while the water stayed high.',
].join('\n\n');

const doc = (text: string, id: string): RawDocument => ({ origin: { input: id }, format: 'text', content: text, hints: { id, source: 'Valley Post', published: '2026-10-14' } });
/** A syndicated copy: the same report with its last paragraph cut and a line of its own. */
const copyOf = (text: string): string => `${text.split('\n\n').slice(0, 2).join('\n\n')}\n\nLocal schools will stay open, the council said.`;

describe('StoryAssigner: copy-detection keys', () => {
  it('a start finds near-copies of what arrived within the window from the stored keys; older ones only by exact text', async () => {
    const store = SqliteStore.open(':memory:');
    let now = new Date('2026-01-01T00:00:00Z');
    const first = new StoryAssigner(store, { now: () => now });
    const old = await first.ingest(doc(REPORT, 'old'));
    now = new Date(now.getTime() + (COPY_WINDOW_DAYS + 5) * 86_400_000);
    const recent = await first.ingest(doc(REPORT.replace(/reservoir/g, 'lake').replace('twenty', 'thirty'), 'recent'));
    await first.close();
    expect(old.status).toBe('new');
    expect(recent.status).toBe('new');
    expect(await store.copyKeys.missing([old.id, recent.id], 1)).toEqual([]);

    // A restart: a new assigner loads the keys of the window only.
    now = new Date(now.getTime() + 86_400_000);
    const second = new StoryAssigner(store, { now: () => now });
    const copyOfRecent = await second.ingest(doc(copyOf(REPORT.replace(/reservoir/g, 'lake').replace('twenty', 'thirty')), 'copy-recent'));
    expect(copyOfRecent.status === 'new' && copyOfRecent.story.copies.map((c) => c.other)).toContain(recent.id);
    const exactOld = await second.ingest(doc(REPORT, 'again-old'));
    expect(exactOld).toMatchObject({ status: 'known', id: old.id });
    const copyOfOld = await second.ingest(doc(copyOf(REPORT), 'copy-old'));
    expect(copyOfOld.status === 'new' && copyOfOld.story.copies.map((c) => c.other)).not.toContain(old.id);
    await second.close();
    await store.close();
  });
});

describe('recluster beside other writers', () => {
  it('when another process made stories while it built, the rebuilt stories move above them, and the saved state with them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-live-'));
    const path = join(dir, 'store.db');
    const now = (): Date => new Date('2026-10-15T00:00:00Z');
    const store = SqliteStore.open(path);
    const other = SqliteStore.open(path);
    const first = new StoryAssigner(store, { now });
    const report = await first.ingest(doc(REPORT, 'report'));
    await first.close();
    const otherAssigner = new StoryAssigner(other, { now });
    await store.rebuildDerived(
      async (scratch) => {
        await assignPendingStories(scratch, { now });
        // Another process stores and assigns an article (a new story) while the rebuild runs.
        await otherAssigner.ingest(doc('A ferry ran aground off the northern cape on Monday; all forty passengers were brought ashore by lifeboat crews.', 'ferry'));
      },
      { shiftState: shiftSavedState },
    );
    await assignPendingStories(store, { now });
    const ids = (await store.stories.list()).map((s) => s.id).sort((a, b) => a - b);
    expect(ids).toHaveLength(2);
    // 1: the first story; 2: the other writer's; the rebuild's story moved above both.
    expect(ids[0]).toBeGreaterThan(2);
    const storyOfReport = await store.stories.ofArticle(report.id);
    // A copy of the report joins the report's story as the store has it: the loaded clusterer agrees with the stored ids.
    const later = new StoryAssigner(store, { now });
    const copy = await later.ingest(doc(copyOf(REPORT), 'copy'));
    expect(copy.status === 'new' && copy.story.storyId).toBe(storyOfReport);
    await later.close();
    const summary = await reclusterAll(store, { now });
    expect(summary.processed).toBe(3);
    expect(Math.min(...(await store.stories.list()).map((s) => s.id))).toBeGreaterThan(Math.max(...ids));
    await other.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
