import { APPROXIMATE_TOLERANCE } from '../read/index.js';
import type { Figure } from '../types.js';

/** Money converted by an outlet agrees within this relative difference (rates and rounding vary). */
export const MONEY_TOLERANCE = 0.05;

/** An interval of values; `null` ends are unbounded. */
export interface Interval {
  low: number | null;
  high: number | null;
  lowInclusive: boolean;
  highInclusive: boolean;
}

/** A reading compared with another: its interval (in one currency for money), its hedge and its stated count. */
export interface Reading extends Interval {
  /** The figures behind it (several when one sentence gives a count in parts). */
  figures: readonly Figure[];
}

export function intervalOf(f: Figure): Interval {
  return { low: f.low, high: f.high, lowInclusive: f.lowInclusive, highInclusive: f.highInclusive };
}

/** Sum of the parts of one count (`18 in one town and 3 in another` = [21, 21]); counts are never negative. */
export function sumIntervals(parts: readonly Interval[]): Interval {
  let low = 0;
  let high: number | null = 0;
  let lowInclusive = true;
  let highInclusive = true;
  for (const p of parts) {
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

function moneyInterval(f: Figure, currency: string): Interval | null {
  if (f.currency === currency) return intervalOf(f);
  if (f.conversion?.currency === currency) return { low: f.conversion.value, high: f.conversion.value, lowInclusive: true, highInclusive: true };
  return null;
}

/** The currency two money readings can be compared in (the first's, else the second's), or null. */
function commonCurrency(a: Figure, b: Figure): string | null {
  if (a.currency && moneyInterval(b, a.currency)) return a.currency;
  if (b.currency && moneyInterval(a, b.currency)) return b.currency;
  if (a.conversion && moneyInterval(b, a.conversion.currency)) return a.conversion.currency;
  return null;
}

interface Count extends Interval {
  isApproximate: boolean;
  /** The count the reading states, or null for ranges and vague plurals. */
  count: number | null;
}

function countOf(r: Reading, currency: string | null): Count | null {
  const head = r.figures[0];
  if (!head) return null;
  let iv: Interval = r;
  if (currency !== null) {
    const converted = moneyInterval(head, currency);
    if (!converted) return null;
    iv = converted;
  }
  const isApproximate = r.figures.some((f) => f.approximate);
  const isWhole = head.kind !== 'money' && [iv.low, iv.high].every((v) => v === null || Number.isInteger(v));
  const isSum = r.figures.length > 1;
  const hasValue = isSum || r.figures.every((f) => f.value !== null);
  let count: number | null = null;
  if (iv.low !== null && iv.low === iv.high) count = iv.low;
  else if (hasValue && iv.low !== null && iv.high === null) count = iv.low + (!iv.lowInclusive && isWhole ? 1 : 0);
  else if (hasValue && iv.high !== null && iv.low === null) count = iv.high - (!iv.highInclusive && isWhole ? 1 : 0);
  else if (!isSum && head.value !== null && currency === null) count = head.value;
  else if (!isSum && head.value !== null && currency !== null && iv.low !== null && iv.high !== null) count = (iv.low + iv.high) / 2;
  return { ...iv, isApproximate, count };
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

function disjoint(a: Interval, b: Interval): boolean {
  const below = (x: Interval, y: Interval): boolean =>
    x.high !== null && y.low !== null && (x.high < y.low || (x.high === y.low && !(x.highInclusive && y.lowInclusive)));
  return below(a, b) || below(b, a);
}

/** Why two readings cannot both be true, or null. Money compares in one currency, widened by {@link MONEY_TOLERANCE}. */
export function conflictReason(a: Reading, b: Reading, boundsA: string, boundsB: string): string | null {
  const fa = a.figures[0];
  const fb = b.figures[0];
  if (!fa || !fb) return null;
  if (fa.kind === 'money') {
    const currency = commonCurrency(fa, fb);
    if (currency === null) return null;
    const ia = moneyInterval(fa, currency)!;
    const ib = moneyInterval(fb, currency)!;
    const widen = (iv: Interval): Interval => ({
      ...iv,
      low: iv.low === null ? null : iv.low * (1 - MONEY_TOLERANCE),
      high: iv.high === null ? null : iv.high * (1 + MONEY_TOLERANCE),
    });
    if (!disjoint(widen(ia), widen(ib))) return null;
    return `${formatInterval(ia)} and ${formatInterval(ib)} ${currency} differ by more than ${MONEY_TOLERANCE * 100}%`;
  }
  return disjoint(a, b) ? `${boundsA} and ${boundsB} cannot both be true` : null;
}

/**
 * Why two compatible readings still report different counts, or null. Each reading's stated count
 * (`at least 11` → 11, `more than 20` → 21 for whole counts, `nearly 30` → 30) is compared: equal
 * after rounding to the coarser number's significant digits, or within {@link APPROXIMATE_TOLERANCE}
 * when either is hedged, is agreement. A reading without a count (`dozens`, a range) agrees with
 * readings inside its interval.
 */
export function differenceReason(a: Reading, b: Reading, boundsA: string, boundsB: string): string | null {
  const fa = a.figures[0];
  const fb = b.figures[0];
  if (!fa || !fb) return null;
  let currency: string | null = null;
  if (fa.kind === 'money') {
    currency = commonCurrency(fa, fb);
    if (currency === null) return null;
  }
  const ca = countOf(a, currency);
  const cb = countOf(b, currency);
  if (!ca || !cb) return null;
  const tolerance = currency !== null ? MONEY_TOLERANCE : ca.isApproximate || cb.isApproximate ? APPROXIMATE_TOLERANCE : 0;
  if (ca.count !== null && cb.count !== null) {
    if (sameCount(ca.count, cb.count, tolerance)) return null;
    return `${boundsA} and ${boundsB} report different counts (${fmt(ca.count)} vs ${fmt(cb.count)})`;
  }
  if (ca.count === null && cb.count === null) {
    if (sameInterval(ca, cb)) return null;
  } else if (contains(ca.count === null ? ca : cb, ca.count === null ? cb : ca)) {
    return null;
  }
  return `${boundsA} and ${boundsB} report different counts`;
}

/** True when two readings agree (neither conflict nor a different count). */
export function isCompatible(a: Reading, b: Reading): boolean {
  return conflictReason(a, b, '', '') === null && differenceReason(a, b, '', '') === null;
}
