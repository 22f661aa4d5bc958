import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SEEDS_DIR } from './helpers/cli.js';
import { readSeeds } from './helpers/seeds.js';
import { extractFigures, groupFigures, type ArticleFigures, type FigureGroup } from '../src/analyze/figures/index.js';

/** The seed files with the --date 2025-03-27 a user would give the undated ones. */
function loadSeeds(): Array<{ id: string; published: string; paragraphs: string[] }> {
  return readSeeds().map((s) => ({ ...s, published: s.published ?? '2025-03-27' }));
}

describe.skipIf(!existsSync(SEEDS_DIR))('figures on the seed story', () => {
  // 000 and 001 are two cuts of one wire text: one copy group, one source.
  const perArticle: ArticleFigures[] = loadSeeds().map((s) => ({
    articleId: s.id,
    source: s.id,
    published: s.published,
    copyGroup: s.id === '001' ? '000' : s.id,
    figures: extractFigures(s.paragraphs, { published: s.published }),
  }));
  const groups = groupFigures(perArticle);
  const groupOf = (kind: string, pred: (g: FigureGroup) => boolean = () => true): FigureGroup | undefined =>
    groups.find((g) => g.kind === kind && pred(g));
  const texts = (g: FigureGroup | undefined): string[] => (g?.reports ?? []).flatMap((r) => r.figures.map((f) => f.text));

  it('puts the country counts side by side and flags the disagreement', () => {
    const g = groupOf('count', (x) => x.unit === 'country' && x.reports.length > 3);
    // "31 delegations" counts delegations, not countries: a figure of its own.
    expect(texts(g)).toEqual(expect.arrayContaining(['nearly 30 countries', 'some 30 nations', 'nearly three dozen nations', 'more than 30 countries']));
    expect(new Set(g?.reports.map((r) => r.articleId)).size).toBe(4);
    expect(g).toMatchObject({ verdict: 'conflict', isDisagreement: true });
    // "nearly 30" (< 30) and "more than 30" cannot both be true; nor can "nearly 30" and "nearly three dozen".
    const bounds = (i: number) => g?.reports[i]?.bounds;
    const pairs = (g?.conflicts ?? []).map((c) => [bounds(c.a), bounds(c.b)].sort().join(' vs '));
    expect(pairs).toContain(['[27, 30)', '(30, ∞)'].sort().join(' vs '));
    expect(pairs).toContain(['[27, 30)', '[32.4, 36)'].sort().join(' vs '));
  });

  it('puts the injured counts side by side, summing the parts of one sentence, and flags them', () => {
    const g = groupOf('injured');
    expect(texts(g)).toEqual(
      expect.arrayContaining(['more than 20 people', 'at least 18 people', 'three people', 'dozens of people', 'at least 11 people']),
    );
    expect(new Set(g?.reports.map((r) => r.articleId))).toEqual(new Set(['000', '001', '003', '004']));
    const parts = g?.reports.find((r) => r.figures.length === 2);
    expect(parts?.bounds).toBe('[21, ∞)');
    // All of these can be true at once (e.g. 30 injured), so no conflict is invented, but the
    // outlets report different counts ("at least 11" vs "more than 20"): flagged as differing.
    expect(g).toMatchObject({ verdict: 'differ', isDisagreement: true, conflicts: [] });
    expect(g?.differences.length).toBeGreaterThan(0);
    // Never between two readings of one source (000 and its cut 001).
    for (const d of g?.differences ?? []) expect(g?.reports[d.a]?.sourceKey).not.toBe(g?.reports[d.b]?.sourceKey);
  });

  it('shows the aid package converted differently as agreeing', () => {
    const g = groupOf('money', (x) => x.sources > 1);
    expect(g?.caption).toBe('military aid package');
    expect(g?.reports.map((r) => r.figures[0]?.conversion?.value).sort()).toEqual([2.1e9, 2.15e9]);
    expect(g?.reports.every((r) => r.figures[0]?.value === 2e9 && r.figures[0]?.currency === 'EUR')).toBe(true);
    expect(g).toMatchObject({ verdict: 'agree', isDisagreement: false });
  });

  it('reads the troop range as one value, the troops trained and the drones', () => {
    const all = perArticle.flatMap((a) => a.figures);
    expect(all.find((f) => f.unit === 'troop' && f.value === null)).toMatchObject({ low: 10000, high: 30000, kind: 'people' });
    expect(all.find((f) => f.unit === 'troop' && f.value === 75000)).toMatchObject({ noun: 'Ukrainian troops' });
    expect(all.find((f) => f.unit === 'drone')).toMatchObject({ value: 86, qualifier: 'at least', kind: 'count' });
    const troopRange = groupOf('people', (x) => x.reports.some((r) => r.low === 10000));
    expect(troopRange?.reports.every((r) => r.low === 10000)).toBe(true);
    // Told only by the wire (000 and its cut 001): one source, nothing to compare.
    expect(troopRange?.verdict).toBe('single');
  });

  it('skips dates, years and ordinals', () => {
    const values = perArticle.flatMap((a) => a.figures.map((f) => f.value));
    expect(values).not.toContain(2014);
    expect(values).not.toContain(2022);
    // "March 27" is a date; only the attributive "27-nation" remains.
    expect(values.filter((v) => v === 27)).toHaveLength(1);
  });
});
