import { createHash } from 'node:crypto';
import {
  ARTICLE_ANALYSIS_VERSION,
  buildFactSheet,
  FACT_SHEET_VERSION,
  type FactSheet,
  type FactSheetArticle,
  type FactSheetStory,
} from '../analyze/index.js';
import type { SqliteStore } from '../store/index.js';
import type { StoryQueries } from './story-query.js';

/** What builds fact sheets: the analyze module behind a small interface (benches may pass their own). */
export interface FactSheetAnalyzer {
  /** Part of the cache key: cached sheets of another version are rebuilt. */
  readonly version: string;
  build(story: FactSheetStory, articles: FactSheetArticle[]): FactSheet;
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
    private readonly store: SqliteStore,
    private readonly queries: StoryQueries,
    private readonly analyzer: FactSheetAnalyzer,
    private readonly loadArticles: (storyId: number) => FactSheetArticle[],
  ) {}

  /** The key of an article set: analyzer version and a hash of the sorted article ids. */
  keyOf(articleIds: number[]): string {
    const hash = createHash('sha1').update(articleIds.join(',')).digest('hex').slice(0, 20);
    return `${this.analyzer.version}:${articleIds.length}:${hash}`;
  }

  /** The fact sheet of a live story as JSON text, building it when missing or stale; null for no such story. */
  get(storyId: number): string | null {
    return this.getEntry(storyId)?.json ?? null;
  }

  /** Like {@link get}, with the cache key and the encoded body. */
  getEntry(storyId: number): CachedSheet | null {
    const ids = this.queries.storyArticleIds(storyId);
    if (ids.length === 0) return null;
    const key = this.keyOf(ids);
    const hit = this.memory.get(storyId);
    if (hit && hit.key === key) {
      // Refresh its place in the LRU order.
      this.memory.delete(storyId);
      this.memory.set(storyId, hit);
      return hit;
    }
    const row = this.store.db.prepare('SELECT article_key AS key, data FROM fact_sheets WHERE story_id = ?').get(storyId) as
      | { key: string; data: string }
      | undefined;
    if (row && row.key === key) {
      const cached = entry(key, row.data);
      this.remember(storyId, cached);
      return cached;
    }
    const story = this.queries.storyRow(storyId);
    if (!story) return null;
    const sheet = this.analyzer.build({ id: story.id, title: story.title }, this.loadArticles(storyId));
    const json = JSON.stringify(sheet);
    this.builds++;
    this.save(storyId, key, json, entitiesOf(sheet));
    const built = entry(key, json);
    this.remember(storyId, built);
    return built;
  }

  /** Drops a story from memory (the store copy is checked against the key anyway). */
  forget(storyId: number): void {
    this.memory.delete(storyId);
  }

  private save(storyId: number, key: string, json: string, entities: ReturnType<typeof entitiesOf>): void {
    this.store.transaction(() => {
      this.store.db
        .prepare(
          `INSERT INTO fact_sheets (story_id, article_key, version, data, built_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (story_id) DO UPDATE SET article_key = excluded.article_key, version = excluded.version, data = excluded.data, built_at = excluded.built_at`,
        )
        .run(storyId, key, FACT_SHEET_VERSION, json, new Date().toISOString());
      this.store.db.prepare('DELETE FROM fact_sheet_entities WHERE story_id = ?').run(storyId);
      const insert = this.store.db.prepare(
        'INSERT OR REPLACE INTO fact_sheet_entities (story_id, entity_id, name, kind, mentions) VALUES (?, ?, ?, ?, ?)',
      );
      for (const e of entities) insert.run(storyId, e.id, e.name, e.kind, e.mentions);
    });
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
