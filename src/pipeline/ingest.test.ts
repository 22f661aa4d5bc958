import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readInputs } from '../ingest/index.js';
import { formatHttpResponse, formatWarcRecord } from '../ingest/warc-write.js';
import { SqliteStore } from '../store/index.js';
import { ingestDocuments } from './index.js';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'cc-pipe-'));

function newsPage(title: string, paragraphs: string[], extra = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} - Valley News</title>
<meta property="og:site_name" content="Valley News"><meta property="article:published_time" content="2026-10-12T07:30:00Z">${extra}</head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<main><article><h1>${title}</h1><p class="byline">By Ana Ruiz</p>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
<p>ALSO READ: Ten things to know about the valley</p><div class="share">Share on Facebook Share on X</div></article></main>
<footer><p>Subscribe to our newsletter for the latest news.</p><p>© 2026 Valley News</p></footer></body></html>`;
}

const PARAGRAPHS = [
  'The valley railway reopened on Monday after a landslide closed the line for three weeks, the operator said, with trains running at reduced speed through the repaired section.',
  'Engineers had worked in shifts around the clock to stabilise the slope, installing steel netting and new drainage channels above the tracks before the first test train ran on Saturday.',
  '"It has been a hard few weeks for everyone who depends on this line," the operator\'s regional director said, thanking passengers for their patience during the closure.',
];

describe('ingestDocuments', () => {
  it('stores a saved news page with its title, outlet, date and clean text', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'railway.html'), newsPage('Valley railway reopens after landslide', PARAGRAPHS));
    const store = SqliteStore.open(':memory:');
    const summary = await ingestDocuments(readInputs([dir]), store);
    expect(summary).toMatchObject({ new: 1, known: 0, failed: 0 });
    const [article] = await store.articles.list();
    expect(article).toMatchObject({ title: 'Valley railway reopens after landslide', source: 'Valley News', language: 'en' });
    expect(article?.published).toMatch(/^2026-10-12/);
    expect(article?.text).toContain('The valley railway reopened on Monday');
    expect(article?.text).not.toMatch(/ALSO READ|Subscribe to our newsletter|Share on Facebook/);
    await store.close();
  });

  it('reports a page with no article as no_content and keeps the rest of the batch', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a-empty.html'), '<html><head><title>Home</title></head><body><nav><a href="/">Home</a></nav><p>Sign in</p></body></html>');
    writeFileSync(join(dir, 'b-good.html'), newsPage('Valley railway reopens after landslide', PARAGRAPHS));
    const store = SqliteStore.open(':memory:');
    const summary = await ingestDocuments(readInputs([dir]), store);
    expect(summary).toMatchObject({ new: 1, failed: 1 });
    expect(summary.failures[0]).toMatchObject({ code: 'no_content' });
    expect(summary.failures[0]?.message).toContain('a-empty.html');
    await store.close();
  });

  it('decodes a windows-1251 page declared in a meta tag', async () => {
    const dir = tmp();
    const russian = [
      'Новая линия метро открылась в понедельник после пяти лет строительства, сообщили в городской администрации.',
      'Пассажиры смогут доехать от центра до аэропорта за двадцать минут, а поезда будут ходить каждые четыре минуты в часы пик.',
      'Строители завершили последние испытания на прошлой неделе, и первые поезда с пассажирами отправились рано утром.',
    ];
    const html = newsPage('Новая линия метро открылась', russian).replace('<meta charset="utf-8">', '<meta charset="windows-1251">').replace('lang="en"', '');
    writeFileSync(join(dir, 'metro.html'), iconv.encode(html, 'windows-1251'));
    const store = SqliteStore.open(':memory:');
    await ingestDocuments(readInputs([dir]), store);
    const [article] = await store.articles.list();
    expect(article?.title).toBe('Новая линия метро открылась');
    expect(article?.text).toContain('Пассажиры смогут доехать');
    expect(article?.language).toBe('ru');
    await store.close();
  });

  it('ingests the HTML responses of a gzipped WARC and reports a truncated one by offset', async () => {
    const dir = tmp();
    const records = [
      formatWarcRecord({ type: 'warcinfo', block: 'software: test\r\n' }),
      formatWarcRecord({
        type: 'response',
        targetUri: 'https://valley.example/2026/10/12/railway',
        block: formatHttpResponse(200, { 'Content-Type': 'text/html; charset=utf-8' }, newsPage('Valley railway reopens after landslide', PARAGRAPHS)),
      }),
      formatWarcRecord({
        type: 'response',
        targetUri: 'https://valley.example/2026/10/12/bridge',
        block: formatHttpResponse(200, { 'Content-Type': 'text/html; charset=utf-8' }, newsPage('Old bridge to close for repairs', PARAGRAPHS.map((p) => p.replace(/railway|line/g, 'bridge')))),
      }),
    ];
    const warc = join(dir, 'crawl.warc.gz');
    writeFileSync(warc, Buffer.concat(records.map((r) => gzipSync(r))));
    const cut = join(dir, 'cut.warc');
    const whole = Buffer.concat(records);
    writeFileSync(cut, whole.subarray(0, whole.length - 200));
    const store = SqliteStore.open(':memory:');
    const summary = await ingestDocuments(readInputs([warc, cut]), store);
    expect(summary.new).toBe(2);
    expect(summary.known).toBe(1); // the first page of the cut copy
    expect(summary.failures).toEqual([expect.objectContaining({ code: 'truncated', input: cut, location: expect.stringMatching(/offset \d+/) as string })]);
    expect((await store.articles.list()).map((a) => a.canonicalUrl ?? a.url)).toContain('https://valley.example/2026/10/12/railway');
    await store.close();
  });
});

describe('ingestDocuments with an extraction pool', () => {
  it('extracts in worker threads, stores in input order, and reports a page over its budget by name while the rest goes on', async () => {
    const { createExtractionPool } = await import('../extract/index.js');
    const dir = tmp();
    const titles = ['Valley railway reopens after landslide', 'Harbour crane collapses in storm', 'City library extends opening hours', 'River ferry service resumes'];
    titles.forEach((title, i) => writeFileSync(join(dir, `${i}-page.html`), newsPage(title, PARAGRAPHS.map((p) => `${title}. ${p}`))));
    writeFileSync(join(dir, '2a-empty.html'), '<html><head><title>Home</title></head><body><nav><a href="/">Home</a></nav></body></html>');
    writeFileSync(join(dir, '9-notes.txt'), `date 2026-10-12 ${PARAGRAPHS.join('\n\n')}`);
    // First a pool with a budget every page meets, then one whose budget no page can meet.
    const pool = createExtractionPool({ threads: 2, maxMsPerDocument: 120_000 });
    const store = SqliteStore.open(':memory:');
    try {
      const summary = await ingestDocuments(readInputs([dir]), store, { extractor: pool });
      expect(summary).toMatchObject({ new: 5, failed: 1 });
      expect(summary.failures[0]).toMatchObject({ code: 'no_content' });
      expect(summary.failures[0]?.input).toContain('2a-empty.html');
      // Input order is kept: the walk's order, the failed page in its place.
      expect(summary.articles.map((a) => a.input.split('/').pop())).toEqual(['0-page.html', '1-page.html', '2-page.html', '3-page.html', '9-notes.txt']);
      const stored = (await store.articles.list()).map((a) => a.title);
      for (const title of titles) expect(stored).toContain(title);
    } finally {
      await pool.close();
      await store.close();
    }
    const strict = createExtractionPool({ threads: 1, maxMsPerDocument: 1 });
    const again = SqliteStore.open(':memory:');
    try {
      const summary = await ingestDocuments(readInputs([dir]), again, { extractor: strict });
      // Plain text is extracted inline; every page runs over a 1 ms budget and is named.
      expect(summary.new).toBe(1);
      expect(summary.failures.filter((f) => f.code === 'over_budget').length).toBeGreaterThanOrEqual(4);
      for (const failure of summary.failures) expect(failure.message).toMatch(/\.html/);
    } finally {
      await strict.close();
      await again.close();
    }
  });
});
