import type { ArticleNode } from './article-node.js';
import { CandidateIndex } from './candidate-index.js';
import { StreamClock } from './clock.js';
import type { ClusterConfig } from './config.js';
import { extractFeatures } from './features.js';
import { topByOverlap } from './select.js';
import type { StoryEvent } from './state.js';
import { PairScorer } from './similarity.js';
import { Vocabulary } from './vocabulary.js';

/** A copy (from dedup): it joined through its original and follows it, or stands alone once a reader moved it. */
export interface CopyEntry {
  id: number;
  seq: number;
  of: number | null;
  timeMs: number | null;
  title: string | null;
  lead: string;
  reasons: string[];
}

export interface Story {
  id: number;
  /** Every article, in arrival order. */
  members: number[];
  firstMs: number | null;
  lastMs: number | null;
  lastSeq: number;
  isActive: boolean;
  /** Headline chosen when the story went quiet. */
  frozenTitle: string | null;
  /** Document count when the story was last settled: re-checked once the IDF has moved. */
  settledAt: number;
  /** Number of members at the last re-check. */
  settledSize: number;
  /** Bumped whenever the members change (title cache). */
  version: number;
  titleCache: { version: number; title: string } | null;
}

/** Titles (and leads) considered for a story's representative headline. */
const MAX_TITLE_CANDIDATES = 12;
/** Members whose features make the story vector that titles are weighed against. */
const TITLE_VECTOR_MEMBERS = 64;
const MS_PER_DAY = 86_400_000;

/**
 * The clusterer's working set: vocabulary and document frequencies, the articles of active
 * stories with their links, the candidate index, the stories, the pinned corrections, and what
 * changed since the last drain. Stories outside the working set (quiet) keep their members and
 * headline only.
 */
export class WorkingSet {
  readonly vocabulary: Vocabulary;
  readonly scorer: PairScorer;
  readonly index: CandidateIndex;
  readonly clock = new StreamClock();
  readonly nodes = new Map<number, ArticleNode>();
  /** Index keys each node registered (to remove them when it leaves). */
  readonly nodeKeys = new Map<number, Int32Array>();
  readonly copies = new Map<number, CopyEntry>();
  /** Reasons of each working-set article's latest assignment. */
  readonly reasons = new Map<number, string[]>();
  readonly stories = new Map<number, Story>();
  /**
   * The active stories (a superset: a story retired or removed is dropped when next met), so that
   * the sweeps of every arrival window cost what the working set holds, not every story ever made.
   */
  readonly active = new Set<Story>();
  readonly storyOfArticle = new Map<number, number>();
  readonly mustLink = new Map<number, Set<number>>();
  readonly cannotLink = new Map<number, Set<number>>();
  readonly events: StoryEvent[] = [];
  /** Stories changed since the last settle (to re-cluster) and since the last drain (to persist). */
  readonly dirty = new Set<number>();
  readonly changed = new Set<number>();
  readonly removed = new Set<number>();
  eventsDrained = 0;
  seq = 0;
  nextStoryId = 1;
  sinceSettle = 0;

  constructor(readonly config: ClusterConfig) {
    this.vocabulary = new Vocabulary(config.idfPriorDocs);
    this.scorer = new PairScorer(this.vocabulary, config);
    this.index = new CandidateIndex(config.postingCap);
  }

  newStory(): Story {
    const story: Story = {
      id: this.nextStoryId++,
      members: [],
      firstMs: null,
      lastMs: null,
      lastSeq: this.seq,
      isActive: true,
      frozenTitle: null,
      settledAt: this.vocabulary.documentCount,
      settledSize: 0,
      version: 0,
      titleCache: null,
    };
    this.stories.set(story.id, story);
    this.active.add(story);
    this.changed.add(story.id);
    return story;
  }

  /** Puts a story (back) in the working set's active stories. */
  activate(story: Story): void {
    story.isActive = true;
    this.active.add(story);
  }

  /** Every active story, in the order it (last) became active. */
  *activeStories(): IterableIterator<Story> {
    for (const story of this.active) {
      if (!story.isActive || this.stories.get(story.id) !== story) this.active.delete(story);
      else yield story;
    }
  }

  /** Seq and time of a working-set article (node or copy). */
  articleInfo(id: number): { seq: number; timeMs: number | null } | undefined {
    const node = this.nodes.get(id);
    if (node) return { seq: node.seq, timeMs: node.timeMs };
    const copy = this.copies.get(id);
    return copy ? { seq: copy.seq, timeMs: copy.timeMs } : undefined;
  }

