import { describe, expect, it } from 'vitest';
import { dateSpan, hasOperators, isQuotedIn, parseSearch } from './search.js';

describe('parseSearch', () => {
  it('splits words from operators, quoted values keeping their spaces', () => {
    const q = parseSearch('ferry outlet:"Harbour Gazette" entity:Morel quote:"worked through the night" lang:FR "Port Aven"');
    expect(q).toMatchObject({
      text: 'ferry "Port Aven"',
      outlets: ['Harbour Gazette'],
      entities: ['Morel'],
      quotes: ['worked through the night'],
      languages: ['fr'],
      from: null,
      to: null,
      problems: [],
    });
    expect(hasOperators(q)).toBe(true);
    expect(hasOperators(parseSearch('just words'))).toBe(false);
  });

  it('reads dates as days, months and years, and ranges with open ends', () => {
    expect(parseSearch('from:2026-03-02 to:2026-03')).toMatchObject({ from: '2026-03-02', to: '2026-03-31', text: '' });
    expect(parseSearch('date:2024-02')).toMatchObject({ from: '2024-02-01', to: '2024-02-29' });
    expect(parseSearch('date:2025')).toMatchObject({ from: '2025-01-01', to: '2025-12-31' });
    expect(parseSearch('date:2026-03-01..2026-03-05')).toMatchObject({ from: '2026-03-01', to: '2026-03-05' });
    expect(parseSearch('date:..2026-03')).toMatchObject({ from: null, to: '2026-03-31' });
    expect(parseSearch('date:2026-03-01..')).toMatchObject({ from: '2026-03-01', to: null });
    // Two bounds narrow: the later start, the earlier end.
    expect(parseSearch('from:2026-01-01 from:2026-02-01 to:2026-12-31 to:2026-06')).toMatchObject({ from: '2026-02-01', to: '2026-06-30' });
    expect(dateSpan('2026-02-30')).toBeNull();
    expect(dateSpan('2026-13')).toBeNull();
  });

  it('names what it cannot read, and leaves unknown keys as words', () => {
    expect(parseSearch('from:soon').problems).toEqual(['from: expected a date YYYY-MM-DD (or YYYY-MM, YYYY), got "soon"']);
    expect(parseSearch('lang:english').problems[0]).toMatch(/^lang: expected an ISO 639/);
    expect(parseSearch('outlet:').problems).toEqual(['outlet: expected a value after the colon']);
    expect(parseSearch('date:..').problems).toHaveLength(1);
    expect(parseSearch('from:2026-05 to:2026-04').problems).toEqual(['dates: 2026-05-01 is after 2026-04-30']);
    expect(parseSearch('meeting at 10:30 see http://x.example/a')).toMatchObject({ text: 'meeting at 10:30 see http://x.example/a', problems: [] });
  });
});

describe('isQuotedIn', () => {
  it('finds words inside quotation marks of any common style, not outside them', () => {
    expect(isQuotedIn('“Our crews worked through the night,” she said.', 'worked through the night')).toBe(true);
    expect(isQuotedIn('Crews worked through the night, she said.', 'worked through the night')).toBe(false);
    expect(isQuotedIn('Il a dit : « Nous avons travaillé toute la nuit ».', 'travaille toute la nuit')).toBe(true);
    expect(isQuotedIn('Er sagte: „Wir haben die ganze Nacht gearbeitet“.', 'ganze Nacht')).toBe(true);
    expect(isQuotedIn('He said "we are ready" and left. The night was long.', 'ready and left')).toBe(false);
    // A quotation does not run on into the next paragraph.
    expect(isQuotedIn('"Unclosed quote here\nand words later" on', 'words later')).toBe(false);
    expect(isQuotedIn('"Partial words" here', 'words here')).toBe(false);
    expect(isQuotedIn('"anything"', '…')).toBe(false);
  });
});
