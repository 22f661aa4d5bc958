import { gunzipSync, gzipSync } from 'node:zlib';
import type Database from 'better-sqlite3';
import type { ArticleId, DateProvenance, DocumentHints, StoredArticle } from '../../core/types.js';
import type { ArticleWriter, ExtractionUpdate, RawRecord } from '../port.js';
import type { ArticleFilter, InsertResult, NewArticle } from '../types.js';
import { readParagraphs, reportDamage } from '../damage.js';
import type { Sync } from './sync.js';

interface ArticleRow {
  id: number;
  external_id: string | null;
  url: string | null;
  canonical_url: string | null;
  title: string | null;
  source: string | null;
  byline: string | null;
  published: string | null;
  published_from: string | null;
  language: string | null;
  paragraphs: string;
  text: string;
  text_hash: string;
  format: 'html' | 'text';
  origin: string;
  extractor_version: number;
  ingested_at: string;
}

const ARTICLE_COLUMNS = `id, external_id, url, canonical_url, title, source, byline, published, published_from,
  language, paragraphs, text, text_hash, format, origin, extractor_version, ingested_at`;

function rowToArticle(row: ArticleRow): StoredArticle {
  const { paragraphs, damage } = readParagraphs(row);
  if (damage) reportDamage(damage);
  return {
    id: row.id as ArticleId,
    externalId: row.external_id,
    url: row.url,
    canonicalUrl: row.canonical_url,
    title: row.title,
    source: row.source,
    byline: row.byline,
    published: row.published,
    publishedFrom: row.published_from as DateProvenance | null,
    language: row.language,
    paragraphs,
    text: row.text,
    textHash: row.text_hash,
    format: row.format,
    origin: row.origin,
    extractorVersion: row.extractor_version,
    ingestedAt: row.ingested_at,
  };
}

/** The columns extraction gives an article, as statement parameters: shared by insert and re-extraction. */
function extractionParams(article: ExtractionUpdate): Record<string, string | number | null> {
  return {
    url: article.url,
    canonicalUrl: article.canonicalUrl,
    title: article.title,
    source: article.source,
    byline: article.byline,
    published: article.published,
    publishedFrom: article.publishedFrom,
    language: article.language,
    paragraphs: JSON.stringify(article.paragraphs),
    text: article.text,
    textHash: article.textHash,
  };
}

/** Articles on SQLite, with their raw input gzip-compressed. */
export class SqliteArticles implements Sync<ArticleWriter> {
  /** Prepared once: ingest calls these for every article. */
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private findDuplicate(canonicalUrl: string | null, textHash: string): { id: ArticleId; by: 'text' | 'canonical_url' } | null {
    const byText = this.statement('SELECT id FROM articles WHERE text_hash = ?').get(textHash) as { id: number } | undefined;
    if (byText) return { id: byText.id as ArticleId, by: 'text' };
    if (canonicalUrl) {
      const byUrl = this.statement('SELECT id FROM articles WHERE canonical_url = ? ORDER BY id LIMIT 1').get(canonicalUrl) as { id: number } | undefined;
      if (byUrl) return { id: byUrl.id as ArticleId, by: 'canonical_url' };
    }
    return null;
  }

  insert(article: NewArticle): InsertResult {
    const duplicate = this.findDuplicate(article.canonicalUrl, article.textHash);
    if (duplicate) return { status: 'known', id: duplicate.id, by: duplicate.by };
    const info = this.statement(
      `INSERT INTO articles (external_id, url, canonical_url, title, source, byline, published, published_from, language,
         paragraphs, text, text_hash, format, origin, hints, raw, extractor_version, ingested_at)
       VALUES (@externalId, @url, @canonicalUrl, @title, @source, @byline, @published, @publishedFrom, @language,
         @paragraphs, @text, @textHash, @format, @origin, @hints, @raw, @extractorVersion, @ingestedAt)`,
    ).run({
      externalId: article.externalId,
      ...extractionParams(article),
      format: article.format,
      origin: article.origin,
      hints: JSON.stringify(article.hints),
      raw: gzipSync(article.raw),
      extractorVersion: article.extractorVersion,
      ingestedAt: article.ingestedAt,
    });
    return { status: 'new', id: Number(info.lastInsertRowid) as ArticleId };
  }

