import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import zlib from 'node:zlib';
import iconv from 'iconv-lite';
import { CrosscheckError, RetryableError } from '../core/errors.js';
import { CROSSCHECK_VERSION } from '../core/version.js';
import {
  assertAllowedAddress,
  assertAllowedUrlHost,
  connectHostOf,
  createGuardedLookup,
  parseHttpUrl,
  type LookupFunction,
  type PrivateAddressPolicy,
} from './url-guard.js';

/**
 * Safe HTTP(S) fetching of one page or feed, over Node's http/https modules.
 *
 * Guarantees, for every call: only http(s) URLs (`bad_url`); no connection to a private, loopback,
 * link-local or metadata address at any hop, checked on resolution and on the connected socket
 * (`blocked_address`); at most {@link MAX_REDIRECTS} redirects, loops refused (`too_many_redirects`);
 * a connect timeout and a total deadline for the whole call including redirects and a body that
 * trickles (`fetch_timeout`); a cap on the body counted after decompression (`too_large`,
 * `decompression_bomb`); binary bodies refused whatever their Content-Type says (`binary_input`).
 * Every error is a CrosscheckError whose message names the URL.
 */

/** Product token matched against robots.txt `User-agent` lines. */
export const ROBOTS_PRODUCT_TOKEN = 'crosscheck';
export const USER_AGENT = `${ROBOTS_PRODUCT_TOKEN}/${CROSSCHECK_VERSION} (+https://github.com/crosscheck)`;
/** Default cap on a decoded body, bytes (after decompression). */
export const MAX_FETCH_BYTES = 10 * 1024 * 1024;
export const DEFAULT_FETCH_TIMEOUT_MS = 30_000;
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
export const MAX_REDIRECTS = 5;
/** Decompressed/compressed ratio above which an over-cap body is called a bomb rather than just large. */
export const BOMB_RATIO = 20;

const STAGE = 'ingest';
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const SNIFF_BYTES = 1024;

/** What the caller wants; sets the Accept header only. The decision on content is by sniffing. */
export type ExpectedContent = 'html' | 'feed' | 'text' | 'any';
/** What the body turned out to be. */
export type ContentKind = 'html' | 'xml' | 'text';

export interface FetchOptions {
  /** Total deadline for the call, redirects and body included, ms. Default 30 s. */
  timeoutMs?: number;
  /** Deadline for each TCP connect, ms. Default 10 s. */
  connectTimeoutMs?: number;
  /** Cap on the decoded body, bytes. Default {@link MAX_FETCH_BYTES}. */
  maxBytes?: number;
  maxRedirects?: number;
  /** Allow private/loopback addresses: `true`, or a predicate on the resolved IP. Default false. */
  allowPrivate?: PrivateAddressPolicy;
  /** DNS lookup to use (tests and benches map names to 127.0.0.1). Its answers are still guarded. */
  lookup?: LookupFunction;
  /** Extra request headers (e.g. If-None-Match). */
  headers?: Record<string, string>;
  /** `POST` sends {@link body} (a webhook); redirects are then best refused with `maxRedirects: 0`. Default `GET`. */
  method?: 'GET' | 'POST';
  /** The request body of a POST (UTF-8). */
  body?: string;
  signal?: AbortSignal;
  expect?: ExpectedContent;
  userAgent?: string;
  /** Agents to use; default keep-alive agents shared by all calls. */
  agents?: { http?: http.Agent; https?: https.Agent };
  /** Clock for Retry-After dates, ms since epoch. */
  now?: () => number;
}

export interface FetchResult {
  requestedUrl: string;
  finalUrl: string;
  /** 2xx, or 304 when a conditional request matched (then `body` is empty). */
  status: number;
  /** Response headers, lower-case names, repeated ones joined by `, `. */
  headers: Record<string, string>;
  /** MIME type from Content-Type without parameters, lower case, or null. */
  contentType: string | null;
  /** What the body is, by sniffing (a page served as text/plain is still `html`). */
  kind: ContentKind;
  /** The charset the body was decoded with (iconv-lite name). */
  charset: string;
  body: string;
  etag: string | null;
  lastModified: string | null;
  /** The URLs redirected to, in order. */
  redirects: string[];
}

/** A non-2xx, non-304 answer that is not worth retrying (404, 410, 403...). */
export class HttpStatusError extends CrosscheckError {
  override name = 'HttpStatusError';
  readonly status: number;
  readonly url: string;

