import { EventEmitter } from 'node:events';
import { gzip } from 'node:zlib';
import { FACT_SHEET_VERSION, type FactSheet, type FactSheetArticle } from '../analyze/index.js';
import { CrosscheckError, isCrosscheckError } from '../core/errors.js';
import { saveBuiltAnalyses, sheetAnswerJson, sheetBuildInput, sheetCacheKey, writeCache, type SheetBuilder } from '../pipeline/index.js';
import type { StorePort } from '../store/index.js';
import type { StoryQueries } from './story-query.js';

/** Fact sheets kept in memory (serialised JSON), least recently used dropped first. */
export const FACT_SHEET_MEMORY_ENTRIES = 2000;
/** Parsed fact sheets kept in memory (see {@link FactSheets.parsed}). */
export const PARSED_SHEETS = 8;
/** After an article joins a story, its sheet is rebuilt this much later, ms: joins in between are one rebuild. */
export const FACT_SHEET_DEBOUNCE_MS = 1000;
/** Stories waiting for a rebuild at most; past it the oldest wait is dropped (a reader's request schedules it again). */
export const FACT_SHEET_QUEUE_LIMIT = 256;
/** Wall-clock budget of one build, ms, whatever builds it; over it the build is cancelled and reported. */
export const FACT_SHEET_BUILD_MS = 120_000;
/** How long a request for a story that has no sheet yet waits for its first build before answering 202, ms. */
export const FACT_SHEET_WAIT_MS = 250;
/** `Retry-After` of a 202 (sheet being built), seconds. */
export const FACT_SHEET_RETRY_AFTER_S = 2;
/** A build that failed is not tried again for the same article set before this, ms. */
export const FACT_SHEET_FAILURE_HOLD_MS = 60_000;

/** A built sheet: its key (article set and builder version), JSON text, build time and answer bodies. */
export interface CachedSheet {
  key: string;
  /** The fact sheet as built (docs/fact-sheet-schema.md). */
  json: string;
  /** ISO 8601 time it was built. */
  builtAt: string;
  /** Articles it was built from. */
  articleCount: number;
  /** Answer bodies gzipped, as the builder gave them or once compressed off this thread. */
  gzipped?: { fresh?: Uint8Array<ArrayBuffer>; stale?: Uint8Array<ArrayBuffer> };
}

/** What the API and the pages get for a story's sheet, without ever waiting for a build longer than asked. */
export type SheetAnswer =
  /** The sheet of the story's current articles. */
  | { state: 'fresh'; sheet: CachedSheet }
  /** The last good sheet, of fewer or other articles; a rebuild is queued or running (`error`: why the last one failed). */
  | { state: 'stale'; sheet: CachedSheet; error: string | null }
  /** No sheet yet; one is being built. */
  | { state: 'building'; retryAfterS: number }
  /** No sheet, and the last build of this article set failed. */
  | { state: 'failed'; message: string; retryAfterS: number };

/** How a build ended, for listeners and tests. */
export type SheetBuildEvent =
  | { type: 'built'; storyId: number; key: string; ms: number }
  | { type: 'failed'; storyId: number; key: string; error: Error }
  | { type: 'cancelled'; storyId: number; key: string }
  /** A waiting build dropped from a full queue (a reader's request queues it again). */
  | { type: 'dropped'; storyId: number }
  /** A due build found nothing to do: the stored sheet was current, or the story has no articles. */
  | { type: 'skipped'; storyId: number };

export interface FactSheetsOptions {
  store: StorePort;
  queries: StoryQueries;
  builder: SheetBuilder;
  /** The story's articles as the sheet takes them. */
  loadArticles: (storyId: number) => Promise<FactSheetArticle[]>;
  /** Builds running at once (default 1). */
  concurrency?: number;
  debounceMs?: number;
  queueLimit?: number;
  maxMsPerBuild?: number;
  /** Default wait of {@link FactSheets.answer} for a first build, ms (default {@link FACT_SHEET_WAIT_MS}). */
  waitMs?: number;
  now?: () => Date;
}

interface Running {
  key: string;
  controller: AbortController;
}

interface Failure {
  key: string;
  message: string;
  at: number;
}

