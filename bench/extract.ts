/**
 * Extraction speed: a few hundred generated news pages (varied layouts, head metadata, JSON-LD,
 * scripts, navigation, related lists, share bars, ads), and the 181 real pages of the
 * article-extraction set when ../shared/eval-data is present.
 * - single-threaded through extractHtml: pages per CPU-second (= per core; holds on a busy machine);
 * - through the extraction pool on every core: pages per second of wall time, and the longest
 *   the caller's event loop was blocked meanwhile;
 * - hostile pages (1.1 MB of nested <div>s and others): milliseconds each.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { gunzipSync } from 'node:zlib';
import type { RawDocument } from '../src/core/types.js';
import { createExtractionPool, extractHtml } from '../src/extract/index.js';
import { seededRandom as rng } from '../src/core/random.js';

const PAGES = 300;
const WORDS = (
  'council minister harbour bridge vote budget summit report officials residents engineers station river market ' +
  'schools hospital weather storm police court election campaign energy prices workers union talks agreement city ' +
  'region government spokesperson statement plan project costs delay opening week month year morning evening'
).split(' ');


function sentence(next: () => number): string {
  const n = 12 + Math.floor(next() * 18);
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(WORDS[Math.floor(next() * WORDS.length)] ?? 'news');
  const text = words.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function page(i: number): string {
  const next = rng(i + 1);
  const paragraphs = 8 + Math.floor(next() * 20);
  const body: string[] = [];
  for (let p = 0; p < paragraphs; p++) {
    const sentences = 1 + Math.floor(next() * 4);
    const text = Array.from({ length: sentences }, () => sentence(next)).join(' ');
    body.push(`<p>${text.replace(/ (\w+) (\w+)\./, ' <a href="/topic/$1">$1 $2</a>.')}</p>`);
    if (p === 2) body.push('<p><strong>ALSO READ:</strong> <a href="/other">Another story about the council</a></p>');
    if (p === 4) body.push('<div class="ad"><p>Advertisement</p><script>loadAd()</script></div>');
    if (p === 5) body.push('<figure><img src="a.jpg"><figcaption>A picture of the scene. (Photo: Staff)</figcaption></figure>');
  }
  const nav = Array.from({ length: 30 }, (_, k) => `<li><a href="/section/${k}">Section ${k}</a></li>`).join('');
  const related = Array.from({ length: 8 }, (_, k) => `<li><a href="/story/${i}-${k}">${sentence(next).slice(0, 60)}</a></li>`).join('');
  const scripts = Array.from({ length: 10 }, (_, k) => `<script>var s${k} = ${JSON.stringify('x'.repeat(2000))};</script>`).join('');
  const day = String(1 + (i % 28)).padStart(2, '0');
  const jsonLd = JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: `Story ${i}`, datePublished: `2025-03-${day}T10:00:00Z`, author: { name: 'Staff Writer' }, publisher: { name: 'Bench Gazette' } });
  const layout = i % 3;
  const article = body.join('\n');
  const main =
    layout === 0
      ? `<article><h1>Story ${i}</h1>${article}</article>`
      : layout === 1
        ? `<div id="content" class="story-body"><div class="inner"><h1>Story ${i}</h1>${article}</div></div>`
        : `<main><section class="article"><header><h1>Story ${i}</h1><p class="byline">By Staff Writer</p></header>${article}</section></main>`;
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Story ${i} | Bench Gazette</title>
<meta property="og:site_name" content="Bench Gazette"><link rel="canonical" href="https://bench.example/news/${i}">
<script type="application/ld+json">${jsonLd}</script>${scripts}<style>${'.c{color:red}'.repeat(300)}</style></head>
<body><header><nav><ul>${nav}</ul></nav></header>${main}
<aside><h3>Related</h3><ul>${related}</ul></aside>
<div class="share"><a href="#">Share</a> <a href="#">Tweet</a> <a href="#">Email</a></div>
<footer><p>© 2025 Bench Gazette. All rights reserved.</p></footer></body></html>`;
}

function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

function line(name: string, value: string): void {
  console.log(`${name.padEnd(56)}${value}`);
}

function realPages(): string[] {
  const dir = resolve(process.env['CROSSCHECK_SHARED'] ?? join(import.meta.dirname, '..', '..', 'shared'), 'eval-data', 'article-extraction', 'html');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html.gz'))
    .sort()
    .map((f) => gunzipSync(readFileSync(join(dir, f))).toString('utf8'));
}

/** Per-core speed: CPU time of a warm single-threaded pass. */
function singleThreaded(pages: readonly string[], label: string): void {
  // Warm-up pass, not measured (JIT, language and date tables), as in the eval's warm figure.
  for (const html of pages) extractHtml(html, {});
  let paragraphs = 0;
  const started = cpuSeconds();
  for (const html of pages) paragraphs += extractHtml(html, { url: 'https://bench.example/news/x' })?.paragraphs.length ?? 0;
  const seconds = cpuSeconds() - started;
  const bytes = pages.reduce((sum, p) => sum + p.length, 0);
  line(`${label}: pages/s per core`, (pages.length / seconds).toFixed(1));
  line(`${label}: MB/s per core`, (bytes / 1e6 / seconds).toFixed(1));
  line(`${label}: ms per page`, ((seconds * 1000) / pages.length).toFixed(2));
  line(`${label}: paragraphs per page`, (paragraphs / pages.length).toFixed(1));
}

