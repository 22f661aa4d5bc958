import { agglomerate } from './agglomerate.js';
import type { ArticleNode } from './article-node.js';
import { explain, reasonLines } from './reasons.js';
import type { StoryEvent } from './state.js';
import type { Story, WorkingSet } from './working-set.js';

/** What a settle or a correction changed, for the caller to persist. */
export interface StoryChanges {
  /** Articles now in another story than before. */
  moves: Array<{ articleId: number; from: number; to: number; reasons: string[] }>;
  /** Splits, merges and moves, with their reasons. */
  events: StoryEvent[];
  /** Stories whose summary changed (write them again). */
  touched: number[];
  /** Stories that no longer exist (merged away). */
  removed: number[];
}

export function noChanges(): StoryChanges {
  return { moves: [], events: [], touched: [], removed: [] };
}

/** Stories of up to this many articles are re-checked whenever they change; larger ones as they grow by GROWTH_SHARE. */
const SMALL_STORY = 48;
const GROWTH_SHARE = 0.25;

function needsRecheck(s: Story, docs: number): boolean {
  if (s.members.length <= SMALL_STORY || s.members.length >= s.settledSize * (1 + GROWTH_SHARE)) return true;
  return docs - s.settledAt >= STALE_MIN_DOCS && docs > s.settledAt * (1 + STALE_SHARE);
}

/** A story is re-checked once the document count grew by this share since its last re-check (and by STALE_MIN_DOCS). */
const STALE_SHARE = 0.25;
const STALE_MIN_DOCS = 16;
/** Happening words shown for a group: its heaviest summed happening words. */
const GROUP_HAPPENING_WORDS = 3;

/**
 * Re-clusters the stories changed since the last settle, with the stories linked to them, from
 * their articles' links alone (rescored with today's document frequencies), so that the result
 * does not depend on the order the articles came in. Stories keep their ids where most of their
 * articles stay; a group that no old story can name is a split; an old story none keeps is merged.
 * Every change is recorded with its reasons.
 */
export function settle(ws: WorkingSet): StoryChanges {
  // Stories settled under document frequencies that have since moved are re-checked too: each
  // story is re-checked a logarithmic number of times as the corpus grows.
  const docs = ws.vocabulary.documentCount;
  for (const s of ws.activeStories()) {
    if (docs - s.settledAt >= STALE_MIN_DOCS && docs > s.settledAt * (1 + STALE_SHARE)) ws.dirty.add(s.id);
  }
  // A large story is re-checked as it grows by a share of its size, not at every arrival: the
  // cost of keeping one story settled stays proportional to its size, amortised over its arrivals.
  const dirty = [...ws.dirty].filter((id) => {
    const s = ws.stories.get(id);
    return s !== undefined && s.isActive && needsRecheck(s, docs);
  });
  dirty.sort((a, b) => a - b);
  ws.dirty.clear();
  ws.sinceSettle = 0;
  if (dirty.length === 0) return noChanges();
  // Every score of a re-check is under one document count: each article's weights once.
  ws.scorer.beginBatch();
  try {
    return settleRegion(ws, dirty, docs);
  } finally {
    ws.scorer.endBatch();
  }
}

function settleRegion(ws: WorkingSet, dirty: readonly number[], docs: number): StoryChanges {
  const region = regionOf(ws, dirty, docs);
  for (const s of region) {
    s.settledAt = docs;
    s.settledSize = s.members.length;
  }
  const nodes: ArticleNode[] = [];
  for (const story of region) nodes.push(...ws.storyNodes(story));
  nodes.sort((a, b) => a.id - b.id);
  const indexOf = new Map<number, number>();
  nodes.forEach((n, i) => indexOf.set(n.id, i));

  const edges = rescore(ws, nodes, indexOf);
  const mustLink: Array<[number, number]> = [];
  for (const n of nodes) {
    for (const other of ws.mustLink.get(n.id) ?? []) {
      const j = indexOf.get(other);
      if (j !== undefined && n.id < other) mustLink.push([indexOf.get(n.id)!, j]);
    }
  }
  const groups = agglomerate<HappeningSummary>(
    { n: nodes.length, edges, mustLink },
    {
      threshold: ws.config.joinThreshold,
      linkTop: ws.config.linkTop,
      summarise: (i) => happeningOf(ws, nodes[i]!),
      combine: combineHappenings,
      canMerge: (a, pa, b, pb) => canMerge(ws, a.map((i) => nodes[i]!), pa, b.map((i) => nodes[i]!), pb),
    },
  );
  return apply(
    ws,
    region,
    groups.map((g) => g.map((i) => nodes[i]!)),
  );
}

