/**
 * Text toolkit cost per language: the same invented report (eight sentences, translated) in
 * English, German, Spanish, French, Italian, Dutch, Portuguese and Chinese, built into 2,000
 * articles of 24 sentences each with a seeded shuffle, then split into sentences, tokenised, reduced to stemmed terms, and
 * fingerprinted with the language. Reports articles/s per operation and the cost of each
 * language relative to English (issue target: within 1.5×).
 */
import { textToolkit } from '../src/core/index.js';
import { fingerprint } from '../src/dedup/index.js';
import { buildArticles, REPORT } from './invented-report.js';

const ARTICLES = 2000;
const SENTENCES_PER_ARTICLE = 24;
const ROUNDS = 5;



export async function run(): Promise<void> {
  await Promise.resolve();
  console.log(`text toolkit benchmark: ${ARTICLES} articles of ${SENTENCES_PER_ARTICLE} sentences per language, best of ${ROUNDS} rounds`);
  const operations: Record<string, (language: string, text: string) => number> = {
    sentences: (language, text) => textToolkit(language).sentences(text).length,
    words: (language, text) => textToolkit(language).words(text).length,
    'terms (stemmed)': (language, text) => textToolkit(language).terms(text, { stem: true }).length,
    fingerprint: (language, text) => fingerprint(text, language).shingles.length,
  };
  const languages = Object.keys(REPORT);
  const articles = new Map(languages.map((language) => [language, buildArticles(REPORT[language]!, 20261122, ARTICLES, SENTENCES_PER_ARTICLE)]));
  // Rounds interleave the languages, so that load on the machine weighs on each alike; the best round counts.
  const best = new Map<string, number>();
  let sink = 0;
  for (const [name, op] of Object.entries(operations)) {
    for (const language of languages) op(language, articles.get(language)![0]!); // warm up: toolkit, stemmer, stop words
    for (let r = 0; r < ROUNDS; r++) {
      for (const language of languages) {
        const start = process.hrtime.bigint();
        for (const a of articles.get(language)!) sink += op(language, a);
        const seconds = Number(process.hrtime.bigint() - start) / 1e9;
        const key = `${language} ${name}`;
        best.set(key, Math.min(best.get(key) ?? Infinity, seconds));
      }
    }
  }
  for (const language of languages) {
    const chars = articles.get(language)!.reduce((n, a) => n + a.length, 0);
    const parts = Object.keys(operations).map((name) => {
      const seconds = best.get(`${language} ${name}`)!;
      const ratio = seconds / best.get(`en ${name}`)!;
      return `${name} ${(ARTICLES / seconds).toFixed(0)}/s (${((seconds / ARTICLES) * 1e3).toFixed(3)} ms, ${ratio.toFixed(2)}× en)`;
    });
    console.log(`  ${language} (${(chars / ARTICLES).toFixed(0)} chars/article): ${parts.join('; ')}`);
  }
  if (sink < 0) console.log(sink);
}