/**
 * Fact sheets per story, built off the request thread. A sheet is cached in the store (table
 * `fact_sheets`) and in memory, keyed by the story's article set and the builder version; it is
 * rebuilt when an article joins (debounced per story, in a bounded queue, ahead of readers) and
 * when a reader asks for a story whose article set changed. A reader never waits for a build
 * longer than asked: it gets the current sheet, the last good one marked stale, or "building".
 * Each build runs with a time budget and can be cancelled; a cancelled or failed build writes
 * nothing.
 */
export class FactSheets {
  private readonly memory = new Map<number, CachedSheet>();
  /** Parsed sheets by key, least recently read first. */
  private readonly parsedSheets = new Map<string, { json: string; sheet: FactSheet }>();
  private readonly bodies = new WeakMap<CachedSheet, { fresh?: Uint8Array<ArrayBuffer>; stale?: Uint8Array<ArrayBuffer> }>();
  /** Stories waiting for a build: a timer while debounced, null once due. */
  private readonly waiting = new Map<number, NodeJS.Timeout | null>();
  private readonly running = new Map<number, Running>();
  private readonly failures = new Map<number, Failure>();
  private readonly emitter = new EventEmitter();
  /** Answer bodies being gzipped (`state:key`). */
  private readonly compressing = new Set<string>();
  private readonly store: StorePort;
  private readonly queries: StoryQueries;
  private readonly builder: SheetBuilder;
  private readonly loadArticles: (storyId: number) => Promise<FactSheetArticle[]>;
  private readonly concurrency: number;
  private readonly debounceMs: number;
  private readonly queueLimit: number;
  private readonly maxMsPerBuild: number;
  private readonly waitMs: number;
  private readonly now: () => Date;
  private closed = false;
  /** Sheets built since start, and builds that failed, were cancelled, or were dropped from a full queue. */
  readonly counts = { built: 0, failed: 0, cancelled: 0, dropped: 0 };

  constructor(options: FactSheetsOptions) {
    this.store = options.store;
    this.queries = options.queries;
    this.builder = options.builder;
    this.loadArticles = options.loadArticles;
    this.concurrency = Math.max(1, options.concurrency ?? 1);
    this.debounceMs = options.debounceMs ?? FACT_SHEET_DEBOUNCE_MS;
    this.queueLimit = Math.max(1, options.queueLimit ?? FACT_SHEET_QUEUE_LIMIT);
    this.maxMsPerBuild = options.maxMsPerBuild ?? FACT_SHEET_BUILD_MS;
    this.waitMs = options.waitMs ?? FACT_SHEET_WAIT_MS;
    this.now = options.now ?? (() => new Date());
    this.emitter.setMaxListeners(0);
  }

  /** Sheets built since start (for tests and benches). */
  get builds(): number {
    return this.counts.built;
  }

  /** Stories waiting for a build, and builds running. */
  get pending(): { waiting: number; running: number } {
    return { waiting: this.waiting.size, running: this.running.size };
  }

  /** True while the story's sheet is being built. */
  isBuilding(storyId: number): boolean {
    return this.running.has(storyId);
  }

  /** The key of an article set: builder version and a hash of the sorted article ids. */
  keyOf(articleIds: number[]): string {
    return sheetCacheKey(this.builder.version, articleIds);
  }

  /** Listens to builds ending; returns the unsubscribe function. */
  onBuild(listener: (event: SheetBuildEvent) => void): () => void {
    this.emitter.on('build', listener);
    return () => this.emitter.off('build', listener);
  }

  /**
   * The sheet of a live story, or null when it has no articles. When it is missing or its
   * article set changed, a build is queued at once; a story without any sheet yet is waited
   * for up to `waitMs` (default: the option, else {@link FACT_SHEET_WAIT_MS}; the thread stays free meanwhile).
   */
  async answer(storyId: number, options: { waitMs?: number } = {}): Promise<SheetAnswer | null> {
    const first = await this.answerNow(storyId);
    if (first === null || first.state !== 'building') return first;
    const waitMs = options.waitMs ?? this.waitMs;
    if (waitMs <= 0) return first;
    await this.settled(storyId, waitMs);
    return this.answerNow(storyId);
  }

