import { describe, expect, it } from 'vitest';
import type { OutletProfile } from '../core/types.js';
import { groupCoverage, matchOutlet } from './outlet-groups.js';

const profile = (name: string, extra: Partial<OutletProfile> = {}): OutletProfile => ({ name, domains: [], country: null, language: null, owner: null, labels: {}, ...extra });

const PROFILES = [
  profile('Wire Service', { domains: ['wire.example'], country: 'GB', owner: 'Wire Group', labels: { type: 'agency' } }),
  profile('Wire Sport', { domains: ['sport.wire.example'], country: 'GB', owner: 'Wire Group', labels: { type: 'agency' } }),
  profile('Le Quotidien', { domains: ['quotidien.example'], country: 'FR', language: 'fr', labels: { type: 'daily' } }),
  profile('Valley Radio', { country: 'IE', labels: { type: 'broadcaster' } }),
  profile('Twin', { domains: ['twin-a.example'] }),
  profile('twin', { domains: ['twin-b.example'] }),
];

describe('matchOutlet', () => {
  it.each([
    { whenInputIs: { url: 'https://wire.example/a' }, expectedOutputIs: 'Wire Service' },
    { whenInputIs: { url: 'https://www.wire.example/a' }, expectedOutputIs: 'Wire Service' },
    { whenInputIs: { url: 'https://news.wire.example/a' }, expectedOutputIs: 'Wire Service' }, // a subdomain
    { whenInputIs: { url: 'https://sport.wire.example/a' }, expectedOutputIs: 'Wire Sport' }, // the longest domain wins
    { whenInputIs: { url: 'https://notwire.example/a' }, expectedOutputIs: null }, // not a subdomain
    { whenInputIs: { url: null, canonicalUrl: 'https://quotidien.example/x' }, expectedOutputIs: 'Le Quotidien' },
    { whenInputIs: { url: null, source: 'valley radio' }, expectedOutputIs: 'Valley Radio' }, // by name, any case
    { whenInputIs: { url: 'https://elsewhere.example/', source: 'Valley Radio' }, expectedOutputIs: 'Valley Radio' },
    { whenInputIs: { url: null, source: 'TWIN' }, expectedOutputIs: null }, // a name two outlets share is not trusted
    { whenInputIs: { url: 'not a url', source: null }, expectedOutputIs: null },
  ])('$whenInputIs → $expectedOutputIs', ({ whenInputIs, expectedOutputIs }) => {
    expect(matchOutlet({ id: 1, source: null, ...whenInputIs }, PROFILES)?.name ?? null).toBe(expectedOutputIs);
  });
});

describe('groupCoverage', () => {
  it('groups the outlets by each label, says who carries the story and which groups have not covered it', () => {
    const coverage = groupCoverage(
      [
        { id: 1, source: 'Wire Service', url: 'https://wire.example/1' },
        { id: 2, source: 'Wire Service', url: 'https://wire.example/2' },
        { id: 3, source: 'Valley Radio', url: null },
        { id: 4, source: 'Harbour Blog', url: 'https://blog.example/4' },
        { id: 5, source: null, url: null },
      ],
      PROFILES,
    );
    expect(coverage.profiled).toBe(6);
    expect(coverage.outlets).toEqual([
      { outlet: 'Wire Service', articles: 2 },
      { outlet: 'Valley Radio', articles: 1 },
    ]);
    expect(coverage.unprofiled).toEqual([
      { source: null, articles: 1 },
      { source: 'Harbour Blog', articles: 1 },
    ]);
    expect(coverage.dimensions.map((d) => d.label)).toEqual(['country', 'language', 'owner', 'type']);
    const country = coverage.dimensions[0]!;
    expect(country.groups).toEqual([
      { value: 'GB', covering: [{ outlet: 'Wire Service', articles: 2 }], missing: ['Wire Sport'] },
      { value: 'IE', covering: [{ outlet: 'Valley Radio', articles: 1 }], missing: [] },
      { value: 'FR', covering: [], missing: ['Le Quotidien'] },
    ]);
    expect(coverage.notCovered).toEqual([
      { label: 'country', value: 'FR', outlets: ['Le Quotidien'] },
      { label: 'language', value: 'fr', outlets: ['Le Quotidien'] },
      { label: 'type', value: 'daily', outlets: ['Le Quotidien'] },
    ]);
  });

  it('has no groups without labels, and nothing covered without articles', () => {
    expect(groupCoverage([], [profile('Bare')]).dimensions).toEqual([]);
    const empty = groupCoverage([], PROFILES);
    expect(empty.outlets).toEqual([]);
    expect(empty.notCovered.map((g) => `${g.label}:${g.value}`)).toEqual(['country:FR', 'country:GB', 'country:IE', 'language:fr', 'owner:Wire Group', 'type:agency', 'type:broadcaster', 'type:daily']);
  });
});
