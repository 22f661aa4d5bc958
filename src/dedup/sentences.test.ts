import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences.js';

describe('splitSentences', () => {
  it.each([
    ['Mr. Smith met Dr. J. K. Rowling in the U.S. on Monday. She left.', ['Mr. Smith met Dr. J. K. Rowling in the U.S. on Monday.', 'She left.']],
    ['The deal was worth $2.15 billion. It passed.', ['The deal was worth $2.15 billion.', 'It passed.']],
    ['“If there was aggression,” Macron said. “Our soldiers are there.” He left.', ['“If there was aggression,” Macron said.', '“Our soldiers are there.”', 'He left.']],
    ['Then he flew to the U.S. The president said no.', ['Then he flew to the U.S.', 'The president said no.']],
    ['“Is it?” he asked. Yes!', ['“Is it?” he asked.', 'Yes!']],
    ['Allow U.S. forces and U.K. Prime Minister Keir Starmer to act.', ['Allow U.S. forces and U.K. Prime Minister Keir Starmer to act.']],
    ['He works for Acme Inc. The company grew. It is No. 5 in Jan. 2024.', ['He works for Acme Inc.', 'The company grew.', 'It is No. 5 in Jan. 2024.']],
    ['Wait... What happened? Nobody knows!', ['Wait...', 'What happened?', 'Nobody knows!']],
    ['line one\nline two. Three', ['line one', 'line two.', 'Three']],
    ['', []],
    ['   ', []],
    ['no terminal punctuation', ['no terminal punctuation']],
    ['Gen. Mark Milley spoke at 5 p.m. Friday. Troops left.', ['Gen. Mark Milley spoke at 5 p.m. Friday.', 'Troops left.']],
  ])('%j', (input, expected) => {
    expect(splitSentences(input)).toEqual(expected);
  });
});
