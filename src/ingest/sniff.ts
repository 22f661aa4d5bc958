import type { InputFormat } from './formats.js';

/** How many leading bytes the binary check looks at. */
export const SNIFF_BYTES = 1024;
/** Share of control bytes in the sniffed head above which content counts as binary. */
export const MAX_CONTROL_SHARE = 0.1;

// Defined up here so they are not rebuilt per call.
const HTML_START = /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta[\s>]|title[\s>])/i;
const HTML_TAG_ANYWHERE = /<(?:html|head|body|p|div|article|meta|title|h[1-6]|br|a\s)[\s>/]/i;
const XML_DECLARATION = /^\s*<\?xml\b[^>]*\?>\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>])/i;

/** Magic numbers of common binary formats that might carry a text extension by mistake. */
const BINARY_MAGIC: readonly (readonly number[])[] = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0x50, 0x4b, 0x03, 0x04], // ZIP (docx, epub, ...)
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0x28, 0xb5, 0x2f, 0xfd], // zstd
  [0x42, 0x5a, 0x68], // bzip2
  [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], // xz
];

function startsWithBytes(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((value, index) => bytes[index] === value);
}

/** True for the gzip magic number (1f 8b). */
export function isGzipMagic(head: Uint8Array): boolean {
  return head[0] === 0x1f && head[1] === 0x8b;
}

/** True when the bytes start with a UTF-16 byte order mark (whose text is full of NUL bytes). */
export function hasUtf16Bom(head: Uint8Array): boolean {
  return (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
}

/**
 * True when the head of a file is not text: a known binary magic number, a NUL byte, or more
 * than MAX_CONTROL_SHARE control bytes (tab, newlines, form feed and escape are text) in the
 * first SNIFF_BYTES. UTF-16 with a BOM is text.
 */
export function isBinary(head: Uint8Array): boolean {
  if (hasUtf16Bom(head)) return false;
  if (BINARY_MAGIC.some((magic) => startsWithBytes(head, magic))) return true;
  const end = Math.min(head.length, SNIFF_BYTES);
  let control = 0;
  for (let index = 0; index < end; index++) {
    const byte = head[index] ?? 0;
    if (byte === 0) return true;
    // \t \n \v \f \r and ESC (ISO-2022 escapes) are ordinary in text.
    if (byte < 0x20 && !(byte >= 0x09 && byte <= 0x0d) && byte !== 0x1b) control++;
  }
  return end > 0 && control / end > MAX_CONTROL_SHARE;
}

/** Latin-1 view of the head: every byte one char, enough for ASCII markup checks. */
function asciiView(head: Uint8Array, limit = 4096): string {
  return Buffer.from(head.buffer, head.byteOffset, Math.min(head.length, limit)).toString('latin1');
}

/** True when the text starts like an HTML document (doctype, `<html>`, `<head>`...). */
export function startsLikeHtml(text: string): boolean {
  return HTML_START.test(text) || XML_DECLARATION.test(text);
}

/** True when the bytes start like an HTML document, or carry common tags early on. */
export function looksLikeHtml(head: Uint8Array): boolean {
  const text = asciiView(head).replace(/^\ufeff|^\xef\xbb\xbf/, '');
  return startsLikeHtml(text) || HTML_TAG_ANYWHERE.test(text);
}

/** True when the bytes start with a WARC version line. */
export function looksLikeWarc(head: Uint8Array): boolean {
  return /^WARC\/\d/.test(asciiView(head, 16));
}

/** True when the bytes are valid UTF-8 (a multi-byte sequence cut at the end is allowed). */
export function isUtf8(head: Uint8Array, isCutAtEnd = true): boolean {
  let end = head.length;
  if (isCutAtEnd) {
    // Step back over a trailing, possibly incomplete, sequence: at most 3 continuation bytes.
    let back = 0;
    while (back < 3 && end - back - 1 >= 0 && ((head[end - back - 1] ?? 0) & 0xc0) === 0x80) back++;
    const lead = head[end - back - 1];
    if (lead !== undefined && lead >= 0xc0) end = end - back - 1;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/** True when the first line is a whole JSON object: JSON Lines rather than prose. */
export function looksLikeJsonl(head: Uint8Array): boolean {
  if (head[0] !== 0x7b) return false; // '{'
  const newline = head.indexOf(0x0a);
  if (newline === -1) return false;
  try {
    const value: unknown = JSON.parse(Buffer.from(head.buffer, head.byteOffset, newline).toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

/** ARC (the Internet Archive's format before WARC) starts with its `filedesc://` version block. */
export function looksLikeArc(head: Uint8Array): boolean {
  return head.length >= 11 && Buffer.from(head.subarray(0, 11)).toString('latin1') === 'filedesc://';
}

/** A file named `.arc` or `.arc.gz`. */
export function isArcName(path: string): boolean {
  return /\.arc(\.gz)?$/i.test(path);
}

/**
 * Guesses the format of content whose name says nothing: WARC, JSON Lines, HTML, then UTF-8 text.
 * Returns null for anything else (binary, or text in an unknown encoding).
 */
export function sniffFormat(head: Uint8Array): InputFormat | null {
  if (looksLikeWarc(head)) return 'warc';
  if (isBinary(head)) return null;
  if (looksLikeJsonl(head)) return 'jsonl';
  if (looksLikeHtml(head)) return 'html';
  return isUtf8(head) ? 'text' : null;
}
