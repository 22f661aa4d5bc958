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
  /** The row's label (the start of the event's description); the full text is the mark's title. */
  label: string;
  /** Full description, for the row's title (defaults to the label). */
  description?: string;
  /** Anchor of the event in the list below the chart. */
  href: string;
  isDisputed: boolean;
  /** Other datings of a disputed event. */
  alternatives: Array<{ start: string; end: string }>;
  /** Background: the event lies well before (or after) the story's own days; drawn on a part of the axis of its own. */
  isOutsideStory?: boolean;
}

/** How a timeline chart is laid out: labels beside the rows (a wide screen), or above them (a phone). */
export type ChartLayout = 'wide' | 'narrow';

const CHART_WIDTH = 720;
const NARROW_WIDTH = 360;
/** Longest span the story's part of the timeline axis shows, days. */
export const MAX_CHART_DAYS = 62;
const ROW_HEIGHT = 22;
const NARROW_ROW_HEIGHT = 34;
const MARGIN_TOP = 28;
const MARGIN_X = 16;
const WIDE_LABEL_WIDTH = 200;
/** Share of the axis the background events (before or after the story) get, each side. */
const OUTSIDE_SHARE = 0.2;
/** Space of the break between two parts of the axis, px. */
const BREAK_GAP = 18;

interface Segment {
  min: number;
  max: number;
  x0: number;
  x1: number;
  kind: 'before' | 'story' | 'after';
}

/** Where a day falls on a broken axis: its segment, then linearly within it. */
function place(segments: readonly Segment[], day: number): { x: number; segment: Segment } {
  const segment = segments.find((g) => day <= g.max) ?? segments[segments.length - 1]!;
  const clamped = Math.min(segment.max, Math.max(segment.min, day));
  return { x: segment.x0 + ((clamped - segment.min) / (segment.max - segment.min + 1)) * (segment.x1 - segment.x0), segment };
}

