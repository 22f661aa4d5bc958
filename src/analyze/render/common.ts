import { countSources, sourceLabel, sourceLocation } from '../../core/labels.js';
import type { Citation, FactSheet, SheetFigureGroup, SheetFigureValue } from '../types.js';

// C0/C1 controls (ANSI escapes start with ESC), bidi overrides and isolates, zero-width joiners
// aside: article text is untrusted and must not drive the reader's terminal or reorder text.
const UNSAFE_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Untrusted text made safe to print: no control characters, whitespace collapsed. */
export function cleanText(text: string): string {
  return text.replace(UNSAFE_CHARS, '').replace(/\s+/g, ' ').trim();
}

/** Known languages of a sheet (`und` left out), main language first. */
function knownLanguages(sheet: FactSheet): FactSheet['languages'] {
  return (sheet.languages ?? []).filter((l) => l.language !== 'und');
}

/**
 * The language tag to add after an article's label (` (es)`), for an article whose language is
 * not the story's main one in a story of several languages; empty otherwise.
 */
export function languageTagger(sheet: FactSheet): (articleId: number) => string {
  const known = knownLanguages(sheet);
  if (known.length < 2) return () => '';
  const main = known[0]!.language;
  const tags = new Map<number, string>();
  for (const l of known) if (l.language !== main) for (const id of l.articles) tags.set(id, ` (${cleanText(l.language)})`);
  return (articleId) => tags.get(articleId) ?? '';
}

/**
 * Citation labels for a sheet: each article's label (outlet, else host, else file name), with
 * `#id` added when one label names several articles of the story, and the article's language
 * when it is not the story's main one. The web UI uses the same.
 */
export function citationLabeler(sheet: FactSheet): (c: Citation) => string {
  const labels = sheetLabels(sheet);
  return (c) => labels.get(c.articleId) ?? cleanText(c.source ?? `article ${c.articleId}`);
}

/** The label of each article of a sheet, by id, disambiguated (see {@link citationLabeler}). */
export function sheetLabels(sheet: FactSheet): Map<number, string> {
  const counts = new Map<string, number>();
  const base = (a: FactSheet['articles'][number]): string => a.label ?? sourceLabel(a);
  for (const a of sheet.articles) counts.set(base(a), (counts.get(base(a)) ?? 0) + 1);
  const tag = languageTagger(sheet);
  return new Map(sheet.articles.map((a) => [a.id, cleanText(((counts.get(base(a)) ?? 0) > 1 ? `${base(a)} #${a.id}` : base(a)) + tag(a.id))]));
}

/** How many distinct sources (labels) a sheet's articles come from: the story's outlet count. */
export function sourceCount(sheet: FactSheet): number {
  return countSources(sheet.articles);
}

/** Where an article of the sheet can be found: its URL, else its input file, else null. */
export function articleLocation(a: FactSheet['articles'][number]): { kind: 'url' | 'file'; value: string } | null {
  return sourceLocation(a);
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

/** A language's English name (`Spanish`), or its code when unknown. */
export function languageName(code: string): string {
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * One line on the languages of a story of several: each with its articles, main first, and those
 * the summary is written in; null for a story in one language.
 */
export function languagesLine(sheet: FactSheet): string | null {
  const known = knownLanguages(sheet);
  if (known.length < 2) return null;
  const counts = known.map((l) => `${languageName(l.language)} (${l.language}) ${l.articles.length}`).join(', ');
  const drawn = [...new Set(sheet.summary.map((s) => s.language).filter((l): l is string => l !== null && l !== undefined))];
  const summary = drawn.length ? `; summary in ${drawn.map(languageName).join(' and ')}` : '';
  return cleanText(`Languages: ${counts} (articles)${summary}`);
}

/** A group's title: its caption, with the unit when the caption does not say it (`Legal fees (dollar)`). */
export function figureTitle(g: SheetFigureGroup): string {
  const caption = g.caption.charAt(0).toUpperCase() + g.caption.slice(1);
  const unit = g.kind === 'percentage' ? '%' : g.kind === 'money' ? (g.values[0]?.currency ?? g.unit) : g.unit;
  const isSaid = unit === '' || g.caption.toLowerCase().includes(unit.toLowerCase()) || g.kind === 'people' || g.kind === 'count' || g.measure.counted === null && g.caption === g.unit;
  return isSaid || ROLE_KINDS.has(g.kind) ? caption : `${caption} (${unit})`;
}

const ROLE_KINDS: ReadonlySet<string> = new Set(['killed', 'injured', 'missing', 'arrested', 'displaced', 'evacuated', 'rescued']);

/** How a figure group's verdict reads. */
export function verdictText(g: SheetFigureGroup): string {
  switch (g.verdict) {
    case 'conflict':
      return 'CONFLICT: some values cannot all be true';
    case 'differ':
      return 'DIFFER: outlets report different counts';
    case 'update':
      return 'updated between reports';
    case 'agree':
      return 'agree';
    case 'single':
      return 'single source';
  }
}

/** `2025-03-24` or `2025-03-24 – 2025-03-30`. */
export function dateRange(start: string, end: string): string {
  return start === end ? start : `${start} – ${end}`;
}

/** The figure groups worth showing: those two or more independent sources report (agreeing, updated or not). */
export function notableFigures(sheet: FactSheet): SheetFigureGroup[] {
  return sheet.figures.filter((g) => g.sourceCount > 1);
}

/** 2150000000 → `2.15 billion`; smaller numbers with thousands separators. */
export function formatAmount(n: number): string {
  const scales: Array<[number, string]> = [
    [1e12, 'trillion'],
    [1e9, 'billion'],
    [1e6, 'million'],
  ];
  for (const [scale, name] of scales) if (Math.abs(n) >= scale) return `${Number((n / scale).toFixed(2))} ${name}`;
  return n.toLocaleString('en-US');
}

/** A value's bounds for display; amounts of money in words (`2 billion`). */
export function boundsText(g: SheetFigureGroup, v: SheetFigureValue): string {
  if (g.kind !== 'money') return v.bounds;
  if (v.low !== null && v.low === v.high) return `${formatAmount(v.low)}${v.currency ? ` ${v.currency}` : ''}`;
  return v.bounds.replace(/\d+(?:\.\d+)?/g, (m) => formatAmount(Number(m)));
}

/**
 * An article's date for display: its publication day, else the inferred day marked as such
 * (`~2025-03-27, inferred`), else `undated`. An inferred date is never shown as a publication date.
 */
export function articleDate(sheet: FactSheet, articleId: number): string {
  const a = sheet.articles.find((x) => x.id === articleId);
  if (a?.published) return a.published.slice(0, 10);
  if (a?.inferredDate) return `~${a.inferredDate} (inferred)`;
  return 'undated';
}

/** The story's days for a heading: first – last, with how many articles are dated by inference. */
export function storyDates(sheet: FactSheet): string | null {
  const days = sheet.articles.map((a) => (a.published ?? a.inferredDate)?.slice(0, 10)).filter((d): d is string => !!d).sort();
  if (days.length === 0) return null;
  const inferred = sheet.articles.filter((a) => !a.published && a.inferredDate).length;
  const undated = sheet.articles.filter((a) => !a.published && !a.inferredDate).length;
  const notes = [inferred > 0 ? `${inferred} undated, dated by inference` : null, undated > 0 ? `${undated} undated` : null].filter(Boolean);
  return `${dateRange(days[0]!, days[days.length - 1]!)}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`;
}
