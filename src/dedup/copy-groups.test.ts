import { describe, expect, it } from 'vitest';
import { CopyGroups } from './copy-groups.js';

describe('CopyGroups', () => {
  it('groups copies transitively and knows the earliest member', () => {
    const groups = new CopyGroups();
    groups.add(1, Date.parse('2025-03-27T10:00:00Z'));
    groups.add(2, Date.parse('2025-03-27T08:00:00Z'));
    groups.add(3, null);
    groups.add(4, Date.parse('2025-03-26T08:00:00Z'));
    groups.link(1, 3);
    groups.link(3, 2);
    expect(groups.members(1)).toEqual([1, 2, 3]);
    expect(groups.earliest(3)).toBe(2);
    expect(groups.isSameGroup(1, 2)).toBe(true);
    expect(groups.isSameGroup(1, 4)).toBe(false);
    expect(groups.earliest(4)).toBe(4);
    expect(groups.groups()).toEqual([[1, 2, 3]]);
  });

  it('prefers dated members, then the smaller id', () => {
    const groups = new CopyGroups();
    groups.link(9, 5);
    expect(groups.earliest(9)).toBe(5);
    groups.add(9, 1000);
    expect(groups.earliest(5)).toBe(9);
    groups.add(5, 1000);
    expect(groups.earliest(9)).toBe(5);
  });

  it('unknown ids are singletons', () => {
    const groups = new CopyGroups();
    expect(groups.members(7)).toEqual([7]);
    expect(groups.earliest(7)).toBe(7);
    expect(groups.isSameGroup(7, 7)).toBe(true);
  });

  it('round-trips through plain data', () => {
    const groups = new CopyGroups();
    for (let id = 0; id < 20; id++) groups.add(id, id % 4 === 0 ? null : 1000 - id);
    for (let id = 0; id < 18; id += 3) groups.link(id, id + 2);
    groups.link(2, 5);
    const restored = CopyGroups.fromJSON(JSON.parse(JSON.stringify(groups.toJSON())) as ReturnType<CopyGroups['toJSON']>);
    expect(restored.groups()).toEqual(groups.groups());
    for (let id = 0; id < 20; id++) expect(restored.earliest(id)).toBe(groups.earliest(id));
  });
});
