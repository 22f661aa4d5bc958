import { describe, expect, it } from 'vitest';
import { InMemoryClusterStateStore, StoryClusterer, type ClusterInput, type ClusterState } from './index.js';

const quake = (id: number, day: string, extra = ''): ClusterInput => ({
  id,
  title: `Magnitude 5.8 earthquake strikes near Lorvane, ${id} dead`,
  text: `A magnitude 5.8 earthquake struck near the town of Lorvane on Tuesday, officials of Kessaria province said. Rescue teams searched collapsed buildings in Lorvane. ${extra}`,
  published: day,
});
const match = (id: number, day: string): ClusterInput => ({
  id,
  title: 'Dravik United beat Holm City in cup final',
  text: 'Dravik United won the cup final against Holm City 3-1 at Merrow Stadium. Striker Tomas Vell scored twice for Dravik United as fans celebrated.',
  published: day,
});

/** Two happenings of one cast in one week: a visit and a lawsuit, each told by three outlets. */
function oneCastTwoHappenings(): ClusterInput[] {
  const visit = [
    ['Premier Aldo Varenne visits Ostrava Holdings plant', 'Premier Aldo Varenne toured the Ostrava Holdings plant in Kelby on Monday, greeting workers on the assembly line during a two-hour visit.'],
    ['Varenne tours Ostrava factory', 'Aldo Varenne visited the Ostrava Holdings factory at Kelby, where he met engineers and watched the assembly line, on a trip his office called routine.'],
    ['Varenne on factory visit to Ostrava Holdings', 'During a visit to the Ostrava Holdings works in Kelby, Premier Aldo Varenne greeted staff and toured the assembly hall.'],
  ];
  const lawsuit = [
    ['Ostrava Holdings sues Premier Varenne over contract', 'Ostrava Holdings filed a lawsuit against Premier Aldo Varenne on Thursday, claiming damages over a cancelled rail contract worth 40 million.'],
    ['Varenne sued by Ostrava Holdings', 'Ostrava Holdings has sued Aldo Varenne in the high court, its lawyers said, seeking damages for the cancelled rail contract.'],
    ['Ostrava takes Varenne to court over rail deal', 'Lawyers for Ostrava Holdings lodged a suit against Aldo Varenne, alleging breach of the rail contract and claiming 40 million in damages.'],
  ];
  const out: ClusterInput[] = [];
  visit.forEach(([title, text], i) => out.push({ id: 10 + i, title: title!, text: `${text!} Officials in Kelby said the premier would return.`, published: `2031-05-0${5 + i}` }));
  lawsuit.forEach(([title, text], i) => out.push({ id: 20 + i, title: title!, text: `${text!} Varenne visited the company earlier in the week.`, published: `2031-05-0${7 + i}` }));
  return out;
}

