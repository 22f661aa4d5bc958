import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureService } from '../../test/e2e/api-fixtures.js';
import type { CrosscheckService } from './index.js';

describe('search matches', () => {
  let service: CrosscheckService;
  beforeAll(async () => {
    service = await fixtureService();
  });
  afterAll(async () => {
    await service.close();
    await service.store.close();
  });

  it('gives each search result an excerpt of its best-matching article, the matched words marked', async () => {
    const page = await service.listStories({ limit: 20, q: 'container terminal' });
    expect(page.stories.length).toBeGreaterThan(0);
    for (const story of page.stories) {
      const m = story.match!;
      expect(m).toBeDefined();
      expect(m.label.length).toBeGreaterThan(0);
      const words = m.highlights.map(([a, b]) => m.text.slice(a, b).toLowerCase());
      expect(words.length).toBeGreaterThan(0);
      for (const w of words) expect(['container', 'terminal']).toContain(w);
    }
    // Without a text query there is nothing to excerpt.
    expect((await service.listStories({ limit: 20 })).stories.every((s) => s.match === undefined)).toBe(true);
  });
});
