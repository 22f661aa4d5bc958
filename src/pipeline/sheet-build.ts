import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import {
  analyzeArticle,
  ARTICLE_ANALYSIS_VERSION,
  FACT_SHEET_VERSION,
  FactSheetBuilder,
  type ArticleAnalysis,
  type FactSheet,
  type FactSheetArticle,
  type FactSheetStory,
} from '../analyze/index.js';

/** The cache key of a story's fact sheet: the builder's version and the story's article set (ids ascending). */
export function sheetCacheKey(builderVersion: string, articleIds: readonly number[]): string {
  const hash = createHash('sha1').update(articleIds.join(',')).digest('hex').slice(0, 20);
  return `${builderVersion}:${articleIds.length}:${hash}`;
}

/** Version of what the sheet builder writes: the sheet schema and the per-article analyses. Part of every cache key. */
export const SHEET_BUILDER_VERSION = `${FACT_SHEET_VERSION}.${ARTICLE_ANALYSIS_VERSION}`;

/** What one fact-sheet build needs: plain data, so that it can be sent to a worker thread. */
export interface SheetBuildInput {
  story: FactSheetStory;
  articles: FactSheetArticle[];
  /** Cached per-article analyses as stored (JSON text of the current version), by article id. */
  analyses: Record<number, string>;
  /** When set, the build also gives the gzipped answer bodies (see {@link sheetAnswerJson}) stamped with this time. */
  builtAt?: string;
}

/** An entity of a sheet, flattened for the entity index. */
export interface SheetEntityRow {
  id: string;
  name: string;
  kind: string;
  mentions: number;
}

/** What a build gives back: the sheet as JSON text, its entities, and the analyses it had to compute. */
export interface SheetBuildOutput {
  json: string;
  entities: SheetEntityRow[];
  /** Analyses computed in this build (none cached), as JSON text to store. */
  fresh: Array<{ articleId: number; json: string }>;
  /** With `builtAt` in the input: the answer bodies, gzipped, current and stale. */
  gzipped?: { fresh: Uint8Array; stale: Uint8Array };
}

/** How fresh an answered sheet is: stale while a newer one is built; when and from how many articles it was built. */
export interface SheetFreshness {
  stale: boolean;
  builtAt: string;
  articles: number;
}

/** Compression of answer bodies: fast, about as small as the default on sheet JSON. */
const GZIP_LEVEL = 4;

/** The sheet as the API answers it: `{"freshness":{…},` then the sheet's own fields. */
export function sheetAnswerJson(json: string, freshness: SheetFreshness): string {
  const head = `{"freshness":${JSON.stringify(freshness)}`;
  return json.length > 2 ? `${head},${json.slice(1)}` : `${head}}`;
}

function entitiesOf(sheet: FactSheet): SheetEntityRow[] {
  const { people, places, organisations } = sheet.entities;
  return [...people, ...places, ...organisations].map((e) => ({ id: e.id, name: e.name, kind: e.kind, mentions: e.count }));
}

/**
 * Builds a story's fact sheet from its articles, analysing only those without a cached analysis.
 * The one builder behind every sheet: the server runs it in worker threads, the CLI inline.
 * Pure and deterministic (no I/O); cached analyses of another version, or damaged ones, are
 * analysed again (and stored again by the caller: the cache is derived).
 */
export function buildSheet(input: SheetBuildInput): SheetBuildOutput {
  const builder = new FactSheetBuilder(input.story);
  const fresh: SheetBuildOutput['fresh'] = [];
  for (const article of input.articles) {
    const text = input.analyses[article.id];
    let analysis: ArticleAnalysis | null = null;
    if (text !== undefined) {
      const parsed = parseAnalysis(text);
      if (parsed && parsed.version === ARTICLE_ANALYSIS_VERSION && parsed.articleId === article.id) analysis = parsed;
    }
    if (!analysis) {
      analysis = analyzeArticle(article);
      fresh.push({ articleId: article.id, json: JSON.stringify(analysis) });
    }
    builder.add(article, analysis);
  }
  const sheet = builder.build();
  const json = JSON.stringify(sheet);
  const output: SheetBuildOutput = { json, entities: entitiesOf(sheet), fresh };
  if (input.builtAt !== undefined) {
    // Compressed here, in the builder's thread: a large sheet is never compressed where requests are served.
    const freshness = { builtAt: input.builtAt, articles: input.articles.length };
    output.gzipped = {
      fresh: gzipSync(sheetAnswerJson(json, { stale: false, ...freshness }), { level: GZIP_LEVEL }),
      stale: gzipSync(sheetAnswerJson(json, { stale: true, ...freshness }), { level: GZIP_LEVEL }),
    };
  }
  return output;
}

/** A cached analysis, or null when the row is damaged. */
function parseAnalysis(text: string): ArticleAnalysis | null {
  try {
    return JSON.parse(text) as ArticleAnalysis;
  } catch {
    return null;
  }
}