/** Wall-clock speed on every core, and how long the caller's event loop was ever blocked meanwhile. */
async function pooled(pages: readonly string[], label: string, rounds: number): Promise<void> {
  const threads = availableParallelism();
  const pool = createExtractionPool({ threads });
  const docs: RawDocument[] = pages.map((content, i) => ({ origin: { input: `page-${i}.html` }, format: 'html', content, hints: {} }));
  // Warm-up: start the workers and compile their code.
  await Promise.all(docs.map((d) => pool.extract(d)));
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const started = performance.now();
  // CPU time of the whole process: the caller's thread and every worker.
  const cpuStarted = cpuSeconds();
  for (let r = 0; r < rounds; r++) await Promise.all(docs.map((d) => pool.extract(d)));
  const seconds = (performance.now() - started) / 1000;
  const cpu = cpuSeconds() - cpuStarted;
  delay.disable();
  await pool.close();
  line(`${label}: pool of ${threads}, pages/s (wall)`, (docs.length * rounds / seconds).toFixed(1));
  line(`${label}: pool, pages per CPU-second (all threads)`, (docs.length * rounds / cpu).toFixed(1));
  line(`${label}: pool, caller's event loop blocked at most`, `${(delay.max / 1e6).toFixed(1)} ms`);
}

function hostile(): void {
  const text = '<p>Deep nesting must neither freeze nor break extraction, it only has to finish. </p>';
  const cases: Array<[string, string]> = [
    ['25,000 nested <div>s', `<html><body>${'<div>'.repeat(25_000)}${text}${'</div>'.repeat(25_000)}</body></html>`],
    ['50,000 nested <div>s', `<html><body>${'<div>'.repeat(50_000)}${text}${'</div>'.repeat(50_000)}</body></html>`],
    ['100,000 nested <div>s', `<html><body>${'<div>'.repeat(100_000)}${text}${'</div>'.repeat(100_000)}</body></html>`],
    ['100,000 unclosed <div>s', `<html><body>${'<div>'.repeat(100_000)}${text}</body></html>`],
    ['30,000 unclosed <b> in paragraphs', `<html><body>${Array.from({ length: 30_000 }, (_, i) => `<p><b class="c${i}">x</p>`).join('')}</body></html>`],
    ['attributes of 1 MB', `<html><body><p title="${'a'.repeat(1_000_000)}">x</p>${text.repeat(5)}</body></html>`],
  ];
  extractHtml(cases[0]?.[1] ?? '', {});
  for (const [name, html] of cases) {
    const started = cpuSeconds();
    extractHtml(html, {});
    line(`hostile: ${name} (${(html.length / 1e6).toFixed(1)} MB)`, `${((cpuSeconds() - started) * 1000).toFixed(0)} ms CPU`);
  }
}

export async function run(): Promise<void> {
  const pages = Array.from({ length: PAGES }, (_, i) => page(i));
  console.log(`extract: ${PAGES} generated news pages, ${(pages.reduce((sum, p) => sum + p.length, 0) / PAGES / 1024).toFixed(0)} KB each on average`);
  singleThreaded(pages, 'generated');
  const real = realPages();
  if (real.length > 0) {
    console.log(`extract: ${real.length} real pages of the article-extraction set, ${(real.reduce((sum, p) => sum + p.length, 0) / real.length / 1024).toFixed(0)} KB each on average`);
    singleThreaded(real, 'real');
  } else {
    console.log('extract: real pages skipped (../shared/eval-data/article-extraction not found)');
  }
  line('peak RSS MB (single-threaded)', (process.resourceUsage().maxRSS / 1024).toFixed(0));
  await pooled(pages, 'generated', 3);
  if (real.length > 0) await pooled(real, 'real', 3);
  hostile();
}