/** The dirty stories, then the stories most strongly linked to them, up to `settleMaxArticles`; pinned partners always. */
function regionOf(ws: WorkingSet, dirty: readonly number[], docs: number): Story[] {
  const chosen = new Map<number, Story>();
  let size = 0;
  for (const id of dirty) {
    const s = ws.stories.get(id)!;
    chosen.set(id, s);
    size += s.members.length;
  }
  // A neighbouring story takes part when one of its links into the dirty stories, rescored with
  // today's document frequencies, still reaches the edge threshold (links the region's re-check
  // then scores again only when the document count moved since).
  const neighbours = new Map<number, number>();
  const scorer = ws.scorer;
  const { edgeThreshold } = ws.config;
  for (const id of dirty) {
    for (const node of ws.storyNodes(ws.stories.get(id)!)) {
      let loaded = false;
      for (const [nb, stored] of node.edges) {
        const sid = ws.storyOfArticle.get(nb);
        if (sid === undefined || chosen.has(sid) || stored < edgeThreshold) continue;
        const other = ws.nodes.get(nb);
        if (!other) continue;
        let score = stored;
        if (ws.isEdgeStale(node, nb)) {
          if (!loaded) {
            scorer.load(node);
            loaded = true;
          }
          score = scorer.scoreValue(other);
          ws.setEdge(node, other, score);
        }
        if (score >= edgeThreshold) neighbours.set(sid, Math.max(neighbours.get(sid) ?? 0, score));
      }
      if (loaded) scorer.unload();
      for (const map of [ws.mustLink, ws.cannotLink]) {
        for (const other of map.get(node.id) ?? []) {
          const sid = ws.storyOfArticle.get(other);
          if (sid !== undefined && !chosen.has(sid)) neighbours.set(sid, Infinity);
        }
      }
    }
  }
  const ranked = [...neighbours].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  for (const [sid, score] of ranked) {
    const s = ws.stories.get(sid);
    if (!s || !s.isActive) continue;
    if (score !== Infinity && (size + s.members.length > ws.config.settleMaxArticles || !needsRecheck(s, docs))) continue;
    chosen.set(sid, s);
    size += s.members.length;
  }
  return [...chosen.values()].sort((a, b) => a.id - b.id);
}

/** The links among `nodes`, rescored with today's IDF (those the region's choice already rescored are kept). */
function rescore(ws: WorkingSet, nodes: readonly ArticleNode[], indexOf: ReadonlyMap<number, number>): Array<[number, number, number]> {
  const edges: Array<[number, number, number]> = [];
  const scorer = ws.scorer;
  for (let i = 0; i < nodes.length; i++) {
    const a = nodes[i]!;
    const later: ArticleNode[] = [];
    for (const [nb, s] of a.edges) {
      const j = indexOf.get(nb);
      if (j === undefined || j <= i) continue;
      if (ws.isEdgeStale(a, nb)) later.push(nodes[j]!);
      else edges.push([i, j, s]);
    }
    if (later.length === 0) continue;
    scorer.load(a);
    for (const b of later) {
      // Kept even when weaker than the edge threshold today: the document frequencies of a later
      // re-check may raise it again, and dropping it would make the links depend on when they were rescored.
      const s = scorer.scoreValue(b);
      ws.setEdge(a, b, s);
      edges.push([i, indexOf.get(b.id)!, s]);
    }
    scorer.unload();
  }
  return edges;
}

/** A group's summed happening (weight × idf^power) per language, with the squared norms. */
interface HappeningSummary {
  byLanguage: Map<string, { vec: Map<number, number>; norm: number }>;
}

function happeningOf(ws: WorkingSet, n: ArticleNode): HappeningSummary {
  const vec = new Map<number, number>();
  let norm = 0;
  for (let i = 0; i < n.happ.length; i++) {
    const id = n.happ[i]!;
    const w = n.happW[i]! * ws.scorer.happeningIdf(id);
    vec.set(id, (vec.get(id) ?? 0) + w);
  }
  for (const w of vec.values()) norm += w * w;
  return { byLanguage: new Map([[n.language, { vec, norm }]]) };
}

/** Adds `b` into `a` (the larger) and returns it. */
function combineHappenings(a: HappeningSummary, b: HappeningSummary): HappeningSummary {
  for (const [lang, vb] of b.byLanguage) {
    const va = a.byLanguage.get(lang);
    if (!va) {
      a.byLanguage.set(lang, { vec: new Map(vb.vec), norm: vb.norm });
      continue;
    }
    for (const [id, w] of vb.vec) {
      const old = va.vec.get(id) ?? 0;
      va.vec.set(id, old + w);
      va.norm += (old + w) * (old + w) - old * old;
    }
  }
  return a;
}

