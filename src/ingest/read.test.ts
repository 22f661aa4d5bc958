import iconv from 'iconv-lite';
import { createServer, type Server } from 'node:net';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, open, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readInputs, surveyInputs, type ReadItem, type ReadOptions, type ReadSummary } from './index.js';

let root: string;

async function readAll(inputs: string[], options?: ReadOptions): Promise<{ items: ReadItem[]; summary: ReadSummary }> {
  const items: ReadItem[] = [];
  const generator = readInputs(inputs, options);
  for (;;) {
    const next = await generator.next();
    if (next.done === true) return { items, summary: next.value };
    items.push(next.value);
  }
}

async function readOne(path: string, options?: ReadOptions): Promise<ReadItem> {
  const { items } = await readAll([path], options);
  expect(items).toHaveLength(1);
  return items[0] as ReadItem;
}

function failureCode(item: ReadItem | undefined): string | undefined {
  return item && !item.ok ? item.error.code : undefined;
}

async function write(name: string, content: string | Buffer): Promise<string> {
  const path = join(root, name);
  await writeFile(path, content);
  return path;
}

const PAGE = '<!DOCTYPE html><html><head><title>Harbour reopens</title></head><body><p>The harbour reopened on Monday after repairs.</p></body></html>';
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'crosscheck-read-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('readInputs: single-document files', () => {
  it('reads an HTML file, filling hints from the options', async () => {
    const item = await readOne(await write('page.html', PAGE), { source: 'Coast Gazette', date: '2025-03-27' });
    expect(item).toEqual({
      ok: true,
      doc: { origin: { input: join(root, 'page.html') }, format: 'html', content: PAGE, hints: { source: 'Coast Gazette', published: '2025-03-27' } },
    });
  });

  it('reads .htm.gz and .txt.gz, and gzip whatever the name', async () => {
    const htm = await readOne(await write('page.htm.gz', gzipSync(PAGE)));
    expect(htm.ok && htm.doc.content).toBe(PAGE);
    const txt = await readOne(await write('notes.txt.gz', gzipSync('date 2025-01-02 Ferry times changed.')));
    expect(txt.ok && [txt.doc.format, txt.doc.content]).toEqual(['text', 'date 2025-01-02 Ferry times changed.']);
    const misnamed = await readOne(await write('plain.html.gz', PAGE));
    expect(misnamed.ok && misnamed.doc.content).toBe(PAGE);
  });

  it('keeps a text file as is, leading date token included', async () => {
    const item = await readOne(await write('report.txt', ' date 2025-03-27 The council met on Thursday.\n\nIt voted twice.\n'));
    expect(item.ok && item.doc).toMatchObject({ format: 'text', content: ' date 2025-03-27 The council met on Thursday.\n\nIt voted twice.\n', hints: {} });
  });

  it('reads a .txt file that is really an HTML page as HTML', async () => {
    const item = await readOne(await write('saved.txt', PAGE));
    expect(item.ok && item.doc.format).toBe('html');
  });

  it('decodes pages in windows-1251 and latin-1 declared in a meta tag', async () => {
    const russian = 'Саммит в Париже собрал делегации из тридцати стран.';
    const cyrillic = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head><body><p>${russian}</p></body></html>`;
    const item = await readOne(await write('ru.html', iconv.encode(cyrillic, 'windows-1251')));
    expect(item.ok && item.doc.content).toContain(russian);

    const german = 'Die Bürgermeisterin eröffnete die Brücke über die Saale.';
    const latin = `<html><head><meta charset="iso-8859-1"></head><body><p>${german}</p></body></html>`;
    const latinItem = await readOne(await write('de.htm', iconv.encode(latin, 'latin1')));
    expect(latinItem.ok && latinItem.doc.content).toContain(german);
  });

  it('falls back to windows-1252 for text that is not UTF-8', async () => {
    const item = await readOne(await write('legacy.txt', iconv.encode('“Smart quotes” and café.', 'windows-1252')));
    expect(item.ok && item.doc.content).toBe('“Smart quotes” and café.');
  });
});

describe('readInputs: files with other names', () => {
  it('sniffs a named file with an unknown extension', async () => {
    const text = await readOne(await write('NOTES', 'A short note about the weather.\n'));
    expect(text.ok && text.doc.format).toBe('text');
    const html = await readOne(await write('article.php', PAGE));
    expect(html.ok && html.doc.format).toBe('html');
  });

  it('refuses a named file it cannot recognise as unsupported_format', async () => {
    const binary = await readOne(await write('picture.bin', PNG));
    expect(failureCode(binary)).toBe('unsupported_format');
    const latin = await readOne(await write('old.dat', iconv.encode('Ancien texte accentué, très ancien.', 'latin1')));
    expect(failureCode(latin)).toBe('unsupported_format');
    expect(!latin.ok && latin.error.message).toContain('old.dat');
  });

  it('skips and counts unknown and hidden files in a folder walk, and ends on link loops', async () => {
    const folder = join(root, 'walk');
    await mkdir(join(folder, '.git'), { recursive: true });
    await mkdir(join(folder, 'sub'));
    await writeFile(join(folder, 'one.txt'), 'First.');
    await writeFile(join(folder, 'sub', 'two.html'), PAGE);
    await writeFile(join(folder, 'photo.jpg'), PNG);
    await writeFile(join(folder, 'script.js'), 'let x = 1;');
    await writeFile(join(folder, '.git', 'HEAD.txt'), 'ref');
    await symlink(folder, join(folder, 'sub', 'back-to-top'));
    const { items, summary } = await readAll([folder]);
    expect(items.map((item) => item.ok && item.doc.origin.input)).toEqual([join(folder, 'one.txt'), join(folder, 'sub', 'two.html')]);
    expect(summary).toMatchObject({ files: 2, documents: 2, errors: 0 });
    expect(summary.skipped).toMatchObject({ unsupported_extension: 2, hidden: 1, already_visited: 1 });
    expect(await surveyInputs([folder, join(root, 'nowhere')])).toEqual({ files: 2, bytes: 6 + PAGE.length });
  });
});

describe('readInputs: bad inputs', () => {
  it('reports a missing path and goes on with the next input', async () => {
    const good = await write('after-missing.txt', 'Still read.');
    const { items, summary } = await readAll([join(root, 'no-such-file.html'), good]);
    expect(failureCode(items[0])).toBe('not_found');
    expect(!items[0]?.ok && items[0]?.error.message).toBe(`${join(root, 'no-such-file.html')}: no such file or folder`);
    expect(!items[0]?.ok && items[0]?.error.stage).toBe('ingest');
    expect(items[1]?.ok).toBe(true);
    expect(summary).toMatchObject({ documents: 1, errors: 1 });
  });

  it('reports a socket named as input as unreadable', async () => {
    const socketPath = join(root, 'daemon.sock');
    const server: Server = createServer();
    await new Promise<void>((resolve) => server.listen(socketPath, resolve));
    try {
      const item = await readOne(socketPath);
      expect(failureCode(item)).toBe('unreadable');
      expect(!item.ok && item.error.message).toContain('not a regular file');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  // Reading this file fails with EIO: a real read error even for root, who passes every permission check.
  it.skipIf(!existsSync('/proc/self/mem'))('reports a file that fails while being read as unreadable', async () => {
    const item = await readOne('/proc/self/mem');
    expect(failureCode(item)).toBe('unreadable');
    expect(!item.ok && item.error.message).toMatch(/^\/proc\/self\/mem: /);
  });

  // As root every file is readable, so this case only runs for other users.
  it.skipIf(process.getuid?.() === 0)('reports a file without read permission as unreadable', async () => {
    const path = await write('secret.txt', 'private');
    const { chmod } = await import('node:fs/promises');
    await chmod(path, 0o000);
    expect(failureCode(await readOne(path))).toBe('unreadable');
  });

  it('reports empty and blank files as empty_input', async () => {
    expect(failureCode(await readOne(await write('empty.html', '')))).toBe('empty_input');
    expect(failureCode(await readOne(await write('blank.txt', ' \n\t\n')))).toBe('empty_input');
    expect(failureCode(await readOne(await write('empty.txt.gz', gzipSync(''))))).toBe('empty_input');
  });

  it('refuses ARC web archives by name and by content, as unsupported_format', async () => {
    const arc = 'filedesc://crawl-01.arc 0.0.0.0 20010101000000 text/plain 70\n1 0 Example\nURL IP-address Archive-date Content-type Archive-length\n\n';
    for (const name of ['crawl.arc', 'crawl.arc.gz', 'crawl.dat']) {
      const item = await readOne(await write(name, name.endsWith('.gz') ? gzipSync(arc) : arc));
      expect(failureCode(item)).toBe('unsupported_format');
      expect(!item.ok && item.error.message).toMatch(/ARC/);
    }
    const renamed = await readOne(await write('crawl-as-text.txt', arc));
    expect(failureCode(renamed)).toBe('unsupported_format');
  });

  it('reports a PNG renamed .html as binary_input', async () => {
    const item = await readOne(await write('fake.html', PNG));
    expect(failureCode(item)).toBe('binary_input');
    expect(!item.ok && item.error.message).toContain('fake.html');
    expect(failureCode(await readOne(await write('nul.txt', 'abc\0def')))).toBe('binary_input');
  });

  it('refuses a 200 MB page as too_large without reading it', async () => {
    const path = join(root, 'huge.html');
    const handle = await open(path, 'w');
    const chunk = Buffer.alloc(1024 * 1024, '<p>filler paragraph text</p>\n');
    for (let index = 0; index < 200; index++) await handle.write(chunk);
    await handle.close();
    const progress: number[] = [];
    const heapBefore = process.memoryUsage().heapUsed;
    const item = await readOne(path, { onProgress: (bytes) => progress.push(bytes) });
    expect(failureCode(item)).toBe('too_large');
    expect(!item.ok && item.error.message).toContain('huge.html');
    // One call for the whole file passed over: no chunk was read.
    expect(progress).toEqual([200 * 1024 * 1024]);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(50 * 1024 * 1024);
    await rm(path);
  });

  it('stops reading a compressed page at the limit: too_large', async () => {
    const words = Array.from({ length: 4000 }, (_, index) => `word${(index * 7919) % 10007}`).join(' ');
    const item = await readOne(await write('long.html.gz', gzipSync(words)), { maxDocumentBytes: 10_000 });
    expect(failureCode(item)).toBe('too_large');
  });

  it('refuses a gzip bomb early: decompression_bomb', async () => {
    // 64 MiB of one byte compresses to a few hundred KB: a ratio far above 100.
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20), { level: 1 });
    const path = await write('bomb.html.gz', bomb);
    const heapBefore = process.memoryUsage().heapUsed;
    const item = await readOne(path);
    expect(failureCode(item)).toBe('decompression_bomb');
    expect(!item.ok && item.error.message).toContain('bomb.html.gz');
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(50 * 1024 * 1024);

    const small = await write('small-bomb.txt.gz', gzipSync(Buffer.alloc(2 * 1024 * 1024, 0x41)));
    expect(failureCode(await readOne(small, { maxDocumentBytes: 1024 * 1024 }))).toBe('decompression_bomb');
  });

  it('reports corrupt gzip data and a cut gzip file', async () => {
    const gz = gzipSync(PAGE);
    const corrupt = Buffer.from(gz);
    corrupt.fill(0xff, 10, 30);
    expect(failureCode(await readOne(await write('corrupt.html.gz', corrupt)))).toBe('unreadable');
    expect(failureCode(await readOne(await write('cut.html.gz', gz.subarray(0, gz.length - 12))))).toBe('truncated');
  });

  it('adds up progress to the surveyed total, read or not', async () => {
    const folder = join(root, 'progress');
    await mkdir(folder);
    await writeFile(join(folder, 'a.txt'), 'Some words.');
    await writeFile(join(folder, 'b.html'), PNG);
    await writeFile(join(folder, 'c.jsonl'), `${JSON.stringify({ text: 'x' })}\n`);
    let done = 0;
    await readAll([folder], { onProgress: (bytes) => (done += bytes) });
    expect(done).toBe((await surveyInputs([folder])).bytes);
  });

  // Leaving the loop early must close the file: count open descriptors (Linux).
  it.skipIf(!existsSync('/proc/self/fd'))('closes the file when the caller stops early', async () => {
    const path = await write('many.jsonl', `${JSON.stringify({ text: 'line' })}\n`.repeat(50_000));
    const { readdir } = await import('node:fs/promises');
    const before = (await readdir('/proc/self/fd')).length;
    for await (const item of readInputs([path])) {
      expect(item.ok).toBe(true);
      break;
    }
    // The descriptor is closed asynchronously after the stream is destroyed.
    let after = (await readdir('/proc/self/fd')).length;
    for (let tries = 0; tries < 100 && after > before; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      after = (await readdir('/proc/self/fd')).length;
    }
    expect(after).toBeLessThanOrEqual(before);
  });

  it('throws invalid_argument for bad options', async () => {
    await expect(readAll([root], { date: '27/03/2025' })).rejects.toMatchObject({ code: 'invalid_argument' });
    await expect(readAll([root], { maxDocumentBytes: 0 })).rejects.toMatchObject({ code: 'invalid_argument' });
  });
});
