/**
 * Text for XML documents we write (OPML, RSS): everything markup-significant escaped, and the
 * characters XML 1.0 forbids (C0 controls but tab and newlines, U+FFFE/U+FFFF, lone surrogates)
 * removed, since titles and names come from hostile pages and a feed reader rejects the whole
 * document for one of them. Deterministic.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/[&<>"']/g, (ch) => XML_ESCAPES[ch] ?? ch);
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
