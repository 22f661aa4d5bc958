import { CLUSTER_VERSION, shiftStoryIds, StoryClusterer, type Assignment, type ClusterState, type StoryChanges } from '../cluster/index.js';
import { CopyGroups, CopyIndex, DEDUP_VERSION, fingerprint, type CopyMatch, type Fingerprint } from '../dedup/index.js';
import type { StoredArticle } from '../core/types.js';
import type { AssignedRow, SavedState, StoreReader, StoreTx } from '../store/index.js';

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

function publishedMs(published: string | null): number | null {
  if (!published) return null;
  const ms = Date.parse(published);
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
 * After a transaction that used it fails, the in-memory state is ahead of the store: load again.
 */
export class StoryPipeline {
  private sinceSave = 0;
  /** Keys made from text while loading, not yet in the store. */
  private readonly unsavedKeys: Array<{ articleId: number; fp: Fingerprint; ingestedAt: string }> = [];

  private constructor(
    private readonly copyIndex: CopyIndex,
    private readonly groups: CopyGroups,
    private clusterer: StoryClusterer,
  ) {}

  /**
   * Rebuilds the in-memory state from the store: the copy index from the stored copy-detection
   * keys of the articles that arrived within {@link COPY_WINDOW_DAYS} of the newest (keys
   * missing, from before they were stored or of an older version, are made from the text and
   * written with the next transaction); copy groups from the stored relations; the clusterer from
   * its saved state plus a replay of later assignments.
   */
  static async load(store: StoreReader): Promise<StoryPipeline> {
    const saved = await store.state.load(CLUSTER_STATE_NAME);
    // Ids given before a recluster are never given again: a clusterer built from nothing starts at the store's floor.
    const firstStoryId = await store.stories.idFloor();
    let clusterer = new StoryClusterer(undefined, { firstStoryId });
    let replayFrom = 0;
    if (saved && saved.version === CLUSTER_VERSION) {
      try {
        clusterer = StoryClusterer.importState(JSON.parse(saved.data) as ClusterState);
        replayFrom = saved.seq;
      } catch (error) {
        // The saved state is derived from the stored assignments: a damaged one is rebuilt from them.
        process.stderr.write(
          `crosscheck: table pipeline_state, row ${CLUSTER_STATE_NAME}, column data: ${(error as Error).message}; rebuilding the clusterer from the stored assignments\n`,
        );
        clusterer = new StoryClusterer(undefined, { firstStoryId });
      }
    }
    const pipeline = new StoryPipeline(new CopyIndex(), new CopyGroups(), clusterer);
    const assigned = await store.events.assignedAfter(0);
    const newest = await store.copyKeys.newest();
    const since = newest === null ? null : new Date(Date.parse(newest) - COPY_WINDOW_DAYS * 86_400_000).toISOString();
    const order = new Map(assigned.map((r, i) => [r.articleId, i]));
    const keys = (await store.copyKeys.window(since, DEDUP_VERSION)).filter((k) => order.has(k.articleId));
    keys.sort((a, b) => order.get(a.articleId)! - order.get(b.articleId)!);
    for (const k of keys) pipeline.copyIndex.index(k.articleId, k);
    const missing = await store.copyKeys.missing(
      assigned.map((r) => r.articleId),
      DEDUP_VERSION,
    );
    for (let start = 0; start < missing.length; start += LOAD_CHUNK) {
      for (const article of await store.articles.getMany(missing.slice(start, start + LOAD_CHUNK))) {
        const fp = fingerprint(article.text);
        pipeline.unsavedKeys.push({ articleId: article.id, fp, ingestedAt: article.ingestedAt });
        if (since === null || article.ingestedAt >= since) pipeline.copyIndex.index(article.id, fp);
      }
    }
    await pipeline.replay(store, assigned, replayFrom, false);
    return pipeline;
  }

  /**
   * Brings the in-memory state up to what other writers assigned after `seq` (the last
   * assignment it covers): their keys are indexed and their articles replayed into the clusterer in order.
   */
  async catchUp(store: StoreReader, seq: number): Promise<void> {
    await this.replay(store, await store.events.assignedAfter(seq), seq, true);
  }

  /** Writes the copy-detection keys made while loading (articles stored before keys were kept). */
  async saveKeys(tx: StoreTx): Promise<void> {
    for (const k of this.unsavedKeys.splice(0)) await tx.copyKeys.put({ articleId: k.articleId, ...k.fp }, DEDUP_VERSION, k.ingestedAt);
  }

  /**
   * Copy groups of these assignments from the stored relations; those after `replayFrom` are
   * replayed into the clusterer; with `indexKeys`, their stored keys go into the copy index.
   */
  private async replay(store: StoreReader, assigned: AssignedRow[], replayFrom: number, indexKeys: boolean): Promise<void> {
    const ids = assigned.map((r) => r.articleId);
    const published = await store.articles.published(ids);
    for (const id of ids) this.groups.add(id, publishedMs(published.get(id) ?? null));
    if (indexKeys) {
      const keys = new Map((await store.copyKeys.get(ids, DEDUP_VERSION)).map((k) => [k.articleId, k]));
      for (const id of ids) {
        const k = keys.get(id);
        if (k && !this.copyIndex.has(id)) this.copyIndex.index(id, k);
      }
    }
    const later = assigned.filter((r) => r.seq > replayFrom);
    for (let start = 0; start < later.length; start += LOAD_CHUNK) {
      const rows = later.slice(start, start + LOAD_CHUNK);
      const articles = new Map((await store.articles.getMany(rows.map((r) => r.articleId))).map((a) => [Number(a.id), a]));
      for (const row of rows) {
        const article = articles.get(row.articleId);
        if (!article) continue;
        this.clusterer.assign({
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
    for (const copy of await store.copies.from(ids)) this.groups.link(copy.articleId, copy.otherId);
  }

  /** Assignments since the last save of the clusterer state. */
  get unsaved(): number {
    return this.sinceSave;
  }

  /** Processes one stored article: copies, copy group, story. Writes through the caller's transaction. */
  async process(tx: StoreTx, article: StoredArticle, now: string): Promise<ProcessedArticle> {
    const fp = fingerprint(article.text);
    const matches = this.copyIndex.add(article.id, fp);
    await tx.copyKeys.put({ articleId: article.id, ...fp }, DEDUP_VERSION, article.ingestedAt);
    this.groups.add(article.id, publishedMs(article.published));
    for (const m of matches) this.groups.link(article.id, m.other);
    await tx.copies.record(
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
    await this.writeStories(tx, [assignment.storyId], now);
    await tx.stories.insertAssignment({
      articleId: article.id,
      storyId: assignment.storyId,
      isNew: assignment.isNew,
      score: assignment.score,
      reasons: assignment.reasons,
      copyOf: original?.other ?? null,
      clusterVersion: CLUSTER_VERSION,
      assignedAt: now,
    });
    if (assignment.changes) await this.applyChanges(tx, assignment.changes, now);
    const members = this.groups.members(article.id);
    const earliest = this.groups.earliest(article.id);
    await tx.copies.setGroups(members.map((id) => ({ articleId: id, groupId: earliest })));
    this.sinceSave++;
    return {
      articleId: article.id,
      storyId: this.clusterer.storyOf(article.id) ?? assignment.storyId,
      isNewStory: assignment.isNew,
      copies: matches,
      copyGroup: earliest,
      ...(assignment.merged ? { merged: assignment.merged } : {}),
    };
  }

  /**
   * Re-checks the stories that changed since the last call (the clusterer's settle) and writes
   * what moved: merged-away stories, moved articles with their reasons, the stories' new summaries.
   */
  async settle(tx: StoreTx, now: string): Promise<StoryChanges> {
    const changes = this.clusterer.settle();
    await this.applyChanges(tx, changes, now);
    return changes;
  }

  /**
   * A reader's correction: the article leaves its story (for story `to`, or one of its own), pinned
   * so that later assignments respect it. Writes what moved and saves the clusterer state.
   */
  async moveArticle(tx: StoreTx, articleId: number, to: number | null, now: string): Promise<StoryChanges> {
    const changes = this.clusterer.moveArticle(articleId, to);
    await this.applyChanges(tx, changes, now);
    await this.save(tx, now);
    return changes;
  }

  /** A reader's correction: two stories are one (pinned together). Writes the merge and saves the state. */
  async mergeStories(tx: StoreTx, a: number, b: number, now: string): Promise<StoryChanges> {
    const changes = this.clusterer.mergeStories(a, b);
    await this.applyChanges(tx, changes, now);
    await this.save(tx, now);
    return changes;
  }

  private async applyChanges(tx: StoreTx, changes: StoryChanges, now: string): Promise<void> {
    // New stories (splits) first: moved assignments refer to them.
    await this.writeStories(tx, changes.touched, now);
    for (const e of changes.events) {
      if (e.kind !== 'merge') continue;
      const witness = e.articleId ?? changes.moves.find((m) => e.from.includes(m.from))?.articleId ?? 0;
      await tx.stories.recordMerge(e.from, e.into, witness, now);
    }
    for (const m of changes.moves) await tx.stories.moveAssignment(m.articleId, m.to, m.reasons);
  }

  /** Saves the clusterer state (covering every assignment so far) in the store. */
  async save(tx: StoreTx, now: string): Promise<void> {
    await tx.state.save(CLUSTER_STATE_NAME, { version: CLUSTER_VERSION, seq: await tx.events.maxSeq(), data: JSON.stringify(this.clusterer.exportState()) }, now);
    this.sinceSave = 0;
  }

  private async writeStories(tx: StoreTx, ids: number[], now: string): Promise<void> {
    for (const id of new Set(ids)) {
      const story = this.clusterer.story(id);
      if (!story) continue;
      await tx.stories.upsert(
        { id: story.id, title: story.title, size: story.size, firstSeen: story.firstSeen, lastSeen: story.lastSeen, isActive: story.isActive },
        now,
      );
    }
  }
}

/** A saved clusterer state with its story ids moved up by `shift` (see `StorePort.rebuildDerived`); other states are dropped. */
export function shiftSavedState(name: string, state: SavedState, shift: number): SavedState | null {
  if (name !== CLUSTER_STATE_NAME || state.version !== CLUSTER_VERSION) return null;
  try {
    return { ...state, data: JSON.stringify(shiftStoryIds(JSON.parse(state.data) as ClusterState, shift)) };
  } catch {
    return null;
  }
}

/**
 * Near-copies are looked for among the articles that arrived (were stored) within this many
 * days of the newest one: a start loads their copy-detection keys, not the corpus. Syndicated
 * copies of a report appear within hours to days of it; a month keeps late reprints. Exact
 * copies are found at any age (the store knows every text's hash). Arrival, not publication,
 * is the clock: a feed cannot move it with a wrong date.
 */
export const COPY_WINDOW_DAYS = 30;

/** Articles read per query while loading. */
const LOAD_CHUNK = 500;
