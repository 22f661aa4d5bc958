import { describe, expect, it } from 'vitest';
import { extractQuotes, mergeQuotes, type Quote } from './index.js';

type Row = Pick<Quote, 'text' | 'kind' | 'speaker'> & Partial<Pick<Quote, 'channel' | 'cue' | 'speakerKind'>>;

function pick(q: Quote, expected: Row): Row {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(expected)) out[k] = q[k as keyof Quote];
  return out as Row;
}

describe('extractQuotes', () => {
  const cases: Array<{ name: string; whenInputIs: string[]; expectedOutputIs: Row[] }> = [
    {
      name: 'curly marks, speaker after',
      whenInputIs: ['“It is not unanimous,” French President Emmanuel Macron said on Thursday.'],
      expectedOutputIs: [{ text: 'It is not unanimous', kind: 'direct', speaker: 'Emmanuel Macron', cue: 'said' }],
    },
    {
      name: 'straight open, curly close, inverted cue',
      whenInputIs: ['"We do not need it.” said Jane Doe.'],
      expectedOutputIs: [{ text: 'We do not need it.', kind: 'direct', speaker: 'Jane Doe' }],
    },
    {
      name: 'split by "he said": the segments joined, the pronoun resolved',
      whenInputIs: ['Senator John Smith spoke.', '"First part," he said. "Second part."'],
      expectedOutputIs: [{ text: 'First part Second part.', kind: 'direct', speaker: 'John Smith' }],
    },
    {
      name: 'a quote running over two paragraphs',
      whenInputIs: ['“One thing,” Mary Jones said. “Two things.', '“Three things,” she said.'],
      expectedOutputIs: [
        { text: 'One thing', kind: 'direct', speaker: 'Mary Jones' },
        { text: 'Two things. Three things', kind: 'direct', speaker: 'Mary Jones' },
      ],
    },
    {
      name: 'unmarked quote with a channel',
      whenInputIs: ['Envoy Steve Witkoff dismissed it.', 'It is a posture and a pose, he said in an interview with Tucker Carlson.'],
      expectedOutputIs: [
        { text: 'It is a posture and a pose', kind: 'unmarked', speaker: 'Steve Witkoff', channel: 'interview with Tucker Carlson' },
      ],
    },
    {
      name: 'indirect speech',
      whenInputIs: ['Jane Doe said on Wednesday that the force could respond to an attack.'],
      expectedOutputIs: [{ text: 'the force could respond to an attack', kind: 'indirect', speaker: 'Jane Doe' }],
    },
    {
      name: 'partial quotes after an appositive subject',
      whenInputIs: ['Steve Witkoff, a special envoy, called the idea “simplistic” and “a posture.”'],
      expectedOutputIs: [
        { text: 'simplistic', kind: 'partial', speaker: 'Steve Witkoff', cue: 'called' },
        { text: 'a posture.', kind: 'partial', speaker: 'Steve Witkoff' },
      ],
    },
    {
      name: 'an office speaks for a person',
      whenInputIs: ['The office of Prime Minister Keir Starmer, who leads it, said: “Planning goes on.”'],
      expectedOutputIs: [{ text: 'Planning goes on.', kind: 'direct', speaker: 'office of Keir Starmer', speakerKind: 'organisation' }],
    },
    {
      name: 'channel: social media',
      whenInputIs: ['“Russia is killing,” Zelenskyy said on social media.'],
      expectedOutputIs: [{ text: 'Russia is killing', kind: 'direct', speaker: 'Zelenskyy', channel: 'social media' }],
    },
    {
      name: 'scare quotes without a speaker are not quotes',
      whenInputIs: ['The leaders formed a “Coalition of the Willing.”'],
      expectedOutputIs: [],
    },
    {
      name: 'one sentence split by its attribution is one quote',
      whenInputIs: ['“Judge,” Ben Brafman said, “I have never seen that.”'],
      expectedOutputIs: [{ text: 'Judge I have never seen that.', kind: 'direct', speaker: 'Ben Brafman' }],
    },
    {
      name: 'a quote paragraph introduced by a colon',
      whenInputIs: ['Senator Ted Cruz called them on it:', '“The questions asked in this debate were poor.”'],
      expectedOutputIs: [{ text: 'The questions asked in this debate were poor.', kind: 'direct', speaker: 'Ted Cruz' }],
    },
    {
      name: 'attribution after a quote ending in "!" stays with it',
      whenInputIs: ['“We will win!” the businessman replied.'],
      expectedOutputIs: [{ text: 'We will win!', kind: 'direct', speaker: 'businessman' }],
    },
    { name: 'empty', whenInputIs: [], expectedOutputIs: [] },
  ];
  for (const { name, whenInputIs, expectedOutputIs } of cases) {
    it(name, () => {
      const quotes = extractQuotes(whenInputIs);
      expect(quotes.map((q, i) => pick(q, expectedOutputIs[i] ?? { text: '', kind: 'direct', speaker: null }))).toEqual(expectedOutputIs);
    });
  }

  it('gives offsets of the quoted words within the paragraph', () => {
    const p = 'Then “Hello there,” Ann Lee said.';
    const [q] = extractQuotes([p]);
    expect(q).toMatchObject({ paragraph: 0, sentence: 0, start: 6, end: 17 });
    expect(p.slice(q!.start, q!.end)).toBe('Hello there');
  });
});

describe('mergeQuotes', () => {
  it('merges spelling variants and cuts across outlets, and attaches partial quotes', () => {
    const a = extractQuotes(['“A generalized aggression would be met, and we will respond,” French President Emmanuel Macron said.']);
    const b = extractQuotes(['“A generalised aggression would be met,” Macron said.']);
    const c = extractQuotes(['Macron warned of a “generalised aggression.”']);
    const merged = mergeQuotes([
      { articleId: 1, source: 'A', quotes: a },
      { articleId: 2, source: 'B', quotes: b },
      { articleId: 3, source: 'C', quotes: c },
    ]);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ id: 'q1', speaker: 'Emmanuel Macron', kind: 'direct', articleIds: [1, 2, 3], sources: ['A', 'B', 'C'] });
    expect(merged[0]?.variants).toHaveLength(3);
  });

  it('keeps different quotes and different speakers apart', () => {
    const merged = mergeQuotes([
      { articleId: 1, source: 'A', quotes: extractQuotes(['“We will win this,” Ann Lee said.']) },
      { articleId: 2, source: 'B', quotes: extractQuotes(['“We will win this,” Bob Stone said.', '“Something else entirely,” he said.']) },
    ]);
    expect(merged.map((q) => [q.speaker, q.articleIds])).toEqual([
      ['Ann Lee', [1]],
      ['Bob Stone', [2]],
      ['Bob Stone', [2]],
    ]);
  });

  it('returns nothing for no articles', () => {
    expect(mergeQuotes([])).toEqual([]);
  });
});