/** Pinned apart, or (both two articles or more) disagreeing on what happened: no merge. */
function canMerge(ws: WorkingSet, a: readonly ArticleNode[], pa: HappeningSummary, b: readonly ArticleNode[], pb: HappeningSummary): boolean {
  if (ws.cannotLink.size > 0) {
    const [small, large] = a.length <= b.length ? [a, b] : [b, a];
    let other: Set<number> | null = null;
    for (const n of small) {
      const pins = ws.cannotLink.get(n.id);
      if (!pins) continue;
      other ??= new Set(large.map((x) => x.id));
      for (const p of pins) if (other.has(p)) return false;
    }
  }
  if (a.length < 2 || b.length < 2) return true;
  return happeningCosine(pa, pb) >= ws.config.mergeHappening;
}

/** The best cosine of two summed happenings over the languages both have; 1 when they share none. */
function happeningCosine(a: HappeningSummary, b: HappeningSummary): number {
  let best = -1;
  for (const [lang, va] of a.byLanguage) {
    const vb = b.byLanguage.get(lang);
    if (!vb || va.norm <= 0 || vb.norm <= 0) continue;
    const [small, large] = va.vec.size <= vb.vec.size ? [va.vec, vb.vec] : [vb.vec, va.vec];
    let dot = 0;
    for (const [k, w] of small) {
      const x = large.get(k);
      if (x !== undefined) dot += w * x;
    }
    best = Math.max(best, dot / Math.sqrt(va.norm * vb.norm));
  }
  return best < 0 ? 1 : best;
}

/** The heaviest happening words of a group, as written. */
export function groupHappening(ws: WorkingSet, nodes: readonly ArticleNode[]): string[] {
  const weight = new Map<number, number>();
  const label = new Map<number, string>();
  for (const n of nodes) {
    for (let i = 0; i < n.happ.length; i++) {
      const id = n.happ[i]!;
      weight.set(id, (weight.get(id) ?? 0) + n.happW[i]! * ws.scorer.happeningIdf(id));
      if (!label.has(id)) label.set(id, n.labels.get(ws.vocabulary.key(id)) ?? ws.vocabulary.key(id));
    }
  }
  return [...weight]
    .sort((x, y) => y[1] - x[1] || x[0] - y[0])
    .slice(0, GROUP_HAPPENING_WORDS)
    .map(([id]) => label.get(id)!);
}

/** The links of `node` into `group`, strongest first, at most `k`. */
export function linksInto(ws: WorkingSet, node: ArticleNode, inGroup: (id: number) => boolean, k: number): Array<{ node: ArticleNode; score: number }> {
  const out: Array<{ node: ArticleNode; score: number }> = [];
  for (const [nb, s] of node.edges) {
    if (!inGroup(nb)) continue;
    const other = ws.nodes.get(nb);
    if (other) out.push({ node: other, score: s });
  }
  out.sort((x, y) => y.score - x.score || x.node.id - y.node.id);
  return out.slice(0, k);
}

