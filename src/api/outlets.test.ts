import { afterEach, describe, expect, it } from 'vitest';
import { fixtureService } from '../../test/e2e/api-fixtures.js';
import type { GroupCoverage } from '../analyze/index.js';
import type { OutletProfile } from '../core/types.js';
import { createWebApp } from '../web/index.js';
import { createApp, type CrosscheckService } from './index.js';

const PROFILES: OutletProfile[] = [
  { name: 'Northwind News', domains: ['northwind.example'], country: 'GB', language: 'en', owner: 'Northwind Media', labels: { type: 'agency' } },
  // Matched by its domain, whatever name the articles carry.
  { name: 'The Bay Courier', domains: ['baycourier.example'], country: 'GB', language: 'en', owner: 'Northwind Media', labels: { type: 'daily' } },
  { name: 'Le Quotidien <du> Port', domains: ['quotidien.example'], country: 'FR', language: 'fr', owner: null, labels: { type: 'daily' } },
];

let service: CrosscheckService | null = null;
afterEach(async () => {
  await service?.close();
  await service?.store.close();
  service = null;
});

async function withProfiles(): Promise<{ app: ReturnType<typeof createApp>; fire: number }> {
  service = await fixtureService();
  await service.store.transaction((tx) => tx.outletProfiles.put(PROFILES, '2026-03-06T00:00:00.000Z'));
  const fire = (await service.listStories({ limit: 5, q: 'Harbourton' })).stories[0]!.id;
  return { app: createApp({ service, web: createWebApp(service) }), fire };
}

describe('outlets as people know them', () => {
  it('shows a story by the labels of the outlets file, and the groups that have not covered it yet', async () => {
    const { app, fire } = await withProfiles();
    const res = await app.request(`/api/stories/${fire}/coverage`);
    expect(res.status).toBe(200);
    const { storyId, groups } = (await res.json()) as { storyId: number; groups: GroupCoverage };
    expect(storyId).toBe(fire);
    expect(groups.outlets).toEqual([
      { outlet: 'Northwind News', articles: 1 },
      { outlet: 'The Bay Courier', articles: 1 },
    ]);
    expect(groups.unprofiled).toEqual([{ source: 'Harbourton Herald', articles: 1 }]);
    expect(groups.notCovered).toEqual([
      { label: 'country', value: 'FR', outlets: ['Le Quotidien <du> Port'] },
      { label: 'language', value: 'fr', outlets: ['Le Quotidien <du> Port'] },
    ]);
    const type = groups.dimensions.find((d) => d.label === 'type');
    expect(type?.groups.find((g) => g.value === 'daily')).toEqual({ value: 'daily', covering: [{ outlet: 'The Bay Courier', articles: 1 }], missing: ['Le Quotidien <du> Port'] });

    const profiles = (await (await app.request('/api/outlets/profiles')).json()) as { outlets: OutletProfile[] };
    expect(profiles.outlets.map((o) => o.name)).toEqual(['Le Quotidien <du> Port', 'Northwind News', 'The Bay Courier']);
    expect((await app.request('/api/stories/999/coverage')).status).toBe(404);
  }, 60_000);

  it('puts the coverage by group on the story page, names escaped', async () => {
    const { app, fire } = await withProfiles();
    const page = await (await app.request(`/stories/${fire}`)).text();
    expect(page).toContain('Coverage by group');
    expect(page).toContain('Not covered yet by');
    expect(page).toContain('country: FR');
    expect(page).toContain('Le Quotidien &lt;du&gt; Port');
    expect(page).not.toContain('<du>');
  }, 60_000);

  it('says nothing of groups without an outlets file', async () => {
    service = await fixtureService();
    const app = createApp({ service, web: createWebApp(service) });
    const fire = (await service.listStories({ limit: 5, q: 'Harbourton' })).stories[0]!.id;
    expect(await (await app.request(`/api/stories/${fire}/coverage`)).json()).toEqual({ storyId: fire, groups: null });
    expect(await (await app.request(`/stories/${fire}`)).text()).not.toContain('Coverage by group');
  }, 60_000);
});
