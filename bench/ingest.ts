/**
 * Text and JSONL ingest into the store, end to end (read → extract → store), on a generated corpus.
 * Reports articles/s (single process, so per core) and peak RSS.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readInputs } from '../src/ingest/index.js';
import { ingestDocuments } from '../src/pipeline/index.js';
import { SqliteStore } from '../src/store/index.js';
import { makeArticle, makeVocabulary, seededRandom } from '../test/helpers/generate.js';
import { peakSampler } from './memory.js';

const ARTICLES = Number(process.env.CROSSCHECK_BENCH_ARTICLES ?? 10_000);


async function timeIngest(label: string, inputs: string[], dir: string): Promise<void> {
  const store = SqliteStore.open(join(dir, `${label}.db`));
  const sampler = peakSampler();
  const started = performance.now();
  const summary = await ingestDocuments(readInputs(inputs, { date: '2026-10-14' }), store, {});
  const seconds = (performance.now() - started) / 1000;
  const peak = sampler.stop();
  await store.close();
  console.log(
    `${label.padEnd(6)} ${String(summary.new).padStart(6)} new  ${(summary.new / seconds).toFixed(0).padStart(6)} articles/s  peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB` +
      (summary.failed ? `  (${summary.failed} failed)` : ''),
  );
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cc-bench-ingest-'));
  try {
    const random = seededRandom(7);
    const vocabulary = makeVocabulary(5000);
    const textDir = join(dir, 'text');
    mkdirSync(textDir);
    const lines: string[] = [];
    for (let i = 0; i < ARTICLES; i++) {
      const paragraphs = makeArticle(random, vocabulary, 350);
      writeFileSync(join(textDir, `${String(i).padStart(6, '0')}.txt`), ` date 2026-10-14 ${paragraphs.join('\n\n')}`);
      const other = makeArticle(random, vocabulary, 350);
      lines.push(JSON.stringify({ id: `a${i}`, title: `Article ${i}`, text: other.join('\n\n'), source: 'Bench Wire', published: '2026-10-14' }));
    }
    const jsonl = join(dir, 'articles.jsonl');
    writeFileSync(jsonl, `${lines.join('\n')}\n`);
    console.log(`${ARTICLES} generated articles of ~350 words per format`);
    await timeIngest('text', [textDir], dir);
    await timeIngest('jsonl', [jsonl], dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
