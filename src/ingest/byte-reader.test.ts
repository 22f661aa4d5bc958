import { describe, expect, it } from 'vitest';
import { ByteReader } from './byte-reader.js';

async function* chunks(parts: string[], failAtEnd?: Error): AsyncGenerator<Buffer> {
  for (const part of parts) yield await Promise.resolve(Buffer.from(part, 'latin1'));
  if (failAtEnd) throw failAtEnd;
}

describe('ByteReader', () => {
  it('reads lines across chunk borders and tracks the position', async () => {
    const reader = new ByteReader(chunks(['ab', 'c\nde', 'f\r\n', '', 'last']));
    const first = await reader.readLine(100);
    expect(first?.bytes.toString()).toBe('abc');
    expect(reader.position).toBe(4);
    expect((await reader.readLine(100))?.bytes.toString()).toBe('def\r');
    const last = await reader.readLine(100);
    expect(last).toMatchObject({ hasNewline: false, isTooLong: false });
    expect(last?.bytes.toString()).toBe('last');
    expect(await reader.readLine(100)).toBeNull();
    expect(reader.position).toBe(13);
  });

  it('skips a line over the limit without keeping it, then goes on', async () => {
    const reader = new ByteReader(chunks(['0123', '456789', '\nok\n']));
    expect(await reader.readLine(5)).toMatchObject({ isTooLong: true, length: 10, hasNewline: true });
    expect((await reader.readLine(5))?.bytes.toString()).toBe('ok');
  });

  it('reads, skips and peeks exact byte counts', async () => {
    const reader = new ByteReader(chunks(['hello ', 'wide ', 'world']));
    expect((await reader.peek(8)).toString()).toBe('hello wi');
    expect(reader.position).toBe(0);
    expect((await reader.read(3)).toString()).toBe('hel');
    expect(await reader.skip(6)).toBe(6);
    expect((await reader.read(100)).toString()).toBe('e world');
    expect(await reader.skip(5)).toBe(0);
    expect(await reader.isAtEnd()).toBe(true);
  });

  it('hands out the bytes before a source failure, then throws it', async () => {
    const failure = new Error('cut');
    const reader = new ByteReader(chunks(['complete\npart'], failure));
    expect((await reader.peek(100)).toString()).toBe('complete\npart');
    expect((await reader.readLine(100))?.bytes.toString()).toBe('complete');
    await expect(reader.readLine(100)).rejects.toBe(failure);
  });
});
