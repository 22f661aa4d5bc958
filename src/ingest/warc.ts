import type { CrosscheckError } from '../core/errors.js';
import type { DocumentHints, Origin } from '../core/types.js';
import type { ByteReader } from './byte-reader.js';
import { documentItem, failureItem, withOptionHints, type ReadContext, type ReadItem, type SkipCount } from './context.js';
import { charsetFromContentType, decodeDocument } from './decode.js';
import { IngestFault, ingestError, toIngestError } from './fault.js';
import { decodeContentEncoding, parseContentEncoding } from './gunzip.js';
import { dechunk, MAX_HTTP_HEADER_BYTES, parseHttpResponse, startsWithHttpStatus } from './http-payload.js';
import { isBinary, isGzipMagic, looksLikeHtml, SNIFF_BYTES } from './sniff.js';

/** Longest WARC header line, and most header lines, accepted in one record. */
export const MAX_WARC_HEADER_LINE_BYTES = 64 * 1024;
export const MAX_WARC_HEADER_LINES = 512;

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
/** Content types that say nothing: sniff the payload instead. */
const VAGUE_TYPES = new Set(['', 'application/octet-stream', 'text/plain', 'unknown', 'application/unknown', 'binary/octet-stream']);

interface WarcHeader {
  readonly offset: number;
  readonly fields: ReadonlyMap<string, string>;
  readonly contentLength: number;
}

type RecordOutcome = ReadItem | SkipCount;

function mimeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

function stripAngles(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  return trimmed.startsWith('<') && trimmed.endsWith('>') ? trimmed.slice(1, -1) : trimmed;
}

function recordOrigin(input: string, offset: number): Origin {
  return { input, location: `record at offset ${offset}` };
}

const TRUNCATED_HEADER = 'the input ends inside the header of this record; the records before it were read';

function truncated(origin: Origin, detail: string): CrosscheckError {
  return ingestError('truncated', origin, `the input ends inside this record (${detail}); the records before it were read`);
}

/** The offset of the record being read, for error locations. */
interface Position {
  offset: number;
}

/**
 * Reads the next record header. Returns null at the clean end of the input. Blank lines
 * between records (the `\r\n\r\n` after each block) are passed over.
 */
async function readHeader(reader: ByteReader, position: Position): Promise<WarcHeader | null> {
  let versionLine: string;
  for (;;) {
    position.offset = reader.position;
    const line = await reader.readLine(MAX_WARC_HEADER_LINE_BYTES);
    if (line === null) return null;
    versionLine = line.bytes.toString('latin1').trim();
    if (line.isTooLong || versionLine !== '') break;
  }
  if (!/^WARC\/\d+\.\d+$/.test(versionLine)) {
    throw new IngestFault('invalid_record', `expected a WARC/1.x version line, found "${versionLine.slice(0, 40)}"`);
  }
  const fields = new Map<string, string>();
  let last: string | undefined;
  for (let count = 0; ; count++) {
    const line = await reader.readLine(MAX_WARC_HEADER_LINE_BYTES);
    if (line === null || !line.hasNewline) throw new IngestFault('truncated', TRUNCATED_HEADER);
    if (line.isTooLong || count > MAX_WARC_HEADER_LINES) throw new IngestFault('invalid_record', 'the record header is too long');
    const text = line.bytes.toString('utf8').replace(/\r$/, '');
    if (text === '') break;
    if ((text.startsWith(' ') || text.startsWith('\t')) && last !== undefined) {
      fields.set(last, `${fields.get(last) ?? ''} ${text.trim()}`);
      continue;
    }
    const colon = text.indexOf(':');
    if (colon <= 0) throw new IngestFault('invalid_record', `malformed header line "${text.slice(0, 60)}"`);
    last = text.slice(0, colon).trim().toLowerCase();
    fields.set(last, text.slice(colon + 1).trim());
  }
  const lengthText = fields.get('content-length') ?? '';
  if (!/^\d+$/.test(lengthText)) {
    throw new IngestFault('invalid_record', `missing or invalid Content-Length "${lengthText}"`);
  }
  return { offset: position.offset, fields, contentLength: Number(lengthText) };
}

