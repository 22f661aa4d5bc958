import { CrosscheckError } from '../core/errors.js';
import { buildNode, type ArticleNode } from './article-node.js';
import { articleTime, type TimeFlag } from './clock.js';
import { CLUSTER_VERSION, DEFAULT_CLUSTER_CONFIG, type ClusterConfig } from './config.js';
import { applyMove, applyStoryMerge } from './corrections.js';
import { extractFeatures } from './features.js';
import { exportRecords, importRecords } from './persist.js';
import { explain, reasonLines, type Explanation } from './reasons.js';
import { linksInto, noChanges, settle, type StoryChanges } from './settle.js';
import type { ClusterSnapshot, ClusterState, ClusterStateBatch, ClusterStateStore, StoryEvent } from './state.js';
import { WorkingSet, type Story } from './working-set.js';

export interface ClusterInput {
  /** Unique article id (the store's id). */
  id: number;
  title: string | null;
  text: string;
  /** ISO 8601 publication date or date-time; null when unknown. */
  published: string | null;
  /** ISO 8601 arrival (ingest) time: the bound for a plausible publication date. */
  arrivedAt?: string;
  /** ISO 639-1 language of the text; English rules when absent. */
  language?: string | null;
  /** Id of an earlier article this one copies (from dedup): it joins that article's story. */
  copyOf?: number;
}

export interface Assignment {
  articleId: number;
  /** The story the article is in once this call returns (after any settle it ran). */
  storyId: number;
  isNew: boolean;
  /** Linkage to the story joined ∈ [0,1]; for a new story, the best linkage it did not reach (0 if none). */
  score: number;
  /** Human-readable reasons: `same happening: 'suspends missile tests'`, `shared: …`, the links. */
  reasons: string[];
  /** The same, in parts (absent for copies and new stories without a candidate). */
  explanation?: Explanation;
  /** Set when the publication date was not used (implausible: later than arrival plus a day, or unreadable). */
  timeFlag?: TimeFlag;
  /** Present when this arrival showed two or more stories to be one. */
  merged?: { from: number[]; into: number };
  /** Present when a settle ran during this call: other articles' stories that changed. */
  changes?: StoryChanges;
}

export interface StorySummary {
  id: number;
  /** Representative headline: the member title closest to the story's vocabulary, else a lead. */
  title: string;
  size: number;
  articleIds: number[];
  /** Up to three articles that hold the story together (most linked inside it). */
  core: number[];
  /** Languages of its articles in the working set. */
  languages: string[];
  /** ISO dates of the earliest and latest plausibly dated members; null when none is. */
  firstSeen: string | null;
  lastSeen: string | null;
  /** False once quiet: out of the working set, kept for reading. */
  isActive: boolean;
}

export interface MergeEvent {
  /** The article whose arrival showed the stories to be one (null when found by a re-check or a reader). */
  articleId: number | null;
  from: number[];
  into: number;
}

/** Core members listed in a summary. */
const SUMMARY_CORE = 3;
/** How often (in arrivals) the working set is swept for quiet stories. */
const SWEEP_EVERY_ARTICLES = 256;

function isoDay(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString().slice(0, 10);
}

/**
 * Online story clustering by what happened: each article is linked to the articles it agrees
 * with on the happening, its participants and its time; it joins the story it is linked to most
 * strongly through several of its articles, or starts one. Every `settleEvery` arrivals (and on
 * `settle()`) the stories that changed are re-clustered from their links alone, so that the
 * stories of a window do not depend on arrival order: articles can move, stories split and merge,
 * each change recorded with its reasons. Readers' corrections are pinned and respected.
 * Deterministic; pure (the clock is injected).
 */
export class StoryClusterer {
  private readonly ws: WorkingSet;
  private readonly now: () => number;