  constructor(status: number, url: string) {
    super('fetch_failed', STAGE, `HTTP ${status} for ${url}`);
    this.status = status;
    this.url = url;
  }
}

/** A 408, 429 or 5xx answer; `retryAfterMs` is the server's Retry-After, or 0 when it gave none. */
export class HttpRetryableError extends RetryableError {
  override name = 'HttpRetryableError';
  readonly status: number;
  readonly url: string;

  constructor(status: number, url: string, retryAfterMs: number) {
    super('fetch_failed', STAGE, `HTTP ${status} for ${url}${retryAfterMs > 0 ? ` (retry after ${Math.ceil(retryAfterMs / 1000)} s)` : ''}`, retryAfterMs);
    this.status = status;
    this.url = url;
  }
}

/** The HTTP status carried by an error from {@link fetchDocument}, or null. */
export function httpStatusOf(error: unknown): number | null {
  if (error instanceof HttpStatusError || error instanceof HttpRetryableError) return error.status;
  return null;
}

const defaultAgents = {
  http: new http.Agent({ keepAlive: true, maxSockets: 32 }),
  https: new https.Agent({ keepAlive: true, maxSockets: 32 }),
};

const ACCEPT: Record<ExpectedContent, string> = {
  html: 'text/html,application/xhtml+xml;q=0.9,text/plain;q=0.5,*/*;q=0.1',
  feed: 'application/rss+xml,application/atom+xml,application/rdf+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.1',
  text: 'text/plain,text/html;q=0.9,*/*;q=0.1',
  any: '*/*',
};

/**
 * Fetches one URL safely (see module comment) and returns the decoded body.
 * Non-2xx answers throw {@link HttpStatusError} or {@link HttpRetryableError} (429, 5xx); 304 is returned.
 */
export async function fetchDocument(input: string, options: FetchOptions = {}): Promise<FetchResult> {
  const requested = parseHttpUrl(input);
  const timeoutMs = options.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS;
  const maxRedirects = options.maxRedirects ?? MAX_REDIRECTS;
  const controller = new AbortController();
  const timer = setTimeout(() => {
    controller.abort(new CrosscheckError('fetch_timeout', STAGE, `No complete answer within ${timeoutMs} ms from ${requested.href}`));
  }, timeoutMs);
  const onOuterAbort = (): void => {
    controller.abort(new CrosscheckError('fetch_failed', STAGE, `Fetch of ${requested.href} was aborted`, { cause: options.signal?.reason }));
  };
  if (options.signal?.aborted) onOuterAbort();
  else options.signal?.addEventListener('abort', onOuterAbort, { once: true });

  const visited = new Set<string>();
  const redirects: string[] = [];
  let url = requested;
  try {
    for (;;) {
      const label = url.href === requested.href ? url.href : `${url.href} (redirected from ${requested.href})`;
      assertAllowedUrlHost(url, options.allowPrivate, label);
      visited.add(url.href);
      const hop = await requestOnce(url, label, options, controller.signal);
      if (hop.type === 'redirect') {
        let next: URL;
        try {
          next = parseHttpUrl(hop.location, url.href);
        } catch (error) {
          throw new CrosscheckError('bad_url', STAGE, `Redirect from ${label} to a refused URL: ${hop.location}`, { cause: error });
        }
        next.hash = '';
        if (visited.has(next.href)) {
          throw new CrosscheckError('too_many_redirects', STAGE, `Redirect loop back to ${next.href} while fetching ${requested.href}`);
        }
        if (redirects.length >= maxRedirects) {
          throw new CrosscheckError('too_many_redirects', STAGE, `More than ${maxRedirects} redirects while fetching ${requested.href}`);
        }
        redirects.push(next.href);
        url = next;
        continue;
      }
      const etag = hop.headers['etag'] ?? null;
      const lastModified = hop.headers['last-modified'] ?? null;
      return {
        requestedUrl: requested.href,
        finalUrl: url.href,
        status: hop.status,
        headers: hop.headers,
        contentType: hop.contentType,
        kind: hop.kind,
        charset: hop.charset,
        body: hop.body,
        etag,
        lastModified,
        redirects,
      };
    }
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onOuterAbort);
  }
}

type Hop =
  | { type: 'redirect'; location: string }
  | {
      type: 'done';
      status: number;
      headers: Record<string, string>;
      contentType: string | null;
      kind: ContentKind;
      charset: string;
      body: string;
    };

