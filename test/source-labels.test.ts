import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMarkdown, type FactSheet } from '../src/analyze/index.js';
import { storyFactSheet } from '../src/pipeline/index.js';
import { SqliteStore } from '../src/store/index.js';
import { REPO_ROOT, runCrosscheck, SEEDS_DIR } from './helpers/cli.js';
import { ingestInto, memoryStore } from './helpers/pipeline.js';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'cc-labels-'));

/** The outlet counts of every story as the story list, the JSON sheet and the Markdown report give them. */
async function countsAgree(store: SqliteStore): Promise<Array<{ list: number; sheet: number; markdown: number; sheetJson: FactSheet; md: string }>> {
  const out = [];
  for (const s of await store.stories.list()) {
    const sheet = await storyFactSheet(store, s.id);
    if (!sheet) throw new Error(`no sheet for story ${s.id}`);
    const md = renderMarkdown(sheet);
    const header = /· (\d+) outlets? ·/.exec(md);
    out.push({ list: s.outletCount, sheet: new Set(sheet.articles.map((a) => a.label)).size, markdown: Number(header?.[1]), sheetJson: sheet, md });
  }
  return out;
}

describe('one source label everywhere', () => {
  it('gives the same outlet count in the story list, the JSON sheet and the Markdown report (examples)', async () => {
    const store = memoryStore();
    await ingestInto(store, [join(REPO_ROOT, 'examples')], { date: '2026-10-14' });
    const stories = await countsAgree(store);
    expect(stories.length).toBeGreaterThan(1);
    for (const s of stories) {
      expect(s.list).toBe(s.sheet);
      expect(s.markdown).toBe(s.sheet);
      // Every article is named by outlet, host or file, and the Sources list says where it is.
      for (const a of s.sheetJson.articles) {
        expect(a.label).not.toMatch(/^#\d+$/);
        expect(a.displayTitle.length).toBeGreaterThan(0);
      }
      const sources = s.md.slice(s.md.indexOf('## Sources'));
      expect(sources.split('\n').filter((l) => l.startsWith('- **'))).toHaveLength(s.sheetJson.articles.length);
    }
    await store.close();
  }, 120_000);

  it.skipIf(!existsSync(SEEDS_DIR))('names the unnamed seed reports by their files, five outlets in every view', async () => {
    const db = join(tmp(), 'seeds.db');
    const store = SqliteStore.open(db);
    await ingestInto(store, [SEEDS_DIR], { date: '2025-03-27' });
    const [story] = await countsAgree(store);
    await store.close();
    const table = await runCrosscheck(['stories', '--db', db]);
    expect(table.stdout).toMatch(/^1\s+5\s+5\s/m);
    expect(story).toBeDefined();
    expect(story!.list).toBe(5);
    expect(story!.markdown).toBe(5);
    for (const a of story!.sheetJson.articles) {
      expect(a.label).toMatch(/\.txt$/);
      expect(a.origin).toContain(a.label);
      // No title line in these files: the first sentence stands in, never longer than a line.
      if (a.title === null) expect(a.displayTitle.length).toBeLessThanOrEqual(91);
    }
    expect(story!.md).toMatch(/file `[^`]*seeds\/000_[^`]*\.txt`/);
    expect(story!.md).not.toMatch(/\\\[#\d+/);
  }, 120_000);
});