/** Gives each group a story id, moves the articles, removes emptied stories and records why. */
function apply(ws: WorkingSet, region: readonly Story[], groups: ArticleNode[][]): StoryChanges {
  const changes = noChanges();
  // Biggest groups choose first: a story keeps its id where most of its articles are.
  const order = groups
    .map((g, i) => ({ g, i, min: Math.min(...g.map((n) => n.id)) }))
    .sort((x, y) => y.g.length - x.g.length || x.min - y.min);
  const used = new Set<number>();
  const idOfGroup = new Array<number>(groups.length);
  const originOfGroup = new Array<number>(groups.length);
  for (const { g, i } of order) {
    const counts = new Map<number, number>();
    for (const n of g) counts.set(n.story, (counts.get(n.story) ?? 0) + 1);
    const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    originOfGroup[i] = ranked[0]![0];
    const free = ranked.find(([sid]) => !used.has(sid));
    if (free) {
      idOfGroup[i] = free[0];
      used.add(free[0]);
    } else {
      idOfGroup[i] = ws.newStory().id;
    }
  }

  // Everything the region's stories held (copies and articles moved by a reader included).
  const held = new Map<number, number[]>();
  for (const s of region) held.set(s.id, [...s.members]);
  const moved = new Map<number, { from: number; to: number }>();
  groups.forEach((g, i) => {
    const to = idOfGroup[i]!;
    for (const n of g) {
      if (n.story !== to) moved.set(n.id, { from: n.story, to });
      for (const c of n.copies) if (ws.storyOfArticle.get(c) !== to) moved.set(c, { from: ws.storyOfArticle.get(c)!, to });
    }
  });
  // An old story no group kept is merged into the story that took most of its articles.
  const mergedInto = new Map<number, number>();
  for (const s of region) {
    if (used.has(s.id)) continue;
    const counts = new Map<number, number>();
    for (const id of s.members) {
      const to = moved.get(id)?.to;
      if (to !== undefined) counts.set(to, (counts.get(to) ?? 0) + 1);
    }
    const target = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
    if (target !== undefined) mergedInto.set(s.id, target);
  }
  // Articles not in any group (detached copies) stay, or follow their story when it was merged away.
  for (const s of region) {
    const into = mergedInto.get(s.id);
    if (into === undefined) continue;
    for (const id of s.members) if (!moved.has(id) && !ws.nodes.has(id)) moved.set(id, { from: s.id, to: into });
  }
  if (moved.size === 0) return changes;

  // Only the stories an article left or joined are written again (and so become dirty): a story
  // the re-check left as it was is not re-checked again for having been looked at.
  const affected = new Set<number>();
  for (const { from, to } of moved.values()) affected.add(from).add(to);
  const membership = new Map<number, number[]>();
  for (const [sid, members] of held) if (affected.has(sid)) membership.set(sid, members.filter((id) => !moved.has(id)));
  for (const [id, { to }] of moved) {
    let list = membership.get(to);
    if (!list) membership.set(to, (list = []));
    list.push(id);
  }
  for (const n of groups.flat()) n.story = moved.get(n.id)?.to ?? n.story;
  for (const [sid, members] of membership) {
    const story = ws.stories.get(sid);
    if (!story) continue;
    ws.setMembers(story, members);
    if (members.length === 0) changes.removed.push(sid);
    else changes.touched.push(sid);
  }

  // Reasons: the links that now hold each moved article in its story.
  const groupIndexOf = new Map<number, number>();
  groups.forEach((g, i) => g.forEach((n) => groupIndexOf.set(n.id, i)));
  for (const [id, { from, to }] of moved) {
    const node = ws.nodes.get(id);
    let reasons: string[];
    if (node) {
      const gi = groupIndexOf.get(id)!;
      const links = linksInto(ws, node, (x) => groupIndexOf.get(x) === gi && x !== id, ws.config.linkTop);
      reasons = links.length > 0 ? reasonLines(explain(ws.vocabulary, node, links), ws.config.joinThreshold) : ['no link to its former story reaches the threshold'];
    } else {
      reasons = [`follows article ${ws.copies.get(id)?.of ?? id} (copy)`];
    }
    reasons = [`re-checked: moved from story ${from} to story ${to}`, ...reasons];
    ws.reasons.set(id, reasons);
    changes.moves.push({ articleId: id, from, to, reasons });
  }

  // Splits and merges as events; single moves otherwise.
  const covered = new Set<number>();
  groups.forEach((g, i) => {
    const id = idOfGroup[i]!;
    const origin = originOfGroup[i]!;
    // A group that no old story could name split from the story most of its articles came from.
    if (held.has(id)) return;
    const articleIds = g.map((n) => n.id);
    articleIds.forEach((a) => covered.add(a));
    const stay = groups[idOfGroup.indexOf(origin)] ?? [];
    changes.events.push({
      kind: 'split',
      from: origin,
      into: id,
      articleIds,
      reasons: [`another happening: '${groupHappening(ws, g).join(' ')}' (story ${origin}: '${groupHappening(ws, stay).join(' ')}')`],
    });
  });
  for (const [from, into] of mergedInto) {
    const s = held.get(from) ?? [];
    s.forEach((a) => covered.add(a));
    const g = groups[idOfGroup.indexOf(into)] ?? [];
    const bridge = bridgeOf(g, new Set(s), new Set(held.get(into) ?? []));
    changes.events.push({
      kind: 'merge',
      from: [from],
      into,
      articleId: null,
      reasons: [`same happening: '${groupHappening(ws, g).join(' ')}'`, ...bridge],
      byReader: false,
    });
  }
  for (const m of changes.moves) {
    if (covered.has(m.articleId)) continue;
    changes.events.push({ kind: 'move', articleId: m.articleId, from: m.from, to: m.to, reasons: m.reasons, byReader: false });
  }
  ws.events.push(...changes.events);
  return changes;
}

/** The strongest links between the articles of two merged stories, as a reason line. */
function bridgeOf(group: readonly ArticleNode[], from: ReadonlySet<number>, into: ReadonlySet<number>): string[] {
  const links: Array<[number, number, number]> = [];
  for (const n of group) {
    if (!from.has(n.id)) continue;
    for (const [nb, s] of n.edges) if (into.has(nb)) links.push([n.id, nb, s]);
  }
  links.sort((a, b) => b[2] - a[2] || a[0] - b[0]);
  if (links.length === 0) return [];
  return [`linked: ${links.slice(0, 2).map(([a, b, s]) => `articles ${a}–${b} (${s.toFixed(2)})`).join(', ')}`];
}
