import type { Command } from 'commander';
import { isCrosscheckError } from '../../core/errors.js';
import type { StoredArticle } from '../../core/types.js';
import { EXTRACTOR_VERSION } from '../../extract/index.js';
import { buildArticle } from '../../pipeline/index.js';
import { CliExit, openExistingStore } from '../context.js';
import { displayTitle, sourceLabel, storedIdentity } from '../../core/labels.js';
import { formatTable, plural, printJson, println, status, truncate } from '../output.js';

interface ListFlags {
  db?: string;
  source?: string;
  since?: string;
  until?: string;
  limit?: string;
  json?: boolean;
}

const DATE = /^\d{4}-\d{2}-\d{2}/;

export function registerArticles(program: Command): void {
  program
    .command('articles')
    .description('list stored articles (oldest first)')
    .option('--db <path>', 'store path')
    .option('--source <name>', 'only this outlet')
    .option('--since <YYYY-MM-DD>', 'published on or after')
    .option('--until <YYYY-MM-DD>', 'published on or before')
    .option('--limit <n>', 'at most n articles')
    .option('--json', 'every field, the text and the input id included')
    .action(async (flags: ListFlags) => {
      for (const [name, value] of [['--since', flags.since], ['--until', flags.until]] as const) {
        if (value !== undefined && !DATE.test(value)) throw new CliExit(2, `${name} must be YYYY-MM-DD, got "${value}"`);
      }
      const limit = flags.limit === undefined ? undefined : Number(flags.limit);
      if (limit !== undefined && (!Number.isInteger(limit) || limit < 0)) throw new CliExit(2, `--limit must be a whole number, got "${flags.limit}"`);
      const store = await openExistingStore(flags.db);
      try {
        const articles = await store.articles.list({
          ...(flags.source !== undefined ? { source: flags.source } : {}),
          ...(flags.since !== undefined ? { since: flags.since } : {}),
          ...(flags.until !== undefined ? { until: flags.until } : {}),
          ...(limit !== undefined ? { limit } : {}),
        });
        if (flags.json) {
          printJson(articles.map(articleJson));
          return;
        }
        if (articles.length === 0) {
          println('no articles stored');
          return;
        }
        println(
          formatTable(
            ['ID', 'PUBLISHED', 'SOURCE', 'LANG', 'WORDS', 'TITLE'],
            articles.map((a) => [
              String(a.id),
              a.published?.slice(0, 10) ?? '-',
              truncate(sourceLabel(storedIdentity(a)), 24),
              a.language ?? '-',
              String(countWords(a.text)),
              truncate(displayTitle({ ...storedIdentity(a), title: a.title, paragraphs: a.paragraphs }), 70),
            ]),
          ),
        );
        println(`\n${plural(articles.length, 'article')}`);
      } finally {
        await store.close();
      }
    });

  program
    .command('article')
    .description('show one stored article')
    .argument('<id>', 'article id (as listed by `crosscheck articles`)')
    .option('--db <path>', 'store path')
    .option('--json', 'machine-readable output')
    .action(async (id: string, flags: { db?: string; json?: boolean }) => {
      const numeric = Number(id);
      if (!Number.isInteger(numeric) || numeric <= 0) throw new CliExit(2, `article id must be a positive whole number, got "${id}"`);
      const store = await openExistingStore(flags.db);
      try {
        const article = await store.articles.get(numeric);
        if (!article) throw new CliExit(1, `no article #${numeric} in ${store.location}`);
        if (flags.json) {
          printJson(articleJson(article));
          return;
        }
        println(article.title ?? '(no title)');
        println('='.repeat(Math.min(80, (article.title ?? '(no title)').length)));
        const fields: Array<[string, string | null]> = [
          ['id', String(article.id)],
          ['input id', article.externalId],
          ['source', article.source],
          ['byline', article.byline],
          ['published', article.published ? `${article.published} (${article.publishedFrom ?? 'unknown'})` : null],
          ['language', article.language],
          ['url', article.url],
          ['canonical', article.canonicalUrl],
          ['from', article.origin],
          ['extractor', `v${article.extractorVersion}`],
          ['words', String(countWords(article.text))],
        ];
        for (const [name, value] of fields) if (value) println(`${name.padEnd(10)} ${value}`);
        println();
        println(article.paragraphs.join('\n\n'));
      } finally {
        await store.close();
      }
    });
}

/** Articles re-extracted per transaction. */
const REEXTRACT_CHUNK = 100;

/** Re-extracts stored articles from their kept raw input (no original file needed). */
export function registerReextract(program: Command): void {
  program
    .command('reextract')
    .description(`re-extract stored articles from their kept raw input with this extractor (v${EXTRACTOR_VERSION}); by default only those made by an older one`)
    .option('--db <path>', 'store path')
    .option('--all', 'every article, whatever extractor version made it')
    .option('--json', 'machine-readable output')
    .action(async (flags: { db?: string; all?: boolean; json?: boolean }) => {
      const store = await openExistingStore(flags.db);
      let updated = 0;
      let unchanged = 0;
      const failures: Array<{ id: number; message: string }> = [];
      try {
        const ids = (await store.articles.list({ order: 'id' })).filter((a) => flags.all === true || a.extractorVersion < EXTRACTOR_VERSION).map((a) => a.id);
        // Extraction outside the transaction; each chunk's updates in one short transaction.
        for (let start = 0; start < ids.length; start += REEXTRACT_CHUNK) {
          const updates: Array<{ id: number; record: ReturnType<typeof buildArticle> }> = [];
          for (const id of ids.slice(start, start + REEXTRACT_CHUNK)) {
            const raw = await store.articles.raw(id);
            if (!raw) continue;
            try {
              updates.push({ id, record: buildArticle({ origin: { input: raw.origin }, format: raw.format, content: raw.content, hints: raw.hints }, new Date()) });
            } catch (error) {
              failures.push({ id, message: isCrosscheckError(error) ? error.message : String(error) });
            }
          }
          await store.transaction(async (tx) => {
            for (const { id, record } of updates) {
              const before = await tx.articles.get(id);
              await tx.articles.updateExtraction(id, record);
              if (before?.textHash === record.textHash && before.title === record.title) unchanged++;
              else updated++;
            }
          });
        }
      } finally {
        await store.close();
      }
      if (flags.json) printJson({ updated, unchanged, failed: failures.length, failures });
      else {
        for (const f of failures) status(`failed   #${f.id}: ${f.message}`);
        status(`${plural(updated, 'article')} re-extracted with changes, ${unchanged} unchanged, ${failures.length} failed${updated ? ' (run `crosscheck recluster` to redo copies and stories)' : ''}`);
      }
      process.exitCode = failures.length ? 1 : 0;
    });
}

/** The JSON form of an article: every field, with the input's own id as `id` when it had one. */
export function articleJson(article: StoredArticle): Record<string, unknown> {
  return {
    articleId: article.id,
    id: article.externalId ?? article.id,
    externalId: article.externalId,
    title: article.title,
    source: article.source,
    byline: article.byline,
    published: article.published,
    publishedFrom: article.publishedFrom,
    language: article.language,
    url: article.url,
    canonicalUrl: article.canonicalUrl,
    format: article.format,
    origin: article.origin,
    extractorVersion: article.extractorVersion,
    ingestedAt: article.ingestedAt,
    textHash: article.textHash,
    paragraphs: article.paragraphs,
    text: article.text,
  };
}

function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
