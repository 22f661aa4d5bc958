import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureService } from '../../test/e2e/api-fixtures.js';
import { createWebApp } from '../web/index.js';
import { createApp, type CrosscheckService, type StoryPage } from './index.js';

describe('search operators', () => {
  let service: CrosscheckService;
  let app: ReturnType<typeof createApp>;
  let fire: number;
  let library: number;
  let unnamed: number;

  beforeAll(async () => {
    service = await fixtureService();
    app = createApp({ service, web: createWebApp(service) });
    // An article without an outlet: labelled, and found, by its host.
    await service.ingestArticle({
      title: 'Ferry service to Orlen island suspended',
      text: 'The ferry service to Orlen island was suspended on Friday after a storm damaged the pier, the harbour office said.\n\n"We will not sail until the pier is safe," the harbour master told reporters.',
      url: 'https://www.orlen-news.example/ferry',
      published: '2026-03-06T08:00:00Z',
      language: 'en',
    });
    const ids = async (q: string): Promise<number[]> => (await service.listStories({ limit: 20, q })).stories.map((s) => s.id);
    fire = (await ids('Harbourton'))[0]!;
    library = (await ids('library'))[0]!;
    unnamed = (await ids('Orlen'))[0]!;
  });
  afterAll(async () => {
    await service.close();
    await service.store.close();
  });

  const search = async (q: string): Promise<{ status: number; ids: number[]; page: StoryPage | null; body: unknown }> => {
    const res = await app.request(`/api/stories?q=${encodeURIComponent(q)}`);
    const body = (await res.json()) as unknown;
    const page = res.status === 200 ? (body as StoryPage) : null;
    return { status: res.status, ids: page ? page.stories.map((s) => s.id).sort((a, b) => a - b) : [], page, body };
  };

  it('narrows by outlet: its name (any case), or the host a nameless article is labelled by', async () => {
    expect(new Set([fire, library, unnamed]).size).toBe(3);
    expect((await search('outlet:"bay courier"')).ids).toEqual([fire]);
    expect((await search('outlet:"Vellport Times" library')).ids).toEqual([library]);
    expect((await search('outlet:orlen-news.example')).ids).toEqual([unnamed]);
    expect((await search('outlet:"Bay Courier" outlet:"Vellport Times"')).ids).toEqual([]);
    expect((await search('outlet:Nobody')).ids).toEqual([]);
  });

  it('finds quoted words only inside quotation marks', async () => {
    const found = await search('quote:"hardest fires"');
    expect(found.ids).toEqual([fire]);
    // The quote is what the excerpt shows when there are no other words.
    const match = found.page!.stories[0]!.match!;
    expect(match.highlights.map(([a, b]) => match.text.slice(a, b).toLowerCase())).toEqual(['hardest fires']);
    // These words are in the fire reports, but not inside quotation marks.
    expect((await search('quote:"container terminal"')).ids).toEqual([]);
    expect((await search('quote:"until the pier is safe"')).ids).toEqual([unnamed]);
  });

  it('narrows by language, entity and dates, combined with words', async () => {
    expect((await search('lang:en library')).ids).toEqual([library]);
    expect((await search('lang:fr')).ids).toEqual([]);
    expect((await search('entity:"Dana Morel"')).ids).toEqual([fire]);
    expect((await search('date:2026-03-05')).ids).toEqual([library]);
    expect((await search('from:2026-03 to:2026-03-03')).ids).toEqual([fire]);
    expect((await search('date:..2026-03-04')).ids).toEqual([fire]);
    expect((await search('date:2026-03-05.. ferry')).ids).toEqual([unnamed]);
    expect((await search('date:2025')).ids).toEqual([]);
  });

  it('refuses an operator it cannot read with 400, naming it, in the API and on the list page', async () => {
    const bad = await search('ferry from:soon');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('from: expected a date YYYY-MM-DD');
    const page = await app.request(`/?q=${encodeURIComponent('lang:english')}`);
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('lang: expected an ISO 639 language code');
  });

  it('documents the operators on the list page', async () => {
    const text = await (await app.request('/')).text();
    expect(text).toContain('Search operators');
    for (const op of ['outlet:', 'entity:', 'quote:', 'lang:', 'from:', 'to:', 'date:']) expect(text).toContain(op);
  });
});