  /** Like {@link answer} without waiting for a build (only for the reads). */
  async answerNow(storyId: number): Promise<SheetAnswer | null> {
    // The key of the story's article set, read again only when the store has changed.
    const key = await this.queries.cached(`sheet-key:${storyId}`, async () => {
      const ids = await this.queries.storyArticleIds(storyId);
      return ids.length === 0 ? null : this.keyOf(ids);
    });
    if (key === null) return null;
    const current = await this.lookup(storyId);
    if (current && current.key === key) return { state: 'fresh', sheet: current };
    const failure = this.failures.get(storyId);
    const held = failure && failure.key === key && this.now().getTime() - failure.at < FACT_SHEET_FAILURE_HOLD_MS ? failure : null;
    if (!held) this.schedule(storyId, 0);
    if (current) return { state: 'stale', sheet: current, error: held?.message ?? null };
    if (held) return { state: 'failed', message: held.message, retryAfterS: Math.ceil((failure!.at + FACT_SHEET_FAILURE_HOLD_MS - this.now().getTime()) / 1000) };
    return { state: 'building', retryAfterS: FACT_SHEET_RETRY_AFTER_S };
  }

  /**
   * The current sheet of a story, building it if needed and waiting for it (warm-ups, tests);
   * null for a story without articles. Throws the build's error when it failed.
   */
  async ensure(storyId: number): Promise<CachedSheet | null> {
    // Bounded: each round waits for one build to end; articles joining meanwhile start another.
    for (let round = 0; round < 20; round++) {
      const answer = await this.answerNow(storyId);
      if (answer === null) return null;
      if (answer.state === 'fresh') return answer.sheet;
      if (answer.state === 'failed' || (answer.state === 'stale' && answer.error)) {
        throw new CrosscheckError('job_failed', 'analyze', answer.state === 'failed' ? answer.message : answer.error!);
      }
      await this.settled(storyId, Infinity);
    }
    throw new CrosscheckError('job_failed', 'analyze', `fact sheet of story #${storyId}: its articles kept changing while it was built`);
  }

  /**
   * The sheet parsed, kept for the {@link PARSED_SHEETS} sheets read last (a 500-article sheet
   * is megabytes of JSON, too slow to parse on every page view). Callers must not change it.
   */
  parsed(sheet: CachedSheet): FactSheet {
    const known = this.parsedSheets.get(sheet.key);
    if (known && known.json === sheet.json) {
      this.parsedSheets.delete(sheet.key);
      this.parsedSheets.set(sheet.key, known);
      return known.sheet;
    }
    const parsed = JSON.parse(sheet.json) as FactSheet;
    if (this.parsedSheets.size >= PARSED_SHEETS) this.parsedSheets.delete(this.parsedSheets.keys().next().value as string);
    this.parsedSheets.set(sheet.key, { json: sheet.json, sheet: parsed });
    return parsed;
  }

  /** The answer body: the sheet JSON with `freshness` ({ stale, builtAt, articles }) first, as bytes. */
  body(answer: { state: 'fresh' | 'stale'; sheet: CachedSheet }): Uint8Array<ArrayBuffer> {
    const sheet = answer.sheet;
    const bodies = this.bodies.get(sheet) ?? {};
    this.bodies.set(sheet, bodies);
    const stale = answer.state === 'stale';
    const cached = stale ? bodies.stale : bodies.fresh;
    if (cached) return cached;
    const bytes = new TextEncoder().encode(sheetAnswerJson(sheet.json, { stale, builtAt: sheet.builtAt, articles: sheet.articleCount }));
    if (stale) bodies.stale = bytes;
    else bodies.fresh = bytes;
    return bytes;
  }

  /**
   * The gzipped answer body when there is one: built with the sheet in its worker, or else
   * (a sheet read from the store) compressed in zlib's thread pool, null until then.
   */
  gzipOf(answer: { state: 'fresh' | 'stale'; sheet: CachedSheet }): Uint8Array<ArrayBuffer> | null {
    const sheet = answer.sheet;
    const state = answer.state;
    const ready = sheet.gzipped?.[state];
    if (ready) return ready;
    const pending = `${state}:${sheet.key}`;
    if (this.compressing.has(pending)) return null;
    this.compressing.add(pending);
    gzip(this.body(answer), { level: 4 }, (error, result) => {
      this.compressing.delete(pending);
      if (error) return;
      sheet.gzipped = { ...sheet.gzipped, [state]: asBytes(result) };
    });
    return null;
  }

