/** Longest HTTP header block we look through. */
export const MAX_HTTP_HEADER_BYTES = 64 * 1024;

/** An HTTP response as stored in a WARC `response` record. */
export interface HttpResponse {
  readonly status: number;
  /** Header names in lower case; repeated headers joined with `, `. */
  readonly headers: ReadonlyMap<string, string>;
  readonly body: Buffer;
}

const STATUS_LINE = /^HTTP\/\d(?:\.\d)?\s+(\d{3})\b/;

/** True when the bytes start with an HTTP status line. */
export function startsWithHttpStatus(payload: Uint8Array): boolean {
  return payload[0] === 0x48 && STATUS_LINE.test(Buffer.from(payload.buffer, payload.byteOffset, Math.min(payload.length, 32)).toString('latin1'));
}

/**
 * Splits a stored HTTP response into status, headers and body. Accepts bare `\n` line ends
 * (some crawlers write them). Returns null when the payload does not start with a status line.
 */
export function parseHttpResponse(payload: Buffer): HttpResponse | null {
  const window = payload.subarray(0, MAX_HTTP_HEADER_BYTES);
  const crlf = window.indexOf('\r\n\r\n');
  const lf = window.indexOf('\n\n');
  let headerEnd: number;
  let bodyStart: number;
  if (crlf !== -1 && (lf === -1 || crlf < lf)) {
    headerEnd = crlf;
    bodyStart = crlf + 4;
  } else if (lf !== -1) {
    headerEnd = lf;
    bodyStart = lf + 2;
  } else {
    headerEnd = window.length;
    bodyStart = window.length;
  }
  const lines = window.subarray(0, headerEnd).toString('latin1').split(/\r?\n/);
  const status = STATUS_LINE.exec(lines[0] ?? '');
  if (!status?.[1]) return null;
  const headers = new Map<string, string>();
  let last: string | undefined;
  for (const line of lines.slice(1)) {
    if ((line.startsWith(' ') || line.startsWith('\t')) && last !== undefined) {
      headers.set(last, `${headers.get(last) ?? ''} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    const previous = headers.get(name);
    headers.set(name, previous === undefined ? value : `${previous}, ${value}`);
    last = name;
  }
  return { status: Number(status[1]), headers, body: payload.subarray(bodyStart) };
}

/**
 * Undoes `Transfer-Encoding: chunked`. Returns null when the body is not well-formed chunked
 * data (many WARC writers store the body already de-chunked but keep the header).
 */
export function dechunk(body: Buffer): Buffer | null {
  const parts: Buffer[] = [];
  let cursor = 0;
  for (;;) {
    const lineEnd = body.indexOf('\r\n', cursor);
    if (lineEnd === -1 || lineEnd - cursor > 32) return null;
    const sizeText = body.subarray(cursor, lineEnd).toString('latin1').split(';')[0]?.trim() ?? '';
    if (!/^[0-9a-fA-F]+$/.test(sizeText)) return null;
    const size = parseInt(sizeText, 16);
    const start = lineEnd + 2;
    if (size === 0) return Buffer.concat(parts);
    if (start + size > body.length) return null;
    parts.push(body.subarray(start, start + size));
    cursor = start + size;
    if (body[cursor] === 0x0d && body[cursor + 1] === 0x0a) cursor += 2;
    if (cursor >= body.length) return Buffer.concat(parts);
  }
}
