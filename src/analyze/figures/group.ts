import { APPROXIMATE_TOLERANCE } from './extract.js';
import type { ArticleFigures, Figure, FigureConflict, FigureGroup, FigureReport, FigureVerdict } from './types.js';
import { contentStems, stem } from './text.js';
import { createUnionFind } from '../../core/union-find.js';

/** Two figures are about the same thing only if their sentences share this many content words. */
export const MIN_SHARED_WORDS = 2;
/** Money converted by an outlet agrees within this relative difference (rates and rounding vary). */
export const MONEY_TOLERANCE = 0.05;

// Words that say nothing about which event a figure belongs to.
const NEUTRAL = new Set(['said', 'say', 'told', 'report', 'official', 'according', 'number', 'total']);

interface Item {
  article: number;
  figure: Figure;
  stems: Set<string>;
}

/**
 * Groups figures about the same thing across articles and decides whether they agree.
 *
 * Grouping (conservative, single link): same kind and unit (money: same currency, or one's bracketed
 * conversion in the other's currency), and sentences that share at least {@link MIN_SHARED_WORDS}
 * content words besides the unit itself. Attributive figures (`27-nation`) are not grouped.
 *
 * Readings: inside one sentence, figures of one group joined by "and" (`at least 18 people in
 * Kharkiv and three people in Dnipro`) are parts of one count: their bounds are summed
 * ([18, ∞) + [3, 3] = [21, ∞)). Each other figure is its own reading.
 *
 * Verdict, per pair of readings, the group taking its worst pair:
 * - `conflict`: the intervals are disjoint (`nearly 30` = [27, 30) and `31`; `nearly 30` and
 *   `more than 30`);
 * - `differ`: both can be true, but the counts reported differ. Each reading's stated count
 *   (`at least 11` → 11, `more than 20` → 21 for whole counts, `at least 18 ... and three` → 21,
 *   `nearly 30` → 30) is compared: equal after rounding to the coarser number's significant
 *   digits, or within {@link APPROXIMATE_TOLERANCE} when either is hedged, is agreement. A reading
 *   without a count (`dozens`, `10,000 to 30,000`) agrees only with readings inside its interval.
 *   Fact-checkers flag `at least 11` against `more than 20` even though both can be true.
 * - `agree` otherwise. Money compares amounts in one currency within {@link MONEY_TOLERANCE}; when
 *   the original amounts match, differing conversions are rounding, not disagreement.
 */
export function groupFigures(perArticle: readonly ArticleFigures[]): FigureGroup[] {
  const items: Item[] = [];
  perArticle.forEach((a, article) => {
    for (const figure of a.figures) {
      if (figure.attributive) continue;
      items.push({ article, figure, stems: stemsOf(figure) });
    }
  });
  const find = linkSameThings(items);
  const byRoot = new Map<number, Item[]>();
  items.forEach((item, i) => {
    const root = find(i);
    const list = byRoot.get(root) ?? [];
    list.push(item);
    byRoot.set(root, list);
  });

  const groups: FigureGroup[] = [];
  for (const members of byRoot.values()) {
    const first = members[0];
    if (!first) continue;
    const reports = buildReports(members, perArticle);
    const { conflicts, differences } = comparePairs(reports);
    const verdict: FigureVerdict = conflicts.length > 0 ? 'conflict' : differences.length > 0 ? 'differ' : 'agree';
    groups.push({
      kind: first.figure.kind,
      unit: first.figure.unit,
      keywords: sharedKeywords(members),
      reports,
      verdict,
      isDisagreement: verdict !== 'agree',
      conflicts,
      differences,
    });
  }
  // Groups told by more outlets first, then by kind, for a stable fact sheet.
  return groups.sort(
    (x, y) =>
      new Set(y.reports.map((r) => r.articleId)).size - new Set(x.reports.map((r) => r.articleId)).size ||
      x.kind.localeCompare(y.kind) ||
      x.unit.localeCompare(y.unit),
  );
}