function requestOnce(url: URL, label: string, options: FetchOptions, signal: AbortSignal): Promise<Hop> {
  return new Promise<Hop>((resolve, reject) => {
    if (signal.aborted) {
      reject(toError(signal.reason, label));
      return;
    }
    const isHttps = url.protocol === 'https:';
    const policy = options.allowPrivate ?? false;
    const headers: Record<string, string> = {
      'user-agent': options.userAgent ?? USER_AGENT,
      accept: ACCEPT[options.expect ?? 'any'],
      'accept-encoding': 'gzip, deflate, br',
      'accept-language': '*',
      ...lowerKeys(options.headers ?? {}),
      ...(options.body !== undefined ? { 'content-length': String(Buffer.byteLength(options.body, 'utf8')) } : {}),
    };
    const agent = isHttps ? (options.agents?.https ?? defaultAgents.https) : (options.agents?.http ?? defaultAgents.http);
    let settled = false;

    const req = (isHttps ? https : http).request({
      protocol: url.protocol,
      hostname: connectHostOf(url),
      port: url.port === '' ? undefined : Number(url.port),
      path: `${url.pathname}${url.search}`,
      method: options.method ?? 'GET',
      headers,
      agent,
      lookup: createGuardedLookup(label, policy, options.lookup),
    });

    const connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    const connectTimer = setTimeout(() => {
      finish(new CrosscheckError('fetch_timeout', STAGE, `No connection within ${connectTimeoutMs} ms to ${label}`));
    }, connectTimeoutMs);
    const finish = (error: unknown, hop?: Hop): void => {
      if (settled) return;
      settled = true;
      clearTimeout(connectTimer);
      signal.removeEventListener('abort', onAbort);
      if (error !== undefined) {
        req.destroy();
        reject(toError(error, label));
      } else if (hop) {
        resolve(hop);
      }
    };
    const onAbort = (): void => finish(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });


    req.on('socket', (socket: Socket) => {
      const check = (): void => {
        clearTimeout(connectTimer);
        const remote = socket.remoteAddress;
        // No address means the socket failed before connecting (e.g. the guarded lookup refused):
        // its 'error' reaches the request and is reported from there.
        if (remote === undefined) return;
        try {
          assertAllowedAddress(remote, label, policy);
        } catch (error) {
          finish(error);
        }
      };
      if (socket.connecting) socket.once('connect', check);
      else check();
    });

    req.on('error', (error) => finish(error));

    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      const responseHeaders = flattenHeaders(res.headers);
      if (REDIRECT_STATUSES.has(status) && responseHeaders['location'] !== undefined) {
        res.resume();
        finish(undefined, { type: 'redirect', location: responseHeaders['location'] });
        return;
      }
      if (status === 304) {
        res.resume();
        finish(undefined, { type: 'done', status, headers: responseHeaders, contentType: null, kind: 'text', charset: 'utf-8', body: '' });
        return;
      }
      if (status < 200 || status > 299) {
        res.resume();
        if (status === 408 || status === 429 || status >= 500) {
          const now = options.now ?? Date.now;
          finish(new HttpRetryableError(status, label, parseRetryAfter(responseHeaders['retry-after'], now())));
        } else {
          finish(new HttpStatusError(status, label));
        }
        return;
      }
      readBody(res, label, options.maxBytes ?? MAX_FETCH_BYTES).then(
        (bytes) => {
          const contentType = mimeOf(responseHeaders['content-type']);
          const { text, charset } = decodeBody(bytes, responseHeaders['content-type']);
          finish(undefined, { type: 'done', status, headers: responseHeaders, contentType, kind: sniffKind(text, contentType), charset, body: text });
        },
        (error: unknown) => finish(error),
      );
    });

    req.end(options.body);
  });
}

