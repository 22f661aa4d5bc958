import { describe, expect, it } from 'vitest';
import { summarize } from './summarize.js';

const sentence = (text: string, sharedWith: number[] = []) => ({ text, sharedWith });

describe('summarize', () => {
  it('never picks a sentence cut out of a quote of several sentences', () => {
    const picks = summarize(
      [
        {
          id: 1,
          sentences: [
            sentence('The river burst its banks near the old mill on Sunday, flooding the lower town.', [2]),
            sentence('“We are still pumping water out of the cellars of the lower town.', [2]),
            sentence('Pumps from three towns will arrive on Monday to drain the flooded river streets,” the mayor said.', [2]),
            sentence('“The flooded lower town will need weeks of work,” the mayor said on Sunday by the river.', [2]),
          ],
        },
        { id: 2, sentences: [] },
      ],
      { sentences: 4 },
    );
    const texts = picks.map((p) => p.text);
    expect(texts).toContain('The river burst its banks near the old mill on Sunday, flooding the lower town.');
    expect(texts).toContain('“The flooded lower town will need weeks of work,” the mayor said on Sunday by the river.');
    expect(texts.some((t) => t.startsWith('Pumps') || t.startsWith('“We are still'))).toBe(false);
  });
});