  updateExtraction(id: number, article: ExtractionUpdate): void {
    // New text, new keys: the old ones are dropped, and made again from the new text at the next load.
    this.statement('DELETE FROM copy_keys WHERE article_id = ?').run(id);
    this.statement(
      `UPDATE articles SET url = @url, canonical_url = @canonicalUrl, title = @title, source = @source, byline = @byline,
         published = @published, published_from = @publishedFrom, language = @language, paragraphs = @paragraphs,
         text = @text, text_hash = @textHash, extractor_version = @extractorVersion WHERE id = @id`,
    ).run({
      id,
      ...extractionParams(article),
      extractorVersion: article.extractorVersion,
    });
  }

  published(ids: readonly number[]): Map<number, string | null> {
    const result = new Map<number, string | null>();
    for (let start = 0; start < ids.length; start += 500) {
      const chunk = ids.slice(start, start + 500).map((id) => Number(id));
      const rows = this.db.prepare(`SELECT id, published FROM articles WHERE id IN (${chunk.map(() => '?').join(',')})`).all(...chunk) as Array<{ id: number; published: string | null }>;
      for (const row of rows) result.set(row.id, row.published);
    }
    return result;
  }

  hasUrl(url: string): boolean {
    return this.statement('SELECT 1 FROM articles WHERE url = ? OR canonical_url = ? LIMIT 1').get(url, url) !== undefined;
  }

  get(id: number): StoredArticle | null {
    const row = this.statement(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = ?`).get(id) as ArticleRow | undefined;
    return row ? rowToArticle(row) : null;
  }

  getMany(ids: readonly number[]): StoredArticle[] {
    const byId = new Map<number, StoredArticle>();
    for (let start = 0; start < ids.length; start += 500) {
      const chunk = ids.slice(start, start + 500).map((id) => Number(id));
      const rows = this.db.prepare(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id IN (${chunk.map(() => '?').join(',')})`).all(...chunk) as ArticleRow[];
      for (const row of rows) byId.set(row.id, rowToArticle(row));
    }
    return ids.flatMap((id) => byId.get(Number(id)) ?? []);
  }

  raw(id: number): RawRecord | null {
    const row = this.statement('SELECT raw, hints, format, origin FROM articles WHERE id = ?').get(id) as
      | { raw: Buffer; hints: string; format: 'html' | 'text'; origin: string }
      | undefined;
    if (!row) return null;
    return { content: gunzipSync(row.raw).toString('utf8'), hints: JSON.parse(row.hints) as DocumentHints, format: row.format, origin: row.origin };
  }

  list(filter: ArticleFilter = {}): StoredArticle[] {
    const where: string[] = [];
    const params: Record<string, string | number> = {};
    if (filter.source !== undefined) {
      where.push('source = @source COLLATE NOCASE');
      params.source = filter.source;
    }
    if (filter.since !== undefined) {
      where.push('published >= @since');
      params.since = filter.since;
    }
    if (filter.until !== undefined) {
      // `until` is inclusive of the whole day when given as a date.
      where.push('published < @until');
      params.until = /^\d{4}-\d{2}-\d{2}$/.test(filter.until) ? `${filter.until}T99` : filter.until;
    }
    if (filter.ids !== undefined) {
      where.push(`id IN (${filter.ids.map((id) => Number(id)).join(',') || 'NULL'})`);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const order = filter.order === 'id' ? 'id' : 'COALESCE(published, ingested_at), id';
    const limit = filter.limit !== undefined ? `LIMIT ${Math.max(0, Math.floor(filter.limit))}` : '';
    const rows = this.db.prepare(`SELECT ${ARTICLE_COLUMNS} FROM articles ${clause} ORDER BY ${order} ${limit}`).all(params) as ArticleRow[];
    return rows.map(rowToArticle);
  }

  count(): number {
    return (this.statement('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
  }

  pendingIds(limit?: number): number[] {
    return this.statement(
      `SELECT a.id FROM articles a LEFT JOIN assignments s ON s.article_id = a.id
       WHERE s.article_id IS NULL ORDER BY COALESCE(a.published, a.ingested_at), a.id LIMIT ?`,
    )
      .pluck()
      .all(limit ?? -1) as number[];
  }

  languages(limit: number): string[] {
    return this.statement('SELECT language FROM articles WHERE language IS NOT NULL GROUP BY language ORDER BY count(*) DESC, language LIMIT ?')
      .pluck()
      .all(limit) as string[];
  }

  outletNames(): Array<{ name: string; articles: number }> {
    return this.statement('SELECT source AS name, count(*) AS articles FROM articles WHERE source IS NOT NULL GROUP BY source ORDER BY articles DESC, source').all() as Array<{
      name: string;
      articles: number;
    }>;
  }
}
