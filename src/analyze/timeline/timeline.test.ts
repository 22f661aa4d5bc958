import { describe, expect, it } from 'vitest';
import { buildTimeline, resolveDates } from './index.js';

// Thursday 27 March 2025, pinned.
const REF = new Date(Date.UTC(2025, 2, 27, 12));

describe('resolveDates', () => {
  const cases: Array<{ whenInputIs: string; expectedOutputIs: { start: string; end: string; granularity: string } }> = [
    { whenInputIs: 'Macron said on Wednesday that troops could deploy.', expectedOutputIs: { start: '2025-03-26', end: '2025-03-26', granularity: 'day' } },
    { whenInputIs: 'Drone attacks overnight injured 20 people.', expectedOutputIs: { start: '2025-03-26', end: '2025-03-27', granularity: 'day' } },
    { whenInputIs: 'The deal was agreed last week.', expectedOutputIs: { start: '2025-03-17', end: '2025-03-23', granularity: 'week' } },
    { whenInputIs: 'Agreements this week were greeted as a step.', expectedOutputIs: { start: '2025-03-24', end: '2025-03-27', granularity: 'week' } },
    { whenInputIs: 'Earlier this week, talks led to a deal.', expectedOutputIs: { start: '2025-03-24', end: '2025-03-26', granularity: 'week' } },
    { whenInputIs: 'Ministers were told to report back in three weeks.', expectedOutputIs: { start: '2025-04-17', end: '2025-04-17', granularity: 'day' } },
    { whenInputIs: 'Rubio spoke at a news conference on March 26.', expectedOutputIs: { start: '2025-03-26', end: '2025-03-26', granularity: 'day' } },
    { whenInputIs: 'Shelling Thursday afternoon killed one person.', expectedOutputIs: { start: '2025-03-27', end: '2025-03-27', granularity: 'day' } },
    { whenInputIs: 'Russia has occupied Crimea since 2014.', expectedOutputIs: { start: '2014-01-01', end: '2014-12-31', granularity: 'year' } },
    { whenInputIs: 'He met them on Friday, officials said.', expectedOutputIs: { start: '2025-03-21', end: '2025-03-21', granularity: 'day' } },
    { whenInputIs: 'The first meeting was held in February.', expectedOutputIs: { start: '2025-02-01', end: '2025-02-28', granularity: 'month' } },
  ];
  for (const { whenInputIs, expectedOutputIs } of cases) {
    it(whenInputIs, () => {
      const dates = resolveDates([whenInputIs], REF);
      expect(dates).toHaveLength(1);
      expect(dates[0]).toMatchObject(expectedOutputIs);
    });
  }

  it('ignores durations and pronoun-like words', () => {
    expect(resolveDates(['It has been on the table for half a month now.'], REF)).toEqual([]);
  });

  it('keeps only years without a reference', () => {
    expect(resolveDates(['On Wednesday it recalled the war since 2014.'], null).map((d) => d.granularity)).toEqual(['year']);
  });
});

describe('buildTimeline', () => {
  it('merges one event told by two outlets', () => {
    const t = buildTimeline([
      { articleId: 'a', source: 'A', published: '2025-03-27', paragraphs: ['Macron said on Wednesday that the proposed force could deploy to important towns and strategic bases.'] },
      { articleId: 'b', source: 'B', published: '2025-03-28', paragraphs: ['Macron said on March 26 that the proposed force could deploy to important towns and strategic bases.'] },
    ]);
    expect(t.entries).toHaveLength(1);
    expect(t.entries[0]).toMatchObject({ start: '2025-03-26', sources: ['A', 'B'], isDisputed: false });
  });

  it('shows one event dated differently as disputed', () => {
    const t = buildTimeline([
      { articleId: 'a', source: 'A', published: '2025-03-27', paragraphs: ['Agreements last week to halt long-range strikes on energy infrastructure were greeted as a first step toward peace.'] },
      { articleId: 'b', source: 'B', published: '2025-03-27', paragraphs: ['Agreements this week to halt long-range strikes on energy infrastructure were greeted as a first step toward peace.'] },
    ]);
    expect(t.entries).toHaveLength(1);
    expect(t.entries[0]?.isDisputed).toBe(true);
    expect(t.entries[0]?.variants.map((v) => [v.start, v.mentions[0]?.source])).toEqual(
      expect.arrayContaining([['2025-03-17', 'A'], ['2025-03-24', 'B']]),
    );
  });

  it('infers a missing publication date from the text, else from the story', () => {
    const t = buildTimeline([
      { articleId: 'a', source: 'A', published: '2025-03-27', paragraphs: ['Nothing dated.'] },
      { articleId: 'b', source: 'B', published: null, paragraphs: ['At the March 28 press conference, he said so.'] },
      { articleId: 'c', source: 'C', published: null, paragraphs: ['He said so on Thursday.'] },
    ]);
    expect(t.references.map((r) => [r.published, r.from])).toEqual([
      ['2025-03-27', 'published'],
      ['2025-03-28', 'text'],
      ['2025-03-27', 'story'],
    ]);
  });

  it('sorts entries by date', () => {
    const t = buildTimeline([{ articleId: 'a', source: 'A', published: '2025-03-27', paragraphs: ['The summit met on Thursday. The invasion began in 2022. Talks were held last week.'] }]);
    const starts = t.entries.map((e) => e.start);
    expect(starts).toEqual([...starts].sort());
  });
});
