import { describe, expect, it } from 'vitest';
import { parseSnippet } from './sqlite/fts.js';

describe('parseSnippet', () => {
  it('turns an FTS5 snippet into text and highlight offsets', () => {
    expect(parseSnippet('…the \u0002fire\u0003 at  the \u0002terminal\u0003…')).toEqual({ text: '…the fire at the terminal…', highlights: [[5, 9], [17, 25]] });
    expect(parseSnippet('no match')).toEqual({ text: 'no match', highlights: [] });
    // An unclosed or empty mark marks nothing.
    expect(parseSnippet('a \u0002\u0003b \u0002c')).toEqual({ text: 'a b c', highlights: [] });
  });
});
