import type { RawDocument } from '../core/types.js';
import type { SqliteStore } from '../store/index.js';
import { buildArticle } from './ingest.js';
import { StoryPipeline, type ProcessedArticle } from './stories.js';

export type LiveResult =
  | { status: 'new'; id: number; title: string | null; story: ProcessedArticle }
  | { status: 'known'; id: number; by: 'text' | 'canonical_url' };

/**
 * Ingests documents one at a time as they arrive (feed watcher, HTTP API): each is extracted,
 * stored, checked for copies and assigned to a story in one transaction, so that the store
 * never holds an article without its story. Keeps the story pipeline in memory between calls.
 */
export class LiveIngestor {
  private readonly pipeline: StoryPipeline;
  private sinceSave = 0;

  constructor(
    private readonly store: SqliteStore,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.pipeline = StoryPipeline.load(store);
  }

  /** Throws a CrosscheckError (`no_content`) naming the input when the document has no article. */
  ingest(doc: RawDocument): LiveResult {
    const at = this.now();
    const record = buildArticle(doc, at);
    return this.store.transaction((): LiveResult => {
      const inserted = this.store.insertArticle(record);
      if (inserted.status === 'known') return { status: 'known', id: inserted.id, by: inserted.by };
      const article = this.store.getArticle(inserted.id);
      if (!article) throw new Error(`article #${inserted.id} vanished inside its own transaction`);
      const story = this.pipeline.process(article, at.toISOString());
      if (++this.sinceSave >= 100) {
        this.pipeline.save(at.toISOString());
        this.sinceSave = 0;
      }
      return { status: 'new', id: inserted.id, title: record.title, story };
    });
  }

  /** Saves the in-memory story state; call when stopping. */
  close(): void {
    this.store.transaction(() => this.pipeline.save(this.now().toISOString()));
  }
}
