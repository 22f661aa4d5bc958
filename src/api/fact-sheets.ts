import { createHash } from 'node:crypto';
import {
  ARTICLE_ANALYSIS_VERSION,
  buildFactSheet,
  FACT_SHEET_VERSION,
  type FactSheet,
  type FactSheetArticle,
  type FactSheetStory,
} from '../analyze/index.js';
import { writeCache } from '../pipeline/index.js';
import type { StorePort } from '../store/index.js';
import type { StoryQueries } from './story-query.js';

/** What builds fact sheets: the analyze module behind a small interface (benches may pass their own). */
export interface FactSheetAnalyzer {
  /** Part of the cache key: cached sheets of another version are rebuilt. */
  readonly version: string;
  build(story: FactSheetStory, articles: FactSheetArticle[]): FactSheet | Promise<FactSheet>;
}

/** The analyze module's fact sheet, versioned by its schema and per-article analysis versions. */
export const DEFAULT_ANALYZER: FactSheetAnalyzer = {
  version: `${FACT_SHEET_VERSION}.${ARTICLE_ANALYSIS_VERSION}`,
  build: (story, articles) => buildFactSheet(story, articles),
};

/** The entities of a sheet, flattened for the entity index. */
function entitiesOf(sheet: FactSheet): Array<{ id: string; name: string; kind: string; mentions: number }> {
  const { people, places, organisations } = sheet.entities;
  return [...people, ...places, ...organisations].map((e) => ({ id: e.id, name: e.name, kind: e.kind, mentions: e.count }));
}

/** Fact sheets kept in memory (serialised JSON), least recently used dropped first. */
export const FACT_SHEET_MEMORY_ENTRIES = 2000;

/** A cached sheet: its key (also its ETag), the JSON text, and the same as UTF-8 bytes to send. */
export interface CachedSheet {
  key: string;
  json: string;
  body: Uint8Array<ArrayBuffer>;
}

function entry(key: string, json: string): CachedSheet {
  return { key, json, body: new TextEncoder().encode(json) };
}

/**
 * Fact sheets per story, cached in the store (table `fact_sheets`) and in memory, keyed by the
 * story's article set and the analyzer version: a sheet is rebuilt when an article joins (or
 * leaves, after a merge or recluster), and only then.
 */
export class FactSheetCache {
  private readonly memory = new Map<number, CachedSheet>();
  /** Sheets built since start (cache misses), for tests and benches. */
  builds = 0;

  constructor(
    private readonly store: StorePort,
    private readonly queries: StoryQueries,
    private readonly analyzer: FactSheetAnalyzer,
    private readonly loadArticles: (storyId: number) => Promise<FactSheetArticle[]>,
  ) {}

  /** The key of an article set: analyzer version and a hash of the sorted article ids. */
  keyOf(articleIds: number[]): string {
    const hash = createHash('sha1').update(articleIds.join(',')).digest('hex').slice(0, 20);
    return `${this.analyzer.version}:${articleIds.length}:${hash}`;
  }

  /** The fact sheet of a live story as JSON text, building it when missing or stale; null for no such story. */
  async get(storyId: number): Promise<string | null> {
    return (await this.getEntry(storyId))?.json ?? null;
  }

  /** Like {@link get}, with the cache key and the encoded body. */
  async getEntry(storyId: number): Promise<CachedSheet | null> {
    const ids = await this.queries.storyArticleIds(storyId);
    if (ids.length === 0) return null;
    const key = this.keyOf(ids);
    const hit = this.memory.get(storyId);
    if (hit && hit.key === key) {
      // Refresh its place in the LRU order.
      this.memory.delete(storyId);
      this.memory.set(storyId, hit);
      return hit;
    }
    const row = await this.store.factSheets.get(storyId);
    if (row && row.key === key) {
      const cached = entry(key, row.data);
      this.remember(storyId, cached);
      return cached;
    }
    const story = await this.queries.storyRow(storyId);
    if (!story) return null;
    const sheet = await this.analyzer.build({ id: story.id, title: story.title }, await this.loadArticles(storyId));
    const json = JSON.stringify(sheet);
    this.builds++;
    await this.save(storyId, key, json, entitiesOf(sheet));
    const built = entry(key, json);
    this.remember(storyId, built);
    return built;
  }

  /** Drops a story from memory (the store copy is checked against the key anyway). */
  forget(storyId: number): void {
    this.memory.delete(storyId);
  }

  /** Writes the sheet and its entities through the writer path; skipped when the store stays busy (built again next time). */
  private save(storyId: number, key: string, json: string, entities: ReturnType<typeof entitiesOf>): Promise<void> {
    return writeCache(this.store, (tx) => tx.factSheets.put({ storyId, key, data: json }, FACT_SHEET_VERSION, entities, new Date().toISOString()));
  }

  private remember(storyId: number, sheet: CachedSheet): void {
    this.memory.delete(storyId);
    this.memory.set(storyId, sheet);
    if (this.memory.size > FACT_SHEET_MEMORY_ENTRIES) {
      const oldest = this.memory.keys().next();
      if (!oldest.done) this.memory.delete(oldest.value);
    }
  }
}
