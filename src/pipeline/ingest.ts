import { CrosscheckError, isCrosscheckError } from '../core/errors.js';
import { textIdentityHash } from '../core/index.js';
import { describeOrigin, type ArticleId, type ExtractedArticle, type Origin, type RawDocument } from '../core/types.js';
import { extractHtml, extractPlainText } from '../extract/index.js';
import type { ReadItem } from '../ingest/index.js';
import type { NewArticle, SqliteStore } from '../store/index.js';

/** How many inserts share one transaction: fast, and a kill loses at most this many (re-ingested on the next run). */
export const INGEST_BATCH_SIZE = 200;
/** A batch is committed at least this often, so a slow stream (feeds, WARC) does not hold work back. */
export const INGEST_BATCH_MS = 1000;

export type IngestEvent =
  | { type: 'new'; id: ArticleId; origin: Origin; title: string | null }
  | { type: 'known'; id: ArticleId; origin: Origin; by: 'text' | 'canonical_url' }
  | { type: 'failed'; origin: Origin; error: CrosscheckError };

export interface IngestFailure {
  input: string;
  location: string | null;
  code: string;
  message: string;
}

export interface IngestSummary {
  new: number;
  known: number;
  failed: number;
  failures: IngestFailure[];
  articles: Array<{ id: number; status: 'new' | 'known'; input: string; location: string | null; title: string | null }>;
}

export interface IngestOptions {
  onEvent?: (event: IngestEvent) => void;
  now?: () => Date;
  signal?: AbortSignal;
}

/** Extracts one raw document into an article record, or throws a CrosscheckError (`no_content`) naming the input. */
export function buildArticle(doc: RawDocument, now: Date): NewArticle {
  let extracted: ExtractedArticle | null;
  try {
    extracted = doc.format === 'html' ? extractHtml(doc.content, doc.hints) : extractPlainText(doc.content, doc.hints);
    // A feed entry whose page has no article text: the feed's summary stands in.
    if (!extracted && doc.hints.summary) extracted = extractPlainText(doc.hints.summary, doc.hints);
  } catch (error) {
    throw new CrosscheckError('no_content', 'extract', `${describeOrigin(doc.origin)}: extraction failed: ${(error as Error).message}`, { cause: error });
  }
  if (!extracted || extracted.paragraphs.length === 0) {
    throw new CrosscheckError('no_content', 'extract', `${describeOrigin(doc.origin)}: no article text found`);
  }
  const text = extracted.paragraphs.join('\n\n');
  return {
    ...extracted,
    externalId: doc.hints.id ?? null,
    text,
    textHash: textIdentityHash(text),
    format: doc.format,
    origin: describeOrigin(doc.origin),
    ingestedAt: now.toISOString(),
    raw: doc.content,
    hints: doc.hints,
  };
}

/**
 * Extracts and stores every document of a stream, batch-committed. Bad items are reported and
 * skipped; the rest of the stream goes on; nothing already stored is touched.
 */
export async function ingestDocuments(items: AsyncIterable<ReadItem>, store: SqliteStore, options: IngestOptions = {}): Promise<IngestSummary> {
  const now = options.now ?? (() => new Date());
  const summary: IngestSummary = { new: 0, known: 0, failed: 0, failures: [], articles: [] };
  const emit = options.onEvent ?? (() => undefined);
  let pending = 0;
  let batchStarted = 0;
  const commit = (): void => {
    if (store.db.inTransaction) store.db.exec('COMMIT');
    pending = 0;
  };
  const fail = (origin: Origin, error: CrosscheckError): void => {
    summary.failed++;
    summary.failures.push({ input: origin.input, location: origin.location ?? null, code: error.code, message: error.message });
    emit({ type: 'failed', origin, error });
  };
  try {
    for await (const item of items) {
      if (options.signal?.aborted) break;
      if (!item.ok) {
        fail(item.origin, item.error);
        continue;
      }
      let record: NewArticle;
      try {
        record = buildArticle(item.doc, now());
      } catch (error) {
        fail(item.doc.origin, isCrosscheckError(error) ? error : new CrosscheckError('no_content', 'extract', String(error), { cause: error }));
        continue;
      }
      if (!store.db.inTransaction) {
        store.db.exec('BEGIN');
        batchStarted = Date.now();
      }
      const result = store.insertArticle(record);
      const origin = item.doc.origin;
      summary.articles.push({ id: result.id, status: result.status, input: origin.input, location: origin.location ?? null, title: record.title });
      if (result.status === 'new') {
        summary.new++;
        emit({ type: 'new', id: result.id, origin, title: record.title });
      } else {
        summary.known++;
        emit({ type: 'known', id: result.id, origin, by: result.by });
      }
      pending++;
      if (pending >= INGEST_BATCH_SIZE || Date.now() - batchStarted >= INGEST_BATCH_MS) commit();
    }
  } finally {
    commit();
  }
  return summary;
}
