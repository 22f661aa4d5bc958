import iconv from 'iconv-lite';

/** How far into an HTML document the `<meta charset>` prescan looks. */
export const CHARSET_PRESCAN_BYTES = 8192;

/** Where the charset used to decode a document came from. */
export type CharsetSource = 'bom' | 'http' | 'meta' | 'utf8' | 'fallback';

export interface DecodedText {
  readonly text: string;
  /** Canonical lower-case label, e.g. `utf-8`, `windows-1251`. */
  readonly charset: string;
  readonly charsetFrom: CharsetSource;
}

export interface DecodeOptions {
  /** True for markup: look for `<meta charset>` / `<?xml encoding?>` in the first bytes. */
  readonly isHtml: boolean;
  /** Charset from a transport header (HTTP Content-Type in a WARC record); ranks below the BOM only. */
  readonly declaredCharset?: string | undefined;
}

const META_TAG = /<meta\b[^>]*>/gi;
const CHARSET_IN_TAG = /charset\s*=\s*["']?\s*([\w.:+-]+)/i;
const XML_ENCODING = /^\s*<\?xml\b[^>]*\bencoding\s*=\s*["']([\w.:+-]+)["']/i;
const CHARSET_IN_CONTENT_TYPE = /;\s*charset\s*=\s*["']?([\w.:+-]+)/i;

/**
 * Labels the WHATWG Encoding Standard maps to another decoder: Latin-1 and ASCII labels mean
 * windows-1252 on the web (same printable range, plus typographic quotes in 0x80–0x9F).
 */
const LABEL_ALIASES: ReadonlyMap<string, string> = new Map([
  ['utf8', 'utf-8'],
  ['unicode-1-1-utf-8', 'utf-8'],
  ['iso-8859-1', 'windows-1252'],
  ['iso8859-1', 'windows-1252'],
  ['iso_8859-1', 'windows-1252'],
  ['latin1', 'windows-1252'],
  ['latin-1', 'windows-1252'],
  ['l1', 'windows-1252'],
  ['cp1252', 'windows-1252'],
  ['ascii', 'windows-1252'],
  ['us-ascii', 'windows-1252'],
  ['x-cp1251', 'windows-1251'],
  ['cp1251', 'windows-1251'],
  ['x-sjis', 'shift_jis'],
  ['gb2312', 'gbk'],
]);

/** Normalises a charset label and returns it only when iconv-lite can decode it. */
export function normalizeCharset(label: string | undefined): string | null {
  if (!label) return null;
  const lower = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  const canonical = LABEL_ALIASES.get(lower) ?? lower;
  return iconv.encodingExists(canonical) ? canonical : null;
}

/** Extracts the charset parameter of a Content-Type value: `text/html; charset=UTF-8` → `UTF-8`. */
export function charsetFromContentType(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  return CHARSET_IN_CONTENT_TYPE.exec(contentType)?.[1];
}

/** Detects a byte order mark; returns the charset and the BOM length. */
export function detectBom(bytes: Uint8Array): { charset: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', length: 2 };
  return null;
}

/**
 * Finds the charset an HTML document declares in its first CHARSET_PRESCAN_BYTES:
 * `<meta charset=…>`, `<meta http-equiv=Content-Type content="…; charset=…">` or an XML
 * declaration. Returns the raw label, or null.
 */
export function prescanMetaCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, CHARSET_PRESCAN_BYTES)).toString('latin1');
  const xml = XML_ENCODING.exec(head);
  if (xml?.[1]) return xml[1];
  for (const match of head.matchAll(META_TAG)) {
    const label = CHARSET_IN_TAG.exec(match[0])?.[1];
    if (label) return label;
  }
  return null;
}

function decodeWith(bytes: Uint8Array, charset: string): string {
  if (charset === 'utf-8') return new TextDecoder('utf-8').decode(bytes);
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), charset);
}

/**
 * Decodes a document's bytes, choosing the charset as browsers do: BOM, then the transport
 * header, then (HTML only) the `<meta>` prescan, then UTF-8 when the bytes are valid UTF-8,
 * else windows-1252. A `<meta>` claiming UTF-16 is ignored (the bytes were readable as ASCII).
 * Deterministic; never throws.
 */
export function decodeDocument(bytes: Uint8Array, options: DecodeOptions): DecodedText {
  const bom = detectBom(bytes);
  if (bom) return { text: decodeWith(bytes.subarray(bom.length), bom.charset), charset: bom.charset, charsetFrom: 'bom' };

  const declared = normalizeCharset(options.declaredCharset);
  if (declared && !declared.startsWith('utf-16')) {
    return { text: decodeWith(bytes, declared), charset: declared, charsetFrom: 'http' };
  }

  if (options.isHtml) {
    const meta = normalizeCharset(prescanMetaCharset(bytes) ?? undefined);
    if (meta && !meta.startsWith('utf-16')) return { text: decodeWith(bytes, meta), charset: meta, charsetFrom: 'meta' };
  }

  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text, charset: 'utf-8', charsetFrom: 'utf8' };
  } catch {
    return { text: decodeWith(bytes, 'windows-1252'), charset: 'windows-1252', charsetFrom: 'fallback' };
  }
}
