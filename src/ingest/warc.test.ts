import iconv from 'iconv-lite';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readInputs, type ReadItem, type ReadOptions, type ReadSummary } from './index.js';
import { formatHttpResponse, formatWarcRecord } from './warc-write.js';

let root: string;

async function readAll(path: string, options?: ReadOptions): Promise<{ items: ReadItem[]; summary: ReadSummary }> {
  const items: ReadItem[] = [];
  const generator = readInputs([path], options);
  for (;;) {
    const next = await generator.next();
    if (next.done === true) return { items, summary: next.value };
    items.push(next.value);
  }
}

function locationOf(item: ReadItem | undefined): string | undefined {
  return item?.ok ? item.doc.origin.location : item?.origin.location;
}

function page(title: string, body: string, head = ''): string {
  return `<!doctype html><html><head>${head}<title>${title}</title></head><body><article><p>${body}</p></article></body></html>`;
}

function htmlResponse(uri: string, html: string | Buffer, headers: Record<string, string> = { 'Content-Type': 'text/html; charset=UTF-8' }, status = 200): Buffer {
  return formatWarcRecord({ type: 'response', targetUri: uri, recordId: `urn:uuid:${uri.length}-${uri.slice(-6)}`, block: formatHttpResponse(status, headers, html) });
}

/** A small crawl: what a news WARC holds around its pages. */
function sampleRecords(): Buffer[] {
  return [
    formatWarcRecord({ type: 'warcinfo', block: 'software: test-writer\r\nformat: WARC File Format 1.1\r\n' }),
    formatWarcRecord({ type: 'request', targetUri: 'https://news.example/one', block: 'GET /one HTTP/1.1\r\nHost: news.example\r\n\r\n' }),
    htmlResponse('https://news.example/one', page('One', 'Storm closes the coastal road.')),
    formatWarcRecord({ type: 'metadata', targetUri: 'https://news.example/one', block: 'fetchTimeMs: 120\r\n' }),
    htmlResponse('https://news.example/logo.png', Buffer.from('89504e470d0a1a0a', 'hex'), { 'Content-Type': 'image/png' }),
    htmlResponse('https://news.example/moved', 'Moved', { Location: '/two', 'Content-Type': 'text/html' }, 301),
    htmlResponse('https://news.example/gone', page('Gone', 'Not here.'), { 'Content-Type': 'text/html' }, 404),
    htmlResponse('https://news.example/two', page('Two', 'Ferries resume after the storm.')),
    formatWarcRecord({ type: 'resource', targetUri: 'file:///saved/three.html', contentType: 'text/html', block: page('Three', 'A saved page.') }),
  ];
}

