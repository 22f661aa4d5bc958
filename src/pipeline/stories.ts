import { CLUSTER_VERSION, StoryClusterer, type Assignment, type ClusterState, type StoryChanges } from '../cluster/index.js';
import { CopyGroups, CopyIndex, DEDUP_VERSION, fingerprint, type CopyMatch } from '../dedup/index.js';
import type { StoredArticle } from '../core/types.js';
import type { SqliteStore } from '../store/index.js';

/** Name of the clusterer's saved state in the store. */
export const CLUSTER_STATE_NAME = 'story-clusterer';
/** The clusterer state is saved at least every this many assignments (and at the end of each run). */
export const STATE_SAVE_EVERY = 5000;

/** Strength order of copy kinds: the strongest relation names the original a copy joins. */
const KIND_RANK: Record<CopyMatch['kind'], number> = { identical: 3, 'near-identical': 2, contained: 1, contains: 0 };

export interface ProcessedArticle {
  articleId: number;
  storyId: number;
  isNewStory: boolean;
  copies: CopyMatch[];
  copyGroup: number;
  merged?: { from: number[]; into: number };
}

function publishedMs(article: StoredArticle): number | null {
  if (!article.published) return null;
  const ms = Date.parse(article.published);
  return Number.isNaN(ms) ? null : ms;
}

/** The strongest copy relation, ties to the earlier article. */
function pickOriginal(matches: CopyMatch[]): CopyMatch | undefined {
  return [...matches].sort((a, b) => KIND_RANK[b.kind] - KIND_RANK[a.kind] || b.containment - a.containment || a.other - b.other)[0];
}

/**
 * Copy detection and online story assignment over the store. Holds the in-memory indexes
 * (copy index, copy groups, story clusterer) rebuilt from the store on load, and writes every
 * result back in the caller's transaction, so that a killed run leaves the store consistent.
 */
export class StoryPipeline {
  private sinceSave = 0;

  private constructor(
    private readonly store: SqliteStore,
    private readonly copyIndex: CopyIndex,
    private readonly groups: CopyGroups,
    private clusterer: StoryClusterer,
  ) {}

  /** Rebuilds the in-memory state from the store: copy index from the processed articles' text, clusterer from its saved state plus a replay of later assignments. */
  static load(store: SqliteStore): StoryPipeline {
    const copyIndex = new CopyIndex();
    const groups = new CopyGroups();
    const saved = store.stories.loadState(CLUSTER_STATE_NAME);
    let clusterer = new StoryClusterer();
    let replayFrom = 0;
    if (saved && saved.version === CLUSTER_VERSION) {
      clusterer = StoryClusterer.importState(JSON.parse(saved.data) as ClusterState);
      replayFrom = saved.seq;
    }
    for (const row of store.stories.assignedAfter(0)) {
      const article = store.getArticle(row.articleId);
      if (!article) continue;
      copyIndex.add(article.id, fingerprint(article.text));
      groups.add(article.id, publishedMs(article));
      if (row.seq > replayFrom) {
        clusterer.assign({
          id: article.id,
          title: article.title,
          text: article.text,
          published: article.published,
          arrivedAt: article.ingestedAt,
          language: article.language,
          ...(row.copyOf !== null ? { copyOf: row.copyOf } : {}),
        });
      }
    }
    const ids = new Set(store.stories.assignedAfter(0).map((r) => r.articleId));
    for (const copy of store.stories.copiesAmong([...ids])) groups.link(copy.articleId, copy.otherId);
    return new StoryPipeline(store, copyIndex, groups, clusterer);
  }

  /** Processes one stored article: copies, copy group, story. Writes through the store (the caller owns the transaction). */
  process(article: StoredArticle, now: string): ProcessedArticle {
    const matches = this.copyIndex.add(article.id, fingerprint(article.text));
    this.groups.add(article.id, publishedMs(article));
    for (const m of matches) this.groups.link(article.id, m.other);
    const repo = this.store.stories;
    repo.recordCopies(
      article.id,
      matches.map((m) => ({ otherId: m.other, kind: m.kind, jaccard: m.jaccard, containment: m.containment })),
      DEDUP_VERSION,
    );
    const original = pickOriginal(matches);
    const assignment: Assignment = this.clusterer.assign({
      id: article.id,
      title: article.title,
      text: article.text,
      published: article.published,
      arrivedAt: article.ingestedAt,
      language: article.language,
      ...(original ? { copyOf: original.other } : {}),
    });
    this.writeStories([assignment.storyId], now);
    repo.insertAssignment({
      articleId: article.id,
      storyId: assignment.storyId,
      isNew: assignment.isNew,
      score: assignment.score,
      reasons: assignment.reasons,
      copyOf: original?.other ?? null,
      clusterVersion: CLUSTER_VERSION,
      assignedAt: now,
    });
    if (assignment.changes) this.applyChanges(assignment.changes, now);
    const members = this.groups.members(article.id);
    const earliest = this.groups.earliest(article.id);
    repo.setCopyGroups(members.map((id) => ({ articleId: id, groupId: earliest })));
    if (++this.sinceSave >= STATE_SAVE_EVERY) this.save(now);
    return {
      articleId: article.id,
      storyId: this.clusterer.storyOf(article.id) ?? assignment.storyId,
      isNewStory: assignment.isNew,
      copies: matches,
      copyGroup: earliest,
      ...(assignment.merged ? { merged: assignment.merged } : {}),
    };
  }

