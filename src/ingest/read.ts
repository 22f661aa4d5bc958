import { CrosscheckError } from '../core/errors.js';
import type { Origin } from '../core/types.js';
import {
  DEFAULT_MAX_GZIP_RATIO,
  emptySummary,
  failureItem,
  MAX_DOCUMENT_BYTES,
  type ReadContext,
  type ReadItem,
  type ReadOptions,
  type ReadSummary,
} from './context.js';
import { readDocument } from './document.js';
import { INGEST_STAGE, ingestError, toIngestError } from './fault.js';
import { formatFromPath, type InputFormat } from './formats.js';
import { readJsonl } from './jsonl.js';
import { isArcName, isBinary, looksLikeArc, looksLikeWarc, SNIFF_BYTES, sniffFormat } from './sniff.js';
import { openSource, type Source } from './source.js';
import { walkInput, type WalkEntry } from './walk.js';
import { readWarc } from './warc.js';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function invalidOption(message: string): CrosscheckError {
  return new CrosscheckError('invalid_argument', INGEST_STAGE, message);
}

function resolveContext(options: ReadOptions, summary: ReadSummary): ReadContext {
  const maxDocumentBytes = options.maxDocumentBytes ?? MAX_DOCUMENT_BYTES;
  const maxGzipRatio = options.maxGzipRatio ?? DEFAULT_MAX_GZIP_RATIO;
  if (!Number.isSafeInteger(maxDocumentBytes) || maxDocumentBytes < 1) {
    throw invalidOption(`maxDocumentBytes must be a positive integer, found ${maxDocumentBytes}`);
  }
  if (!(maxGzipRatio > 1)) throw invalidOption(`maxGzipRatio must be above 1, found ${maxGzipRatio}`);
  const date = options.date;
  if (date !== undefined && (!ISO_DAY.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)))) {
    throw invalidOption(`date must be YYYY-MM-DD, found "${date}"`);
  }
  const source = options.source?.trim() || undefined;
  return { maxDocumentBytes, maxGzipRatio, source, date, onRawBytes: options.onProgress, summary };
}

/**
 * Reads the inputs in order (folders recursively, sorted by name) and yields one item per
 * document found, or per failure: a missing, unreadable, empty, binary or oversized file,
 * a bad JSONL line, a cut WARC... Each failure is a CrosscheckError naming the input and the
 * place (`line 3`, `record at offset 4096`); reading then goes on with the next line, record
 * or file. Never throws for bad input; throws `invalid_argument` for bad options.
 *
 * Formats by extension (each also as `.gz`, and gzip is recognised by content whatever the
 * name): `.html`/`.htm`/`.xhtml` (one HTML document), `.txt` (one text document, read as
 * HTML when it starts like an HTML page), `.jsonl`/`.ndjson` (one article per line), `.warc`
 * (HTML responses). In folders, other extensions and hidden entries are skipped and counted;
 * a file named explicitly with another extension is sniffed (WARC, HTML, UTF-8 text) or
 * refused as `unsupported_format`.
 *
 * Memory stays bounded by maxDocumentBytes whatever the input size: JSONL and WARC are
 * streamed. The generator's return value counts files, documents, errors and skips.
 */
export async function* readInputs(inputs: string[], options: ReadOptions = {}): AsyncGenerator<ReadItem, ReadSummary, undefined> {
  const summary = emptySummary();
  const context = resolveContext(options, summary);
  for (const input of inputs) {
    for await (const entry of walkInput(input)) {
      for await (const item of readEntry(entry, context)) {
        if (item.ok) summary.documents++;
        else summary.errors++;
        yield item;
      }
    }
  }
  return summary;
}

async function* readEntry(entry: WalkEntry, context: ReadContext): AsyncGenerator<ReadItem> {
  switch (entry.kind) {
    case 'error':
      yield failureItem(entry.origin, entry.error);
      return;
    case 'skipped':
      context.summary.skipped[entry.reason]++;
      return;
    case 'file':
      context.summary.files++;
      yield* readFile(entry.path, entry.size, context);
      return;
  }
}