  /** Adds an article to a story (membership, time span); the caller sets links and copies. */
  addMember(story: Story, articleId: number): void {
    story.members.push(articleId);
    this.storyOfArticle.set(articleId, story.id);
    const info = this.articleInfo(articleId);
    if (info) {
      story.lastSeq = Math.max(story.lastSeq, info.seq);
      if (info.timeMs !== null) {
        story.firstMs = story.firstMs === null ? info.timeMs : Math.min(story.firstMs, info.timeMs);
        story.lastMs = story.lastMs === null ? info.timeMs : Math.max(story.lastMs, info.timeMs);
      }
    }
    this.touch(story);
  }

  touch(story: Story): void {
    story.version++;
    this.dirty.add(story.id);
    this.changed.add(story.id);
  }

  /** Sets a story's members from scratch (arrival order), with its time span. Empty stories are removed. */
  setMembers(story: Story, members: number[]): void {
    const withSeq = members.map((id) => [id, this.articleInfo(id)?.seq ?? 0] as const).sort((a, b) => a[1] - b[1] || a[0] - b[0]);
    story.members = withSeq.map(([id]) => id);
    story.firstMs = null;
    story.lastMs = null;
    for (const id of story.members) {
      this.storyOfArticle.set(id, story.id);
      const info = this.articleInfo(id);
      if (!info) continue;
      story.lastSeq = Math.max(story.lastSeq, info.seq);
      if (info.timeMs !== null) {
        story.firstMs = story.firstMs === null ? info.timeMs : Math.min(story.firstMs, info.timeMs);
        story.lastMs = story.lastMs === null ? info.timeMs : Math.max(story.lastMs, info.timeMs);
      }
    }
    this.touch(story);
    if (story.members.length === 0) this.removeStory(story.id);
  }

  removeStory(id: number): void {
    this.stories.delete(id);
    this.dirty.delete(id);
    this.changed.delete(id);
    this.removed.add(id);
  }

  /** Working-set articles of a story that take part in the graph (not copies). */
  storyNodes(story: Story): ArticleNode[] {
    const out: ArticleNode[] = [];
    for (const id of story.members) {
      const node = this.nodes.get(id);
      if (node) out.push(node);
    }
    return out;
  }