const cut = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1).replace(/\s+\S*$/, '')}…` : text);

/**
 * The timeline as an inline SVG: a date axis, one labelled row per event (a dot for a day, a bar
 * for a span), disputed datings drawn hollow on the same row. Events long before (or after) the
 * story ("since 2014") are drawn on a part of the axis of their own, past a break (⫽) and with
 * their own years, so that the story's days are not squashed; the caption says so. `wide` puts
 * the labels beside the rows, `narrow` (a phone) above them. Each row links to the event in the
 * accessible list that follows the chart.
 */
export function timelineChart(events: readonly ChartEvent[], layout: ChartLayout = 'wide'): SafeHtml {
  const dated = events.flatMap((e) => {
    const s = dayNumber(e.start);
    const t = dayNumber(e.end);
    if (s === null || t === null) return [];
    const alts = e.alternatives.flatMap((a) => {
      const as = dayNumber(a.start);
      const at = dayNumber(a.end);
      return as === null || at === null ? [] : [{ s: as, t: Math.max(as, at) }];
    });
    return [{ event: e, s, t: Math.max(s, t), alts }];
  });
  if (dated.length === 0) return html``;
  const narrow = layout === 'narrow';
  const width = narrow ? NARROW_WIDTH : CHART_WIDTH;
  const left = narrow ? 8 : WIDE_LABEL_WIDTH;
  const right = width - (narrow ? 8 : MARGIN_X);
  const spans = (d: (typeof dated)[number]): number[] => [d.s, d.t, ...d.alts.flatMap((a) => [a.s, a.t])];
  const inside = dated.filter((d) => !d.event.isOutsideStory);
  const core = (inside.length > 0 ? inside : dated).flatMap(spans);
  let max = Math.max(...core);
  // The story's part shows at most MAX_CHART_DAYS; what is earlier goes to the background part.
  let min = Math.max(Math.min(...core), max - MAX_CHART_DAYS);
  if (max - min < 2) {
    min -= 1;
    max += 1;
  }
  const all = dated.flatMap(spans);
  const before = all.filter((d) => d < min);
  const after = all.filter((d) => d > max);
  const segments: Segment[] = [];
  const share = (right - left) * OUTSIDE_SHARE;
  let x0 = left;
  let x1 = right;
  if (before.length > 0) {
    segments.push({ kind: 'before', min: Math.min(...before), max: Math.max(...before), x0: left, x1: left + share });
    x0 = left + share + BREAK_GAP;
  }
  if (after.length > 0) x1 = right - share - BREAK_GAP;
  segments.push({ kind: 'story', min, max, x0, x1 });
  if (after.length > 0) segments.push({ kind: 'after', min: Math.min(...after), max: Math.max(...after), x0: right - share, x1: right });
  for (const g of segments) if (g.max - g.min < 1) g.max = g.min + 1;
  const rowHeight = narrow ? NARROW_ROW_HEIGHT : ROW_HEIGHT;
  const height = MARGIN_TOP + dated.length * rowHeight + 8;
  const rows = dated.map((d, i) => {
    const top = MARGIN_TOP + i * rowHeight;
    const y = narrow ? top + rowHeight - 9 : top + rowHeight / 2;
    const mark = (rawS: number, rawT: number, hollow: boolean): SafeHtml => {
      const a = place(segments, rawS);
      const b = place(segments, rawT);
      const dayWidth = (a.segment.x1 - a.segment.x0) / (a.segment.max - a.segment.min + 1);
      const w = Math.max(6, (b.segment === a.segment ? b.x - a.x : 0) + dayWidth - 2);
      return html`<rect class="${hollow ? 'mark alt' : d.event.isDisputed ? 'mark disputed' : 'mark'}" x="${(a.x + 1).toFixed(1)}" y="${y - 5}" width="${Math.min(w, a.segment.x1 - a.x).toFixed(1)}" height="10" rx="5"></rect>`;
    };
    const when = d.event.start === d.event.end ? d.event.start : `${d.event.start} to ${d.event.end}`;
    const title = `${when}: ${d.event.description ?? d.event.label}`;
    const label = narrow
      ? html`<text class="row-label" x="${left}" y="${top + 12}">${cut(`${formatDay(d.s)} · ${d.event.label}`, 52)}</text>`
      : html`<text class="row-label" x="${left - 8}" y="${y + 4}" text-anchor="end">${cut(d.event.label, 30)}</text>`;
    return html`<a href="${d.event.href}" class="row"><title>${title}</title>${label}<line class="guide" x1="${left}" x2="${right}" y1="${y}" y2="${y}"></line>${d.alts.map((a) => mark(a.s, a.t, true))}${mark(d.s, d.t, false)}</a>`;
  });
  const tickMarks = segments.flatMap((g) => {
    const ticks = g.kind === 'story' ? axisTicks(g.min, g.max, narrow ? 4 : 10) : [g.min, ...(g.max - g.min > 365 ? [g.max] : [])];
    return ticks.map((t, i) => {
      const at = place([g], t).x;
      const text = g.kind === 'story' ? formatTick(t, g.max - g.min) : String(new Date(t * DAY_MS).getUTCFullYear());
      const anchor = g.kind !== 'story' && i > 0 ? 'end' : 'start';
      return html`<g class="tick"><line x1="${at.toFixed(1)}" x2="${at.toFixed(1)}" y1="${MARGIN_TOP - 6}" y2="${height - 6}"></line><text x="${(anchor === 'end' ? Math.min(at, g.x1) : at + 2).toFixed(1)}" y="${MARGIN_TOP - 10}" text-anchor="${anchor}">${text}</text></g>`;
    });
  });
  // The breaks: two slanted strokes across the axis between two parts.
  const breaks = segments.slice(1).map((g, i) => {
    const prev = segments[i]!;
    const mid = (prev.x1 + g.x0) / 2;
    return html`<g class="axis-break" aria-hidden="true"><line x1="${(mid - 5).toFixed(1)}" x2="${(mid - 1).toFixed(1)}" y1="${MARGIN_TOP - 2}" y2="${MARGIN_TOP - 14}"></line><line x1="${(mid + 1).toFixed(1)}" x2="${(mid + 5).toFixed(1)}" y1="${MARGIN_TOP - 2}" y2="${MARGIN_TOP - 14}"></line></g>`;
  });
  const story = segments.find((g) => g.kind === 'story')!;
  const parts = segments.filter((g) => g.kind !== 'story').map((g) => `${g.kind === 'before' ? 'earlier' : 'later'} events (${isoOf(g.min).slice(0, 4)}${isoOf(g.max).slice(0, 4) !== isoOf(g.min).slice(0, 4) ? `–${isoOf(g.max).slice(0, 4)}` : ''}) on a scale of their own, past a break in the axis`);
  const label = `Timeline chart of ${dated.length} events, ${isoOf(story.min)} to ${isoOf(story.max)}${parts.length ? `; ${parts.join('; ')}` : ''}; the list below gives each event`;
  return html`<svg class="timeline-chart ${layout}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${label}">${tickMarks}${breaks}${rows}</svg>`;
}

/** The note under a timeline chart for events drawn apart, or empty. */
export function timelineNote(events: readonly ChartEvent[]): string {
  const outside = events.filter((e) => e.isOutsideStory);
  if (outside.length === 0) return '';
  const years = outside.map((e) => e.start.slice(0, 4)).sort();
  const span = years[0] === years[years.length - 1] ? years[0]! : `${years[0]!}–${years[years.length - 1]!}`;
  return `${outside.length === 1 ? 'One event lies' : `${outside.length} events lie`} well outside the story's days (${span}): drawn at the edge on a scale of their own, past the break (⫽) in the axis.`;
}