  /**
   * `firstStoryId`: the id of the first story made (default 1); a store that was reclustered
   * starts above every id it ever gave, so that a story id is never given to another story.
   */
  constructor(config?: Partial<ClusterConfig>, options: { now?: () => number; firstStoryId?: number } = {}) {
    this.ws = new WorkingSet({ ...DEFAULT_CLUSTER_CONFIG, ...config });
    this.now = options.now ?? Date.now;
    if (options.firstStoryId !== undefined && Number.isSafeInteger(options.firstStoryId) && options.firstStoryId > 0) this.ws.nextStoryId = options.firstStoryId;
  }

  get config(): Readonly<ClusterConfig> {
    return this.ws.config;
  }

  /** Assigns one article. Throws `invalid_argument` if the id was already assigned. */
  assign(input: ClusterInput): Assignment {
    const ws = this.ws;
    if (ws.storyOfArticle.has(input.id)) {
      throw new CrosscheckError('invalid_argument', 'cluster', `article ${input.id} was already assigned to a story`);
    }
    ws.seq++;
    const time = articleTime(input.published, input.arrivedAt, this.now, ws.config.maxFutureHours);
    ws.clock.observe(time.ms);
    if (ws.seq % SWEEP_EVERY_ARTICLES === 0) ws.sweepQuiet();
    const flag = time.flag ? { timeFlag: time.flag } : {};
    const flagReason = time.flag ? [dateFlagReason(input.published, time.flag)] : [];
    const features = extractFeatures(input.title, input.text, input.language, { publishedMs: time.ms });

    if (input.copyOf !== undefined) {
      const original = ws.storyOfArticle.get(input.copyOf);
      const story = original === undefined ? undefined : ws.stories.get(original);
      if (story) {
        const leader = this.leaderOf(input.copyOf);
        ws.copies.set(input.id, { id: input.id, seq: ws.seq, of: leader, timeMs: time.ms, title: input.title?.trim() || null, lead: features.lead, reasons: [] });
        if (leader !== null) ws.nodes.get(leader)!.copies.push(input.id);
        ws.addMember(story, input.id);
        const reasons = [`copy of article ${input.copyOf}`, ...flagReason];
        ws.reasons.set(input.id, reasons);
        ws.copies.get(input.id)!.reasons = reasons;
        return this.finish({ articleId: input.id, storyId: story.id, isNew: false, score: 1, reasons, ...flag });
      }
    }

    const featureIds = new Int32Array(features.counts.size);
    let j = 0;
    for (const key of features.counts.keys()) featureIds[j++] = ws.vocabulary.intern(key);
    ws.vocabulary.addDocument(featureIds);
    const node = buildNode(ws.vocabulary, { id: input.id, seq: ws.seq, timeMs: time.ms, title: input.title?.trim() || null }, features, featureIds);
    this.linkNew(node);

    // Linkage to each story the new article is linked to: mean of its best links to different articles.
    const byStory = new Map<number, number[]>();
    for (const [nb, s] of node.edges) {
      const sid = ws.storyOfArticle.get(nb)!;
      let list = byStory.get(sid);
      if (!list) byStory.set(sid, (list = []));
      list.push(s);
    }
    let best: { story: Story; score: number } | null = null;
    for (const [sid, scores] of byStory) {
      const story = ws.stories.get(sid);
      if (!story || !story.isActive) continue;
      scores.sort((a, b) => b - a);
      const m = Math.min(ws.config.linkTop, Math.max(1, ws.storyNodes(story).length));
      let sum = 0;
      for (let i = 0; i < Math.min(m, scores.length); i++) sum += scores[i]!;
      const score = sum / m;
      if (!best || score > best.score || (score === best.score && sid < best.story.id)) best = { story, score };
    }
    const threshold = ws.config.joinThreshold;
    ws.nodes.set(node.id, node);
    if (!best || best.score < threshold) {
      const story = ws.newStory();
      node.story = story.id;
      ws.addMember(story, node.id);
      const reasons = [best ? `best linkage ${best.score.toFixed(2)} < ${threshold.toFixed(2)} (story ${best.story.id})` : 'no candidate story', ...flagReason];
      ws.reasons.set(node.id, reasons);
      return this.finish({ articleId: input.id, storyId: story.id, isNew: true, score: best?.score ?? 0, reasons, ...flag });
    }
    node.story = best.story.id;
    ws.addMember(best.story, node.id);
    const links = linksInto(ws, node, (x) => ws.storyOfArticle.get(x) === best.story.id && x !== node.id, ws.config.linkTop);
    const explanation = explain(ws.vocabulary, node, links);
    const reasons = [...reasonLines(explanation, threshold), ...flagReason];
    ws.reasons.set(node.id, reasons);
    return this.finish({ articleId: input.id, storyId: best.story.id, isNew: false, score: best.score, reasons, explanation, ...flag });
  }

