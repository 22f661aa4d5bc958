import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSources, type ReadItem } from './index.js';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'crosscheck-sources-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A port on 127.0.0.1 with nothing listening (taken, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

function rss(entries: Array<{ link: string; summary: string }>): string {
  const items = entries
    .map((e, i) => `<item><title>Entry ${i}</title><link>${e.link}</link><description>${e.summary}</description></item>`)
    .join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Valley Post</title><link>https://valley.example/</link>${items}</channel></rss>`;
}

async function readAll(inputs: string[], allowPrivate: boolean): Promise<ReadItem[]> {
  const items: ReadItem[] = [];
  for await (const item of readSources(inputs, { fetch: { allowPrivate, connectTimeoutMs: 5_000, timeoutMs: 10_000 } })) items.push(item);
  return items;
}

describe('readSources: feed entries whose page cannot be read', () => {
  it('fails an entry whose page is refused (a metadata or private address) instead of storing its summary', async () => {
    const feed = join(root, 'refused.rss');
    await writeFile(
      feed,
      rss([
        { link: 'http://169.254.169.254/latest/meta-data/', summary: 'The council approved the new budget on Tuesday after a long debate.' },
        { link: 'http://10.1.2.3/news/1', summary: 'Rail services resumed on the northern line after repairs to the signals.' },
      ]),
    );
    const open = await readAll([feed], true);
    expect(open).toHaveLength(2);
    expect(open[0]!.ok).toBe(false);
    expect(!open[0]!.ok && open[0]!.error.code).toBe('blocked_address');
    const closed = await readAll([feed], false);
    expect(closed.map((i) => (i.ok ? 'ok' : i.error.code))).toEqual(['blocked_address', 'blocked_address']);
  });

  it('lets the summary stand in when the page could not be fetched, and says why in the origin', async () => {
    const port = await closedPort();
    const feed = join(root, 'down.rss');
    await writeFile(feed, rss([{ link: `http://127.0.0.1:${port}/news/2`, summary: 'The ferry timetable changes from Monday, the operator said.' }]));
    const [item] = await readAll([feed], true);
    expect(item?.ok).toBe(true);
    if (!item?.ok) return;
    expect(item.doc.format).toBe('text');
    expect(item.doc.origin.location).toMatch(/^summary in .*down\.rss; page not read: /);
  });
});