// A figure's sentence words, minus its unit and noun: computed once per figure object.
const stemCache = new WeakMap<Figure, Set<string>>();
const NEUTRAL_STEMS = [...NEUTRAL].map(stem);

function stemsOf(figure: Figure): Set<string> {
  const cached = stemCache.get(figure);
  if (cached) return cached;
  const stems = contentStems(figure.sentence);
  for (const w of [figure.unit, ...(figure.noun ?? '').split(/\s+/)]) stems.delete(stem(w));
  for (const s of NEUTRAL_STEMS) stems.delete(s);
  stemCache.set(figure, stems);
  return stems;
}

function currenciesOf(f: Figure): string[] {
  return [f.currency ?? '', f.conversion?.currency ?? ''].filter(Boolean);
}

/**
 * Single link over {@link sameThing}; returns each item's root. The partition is that of
 * comparing every pair, but only candidates are compared: identical items (same kind, unit,
 * currencies and words: wire copies) once as a class, and classes only against classes of the same
 * kind and unit (money: a shared currency) that share a word of their prefix (words sorted by
 * rarity, all but the most common: two sets sharing {@link MIN_SHARED_WORDS} = 2 words share one
 * of them).
 */
function linkSameThings(items: readonly Item[]): (i: number) => number {
  const { find, union } = createUnionFind(items.length);
  const byKey = new Map<string, { rep: Item; members: number[] }>();
  const classes: Array<{ rep: Item; members: number[]; buckets: string[] }> = [];
  items.forEach((item, i) => {
    const f = item.figure;
    const buckets = f.kind === 'money' ? currenciesOf(f).map((c) => `money\u0000${c}`) : [`${f.kind}\u0000${f.unit}`];
    const key = `${buckets.join('\u0001')}\u0002${f.kind}\u0002${f.unit}\u0002${[...item.stems].sort().join(' ')}`;
    const c = byKey.get(key);
    if (c) {
      c.members.push(i);
      return;
    }
    const created = { rep: item, members: [i], buckets };
    byKey.set(key, created);
    classes.push(created);
  });
  for (const c of classes) {
    const first = c.members[0];
    if (first === undefined || c.members.length < 2 || !sameThing(c.rep, c.rep)) continue;
    for (const i of c.members) union(i, first);
  }
  const df = new Map<string, number>();
  for (const c of classes) for (const s of c.rep.stems) df.set(s, (df.get(s) ?? 0) + 1);
  const postings = new Map<string, number[]>();
  const prefixes = classes.map((c, k) => {
    const words = [...c.rep.stems].sort((x, y) => (df.get(x) ?? 0) - (df.get(y) ?? 0) || (x < y ? -1 : 1));
    for (const b of c.buckets) {
      for (const w of words) {
        const key = `${b}\u0003${w}`;
        const list = postings.get(key) ?? [];
        list.push(k);
        postings.set(key, list);
      }
    }
    return words.slice(0, Math.max(0, words.length - MIN_SHARED_WORDS + 1));
  });
  const seen = new Int32Array(classes.length).fill(-1);
  classes.forEach((a, k) => {
    for (const b of a.buckets) {
      for (const w of prefixes[k] ?? []) {
        for (const l of postings.get(`${b}\u0003${w}`) ?? []) {
          if (l <= k || seen[l] === k) continue;
          seen[l] = k;
          const other = classes[l]!;
          if (!sameThing(a.rep, other.rep)) continue;
          const [i0, j0] = [a.members[0]!, other.members[0]!];
          for (const i of a.members) union(i, j0);
          for (const j of other.members) union(j, i0);
        }
      }
    }
  });
  return find;
}

function sameThing(a: Item, b: Item): boolean {
  const fa = a.figure;
  const fb = b.figure;
  if (fa.kind !== fb.kind) return false;
  if (fa.kind === 'money') {
    if (!currenciesOf(fa).some((c) => currenciesOf(fb).includes(c))) return false;
  } else if (fa.unit !== fb.unit) {
    return false;
  }
  let shared = 0;
  for (const s of a.stems) if (b.stems.has(s)) shared += 1;
  return shared >= MIN_SHARED_WORDS;
}

