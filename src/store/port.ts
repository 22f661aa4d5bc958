/**
 * The store port: what the pipeline and the edges (CLI, API) need of a store, asynchronous so that
 * a networked store (PostgreSQL) can implement it as well as the embedded one (SQLite).
 *
 * Reads go through the repositories of a {@link StorePort}; every write goes through
 * {@link StorePort.transaction}, whose callback gets the writable repositories. A transaction is
 * short: it never awaits anything but its own repositories (no network, no file I/O), so that
 * another process waiting to write waits milliseconds, not seconds.
 */
import type { DocumentHints, FeedState, OutletProfile, StoredArticle } from '../core/types.js';
import type { ArticleFilter, InsertResult, NewArticle } from './types.js';

/** A story as stored. */
export interface StoryRow {
  id: number;
  title: string;
  articleCount: number;
  outletCount: number;
  outlets: string[];
  firstSeen: string | null;
  lastSeen: string | null;
  isActive: boolean;
}

/** A live story's head: what a list shows before outlets and days are added. */
export interface StoryHead {
  id: number;
  title: string;
  articleCount: number;
  firstSeen: string | null;
  lastSeen: string | null;
}

/** A story head with its outlets and articles per day (YYYY-MM-DD, by publication, else arrival). */
export interface StorySummaryRow extends StoryHead {
  outlets: Array<{ name: string; articles: number }>;
  days: Array<{ day: string; articles: number }>;
}

export interface StoryArticleRow {
  articleId: number;
  externalId: string | null;
  title: string | null;
  source: string | null;
  published: string | null;
  seq: number;
  score: number;
  reasons: string[];
  copyOf: number | null;
  /** Earliest member of the article's copy group (itself when it has no copies). */
  copyGroup: number;
}

export interface CopyRow {
  articleId: number;
  otherId: number;
  kind: 'identical' | 'near-identical' | 'contains' | 'contained';
  jaccard: number;
  containment: number;
}

export interface NewAssignment {
  articleId: number;
  storyId: number;
  isNew: boolean;
  score: number;
  reasons: string[];
  copyOf: number | null;
  clusterVersion: number;
  assignedAt: string;
}

export interface StorySnapshot {
  id: number;
  title: string;
  size: number;
  firstSeen: string | null;
  lastSeen: string | null;
  isActive: boolean;
}

export interface ExportRow {
  articleId: number;
  externalId: string | null;
  storyId: number | null;
  copyGroup: number | null;
  source: string | null;
  published: string | null;
  title: string | null;
}

export interface MergeRow {
  fromStory: number;
  intoStory: number;
  articleId: number;
  mergedAt: string;
}

/** One assignment as the pipeline replays it. */
export interface AssignedRow {
  seq: number;
  articleId: number;
  storyId: number;
  firstStoryId: number;
  copyOf: number | null;
}

/** An article assigned to a story, as the event stream publishes it (story id following merges). */
export interface AssignmentEventRow {
  seq: number;
  articleId: number;
  storyId: number;
  isNewStory: boolean;
  title: string | null;
  source: string | null;
}

/** The stored input document and the hints it came with, for re-extraction. */
export interface RawRecord {
  content: string;
  hints: DocumentHints;
  format: 'html' | 'text';
  origin: string;
}

/** The fields re-extraction replaces. */
export type ExtractionUpdate = Omit<NewArticle, 'raw' | 'hints' | 'origin' | 'format' | 'externalId' | 'ingestedAt'>;

/** Filters of a story list. Free text (`q`, `entity`) is the reader's words; the store turns them into its own search syntax. */
export interface StoryListFilter {
  q?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  outlet?: string | undefined;
  language?: string | undefined;
  entity?: string | undefined;
  order?: 'newest' | 'largest' | undefined;
  limit: number;
  offset: number;
}

/** Where a search matched a story: an excerpt of its best-ranked matching article, matched words marked. */
export interface SearchSnippetRow {
  storyId: number;
  articleId: number;
  source: string | null;
  /** The article's URL (else the canonical address its page claims). */
  url: string | null;
  origin: string;
  /** The excerpt, `…` where cut, whitespace collapsed. */
  text: string;
  /** Matched words: [start, end) offsets into `text`, ascending. */
  highlights: Array<[number, number]>;
}

