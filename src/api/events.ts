import { EventEmitter } from 'node:events';
import type { SqliteStore } from '../store/index.js';

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
  private lastSeq: number;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly store: SqliteStore,
    private readonly pollMs = EVENT_POLL_MS,
  ) {
    this.emitter.setMaxListeners(0);
    this.lastSeq = store.stories.maxSeq();
  }

  /** Subscribes; returns the unsubscribe function. */
  subscribe(listener: (event: ArticleAssignedEvent) => void): () => void {
    this.emitter.on('article', listener);
    if (!this.timer && this.pollMs > 0) {
      this.timer = setInterval(() => this.poll(), this.pollMs);
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

  /** Publishes the assignments made since the last poll; returns them. */
  poll(): ArticleAssignedEvent[] {
    if (!this.store.db.open) return [];
    const rows = this.store.db
      .prepare(
        `SELECT x.seq, x.article_id AS articleId, x.story_id AS storyId, x.is_new AS isNew, a.title, a.source
         FROM assignments x JOIN articles a ON a.id = x.article_id WHERE x.seq > ? ORDER BY x.seq LIMIT 1000`,
      )
      .all(this.lastSeq) as Array<{ seq: number; articleId: number; storyId: number; isNew: number; title: string | null; source: string | null }>;
    const events = rows.map(
      (r): ArticleAssignedEvent => ({
        type: 'article',
        seq: r.seq,
        articleId: r.articleId,
        storyId: this.liveStoryId(r.storyId),
        isNewStory: r.isNew === 1,
        title: r.title,
        source: r.source,
      }),
    );
    const last = rows[rows.length - 1];
    if (last) this.lastSeq = last.seq;
    for (const event of events) this.emitter.emit('article', event);
    return events;
  }

  /** Stops the timer and drops every listener. */
  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.emitter.removeAllListeners();
  }

  private liveStoryId(id: number): number {
    let current = id;
    for (let hops = 0; hops < 100; hops++) {
      const row = this.store.db.prepare('SELECT merged_into AS mergedInto FROM stories WHERE id = ?').get(current) as { mergedInto: number | null } | undefined;
      if (!row || row.mergedInto === null) return current;
      current = row.mergedInto;
    }
    return current;
  }
}