interface Payload {
  readonly bytes: Buffer;
  readonly contentType: string | undefined;
}

/** Finds the document inside a response/resource block; a SkipCount when there is none to read. */
function payloadOf(header: WarcHeader, block: Buffer, context: ReadContext): Payload | SkipCount {
  const type = header.fields.get('warc-type')?.toLowerCase();
  const warcContentType = header.fields.get('content-type');
  const isHttp = type === 'response' && (mimeOf(warcContentType) === 'application/http' || startsWithHttpStatus(block));
  const http = isHttp ? parseHttpResponse(block) : null;
  if (http === null) {
    if (mimeOf(warcContentType) === 'application/http') throw new IngestFault('invalid_record', 'response record without an HTTP status line');
    if (!isHtmlPayload(warcContentType, block, header)) return block.length === 0 ? 'warc_empty' : 'warc_not_html';
    return { bytes: block, contentType: warcContentType };
  }
  if (http.status < 200 || http.status > 299) return 'warc_http_status';
  if (http.body.length === 0) return 'warc_empty';
  const contentType = http.headers.get('content-type');
  const isDeclaredHtml = isHtmlPayload(contentType, http.body, header);
  // A vague type is sniffed, after undoing the encodings; any other non-HTML type is skipped unread.
  if (!isDeclaredHtml && !VAGUE_TYPES.has(mimeOf(contentType))) return 'warc_not_html';
  let body = http.body;
  if (http.headers.get('transfer-encoding')?.toLowerCase().includes('chunked')) body = dechunk(body) ?? body;
  let encoding = parseContentEncoding(http.headers.get('content-encoding'));
  if (encoding === null) throw new IngestFault('invalid_record', `unsupported Content-Encoding "${http.headers.get('content-encoding')}"`);
  // A gzip body whose header was dropped is still gzip.
  if (encoding === 'identity' && isGzipMagic(body)) encoding = 'gzip';
  // Many crawlers store the body already decoded but keep the header: trust the bytes.
  const isStillEncoded = encoding === 'gzip' ? isGzipMagic(body) : encoding !== 'identity' && !looksLikeHtml(body.subarray(0, SNIFF_BYTES));
  if (isStillEncoded) body = decodeContentEncoding(body, encoding, context.maxDocumentBytes + 1, context.maxGzipRatio);
  if (!isDeclaredHtml && !isHtmlPayload(contentType, body, header)) return 'warc_not_html';
  return { bytes: body, contentType };
}

function isHtmlPayload(contentType: string | undefined, body: Buffer, header: WarcHeader): boolean {
  const mime = mimeOf(contentType);
  if (HTML_TYPES.has(mime)) return true;
  if (HTML_TYPES.has(mimeOf(header.fields.get('warc-identified-payload-type')))) return true;
  return VAGUE_TYPES.has(mime) && !isGzipMagic(body) && looksLikeHtml(body.subarray(0, 4096));
}

function documentOf(header: WarcHeader, block: Buffer, input: string, context: ReadContext): RecordOutcome {
  const origin = recordOrigin(input, header.offset);
  const payload = payloadOf(header, block, context);
  if (typeof payload === 'string') return payload;
  if (payload.bytes.length > context.maxDocumentBytes) {
    return failureItem(origin, ingestError('too_large', origin, `the HTML payload is larger than the limit of ${context.maxDocumentBytes} bytes`));
  }
  if (isBinary(payload.bytes.subarray(0, SNIFF_BYTES))) {
    return failureItem(origin, ingestError('binary_input', origin, 'the payload is labelled HTML but holds binary data'));
  }
  const decoded = decodeDocument(payload.bytes, { isHtml: true, declaredCharset: charsetFromContentType(payload.contentType) });
  if (decoded.text.trim() === '') return 'warc_empty';
  const hints: DocumentHints = {};
  const url = stripAngles(header.fields.get('warc-target-uri'));
  const id = stripAngles(header.fields.get('warc-record-id'));
  if (url) hints.url = url;
  if (id) hints.id = id;
  return documentItem({ origin, format: 'html', content: decoded.text, hints: withOptionHints(context, hints) });
}

