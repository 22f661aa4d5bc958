import { describe, expect, it } from 'vitest';
import type { RawDocument } from '../core/types.js';
import { SqliteStore } from '../store/index.js';
import { COPY_WINDOW_DAYS, StoryAssigner } from './index.js';

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