/** Reads a response body through zlib when encoded, stopping at `maxBytes` decoded bytes. */
function readBody(res: http.IncomingMessage, label: string, maxBytes: number): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const encoding = (res.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
    const declaredLength = Number(res.headers['content-length']);
    if ((encoding === 'identity' || encoding === '') && Number.isFinite(declaredLength) && declaredLength > maxBytes) {
      res.destroy();
      reject(new CrosscheckError('too_large', STAGE, `Body of ${declaredLength} bytes exceeds the cap of ${maxBytes} bytes: ${label}`));
      return;
    }
    let decoder: zlib.Gunzip | zlib.Inflate | zlib.InflateRaw | zlib.BrotliDecompress | null = null;
    let pendingDeflate = false;
    const lenient = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
    switch (encoding) {
      case '':
      case 'identity':
        break;
      case 'gzip':
      case 'x-gzip':
        decoder = zlib.createGunzip(lenient);
        break;
      case 'deflate':
        pendingDeflate = true;
        break;
      case 'br':
        decoder = zlib.createBrotliDecompress();
        break;
      default:
        res.destroy();
        reject(new CrosscheckError('unsupported_format', STAGE, `Unsupported Content-Encoding "${encoding}" from ${label}`));
        return;
    }

    const chunks: Buffer[] = [];
    let decodedBytes = 0;
    let rawBytes = 0;
    let sniffed = false;
    let done = false;
    const fail = (error: CrosscheckError): void => {
      if (done) return;
      done = true;
      decoder?.destroy();
      res.destroy();
      reject(error);
    };
    const onDecoded = (chunk: Buffer): void => {
      if (done) return;
      decodedBytes += chunk.length;
      if (decodedBytes > maxBytes) {
        // Compressed bytes the engine has consumed so far (not merely received): the true ratio.
        const consumed = decoder === null ? rawBytes : Math.min(rawBytes, decoder.bytesWritten);
        const isBomb = decoder !== null && decodedBytes > BOMB_RATIO * Math.max(consumed, 1);
        fail(
          isBomb
            ? new CrosscheckError('decompression_bomb', STAGE, `Compressed body expands past ${maxBytes} bytes from ${consumed} bytes: ${label}`)
            : new CrosscheckError('too_large', STAGE, `Body exceeds the cap of ${maxBytes} bytes: ${label}`),
        );
        return;
      }
      chunks.push(chunk);
      if (!sniffed && (decodedBytes >= SNIFF_BYTES)) {
        sniffed = true;
        checkNotBinary(Buffer.concat(chunks), label, fail);
      }
    };
    const onEnd = (): void => {
      if (done) return;
      const body = Buffer.concat(chunks);
      if (!sniffed) checkNotBinary(body, label, fail);
      if (done) return;
      done = true;
      resolve(body);
    };
    const attachDecoder = (d: NonNullable<typeof decoder>): void => {
      decoder = d;
      d.on('data', onDecoded);
      d.on('end', onEnd);
      d.on('error', (error) => fail(new CrosscheckError('fetch_failed', STAGE, `Corrupt ${encoding} body from ${label}`, { cause: error })));
      d.on('drain', () => res.resume());
    };
    if (decoder) attachDecoder(decoder);

    res.on('data', (chunk: Buffer) => {
      if (done) return;
      rawBytes += chunk.length;
      if (pendingDeflate) {
        pendingDeflate = false;
        // "deflate" is meant to be zlib-wrapped, but many servers send raw deflate.
        const first = chunk[0] ?? 0;
        attachDecoder((first & 0x0f) === 8 ? zlib.createInflate(lenient) : zlib.createInflateRaw(lenient));
      }
      if (decoder) {
        if (!decoder.write(chunk)) res.pause();
      } else {
        onDecoded(chunk);
      }
    });
    res.on('end', () => {
      if (decoder) decoder.end();
      else onEnd();
    });
    res.on('error', (error) => fail(new CrosscheckError('fetch_failed', STAGE, `Connection broke while reading ${label}`, { cause: error })));
    res.on('aborted', () => fail(new CrosscheckError('truncated', STAGE, `Connection closed before the body ended: ${label}`)));
  });
}

const BINARY_SIGNATURES: ReadonlyArray<readonly number[]> = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0x50, 0x4b, 0x03, 0x04], // ZIP, docx, epub
  [0x1f, 0x8b], // gzip inside the body
  [0x52, 0x49, 0x46, 0x46], // RIFF (webp, wav, avi)
  [0x4f, 0x67, 0x67, 0x53], // Ogg
  [0x49, 0x44, 0x33], // MP3
  [0x00, 0x61, 0x73, 0x6d], // wasm
  [0x7f, 0x45, 0x4c, 0x46], // ELF
];

/** Refuses a body that is binary: a known binary signature, or NUL bytes in a body without a UTF-16 BOM. */
function checkNotBinary(bytes: Buffer, label: string, fail: (error: CrosscheckError) => void): void {
  if (isBinary(bytes)) fail(new CrosscheckError('binary_input', STAGE, `Binary content, not a page or feed: ${label}`));
}

