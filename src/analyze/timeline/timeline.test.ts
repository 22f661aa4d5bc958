import { describe, expect, it } from 'vitest';
import { buildTimeline, resolveDates } from './index.js';

// Wednesday 6 May 2026, pinned.
const REF = new Date(Date.UTC(2026, 4, 6, 12));
// Saturday 9 May 2026.
const SATURDAY = new Date(Date.UTC(2026, 4, 9, 12));

describe('resolveDates', () => {
  const cases: Array<{ whenInputIs: string; ref?: Date; expectedOutputIs: { start: string; end: string; granularity: string } }> = [
    { whenInputIs: 'The mayor said on Tuesday that the levee would hold.', expectedOutputIs: { start: '2026-05-05', end: '2026-05-05', granularity: 'day' } },
    { whenInputIs: 'Storms overnight flooded 40 homes.', expectedOutputIs: { start: '2026-05-05', end: '2026-05-06', granularity: 'day' } },
    { whenInputIs: 'The contract was signed last week.', expectedOutputIs: { start: '2026-04-27', end: '2026-05-03', granularity: 'week' } },
    { whenInputIs: 'Repairs this week were welcomed by residents.', expectedOutputIs: { start: '2026-05-04', end: '2026-05-06', granularity: 'week' } },
    { whenInputIs: 'Earlier this week, the talks broke down.', expectedOutputIs: { start: '2026-05-04', end: '2026-05-05', granularity: 'week' } },
    { whenInputIs: 'Inspectors were told to report back in three weeks.', expectedOutputIs: { start: '2026-05-27', end: '2026-05-27', granularity: 'day' } },
    { whenInputIs: 'The minister spoke at a briefing on May 4.', expectedOutputIs: { start: '2026-05-04', end: '2026-05-04', granularity: 'day' } },
    { whenInputIs: 'A fire Wednesday afternoon destroyed a barn.', expectedOutputIs: { start: '2026-05-06', end: '2026-05-06', granularity: 'day' } },
    { whenInputIs: 'The dispute has run since 2011.', expectedOutputIs: { start: '2011-01-01', end: '2011-12-31', granularity: 'year' } },
    { whenInputIs: 'He met them on Friday, officials said.', expectedOutputIs: { start: '2026-05-01', end: '2026-05-01', granularity: 'day' } },
    { whenInputIs: 'The first hearing was held in February.', expectedOutputIs: { start: '2026-02-01', end: '2026-02-28', granularity: 'month' } },
    // A Saturday report: "on Friday" is the day before; "since Monday" the Monday of that week; "until Monday" the next one.
    { whenInputIs: 'The talks ended on Friday, officials said.', ref: SATURDAY, expectedOutputIs: { start: '2026-05-08', end: '2026-05-08', granularity: 'day' } },
    { whenInputIs: 'He has been in hospital since Monday.', ref: SATURDAY, expectedOutputIs: { start: '2026-05-04', end: '2026-05-04', granularity: 'day' } },
    { whenInputIs: 'The road stays closed until Monday.', ref: SATURDAY, expectedOutputIs: { start: '2026-05-11', end: '2026-05-11', granularity: 'day' } },
    { whenInputIs: 'The ban runs until Friday.', ref: SATURDAY, expectedOutputIs: { start: '2026-05-15', end: '2026-05-15', granularity: 'day' } },
  ];
  for (const { whenInputIs, ref, expectedOutputIs } of cases) {
    it(whenInputIs, () => {
      const dates = resolveDates([whenInputIs], ref ?? REF);
      expect(dates).toHaveLength(1);
      expect(dates[0]).toMatchObject(expectedOutputIs);
    });
  }

  it('never starts a dated passage inside a quote of several sentences', () => {
    const text = '“We will look at it. Some of the rules are not ours,” the minister said on Tuesday.';
    const dates = resolveDates([text], REF);
    expect(dates.map((d) => [d.sentence, d.start])).toEqual([[text, '2026-05-05']]);
  });

  it('ignores durations and pronoun-like words', () => {
    expect(resolveDates(['It has been on the agenda for half a month now.'], REF)).toEqual([]);
  });

  it('keeps only years without a reference', () => {
    expect(resolveDates(['On Tuesday it recalled the dispute since 2011.'], null).map((d) => d.granularity)).toEqual(['year']);
  });
});

describe('buildTimeline', () => {
  it('merges one event told by two outlets', () => {
    const t = buildTimeline([
      { articleId: 'a', source: 'A', published: '2026-05-06', paragraphs: ['The mayor said on Tuesday that the repaired levee could hold back the spring floods in the lower town.'] },
      { articleId: 'b', source: 'B', published: '2026-05-07', paragraphs: ['The mayor said on May 5 that the repaired levee could hold back the spring floods in the lower town.'] },
    ]);
    expect(t.entries).toHaveLength(1);
    expect(t.entries[0]).toMatchObject({ start: '2026-05-05', sources: ['A', 'B'], isDisputed: false });
  });

  it('shows one event dated differently as disputed', () => {
    const t = buildTimeline([
      { articleId: 'a', source: 'A', published: '2026-05-06', paragraphs: ['Agreements last week to reopen the mountain pass to freight traffic were greeted as a first step by hauliers.'] },
      { articleId: 'b', source: 'B', published: '2026-05-06', paragraphs: ['Agreements this week to reopen the mountain pass to freight traffic were greeted as a first step by hauliers.'] },
    ]);
    expect(t.entries).toHaveLength(1);
    expect(t.entries[0]?.isDisputed).toBe(true);
    expect(t.entries[0]?.variants.map((v) => [v.start, v.mentions[0]?.source])).toEqual(
      expect.arrayContaining([['2026-04-27', 'A'], ['2026-05-04', 'B']]),
    );
  });

  it('infers a missing publication date from the text, else from the story', () => {
    const t = buildTimeline([
      { articleId: 'a', source: 'A', published: '2026-05-06', paragraphs: ['Nothing dated.'] },
      { articleId: 'b', source: 'B', published: null, paragraphs: ['At the May 7 briefing, he said so.'] },
      { articleId: 'c', source: 'C', published: null, paragraphs: ['He said so on Tuesday.'] },
    ]);
    expect(t.references.map((r) => [r.published, r.from])).toEqual([
      ['2026-05-06', 'published'],
      ['2026-05-07', 'text'],
      ['2026-05-06', 'story'],
    ]);
  });

  it('sorts entries by date', () => {
    const t = buildTimeline([{ articleId: 'a', source: 'A', published: '2026-05-06', paragraphs: ['The council met on Wednesday. The dispute began in 2011. Talks were held last week.'] }]);
    const starts = t.entries.map((e) => e.start);
    expect(starts).toEqual([...starts].sort());
  });
});
