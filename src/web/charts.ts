import { html, type SafeHtml } from './html.js';

const DAY_MS = 86_400_000;

function dayNumber(isoDay: string): number | null {
  const ms = Date.parse(`${isoDay.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(ms) ? null : Math.round(ms / DAY_MS);
}

function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Sparkline width and height, px (the SVG scales with its box). */
export const SPARKLINE_WIDTH = 120;
export const SPARKLINE_HEIGHT = 28;

/**
 * Articles per day as an inline SVG bar sparkline over the story's span (at most 60 bars: longer
 * spans are bucketed). Decorative for screen readers: the label says the same in words.
 */
export function sparkline(days: ReadonlyArray<{ day: string; articles: number }>): SafeHtml {
  const points = days.flatMap((d) => {
    const n = dayNumber(d.day);
    return n === null ? [] : [{ n, articles: d.articles }];
  });
  if (points.length === 0) return html``;
  const first = Math.min(...points.map((p) => p.n));
  const last = Math.max(...points.map((p) => p.n));
  const span = last - first + 1;
  // At least a week wide, so a one-day story is one slim bar rather than a block.
  const buckets = Math.min(60, Math.max(7, span));
  const counts = new Array<number>(buckets).fill(0);
  for (const p of points) {
    const b = span <= buckets ? p.n - first : Math.min(buckets - 1, Math.floor(((p.n - first) / span) * buckets));
    counts[b] = (counts[b] ?? 0) + p.articles;
  }
  const max = Math.max(1, ...counts);
  const gap = buckets > 30 ? 0.5 : 1.5;
  const width = SPARKLINE_WIDTH / buckets;
  const total = points.reduce((n, p) => n + p.articles, 0);
  const label = `${total} article${total === 1 ? '' : 's'} over ${span} day${span === 1 ? '' : 's'}, ${isoOf(first)} to ${isoOf(last)}`;
  const bars = counts.map((count, i) => {
    if (count === 0) return html``;
    const h = Math.max(2, (count / max) * (SPARKLINE_HEIGHT - 2));
    return html`<rect x="${(i * width + gap / 2).toFixed(2)}" y="${(SPARKLINE_HEIGHT - h).toFixed(2)}" width="${Math.max(1, width - gap).toFixed(2)}" height="${h.toFixed(2)}" rx="1"></rect>`;
  });
  return html`<svg class="sparkline" viewBox="0 0 ${SPARKLINE_WIDTH} ${SPARKLINE_HEIGHT}" width="${SPARKLINE_WIDTH}" height="${SPARKLINE_HEIGHT}" role="img" aria-label="${label}"><title>${label}</title><line x1="0" y1="${SPARKLINE_HEIGHT - 0.5}" x2="${SPARKLINE_WIDTH}" y2="${SPARKLINE_HEIGHT - 0.5}" class="axis"></line>${bars}</svg>`;
}

/** One event to draw on the timeline chart. */
export interface ChartEvent {
  start: string;
  end: string;
  label: string;
  /** Anchor of the event in the list below the chart. */
  href: string;
  isDisputed: boolean;
  /** Other datings of a disputed event. */
  alternatives: Array<{ start: string; end: string }>;
}

const CHART_WIDTH = 720;
/** Longest span the timeline axis shows, days. */
export const MAX_CHART_DAYS = 62;
const ROW_HEIGHT = 22;
const MARGIN_TOP = 28;
const MARGIN_X = 16;

/**
 * The timeline as an inline SVG: a date axis, one row per event (a dot for a day, a bar for a
 * span), disputed datings drawn hollow on the same row. Each mark links to the event in the
 * accessible list that follows the chart.
 */
export function timelineChart(events: readonly ChartEvent[]): SafeHtml {
  const dated = events.flatMap((e) => {
    const s = dayNumber(e.start);
    const t = dayNumber(e.end);
    if (s === null || t === null) return [];
    const alts = e.alternatives.flatMap((a) => {
      const as = dayNumber(a.start);
      const at = dayNumber(a.end);
      return as === null || at === null ? [] : [{ s: as, t: at }];
    });
    return [{ event: e, s, t: Math.max(s, t), alts }];
  });
  if (dated.length === 0) return html``;
  const all = dated.flatMap((d) => [d.s, d.t, ...d.alts.flatMap((a) => [a.s, a.t])]);
  let max = Math.max(...all);
  // A long-past event ("since 2019") would squash the story's days: the axis shows at most
  // MAX_CHART_DAYS; earlier marks are clamped to its left edge (their titles keep the real dates).
  let min = Math.max(Math.min(...all), max - MAX_CHART_DAYS);
  if (max - min < 2) {
    min -= 1;
    max += 1;
  }
  const inner = CHART_WIDTH - 2 * MARGIN_X;
  const x = (day: number): number => MARGIN_X + ((day - min) / (max - min + 1)) * inner;
  const dayWidth = inner / (max - min + 1);
  const height = MARGIN_TOP + dated.length * ROW_HEIGHT + 8;
  const ticks = axisTicks(min, max);
  const rows = dated.map((d, i) => {
    const y = MARGIN_TOP + i * ROW_HEIGHT + ROW_HEIGHT / 2;
    const mark = (rawS: number, rawT: number, hollow: boolean): SafeHtml => {
      const s = Math.max(min, rawS);
      const t = Math.max(s, rawT);
      const w = Math.max(6, (t - s + 1) * dayWidth - 2);
      return html`<rect class="${hollow ? 'mark alt' : d.event.isDisputed ? 'mark disputed' : 'mark'}" x="${(x(s) + 1).toFixed(1)}" y="${y - 5}" width="${w.toFixed(1)}" height="10" rx="5"></rect>`;
    };
    const title = `${d.event.start === d.event.end ? d.event.start : `${d.event.start} to ${d.event.end}`}: ${d.event.label}`;
    return html`<a href="${d.event.href}" class="row"><title>${title}</title><line class="guide" x1="${MARGIN_X}" x2="${CHART_WIDTH - MARGIN_X}" y1="${y}" y2="${y}"></line>${d.alts.map((a) => mark(a.s, a.t, true))}${mark(d.s, d.t, false)}</a>`;
  });
  const tickMarks = ticks.map(
    (t) => html`<g class="tick"><line x1="${x(t).toFixed(1)}" x2="${x(t).toFixed(1)}" y1="${MARGIN_TOP - 6}" y2="${height - 6}"></line><text x="${(x(t) + 2).toFixed(1)}" y="${MARGIN_TOP - 10}">${formatTick(t, max - min)}</text></g>`,
  );
  return html`<svg class="timeline-chart" viewBox="0 0 ${CHART_WIDTH} ${height}" role="img" aria-label="Timeline chart of ${dated.length} events from ${isoOf(min)} to ${isoOf(max)}; the list below gives each event">${tickMarks}${rows}</svg>`;
}

function axisTicks(min: number, max: number): number[] {
  const span = max - min;
  const step = span <= 10 ? 1 : span <= 40 ? 7 : span <= 400 ? 30 : 365;
  const ticks: number[] = [];
  for (let d = min; d <= max && ticks.length < 14; d += step) ticks.push(d);
  return ticks;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function formatTick(day: number, span: number): string {
  const d = new Date(day * DAY_MS);
  if (span > 400) return String(d.getUTCFullYear());
  if (span > 40) return `${MONTHS[d.getUTCMonth()] ?? ''} ${d.getUTCFullYear()}`;
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()] ?? ''}`;
}

/** One article on the coverage chart. */
export interface CoverageMark {
  /** The article's label (its outlet, host or file); rows group by it. */
  label: string;
  published: string | null;
  /** Anchor of the article in the table that follows the chart. */
  href: string;
}

/** Most outlet rows the coverage chart draws (the table has them all). */
export const MAX_COVERAGE_ROWS = 15;
const COVERAGE_LABEL_WIDTH = 170;

/**
 * Who published when: one row per outlet (most articles first, at most {@link MAX_COVERAGE_ROWS}),
 * a mark at each of its articles' publication times. Each row is one link (to the outlet's first
 * article in the table below), so a keyboard reaches every row without a tab stop per article.
 * Empty when fewer than two articles are dated.
 */
export function coverageChart(marks: readonly CoverageMark[]): SafeHtml {
  const dated = marks.flatMap((m) => {
    const t = m.published ? Date.parse(m.published.length === 10 ? `${m.published}T00:00:00Z` : m.published) : Number.NaN;
    return Number.isNaN(t) ? [] : [{ ...m, row: m.label, t }];
  });
  if (dated.length < 2) return html``;
  const rows = new Map<string, typeof dated>();
  for (const d of dated) rows.set(d.row, [...(rows.get(d.row) ?? []), d]);
  const ordered = [...rows].sort((a, b) => b[1].length - a[1].length || Math.min(...a[1].map((d) => d.t)) - Math.min(...b[1].map((d) => d.t))).slice(0, MAX_COVERAGE_ROWS);
  const times = dated.map((d) => d.t);
  let min = Math.min(...times);
  let max = Math.max(...times);
  if (max - min < 3_600_000) {
    min -= 1_800_000;
    max += 1_800_000;
  }
  const left = COVERAGE_LABEL_WIDTH;
  const inner = CHART_WIDTH - left - MARGIN_X;
  const x = (t: number): number => left + ((t - min) / (max - min)) * inner;
  const height = MARGIN_TOP + ordered.length * ROW_HEIGHT + 8;
  const spanDays = (max - min) / DAY_MS;
  const tickCount = 5;
  const ticks = Array.from({ length: tickCount }, (_, i) => min + ((max - min) * i) / (tickCount - 1));
  const tickText = (t: number): string => {
    const d = new Date(t);
    const day = `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()] ?? ''}`;
    return spanDays < 2 ? `${day} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}` : spanDays > 400 ? String(d.getUTCFullYear()) : day;
  };
  const cut = (label: string): string => (label.length > 24 ? `${label.slice(0, 23)}…` : label);
  const drawn = ordered.map(([label, items], i) => {
    const y = MARGIN_TOP + i * ROW_HEIGHT + ROW_HEIGHT / 2;
    const first = items.reduce((a, b) => (b.t < a.t ? b : a));
    return html`<a href="${first.href}" class="row"><title>${label}: ${items.length} article${items.length === 1 ? '' : 's'}, first ${new Date(first.t).toISOString().slice(0, 16).replace('T', ' ')} UTC</title><text class="row-label" x="${left - 8}" y="${y + 4}" text-anchor="end">${cut(label)}</text><line class="guide" x1="${left}" x2="${CHART_WIDTH - MARGIN_X}" y1="${y}" y2="${y}"></line>${items.map((d) => html`<circle class="mark" cx="${x(d.t).toFixed(1)}" cy="${y}" r="5"></circle>`)}</a>`;
  });
  const tickMarks = ticks.map(
    (t, i) => html`<g class="tick"><line x1="${x(t).toFixed(1)}" x2="${x(t).toFixed(1)}" y1="${MARGIN_TOP - 6}" y2="${height - 6}"></line><text x="${x(t).toFixed(1)}" y="${MARGIN_TOP - 10}" text-anchor="${i === 0 ? 'start' : i === tickCount - 1 ? 'end' : 'middle'}">${tickText(t)}</text></g>`,
  );
  const hidden = rows.size - ordered.length;
  const label = `Coverage chart: ${dated.length} dated articles from ${rows.size} outlets${hidden > 0 ? ` (the ${ordered.length} with most articles drawn)` : ''}; the table below lists each article`;
  return html`<svg class="coverage-chart timeline-chart" viewBox="0 0 ${CHART_WIDTH} ${height}" role="img" aria-label="${label}">${tickMarks}${drawn}</svg>`;
}
