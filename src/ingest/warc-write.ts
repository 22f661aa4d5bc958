import { randomUUID } from 'node:crypto';

/** One WARC record to write. */
export interface WarcRecordSpec {
  readonly type: 'warcinfo' | 'request' | 'response' | 'resource' | 'metadata' | 'revisit';
  readonly targetUri?: string;
  /** Without angle brackets; a random urn:uuid when absent. */
  readonly recordId?: string;
  /** WARC-Date, ISO 8601; defaults to 2025-01-01T00:00:00Z. */
  readonly date?: string;
  /** Content-Type of the block; `application/http; msgtype=response` for responses by default. */
  readonly contentType?: string;
  readonly block: Buffer | string;
  /** Extra header lines, written as given. */
  readonly extraHeaders?: Readonly<Record<string, string>>;
}

const CRLF = '\r\n';

/** Builds an HTTP response block: status line, headers, blank line, body. */
export function formatHttpResponse(status: number, headers: Readonly<Record<string, string>>, body: Buffer | string): Buffer {
  const head = [`HTTP/1.1 ${status} ${status === 200 ? 'OK' : 'Status'}`, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)];
  return Buffer.concat([Buffer.from(head.join(CRLF) + CRLF + CRLF, 'latin1'), Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8')]);
}

/**
 * Serialises one WARC/1.1 record (header, block, the two CRLF that end it). Used to build
 * fixtures and benchmark data; gzip the result on its own to get a CC-NEWS-style member.
 */
export function formatWarcRecord(spec: WarcRecordSpec): Buffer {
  const block = Buffer.isBuffer(spec.block) ? spec.block : Buffer.from(spec.block, 'utf8');
  const contentType = spec.contentType ?? (spec.type === 'response' ? 'application/http; msgtype=response' : spec.type === 'request' ? 'application/http; msgtype=request' : 'application/warc-fields');
  const lines = [
    'WARC/1.1',
    `WARC-Type: ${spec.type}`,
    `WARC-Record-ID: <${spec.recordId ?? `urn:uuid:${randomUUID()}`}>`,
    `WARC-Date: ${spec.date ?? '2025-01-01T00:00:00Z'}`,
  ];
  if (spec.targetUri !== undefined) lines.push(`WARC-Target-URI: ${spec.targetUri}`);
  for (const [name, value] of Object.entries(spec.extraHeaders ?? {})) lines.push(`${name}: ${value}`);
  lines.push(`Content-Type: ${contentType}`, `Content-Length: ${block.length}`);
  return Buffer.concat([Buffer.from(lines.join(CRLF) + CRLF + CRLF, 'utf8'), block, Buffer.from(CRLF + CRLF, 'latin1')]);
}
