/**
 * A story's downloads: the fact sheet as Markdown and JSON, and its articles as CSL-JSON
 * citations (for Zotero, pandoc, any reference manager). Served by the web app under
 * `/api/stories/{id}/export.{md,json,csl.json}` and linked from the story page.
 */
import { articleLocation, renderMarkdown, sheetLabels, type FactSheet } from '../analyze/index.js';

/** One CSL-JSON item (the fields crosscheck knows; see the CSL 1.0.2 data schema). */
export interface CslItem {
  id: string;
  type: 'article-newspaper' | 'webpage' | 'document';
  title: string;
  'container-title'?: string;
  URL?: string;
  issued?: { 'date-parts': number[][] };
  note?: string;
}

function dateParts(iso: string | null): number[][] | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  if (!m) return null;
  return [[Number(m[1]), Number(m[2]), Number(m[3])]];
}

/**
 * The story's articles as CSL-JSON: a newspaper article when the outlet is known, a web page when
 * only its URL is, a document for a file; only dates the article itself gives (no inferred one).
 */
export function cslItems(sheet: FactSheet): CslItem[] {
  const labels = sheetLabels(sheet);
  return sheet.articles.map((a) => {
    const where = articleLocation(a);
    const type: CslItem['type'] = a.source ? 'article-newspaper' : where?.kind === 'url' ? 'webpage' : 'document';
    const item: CslItem = { id: `crosscheck-article-${a.id}`, type, title: a.title ?? a.displayTitle };
    if (a.source) item['container-title'] = a.source;
    if (where?.kind === 'url') item.URL = where.value;
    const issued = dateParts(a.published);
    if (issued) item.issued = { 'date-parts': issued };
    const notes = [`crosscheck label: ${labels.get(a.id) ?? a.label}`];
    if (where?.kind === 'file') notes.push(`input file: ${where.value}`);
    if (!a.title) notes.push('untitled: title is its first sentence');
    item.note = notes.join('; ');
    return item;
  });
}

export type ExportFormat = 'md' | 'json' | 'csl.json';

/** The body, content type and file name of one download of a story. */
export function storyExport(sheet: FactSheet, sheetJson: string, format: ExportFormat): { body: string; type: string; filename: string } {
  const base = `story-${sheet.story.id}`;
  switch (format) {
    case 'md':
      return { body: renderMarkdown(sheet), type: 'text/markdown; charset=utf-8', filename: `${base}.md` };
    case 'json':
      return { body: sheetJson, type: 'application/json; charset=utf-8', filename: `${base}.json` };
    case 'csl.json':
      return { body: `${JSON.stringify(cslItems(sheet), null, 2)}\n`, type: 'application/vnd.citationstyles.csl+json; charset=utf-8', filename: `${base}.csl.json` };
  }
}