describe('StoryClusterer', () => {
  it('groups reports of one event and keeps another event apart, saying why', () => {
    const c = new StoryClusterer();
    const a = c.assign(quake(1, '2025-01-07'));
    const b = c.assign(match(2, '2025-01-07'));
    const d = c.assign(quake(3, '2025-01-08', 'Aid convoys reached Lorvane.'));
    const e = c.assign(match(4, '2025-01-08'));
    expect(a.isNew).toBe(true);
    expect(b.isNew).toBe(true);
    expect(d.storyId).toBe(a.storyId);
    expect(e.storyId).toBe(b.storyId);
    expect(d.reasons[0]).toMatch(/^same happening: '.*earthquake.*'/);
    expect(d.reasons.join(' ')).toMatch(/shared: .*Lorvane/);
    expect(d.explanation?.links[0]?.articleId).toBe(1);
    const stories = c.stories();
    expect(stories.map((s) => s.size)).toEqual([2, 2]);
    expect(stories[0]!.firstSeen).toBe('2025-01-07');
    expect(stories[0]!.lastSeen).toBe('2025-01-08');
    expect(stories[0]!.title).toContain('earthquake');
    expect(stories[0]!.core).toContain(1);
  });

  it('takes in a report whose lead opens on a scene, its happening in the second sentence, told a day later', () => {
    const c = new StoryClusterer();
    const wire = (id: number): ClusterInput => ({
      id,
      title: `Cargo ship runs aground off Tessany, ${id} crew rescued`,
      text:
        'A cargo ship carrying timber ran aground on a sandbank off the port of Tessany late on Monday, and lifeboats rescued its 19 crew, the harbour authority said. ' +
        'The Merel Star, registered in Ostrava, had lost power in a storm. Harbour master Ilse Vandorn said salvage teams would try to refloat the ship.',
      published: '2031-03-04',
    });
    c.assign(wire(1));
    c.assign({ ...wire(2), title: 'Timber freighter aground near Tessany, crew safe' });
    const scene = c.assign({
      id: 3,
      title: 'A long night on the Tessany sandbank',
      text:
        'It was 11:20 p.m. on Monday when the first flare rose over the harbour of Tessany. The Merel Star, a cargo ship loaded with timber, had run aground on the sandbank after losing power in the storm. ' +
        'Lifeboats brought all 19 crew ashore before dawn, harbour master Ilse Vandorn said on Tuesday. Salvage teams hope to refloat the ship this week.',
      published: '2031-03-05',
    });
    c.settle();
    expect(c.storyOf(3)).toBe(c.storyOf(1));
    expect(scene.reasons.join(' ')).toMatch(/aground|ground|cargo/);
  });

  it('keeps two happenings of the same people in the same week apart', () => {
    const c = new StoryClusterer();
    for (const a of oneCastTwoHappenings()) c.assign(a);
    c.settle();
    expect(new Set([10, 11, 12].map((id) => c.storyOf(id))).size).toBe(1);
    expect(new Set([20, 21, 22].map((id) => c.storyOf(id))).size).toBe(1);
    expect(c.storyOf(10)).not.toBe(c.storyOf(20));
  });

  it('honours copyOf, and a copy follows its original', () => {
    const c = new StoryClusterer();
    const a = c.assign(quake(1, '2025-01-07'));
    c.assign(match(2, '2025-01-07'));
    const copy = c.assign({ ...match(3, '2025-01-07'), copyOf: 1 });
    expect(copy.storyId).toBe(a.storyId);
    expect(copy.reasons).toEqual(['copy of article 1']);
    c.moveArticle(1, null);
    expect(c.storyOf(3)).toBe(c.storyOf(1));
  });

  it('does not link dated articles weeks apart; the older story is kept', () => {
    const c = new StoryClusterer();
    const a = c.assign(quake(1, '2025-01-07'));
    const later = c.assign(quake(2, '2025-03-01'));
    expect(later.storyId).not.toBe(a.storyId);
    expect(c.stories()).toHaveLength(2);
  });

  it('joins undated articles on content', () => {
    const c = new StoryClusterer();
    const a = c.assign({ ...quake(1, ''), published: null });
    const b = c.assign({ ...quake(2, ''), published: null });
    const d = c.assign(quake(3, '2025-01-07'));
    expect(b.storyId).toBe(a.storyId);
    expect(d.storyId).toBe(a.storyId);
  });

  it('flags a publication date after the arrival and joins the article on content', () => {
    const c = new StoryClusterer();
    const a = c.assign({ ...quake(1, '2025-01-07'), arrivedAt: '2025-01-07T10:00:00Z' });
    const b = c.assign({ ...quake(2, '2099-12-31'), arrivedAt: '2025-01-07T11:00:00Z' });
    expect(b.timeFlag).toBe('future');
    expect(b.storyId).toBe(a.storyId);
    expect(b.reasons.join(' ')).toMatch(/2099-12-31 is later than its arrival/);
    expect(c.story(a.storyId)!.lastSeen).toBe('2025-01-07');
  });

  it('merges two stories when new articles show them to be one, and records it with reasons', () => {
    const c = new StoryClusterer({ joinThreshold: 0.45 });
    const textA = 'Rescue teams in Lorvane pulled survivors from collapsed buildings after the earthquake.';
    const textB = 'Aid convoys from Kessaria reached shelters with blankets after the earthquake.';
    const a = c.assign({ id: 1, title: null, text: textA, published: '2025-01-07' });
    const b = c.assign({ id: 2, title: null, text: textB, published: '2025-01-07' });
    expect(b.storyId).not.toBe(a.storyId);
    c.assign({ id: 3, title: null, text: `${textA} ${textB}`, published: '2025-01-07' });
    c.assign({ id: 4, title: null, text: `${textB} ${textA}`, published: '2025-01-07' });
    const changes = c.settle();
    expect(new Set([1, 2, 3, 4].map((id) => c.storyOf(id))).size).toBe(1);
    expect(changes.events.some((e) => e.kind === 'merge' || e.kind === 'move')).toBe(true);
    expect(c.stories()).toHaveLength(1);
  });

  it('respects a reader moving an article out, and merging two stories, in later assignments', () => {
    const c = new StoryClusterer();
    c.assign(quake(1, '2025-01-07'));
    c.assign(quake(2, '2025-01-07'));
    c.assign(match(3, '2025-01-07'));
    const moved = c.moveArticle(2, null);
    expect(moved.events[0]).toMatchObject({ kind: 'move', articleId: 2, byReader: true });
    expect(c.storyOf(2)).not.toBe(c.storyOf(1));
    c.assign(quake(4, '2025-01-08'));
    c.assign(quake(5, '2025-01-08'));
    c.settle();
    expect(c.storyOf(2)).not.toBe(c.storyOf(1));
    expect(c.storyOf(4)).toBe(c.storyOf(1));
    c.mergeStories(c.storyOf(3)!, c.storyOf(1)!);
    c.assign(match(6, '2025-01-08'));
    c.settle();
    expect(c.storyOf(3)).toBe(c.storyOf(1));
    expect(c.storyOf(2)).not.toBe(c.storyOf(1));
    expect(c.storyEvents().filter((e) => e.kind === 'merge' && e.byReader)).toHaveLength(1);
    expect(() => c.moveArticle(999, null)).toThrow(/not in any story/);
  });

  it('is deterministic and its state round-trips through JSON', () => {
    const stream = [quake(1, '2025-01-07'), match(2, '2025-01-07'), quake(3, '2025-01-08'), match(4, '2025-01-09')];
    const a = new StoryClusterer();
    const b = new StoryClusterer();
    const ra = stream.map((x) => a.assign(x));
    const rb = stream.map((x) => b.assign(x));
    expect(ra).toEqual(rb);
    a.moveArticle(3, null);
    const restored = StoryClusterer.importState(JSON.parse(JSON.stringify(a.exportState())) as ClusterState);
    const next = quake(5, '2025-01-09');
    expect(restored.assign(next)).toEqual(a.assign(next));
    expect(restored.settle()).toEqual(a.settle());
    expect(restored.stories()).toEqual(a.stories());
  });

  it('persists as rows per story and document-frequency increments through a state port', async () => {
    const port = new InMemoryClusterStateStore();
    const a = new StoryClusterer();
    a.assign(quake(1, '2025-01-07'));
    a.assign(match(2, '2025-01-07'));
    const first = a.drainStateChanges();
    expect(first.stories.map((s) => s.id)).toEqual([1, 2]);
    expect(first.documents).toBe(2);
    port.save(first);
    a.assign(quake(3, '2025-01-08'));
    const second = a.drainStateChanges();
    // Only the story that changed, and only the increments.
    expect(second.stories.map((s) => s.id)).toEqual([1]);
    expect(second.documents).toBe(1);
    expect(second.frequencies.length).toBeLessThan(first.frequencies.length);
    port.save(second);
    const restored = await StoryClusterer.loadFrom(port);
    const next = match(4, '2025-01-08');
    expect(restored.assign(next)).toEqual(a.assign(next));
    expect(restored.stories()).toEqual(a.stories());
  });

  it('rejects an article id assigned twice', () => {
    const c = new StoryClusterer();
    c.assign(quake(1, '2025-01-07'));
    expect(() => c.assign(quake(1, '2025-01-07'))).toThrow(/already assigned/);
  });
  it('writes again only the stories a re-check changed, and a second re-check has nothing to do', () => {
    const c = new StoryClusterer({ settleEvery: 1_000 });
    for (const input of oneCastTwoHappenings()) c.assign(input);
    for (let i = 0; i < 4; i++) c.assign(quake(40 + i, '2031-05-06', `Report ${i}.`));
    for (let i = 0; i < 4; i++) c.assign(match(50 + i, '2031-05-06'));
    const before = new Map(c.stories().map((s) => [s.id, s.articleIds.join(',')]));
    const first = c.settle();
    const after = new Map(c.stories().map((s) => [s.id, s.articleIds.join(',')]));
    for (const id of first.touched) expect(after.get(id)).not.toBe(before.get(id));
    const second = c.settle();
    expect(second).toEqual({ moves: [], events: [], touched: [], removed: [] });
  });

  it('keeps the cost of a sweep to the working set: quiet stories leave it and stay readable', () => {
    const c = new StoryClusterer({ retainArticles: 300, retainMinArticles: 300 });
    for (let i = 1; i <= 900; i++) c.assign({ id: i, title: `Report ${i} on the Velm${i} affair`, text: `Velm${i} Quarto${i} said on Monday that the Norv${i} deal was off.`, published: null });
    const first = c.story(c.storyOf(1)!)!;
    expect(first.isActive).toBe(false);
    expect(first.articleIds).toContain(1);
    expect(c.story(c.storyOf(900)!)?.isActive).toBe(true);
  });
});