/**
 * Streams a WARC (plain, gzip, or gzip per record as in CC-NEWS) record by record. Only
 * `response` records holding a 2xx HTTP response with an HTML payload (by Content-Type, or
 * sniffed when the type is missing or vague), and `resource` records of HTML, become
 * documents: format `html`, `hints.url` = WARC-Target-URI, `hints.id` = WARC-Record-ID
 * (without angle brackets). WARC-Date is the crawl time, not the publication date, so it is
 * not used: extraction finds the page's own date. Other records are skipped and counted.
 *
 * Bodies are kept only for candidate records and only up to maxDocumentBytes plus the HTTP
 * header; longer ones are skipped through (`too_large` when HTML). Errors name
 * `record at offset N`, N being the offset in the uncompressed stream. A record that cannot
 * be parsed ends the file (WARC has no way to resynchronise safely); a cut file yields its
 * complete records, then one `truncated` failure naming the cut record.
 */
export async function* readWarc(reader: ByteReader, input: string, context: ReadContext): AsyncGenerator<ReadItem> {
  const position: Position = { offset: reader.position };
  try {
    for (;;) {
      const header = await readHeader(reader, position);
      if (header === null) return;
      const origin = recordOrigin(input, header.offset);
      const type = header.fields.get('warc-type')?.toLowerCase();
      const length = header.contentLength;
      if (type !== 'response' && type !== 'resource') {
        const skipped = await reader.skip(length);
        if (skipped < length) {
          yield failureItem(origin, truncated(origin, `${skipped} of ${length} content bytes`));
          return;
        }
        context.summary.skipped.warc_other_record++;
        continue;
      }
      const keep = Math.min(length, context.maxDocumentBytes + MAX_HTTP_HEADER_BYTES);
      const block = await reader.read(keep);
      const skipped = keep < length ? await reader.skip(length - keep) : 0;
      if (block.length + skipped < length) {
        yield failureItem(origin, truncated(origin, `${block.length + skipped} of ${length} content bytes`));
        return;
      }
      const outcome = keep < length ? oversizedOutcome(header, block, origin, context) : recordOutcome(header, block, input, context);
      if (typeof outcome === 'string') context.summary.skipped[outcome]++;
      else yield outcome;
    }
  } catch (error) {
    const origin = recordOrigin(input, position.offset);
    const code = (error as { code?: unknown }).code;
    const failure = code === 'Z_BUF_ERROR' ? truncated(origin, 'the compressed data is cut short') : toIngestError(error, origin);
    yield failureItem(origin, failure);
  }
}

function recordOutcome(header: WarcHeader, block: Buffer, input: string, context: ReadContext): RecordOutcome {
  const origin = recordOrigin(input, header.offset);
  try {
    return documentOf(header, block, input, context);
  } catch (error) {
    return failureItem(origin, toIngestError(error, origin));
  }
}

/** A record too long to keep: only its head was read, enough to tell whether it is HTML. */
function oversizedOutcome(header: WarcHeader, head: Buffer, origin: Origin, context: ReadContext): RecordOutcome {
  const http = header.fields.get('warc-type')?.toLowerCase() === 'response' ? parseHttpResponse(head) : null;
  const contentType = http ? http.headers.get('content-type') : header.fields.get('content-type');
  if (!isHtmlPayload(contentType, http ? http.body : head, header)) return 'warc_not_html';
  const detail = `the record is ${header.contentLength} bytes, over the limit of ${context.maxDocumentBytes}`;
  return failureItem(origin, ingestError('too_large', origin, detail));
}