  /** An article joined (or left) a story: its sheet is rebuilt after the debounce delay, before anyone asks. */
  articleJoined(storyId: number): void {
    this.schedule(storyId, this.debounceMs);
  }

  /** Cancels the story's waiting and running builds; a cancelled build writes nothing. */
  cancel(storyId: number): void {
    const timer = this.waiting.get(storyId);
    if (timer) clearTimeout(timer);
    this.waiting.delete(storyId);
    const running = this.running.get(storyId);
    running?.controller.abort(new CrosscheckError('cancelled', 'analyze', `fact sheet of story #${storyId}: cancelled`));
  }

  /** Drops a story from memory (the store copy is checked against the key anyway). */
  forget(storyId: number): void {
    this.memory.delete(storyId);
  }

  /** Cancels every build and stops the builder. */
  async close(): Promise<void> {
    this.closed = true;
    for (const id of [...this.waiting.keys(), ...this.running.keys()]) this.cancel(id);
    await this.builder.close();
  }

  private async lookup(storyId: number): Promise<CachedSheet | null> {
    const hit = this.memory.get(storyId);
    if (hit) {
      this.remember(storyId, hit);
      return hit;
    }
    const row = await this.store.factSheets.get(storyId);
    // Another lookup may have read it meanwhile, or a build put a newer one: that one wins.
    const meanwhile = this.memory.get(storyId);
    if (meanwhile) return meanwhile;
    if (!row) return null;
    const count = Number(/^[^:]*:(\d+):/.exec(row.key)?.[1] ?? 0);
    const sheet: CachedSheet = { key: row.key, json: row.data, builtAt: row.builtAt, articleCount: count };
    this.remember(storyId, sheet);
    return sheet;
  }

  private remember(storyId: number, sheet: CachedSheet): void {
    this.memory.delete(storyId);
    this.memory.set(storyId, sheet);
    if (this.memory.size > FACT_SHEET_MEMORY_ENTRIES) {
      const oldest = this.memory.keys().next();
      if (!oldest.done) this.memory.delete(oldest.value);
    }
  }

