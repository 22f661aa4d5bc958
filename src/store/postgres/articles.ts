import { gunzipSync, gzipSync } from 'node:zlib';
import type { ArticleId, DateProvenance, DocumentHints, StoredArticle } from '../../core/types.js';
import { readParagraphs, reportDamage } from '../damage.js';
import type { ArticleWriter, ExtractionUpdate, RawRecord } from '../port.js';
import type { ArticleFilter, InsertResult, NewArticle } from '../types.js';
import type { Db } from './db.js';

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

/** Processing order: publication, else arrival, then id (as the SQLite store orders). */
const PROCESSING_ORDER = 'COALESCE(published, ingested_at), id';

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

/** The columns extraction gives an article, in the order of `$2..$12` below (shared by insert and re-extraction). */
function extractionValues(article: ExtractionUpdate): unknown[] {
  return [
    article.url,
    article.canonicalUrl,
    article.title,
    article.source,
    article.byline,
    article.published,
    article.publishedFrom,
    article.language,
    JSON.stringify(article.paragraphs),
    article.text,
    article.textHash,
  ];
}

/** Text NUL bytes are refused by PostgreSQL (SQLite keeps them): a value that has some is stored without them. */
function noNul<T>(value: T): T {
  return (typeof value === 'string' && value.includes('\u0000') ? value.replace(/\u0000/g, '') : value) as T;
}

/** Articles on PostgreSQL, with their raw input gzip-compressed (BYTEA). */
export class PostgresArticles implements ArticleWriter {
  constructor(private readonly db: Db) {}

  private async findDuplicate(canonicalUrl: string | null, textHash: string): Promise<{ id: ArticleId; by: 'text' | 'canonical_url' } | null> {
    const byText = await this.db.value<number>('SELECT id FROM articles WHERE text_hash = $1', [textHash]);
    if (byText !== undefined) return { id: byText as ArticleId, by: 'text' };
    if (canonicalUrl) {
      const byUrl = await this.db.value<number>('SELECT id FROM articles WHERE canonical_url = $1 ORDER BY id LIMIT 1', [canonicalUrl]);
      if (byUrl !== undefined) return { id: byUrl as ArticleId, by: 'canonical_url' };
    }
    return null;
  }

  async insert(article: NewArticle): Promise<InsertResult> {
    const duplicate = await this.findDuplicate(article.canonicalUrl, article.textHash);
    if (duplicate) return { status: 'known', id: duplicate.id, by: duplicate.by };
    // Writers take turns under the store's write lock, so the check above stands; the unique text
    // hash still guards a writer that does not take it.
    const id = await this.db.value<number>(
      `INSERT INTO articles (external_id, url, canonical_url, title, source, byline, published, published_from, language,
         paragraphs, text, text_hash, format, origin, hints, raw, extractor_version, ingested_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
       ON CONFLICT (text_hash) DO NOTHING RETURNING id`,
      [
        article.externalId,
        ...extractionValues(article),
        article.format,
        article.origin,
        JSON.stringify(article.hints),
        gzipSync(article.raw),
        article.extractorVersion,
        article.ingestedAt,
      ].map(noNul),
    );
    if (id === undefined) {
      const known = await this.findDuplicate(null, article.textHash);
      if (known) return { status: 'known', id: known.id, by: known.by };
      throw new Error(`article ${article.textHash} was neither stored nor found`);
    }
    return { status: 'new', id: id as ArticleId };
  }

  async updateExtraction(id: number, article: ExtractionUpdate): Promise<void> {
    // New text, new keys: the old ones are dropped, and made again from the new text at the next load.
    await this.db.run('DELETE FROM copy_keys WHERE article_id = $1', [id]);
    await this.db.run(
      `UPDATE articles SET url = $2, canonical_url = $3, title = $4, source = $5, byline = $6, published = $7, published_from = $8,
         language = $9, paragraphs = $10, text = $11, text_hash = $12, extractor_version = $13 WHERE id = $1`,
      [id, ...extractionValues(article), article.extractorVersion].map(noNul),
    );
  }