export interface OutletRow {
  name: string;
  articles: number;
  stories: number;
  firstPublished: string | null;
  lastPublished: string | null;
}

export interface EntityRow {
  name: string;
  kind: string;
  stories: number;
  mentions: number;
}

export interface FactSheetEntityRow {
  id: string;
  name: string;
  kind: string;
  mentions: number;
}

export interface StoredFactSheet {
  storyId: number;
  key: string;
  data: string;
}

export interface SavedState {
  version: number;
  seq: number;
  data: string;
}

export interface ArticleReader {
  get(id: number): Promise<StoredArticle | null>;
  /** The articles of these ids that exist, in the order given. */
  getMany(ids: readonly number[]): Promise<StoredArticle[]>;
  list(filter?: ArticleFilter): Promise<StoredArticle[]>;
  count(): Promise<number>;
  /** True when an article fetched from `url` (or declaring it canonical) is stored. */
  hasUrl(url: string): Promise<boolean>;
  raw(id: number): Promise<RawRecord | null>;
  /** Publication dates of these articles (null when undated), without their text. */
  published(ids: readonly number[]): Promise<Map<number, string | null>>;
  /** Stored articles not assigned to a story, in processing order (publication, else arrival, then id). */
  pendingIds(limit?: number): Promise<number[]>;
  /** Languages of stored articles, most frequent first. */
  languages(limit: number): Promise<string[]>;
  /** Outlet names with their article counts, most first. */
  outletNames(): Promise<Array<{ name: string; articles: number }>>;
}

export interface ArticleWriter extends ArticleReader {
  /** Stores an article unless the same text (or canonical URL) is stored: each article is stored once, whoever writes it. */
  insert(article: NewArticle): Promise<InsertResult>;
  updateExtraction(id: number, article: ExtractionUpdate): Promise<void>;
}

export interface StoryReader {
  /** Live (not merged-away, not empty) stories, newest (last seen) or largest first. */
  list(options?: { limit?: number; offset?: number; order?: 'newest' | 'largest' }): Promise<StoryRow[]>;
  /** The live story `id` is now (following merges), or null. */
  get(id: number): Promise<StoryRow | null>;
  /**
   * The one "follow merges" lookup: the live story an id now is, following merges; null when
   * there is no such story or it ended up empty.
   */
  liveId(id: number): Promise<number | null>;
  /** The live story an article belongs to, or null. */
  ofArticle(articleId: number): Promise<number | null>;
  /** The head of a live story (not followed: null for a merged-away or empty id). */
  head(id: number): Promise<StoryHead | null>;
  /** Members of a story, in publication order. */
  members(storyId: number): Promise<StoryArticleRow[]>;
  /** Ids of a story's articles, ascending (its article set). */
  articleIds(storyId: number): Promise<number[]>;
  /** A page of live stories matching the filters (full-text search when `q` is given), with the total count. */
  page(filter: StoryListFilter): Promise<{ rows: StoryHead[]; total: number }>;
  /**
   * Ids of the live stories matching a search (`q`, as {@link page} searches) and an entity (as
   * {@link page} filters), ascending; only among `among` when given.
   */
  matching(filter: Pick<StoryListFilter, 'q' | 'entity'>, among?: readonly number[]): Promise<number[]>;
  /**
   * For each of these stories that a search (`q`, as {@link page} searches) matches: an excerpt
   * of its best-ranked matching article around the match, about `words` words long.
   */
  snippets(storyIds: readonly number[], q: string, words?: number): Promise<SearchSnippetRow[]>;
  /** Outlets and articles per day of each story. */
  summarize(rows: StoryHead[]): Promise<StorySummaryRow[]>;
  outlets(): Promise<OutletRow[]>;
  /** Entities of the cached fact sheets of live stories, by how many stories name them. */
  entities(options: { limit: number; kind?: string | undefined }): Promise<EntityRow[]>;
  merges(): Promise<MergeRow[]>;
  /**
   * The first story id of the stories stored now: 1, or, after a recluster, above every id the
   * store gave before it. A clusterer built from the stored assignments starts here, so that it
   * gives the ids stored, and no story id is ever given to another story.
   */
  idFloor(): Promise<number>;
  /** One row per article, in processing order (unassigned articles last). */
  exportRows(): AsyncIterable<ExportRow>;
}

