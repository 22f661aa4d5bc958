/**
 * Ingest and fact-sheet cost per language: the same invented report (bench/invented-report.ts) in
 * every bundled language and in Chinese, as one JSONL file per language of 150 articles of 24
 * sentences, each ingested as `crosscheck ingest` does (read, extract, detect the language, store,
 * then copies and stories), then every story's fact sheet built from a cold cache (per-article
 * analysis, alignment, the sheet). Reports ms per article for each and the cost relative to
 * English (target: within 1.5×). Languages run in turn, twice; the better run counts, so that a
 * burst of load on the machine weighs on one language less.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readInputs } from '../src/ingest/index.js';
import { assignPendingStories, ingestDocuments, storyFactSheet } from '../src/pipeline/index.js';
import { SqliteStore } from '../src/store/index.js';
import { buildArticles, REPORT } from './invented-report.js';

const ARTICLES = Number(process.env.CROSSCHECK_BENCH_ARTICLES ?? 150);
const SENTENCES_PER_ARTICLE = 24;
const RUNS = 2;

interface Timing {
  ingestMs: number;
  sheetMs: number;
  stories: number;
  detected: string;
}

async function runLanguage(dir: string, language: string, run: number): Promise<Timing> {
  const texts = buildArticles(REPORT[language]!, 20261203 + run, ARTICLES, SENTENCES_PER_ARTICLE);
  const file = join(dir, `${language}-${run}.jsonl`);
  writeFileSync(
    file,
    texts.map((text, i) => JSON.stringify({ id: `${language}-${i}`, title: text.slice(0, 60), text, source: `Outlet ${i % 12}`, published: '2026-10-14' })).join('\n') + '\n',
  );
  const store = SqliteStore.open(join(dir, `${language}-${run}.db`));
  try {
    let start = performance.now();
    const ingested = await ingestDocuments(readInputs([file]), store, {});
    await assignPendingStories(store);
    const ingestMs = performance.now() - start;
    if (ingested.new !== ARTICLES) throw new Error(`${language}: ${ingested.new} of ${ARTICLES} articles stored`);
    const stories = await store.stories.list({ limit: 1000 });
    start = performance.now();
    for (const story of stories) await storyFactSheet(store, story.id);
    const sheetMs = performance.now() - start;
    const detected = new Map<string, number>();
    for (const a of await store.articles.list()) detected.set(a.language ?? 'none', (detected.get(a.language ?? 'none') ?? 0) + 1);
    return { ingestMs, sheetMs, stories: stories.length, detected: [...detected].map(([l, n]) => `${l} ${n}`).join(', ') };
  } finally {
    await store.close();
  }
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cc-bench-languages-'));
  try {
    const languages = Object.keys(REPORT);
    console.log(`ingest and fact sheets per language: ${ARTICLES} articles of ${SENTENCES_PER_ARTICLE} sentences, the same report in each; best of ${RUNS} runs (ms per article)`);
    const best = new Map<string, Timing>();
    // Warm up: modules, the language detector, stemmers and date parsers of every language.
    for (const language of languages) await runLanguage(dir, language, -1);
    for (let r = 0; r < RUNS; r++) {
      for (const language of languages) {
        const t = await runLanguage(dir, language, r);
        const prev = best.get(language);
        best.set(language, {
          ...t,
          ingestMs: Math.min(prev?.ingestMs ?? Infinity, t.ingestMs),
          sheetMs: Math.min(prev?.sheetMs ?? Infinity, t.sheetMs),
        });
      }
    }
    const en = best.get('en')!;
    for (const language of languages) {
      const t = best.get(language)!;
      const ingest = t.ingestMs / ARTICLES;
      const sheet = t.sheetMs / ARTICLES;
      console.log(
        `  ${language}: ingest ${ingest.toFixed(2)} ms (${(t.ingestMs / en.ingestMs).toFixed(2)}× en); fact sheets ${sheet.toFixed(2)} ms (${(t.sheetMs / en.sheetMs).toFixed(2)}× en); ` +
          `${t.stories} ${t.stories === 1 ? 'story' : 'stories'}; detected ${t.detected}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