export function isBinary(bytes: Uint8Array): boolean {
  for (const signature of BINARY_SIGNATURES) {
    if (signature.every((byte, i) => bytes[i] === byte)) return true;
  }
  const isUtf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (isUtf16) return false;
  const end = Math.min(bytes.length, SNIFF_BYTES);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
  return false;
}

/**
 * Decodes bytes to text. Charset order (as browsers): BOM, then the Content-Type charset, then a
 * `<meta charset>` / `<meta http-equiv>` / `<?xml encoding>` declaration in the first 4 KB, then
 * UTF-8 if the bytes are valid UTF-8, else windows-1252.
 */
export function decodeBody(bytes: Buffer, contentTypeHeader?: string): { text: string; charset: string } {
  const bom = bomCharset(bytes);
  if (bom) return { text: iconv.decode(bytes, bom, { stripBOM: true }), charset: bom };
  const declared = usableCharset(charsetParam(contentTypeHeader)) ?? usableCharset(declaredInMarkup(bytes));
  if (declared) return { text: iconv.decode(bytes, declared, { stripBOM: true }), charset: declared };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), charset: 'utf-8' };
  } catch {
    return { text: iconv.decode(bytes, 'windows-1252'), charset: 'windows-1252' };
  }
}

function bomCharset(bytes: Buffer): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

function charsetParam(contentType: string | undefined): string | null {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '');
  return match?.[1] ?? null;
}

const META_CHARSET = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i;
const XML_ENCODING = /^\s*<\?xml\b[^>]*?encoding\s*=\s*["']([\w.:-]+)["']/i;

function declaredInMarkup(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 4096).toString('latin1');
  return XML_ENCODING.exec(head)?.[1] ?? META_CHARSET.exec(head)?.[1] ?? null;
}

function usableCharset(name: string | null): string | null {
  if (name === null) return null;
  const lower = name.toLowerCase();
  // A page cannot declare UTF-16 in ASCII-compatible markup; browsers read it as UTF-8.
  if (lower.startsWith('utf-16')) return 'utf-8';
  // Browsers read ISO-8859-1 / ASCII labels as windows-1252.
  if (lower === 'iso-8859-1' || lower === 'latin1' || lower === 'us-ascii' || lower === 'ascii') return 'windows-1252';
  return iconv.encodingExists(lower) ? lower : null;
}

function mimeOf(contentType: string | undefined): string | null {
  const mime = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return mime === '' ? null : mime;
}

const XML_MIME = /(^|[/+])(xml|rss|atom)(\+xml)?$|^application\/(rss|atom|rdf)\+xml$/;
const HTML_START = /^(?:\s|<!--[\s\S]*?-->)*<(?:!doctype\s+html|html|head|body|meta|title|script|style|div|p|article|section|header|main|h[1-6])\b/i;
const XML_ROOT = /^(?:\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)*<(?:rss|feed|rdf:RDF|RDF|opml)\b/i;

/**
 * What a decoded body is. A declared HTML type is trusted; otherwise the start of the text decides,
 * so a page served as text/plain or image/png is still read as HTML, and a feed served as text/html as XML.
 */
export function sniffKind(text: string, contentType: string | null): ContentKind {
  const head = text.slice(0, 2048);
  if (XML_ROOT.test(head)) return 'xml';
  if (contentType === 'text/html' || contentType === 'application/xhtml+xml') return 'html';
  if (HTML_START.test(head) || /<html[\s>]/i.test(head)) return 'html';
  if (contentType !== null && XML_MIME.test(contentType) && /^\s*</.test(head)) return 'xml';
  if (/^\s*<\?xml/i.test(head)) return 'xml';
  return 'text';
}

/** Retry-After as ms from now: delta seconds or an HTTP date; 0 when absent or unparsable. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number {
  if (value === undefined) return 0;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? 0 : Math.max(0, date - nowMs);
}

function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function lowerKeys(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name.toLowerCase()] = value;
  return out;
}

function toError(error: unknown, label: string): CrosscheckError {
  if (error instanceof CrosscheckError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const detail = error instanceof Error ? error.message : String(error);
  if (code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT') {
    return new CrosscheckError('fetch_timeout', STAGE, `Timed out fetching ${label}: ${detail}`, { cause: error });
  }
  return new CrosscheckError('fetch_failed', STAGE, `Could not fetch ${label}: ${detail}`, { cause: error });
}