  /**
   * Re-clusters the stories changed since the last settle (see the class comment) and returns what
   * moved. Called by `assign` every `settleEvery` arrivals; call it at the end of a batch so that
   * the stored stories are the settled ones.
   */
  settle(): StoryChanges {
    return settle(this.ws);
  }

  /**
   * A reader's correction: `articleId` leaves its story, for story `to` or (null) a story of its
   * own, and stays apart from the story it left in every later assignment and re-check (pinned).
   * Throws `not_found` for an unknown article or story.
   */
  moveArticle(articleId: number, to: number | null): StoryChanges {
    return applyMove(this.ws, articleId, to);
  }

  /** A reader's correction: stories `a` and `b` are one (into the lower id), pinned together. */
  mergeStories(a: number, b: number): StoryChanges {
    return applyStoryMerge(this.ws, a, b);
  }

  /** The story an article belongs to, or undefined if never assigned (or its story is no longer held). */
  storyOf(articleId: number): number | undefined {
    return this.ws.storyOfArticle.get(articleId);
  }

  /** Reasons of an article's latest assignment or move (working set only). */
  reasonsOf(articleId: number): string[] | undefined {
    const r = this.ws.reasons.get(articleId);
    return r ? [...r] : undefined;
  }

  /** Every story held (active and quiet), by id. Merged-away stories are gone. */
  stories(): StorySummary[] {
    return [...this.ws.stories.values()].sort((a, b) => a.id - b.id).map((s) => this.summarise(s));
  }

  /** One story's summary (a merged-away or unknown id gives undefined). */
  story(id: number): StorySummary | undefined {
    const story = this.ws.stories.get(id);
    return story ? this.summarise(story) : undefined;
  }

  /** Splits, merges and moves in the order they happened. */
  storyEvents(): StoryEvent[] {
    return structuredClone(this.ws.events);
  }

  /** Merge events in the order they happened. */
  mergeEvents(): MergeEvent[] {
    return this.ws.events.flatMap((e) => (e.kind === 'merge' ? [{ articleId: e.articleId, from: [...e.from], into: e.into }] : []));
  }

  /** A full snapshot as plain JSON-able data; `importState` restores an equal clusterer. */
  exportState(): ClusterState {
    return exportRecords(this.ws);
  }

  /** Restores a clusterer from `exportState()`. Throws `invalid_record` for another version. */
  static importState(state: ClusterState, options: { now?: () => number } = {}): StoryClusterer {
    checkVersion(state.meta.version);
    const c = new StoryClusterer(state.meta.config, options);
    importRecords(c.ws, { meta: state.meta, documents: state.documents, frequencies: state.frequencies, stories: state.stories }, state.events);
    return c;
  }

  /**
   * What changed since the last drain, as rows: the story rows to upsert and delete, the
   * document-frequency increments, the meta record and the new events.
   */
  drainStateChanges(): ClusterStateBatch {
    const ws = this.ws;
    const full = exportRecords(ws, { only: ws.changed });
    const deltas = ws.vocabulary.drainDeltas();
    const batch: ClusterStateBatch = {
      meta: full.meta,
      stories: full.stories,
      removed: [...ws.removed].sort((a, b) => a - b),
      documents: deltas.documents,
      frequencies: deltas.frequencies,
      events: structuredClone(ws.events.slice(ws.eventsDrained)),
    };
    ws.changed.clear();
    ws.removed.clear();
    ws.eventsDrained = ws.events.length;
    return batch;
  }

