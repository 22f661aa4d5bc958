import { describe, expect, it } from 'vitest';
import { extractQuotes, isPrintedInMarks, mergeQuotes, type Quote } from './index.js';

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
      whenInputIs: ['“The bridge will open in May,” Transport Minister Ines Varga said on Monday.'],
      expectedOutputIs: [{ text: 'The bridge will open in May', kind: 'direct', speaker: 'Ines Varga', cue: 'said' }],
    },
    {
      name: 'straight open, curly close, inverted cue',
      whenInputIs: ['"We are not ready yet.” said Paul Okafor.'],
      expectedOutputIs: [{ text: 'We are not ready yet.', kind: 'direct', speaker: 'Paul Okafor' }],
    },
    {
      name: 'split by "he said": the pieces joined with the cut marked, the pronoun resolved',
      whenInputIs: ['Mayor Tom Reyes spoke first.', '"The first part," he said. "The second part."'],
      expectedOutputIs: [{ text: 'The first part … The second part.', kind: 'direct', speaker: 'Tom Reyes' }],
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
      whenInputIs: ['Coach Dana Holt waved the idea away.', 'It is a gamble and a bad one at that, she said in an interview with a local station.'],
      expectedOutputIs: [{ text: 'It is a gamble and a bad one at that', kind: 'unmarked', speaker: 'Dana Holt', channel: 'interview' }],
    },
    {
      name: 'indirect speech',
      whenInputIs: ['Jane Doe said on Tuesday that the ferry could resume service within a week.'],
      expectedOutputIs: [{ text: 'the ferry could resume service within a week', kind: 'indirect', speaker: 'Jane Doe' }],
    },
    {
      name: 'indirect speech with a second clause joined by "and that"',
      whenInputIs: ['Jane Doe said the pier had been repaired and that the ferry would sail on Monday.'],
      expectedOutputIs: [{ text: 'the pier had been repaired and that the ferry would sail on Monday', kind: 'indirect', speaker: 'Jane Doe' }],
    },
    {
      name: 'partial quotes after an appositive subject',
      whenInputIs: ['Omar Haddad, the union leader, called the offer “insulting” and “a step back.”'],
      expectedOutputIs: [
        { text: 'insulting', kind: 'partial', speaker: 'Omar Haddad', cue: 'called' },
        { text: 'a step back.', kind: 'partial', speaker: 'Omar Haddad' },
      ],
    },
    {
      name: 'an office speaks for a person',
      whenInputIs: ['The office of Governor Lena Park, who signed the order, said: “The review goes on.”'],
      expectedOutputIs: [{ text: 'The review goes on.', kind: 'direct', speaker: 'office of Lena Park', speakerKind: 'organisation' }],
    },
    {
      name: 'channel: social media',
      whenInputIs: ['“The roads are closed,” Ahmed Nasser said on social media.'],
      expectedOutputIs: [{ text: 'The roads are closed', kind: 'direct', speaker: 'Ahmed Nasser', channel: 'social media' }],
    },
    {
      name: 'names in quotation marks without a speaker are not quotes',
      whenInputIs: ['The mayors signed a “Pact of the Valleys.”'],
      expectedOutputIs: [],
    },
    {
      name: 'a quoted name before the speaker of a "said that" sentence is not a quote',
      whenInputIs: ['After the “open skies” meeting in Vienna, Minister Ines Varga said that the talks had gone well.'],
      expectedOutputIs: [{ text: 'the talks had gone well', kind: 'indirect', speaker: 'Ines Varga' }],
    },
    {
      name: 'one sentence split by its attribution is one quote, its cut marked',
      whenInputIs: ['“Your honour,” Ruth Obi said, “I have never seen that.”'],
      expectedOutputIs: [{ text: 'Your honour … I have never seen that.', kind: 'direct', speaker: 'Ruth Obi' }],
    },
    {
      name: 'a quote paragraph introduced by a colon',
      whenInputIs: ['Senator Alma Ruiz put it plainly:', '“The questions asked in this hearing were poor.”'],
      expectedOutputIs: [{ text: 'The questions asked in this hearing were poor.', kind: 'direct', speaker: 'Alma Ruiz' }],
    },
    {
      name: 'attribution after a quote ending in "!" stays with it',
      whenInputIs: ['“We will win!” the shopkeeper replied.'],
      expectedOutputIs: [{ text: 'We will win!', kind: 'direct', speaker: 'shopkeeper' }],
    },
    {
      name: 'an honorific resolves to the person named in full, tags kept off the name',
      whenInputIs: ['Senator Alma Ruiz (D-Ore.) opened the hearing.', '“This ends today,” said Ms. Ruiz.'],
      expectedOutputIs: [{ text: 'This ends today', kind: 'direct', speaker: 'Alma Ruiz' }],
    },
    {
      name: 'a party and state tag in brackets is not the speaker',
      whenInputIs: ['“The vote is close,” Rep. Hal Moss (R-Idaho) said.'],
      expectedOutputIs: [{ text: 'The vote is close', kind: 'direct', speaker: 'Hal Moss' }],
    },
    {
      name: 'the listener of "told" is never the speaker',
      whenInputIs: ['“We are not leaving,” the farmer told Radio North on Sunday.'],
      expectedOutputIs: [{ text: 'We are not leaving', kind: 'direct', speaker: 'farmer' }],
    },
    {
      name: 'a party label names no one',
      whenInputIs: ['“It was a bad week,” said one Democrat.'],
      expectedOutputIs: [{ text: 'It was a bad week', kind: 'direct', speaker: null }],
    },
    {
      name: 'a participle speaks for the subject of its clause',
      whenInputIs: ['In a speech, Paul Okafor attacked the budget in Leeds and York, saying, “It cuts too deep.”'],
      expectedOutputIs: [{ text: 'It cuts too deep.', kind: 'direct', speaker: 'Paul Okafor' }],
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

  it('prints only direct and partial quotes inside quotation marks', () => {
    expect(['direct', 'partial', 'unmarked', 'indirect'].map((k) => isPrintedInMarks(k as Quote['kind']))).toEqual([true, true, false, false]);
  });
});

describe('mergeQuotes', () => {
  it('merges spelling variants and cuts across outlets, and attaches partial quotes', () => {
    const a = extractQuotes(['“An organized attack would be answered, and we will answer it,” Governor Lena Park said.']);
    const b = extractQuotes(['“An organised attack would be answered,” Park said.']);
    const c = extractQuotes(['Park warned of an “organised attack that would be answered.”']);
    const merged = mergeQuotes([
      { articleId: 1, source: 'A', quotes: a },
      { articleId: 2, source: 'B', quotes: b },
      { articleId: 3, source: 'C', quotes: c },
    ]);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ id: 'q1', speaker: 'Lena Park', kind: 'direct', articleIds: [1, 2, 3], sources: ['A', 'B', 'C'] });
    expect(merged[0]?.variants).toHaveLength(3);
  });

  it('does not cite an outlet for a quote it only shares a short phrase with', () => {
    const a = extractQuotes(['“There will be a relief fund for every town hit by the storm,” Governor Lena Park said.']);
    const b = extractQuotes(['Park said the state would set up a “relief fund” quickly.']);
    const merged = mergeQuotes([
      { articleId: 1, source: 'A', quotes: a },
      { articleId: 2, source: 'B', quotes: b },
    ]);
    expect(merged.map((q) => q.articleIds)).toEqual([[1], [2]]);
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
