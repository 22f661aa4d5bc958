import { EventEmitter } from 'node:events';
import type { StoreReader } from '../store/index.js';

/** How often the store is checked for articles assigned by other writers (the watcher, the CLI), ms. */
export const EVENT_POLL_MS = 1000;

/** An article was stored and assigned to a story. */
export interface ArticleAssignedEvent {
  type: 'article';
  /** Assignment sequence number: increasing, usable as an SSE event id. */
  seq: number;
  articleId: number;
  storyId: number;
  isNewStory: boolean;
  title: string | null;
  source: string | null;
}

/**
 * Article events, read from the store's assignments table: whoever wrote them (a POST in this
 * process, the feed watcher, a CLI ingest on the same file), every assignment is published once,
 * in order. `poll()` runs on a timer while someone listens, and right after this process writes.
 */
export class StoryEvents {
  private readonly emitter = new EventEmitter();
  /** The last assignment published; null until the first poll has read where the log stands. */
  private lastSeq: number | null = null;
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<ArticleAssignedEvent[]> | null = null;
  private closed = false;

  constructor(
    private readonly store: StoreReader,
    private readonly pollMs = EVENT_POLL_MS,
  ) {
    this.emitter.setMaxListeners(0);
  }

  /** Reads where the assignment log stands: events are published from there on. */
  async start(): Promise<void> {
    this.lastSeq ??= await this.store.events.maxSeq();
  }

  /** Subscribes; returns the unsubscribe function. */
  subscribe(listener: (event: ArticleAssignedEvent) => void): () => void {
    this.emitter.on('article', listener);
    if (!this.timer && this.pollMs > 0) {
      this.timer = setInterval(() => void this.poll().catch((error: unknown) => console.error(error)), this.pollMs);
      this.timer.unref();
    }
    return () => {
      this.emitter.off('article', listener);
      if (this.emitter.listenerCount('article') === 0 && this.timer) {
        clearInterval(this.timer);
        this.timer = null;
      }
    };
  }

  get listenerCount(): number {
    return this.emitter.listenerCount('article');
  }

  /** Publishes the assignments made since the last poll; returns them. Polls do not overlap. */
  poll(): Promise<ArticleAssignedEvent[]> {
    this.polling ??= this.readEvents().finally(() => (this.polling = null));
    return this.polling;
  }

  private async readEvents(): Promise<ArticleAssignedEvent[]> {
    if (this.closed) return [];
    if (this.lastSeq === null) {
      await this.start();
      return [];
    }
    const rows = await this.store.events.after(this.lastSeq, 1000);
    if (this.closed) return [];
    const events = rows.map((r): ArticleAssignedEvent => ({ type: 'article', ...r }));
    const last = rows[rows.length - 1];
    if (last) this.lastSeq = last.seq;
    for (const event of events) this.emitter.emit('article', event);
    return events;
  }

  /** Stops the timer and drops every listener. */
  close(): void {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.emitter.removeAllListeners();
  }
}
