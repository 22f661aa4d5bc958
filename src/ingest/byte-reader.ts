const EMPTY = Buffer.alloc(0);
const LF = 0x0a;

/** A line read by ByteReader.readLine. */
export interface LineResult {
  /** The line without its `\n` (a trailing `\r` is kept); empty when `isTooLong`. */
  readonly bytes: Buffer;
  /** False when the input ended before a `\n`. */
  readonly hasNewline: boolean;
  /** True when the line was longer than the limit: its bytes were skipped, not kept. */
  readonly isTooLong: boolean;
  /** Length of the line in bytes, counted even when it was skipped. */
  readonly length: number;
}

/**
 * Pulls bytes from an async chunk source (a file or inflate stream) on demand, so that large
 * inputs are parsed piece by piece: only what a caller asks for is kept in memory.
 * `position` counts the bytes consumed so far (the offset in the stream).
 */
export class ByteReader {
  private readonly iterator: AsyncIterator<Buffer>;
  private buffer: Buffer = EMPTY;
  private cursor = 0;
  private isDone = false;
  /** A source failure met while bytes were still buffered: thrown once those are consumed. */
  private pending: { error: unknown } | undefined;
  position = 0;

  constructor(source: AsyncIterable<Buffer>) {
    this.iterator = source[Symbol.asyncIterator]();
  }

  private get available(): number {
    return this.buffer.length - this.cursor;
  }

  /** Pulls the next chunk: appends it to what is left unless `replace`. False at the end. */
  private async pull(replace: boolean): Promise<boolean> {
    if (this.pending !== undefined && this.available === 0) {
      const { error } = this.pending;
      this.pending = undefined;
      throw error;
    }
    if (this.isDone) return false;
    for (;;) {
      let next: IteratorResult<Buffer>;
      try {
        next = await this.iterator.next();
      } catch (error) {
        this.isDone = true;
        // Let the caller use what came before the failure (records before a cut, say).
        if (this.available === 0) throw error;
        this.pending = { error };
        return false;
      }
      if (next.done === true) {
        this.isDone = true;
        return false;
      }
      const chunk = next.value;
      if (chunk.length === 0) continue;
      this.buffer = replace || this.available === 0 ? chunk : Buffer.concat([this.buffer.subarray(this.cursor), chunk]);
      this.cursor = 0;
      return true;
    }
  }

  private consume(count: number): void {
    this.cursor += count;
    this.position += count;
  }

  /** Up to `count` bytes from the current position, not consumed (fewer at the end). */
  async peek(count: number): Promise<Buffer> {
    while (this.available < count && (await this.pull(false)));
    return this.buffer.subarray(this.cursor, this.cursor + Math.min(count, this.available));
  }

  /** True when no byte is left. */
  async isAtEnd(): Promise<boolean> {
    return this.available === 0 && !(await this.pull(false));
  }

  /**
   * Reads up to the next `\n` (consumed, not returned). A line longer than `maxBytes` is
   * skipped through its end without being kept. Returns null at the end of the input.
   */
  async readLine(maxBytes: number): Promise<LineResult | null> {
    const parts: Buffer[] = [];
    let length = 0;
    let isTooLong = false;
    for (;;) {
      if (this.available === 0 && !(await this.pull(true))) {
        if (length === 0 && !isTooLong) return null;
        return { bytes: isTooLong ? EMPTY : concat(parts, length), hasNewline: false, isTooLong, length };
      }
      const newline = this.buffer.indexOf(LF, this.cursor);
      const end = newline === -1 ? this.buffer.length : newline;
      const piece = this.buffer.subarray(this.cursor, end);
      length += piece.length;
      if (length > maxBytes) isTooLong = true;
      if (!isTooLong) parts.push(piece);
      this.consume(end - this.cursor + (newline === -1 ? 0 : 1));
      if (newline !== -1) return { bytes: isTooLong ? EMPTY : concat(parts, length), hasNewline: true, isTooLong, length };
    }
  }

  /** Reads exactly `count` bytes, or fewer when the input ends first. */
  async read(count: number): Promise<Buffer> {
    const parts: Buffer[] = [];
    let length = 0;
    while (length < count) {
      if (this.available === 0 && !(await this.pull(true))) break;
      const take = Math.min(count - length, this.available);
      parts.push(this.buffer.subarray(this.cursor, this.cursor + take));
      length += take;
      this.consume(take);
    }
    return concat(parts, length);
  }

  /** Skips `count` bytes without keeping them; returns how many were skipped (fewer at the end). */
  async skip(count: number): Promise<number> {
    let skipped = 0;
    while (skipped < count) {
      if (this.available === 0 && !(await this.pull(true))) break;
      const take = Math.min(count - skipped, this.available);
      skipped += take;
      this.consume(take);
    }
    return skipped;
  }

  /** Yields what is left: the buffered bytes, then the rest of the source, as chunks. */
  async *remainingChunks(): AsyncGenerator<Buffer> {
    try {
      if (this.available > 0) {
        const rest = this.buffer.subarray(this.cursor);
        this.consume(rest.length);
        yield rest;
      }
      while (await this.pull(true)) {
        const chunk = this.buffer;
        this.consume(chunk.length);
        yield chunk;
      }
    } finally {
      await this.close();
    }
  }

  /** Stops the source (closing files and inflaters) when the caller leaves early. */
  async close(): Promise<void> {
    this.isDone = true;
    this.buffer = EMPTY;
    this.cursor = 0;
    await this.iterator.return?.();
  }
}

function concat(parts: Buffer[], length: number): Buffer {
  if (parts.length === 1) return parts[0] ?? EMPTY;
  return parts.length === 0 ? EMPTY : Buffer.concat(parts, length);
}