  async published(ids: readonly number[]): Promise<Map<number, string | null>> {
    const rows = await this.db.rows<{ id: number; published: string | null }>('SELECT id, published FROM articles WHERE id = ANY($1::bigint[])', [ids.map(Number)]);
    return new Map(rows.map((r) => [r.id, r.published]));
  }

  async hasUrl(url: string): Promise<boolean> {
    return (await this.db.value('SELECT 1 FROM articles WHERE url = $1 OR canonical_url = $1 LIMIT 1', [url])) !== undefined;
  }

  async get(id: number): Promise<StoredArticle | null> {
    const row = await this.db.row<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = $1`, [id]);
    return row ? rowToArticle(row) : null;
  }

  async getMany(ids: readonly number[]): Promise<StoredArticle[]> {
    const byId = new Map<number, StoredArticle>();
    for (let start = 0; start < ids.length; start += 1000) {
      const chunk = ids.slice(start, start + 1000).map(Number);
      for (const row of await this.db.rows<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = ANY($1::bigint[])`, [chunk])) byId.set(row.id, rowToArticle(row));
    }
    return ids.flatMap((id) => byId.get(Number(id)) ?? []);
  }

  async raw(id: number): Promise<RawRecord | null> {
    const row = await this.db.row<{ raw: Buffer; hints: string; format: 'html' | 'text'; origin: string }>('SELECT raw, hints, format, origin FROM articles WHERE id = $1', [id]);
    if (!row) return null;
    return { content: gunzipSync(row.raw).toString('utf8'), hints: JSON.parse(row.hints) as DocumentHints, format: row.format, origin: row.origin };
  }

  async list(filter: ArticleFilter = {}): Promise<StoredArticle[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    if (filter.source !== undefined) where.push(`lower(source) = lower(${param(filter.source)})`);
    if (filter.since !== undefined) where.push(`published >= ${param(filter.since)}`);
    if (filter.until !== undefined) {
      // `until` is inclusive of the whole day when given as a date.
      where.push(`published < ${param(/^\d{4}-\d{2}-\d{2}$/.test(filter.until) ? `${filter.until}T99` : filter.until)}`);
    }
    if (filter.ids !== undefined) where.push(`id = ANY(${param(filter.ids.map(Number))}::bigint[])`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const order = filter.order === 'id' ? 'id' : PROCESSING_ORDER;
    const limit = filter.limit !== undefined ? `LIMIT ${Math.max(0, Math.floor(filter.limit))}` : '';
    return (await this.db.rows<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles ${clause} ORDER BY ${order} ${limit}`, params)).map(rowToArticle);
  }

  async count(): Promise<number> {
    return (await this.db.value<number>('SELECT count(*) FROM articles')) ?? 0;
  }

  async pendingIds(limit?: number): Promise<number[]> {
    const rows = await this.db.rows<{ id: number }>(
      `SELECT a.id FROM articles a WHERE NOT EXISTS (SELECT 1 FROM assignments s WHERE s.article_id = a.id)
       ORDER BY COALESCE(a.published, a.ingested_at), a.id LIMIT $1`,
      [limit ?? null],
    );
    return rows.map((r) => r.id);
  }

  async languages(limit: number): Promise<string[]> {
    const rows = await this.db.rows<{ language: string }>(
      'SELECT language FROM articles WHERE language IS NOT NULL GROUP BY language ORDER BY count(*) DESC, language LIMIT $1',
      [limit],
    );
    return rows.map((r) => r.language);
  }

  async outletNames(): Promise<Array<{ name: string; articles: number }>> {
    return this.db.rows('SELECT source AS name, count(*) AS articles FROM articles WHERE source IS NOT NULL GROUP BY source ORDER BY articles DESC, source');
  }
}
