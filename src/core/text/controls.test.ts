import { describe, expect, it } from 'vitest';
import { cleanLabel, stripControls, stripControlsDeep } from './controls.js';

describe('control characters', () => {
  it('removes C0/C1 controls, DEL and bidirectional overrides, keeps tab and line breaks', () => {
    expect(stripControls('a\u0000b\u001b[31mc\u202ed\u2066e\u0085f\tg\nh')).toBe('ab[31mcdef\tg\nh');
    expect(stripControls('plain text')).toBe('plain text');
  });
  it('removes zero-width characters from labels only', () => {
    expect(cleanLabel('Reu\u200bters')).toBe('Reuters');
    expect(stripControls('Reu\u200bters')).toBe('Reu\u200bters');
  });
  it('neutralises every string of a stored value, without changing it', () => {
    const sheet = { title: 'Evil\u202etxt.exe', quotes: [{ speaker: '\u001b]0;pwned\u0007Ms X', n: 3 }], none: null };
    const clean = stripControlsDeep(sheet);
    expect(clean).toEqual({ title: 'Eviltxt.exe', quotes: [{ speaker: ']0;pwnedMs X', n: 3 }], none: null });
    expect(sheet.title).toBe('Evil\u202etxt.exe');
  });
});