function sharedKeywords(members: Item[]): string[] {
  const counts = new Map<string, number>();
  for (const m of members) for (const s of m.stems) counts.set(s, (counts.get(s) ?? 0) + 1);
  const min = Math.max(2, Math.ceil(members.length / 2));
  return [...counts.entries()]
    .filter(([, n]) => n >= min)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 8)
    .map(([s]) => s);
}

interface Interval {
  low: number | null;
  high: number | null;
  lowInclusive: boolean;
  highInclusive: boolean;
}

function buildReports(members: Item[], perArticle: readonly ArticleFigures[]): FigureReport[] {
  // Parts: figures of this group in the same sentence of the same article, joined by "and".
  const bySentence = new Map<string, Item[]>();
  for (const m of members) {
    const key = `${m.article}\u0000${m.figure.paragraph}\u0000${m.figure.sentence}`;
    const list = bySentence.get(key) ?? [];
    list.push(m);
    bySentence.set(key, list);
  }
  const reports: FigureReport[] = [];
  const seen = new Set<string>();
  for (const list of bySentence.values()) {
    const chunks = splitIntoParts(list);
    for (const chunk of chunks) {
      const head = chunk[0];
      if (!head) continue;
      const art = perArticle[head.article];
      const iv = chunk.length === 1 ? intervalOf(head.figure) : sumIntervals(chunk.map((c) => intervalOf(c.figure)));
      const key = `${head.article}|${iv.low}|${iv.high}|${iv.lowInclusive}|${iv.highInclusive}|${head.figure.currency ?? ''}`;
      // The same outlet repeating the same figure is one reading.
      if (seen.has(key)) continue;
      seen.add(key);
      reports.push({
        articleId: art?.articleId ?? head.article,
        source: art?.source ?? null,
        figures: chunk.map((c) => c.figure),
        ...iv,
        bounds: formatInterval(iv),
      });
    }
  }
  return reports;
}

function splitIntoParts(list: Item[]): Item[][] {
  const sorted = [...list].sort((a, b) => a.figure.offset - b.figure.offset);
  const out: Item[][] = [];
  let current: Item[] = [];
  for (const item of sorted) {
    const prev = current[current.length - 1];
    if (prev && item.figure.kind !== 'money' && item.figure.value !== null && prev.figure.value !== null) {
      const between = item.figure.sentence.slice(prev.figure.offset + prev.figure.text.length, item.figure.offset);
      if (/\band\b/.test(between) && !/[;:]/.test(between) && between.length <= 80) {
        current.push(item);
        continue;
      }
    }
    if (current.length > 0) out.push(current);
    current = [item];
  }
  if (current.length > 0) out.push(current);
  return out;
}

function intervalOf(f: Figure): Interval {
  return { low: f.low, high: f.high, lowInclusive: f.lowInclusive, highInclusive: f.highInclusive };
}

function sumIntervals(parts: Interval[]): Interval {
  let low = 0;
  let high: number | null = 0;
  let lowInclusive = true;
  let highInclusive = true;
  for (const p of parts) {
    // Counts are never negative: an open lower end contributes 0.
    low += p.low ?? 0;
    lowInclusive &&= p.low === null || p.lowInclusive;
    if (high !== null && p.high !== null) high += p.high;
    else high = null;
    highInclusive &&= p.highInclusive;
  }
  return { low, high, lowInclusive, highInclusive: high !== null && highInclusive };
}

/** `[18, ∞)`, `(20, ∞)`, `[27, 30)`, `31`. */
export function formatInterval(iv: Interval): string {
  if (iv.low !== null && iv.low === iv.high && iv.lowInclusive && iv.highInclusive) return fmt(iv.low);
  const lo = iv.low === null ? '(-∞' : `${iv.lowInclusive ? '[' : '('}${fmt(iv.low)}`;
  const hi = iv.high === null ? '∞)' : `${fmt(iv.high)}${iv.highInclusive ? ']' : ')'}`;
  return `${lo}, ${hi}`;
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}