  /** Saves what changed through a state port. */
  async saveTo(store: ClusterStateStore): Promise<void> {
    await store.save(this.drainStateChanges());
  }

  /** A clusterer from a state port's snapshot, or a new one when the port holds none (or another version). */
  static async loadFrom(store: ClusterStateStore, config?: Partial<ClusterConfig>, options: { now?: () => number } = {}): Promise<StoryClusterer> {
    const snapshot: ClusterSnapshot | null = await store.load();
    if (!snapshot || snapshot.meta.version !== CLUSTER_VERSION) return new StoryClusterer(config, options);
    const c = new StoryClusterer(snapshot.meta.config, options);
    importRecords(c.ws, snapshot, []);
    c.ws.changed.clear();
    c.ws.vocabulary.drainDeltas();
    return c;
  }

  // ------------------------------------------------------------------------------------------

  private finish(assignment: Assignment): Assignment {
    const ws = this.ws;
    if (++ws.sinceSettle >= ws.config.settleEvery) {
      const changes = settle(ws);
      assignment.storyId = ws.storyOfArticle.get(assignment.articleId) ?? assignment.storyId;
      const merge = changes.events.find((e) => e.kind === 'merge' && e.into === assignment.storyId);
      if (merge && merge.kind === 'merge') assignment.merged = { from: [...merge.from], into: merge.into };
      if (changes.moves.length > 0 || changes.events.length > 0) assignment.changes = changes;
      const moved = changes.moves.find((m) => m.articleId === assignment.articleId);
      if (moved) assignment.reasons = moved.reasons;
    }
    return assignment;
  }

  /** The working-set article a copy of `articleId` follows: itself, or the article it copies. */
  private leaderOf(articleId: number): number | null {
    if (this.ws.nodes.has(articleId)) return articleId;
    return this.ws.copies.get(articleId)?.of ?? null;
  }

  /** Finds the new article's candidates through the index, scores them, keeps its links, registers it. */
  private linkNew(node: ArticleNode): void {
    const ws = this.ws;
    const order = ws.linkThroughIndex(node);
    // Registered under more features than it looks up with: a later article finds this one when
    // one of its heaviest features is anywhere among this one's, and this one would have found it
    // the same way, so the links found hardly depend on which of the two came first.
    const registered = new Int32Array(Math.min(ws.config.registerKeys, order.length));
    for (let k = 0; k < registered.length; k++) registered[k] = node.ids[order[k]!]!;
    for (let k = 0; k < registered.length; k++) ws.index.add(registered[k]!, node.id);
    ws.nodeKeys.set(node.id, registered);
  }

  private summarise(story: Story): StorySummary {
    const ws = this.ws;
    const languages = [...new Set(ws.storyNodes(story).map((n) => n.language))].sort();
    return {
      id: story.id,
      title: ws.representativeTitle(story),
      size: story.members.length,
      articleIds: [...story.members],
      core: ws.core(story, SUMMARY_CORE),
      languages,
      firstSeen: isoDay(story.firstMs),
      lastSeen: isoDay(story.lastMs),
      isActive: story.isActive,
    };
  }
}

function checkVersion(version: number): void {
  if (version !== CLUSTER_VERSION) {
    throw new CrosscheckError('invalid_record', 'cluster', `cluster state version ${version}, expected ${CLUSTER_VERSION}: replay the articles instead`);
  }
}

function dateFlagReason(published: string | null, flag: TimeFlag): string {
  return flag === 'future'
    ? `publication date ${published ?? ''} is later than its arrival: not used (joins on content)`
    : `publication date ${published ?? ''} is not readable: not used (joins on content)`;
}

export { noChanges, type StoryChanges };