function formatDay(day: number): string {
  const d = new Date(day * DAY_MS);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()] ?? ''} ${d.getUTCFullYear()}`;
}

function axisTicks(min: number, max: number, most = 10): number[] {
  const span = max - min;
  let step = span <= 10 ? 1 : span <= 40 ? 7 : span <= 400 ? 30 : 365;
  while (span / step + 1 > most) step *= 2;
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
export function coverageChart(marks: readonly CoverageMark[], layout: ChartLayout = 'wide'): SafeHtml {
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
  const narrow = layout === 'narrow';
  const width = narrow ? NARROW_WIDTH : CHART_WIDTH;
  const left = narrow ? 10 : COVERAGE_LABEL_WIDTH;
  const inner = width - left - (narrow ? 10 : MARGIN_X);
  const x = (t: number): number => left + ((t - min) / (max - min)) * inner;
  const rowHeight = narrow ? NARROW_ROW_HEIGHT : ROW_HEIGHT;
  const height = MARGIN_TOP + ordered.length * rowHeight + 8;
  const spanDays = (max - min) / DAY_MS;
  const tickCount = narrow ? 3 : 5;
  const ticks = Array.from({ length: tickCount }, (_, i) => min + ((max - min) * i) / (tickCount - 1));
  const tickText = (t: number): string => {
    const d = new Date(t);
    const day = `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()] ?? ''}`;
    return spanDays < 2 ? `${day} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}` : spanDays > 400 ? String(d.getUTCFullYear()) : day;
  };
  const cut = (label: string): string => (label.length > 24 ? `${label.slice(0, 23)}…` : label);
  const drawn = ordered.map(([label, items], i) => {
    const top = MARGIN_TOP + i * rowHeight;
    const y = narrow ? top + rowHeight - 9 : top + rowHeight / 2;
    const first = items.reduce((a, b) => (b.t < a.t ? b : a));
    const text = narrow
      ? html`<text class="row-label" x="${left}" y="${top + 12}">${label.length > 44 ? `${label.slice(0, 43)}…` : label} (${items.length})</text>`
      : html`<text class="row-label" x="${left - 8}" y="${y + 4}" text-anchor="end">${cut(label)}</text>`;
    return html`<a href="${first.href}" class="row"><title>${label}: ${items.length} article${items.length === 1 ? '' : 's'}, first ${new Date(first.t).toISOString().slice(0, 16).replace('T', ' ')} UTC</title>${text}<line class="guide" x1="${left}" x2="${left + inner}" y1="${y}" y2="${y}"></line>${items.map((d) => html`<circle class="mark" cx="${x(d.t).toFixed(1)}" cy="${y}" r="5"></circle>`)}</a>`;
  });
  const tickMarks = ticks.map(
    (t, i) => html`<g class="tick"><line x1="${x(t).toFixed(1)}" x2="${x(t).toFixed(1)}" y1="${MARGIN_TOP - 6}" y2="${height - 6}"></line><text x="${x(t).toFixed(1)}" y="${MARGIN_TOP - 10}" text-anchor="${i === 0 ? 'start' : i === tickCount - 1 ? 'end' : 'middle'}">${tickText(t)}</text></g>`,
  );
  const hidden = rows.size - ordered.length;
  const label = `Coverage chart: ${dated.length} dated articles from ${rows.size} outlets${hidden > 0 ? ` (the ${ordered.length} with most articles drawn)` : ''}; the table below lists each article`;
  return html`<svg class="coverage-chart timeline-chart ${layout}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${label}">${tickMarks}${drawn}</svg>`;
}
