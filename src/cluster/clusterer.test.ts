import { describe, expect, it } from 'vitest';
import { StoryClusterer, type ClusterInput, type ClusterState } from './index.js';

const quake = (id: number, day: string, extra = ''): ClusterInput => ({
  id,
  title: `Magnitude 6.1 earthquake strikes near Lorvane, ${id} dead`,
  text: `A magnitude 6.1 earthquake struck near the town of Lorvane on Tuesday, officials of Kessaria province said. Rescue teams searched collapsed buildings in Lorvane. ${extra}`,
  published: day,
});
const match = (id: number, day: string): ClusterInput => ({
  id,
  title: 'Dravik United beat Holm City in cup final',
  text: 'Dravik United won the cup final against Holm City 3-1 at Merrow Stadium. Striker Tomas Vell scored twice for Dravik United as fans celebrated.',
  published: day,
});

describe('StoryClusterer', () => {
  it('groups reports of one event and keeps another event apart', () => {
    const c = new StoryClusterer();
    const a = c.assign(quake(1, '2025-01-07'));
    const b = c.assign(match(2, '2025-01-07'));
    const d = c.assign(quake(3, '2025-01-08', 'Aid convoys reached Lorvane.'));
    const e = c.assign(match(4, '2025-01-08'));
    expect(a.isNew).toBe(true);
    expect(b.isNew).toBe(true);
    expect(d.storyId).toBe(a.storyId);
    expect(e.storyId).toBe(b.storyId);
    expect(d.reasons[0]).toMatch(/^similarity/);
    const stories = c.stories();
    expect(stories.map((s) => s.size)).toEqual([2, 2]);
    expect(stories[0]!.firstSeen).toBe('2025-01-07');
    expect(stories[0]!.lastSeen).toBe('2025-01-08');
    expect(stories[0]!.title).toContain('earthquake');
  });

  it('honours copyOf', () => {
    const c = new StoryClusterer();
    const a = c.assign(quake(1, '2025-01-07'));
    c.assign(match(2, '2025-01-07'));
    const copy = c.assign({ ...match(3, '2025-01-07'), copyOf: 1 });
    expect(copy.storyId).toBe(a.storyId);
    expect(copy.reasons).toEqual(['copy of article 1']);
  });

  it('does not join a story that went quiet; the quiet story is kept', () => {
    const c = new StoryClusterer();
    const a = c.assign(quake(1, '2025-01-07'));
    const later = c.assign(quake(2, '2025-03-01'));
    expect(later.storyId).not.toBe(a.storyId);
    expect(c.stories()).toHaveLength(2);
  });

  it('ignores time for undated articles', () => {
    const c = new StoryClusterer();
    const a = c.assign({ ...quake(1, ''), published: null });
    const b = c.assign({ ...quake(2, ''), published: null });
    expect(b.storyId).toBe(a.storyId);
  });

  it('merges two stories when an article scores high against both, and records it', () => {
    const c = new StoryClusterer({ joinThreshold: 0.5, mergeThreshold: 0.35 });
    const textA = 'Rescue teams in Lorvane pulled survivors from collapsed buildings after the earthquake.';
    const textB = 'Aid convoys from Kessaria reached shelters with blankets after the earthquake.';
    const a = c.assign({ id: 1, title: null, text: textA, published: '2025-01-07' });
    const b = c.assign({ id: 2, title: null, text: textB, published: '2025-01-07' });
    expect(b.storyId).not.toBe(a.storyId);
    const bridge = c.assign({ id: 3, title: null, text: `${textA} ${textB}`, published: '2025-01-07' });
    expect(bridge.merged).toEqual({ from: [b.storyId], into: a.storyId });
    expect(c.mergeEvents()).toEqual([{ articleId: 3, from: [b.storyId], into: a.storyId }]);
    expect([c.storyOf(1), c.storyOf(2), c.storyOf(3)]).toEqual([a.storyId, a.storyId, a.storyId]);
    expect(c.stories()).toHaveLength(1);
  });

  it('is deterministic and its state round-trips through JSON', () => {
    const stream = [quake(1, '2025-01-07'), match(2, '2025-01-07'), quake(3, '2025-01-08'), match(4, '2025-01-09')];
    const a = new StoryClusterer();
    const b = new StoryClusterer();
    const ra = stream.map((x) => a.assign(x));
    const rb = stream.map((x) => b.assign(x));
    expect(ra).toEqual(rb);
    const restored = StoryClusterer.importState(JSON.parse(JSON.stringify(a.exportState())) as ClusterState);
    const next = quake(5, '2025-01-09');
    expect(restored.assign(next)).toEqual(a.assign(next));
    expect(restored.stories()).toEqual(a.stories());
  });

  it('rejects an article id assigned twice', () => {
    const c = new StoryClusterer();
    c.assign(quake(1, '2025-01-07'));
    expect(() => c.assign(quake(1, '2025-01-07'))).toThrow(/already assigned/);
  });
});