function offsetsOf(records: Buffer[]): number[] {
  const offsets: number[] = [];
  let offset = 0;
  for (const record of records) {
    offsets.push(offset);
    offset += record.length;
  }
  return offsets;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'crosscheck-warc-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('readInputs: WARC', () => {
  const records = sampleRecords();
  const offsets = offsetsOf(records);
  const expectedLocations = [2, 7, 8].map((index) => `record at offset ${offsets[index]}`);

  it.each([
    ['plain', 'crawl.warc', (): Buffer => Buffer.concat(records)],
    ['gzip per record (CC-NEWS)', 'crawl-members.warc.gz', (): Buffer => Buffer.concat(records.map((record) => gzipSync(record)))],
    ['gzip whole file', 'crawl-whole.warc.gz', (): Buffer => gzipSync(Buffer.concat(records))],
  ])('reads HTML responses from a %s WARC and skips the rest', async (_label, name, build) => {
    const path = join(root, name);
    await writeFile(path, build());
    const { items, summary } = await readAll(path);
    expect(items.map(locationOf)).toEqual(expectedLocations);
    const [one] = items;
    expect(one?.ok && one.doc).toEqual({
      origin: { input: path, location: expectedLocations[0] },
      format: 'html',
      content: page('One', 'Storm closes the coastal road.'),
      hints: { url: 'https://news.example/one', id: 'urn:uuid:24-le/one' },
    });
    expect(summary.skipped).toMatchObject({ warc_other_record: 3, warc_not_html: 1, warc_http_status: 2 });
    expect(summary).toMatchObject({ files: 1, documents: 3, errors: 0 });
  });

  it('decodes the charset from the HTTP header or the page, and undoes content and transfer encodings', async () => {
    const russian = 'Шторм закрыл прибрежную дорогу.';
    const polish = 'Burza zamknęła drogę nadmorską.';
    const english = 'Ferries resume after the storm.';
    const chunked = (body: string): string => `${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`;
    const encoded = [
      htmlResponse('https://a.example/ru', iconv.encode(page('ru', russian), 'windows-1251'), { 'Content-Type': 'text/html; charset=windows-1251' }),
      htmlResponse('https://a.example/pl', iconv.encode(page('pl', polish, '<meta charset="iso-8859-2">'), 'iso-8859-2'), { 'Content-Type': 'text/html' }),
      htmlResponse('https://a.example/gz', gzipSync(page('gz', english)), { 'Content-Type': 'text/html', 'Content-Encoding': 'gzip' }),
      htmlResponse('https://a.example/br', brotliCompressSync(page('br', english)), { 'Content-Type': 'text/html', 'Content-Encoding': 'br' }),
      htmlResponse('https://a.example/df', deflateSync(page('df', english)), { 'Content-Type': 'text/html', 'Content-Encoding': 'deflate' }),
      htmlResponse('https://a.example/ch', chunked(page('ch', english)), { 'Content-Type': 'text/html', 'Transfer-Encoding': 'chunked' }),
      // Stored decoded though the header still says gzip, as many crawlers do.
      htmlResponse('https://a.example/pre', page('pre', english), { 'Content-Type': 'text/html', 'Content-Encoding': 'gzip' }),
      // No Content-Type: sniffed.
      htmlResponse('https://a.example/none', page('none', english), {}),
      // No Content-Type and a compressed body: sniffed after decoding.
      htmlResponse('https://a.example/vague', gzipSync(page('vague', english)), { 'Content-Encoding': 'gzip' }),
      // Gzip without a Content-Encoding header.
      htmlResponse('https://a.example/bare', gzipSync(page('bare', english)), { 'Content-Type': 'text/html' }),
      htmlResponse('https://a.example/json', '{"html": "<p>no</p>"}', { 'Content-Type': 'application/json' }),
      formatWarcRecord({ type: 'response', targetUri: 'dns:a.example', contentType: 'text/dns', block: '20250101000000\na.example. 300 IN A 192.0.2.1\n' }),
      formatWarcRecord({ type: 'resource', targetUri: 'file:///x.css', contentType: 'text/css', block: 'p { color: red }' }),
    ];
    const path = join(root, 'encodings.warc');
    await writeFile(path, Buffer.concat(encoded));
    const { items, summary } = await readAll(path);
    const contents = items.map((item) => (item.ok ? item.doc.content : `${item.error.code}: ${item.error.message}`));
    expect(contents).toEqual([
      page('ru', russian),
      page('pl', polish, '<meta charset="iso-8859-2">'),
      page('gz', english),
      page('br', english),
      page('df', english),
      page('ch', english),
      page('pre', english),
      page('none', english),
      page('vague', english),
      page('bare', english),
    ]);
    expect(summary.skipped.warc_not_html).toBe(3);
  });

  it('does not take the crawl date as the publication date; --date fills it', async () => {
    const path = join(root, 'dates.warc');
    await writeFile(path, htmlResponse('https://b.example/x', page('x', 'Body.')));
    const [plain] = (await readAll(path)).items;
    expect(plain?.ok && plain.doc.hints.published).toBeUndefined();
    const [dated] = (await readAll(path, { date: '2025-03-27', source: 'Crawl' })).items;
    expect(dated?.ok && dated.doc.hints).toMatchObject({ published: '2025-03-27', source: 'Crawl' });
  });

  it.each([
    ['its header', 100],
    ['its body', 400],
  ])('yields the complete records of a WARC cut inside %s, then one truncated failure at the cut record', async (_where, into) => {
    const whole = Buffer.concat(records);
    const cutRecord = 7;
    const path = join(root, `cut-${into}.warc`);
    await writeFile(path, whole.subarray(0, (offsets[cutRecord] ?? 0) + into));
    const { items } = await readAll(path);
    expect(items.map(locationOf)).toEqual([expectedLocations[0], `record at offset ${offsets[cutRecord]}`]);
    const last = items[1];
    expect(!last?.ok && last?.error.code).toBe('truncated');
    expect(!last?.ok && last?.error.message).toContain(`cut-${into}.warc (record at offset ${offsets[cutRecord]}): the input ends inside`);
  });

  it('does the same for a CC-NEWS style file cut inside a gzip member', async () => {
    const members = records.map((record) => gzipSync(record));
    const cutMember = 7;
    const before = Buffer.concat(members.slice(0, cutMember));
    const path = join(root, 'cut.warc.gz');
    await writeFile(path, Buffer.concat([before, (members[cutMember] ?? Buffer.alloc(0)).subarray(0, 40)]));
    const { items } = await readAll(path);
    expect(items.map(locationOf)).toEqual([expectedLocations[0], `record at offset ${offsets[cutMember]}`]);
    expect(!items[1]?.ok && items[1]?.error.code).toBe('truncated');
  });

  it('stops at a record that is not WARC, after yielding the ones before', async () => {
    const path = join(root, 'garbage.warc');
    const good = htmlResponse('https://c.example/ok', page('ok', 'Fine.'));
    await writeFile(path, Buffer.concat([good, Buffer.from('this is not a record\r\n\r\n'), good]));
    const { items } = await readAll(path);
    expect(items.map((item) => (item.ok ? 'doc' : `${item.error.code} ${item.origin.location}`))).toEqual(['doc', `invalid_record record at offset ${good.length}`]);
  });

  it('refuses an oversized page and a payload bomb per record, and reads on', async () => {
    const limit = 1024 * 1024;
    const big = page('big', 'Long text. '.repeat(120_000));
    const bomb = gzipSync(Buffer.alloc(4 * 1024 * 1024, 0x20));
    const small = page('small', 'Short.');
    const recordsWithTrouble = [
      htmlResponse('https://d.example/big', big),
      htmlResponse('https://d.example/bomb', bomb, { 'Content-Type': 'text/html', 'Content-Encoding': 'gzip' }),
      htmlResponse('https://d.example/small', small),
    ];
    const path = join(root, 'trouble.warc.gz');
    await writeFile(path, Buffer.concat(recordsWithTrouble.map((record) => gzipSync(record))));
    const { items } = await readAll(path, { maxDocumentBytes: limit });
    const at = offsetsOf(recordsWithTrouble);
    expect(items.map((item) => (item.ok ? `doc ${item.doc.origin.location}` : `${item.error.code} ${item.origin.location}`))).toEqual([
      `too_large record at offset ${at[0]}`,
      `decompression_bomb record at offset ${at[1]}`,
      `doc record at offset ${at[2]}`,
    ]);
  });

  it('reports an empty or non-WARC .warc file', async () => {
    const empty = join(root, 'empty.warc');
    await writeFile(empty, '');
    expect((await readAll(empty)).items.map((item) => !item.ok && item.error.code)).toEqual(['empty_input']);
    const png = join(root, 'image.warc');
    await writeFile(png, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
    expect((await readAll(png)).items.map((item) => !item.ok && item.error.code)).toEqual(['binary_input']);
  });

  it('streams: the first page comes before the file is read through', async () => {
    const record = gzipSync(htmlResponse('https://e.example/page', page('page', 'Paragraph text. '.repeat(500))));
    const path = join(root, 'stream.warc.gz');
    const count = 2000;
    await writeFile(path, Buffer.concat(Array.from({ length: count }, () => record)));
    let bytesRead = 0;
    let bytesAtFirst = -1;
    let documents = 0;
    for await (const item of readInputs([path], { onProgress: (bytes) => (bytesRead += bytes) })) {
      if (bytesAtFirst < 0) bytesAtFirst = bytesRead;
      if (item.ok) documents++;
    }
    expect(documents).toBe(count);
    expect(bytesAtFirst).toBeLessThan((record.length * count) / 4);
  });
});
