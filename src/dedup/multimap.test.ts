import { describe, expect, it } from 'vitest';
import { PostingMultimap } from './multimap.js';

function valuesOf(map: PostingMultimap, key: number, limit = 1000): number[] {
  const out: number[] = [];
  map.forEach(key, limit, (value) => out.push(value));
  return out;
}

describe('PostingMultimap', () => {
  it('keeps values per key newest first across growth', () => {
    const map = new PostingMultimap(16);
    for (let i = 0; i < 5000; i++) map.add((i % 97) * 0x01000193 + 0xfffff000, i);
    expect(map.size).toBe(5000);
    const key = 5 * 0x01000193 + 0xfffff000;
    const expected = Array.from({ length: 5000 }, (_, i) => i)
      .filter((i) => i % 97 === 5)
      .reverse();
    expect(valuesOf(map, key)).toEqual(expected);
    expect(valuesOf(map, key, 3)).toEqual(expected.slice(0, 3));
    expect(valuesOf(map, 12345)).toEqual([]);
  });

  it('accepts the whole uint32 key range', () => {
    const map = new PostingMultimap(16);
    map.add(0, 1);
    map.add(0xffffffff, 2);
    map.add(0x80000000, 3);
    expect(valuesOf(map, 0)).toEqual([1]);
    expect(valuesOf(map, 0xffffffff)).toEqual([2]);
    expect(valuesOf(map, 0x80000000)).toEqual([3]);
  });
});
