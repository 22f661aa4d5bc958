import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readInputs, type ReadItem, type ReadOptions } from './index.js';

let root: string;

async function readAll(path: string, options?: ReadOptions): Promise<ReadItem[]> {
  const items: ReadItem[] = [];
  for await (const item of readInputs([path], options)) items.push(item);
  return items;
}

function summarize(item: ReadItem): string {
  if (item.ok) return `${item.doc.origin.location ?? ''} ${item.doc.format}`;
  return `${item.origin.location ?? ''} ${item.error.code}`;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'crosscheck-jsonl-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const LINES = [
  JSON.stringify({ id: 17, url: 'https://example.org/a', title: 'Bridge opens', text: 'The bridge opened.', source: 'Valley Post', published: '2025-02-01', language: 'en' }),
  JSON.stringify({ text: 'Plain text wins nothing here.', html: '<p>Markup wins.</p>', title: 'Both given' }),
  '',
  '{"text": "unterminated',
  JSON.stringify({ title: 'No body at all' }),
  JSON.stringify(['an', 'array']),
  JSON.stringify({ text: 42 }),
  JSON.stringify({ text: 'Last one, with nulls.', url: null, id: '' }),
];

describe('readInputs: JSONL', () => {
  it('yields each good line and one failure per bad line, with line numbers', async () => {
    const path = join(root, 'articles.jsonl');
    await writeFile(path, LINES.join('\r\n') + '\r\n\n');
    const items = await readAll(path);
    expect(items.map(summarize)).toEqual([
      'line 1 text',
      'line 2 html',
      'line 4 invalid_json',
      'line 5 invalid_record',
      'line 6 invalid_record',
      'line 7 invalid_record',
      'line 8 text',
    ]);
    const [first, second] = items;
    expect(first?.ok && first.doc).toEqual({
      origin: { input: path, location: 'line 1' },
      format: 'text',
      content: 'The bridge opened.',
      hints: { id: '17', url: 'https://example.org/a', title: 'Bridge opens', source: 'Valley Post', published: '2025-02-01', language: 'en' },
    });
    expect(second?.ok && second.doc.content).toBe('<p>Markup wins.</p>');
    const failure = items[3];
    expect(!failure?.ok && failure?.error.message).toBe(`${path} (line 5): the record has neither "text" nor "html"`);
    const wrongType = items[5];
    expect(!wrongType?.ok && wrongType?.error.message).toContain('field "text"');
  });

  it('fills source and date from the options only where the line has none', async () => {
    const path = join(root, 'options.jsonl');
    await writeFile(path, [JSON.stringify({ text: 'a', source: 'Own Source', published: '2024-12-31' }), JSON.stringify({ text: 'b' })].join('\n'));
    const items = await readAll(path, { source: 'Option Source', date: '2025-01-15' });
    expect(items.map((item) => item.ok && item.doc.hints)).toEqual([
      { source: 'Own Source', published: '2024-12-31' },
      { source: 'Option Source', published: '2025-01-15' },
    ]);
  });

  it('reads .jsonl.gz', async () => {
    const path = join(root, 'articles.jsonl.gz');
    await writeFile(path, gzipSync(LINES.slice(0, 2).join('\n')));
    expect((await readAll(path)).map(summarize)).toEqual(['line 1 text', 'line 2 html']);
  });

  it('skips an overlong line as too_large and reads the next', async () => {
    const path = join(root, 'long.jsonl');
    await writeFile(path, [JSON.stringify({ text: 'x'.repeat(5000) }), JSON.stringify({ text: 'short' })].join('\n'));
    expect((await readAll(path, { maxDocumentBytes: 1000 })).map(summarize)).toEqual(['line 1 too_large', 'line 2 text']);
  });

  it('reports a file without records as empty_input', async () => {
    const path = join(root, 'blank.jsonl');
    await writeFile(path, '\n  \n');
    const items = await readAll(path);
    expect(items.map(summarize)).toEqual([' empty_input']);
  });

  it('streams: the first article comes before the file is read through', async () => {
    const path = join(root, 'big.jsonl');
    const line = JSON.stringify({ text: 'Repeated article body. '.repeat(40) }) + '\n';
    await writeFile(path, line.repeat(3000));
    let bytesRead = 0;
    let bytesAtFirst = -1;
    let count = 0;
    for await (const item of readInputs([path], { onProgress: (bytes) => (bytesRead += bytes) })) {
      if (bytesAtFirst < 0) bytesAtFirst = bytesRead;
      if (item.ok) count++;
    }
    expect(count).toBe(3000);
    expect(bytesAtFirst).toBeLessThan((line.length * 3000) / 10);
  });
});
