import { describe, expect, it } from 'vitest';
import { extractFigures, groupFigures } from './index.js';

const article = (articleId: string, text: string) => ({ articleId, source: articleId, published: '2025-03-27', figures: extractFigures([text]) });

describe('groupFigures', () => {
  it('flags counts that cannot both be true', () => {
    const groups = groupFigures([
      article('a', 'Leaders of nearly 30 countries met at the summit in Paris.'),
      article('b', 'Leaders of more than 30 countries met at the summit in Paris.'),
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ kind: 'countries', verdict: 'conflict', isDisagreement: true });
    expect(groups[0]?.conflicts).toHaveLength(1);
  });

  it('flags "at least 11" and "more than 20" as differing counts that do not conflict', () => {
    const groups = groupFigures([
      article('a', 'Overnight drone strikes on Kharkiv injured at least 11 people.'),
      article('b', 'Overnight drone strikes on Kharkiv injured more than 20 people.'),
    ]);
    expect(groups[0]).toMatchObject({ verdict: 'differ', isDisagreement: true, conflicts: [] });
    expect(groups[0]?.differences).toEqual([expect.objectContaining({ a: 0, b: 1 })]);
  });

  it('lets hedged values within tolerance and rounding agree', () => {
    const cases: Array<[string, string, string]> = [
      ['some 30', '31', 'agree'],
      ['nearly 30', 'about 30', 'agree'],
      ['at least 75,000', '75,400', 'agree'],
      ['dozens of', '30', 'agree'],
      ['dozens of', 'more than 20', 'differ'],
      ['nearly 30', '31', 'conflict'],
    ];
    for (const [x, y, verdict] of cases) {
      const groups = groupFigures([
        article('a', `Leaders of ${x} countries met at the summit in Paris.`),
        article('b', `Leaders of ${y} countries met at the summit in Paris.`),
      ]);
      expect(groups.map((g) => g.verdict), `${x} / ${y}`).toEqual([verdict]);
    }
  });

  it('sums parts told in one sentence before comparing', () => {
    const groups = groupFigures([
      article('a', 'Overnight drone attacks injured at least 18 people in Kharkiv and three people in Dnipro.'),
      article('b', 'Overnight drone attacks injured more than 20 people in Kharkiv and Dnipro.'),
    ]);
    expect(groups[0]?.reports.map((r) => r.bounds)).toEqual(['[21, ∞)', '(20, ∞)']);
    // "more than 20" whole people is 21 or more: the same count as 18 + 3.
    expect(groups[0]?.verdict).toBe('agree');
  });

  it('treats differently rounded conversions of one amount as agreeing', () => {
    const groups = groupFigures([
      article('a', 'Macron announced an aid package worth 2 billion euros ($2.15 billion).'),
      article('b', 'Macron announced an aid package worth 2 billion euros ($2.1 billion).'),
    ]);
    expect(groups[0]).toMatchObject({ kind: 'money', verdict: 'agree', isDisagreement: false });
  });

  it('does not group figures about unrelated things', () => {
    const groups = groupFigures([
      article('a', 'Officials talked about deploying 10,000 to 30,000 troops as a deterrent.'),
      article('b', 'Allies have trained more than 75,000 Ukrainian troops for battle.'),
    ]);
    expect(groups).toHaveLength(2);
  });
});
