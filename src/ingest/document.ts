import type { Origin } from '../core/types.js';
import type { ByteReader } from './byte-reader.js';
import { documentItem, failureItem, withOptionHints, type ReadContext, type ReadItem } from './context.js';
import { decodeDocument } from './decode.js';
import { ingestError } from './fault.js';
import { isBombRatio } from './gunzip.js';
import { startsLikeHtml } from './sniff.js';

/** What the caller knows about the opened file. */
export interface DocumentSource {
  readonly reader: ByteReader;
  readonly isGzip: boolean;
  readonly rawBytes: () => number;
}

/**
 * Reads a whole file as one document (`.html`, `.txt`, or a sniffed file), keeping at most
 * maxDocumentBytes: one byte more means `too_large` (or `decompression_bomb` when gzip
 * expanded beyond the ratio) and the rest is never read. A `.txt` file that starts like an
 * HTML document is read as HTML.
 */
export async function readDocument(
  source: DocumentSource,
  format: 'html' | 'text',
  origin: Origin,
  context: ReadContext,
): Promise<ReadItem> {
  const limit = context.maxDocumentBytes;
  const bytes = await source.reader.read(limit + 1);
  if (bytes.length > limit) {
    if (source.isGzip && isBombRatio(source.rawBytes(), bytes.length, context.maxGzipRatio)) {
      const detail = `gzip data expands more than ${context.maxGzipRatio}× (${source.rawBytes()} bytes read became more than ${limit} bytes); refusing to inflate further`;
      return failureItem(origin, ingestError('decompression_bomb', origin, detail));
    }
    const what = source.isGzip ? 'decompressed document' : 'document';
    return failureItem(origin, ingestError('too_large', origin, `${what} is larger than the limit of ${limit} bytes`));
  }
  const decoded = decodeDocument(bytes, { isHtml: format === 'html' });
  if (decoded.text.trim() === '') {
    return failureItem(origin, ingestError('empty_input', origin, 'the file holds only white space'));
  }
  const isHtml = format === 'html' || startsLikeHtml(decoded.text.slice(0, 1024));
  return documentItem({ origin, format: isHtml ? 'html' : 'text', content: decoded.text, hints: withOptionHints(context, {}) });
}
