import { CrosscheckError } from '../core/errors.js';
import type { RawDocument } from '../core/types.js';
import type { FactSheet, GroupCoverage } from '../analyze/index.js';
import type { OutletProfile } from '../core/types.js';
import { createExtractionPool, type ExtractionPool } from '../extract/index.js';
import { fetchDocument, formatOpml } from '../ingest/index.js';
import { buildArticleIn, createSheetPool, defaultSheetThreads, INLINE_SHEET_BUILDER, StoryAssigner, storyGroupCoverage, type SheetBuilder } from '../pipeline/index.js';
import { listenForAssignments, PostgresStore, type StorePort } from '../store/index.js';
import { ApiError } from './errors.js';
import { StoryEvents, EVENT_POLL_MS } from './events.js';
import { FactSheets, type SheetAnswer } from './fact-sheets.js';
import { feedHealth, type FeedHealth } from './feeds.js';
import { Follows } from './follows.js';
import { WebhookDispatcher, type WebhookOptions } from './webhooks.js';
import { documentFromBody, ingestResult, type IngestResult } from './ingest.js';
import type { NewArticleBody, StoryListQuery } from './schemas.js';
import { decodeCursor, StoryQueries, type EntitySummary, type OutletSummary, type StoryPage } from './story-query.js';
import { StoryViews, type ArticleDetail, type StoryDetail, type StoryOutline } from './views.js';

/** Fetches a URL into a raw document (injectable: tests give a stub, the server the safe fetcher). */
export type UrlFetcher = (url: string) => Promise<RawDocument>;

export interface ServiceOptions {
  store: StorePort;
  /**
   * What builds fact sheets: `'workers'` (default) a pool of worker threads, `'inline'` this
   * thread (small stores, tests), or any {@link SheetBuilder}.
   */
  sheetBuilder?: SheetBuilder | 'workers' | 'inline';
  /** Fact-sheet scheduling: debounce after an article joins, time budget per build, builds at once (see {@link FactSheets}). */
  sheets?: { debounceMs?: number; maxMsPerBuild?: number; concurrency?: number; queueLimit?: number; waitMs?: number };
  /**
   * Where posted and fetched documents are extracted: `'workers'` (default) a pool of worker
   * threads, each document within the pool's time and memory budget, so that the thread serving
   * requests goes on answering while a page is extracted; `'inline'` this thread (tests).
   */
  extraction?: 'workers' | 'inline';
  fetchUrl?: UrlFetcher;
  now?: () => Date;
  /** How often SSE listeners get articles written by other processes, ms; 0 turns the timer off. */
  eventPollMs?: number;
  /** Webhook delivery settings (receivers' address policy; tests set the clock and backoff); delivered on a timer by default. */
  webhooks?: Omit<WebhookOptions, 'store'>;
}

/** Fetches a page with the guarded fetcher (no private addresses, size and time caps). */
export const fetchUrlDocument: UrlFetcher = async (url) => {
  const result = await fetchDocument(url, { expect: 'html' });
  if (result.kind === 'xml') {
    throw new CrosscheckError('unsupported_format', 'ingest', `${url}: is XML (a feed?), expected an article page`);
  }
  return { origin: { input: url }, format: result.kind === 'text' ? 'text' : 'html', content: result.body, hints: { url: result.finalUrl } };
};

/** How long writes must pause before the stories they changed are re-checked, ms. */
export const SETTLE_AFTER_IDLE_MS = 1000;

/**
 * What the API and the web pages read and write, over one store: story lists and search, story
 * and article views, cached fact sheets, outlets, entities, and ingestion with events.
 */
export class CrosscheckService {
  readonly store: StorePort;
  readonly queries: StoryQueries;
  readonly views: StoryViews;
  readonly factSheets: FactSheets;
  readonly events: StoryEvents;
  /** Saved searches, followed stories and entities, and what they were told. */
  readonly follows: Follows;
  readonly webhooks: WebhookDispatcher;
  private readonly assigner: StoryAssigner;
  private unfollowEvents: (() => void) | null = null;
  /** Stops the PostgreSQL change feed (LISTEN), when the store has one. */
  private unlisten: (() => Promise<void>) | null = null;
  /** Follow updates, one story change after another, in order. */
  private followQueue: Promise<void> = Promise.resolve();
  private readonly fetchUrl: UrlFetcher;
  private readonly extractor: ExtractionPool | null;
  private readonly now: () => Date;
  /** The re-check of changed stories due once writes pause ({@link SETTLE_AFTER_IDLE_MS}). */
  private settleTimer: NodeJS.Timeout | null = null;