export interface StoryWriter extends StoryReader {
  insertAssignment(assignment: NewAssignment): Promise<number>;
  /** Moves an assigned article to another story, with the reasons. */
  moveAssignment(articleId: number, storyId: number, reasons: string[]): Promise<void>;
  upsert(story: StorySnapshot, now: string): Promise<void>;
  /** Records that stories `from` turned out to be `into`: their articles move, the merge is kept. */
  recordMerge(from: number[], into: number, articleId: number, at: string): Promise<void>;
  /**
   * Forgets every derived row (copies, groups, stories, assignments, merges, state, sheets and
   * their entity index), keeping the articles and their analyses; the id floor moves above every
   * story id given so far ({@link StoryReader.idFloor}).
   */
  clearDerived(): Promise<void>;
}

export interface CopyReader {
  /** Copy relations whose two ends are both among `articleIds`. */
  among(articleIds: readonly number[]): Promise<CopyRow[]>;
  /** Copy relations found for these (later) articles, to any earlier article. */
  from(articleIds: readonly number[]): Promise<CopyRow[]>;
}

export interface CopyWriter extends CopyReader {
  record(articleId: number, copies: Array<Omit<CopyRow, 'articleId'>>, dedupVersion: number): Promise<void>;
  setGroups(entries: Array<{ articleId: number; groupId: number }>): Promise<void>;
}

/** An article's copy-detection keys (structurally the dedup stage's fingerprint). */
export interface StoredCopyKeys {
  articleId: number;
  textHash: string;
  shingles: Uint32Array;
  signature: Uint32Array;
}

/** Copy-detection keys, one row per assigned article, written once. */
export interface CopyKeyReader {
  /** Keys of this version of the articles stored (arrived) at or after `since` (ISO; null: all), oldest first. */
  window(since: string | null, version: number): Promise<StoredCopyKeys[]>;
  /** Keys of this version of these articles (those that have them). */
  get(articleIds: readonly number[], version: number): Promise<StoredCopyKeys[]>;
  /** The arrival time of the newest article with keys, or null. */
  newest(): Promise<string | null>;
  /** Which of these assigned articles have no keys of this version yet. */
  missing(articleIds: readonly number[], version: number): Promise<number[]>;
}

export interface CopyKeyWriter extends CopyKeyReader {
  put(keys: StoredCopyKeys, version: number, ingestedAt: string): Promise<void>;
}

/** Per-article analyses (JSON), by version. */
export interface AnalysisReader {
  get(articleIds: readonly number[], version: number): Promise<Map<number, string>>;
}

export interface AnalysisWriter extends AnalysisReader {
  put(entries: Array<{ articleId: number; data: string }>, version: number): Promise<void>;
}

/** Cached fact sheets, keyed by the story's article set and the sheet builder version. */
export interface FactSheetReader {
  /** The stored sheet of a story, with when it was built (ISO 8601), or null. */
  get(storyId: number): Promise<(StoredFactSheet & { builtAt: string }) | null>;
}

export interface FactSheetWriter extends FactSheetReader {
  put(sheet: StoredFactSheet, version: number, entities: FactSheetEntityRow[], builtAt: string): Promise<void>;
}

export interface FeedReader {
  get(url: string): Promise<FeedState | undefined>;
  list(): Promise<FeedState[]>;
}

export interface FeedWriter extends FeedReader {
  put(state: FeedState): Promise<void>;
}

/** The assignment log: in order, for replays and the event stream. */
export interface EventReader {
  /** The last assignment's sequence number (0 when none). */
  maxSeq(): Promise<number>;
  assignedAfter(seq: number): Promise<AssignedRow[]>;
  /** A number that changes when the derived rows are cleared (a recluster), so that a writer holding state in memory loads it again. */
  epoch(): Promise<number>;
  /** Assignments after `seq`, oldest first, at most `limit`, story ids following merges. */
  after(seq: number, limit: number): Promise<AssignmentEventRow[]>;
  /**
   * A value that changes whenever anything a reader sees may have changed, by any writer (this
   * process or another): caches are valid while it stays the same.
   */
  changeToken(): Promise<string>;
}

