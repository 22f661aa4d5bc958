import { CrosscheckError, isCrosscheckError } from '../core/errors.js';
import { textIdentityHash } from '../core/index.js';
import { describeOrigin, type ArticleId, type ExtractedArticle, type Origin, type RawDocument } from '../core/types.js';
import { extractHtml, extractPlainText } from '../extract/index.js';
import type { ExtractionPool } from '../extract/index.js';
import type { ReadItem } from '../ingest/index.js';
import type { InsertResult, NewArticle, StorePort } from '../store/index.js';

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
  /**
   * Extraction off this thread, on every core, each document within the pool's budget (batch
   * ingest). Documents are extracted ahead, up to a few per worker, and stored in input order.
   * Without it, extraction runs inline.
   */
  extractor?: Pick<ExtractionPool, 'extract' | 'threads'>;
}

function extractionFailure(doc: RawDocument, error: unknown): CrosscheckError {
  if (isCrosscheckError(error)) return error;
  return new CrosscheckError('no_content', 'extract', `${describeOrigin(doc.origin)}: extraction failed: ${(error as Error).message}`, { cause: error });
}

/** The article record of an extracted document, or throws `no_content` naming the input. */
function toRecord(doc: RawDocument, found: ExtractedArticle | null, now: Date): NewArticle {
  let extracted = found;
  // A feed entry whose page has no article text: the feed's summary stands in.
  if (!extracted && doc.hints.summary) extracted = extractPlainText(doc.hints.summary, doc.hints);
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

/** Extracts one raw document into an article record, or throws a CrosscheckError (`no_content`) naming the input. */
export function buildArticle(doc: RawDocument, now: Date): NewArticle {
  let extracted: ExtractedArticle | null;
  try {
    extracted = doc.format === 'html' ? extractHtml(doc.content, doc.hints) : extractPlainText(doc.content, doc.hints);
  } catch (error) {
    throw extractionFailure(doc, error);
  }
  return toRecord(doc, extracted, now);
}

/**
 * {@link buildArticle} in an extraction pool: HTML off this thread; plain text, which is cheap,
 * inline unless `everyFormat` (a server, whose thread answers requests meanwhile, sends it too).
 */
export async function buildArticleIn(pool: Pick<ExtractionPool, 'extract'>, doc: RawDocument, now: Date, options: { everyFormat?: boolean } = {}): Promise<NewArticle> {
  if (doc.format !== 'html' && options.everyFormat !== true) return buildArticle(doc, now);
  let extracted: ExtractedArticle | null;
  try {
    extracted = await pool.extract(doc);
  } catch (error) {
    throw extractionFailure(doc, error);
  }
  return toRecord(doc, extracted, now);
}

type Built = { ok: true; origin: Origin; record: NewArticle } | { ok: false; origin: Origin; error: CrosscheckError };

/**
 * Extracts and stores every document of a stream, batch-committed. Bad items are reported and
 * skipped; the rest of the stream goes on; nothing already stored is touched. Documents are read
 * and extracted outside any transaction (in an extraction pool when one is given, several ahead):
 * a batch is written in input order in one short transaction when it is full or old enough, and
 * its events are emitted once it is committed.
 */
export async function ingestDocuments(items: AsyncIterable<ReadItem>, store: StorePort, options: IngestOptions = {}): Promise<IngestSummary> {
  const now = options.now ?? (() => new Date());
  const summary: IngestSummary = { new: 0, known: 0, failed: 0, failures: [], articles: [] };
  const emit = options.onEvent ?? (() => undefined);
  const pool = options.extractor;
  // Documents extracted ahead of the one being stored: enough to keep every worker busy.
  const ahead = pool ? Math.max(2, pool.threads * 4) : 0;
  const inFlight: Array<Promise<Built>> = [];
  let batch: Array<{ record: NewArticle; origin: Origin }> = [];
  let batchStarted = 0;
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const items = batch;
    batch = [];
    const results = await store.transaction(async (tx) => {
      const out: InsertResult[] = [];
      for (const item of items) out.push(await tx.articles.insert(item.record));
      return out;
    });
    results.forEach((result, index) => {
      const { record, origin } = items[index]!;
      summary.articles.push({ id: result.id, status: result.status, input: origin.input, location: origin.location ?? null, title: record.title });
      if (result.status === 'new') {
        summary.new++;
        emit({ type: 'new', id: result.id, origin, title: record.title });
      } else {
        summary.known++;
        emit({ type: 'known', id: result.id, origin, by: result.by });
      }
    });
  };
  const fail = (origin: Origin, error: CrosscheckError): void => {
    summary.failed++;
    summary.failures.push({ input: origin.input, location: origin.location ?? null, code: error.code, message: error.message });
    emit({ type: 'failed', origin, error });
  };
  const take = async (built: Built): Promise<void> => {
    if (!built.ok) {
      fail(built.origin, built.error);
      return;
    }
    if (batch.length === 0) batchStarted = Date.now();
    batch.push({ record: built.record, origin: built.origin });
    if (batch.length >= INGEST_BATCH_SIZE || Date.now() - batchStarted >= INGEST_BATCH_MS) await flush();
  };
  const build = async (doc: RawDocument): Promise<Built> => {
    try {
      const record = pool ? await buildArticleIn(pool, doc, now()) : buildArticle(doc, now());
      return { ok: true, origin: doc.origin, record };
    } catch (error) {
      return { ok: false, origin: doc.origin, error: extractionFailure(doc, error) };
    }
  };
  try {
    for await (const item of items) {
      if (options.signal?.aborted) break;
      // Failed items keep their place among the documents still being extracted.
      inFlight.push(item.ok ? build(item.doc) : Promise.resolve({ ok: false, origin: item.origin, error: item.error }));
      while (inFlight.length > ahead) await take(await (inFlight.shift() as Promise<Built>));
    }
    while (inFlight.length > 0) await take(await (inFlight.shift() as Promise<Built>));
  } finally {
    // Whatever was extracted is stored, also when the stream failed or was interrupted.
    await flush();
  }
  return summary;
}
