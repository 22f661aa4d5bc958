/**
 * WARC ingest benchmark: writes a CC-NEWS-like WARC (every record its own gzip member:
 * warcinfo, then request + response + metadata per page) of CROSSCHECK_BENCH_WARC_MB
 * megabytes on disk (default 1024) into the temp folder, streams it through readInputs, and
 * reports records/s, MB/s and resident memory sampled during the run (peak, and at 10%, 50%
 * and 100% of the file) to show that memory stays flat. The file is deleted afterwards.
 */
import { open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readInputs } from '../src/ingest/index.js';
import { formatHttpResponse, formatWarcRecord } from '../src/ingest/warc-write.js';
import { seededRandom as prng } from '../src/core/random.js';

const DEFAULT_SIZE_MB = 1024;
/** Distinct pages in the pool the file is written from. */
const POOL_PAGES = 160;
const RSS_SAMPLE_MS = 50;
const WRITE_BATCH_BYTES = 8 * 1024 * 1024;

const WORDS = (
  'the minister said on thursday that talks would resume next week after delegations from nearly thirty countries ' +
  'met in the capital to discuss security guarantees reconstruction funding and a ceasefire monitored by observers ' +
  'officials warned that the agreement remained fragile while analysts noted rising energy prices and inflation ' +
  'according to the statement the council approved billion euros in aid with further measures expected in spring ' +
  'residents described overnight drone attacks that injured dozens and damaged homes near the port city'
).split(' ');