/** Saved state of an online stage (the story clusterer), with the last sequence number it covers. */
export interface StateReader {
  load(name: string): Promise<SavedState | null>;
}

export interface StateWriter extends StateReader {
  save(name: string, state: SavedState, at: string): Promise<void>;
}

/** What a follow watches: a saved search (the reader's words), one story (its id), an entity (its name). */
export type FollowKind = 'search' | 'story' | 'entity';
/** What a follow is told of. */
export type FollowEventType = 'new_story' | 'new_disagreement' | 'updated_counts';
export const FOLLOW_EVENT_TYPES: readonly FollowEventType[] = ['new_story', 'new_disagreement', 'updated_counts'];

export interface FollowRow {
  id: number;
  kind: FollowKind;
  /** The search, the story id (as text) or the entity name. */
  target: string;
  label: string;
  /** The derived epoch ({@link EventReader.epoch}) its story states were taken in. */
  epoch: number;
  createdAt: string;
}

/** What a follow last saw of one story; `disagreements` null when not known yet. */
export interface FollowStoryState {
  followId: number;
  storyId: number;
  articleCount: number;
  outletCount: number;
  disagreements: string[] | null;
}

/** One thing a follow was told: an item of its feeds and the payload of its webhooks. */
export interface FollowEventRow {
  id: number;
  followId: number;
  type: FollowEventType;
  storyId: number;
  title: string;
  text: string;
  data: Record<string, unknown>;
  createdAt: string;
}

