/**
 * Stories of the labelled sets as fact-sheet input: BASIL events (three outlets each) and
 * MEANTIME events (an English article and its translations). Shared by the figure and quote
 * evaluations.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FactSheetArticle } from '../src/analyze/index.js';

export interface EvalStory {
  id: string;
  articles: FactSheetArticle[];
  /** Article id → the set's own document id. */
  docOf: Map<number, string>;
}

function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}

function paragraphsOf(text: string, separator: RegExp): string[] {
  return text
    .split(separator)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

interface BasilRow {
  doc_id: string;
  cluster: string;
  source: string;
  date: string;
  title: string | null;
  text: string;
}

/** BASIL events in cluster-id order, or null when the set is absent. Outlets are independent (no copies). */
export function basilStories(sharedDir: string): EvalStory[] | null {
  const file = path.join(sharedDir, 'eval-data', 'basil', 'clusters.jsonl');
  if (!existsSync(file)) return null;
  const byCluster = new Map<string, BasilRow[]>();
  for (const r of readJsonl<BasilRow>(file)) byCluster.set(r.cluster, [...(byCluster.get(r.cluster) ?? []), r]);
  let id = 0;
  return [...byCluster.keys()].sort().map((cluster) => {
    const docOf = new Map<number, string>();
    const articles = byCluster.get(cluster)!.map((r): FactSheetArticle => {
      id += 1;
      docOf.set(id, r.doc_id);
      return { id, title: r.title, source: r.source.toLowerCase(), published: r.date || null, paragraphs: paragraphsOf(r.text, /\n\s*\n/), copyGroup: id, language: 'en' };
    });
    return { id: cluster, articles, docOf };
  });
}

interface MeantimeRow {
  doc_id: string;
  event: string;
  lang: string;
  title: string | null;
  published: string | null;
  text: string;
}

/** MEANTIME events (English article + es/it/nl translations) in event order, or null when absent. */
export function meantimeStories(sharedDir: string): EvalStory[] | null {
  const file = path.join(sharedDir, 'eval-data', 'meantime', 'clusters.jsonl');
  if (!existsSync(file)) return null;
  const byEvent = new Map<string, MeantimeRow[]>();
  for (const r of readJsonl<MeantimeRow>(file)) byEvent.set(r.event, [...(byEvent.get(r.event) ?? []), r]);
  let id = 0;
  return [...byEvent.keys()].sort().map((event) => {
    const docOf = new Map<number, string>();
    const articles = byEvent.get(event)!.map((r): FactSheetArticle => {
      id += 1;
      docOf.set(id, r.doc_id);
      // Translations are not copies: each is its own source, which is what makes a false flag possible.
      return { id, title: r.title, source: r.lang, published: r.published, paragraphs: paragraphsOf(r.text, /\n/), copyGroup: id, language: r.lang };
    });
    return { id: event, articles, docOf };
  });
}
