import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  brotliDecompressSync,
  createGunzip,
  gunzipSync,
  inflateRawSync,
  inflateSync,
  type ZlibOptions,
} from 'node:zlib';
import { IngestFault } from './fault.js';

/** Output size below which the expansion ratio is not checked: small files may compress very well. */
export const RATIO_CHECK_MIN_OUTPUT_BYTES = 10 * 1024 * 1024;
/** Size of the chunks the inflater emits. */
export const INFLATE_CHUNK_BYTES = 64 * 1024;
/** Inflated bytes buffered ahead of the parser, so inflating (in the thread pool) overlaps parsing. */
export const INFLATE_READ_AHEAD_BYTES = 1024 * 1024;

export interface InflateGuard {
  /** Refuse (decompression_bomb) once output / compressed input exceeds this, past RATIO_CHECK_MIN_OUTPUT_BYTES. */
  readonly maxRatio: number;
  /** Compressed bytes consumed so far. */
  readonly compressedBytes: () => number;
}

/**
 * Streams gzip data (one member or many concatenated, as in per-record WARC.gz) into
 * chunks of inflated bytes. Throws IngestFault `decompression_bomb` as soon as the output
 * grows past RATIO_CHECK_MIN_OUTPUT_BYTES at more than `maxRatio` times the input read so
 * far; zlib errors (cut or corrupt data) propagate with their zlib codes.
 */
export async function* inflateGzip(source: AsyncIterable<Buffer>, guard: InflateGuard): AsyncGenerator<Buffer> {
  const gunzip = createGunzip({ chunkSize: INFLATE_CHUNK_BYTES });
  const input = Readable.from(source, { objectMode: false, highWaterMark: INFLATE_CHUNK_BYTES });
  // Errors reach us through the gunzip iterator below; this promise only must not go unhandled.
  pipeline(input, gunzip).catch(() => undefined);
  let output = 0;
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      output += chunk.length;
      if (output > RATIO_CHECK_MIN_OUTPUT_BYTES) checkRatio(output, guard.compressedBytes(), guard.maxRatio);
      yield chunk;
    }
  } finally {
    gunzip.destroy();
    input.destroy();
  }
}

function checkRatio(output: number, input: number, maxRatio: number): void {
  if (output > maxRatio * Math.max(input, 1)) {
    throw new IngestFault(
      'decompression_bomb',
      `compressed data expands more than ${maxRatio}× (${input} bytes became ${output} bytes so far); refusing to inflate further`,
    );
  }
}

/** True when inflating `input` bytes to `output` bytes is beyond the allowed ratio. */
export function isBombRatio(input: number, output: number, maxRatio: number): boolean {
  return output > maxRatio * Math.max(input, 1);
}

/** HTTP Content-Encoding values we can undo. */
export type ContentEncoding = 'gzip' | 'deflate' | 'br' | 'identity';

/** Maps a Content-Encoding header to what we can undo; null for an encoding we cannot read. */
export function parseContentEncoding(header: string | undefined): ContentEncoding | null {
  const value = (header ?? '').trim().toLowerCase();
  if (value === '' || value === 'identity' || value === 'none') return 'identity';
  if (value === 'gzip' || value === 'x-gzip') return 'gzip';
  if (value === 'deflate') return 'deflate';
  if (value === 'br') return 'br';
  return null;
}

function isOutputTooLarge(error: unknown): boolean {
  return error instanceof RangeError || (error as { code?: unknown } | null)?.code === 'ERR_BUFFER_TOO_LARGE';
}

/**
 * Undoes an HTTP Content-Encoding on a payload held in memory, producing at most
 * `maxOutputBytes`. Throws IngestFault `decompression_bomb` (ratio beyond `maxRatio`) or
 * `too_large` when the output would be larger, and lets zlib errors propagate.
 */
export function decodeContentEncoding(
  body: Buffer,
  encoding: ContentEncoding,
  maxOutputBytes: number,
  maxRatio: number,
): Buffer {
  if (encoding === 'identity') return body;
  let output: Buffer;
  try {
    output = inflateAny(body, encoding, maxOutputBytes);
  } catch (error) {
    if (!isOutputTooLarge(error)) throw error;
    if (isBombRatio(body.length, maxOutputBytes, maxRatio)) {
      throw new IngestFault('decompression_bomb', `${encoding} payload of ${body.length} bytes expands beyond ${maxOutputBytes} bytes`, { cause: error });
    }
    throw new IngestFault('too_large', `${encoding} payload expands beyond the limit of ${maxOutputBytes} bytes`, { cause: error });
  }
  // The same rule as for streamed files: past RATIO_CHECK_MIN_OUTPUT_BYTES the ratio must stay sane.
  if (output.length > RATIO_CHECK_MIN_OUTPUT_BYTES && isBombRatio(body.length, output.length, maxRatio)) {
    throw new IngestFault('decompression_bomb', `${encoding} payload of ${body.length} bytes expands to ${output.length} bytes, more than ${maxRatio}×`);
  }
  return output;
}

function inflateAny(body: Buffer, encoding: Exclude<ContentEncoding, 'identity'>, maxOutputBytes: number): Buffer {
  const options: ZlibOptions = { maxOutputLength: maxOutputBytes };
  switch (encoding) {
    case 'gzip':
      return gunzipSync(body, options);
    case 'br':
      return brotliDecompressSync(body, { maxOutputLength: maxOutputBytes });
    case 'deflate':
      // "deflate" is meant to be zlib-wrapped, but some servers send raw deflate.
      try {
        return inflateSync(body, options);
      } catch (error) {
        if (isOutputTooLarge(error)) throw error;
        return inflateRawSync(body, options);
      }
  }
}