export interface WebhookRow {
  id: number;
  url: string;
  /** The shared secret of the signature (never shown by the API). */
  secret: string;
  /** null: every follow. */
  followId: number | null;
  types: FollowEventType[];
  createdAt: string;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/** One event for one webhook, with the outcome of its last attempt. */
export interface DeliveryRow {
  id: number;
  webhookId: number;
  eventId: number;
  status: DeliveryStatus;
  attempts: number;
  /** HTTP status of the last answer, or null when none came. */
  lastStatus: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export type DeliveryAttempt = Pick<DeliveryRow, 'status' | 'attempts' | 'lastStatus' | 'lastError' | 'nextAttemptAt' | 'deliveredAt' | 'updatedAt'>;

/** Follows, what each last saw of its stories, and what each was told. */
export interface FollowReader {
  get(id: number): Promise<FollowRow | null>;
  list(): Promise<FollowRow[]>;
  count(): Promise<number>;
  seen(followId: number, storyId: number): Promise<FollowStoryState | null>;
  /** A follow's events, newest first, at most `limit`. */
  events(followId: number, limit: number): Promise<FollowEventRow[]>;
  event(id: number): Promise<FollowEventRow | null>;
}

export interface FollowWriter extends FollowReader {
  create(follow: Omit<FollowRow, 'id'>): Promise<FollowRow>;
  /** Deletes a follow with its story states, events and webhooks; false when there was none. */
  delete(id: number): Promise<boolean>;
  /** Records what a follow has seen of a story. */
  markSeen(state: FollowStoryState): Promise<void>;
  /** Forgets what a follow has seen (its stories were rebuilt) and sets the epoch it now sees. */
  resetSeen(followId: number, epoch: number): Promise<void>;
  addEvent(event: Omit<FollowEventRow, 'id'>): Promise<FollowEventRow>;
}

/** Webhooks and their delivery log. */
export interface WebhookReader {
  get(id: number): Promise<WebhookRow | null>;
  list(): Promise<WebhookRow[]>;
  /** A webhook's delivery log, newest first, at most `limit`. */
  deliveries(webhookId: number, limit: number): Promise<DeliveryRow[]>;
  /** Pending deliveries due at `now` (ISO), oldest first, at most `limit`. */
  due(now: string, limit: number): Promise<DeliveryRow[]>;
  /** The earliest next attempt of a pending delivery (ISO), or null. */
  nextDueAt(): Promise<string | null>;
}

export interface WebhookWriter extends WebhookReader {
  create(webhook: Omit<WebhookRow, 'id'>): Promise<WebhookRow>;
  delete(id: number): Promise<boolean>;
  /** Queues `event` for every webhook of its follow (or of every follow) that wants its type; returns the deliveries queued. */
  enqueue(event: FollowEventRow, now: string): Promise<number>;
  recordAttempt(deliveryId: number, attempt: DeliveryAttempt): Promise<void>;
}

/** The outlets a newsroom knows (from its outlets file). */
export interface OutletProfileReader {
  /** Every profile, by name. */
  list(): Promise<OutletProfile[]>;
}

export interface OutletProfileWriter extends OutletProfileReader {
  /** Adds these profiles, replacing those of the same name (any case); returns how many were new and how many replaced. */
  put(profiles: readonly OutletProfile[], at: string): Promise<{ added: number; updated: number }>;
}

/** The repositories, read-only. */
export interface StoreReader {
  readonly articles: ArticleReader;
  readonly stories: StoryReader;
  readonly copies: CopyReader;
  readonly copyKeys: CopyKeyReader;
  readonly analyses: AnalysisReader;
  readonly factSheets: FactSheetReader;
  readonly feeds: FeedReader;
  readonly events: EventReader;
  readonly state: StateReader;
  readonly follows: FollowReader;
  readonly webhooks: WebhookReader;
  readonly outletProfiles: OutletProfileReader;
}

/** The repositories inside a transaction: reads see the transaction's own writes. */
export interface StoreTx extends StoreReader {
  readonly articles: ArticleWriter;
  readonly stories: StoryWriter;
  readonly copies: CopyWriter;
  readonly copyKeys: CopyKeyWriter;
  readonly analyses: AnalysisWriter;
  readonly factSheets: FactSheetWriter;
  readonly feeds: FeedWriter;
  readonly state: StateWriter;
  readonly follows: FollowWriter;
  readonly webhooks: WebhookWriter;
  readonly outletProfiles: OutletProfileWriter;
}

export interface TransactionOptions {
  /**
   * How long to wait for the store's write lock (other processes writing) before giving up with
   * a `store_busy` RetryableError, ms. Default {@link DEFAULT_WRITE_DEADLINE_MS}.
   */
  deadlineMs?: number;
}

export interface RebuildOptions extends TransactionOptions {
  /**
   * Rewrites a saved state (by its name) for story ids moved up by `shift` as a rebuild is swapped
   * in; without it, or when it returns null, that state is dropped (rebuilt from the assignments).
   */
  shiftState?: (name: string, state: SavedState, shift: number) => SavedState | null;
}

/** How long a writer waits its turn by default, ms. */
export const DEFAULT_WRITE_DEADLINE_MS = 30_000;

/** A store: reads through its repositories, writes through {@link transaction}. */
export interface StorePort extends StoreReader {
  /** Where the store is (a path or a connection name), for messages. */
  readonly location: string;
  /**
   * Runs `fn` as one write transaction: all of it is committed, or (when it throws) none of it.
   * Writers of this process take turns; a writer of another process is waited for, with
   * backoff, within the deadline. `fn` must await only the repositories it is given.
   */
  transaction<T>(fn: (tx: StoreTx) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /**
   * Rebuilds what is derived from the articles (copy relations, copy groups, stories,
   * assignments, merges, saved state) beside the live rows, then swaps it in: `build` gets a
   * store whose derived rows start empty and whose articles are the live ones; its writes go to
   * the rebuild only and do not hold the live store's write lock. When `build` returns, the
   * rebuilt rows replace the live ones in one short transaction, which also clears what was
   * derived from the old stories (fact sheets and their entity index) and moves the epoch. When
   * `build` throws, or the process dies, the live rows stay as they were.
   *
   * Story ids of the rebuild start above every id the store has given (the id floor); should
   * another writer have made stories above the floor meanwhile, the rebuilt ids are moved above
   * those as they are swapped in. Articles another writer assigned meanwhile are left without a
   * story by the swap: assign the pending articles after it.
   */
  rebuildDerived<T>(build: (scratch: StorePort) => Promise<T>, options?: RebuildOptions): Promise<T>;
  /** Writes and retries seen since opening (for benches and the status line). */
  writeStats(): { transactions: number; retries: number };
  close(): Promise<void>;
}