function tooLarge(origin: Origin, size: number, limit: number): ReadItem {
  return failureItem(origin, ingestError('too_large', origin, `the file is ${size} bytes, over the limit of ${limit} bytes for one document`));
}

/** Decides how to read an opened file from its name and its first bytes; a failure when it cannot be read. */
function chooseFormat(named: InputFormat | null, head: Buffer, origin: Origin): InputFormat | ReadItem {
  if (head.length === 0) return failureItem(origin, ingestError('empty_input', origin, 'the file is empty'));
  if (isArcName(origin.input) || looksLikeArc(head)) {
    // ARC, the web-archive format before WARC: its records would read as one junk text article.
    return failureItem(origin, ingestError('unsupported_format', origin, 'ARC web archives are not read: convert the file to WARC first'));
  }
  if (named === 'warc') {
    if (looksLikeWarc(head)) return 'warc';
    if (isBinary(head.subarray(0, SNIFF_BYTES))) return failureItem(origin, ingestError('binary_input', origin, 'named .warc but holds neither WARC nor gzip data'));
    return 'warc';
  }
  if (named !== null) {
    if (isBinary(head.subarray(0, SNIFF_BYTES))) {
      return failureItem(origin, ingestError('binary_input', origin, `named as ${named} but the content is binary (NUL or control bytes, or a known binary signature)`));
    }
    return named;
  }
  return (
    sniffFormat(head) ??
    failureItem(origin, ingestError('unsupported_format', origin, 'unknown extension, and the content is neither WARC, HTML nor UTF-8 text'))
  );
}

async function* readFile(path: string, size: number, context: ReadContext): AsyncGenerator<ReadItem> {
  let reported = 0;
  const onProgress = context.onRawBytes;
  const onRawBytes =
    onProgress &&
    ((bytes: number): void => {
      reported += bytes;
      onProgress(bytes);
    });
  try {
    yield* readFileContent(path, size, { ...context, onRawBytes });
  } finally {
    // What was passed over unread counts as done, so progress ends at surveyInputs' total.
    if (onProgress && size > reported) onProgress(size - reported);
  }
}

async function* readFileContent(path: string, size: number, context: ReadContext): AsyncGenerator<ReadItem> {
  const origin: Origin = { input: path };
  const named = formatFromPath(path).format;
  const isSingleDocument = named === null || named === 'html' || named === 'text';
  // Compressed data never shrinks on inflating: a file already over the limit is refused unread.
  if (isSingleDocument && size > context.maxDocumentBytes) {
    yield tooLarge(origin, size, context.maxDocumentBytes);
    return;
  }
  let source: Source;
  try {
    source = await openSource(path, { maxGzipRatio: context.maxGzipRatio, onRawBytes: context.onRawBytes });
  } catch (error) {
    yield failureItem(origin, toIngestError(error, origin));
    return;
  }
  try {
    const head = await source.reader.peek(4096);
    const format = chooseFormat(named, head, origin);
    if (typeof format !== 'string') {
      yield format;
      return;
    }
    switch (format) {
      case 'html':
      case 'text':
        yield await readDocument(source, format, origin, context);
        return;
      case 'jsonl':
        yield* readJsonl(source.reader, path, context);
        return;
      case 'warc':
        yield* readWarc(source.reader, path, context);
        return;
    }
  } catch (error) {
    yield failureItem(origin, toIngestError(error, origin));
  } finally {
    await source.close();
  }
}

/**
 * Cheap pre-pass for a progress bar: the number of files readInputs will open and their
 * total size on disk (compressed size for `.gz`). Walks like readInputs, reads no content,
 * ignores failures.
 */
export async function surveyInputs(inputs: string[]): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const input of inputs) {
    for await (const entry of walkInput(input)) {
      if (entry.kind !== 'file') continue;
      files++;
      bytes += entry.size;
    }
  }
  return { files, bytes };
}
