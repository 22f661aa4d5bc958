import { describe, expect, it } from 'vitest';
import { formatFromPath } from './formats.js';
import { isBinary, isGzipMagic, isUtf8, looksLikeHtml, looksLikeWarc, sniffFormat } from './sniff.js';

const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');
const PNG_HEAD = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);

describe('formatFromPath', () => {
  it.each([
    ['a/b/page.html', 'html', false],
    ['PAGE.HTM', 'html', false],
    ['page.html.gz', 'html', true],
    ['notes.txt', 'text', false],
    ['notes.txt.gz', 'text', true],
    ['dump.jsonl', 'jsonl', false],
    ['dump.jsonl.gz', 'jsonl', true],
    ['crawl.warc.gz', 'warc', true],
    ['CC-NEWS-20250101.warc', 'warc', false],
    ['photo.png', null, false],
    ['archive.tar.gz', null, true],
    ['README', null, false],
    ['.html', null, false],
  ] as const)('%s → %s', (path, format, isGzipName) => {
    expect(formatFromPath(path)).toEqual({ format, isGzipName });
  });
});

describe('sniffing', () => {
  it('tells binary from text', () => {
    expect(isBinary(PNG_HEAD)).toBe(true);
    expect(isBinary(bytes('plain words\n\tand a tab\r\n'))).toBe(false);
    expect(isBinary(bytes('a\0b'))).toBe(true);
    expect(isBinary(Buffer.from(Array.from({ length: 100 }, (_, index) => (index % 3 === 0 ? 0x01 : 0x41))))).toBe(true);
    expect(isBinary(Buffer.from([0xff, 0xfe, 0x41, 0x00]))).toBe(false); // UTF-16LE with BOM
    expect(isBinary(Buffer.alloc(0))).toBe(false);
  });

  it('recognises HTML, WARC and gzip heads', () => {
    expect(looksLikeHtml(bytes('  <!DOCTYPE html><html>'))).toBe(true);
    expect(looksLikeHtml(bytes('<!-- saved page -->\n<html lang="fr">'))).toBe(true);
    expect(looksLikeHtml(bytes('Some text that mentions <p> tags later'))).toBe(true);
    expect(looksLikeHtml(bytes('Plain prose, 3 < 4 and 5 > 2.'))).toBe(false);
    expect(looksLikeWarc(bytes('WARC/1.0\r\nWARC-Type: warcinfo'))).toBe(true);
    expect(looksLikeWarc(bytes('WAR'))).toBe(false);
    expect(isGzipMagic(Buffer.from([0x1f, 0x8b, 0x08]))).toBe(true);
  });

  it('accepts UTF-8 cut inside a multi-byte sequence, refuses Latin-1', () => {
    const text = bytes('Zürich café');
    expect(isUtf8(text.subarray(0, 2))).toBe(true);
    expect(isUtf8(Buffer.from('Zürich', 'latin1'))).toBe(false);
  });

  it.each([
    ['WARC/1.1\r\n', 'warc'],
    ['<html><body>x</body></html>', 'html'],
    ['An ordinary paragraph of text.', 'text'],
    ['{"text": "one"}\n{"text": "two"}\n', 'jsonl'],
    ['{ not json\n', 'text'],
  ] as const)('sniffs %j as %s', (head, format) => {
    expect(sniffFormat(bytes(head))).toBe(format);
  });

  it('refuses binary and non-UTF-8 content', () => {
    expect(sniffFormat(PNG_HEAD)).toBeNull();
    expect(sniffFormat(Buffer.from('déjà vu', 'latin1'))).toBeNull();
  });
});
