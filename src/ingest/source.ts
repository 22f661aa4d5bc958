import { createReadStream } from 'node:fs';
import { ByteReader } from './byte-reader.js';
import { inflateGzip } from './gunzip.js';
import { isGzipMagic } from './sniff.js';

/** Size of the reads from disk. */
export const READ_CHUNK_BYTES = 64 * 1024;

export interface SourceOptions {
  readonly maxGzipRatio: number;
  /** Called with the size of every chunk read from disk (for progress). */
  readonly onRawBytes?: ((bytes: number) => void) | undefined;
}

/** An opened input: a reader over its (inflated when gzip) bytes. */
export interface Source {
  readonly reader: ByteReader;
  /** True when the bytes on disk were gzip (whatever the name says). */
  readonly isGzip: boolean;
  /** Bytes read from disk so far. */
  readonly rawBytes: () => number;
  /** Closes the file (and the inflater); safe to call twice. */
  readonly close: () => Promise<void>;
}

async function* countChunks(path: string, count: (bytes: number) => void): AsyncGenerator<Buffer> {
  const stream = createReadStream(path, { highWaterMark: READ_CHUNK_BYTES });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      count(chunk.length);
      yield chunk;
    }
  } finally {
    stream.destroy();
  }
}

/**
 * Opens a file for streaming. Gzip is recognised by its magic number, not by the name, and
 * inflated on the fly under the ratio guard. Nothing is read beyond what the reader asks for
 * (plus one chunk of read-ahead). The caller must `close()` the reader.
 */
export async function openSource(path: string, options: SourceOptions): Promise<Source> {
  let rawBytes = 0;
  const raw = new ByteReader(
    countChunks(path, (bytes) => {
      rawBytes += bytes;
      options.onRawBytes?.(bytes);
    }),
  );
  const rawBytesRead = (): number => rawBytes;
  let head: Buffer;
  try {
    head = await raw.peek(2);
  } catch (error) {
    await raw.close();
    throw error;
  }
  if (!isGzipMagic(head)) return { reader: raw, isGzip: false, rawBytes: rawBytesRead, close: () => raw.close() };
  const inflated = new ByteReader(inflateGzip(raw.remainingChunks(), { maxRatio: options.maxGzipRatio, compressedBytes: rawBytesRead }));
  const close = async (): Promise<void> => {
    await inflated.close();
    await raw.close();
  };
  return { reader: inflated, isGzip: true, rawBytes: rawBytesRead, close };
}
