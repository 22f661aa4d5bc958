import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SEEDS_DIR } from './helpers/cli.js';
import { readSeeds } from './helpers/seeds.js';
import { buildTimeline, type TimelineArticle, type TimelineEntry } from '../src/analyze/timeline/index.js';

/** The seed files as timeline input; undated ones get the --date 2025-03-27 a user would give, or none. */
function loadSeeds(withDefaultDate: boolean): TimelineArticle[] {
  return readSeeds().map((s) => ({
    articleId: s.id,
    source: s.id,
    published: s.published ?? (withDefaultDate ? '2025-03-27' : null),
    paragraphs: s.paragraphs,
  }));
}

describe.skipIf(!existsSync(SEEDS_DIR))('timeline of the seed story', () => {
  const timeline = buildTimeline(loadSeeds(true));
  const entries = timeline.entries;
  const mentioning = (re: RegExp): TimelineEntry[] => entries.filter((e) => e.mentions.some((m) => re.test(m.sentence)));

  it('shows the energy-strike pause dated "last week" and "this week" as a disagreement', () => {
    const e = mentioning(/energy infrastructure/).find((x) => x.isDisputed);
    expect(e).toBeDefined();
    const sourcesOn = (start: string): Array<string | number> =>
      (e?.variants ?? []).filter((v) => v.start === start).flatMap((v) => v.mentions.map((m) => m.articleId));
    expect(sourcesOn('2025-03-17')).toContain('001');
    expect(sourcesOn('2025-03-24')).toContain('000');
  });

  it('dates the Black Sea deal earlier that week', () => {
    const mentions = entries.flatMap((e) => e.mentions).filter((m) => /Black Sea/.test(m.sentence) && /week/i.test(m.expression));
    expect(mentions.length).toBeGreaterThanOrEqual(3);
    for (const m of mentions.filter((x) => /this week/i.test(x.expression))) {
      expect(m.start).toBe('2025-03-24');
      expect(m.granularity).toBe('week');
    }
  });

  it('puts Wednesday 26 March: Macron, the aid package, Rubio and Bessent', () => {
    const day = entries.filter((e) => e.start === '2025-03-26' && e.end === '2025-03-26');
    const sentences = day.flatMap((e) => e.mentions.map((m) => m.sentence)).join('\n');
    expect(sentences).toMatch(/Macron said (on )?Wednesday/);
    expect(sentences).toMatch(/2 billion euros/);
    expect(sentences).toMatch(/Rubio/);
    expect(sentences).toMatch(/Bessent/);
    const macron = day.find((e) => e.mentions.some((m) => /Macron said (on )?Wednesday/.test(m.sentence)));
    expect(macron?.sources.length).toBeGreaterThanOrEqual(3);
  });

  it('puts the overnight drone attacks on the night of 26-27 March, told by several outlets', () => {
    const e = mentioning(/drone/).find((x) => x.start === '2025-03-26' && x.end === '2025-03-27');
    expect(e?.sources.length).toBeGreaterThanOrEqual(3);
  });

  it('puts the summit on Thursday 27 March', () => {
    const e = entries.find((x) => x.start === '2025-03-27' && x.end === '2025-03-27' && x.sources.length >= 3);
    expect(e?.mentions.map((m) => m.sentence).join(' ')).toMatch(/summit|gathered/);
  });

  it('resolves "in three weeks" to about 17 April 2025', () => {
    const e = mentioning(/report back in three weeks/)[0];
    expect(e?.start).toBe('2025-04-17');
  });

  it('sorts by date', () => {
    const starts = entries.map((e) => e.start);
    expect(starts).toEqual([...starts].sort());
  });

  it('infers missing publication dates from the text or the story', () => {
    const refs = buildTimeline(loadSeeds(false)).references;
    expect(refs.filter((r) => r.from !== 'published').every((r) => r.published === '2025-03-27')).toBe(true);
    expect(refs.some((r) => r.from === 'text')).toBe(true);
  });
});
