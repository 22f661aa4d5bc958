import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { charsetFromContentType, decodeDocument, normalizeCharset, prescanMetaCharset } from './decode.js';

const RUSSIAN = 'Переговоры в Париже продолжились в четверг';
const FRENCH = 'Le président a déclaré à la presse : « Nous sommes prêts ».';

function page(metaTag: string, body: string): string {
  return `<!doctype html><html><head>${metaTag}<title>t</title></head><body><p>${body}</p></body></html>`;
}

describe('decodeDocument', () => {
  it('decodes windows-1251 declared by <meta charset>', () => {
    const bytes = iconv.encode(page('<meta charset="windows-1251">', RUSSIAN), 'windows-1251');
    const decoded = decodeDocument(bytes, { isHtml: true });
    expect(decoded.charset).toBe('windows-1251');
    expect(decoded.charsetFrom).toBe('meta');
    expect(decoded.text).toContain(RUSSIAN);
  });

  it('decodes ISO-8859-1 declared by http-equiv, attributes in any order', () => {
    const meta = '<META content="text/html; charset=ISO-8859-1" http-equiv="Content-Type">';
    const bytes = iconv.encode(page(meta, FRENCH), 'latin1');
    const decoded = decodeDocument(bytes, { isHtml: true });
    expect(decoded.charset).toBe('windows-1252');
    expect(decoded.text).toContain(FRENCH);
  });

  it('prefers a BOM, then the transport header, over <meta>', () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page('<meta charset="windows-1251">', FRENCH))]);
    expect(decodeDocument(withBom, { isHtml: true })).toMatchObject({ charsetFrom: 'bom', charset: 'utf-8' });
    expect(decodeDocument(withBom, { isHtml: true }).text.startsWith('<!doctype')).toBe(true);

    const cyrillic = iconv.encode(page('<meta charset="utf-8">', RUSSIAN), 'windows-1251');
    const decoded = decodeDocument(cyrillic, { isHtml: true, declaredCharset: 'cp1251' });
    expect(decoded).toMatchObject({ charsetFrom: 'http', charset: 'windows-1251' });
    expect(decoded.text).toContain(RUSSIAN);
  });

  it('reads UTF-16 with a BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(FRENCH, 'utf16le')]);
    expect(decodeDocument(bytes, { isHtml: false }).text).toBe(FRENCH);
  });

  it('uses UTF-8 when valid, windows-1252 otherwise, and ignores unknown labels', () => {
    expect(decodeDocument(Buffer.from(FRENCH), { isHtml: false })).toMatchObject({ text: FRENCH, charsetFrom: 'utf8' });
    const latin = iconv.encode(`“${FRENCH}”`, 'windows-1252');
    expect(decodeDocument(latin, { isHtml: false })).toMatchObject({ text: `“${FRENCH}”`, charsetFrom: 'fallback' });
    const bogus = Buffer.from(page('<meta charset="no-such-charset">', FRENCH));
    expect(decodeDocument(bogus, { isHtml: true })).toMatchObject({ charsetFrom: 'utf8' });
  });

  it('does not look for <meta> in plain text', () => {
    const bytes = iconv.encode(`The tag <meta charset="windows-1251"> and ${FRENCH}`, 'utf8');
    expect(decodeDocument(bytes, { isHtml: false }).charset).toBe('utf-8');
  });
});

describe('charset helpers', () => {
  it.each([
    ['UTF8', 'utf-8'],
    ['latin1', 'windows-1252'],
    ['"Windows-1251"', 'windows-1251'],
    ['koi8-r', 'koi8-r'],
    ['nonsense', null],
    [undefined, null],
  ] as const)('normalizeCharset(%j) = %j', (label, expected) => {
    expect(normalizeCharset(label)).toBe(expected);
  });

  it('finds the charset in a Content-Type and in an XML declaration', () => {
    expect(charsetFromContentType('text/html; charset="ISO-8859-2"')).toBe('ISO-8859-2');
    expect(charsetFromContentType('text/html')).toBeUndefined();
    expect(prescanMetaCharset(Buffer.from('<?xml version="1.0" encoding="windows-1250"?><html>'))).toBe('windows-1250');
  });
});