function sentence(random: () => number): string {
  const length = 8 + Math.floor(random() * 22);
  const words = Array.from({ length }, () => WORDS[Math.floor(random() * WORDS.length)] ?? 'news');
  const text = words.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** A news page shaped like the real thing: head with meta and scripts, navigation, article, footer. */
function newsPage(index: number, random: () => number): string {
  const title = sentence(random).slice(0, 70);
  const paragraphs = Array.from({ length: 8 + Math.floor(random() * 30) }, () => `<p>${Array.from({ length: 2 + Math.floor(random() * 4) }, () => sentence(random)).join(' ')}</p>`);
  const nav = Array.from({ length: 40 }, (_, link) => `<li><a href="/section/${link}">Section ${link}</a></li>`).join('');
  const script = `<script>window.__STATE__=${JSON.stringify({ page: index, tags: Array.from({ length: 60 }, (_, tag) => `tag-${tag}-${Math.floor(random() * 1e6)}`) })}</script>`;
  return [
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
    `<title>${title} | The Daily Example</title>`,
    `<meta property="og:title" content="${title}"><meta property="article:published_time" content="2025-03-${String(1 + (index % 28)).padStart(2, '0')}T08:00:00Z">`,
    `<link rel="canonical" href="https://news${index % 12}.example/story/${index}">`,
    '<style>body{font-family:serif}.nav{display:flex}</style>',
    script,
    `</head><body><header><ul class="nav">${nav}</ul></header>`,
    `<main><article><h1>${title}</h1><p class="byline">By Staff Reporter — Zürich</p>${paragraphs.join('\n')}</article></main>`,
    `<aside>${Array.from({ length: 10 }, () => `<a href="/more">${sentence(random)}</a>`).join('')}</aside>`,
    '<footer>© 2025 The Daily Example. All rights reserved.</footer></body></html>',
  ].join('\n');
}

interface Pool {
  /** Gzipped members: request, response, metadata for one page. */
  readonly members: Buffer[];
  readonly uncompressedBytes: number[];
}

function buildPool(): Pool {
  const random = prng(20250327);
  const members: Buffer[] = [];
  const uncompressedBytes: number[] = [];
  for (let index = 0; index < POOL_PAGES; index++) {
    const uri = `https://news${index % 12}.example/story/${index}`;
    const records = [
      formatWarcRecord({ type: 'request', targetUri: uri, block: `GET /story/${index} HTTP/1.1\r\nHost: news${index % 12}.example\r\nUser-Agent: bench\r\n\r\n` }),
      formatWarcRecord({
        type: 'response',
        targetUri: uri,
        block: formatHttpResponse(200, { 'Content-Type': 'text/html; charset=utf-8', Server: 'bench', 'X-Crawler-Content-Encoding': 'gzip' }, newsPage(index, random)),
      }),
      formatWarcRecord({ type: 'metadata', targetUri: uri, block: 'fetchTimeMs: 211\r\ncharset-detected: UTF-8\r\n' }),
    ];
    const raw = Buffer.concat(records);
    members.push(Buffer.concat(records.map((record) => gzipSync(record))));
    uncompressedBytes.push(raw.length);
  }
  return { members, uncompressedBytes };
}

async function writeWarc(path: string, targetBytes: number, pool: Pool): Promise<{ bytes: number; uncompressed: number; records: number }> {
  const handle = await open(path, 'w');
  const info = gzipSync(formatWarcRecord({ type: 'warcinfo', block: 'software: crosscheck-bench\r\nformat: WARC File Format 1.1\r\n' }));
  let bytes = 0;
  let uncompressed = 0;
  let records = 1;
  try {
    await handle.write(info);
    bytes += info.length;
    const random = prng(7);
    let batch: Buffer[] = [];
    let batchBytes = 0;
    while (bytes + batchBytes < targetBytes) {
      const pick = Math.floor(random() * pool.members.length);
      const member = pool.members[pick] ?? info;
      batch.push(member);
      batchBytes += member.length;
      uncompressed += pool.uncompressedBytes[pick] ?? 0;
      records += 3;
      if (batchBytes >= WRITE_BATCH_BYTES) {
        await handle.write(Buffer.concat(batch, batchBytes));
        bytes += batchBytes;
        batch = [];
        batchBytes = 0;
      }
    }
    if (batchBytes > 0) await handle.write(Buffer.concat(batch, batchBytes));
    bytes += batchBytes;
  } finally {
    await handle.close();
  }
  return { bytes, uncompressed, records };
}

const MB = 1024 * 1024;

function line(name: string, value: string): string {
  return `  ${name.padEnd(26)}${value}`;
}

export async function run(): Promise<void> {
  const sizeMb = Number(process.env.CROSSCHECK_BENCH_WARC_MB ?? DEFAULT_SIZE_MB);
  if (!(sizeMb > 0)) throw new Error(`CROSSCHECK_BENCH_WARC_MB must be a positive number, found "${process.env.CROSSCHECK_BENCH_WARC_MB}"`);
  const path = join(tmpdir(), `crosscheck-bench-${process.pid}.warc.gz`);
  try {
    const generateStart = performance.now();
    const pool = buildPool();
    const written = await writeWarc(path, sizeMb * MB, pool);
    const generateSeconds = (performance.now() - generateStart) / 1000;

    const rssAt: Record<string, number> = {};
    const marks = [0.1, 0.5];
    let peakRss = process.memoryUsage.rss();
    const startRss = peakRss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage.rss());
    }, RSS_SAMPLE_MS);
    let bytesRead = 0;
    let documents = 0;
    let failures = 0;
    let contentChars = 0;
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    try {
      const onProgress = (bytes: number): void => {
        bytesRead += bytes;
        const mark = marks[0];
        if (mark !== undefined && bytesRead >= mark * written.bytes) {
          marks.shift();
          const rss = process.memoryUsage.rss();
          peakRss = Math.max(peakRss, rss);
          rssAt[`${mark * 100}%`] = rss;
        }
      };
      for await (const item of readInputs([path], { onProgress })) {
        if (item.ok) {
          documents++;
          contentChars += item.doc.content.length;
        } else {
          failures++;
        }
      }
    } finally {
      clearInterval(sampler);
    }
    const seconds = (performance.now() - start) / 1000;
    const cpu = process.cpuUsage(cpuStart);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    rssAt['100%'] = process.memoryUsage.rss();
    peakRss = Math.max(peakRss, rssAt['100%']);

    const mib = (bytes: number | undefined): string => `${((bytes ?? 0) / MB).toFixed(0)} MiB`;
    console.log(`WARC ingest (CC-NEWS-style, gzip per record), ${(written.bytes / MB).toFixed(0)} MiB on disk`);
    console.log(line('generate', `${generateSeconds.toFixed(1)} s`));
    console.log(line('uncompressed', mib(written.uncompressed)));
    console.log(line('records', String(written.records)));
    console.log(line('documents', `${documents} (${failures} failures, ${(contentChars / MB).toFixed(0)} M chars)`));
    console.log(line('seconds', `${seconds.toFixed(1)} wall, ${cpuSeconds.toFixed(1)} cpu (main + zlib threads)`));
    console.log(line('records/s', (written.records / seconds).toFixed(0)));
    console.log(line('documents/s', (documents / seconds).toFixed(0)));
    console.log(line('MB/s (on disk)', (written.bytes / MB / seconds).toFixed(1)));
    console.log(line('MB/s (uncompressed)', (written.uncompressed / MB / seconds).toFixed(1)));
    console.log(line('rss at start', mib(startRss)));
    console.log(line('rss at 10%', mib(rssAt['10%'])));
    console.log(line('rss at 50%', mib(rssAt['50%'])));
    console.log(line('rss at 100%', mib(rssAt['100%'])));
    console.log(line('rss peak', mib(peakRss)));
  } finally {
    await rm(path, { force: true });
  }
}
