import type { Citation, FactSheet, SheetFigureGroup, SheetFigureValue } from '../types.js';

// C0/C1 controls (ANSI escapes start with ESC), bidi overrides and isolates, zero-width joiners
// aside: article text is untrusted and must not drive the reader's terminal or reorder text.
const UNSAFE_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Untrusted text made safe to print: no control characters, whitespace collapsed. */
export function cleanText(text: string): string {
  return text.replace(UNSAFE_CHARS, '').replace(/\s+/g, ' ').trim();
}

/**
 * Citation labels for a sheet: the article's label (outlet, title or `#id`), with `#id` added when
 * one outlet has several articles in the story.
 */
export function citationLabeler(sheet: FactSheet): (c: Citation) => string {
  const counts = new Map<string, number>();
  for (const a of sheet.articles) counts.set(a.label, (counts.get(a.label) ?? 0) + 1);
  const labels = new Map(
    sheet.articles.map((a) => [a.id, cleanText((counts.get(a.label) ?? 0) > 1 ? `${a.label} #${a.id}` : a.label)]),
  );
  return (c) => labels.get(c.articleId) ?? cleanText(c.source ?? `#${c.articleId}`);
}

/** `casualties-injured` / `people` → `Injured (people)`; `other` / `city` → `City`. */
export function figureTitle(g: SheetFigureGroup): string {
  const kind: Record<string, string> = {
    'casualties-injured': 'Injured',
    'casualties-killed': 'Killed',
    countries: 'Countries',
    troops: 'Troops',
    drones: 'Drones',
    money: 'Money',
    people: 'People',
  };
  const name = kind[g.kind] ?? g.unit.charAt(0).toUpperCase() + g.unit.slice(1);
  return name.toLowerCase() === g.unit ? name : `${name} (${g.unit})`;
}

/** How a figure group's verdict reads. */
export function verdictText(g: SheetFigureGroup): string {
  switch (g.verdict) {
    case 'conflict':
      return 'CONFLICT: some values cannot all be true';
    case 'differ':
      return 'DIFFER: outlets report different counts';
    case 'agree':
      return 'agree';
  }
}

/** `2025-03-24` or `2025-03-24 – 2025-03-30`. */
export function dateRange(start: string, end: string): string {
  return start === end ? start : `${start} – ${end}`;
}

/** The figure groups worth showing first: disagreements and figures reported by several articles. */
export function notableFigures(sheet: FactSheet): SheetFigureGroup[] {
  return sheet.figures.filter((g) => g.isDisagreement || g.articleCount > 1);
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
