import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureService } from '../../test/e2e/api-fixtures.js';
import type { FactSheet } from '../analyze/index.js';
import { createApp, cslItems, type CrosscheckService, type CslItem } from './index.js';

describe('story downloads', () => {
  let service: CrosscheckService;
  let app: ReturnType<typeof createApp>;
  let story: number;

  beforeAll(async () => {
    service = await fixtureService();
    app = createApp({ service });
    story = (await service.listStories({ limit: 20 })).stories.find((s) => s.articleCount === 3)!.id;
  });
  afterAll(async () => {
    await service.close();
    await service.store.close();
  });

  it('downloads the fact sheet as Markdown, as an attachment named after the story', async () => {
    const res = await app.request(`/api/stories/${story}/export.md`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="story-${story}.md"`);
    const text = await res.text();
    expect(text).toMatch(/^# Fact sheet: /);
    expect(text).toContain('## Sources');
  });

  it('downloads the fact sheet JSON as served by the factsheet endpoint', async () => {
    const res = await app.request(`/api/stories/${story}/export.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="story-${story}.json"`);
    expect(res.headers.get('fact-sheet-state')).toBe('fresh');
    const sheet = (await res.json()) as FactSheet;
    // The factsheet endpoint's answer adds only its `freshness`.
    const { freshness, ...direct } = (await (await app.request(`/api/stories/${story}/factsheet`)).json()) as FactSheet & { freshness: unknown };
    expect(freshness).toBeDefined();
    expect(sheet).toEqual(direct);
  });

  it('downloads CSL-JSON citations: one item per article, with its outlet, URL and own date', async () => {
    const res = await app.request(`/api/stories/${story}/export.csl.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/vnd\.citationstyles\.csl\+json/);
    const items = (await res.json()) as CslItem[];
    const sheet = JSON.parse((await service.factSheetJson(story))!) as FactSheet;
    expect(items).toHaveLength(sheet.articles.length);
    for (const [i, item] of items.entries()) {
      const a = sheet.articles[i]!;
      expect(item.id).toBe(`crosscheck-article-${a.id}`);
      expect(item.title.length).toBeGreaterThan(0);
      if (a.source) expect(item).toMatchObject({ type: 'article-newspaper', 'container-title': a.source });
      if (a.published) expect(item.issued?.['date-parts'][0]?.join('-')).toBe(a.published.slice(0, 10).split('-').map(Number).join('-'));
      else expect(item.issued).toBeUndefined();
    }
  });

  it('never gives an inferred date as the issued date, and names a file input in the note', async () => {
    const sheet = JSON.parse((await service.factSheetJson(story))!) as FactSheet;
    const undated: FactSheet = {
      ...sheet,
      articles: sheet.articles.map((a, i) => (i === 0 ? { ...a, source: null, url: null, origin: 'in/report.txt', published: null, inferredDate: '2026-10-14', inferredFrom: 'story' as const } : a)),
    };
    const [first] = cslItems(undated);
    expect(first?.type).toBe('document');
    expect(first?.issued).toBeUndefined();
    expect(first?.note).toContain('input file: in/report.txt');
  });

  it('answers 404 for a story that does not exist and 400 for a bad id', async () => {
    expect((await app.request('/api/stories/99999/export.md')).status).toBe(404);
    expect((await app.request('/api/stories/abc/export.csl.json')).status).toBe(400);
  });
});