  /** Resolves when a build of the story ends (or after `ms`). */
  private settled(storyId: number, ms: number): Promise<void> {
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | null = null;
      const off = this.onBuild((event) => {
        if (event.storyId !== storyId) return;
        done();
      });
      const done = (): void => {
        off();
        if (timer) clearTimeout(timer);
        resolve();
      };
      if (Number.isFinite(ms)) timer = setTimeout(done, ms);
      if (!this.waiting.has(storyId) && !this.running.has(storyId)) done();
    });
  }

  /** Queues a build of the story in `delayMs` (0: due now); a story already waiting keeps its place, or is made due. */
  private schedule(storyId: number, delayMs: number): void {
    if (this.closed) return;
    const existing = this.waiting.get(storyId);
    if (existing !== undefined) {
      if (delayMs === 0 && existing !== null) {
        clearTimeout(existing);
        this.waiting.set(storyId, null);
        this.pump();
      }
      return;
    }
    if (this.waiting.size >= this.queueLimit) {
      // The oldest wait goes: its sheet is only stale, and a reader's request queues it again.
      const oldest = this.waiting.keys().next();
      if (!oldest.done) {
        const timer = this.waiting.get(oldest.value);
        if (timer) clearTimeout(timer);
        this.waiting.delete(oldest.value);
        this.counts.dropped++;
        this.emitter.emit('build', { type: 'dropped', storyId: oldest.value } satisfies SheetBuildEvent);
      }
    }
    if (delayMs <= 0) {
      this.waiting.set(storyId, null);
      this.pump();
      return;
    }
    const timer = setTimeout(() => {
      if (this.waiting.get(storyId) !== timer) return;
      this.waiting.set(storyId, null);
      this.pump();
    }, delayMs);
    timer.unref();
    this.waiting.set(storyId, timer);
  }

  /** Starts due builds while there is room; a story being built waits for its build to end. */
  private pump(): void {
    if (this.closed) return;
    for (const [storyId, timer] of this.waiting) {
      if (this.running.size >= this.concurrency) return;
      if (timer !== null || this.running.has(storyId)) continue;
      this.waiting.delete(storyId);
      this.start(storyId);
    }
  }

  private start(storyId: number): void {
    const controller = new AbortController();
    // Registered before the first read: the story is building from now on, never twice at once.
    const entry: Running = { key: '', controller };
    this.running.set(storyId, entry);
    const started = performance.now();
    const timer = setTimeout(() => {
      controller.abort(new CrosscheckError('over_budget', 'analyze', `fact sheet of story #${storyId}: took longer than ${this.maxMsPerBuild} ms and was cancelled`));
    }, this.maxMsPerBuild);
    timer.unref();
    const checkpoint = (): void => {
      if (controller.signal.aborted) throw controller.signal.reason as Error;
      if (this.closed) throw new CrosscheckError('cancelled', 'analyze', `fact sheet of story #${storyId}: the server is closing`);
    };
    // Reading the story happens here, on this thread; the analysis in the builder. Each read and
    // write runs between requests: every step lets waiting requests in first.
    const run = async (): Promise<boolean> => {
      const ids = await this.queries.storyArticleIds(storyId);
      const story = ids.length ? await this.queries.storyRow(storyId) : null;
      if (!story || (await this.lookup(storyId))?.key === this.keyOf(ids)) return false;
      checkpoint();
      // The sheet is stamped with the time its articles were read, and keyed by the articles read.
      const builtAt = this.now().toISOString();
      const articles = await this.loadArticles(storyId);
      if (articles.length === 0) return false;
      const articleIds = articles.map((a) => a.id).sort((x, y) => x - y);
      const key = this.keyOf(articleIds);
      entry.key = key;
      await yieldToRequests();
      checkpoint();
      const input = { ...(await sheetBuildInput(this.store, { id: story.id, title: story.title }, articles)), builtAt };
      checkpoint();
      const output = await abortable(this.builder.build(input, controller.signal), controller.signal);
      await yieldToRequests();
      checkpoint();
      // Written only now, after the last check: a cancelled or failed build leaves nothing.
      await saveBuiltAnalyses(this.store, output);
      await writeCache(this.store, (tx) => tx.factSheets.put({ storyId, key, data: output.json }, FACT_SHEET_VERSION, output.entities, builtAt));
      const gzipped = output.gzipped ? { fresh: asBytes(output.gzipped.fresh), stale: asBytes(output.gzipped.stale) } : undefined;
      this.remember(storyId, { key, json: output.json, builtAt, articleCount: articles.length, ...(gzipped ? { gzipped } : {}) });
      return true;
    };
    run().then(
      (built) => {
        if (!built) {
          this.end(storyId, timer, { type: 'skipped', storyId });
          return;
        }
        this.counts.built++;
        this.failures.delete(storyId);
        this.end(storyId, timer, { type: 'built', storyId, key: entry.key, ms: performance.now() - started });
      },
      (reason: unknown) => {
        const error = reason instanceof Error ? reason : new Error(String(reason));
        if ((error as { code?: unknown }).code === 'cancelled') {
          this.counts.cancelled++;
          this.end(storyId, timer, { type: 'cancelled', storyId, key: entry.key });
        } else {
          this.counts.failed++;
          // Only our own errors are worded for readers; anything else stays in the log.
          const message = isCrosscheckError(error) ? error.message : `fact sheet of story #${storyId}: the build failed (internal error)`;
          this.failures.set(storyId, { key: entry.key, message, at: this.now().getTime() });
          this.end(storyId, timer, { type: 'failed', storyId, key: entry.key, error });
        }
      },
    );
  }

  private end(storyId: number, timer: NodeJS.Timeout, event: SheetBuildEvent): void {
    clearTimeout(timer);
    this.running.delete(storyId);
    this.emitter.emit('build', event);
    this.pump();
  }
}

/** The promise, or the signal's reason as soon as it aborts (a builder that ignores its signal is not waited for). */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

function asBytes(data: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(data.buffer as ArrayBuffer, data.byteOffset, data.byteLength);
}

/** Resolves after the I/O callbacks already due (requests waiting to be served) have run. */
function yieldToRequests(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