function comparePairs(reports: FigureReport[]): { conflicts: FigureConflict[]; differences: FigureConflict[] } {
  const conflicts: FigureConflict[] = [];
  const differences: FigureConflict[] = [];
  // Large stories repeat the same reading hundreds of times: compare each distinct reading once,
  // through its first report, so the pairs stay O(distinct²), not O(reports²).
  const firsts: number[] = [];
  const seen = new Set<string>();
  reports.forEach((r, i) => {
    const head = r.figures[0];
    const key = `${r.bounds}|${head?.currency ?? ''}|${head?.conversion ? `${head.conversion.value}${head.conversion.currency}` : ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    firsts.push(i);
  });
  for (let x = 0; x < firsts.length; x++) {
    for (let y = x + 1; y < firsts.length; y++) {
      const a = firsts[x]!;
      const b = firsts[y]!;
      const ra = reports[a];
      const rb = reports[b];
      if (!ra || !rb) continue;
      const conflict = conflictReason(ra, rb);
      if (conflict) {
        conflicts.push({ a, b, reason: conflict });
        continue;
      }
      const difference = differenceReason(ra, rb);
      if (difference) differences.push({ a, b, reason: difference });
    }
  }
  return { conflicts, differences };
}

/** A reading in one currency (money) or as counted, with its hedge, for comparing counts. */
interface Reading extends Interval {
  isApproximate: boolean;
  isWhole: boolean;
  /** The count the reading states, or null for ranges and vague plurals. */
  count: number | null;
}

// Readings are compared pairwise (O(n²) in a group's reports): compute each once per currency.
const readingCache = new WeakMap<FigureReport, Map<string | null, Reading | null>>();

function readingOf(r: FigureReport, currency: string | null): Reading | null {
  let byCurrency = readingCache.get(r);
  if (!byCurrency) {
    byCurrency = new Map();
    readingCache.set(r, byCurrency);
  }
  if (byCurrency.has(currency)) return byCurrency.get(currency) ?? null;
  const reading = computeReading(r, currency);
  byCurrency.set(currency, reading);
  return reading;
}

function computeReading(r: FigureReport, currency: string | null): Reading | null {
  const figures = r.figures;
  const head = figures[0];
  if (!head) return null;
  let iv: Interval = r;
  if (currency !== null && head.kind === 'money') {
    const converted = moneyInterval(head, currency);
    if (!converted) return null;
    iv = converted;
  }
  const isApproximate = figures.some((f) => f.approximate);
  const isWhole = head.kind !== 'money' && [iv.low, iv.high].every((v) => v === null || Number.isInteger(v));
  const isSum = figures.length > 1;
  const hasValue = isSum || figures.every((f) => f.value !== null);
  let count: number | null = null;
  if (iv.low !== null && iv.low === iv.high) count = iv.low;
  else if (hasValue && iv.low !== null && iv.high === null) count = iv.low + (!iv.lowInclusive && isWhole ? 1 : 0);
  else if (hasValue && iv.high !== null && iv.low === null) count = iv.high - (!iv.highInclusive && isWhole ? 1 : 0);
  else if (!isSum && head.value !== null && currency === null) count = head.value;
  else if (!isSum && head.value !== null && head.kind === 'money' && iv.low !== null && iv.high !== null) count = (iv.low + iv.high) / 2;
  return { ...iv, isApproximate, isWhole, count };
}

function differenceReason(a: FigureReport, b: FigureReport): string | null {
  const fa = a.figures[0];
  const fb = b.figures[0];
  let currency: string | null = null;
  if (fa?.kind === 'money' && fb?.kind === 'money') {
    currency = fa.currency && moneyInterval(fb, fa.currency) ? fa.currency : (fb.currency ?? null);
    if (currency === null) return null;
  }
  const ra = readingOf(a, currency);
  const rb = readingOf(b, currency);
  if (!ra || !rb) return null;
  const tolerance = currency !== null ? MONEY_TOLERANCE : ra.isApproximate || rb.isApproximate ? APPROXIMATE_TOLERANCE : 0;
  if (ra.count !== null && rb.count !== null) {
    if (sameCount(ra.count, rb.count, tolerance)) return null;
    return `${a.bounds} and ${b.bounds} report different counts (${fmt(ra.count)} vs ${fmt(rb.count)})`;
  }
  // A reading without a count agrees with readings it covers ("dozens" and "30").
  if (ra.count === null && rb.count === null) {
    if (sameInterval(ra, rb)) return null;
  } else if (contains(ra.count === null ? ra : rb, ra.count === null ? rb : ra)) {
    return null;
  }
  return `${a.bounds} and ${b.bounds} report different counts`;
}

/** Equal after rounding to the coarser number's significant digits, or within the relative tolerance. */
function sameCount(x: number, y: number, tolerance: number): boolean {
  if (x === y) return true;
  const hi = Math.max(Math.abs(x), Math.abs(y));
  if (hi > 0 && Math.abs(x - y) / hi <= tolerance + 1e-9) return true;
  const digits = Math.min(significantDigits(x), significantDigits(y));
  return Number(x.toPrecision(digits)) === Number(y.toPrecision(digits));
}

function significantDigits(n: number): number {
  const s = String(Math.abs(n)).replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return Math.max(1, Math.min(21, s.length));
}

function sameInterval(a: Interval, b: Interval): boolean {
  return a.low === b.low && a.high === b.high && a.lowInclusive === b.lowInclusive && a.highInclusive === b.highInclusive;
}

/** Whether `outer` contains every value of `inner`. */
function contains(outer: Interval, inner: Interval): boolean {
  const lowOk =
    outer.low === null || (inner.low !== null && (inner.low > outer.low || (inner.low === outer.low && (outer.lowInclusive || !inner.lowInclusive))));
  const highOk =
    outer.high === null ||
    (inner.high !== null && (inner.high < outer.high || (inner.high === outer.high && (outer.highInclusive || !inner.highInclusive))));
  return lowOk && highOk;
}

function moneyInterval(f: Figure, currency: string): Interval | null {
  if (f.currency === currency) return intervalOf(f);
  if (f.conversion?.currency === currency) return { low: f.conversion.value, high: f.conversion.value, lowInclusive: true, highInclusive: true };
  return null;
}

function conflictReason(a: FigureReport, b: FigureReport): string | null {
  const fa = a.figures[0];
  const fb = b.figures[0];
  if (fa?.kind === 'money' && fb?.kind === 'money') return moneyConflict(fa, fb);
  if (!disjoint(a, b)) return null;
  return `${a.bounds} and ${b.bounds} cannot both be true`;
}

function disjoint(a: Interval, b: Interval): boolean {
  const below = (x: Interval, y: Interval): boolean =>
    x.high !== null && y.low !== null && (x.high < y.low || (x.high === y.low && !(x.highInclusive && y.lowInclusive)));
  return below(a, b) || below(b, a);
}

function moneyConflict(a: Figure, b: Figure): string | null {
  const amount = moneyInterval;
  const currency = a.currency && amount(b, a.currency) ? a.currency : (b.currency ?? '');
  const ia = amount(a, currency);
  const ib = amount(b, currency);
  if (!ia || !ib) return null;
  const widen = (iv: Interval): Interval => ({
    ...iv,
    low: iv.low === null ? null : iv.low * (1 - MONEY_TOLERANCE),
    high: iv.high === null ? null : iv.high * (1 + MONEY_TOLERANCE),
  });
  if (!disjoint(widen(ia), widen(ib))) return null;
  return `${formatInterval(ia)} and ${formatInterval(ib)} ${currency} differ by more than ${MONEY_TOLERANCE * 100}%`;
}
