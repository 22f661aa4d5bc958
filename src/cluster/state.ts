import type { ClusterConfig } from './config.js';

/**
 * The clusterer's state as rows: one record per story (with the articles of the working set it
 * holds), document-frequency increments, a small meta record and the pinned corrections. A store
 * persists it through `ClusterStateStore` by upserting the story rows that changed, deleting the
 * ones that went away and adding the increments; a start loads the working set, not the corpus.
 */

/** An article of the working set, as persisted (feature keys, not process-local ids). */
export interface ArticleRecord {
  id: number;
  seq: number;
  language: string;
  /** Plausible publication time (ms), or null. */
  timeMs: number | null;
  /** [feature key, sublinear tf]. */
  features: Array<[string, number]>;
  /** [term key, weight]: the happening. */
  happening: Array<[string, number]>;
  /** Name keys of the headline and lead. */
  participants: string[];
  /** Key of the dominant year (`#2012`), or null. */
  year: string | null;
  title: string | null;
  lead: string;
  labels: Array<[string, string]>;
  /** Feature keys the article is registered under in the candidate index. */
  keys: string[];
  /** [neighbour article id, similarity]. */
  edges: Array<[number, number]>;
  /** Copies that follow this article. */
  copies: number[];
  /** Reasons of the article's latest assignment. */
  reasons: string[];
}

/** A copy in the working set: it joined through its original and follows it. */
export interface CopyRecord {
  id: number;
  seq: number;
  /** The article of the working set it follows; null once a reader moved it on its own. */
  of: number | null;
  timeMs: number | null;
  title: string | null;
  lead: string;
  reasons: string[];
}

/** One story, as one row. */
export interface StoryRecord {
  id: number;
  /** Every article of the story, in the order they joined. */
  members: number[];
  firstMs: number | null;
  lastMs: number | null;
  /** Arrival number of the last article that joined. */
  lastSeq: number;
  isActive: boolean;
  /** Document count at the story's last re-check. */
  settledAt: number;
  /** Members at the last re-check. */
  settledSize: number;
  /** The headline chosen when the story left the working set (quiet stories only). */
  title: string | null;
  /** The story's articles in the working set (empty once quiet). */
  articles: ArticleRecord[];
  copies: CopyRecord[];
}

/** Pinned corrections: pairs of article ids kept together or apart whatever the scores. */
export interface PinRecord {
  mustLink: Array<[number, number]>;
  cannotLink: Array<[number, number]>;
}

export interface ClusterMeta {
  version: number;
  config: ClusterConfig;
  seq: number;
  clockMs: number | null;
  nextStoryId: number;
  sinceSettle: number;
  /** Stories changed since the last settle. */
  dirty: number[];
  pins: PinRecord;
}

/** What happened to stories, with the reasons, in order. */
export type StoryEvent =
  | { kind: 'move'; articleId: number; from: number; to: number; reasons: string[]; byReader: boolean }
  | { kind: 'split'; from: number; into: number; articleIds: number[]; reasons: string[] }
  | { kind: 'merge'; from: number[]; into: number; articleId: number | null; reasons: string[]; byReader: boolean };

/** A full snapshot: what `exportState()` returns and `importState()` takes (plain JSON). */
export interface ClusterState {
  meta: ClusterMeta;
  /** Document count and the full document-frequency table. */
  documents: number;
  frequencies: Array<[string, number]>;
  stories: StoryRecord[];
  events: StoryEvent[];
}

/** What changed since the last drain: rows to upsert and delete, increments to add. */
export interface ClusterStateBatch {
  meta: ClusterMeta;
  /** Stories whose row changed (upsert). */
  stories: StoryRecord[];
  /** Stories that no longer exist (merged away): delete their rows. */
  removed: number[];
  /** Documents added and document-frequency increments by key. */
  documents: number;
  frequencies: Array<[string, number]>;
  events: StoryEvent[];
}

/** What a start needs: meta, the working set's stories and the document frequencies. */
export interface ClusterSnapshot {
  meta: ClusterMeta;
  documents: number;
  frequencies: Iterable<readonly [string, number]>;
  /** Active stories (the working set); quiet ones may be left out. */
  stories: StoryRecord[];
}

/**
 * The port through which the clusterer's state is persisted (methods may be sync or async).
 * `save` applies a batch: upsert `stories`, delete `removed`, add the frequency increments,
 * replace the meta record, append the events. `load` gives back what is needed to go on.
 */
export interface ClusterStateStore {
  load(): ClusterSnapshot | null | Promise<ClusterSnapshot | null>;
  save(batch: ClusterStateBatch): void | Promise<void>;
}

/** The state port in memory: for tests, and the reference for a store's implementation. */
export class InMemoryClusterStateStore implements ClusterStateStore {
  private meta: ClusterMeta | null = null;
  private readonly rows = new Map<number, StoryRecord>();
  private readonly df = new Map<string, number>();
  private documents = 0;
  readonly events: StoryEvent[] = [];

  load(): ClusterSnapshot | null {
    if (!this.meta) return null;
    return {
      meta: structuredClone(this.meta),
      documents: this.documents,
      frequencies: [...this.df],
      stories: [...this.rows.values()].filter((s) => s.isActive).map((s) => structuredClone(s)),
    };
  }

  save(batch: ClusterStateBatch): void {
    this.meta = structuredClone(batch.meta);
    for (const s of batch.stories) this.rows.set(s.id, structuredClone(s));
    for (const id of batch.removed) this.rows.delete(id);
    this.documents += batch.documents;
    for (const [k, d] of batch.frequencies) this.df.set(k, (this.df.get(k) ?? 0) + d);
    this.events.push(...structuredClone(batch.events));
  }

  /** Every story row kept, active and quiet (for tests). */
  storyRows(): StoryRecord[] {
    return [...this.rows.values()].sort((a, b) => a.id - b.id);
  }
}
