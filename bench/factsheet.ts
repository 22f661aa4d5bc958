/**
 * Fact sheet benchmark on generated stories of 5, 50 and 500 articles (single thread).
 *
 * Articles are ~250 words from templates about one event: named officials with titles, direct,
 * partial and reported quotes, counts with hedges ("at least 40", "nearly 50"), money with
 * conversions, relative dates ("on Tuesday", "last week", "in two weeks"); a third are wire copies
 * with small edits, so passage alignment and quote merging have work to do.
 *
 * Reports, per story size: the per-article analysis (ms total and per article: compromise tagging
 * dominates), the cross-article build() (ms), a full build from scratch, and an update: add one
 * article to the built story and build() again (ms). Sizes can be overridden with
 * FACTSHEET_BENCH_SIZES=5,50.
 */
import { analyzeArticle, FactSheetBuilder, type ArticleAnalysis } from '../src/analyze/index.js';
import { generateFloodStory } from '../test/helpers/flood-story.js';

const SIZES = (process.env.FACTSHEET_BENCH_SIZES ?? '5,50,500').split(',').map(Number).filter((n) => n > 0);



export async function run(): Promise<void> {
  console.log('fact sheet (generated stories, single thread; ms)');
  for (const n of SIZES) {
    const articles = generateFloodStory(n + 1, n);
    const extra = articles.pop()!;
    // Let the event loop breathe between sizes (and keep run() a real async function).
    await new Promise((resolve) => setImmediate(resolve));
    let start = performance.now();
    const analyses: ArticleAnalysis[] = articles.map(analyzeArticle);
    const analyseMs = performance.now() - start;

    const builder = new FactSheetBuilder({ id: n, title: 'Floods' });
    start = performance.now();
    articles.forEach((a, i) => builder.add(a, analyses[i]));
    const alignMs = performance.now() - start;
    start = performance.now();
    const sheet = builder.build();
    const buildMs = performance.now() - start;

    start = performance.now();
    builder.add(extra);
    builder.build();
    const updateMs = performance.now() - start;

    const row = (name: string, value: string): void => console.log(`  ${name.padEnd(40)} ${value}`);
    row(`${n} articles: analyse (per-article, cached)`, `${analyseMs.toFixed(0)} (${(analyseMs / n).toFixed(1)}/article)`);
    row(`${n} articles: add + align`, alignMs.toFixed(0));
    row(`${n} articles: build() cross-article`, buildMs.toFixed(0));
    row(`${n} articles: full build from scratch`, (analyseMs + alignMs + buildMs).toFixed(0));
    row(`${n} articles: update (add 1 + build)`, updateMs.toFixed(0));
    row(`${n} articles: sheet`, `${sheet.summary.length} summary, ${sheet.quotes.length} speakers, ${sheet.figures.length} figure groups, ${sheet.timeline.entries.length} events`);
  }
}