  /**
   * Looks `node` up in the candidate index (through its heaviest features that some other article
   * has), scores the best candidates by overlap and links it to those that reach the edge
   * threshold. Returns the node's feature positions, heaviest first (today's IDF).
   */
  linkThroughIndex(node: ArticleNode): number[] {
    const voc = this.vocabulary;
    const n = node.ids.length;
    const weights = new Float64Array(n);
    for (let i = 0; i < n; i++) weights[i] = node.tf[i]! * voc.idf(node.ids[i]!);
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => weights[b]! - weights[a]! || node.ids[a]! - node.ids[b]!);
    const overlap = new Map<number, number>();
    for (let k = 0, used = 0; k < n && used < this.config.indexKeys; k++) {
      const id = node.ids[order[k]!]!;
      if (voc.documentFrequency(id) < 2) continue;
      used++;
      const list = this.index.get(id);
      if (!list) continue;
      const w = weights[order[k]!]!;
      for (const other of list) if (other !== node.id) overlap.set(other, (overlap.get(other) ?? 0) + w);
    }
    const scorer = this.scorer;
    scorer.load(node);
    for (const id of topByOverlap(overlap, this.config.maxCandidates)) {
      const other = this.nodes.get(id);
      if (!other || node.edges.has(id) || !scorer.isTimeCompatible(node, other)) continue;
      const s = scorer.scoreValue(other);
      if (s >= this.config.edgeThreshold) this.link(node, other, s);
    }
    scorer.unload();
    return order;
  }

  /** Adds a link both ways, keeping at most `maxEdges` per article (the weakest falls off). */
  link(a: ArticleNode, b: ArticleNode, score: number): void {
    this.setEdge(a, b, score);
    this.capEdges(a);
    this.capEdges(b);
  }

  /** Sets the score of an existing or new link both ways, scored with today's document frequencies. */
  setEdge(a: ArticleNode, b: ArticleNode, score: number): void {
    const docs = this.vocabulary.documentCount;
    a.edges.set(b.id, score);
    b.edges.set(a.id, score);
    a.edgeAt.set(b.id, docs);
    b.edgeAt.set(a.id, docs);
  }

  /** Whether the link a–b was scored before the latest document arrived (so with other document frequencies than today's). */
  isEdgeStale(a: ArticleNode, b: number): boolean {
    return a.edgeAt.get(b) !== this.vocabulary.documentCount;
  }

  unlink(a: ArticleNode, bId: number): void {
    a.edges.delete(bId);
    a.edgeAt.delete(bId);
    const b = this.nodes.get(bId);
    b?.edges.delete(a.id);
    b?.edgeAt.delete(a.id);
  }

  private capEdges(node: ArticleNode): void {
    if (node.edges.size <= this.config.maxEdges) return;
    let weakest = -1;
    let weakestScore = Infinity;
    for (const [id, s] of node.edges) {
      if (s < weakestScore || (s === weakestScore && id > weakest)) {
        weakest = id;
        weakestScore = s;
      }
    }
    this.unlink(node, weakest);
  }

  /** Removes stories that went quiet from the working set: their articles, links and index entries. */
  sweepQuiet(): void {
    const clock = this.clock.nowMs;
    const retainMs = this.config.retainDays * MS_PER_DAY;
    for (const story of this.activeStories()) {
      const idle = this.seq - story.lastSeq;
      const isQuiet =
        idle > this.config.retainArticles ||
        (idle > this.config.retainMinArticles && clock !== null && story.lastMs !== null && clock - story.lastMs > retainMs);
      if (isQuiet) this.retire(story);
    }
  }

  /** Takes a story out of the working set; it stays readable with its headline. */
  retire(story: Story): void {
    story.frozenTitle = this.representativeTitle(story);
    for (const id of story.members) {
      const node = this.nodes.get(id);
      if (node) {
        for (const nb of node.edges.keys()) {
          const other = this.nodes.get(nb);
          other?.edges.delete(id);
          other?.edgeAt.delete(id);
        }
        // Its index entries are left to fall off the bounded posting lists: lookups skip articles
        // no longer in the working set, and removing them one by one costs more than it saves.
        this.nodes.delete(id);
        this.nodeKeys.delete(id);
      }
      this.copies.delete(id);
      this.reasons.delete(id);
      this.mustLink.delete(id);
      this.cannotLink.delete(id);
    }
    story.isActive = false;
    this.active.delete(story);
    this.dirty.delete(story.id);
    this.changed.add(story.id);
  }

  /** The candidate headline whose words weigh most in the story's vector, per word (ties: earliest). */
  representativeTitle(story: Story): string {
    if (story.frozenTitle) return story.frozenTitle;
    if (story.titleCache && story.titleCache.version === story.version) return story.titleCache.title;
    const candidates: Array<{ title: string | null; lead: string }> = [];
    for (const id of story.members) {
      if (candidates.length >= MAX_TITLE_CANDIDATES) break;
      const node = this.nodes.get(id);
      const entry = node ?? this.copies.get(id);
      if (entry) candidates.push({ title: entry.title?.trim() || null, lead: entry.lead });
    }
    const vec = new Map<number, number>();
    let used = 0;
    for (const node of this.storyNodes(story)) {
      if (used++ >= TITLE_VECTOR_MEMBERS) break;
      for (let i = 0; i < node.ids.length; i++) vec.set(node.ids[i]!, (vec.get(node.ids[i]!) ?? 0) + node.tf[i]!);
    }
    // A real headline always beats a lead sentence: leads only stand in when no member has a title.
    const hasHeadline = candidates.some((c) => c.title);
    let best: string | null = null;
    let bestScore = -1;
    for (const c of candidates) {
      if (hasHeadline && !c.title) continue;
      const text = c.title ?? c.lead;
      if (!text) continue;
      const counts = extractFeatures(null, text).counts;
      let s = 0;
      for (const k of counts.keys()) {
        const id = this.vocabulary.find(k);
        if (id >= 0) s += (vec.get(id) ?? 0) * this.vocabulary.idf(id);
      }
      s /= Math.sqrt(Math.max(1, counts.size));
      if (s > bestScore) {
        bestScore = s;
        best = text;
      }
    }
    const title = best || `story ${story.id}`;
    story.titleCache = { version: story.version, title };
    return title;
  }

  /** Up to `k` members that hold the story together: most linked inside it (ties: earliest). */
  core(story: Story, k: number): number[] {
    const nodes = this.storyNodes(story);
    const degree = nodes.map((n) => {
      let d = 0;
      for (const [nb, s] of n.edges) if (this.storyOfArticle.get(nb) === story.id) d += s;
      return [n.id, d] as const;
    });
    degree.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    return degree.slice(0, k).map(([id]) => id);
  }

  pin(map: Map<number, Set<number>>, a: number, b: number): void {
    if (a === b) return;
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      let set = map.get(x);
      if (!set) map.set(x, (set = new Set()));
      set.add(y);
    }
  }

  unpin(map: Map<number, Set<number>>, a: number, b: number): void {
    map.get(a)?.delete(b);
    map.get(b)?.delete(a);
    if (map.get(a)?.size === 0) map.delete(a);
    if (map.get(b)?.size === 0) map.delete(b);
  }
}
