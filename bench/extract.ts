/**
 * Extraction speed: a few hundred generated news pages (varied layouts, head metadata, JSON-LD,
 * scripts, navigation, related lists, share bars, ads) through extractHtml, single-threaded.
 * Reports pages per CPU-second (= per core; holds on a busy machine), MB/s and peak RSS.
 */
import { extractHtml } from '../src/extract/index.js';
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

export async function run(): Promise<void> {
  const pages = Array.from({ length: PAGES }, (_, i) => page(i));
  const bytes = pages.reduce((sum, p) => sum + p.length, 0);
  // Warm-up (JIT, language and date tables), not measured.
  for (const html of pages.slice(0, 20)) extractHtml(html, {});
  let paragraphs = 0;
  const started = cpuSeconds();
  for (const html of pages) paragraphs += extractHtml(html, { url: 'https://bench.example/news/x' })?.paragraphs.length ?? 0;
  const seconds = cpuSeconds() - started;
  const rssMb = process.resourceUsage().maxRSS / 1024;
  console.log(`extract: ${PAGES} generated news pages, ${(bytes / PAGES / 1024).toFixed(0)} KB each on average`);
  console.log(`${'HTML pages/s per core'.padEnd(28)}${(PAGES / seconds).toFixed(1)}`);
  console.log(`${'MB/s per core'.padEnd(28)}${(bytes / 1e6 / seconds).toFixed(1)}`);
  console.log(`${'ms per page'.padEnd(28)}${((seconds * 1000) / PAGES).toFixed(2)}`);
  console.log(`${'paragraphs per page'.padEnd(28)}${(paragraphs / PAGES).toFixed(1)}`);
  console.log(`${'peak RSS MB'.padEnd(28)}${rssMb.toFixed(0)}`);
  await Promise.resolve();
}