  constructor(options: ServiceOptions) {
    this.store = options.store;
    this.queries = new StoryQueries(this.store);
    this.views = new StoryViews(this.store, this.queries);
    const choice = options.sheetBuilder ?? 'workers';
    const threads = options.sheets?.concurrency ?? defaultSheetThreads();
    const maxMsPerBuild = options.sheets?.maxMsPerBuild;
    const builder =
      choice === 'workers' ? createSheetPool({ threads, ...(maxMsPerBuild === undefined ? {} : { maxMsPerBuild }) }) : choice === 'inline' ? INLINE_SHEET_BUILDER : choice;
    this.factSheets = new FactSheets({
      store: this.store,
      queries: this.queries,
      builder,
      loadArticles: (id) => this.views.factSheetArticles(id),
      concurrency: choice === 'inline' ? 1 : threads,
      ...(options.now ? { now: options.now } : {}),
      ...options.sheets,
    });
    this.events = new StoryEvents(this.store, options.eventPollMs ?? EVENT_POLL_MS);
    // Every assignment, by this process or another writer, queues its story's sheet for a rebuild.
    this.events.subscribe((event) => this.factSheets.articleJoined(event.storyId));
    this.assigner = new StoryAssigner(this.store, options.now ? { now: options.now } : {});
    this.fetchUrl = options.fetchUrl ?? fetchUrlDocument;
    // One thread: a server extracts one posted page at a time beside its sheet builds; workers start on the first page.
    this.extractor = options.extraction === 'inline' ? null : createExtractionPool({ threads: 1 });
    const now = options.now ?? (() => new Date());
    this.now = now;
    this.follows = new Follows({ store: this.store, now, factSheet: (id) => this.parsedFactSheet(id) });
    this.webhooks = new WebhookDispatcher({ now, isScheduled: true, ...options.webhooks, store: this.store });
  }

  /**
   * Starts telling the follows of what changes, when there are any (else at the first follow):
   * listens to article events (this process's writes and, polled, other writers').
   */
  async start(): Promise<void> {
    // On PostgreSQL, a commit of assignments by any process (the sequencer) wakes the event stream at once: NOTIFY, beside the poll.
    if (this.store instanceof PostgresStore && !this.unlisten) this.unlisten = await listenForAssignments(this.store, () => void this.events.poll().catch(() => undefined));
    if (await this.follows.hasFollows()) await this.watchForFollows();
  }

  /** Listens to article events for the follows; idempotent. */
  async watchForFollows(): Promise<void> {
    if (this.unfollowEvents) return;
    await this.events.start();
    this.unfollowEvents = this.events.subscribe((event) => {
      this.followQueue = this.followQueue
        .then(async () => {
          await this.webhooks.enqueue(await this.follows.storyChanged(event.storyId));
        })
        .catch((error: unknown) => console.error(error));
    });
  }

  /** Resolves when every article event seen so far has reached the follows (and their webhooks are queued). */
  async followsSettled(): Promise<void> {
    await this.events.poll();
    await this.followQueue;
  }

  private async parsedFactSheet(id: number): Promise<FactSheet | null> {
    const json = await this.factSheetJson(id);
    return json === null ? null : (JSON.parse(json) as FactSheet);
  }

  /** A page of stories; `cursor` wins over `offset`. Throws ApiError 400 for a bad cursor. */
  listStories(query: StoryListQuery): Promise<StoryPage> {
    let offset = query.offset ?? 0;
    if (query.cursor !== undefined) {
      const cursor = decodeCursor(query.cursor);
      if (!cursor) throw new ApiError(400, 'bad_request', 'cursor: not a cursor returned by this API');
      offset = cursor.offset;
    }
    return this.queries.listStories(query, offset);
  }

  /** The live story (following merges) or null. */
  async story(id: number): Promise<StoryDetail | null> {
    const live = await this.queries.liveStoryId(id);
    return live === null ? null : this.queries.cached(`story:${live}`, () => this.views.story(live));
  }

  /** The live story (following merges) without its passages aligned (the story page's), or null. */
  async storyOutline(id: number): Promise<StoryOutline | null> {
    const live = await this.queries.liveStoryId(id);
    return live === null ? null : this.queries.cached(`story-outline:${live}`, () => this.views.storyOutline(live));
  }