  /** Processes every stored article that has no story yet, in order of publication. */
  processPending(now: string): ProcessedArticle[] {
    const results: ProcessedArticle[] = [];
    for (const id of this.store.stories.pendingArticleIds()) {
      const article = this.store.getArticle(id);
      if (article) results.push(this.process(article, now));
    }
    return results;
  }

  /**
   * Re-checks the stories that changed since the last call (the clusterer's settle) and writes
   * what moved: merged-away stories, moved articles with their reasons, the stories' new summaries.
   */
  settle(now: string): StoryChanges {
    const changes = this.clusterer.settle();
    this.applyChanges(changes, now);
    return changes;
  }

  /**
   * A reader's correction: the article leaves its story (for story `to`, or one of its own), pinned
   * so that later assignments respect it. Writes what moved and saves the clusterer state.
   */
  moveArticle(articleId: number, to: number | null, now: string): StoryChanges {
    const changes = this.clusterer.moveArticle(articleId, to);
    this.applyChanges(changes, now);
    this.save(now);
    return changes;
  }

  /** A reader's correction: two stories are one (pinned together). Writes the merge and saves the state. */
  mergeStories(a: number, b: number, now: string): StoryChanges {
    const changes = this.clusterer.mergeStories(a, b);
    this.applyChanges(changes, now);
    this.save(now);
    return changes;
  }

  private applyChanges(changes: StoryChanges, now: string): void {
    const repo = this.store.stories;
    // New stories (splits) first: moved assignments refer to them.
    this.writeStories(changes.touched, now);
    for (const e of changes.events) {
      if (e.kind !== 'merge') continue;
      const witness = e.articleId ?? changes.moves.find((m) => e.from.includes(m.from))?.articleId ?? 0;
      repo.recordMerge(e.from, e.into, witness, now);
    }
    for (const m of changes.moves) repo.moveAssignment(m.articleId, m.to, m.reasons);
  }

  /** Saves the clusterer state (covering every assignment so far) in the store. */
  save(now: string): void {
    this.store.stories.saveState(CLUSTER_STATE_NAME, CLUSTER_VERSION, this.store.stories.maxSeq(), JSON.stringify(this.clusterer.exportState()), now);
    this.sinceSave = 0;
  }

  private writeStories(ids: number[], now: string): void {
    for (const id of new Set(ids)) {
      const story = this.clusterer.story(id);
      if (!story) continue;
      this.store.stories.upsertStory(
        { id: story.id, title: story.title, size: story.size, firstSeen: story.firstSeen, lastSeen: story.lastSeen, isActive: story.isActive },
        now,
      );
    }
  }

}

/** How many articles one transaction assigns: a killed run loses at most this much work. */
export const ASSIGN_CHUNK_SIZE = 500;

export interface AssignSummary {
  processed: number;
  newStories: number;
  copies: number;
  merges: number;
  results: ProcessedArticle[];
}

/**
 * Assigns every stored article that has no story yet (copies first detected), in order of
 * publication, committing in chunks; safe to interrupt and run again.
 */
export function assignPendingStories(store: SqliteStore, options: { now?: () => Date; signal?: AbortSignal } = {}): AssignSummary {
  const now = options.now ?? (() => new Date());
  const pipeline = StoryPipeline.load(store);
  const summary: AssignSummary = { processed: 0, newStories: 0, copies: 0, merges: 0, results: [] };
  const pending = store.stories.pendingArticleIds();
  for (let start = 0; start < pending.length; start += ASSIGN_CHUNK_SIZE) {
    if (options.signal?.aborted) break;
    const chunk = pending.slice(start, start + ASSIGN_CHUNK_SIZE);
    store.transaction(() => {
      const at = now().toISOString();
      for (const id of chunk) {
        const article = store.getArticle(id);
        if (!article) continue;
        const result = pipeline.process(article, at);
        summary.processed++;
        if (result.isNewStory) summary.newStories++;
        if (result.copies.length > 0) summary.copies++;
        if (result.merged) summary.merges++;
        summary.results.push(result);
      }
      pipeline.settle(at);
      if (start + ASSIGN_CHUNK_SIZE >= pending.length) pipeline.save(at);
    });
  }
  return summary;
}

/** Forgets every copy relation and story and assigns all stored articles again from scratch. */
export function reclusterAll(store: SqliteStore, options: { now?: () => Date; signal?: AbortSignal } = {}): AssignSummary {
  store.transaction(() => store.stories.clear());
  return assignPendingStories(store, options);
}
