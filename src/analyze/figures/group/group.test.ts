import { describe, expect, it } from 'vitest';
import { extractFigures, groupFigures, type ArticleFigures } from '../index.js';

const article = (articleId: string, text: string, extra: Partial<ArticleFigures> = {}): ArticleFigures => ({
  articleId,
  source: articleId,
  published: '2026-05-05',
  figures: extractFigures([text]),
  ...extra,
});

describe('groupFigures', () => {
  it('flags counts that cannot both be true', () => {
    const groups = groupFigures([
      article('a', 'Delegates of nearly 50 countries voted at the congress in Oslo.'),
      article('b', 'Delegates of more than 50 countries voted at the congress in Oslo.'),
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ kind: 'count', verdict: 'conflict', isDisagreement: true, sources: 2 });
    expect(groups[0]?.conflicts).toHaveLength(1);
  });

  it('flags "at least 9" and "more than 30" as differing counts that do not conflict', () => {
    const groups = groupFigures([
      article('a', 'The collapse of the stand at the stadium injured at least 9 fans.'),
      article('b', 'The collapse of the stand at the stadium injured more than 30 fans.'),
    ]);
    expect(groups[0]).toMatchObject({ kind: 'injured', verdict: 'differ', isDisagreement: true, conflicts: [] });
    expect(groups[0]?.differences).toEqual([expect.objectContaining({ a: 0, b: 1 })]);
  });

  it('shows a value its sentence names as earlier without flagging it', () => {
    const groups = groupFigures([
      article('a', 'The collapse of the stand at the stadium injured 31 fans, up from 9 fans on Sunday.'),
      article('b', 'The collapse of the stand at the stadium injured 31 fans, the club said.'),
      article('c', 'The collapse of the stand at the stadium injured at least 9 fans, the club said.', { published: '2026-05-04' }),
    ]);
    const injured = groups.find((g) => g.kind === 'injured');
    expect(injured?.reports.some((r) => r.isEarlier && r.bounds === '9')).toBe(true);
    expect(injured?.conflicts).toEqual([]);
    expect(injured?.differences).toEqual([]);
    expect(injured?.verdict).toBe('update');
    // In time order: the day before, then the earlier value of the same day, then the current ones.
    expect(injured?.series.map((i) => [injured.reports[i]?.articleId, injured.reports[i]?.bounds])).toEqual([['c', '[9, ∞)'], ['a', '9'], ['a', '31'], ['b', '31']]);
  });

  it('reads a growing toll in a later report of the same day as an update, not a disagreement', () => {
    const morning = { published: '2026-05-05', publishedAt: '2026-05-05T08:00:00Z' };
    const evening = { published: '2026-05-05', publishedAt: '2026-05-05T19:30:00Z' };
    const grew = groupFigures([
      article('a', 'The collapse of the stand at the stadium injured at least 9 fans.', morning),
      article('b', 'The collapse of the stand at the stadium injured more than 30 fans.', evening),
    ]);
    expect(grew[0]).toMatchObject({ kind: 'injured', verdict: 'update', isDisagreement: false });
    // Lower later, or no time of day to order the reports: compared as of one time.
    const fell = groupFigures([
      article('a', 'The collapse of the stand at the stadium injured at least 9 fans.', evening),
      article('b', 'The collapse of the stand at the stadium injured more than 30 fans.', morning),
    ]);
    expect(fell[0]?.verdict).toBe('differ');
    const unordered = groupFigures([
      article('a', 'The collapse of the stand at the stadium injured at least 9 fans.', morning),
      article('b', 'The collapse of the stand at the stadium injured more than 30 fans.'),
    ]);
    expect(unordered[0]?.verdict).toBe('differ');
    // Simultaneous reports are compared.
    const simultaneous = groupFigures([
      article('a', 'The collapse of the stand at the stadium injured at least 9 fans.', morning),
      article('b', 'The collapse of the stand at the stadium injured more than 30 fans.', { published: '2026-05-05', publishedAt: '2026-05-05T08:20:00Z' }),
    ]);
    expect(simultaneous[0]?.verdict).toBe('differ');
  });

  it('links a figure and its translation by value, kind and an anchor, and never flags across languages', () => {
    const en = (id: string, text: string): ArticleFigures => ({ articleId: id, source: id, published: '2026-05-05', language: 'en', figures: extractFigures([text], { language: 'en' }) });
    const es = (id: string, text: string): ArticleFigures => ({ articleId: id, source: id, published: '2026-05-05', language: 'es', figures: extractFigures([text], { language: 'es' }) });
    // People in one language, a counted noun in the other; the sentence's other number anchors them.
    const groups = groupFigures([
      en('a', 'The plant will cut 300 workers and close 4 lines by June.'),
      es('b', 'La planta recortará 300 trabajadores y cerrará 4 líneas antes de junio.'),
    ]);
    const cut = groups.find((g) => g.reports.some((r) => r.bounds === '300'));
    expect(cut?.reports.map((r) => r.articleId).sort()).toEqual(['a', 'b']);
    expect(cut?.verdict).toBe('agree');
    // Different values across languages are never compared.
    const apart = groupFigures([en('a', 'The plant will cut 300 workers.'), es('b', 'La planta recortará 200 trabajadores.')]);
    expect(apart.every((g) => !g.isDisagreement)).toBe(true);
  });

  it('lets hedged values within tolerance and rounding agree', () => {
    const cases: Array<[string, string, string]> = [
      ['some 40', '41', 'agree'],
      ['nearly 40', 'about 40', 'agree'],
      ['at least 6,000', '6,040', 'agree'],
      ['dozens of', '40', 'agree'],
      ['dozens of', 'more than 20', 'differ'],
      ['nearly 40', '41', 'conflict'],
    ];
    for (const [x, y, verdict] of cases) {
      const groups = groupFigures([
        article('a', `Delegates of ${x} countries voted at the congress in Oslo.`),
        article('b', `Delegates of ${y} countries voted at the congress in Oslo.`),
      ]);
      expect(groups.map((g) => g.verdict), `${x} / ${y}`).toEqual([verdict]);
    }
  });

  it('sums parts told in one sentence before comparing', () => {
    const groups = groupFigures([
      article('a', 'The overnight storm injured at least 9 people in Arles and four people in Nimes.'),
      article('b', 'The overnight storm injured more than 12 people in Arles and Nimes.'),
    ]);
    expect(groups[0]?.reports.map((r) => r.bounds)).toEqual(['[13, ∞)', '(12, ∞)']);
    // "more than 12" whole people is 13 or more: the same count as 9 + 4.
    expect(groups[0]?.verdict).toBe('agree');
  });

  it('treats differently rounded conversions of one amount as agreeing', () => {
    const groups = groupFigures([
      article('a', 'The city approved a transit plan worth 3 billion euros ($3.26 billion).'),
      article('b', 'The city approved a transit plan worth 3 billion euros ($3.3 billion).'),
    ]);
    expect(groups[0]).toMatchObject({ kind: 'money', verdict: 'agree', isDisagreement: false });
  });

  it('never compares amounts that measure different things', () => {
    const groups = groupFigures([
      article('a', 'The company reported a $1.2 billion loss for the year, its chief executive said.'),
      article('b', 'The company announced a $300 million investment for the year, its chief executive said.'),
    ]);
    expect(groups.every((g) => !g.isDisagreement)).toBe(true);
  });

  it('never compares shares of different people', () => {
    const groups = groupFigures([
      article('a', 'In the new poll of likely voters, Alvarez won 38 percent of the vote.'),
      article('b', 'In the new poll of likely voters, Brandt won 21 percent of the vote.'),
    ]);
    expect(groups.every((g) => !g.isDisagreement)).toBe(true);
  });

  it('calls one source "single", and copies of one wire text one source', () => {
    const [single] = groupFigures([article('a', 'The landslide buried 14 houses in the valley.')]);
    expect(single).toMatchObject({ verdict: 'single', sources: 1 });
    const copies = groupFigures([
      article('a', 'The landslide buried 14 houses in the valley near the dam.', { copyGroup: 1 }),
      article('b', 'The landslide buried 16 houses in the valley near the dam.', { copyGroup: 1 }),
    ]);
    expect(copies.every((g) => !g.isDisagreement && g.verdict === 'single')).toBe(true);
  });

  it('never flags two figures of one article', () => {
    const groups = groupFigures([
      article('a', 'The plan closes 14 plants across the region. Two plants in the region stay open under the plan.'),
    ]);
    expect(groups.every((g) => !g.isDisagreement)).toBe(true);
  });

  it('keeps apart what one source gives as two different values', () => {
    const groups = groupFigures([
      article('a', 'The plan closes 14 plants across the region. Two plants in the region stay open under the plan.'),
      article('b', 'The plan closes 14 plants across the region, the union said.'),
    ]);
    const flagged = groups.filter((g) => g.isDisagreement);
    expect(flagged).toEqual([]);
    expect(groups.find((g) => g.reports.some((r) => r.low === 14))?.verdict).toBe('agree');
  });

  it('shows a count that changes between reports on different days as an update', () => {
    const groups = groupFigures([
      article('a', 'The fire in the warehouse district killed 14 people, officials said.', { published: '2026-05-05' }),
      article('b', 'The fire in the warehouse district killed 20 people, officials said.', { published: '2026-05-06' }),
    ]);
    expect(groups[0]).toMatchObject({ verdict: 'update', isDisagreement: false, series: [0, 1] });
  });

  it('reads a range as one value', () => {
    const groups = groupFigures([
      article('a', 'Analysts expect turnout among young voters of 20 to 25 percent in the runoff.'),
      article('b', 'Analysts expect turnout among young voters of 20 to 25 percent in the runoff.'),
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.reports.map((r) => r.bounds)).toEqual(['[20, 25]', '[20, 25]']);
    expect(groups[0]?.verdict).toBe('agree');
  });
});