  /**
   * The fact sheet of a live story (following merges) as far as it is built: current, stale
   * (the last good one while a rebuild runs), building or failed; null for no such story.
   * Never builds on this thread; waits up to `waitMs` for a first build.
   */
  async factSheet(id: number, options: { waitMs?: number } = {}): Promise<SheetAnswer | null> {
    const live = await this.queries.liveStoryId(id);
    return live === null ? null : this.factSheets.answer(live, options);
  }

  /** The current fact sheet JSON of a live story, waiting for its build (warm-ups, tests); null for no such story. */
  async factSheetJson(id: number): Promise<string | null> {
    const live = await this.queries.liveStoryId(id);
    if (live === null) return null;
    return (await this.factSheets.ensure(live))?.json ?? null;
  }

  article(id: number): Promise<ArticleDetail | null> {
    return this.queries.cached(`article:${id}`, () => this.views.article(id));
  }

  /** Watched feeds with their health, in URL order. */
  async feeds(): Promise<FeedHealth[]> {
    return (await this.store.feeds.list()).map(feedHealth);
  }

  /** The watched feeds as an OPML 2.0 list. */
  async feedsOpml(): Promise<string> {
    return formatOpml(await this.store.feeds.list(), { title: 'crosscheck: watched feeds' });
  }

  /** The outlets of the imported outlets file, by name. */
  outletProfiles(): Promise<OutletProfile[]> {
    return this.queries.cached('outlet-profiles', () => this.store.outletProfiles.list());
  }

  /** A live story's coverage by the labels of the outlets file; null when there is no file (or no story). */
  async groupCoverage(id: number): Promise<GroupCoverage | null> {
    const live = await this.queries.liveStoryId(id);
    return live === null ? null : this.queries.cached(`groups:${live}`, () => storyGroupCoverage(this.store, live));
  }

  outlets(): Promise<OutletSummary[]> {
    return this.queries.outlets();
  }

  entities(options: { limit: number; kind?: string | undefined }): Promise<EntitySummary[]> {
    return this.queries.entities(options);
  }

  /** Stores and assigns an article given as JSON; publishes the event. */
  ingestArticle(body: NewArticleBody): Promise<IngestResult> {
    return this.ingestDocument(documentFromBody(body, body.url ?? 'POST /api/articles'));
  }

  /** Fetches a page, then stores and assigns it. */
  async ingestUrl(url: string): Promise<IngestResult> {
    const doc = await this.fetchUrl(url);
    return this.ingestDocument(doc);
  }

  /** Stores and assigns a document through the one ingest-and-assign path; publishes the event. */
  async ingestDocument(doc: RawDocument): Promise<IngestResult> {
    await this.events.start();
    const at = this.now();
    // Extracted off the thread that serves requests; storing and assigning is the short transaction after it.
    const stored = this.extractor ? await this.assigner.ingestRecord(await buildArticleIn(this.extractor, doc, at, { everyFormat: true }), at) : await this.assigner.ingest(doc);
    const result = ingestResult(stored);
    // The poll publishes the assignment, which queues the story's sheet (see the constructor).
    await this.events.poll();
    this.scheduleSettle();
    // The follows are told before the answer, so that a client reading a feed next sees the change.
    await this.followQueue;
    return result;
  }

  /**
   * Once writes pause, the stories they changed are re-checked (as a batch ingest does at its
   * end), so that the stories do not depend on the order the articles were posted in.
   */
  private scheduleSettle(): void {
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => {
      this.settleTimer = null;
      // A busy store or a failed write is retried with the next pause; the next write catches up.
      this.assigner
        .settle()
        .then(() => this.events.poll())
        .catch(() => undefined);
    }, SETTLE_AFTER_IDLE_MS);
    this.settleTimer.unref();
  }

  /** Stops the event stream and the sheet builds (running ones are cancelled, writing nothing), re-checks the changed stories and saves the story state. */
  async close(): Promise<void> {
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.settleTimer = null;
    this.unfollowEvents?.();
    this.unfollowEvents = null;
    await this.unlisten?.();
    this.unlisten = null;
    this.events.close();
    await this.followQueue;
    this.webhooks.close();
    await this.webhooks.idle();
    await this.factSheets.close();
    await this.extractor?.close();
    await this.assigner.close();
  }
}
