import type { ArticleNode } from './article-node.js';
import { CLUSTER_VERSION } from './config.js';
import type { ArticleRecord, ClusterMeta, ClusterSnapshot, ClusterState, CopyRecord, StoryEvent, StoryRecord } from './state.js';
import type { Story, WorkingSet } from './working-set.js';

/** Pins as sorted pairs (a < b), each once. */
function pairs(map: ReadonlyMap<number, ReadonlySet<number>>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [a, set] of map) for (const b of set) if (a < b) out.push([a, b]);
  return out.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}

function meta(ws: WorkingSet): ClusterMeta {
  return {
    version: CLUSTER_VERSION,
    config: { ...ws.config },
    seq: ws.seq,
    clockMs: ws.clock.nowMs,
    nextStoryId: ws.nextStoryId,
    sinceSettle: ws.sinceSettle,
    dirty: [...ws.dirty].sort((a, b) => a - b),
    pins: { mustLink: pairs(ws.mustLink), cannotLink: pairs(ws.cannotLink) },
  };
}

function articleRecord(ws: WorkingSet, n: ArticleNode): ArticleRecord {
  const voc = ws.vocabulary;
  return {
    id: n.id,
    seq: n.seq,
    language: n.language,
    timeMs: n.timeMs,
    features: Array.from(n.ids, (id, i): [string, number] => [voc.key(id), n.tf[i]!]),
    happening: Array.from(n.happ, (id, i): [string, number] => [voc.key(id), n.happW[i]!]),
    participants: Array.from(n.part, (id) => voc.key(id)),
    year: n.yearId >= 0 ? voc.key(n.yearId) : null,
    title: n.title,
    lead: n.lead,
    labels: [...n.labels],
    keys: Array.from(ws.nodeKeys.get(n.id) ?? [], (id) => voc.key(id)),
    edges: [...n.edges],
    copies: [...n.copies],
    reasons: [...(ws.reasons.get(n.id) ?? [])],
  };
}

function storyRecord(ws: WorkingSet, s: Story): StoryRecord {
  const articles: ArticleRecord[] = [];
  const copies: CopyRecord[] = [];
  for (const id of s.members) {
    const node = ws.nodes.get(id);
    if (node) {
      articles.push(articleRecord(ws, node));
      continue;
    }
    const c = ws.copies.get(id);
    if (c) copies.push({ id: c.id, seq: c.seq, of: c.of, timeMs: c.timeMs, title: c.title, lead: c.lead, reasons: [...c.reasons] });
  }
  return {
    id: s.id,
    members: [...s.members],
    firstMs: s.firstMs,
    lastMs: s.lastMs,
    lastSeq: s.lastSeq,
    isActive: s.isActive,
    title: s.frozenTitle,
    settledAt: s.settledAt,
    settledSize: s.settledSize,
    articles,
    copies,
  };
}

/** A full snapshot, or (with `only`) the rows of those stories and the meta record. */
export function exportRecords(ws: WorkingSet, options: { only?: ReadonlySet<number> } = {}): ClusterState {
  const stories = [...ws.stories.values()]
    .filter((s) => !options.only || options.only.has(s.id))
    .sort((a, b) => a.id - b.id)
    .map((s) => storyRecord(ws, s));
  return {
    meta: meta(ws),
    documents: options.only ? 0 : ws.vocabulary.documentCount,
    frequencies: options.only ? [] : [...ws.vocabulary.frequencies()],
    stories,
    events: options.only ? [] : structuredClone(ws.events),
  };
}

/** Restores a working set from records (into a fresh one). */
export function importRecords(ws: WorkingSet, snapshot: ClusterSnapshot, events: readonly StoryEvent[]): void {
  const voc = ws.vocabulary;
  voc.applyDeltas(snapshot.documents, snapshot.frequencies);
  ws.seq = snapshot.meta.seq;
  ws.clock.observe(snapshot.meta.clockMs);
  ws.nextStoryId = snapshot.meta.nextStoryId;
  ws.sinceSettle = snapshot.meta.sinceSettle;
  for (const [a, b] of snapshot.meta.pins.mustLink) ws.pin(ws.mustLink, a, b);
  for (const [a, b] of snapshot.meta.pins.cannotLink) ws.pin(ws.cannotLink, a, b);
  const nodes: Array<{ node: ArticleNode; keys: string[] }> = [];
  for (const r of snapshot.stories) {
    const story: Story = {
      id: r.id,
      members: [...r.members],
      firstMs: r.firstMs,
      lastMs: r.lastMs,
      lastSeq: r.lastSeq,
      isActive: r.isActive,
      frozenTitle: r.title,
      settledAt: r.settledAt,
      settledSize: r.settledSize,
      version: 0,
      titleCache: null,
    };
    ws.stories.set(story.id, story);
    for (const id of story.members) ws.storyOfArticle.set(id, story.id);
    for (const a of r.articles) {
      const node: ArticleNode = {
        id: a.id,
        seq: a.seq,
        language: a.language,
        timeMs: a.timeMs,
        ids: Int32Array.from(a.features, ([k]) => voc.intern(k)),
        tf: Float32Array.from(a.features, ([, w]) => w),
        happ: Int32Array.from(a.happening, ([k]) => voc.intern(k)),
        happW: Float32Array.from(a.happening, ([, w]) => w),
        part: Int32Array.from(a.participants, (k) => voc.intern(k)),
        yearId: a.year === null ? -1 : voc.intern(a.year),
        title: a.title,
        lead: a.lead,
        labels: new Map(a.labels),
        edges: new Map(a.edges),
        copies: [...a.copies],
        story: story.id,
      };
      ws.nodes.set(node.id, node);
      ws.reasons.set(node.id, [...a.reasons]);
      nodes.push({ node, keys: a.keys });
    }
    for (const c of r.copies) {
      ws.copies.set(c.id, { ...c, reasons: [...c.reasons] });
      ws.reasons.set(c.id, [...c.reasons]);
    }
  }
  // Posting lists in arrival order, as they were built.
  nodes.sort((x, y) => x.node.seq - y.node.seq);
  for (const { node, keys } of nodes) {
    const ids = Int32Array.from(keys, (k) => voc.intern(k));
    for (const k of ids) ws.index.add(k, node.id);
    ws.nodeKeys.set(node.id, ids);
  }
  for (const id of snapshot.meta.dirty) if (ws.stories.has(id)) ws.dirty.add(id);
  ws.events.push(...structuredClone([...events]));
  ws.eventsDrained = ws.events.length;
}

/** The same state with every story id moved up by `shift` (a store that had to move its stories' ids). */
export function shiftStoryIds(state: ClusterState, shift: number): ClusterState {
  const up = (id: number): number => id + shift;
  const events = state.events.map((e): StoryEvent => {
    switch (e.kind) {
      case 'move':
        return { ...e, from: up(e.from), to: up(e.to) };
      case 'split':
        return { ...e, from: up(e.from), into: up(e.into) };
      case 'merge':
        return { ...e, from: e.from.map(up), into: up(e.into) };
    }
  });
  return {
    ...state,
    meta: { ...state.meta, nextStoryId: up(state.meta.nextStoryId), dirty: state.meta.dirty.map(up) },
    stories: state.stories.map((s) => ({ ...s, id: up(s.id) })),
    events,
  };
}
