import * as chrono from 'chrono-node';

/** Dates outside this span are taken as parse errors (epoch zero, typos), not publication dates. */
const MIN_YEAR = 1990;
const MAX_YEAR = 2100;
/** Longer values are not dates: bounds the work chrono does on hostile attribute values. */
const MAX_DATE_CHARS = 120;

const REGEXPS = {
  // All patterns are anchored or bounded and free of nested quantifiers (no catastrophic backtracking).
  isoDateTime:
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i,
  compactDate: /^(\d{4})(\d{2})(\d{2})$/,
  urlSlashDate: /\/((?:19|20)\d{2})\/(\d{1,2})\/(\d{1,2})(?:\/|$)/,
  urlDashDate: /(?:^|[/_-])((?:19|20)\d{2})-(\d{2})-(\d{2})(?:$|[/_.-])/,
  urlCompactDate: /(?:^|[^\d])((?:19|20)\d{2})(\d{2})(\d{2})(?:$|[^\d])/,
} as const;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function isValidDay(year: number, month: number, day: number): boolean {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

function formatDay(year: number, month: number, day: number): string {
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/**
 * Normalises a date found in markup to ISO 8601: `YYYY-MM-DD` when it has no time,
 * `YYYY-MM-DDTHH:MM:SS±HH:MM` (or `Z`) when it has one; the offset the page gave is kept.
 * Returns null when the value is not a plausible date. Deterministic (no "now").
 */
export function normalizeDate(value: string): string | null {
  const text = value.trim();
  if (text.length === 0 || text.length > MAX_DATE_CHARS) return null;
  const iso = REGEXPS.isoDateTime.exec(text);
  if (iso) {
    const [, y, mo, d, h, mi, s, zone] = iso;
    const year = Number(y);
    const month = Number(mo);
    const day = Number(d);
    if (!isValidDay(year, month, day)) return null;
    const date = formatDay(year, month, day);
    if (h === undefined || mi === undefined) return date;
    if (Number(h) > 23 || Number(mi) > 59) return date;
    const time = `${h}:${mi}:${s ?? '00'}`;
    if (zone === undefined) return `${date}T${time}`;
    if (zone.toUpperCase() === 'Z') return `${date}T${time}Z`;
    const offset = zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
    return `${date}T${time}${offset === '+00:00' || offset === '-00:00' ? 'Z' : offset}`;
  }
  const compact = REGEXPS.compactDate.exec(text);
  if (compact) {
    const year = Number(compact[1]);
    const month = Number(compact[2]);
    const day = Number(compact[3]);
    return isValidDay(year, month, day) ? formatDay(year, month, day) : null;
  }
  if (/^\d+$/.test(text)) {
    // Unix time in seconds or milliseconds.
    const n = Number(text);
    const ms = text.length <= 10 ? n * 1000 : n;
    const date = new Date(ms);
    if (Number.isNaN(date.getTime())) return null;
    const year = date.getUTCFullYear();
    if (year < MIN_YEAR || year > MAX_YEAR) return null;
    return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
  return parseFreeDate(text);
}

/** Dates in prose ("March 27, 2025 10:00 AM EST", "Thu, 27 Mar 2025 10:00:00 GMT") through chrono. */
function parseFreeDate(text: string): string | null {
  // A fixed reference date keeps the result independent of the clock; explicit years win anyway.
  const results = chrono.parse(text, new Date(Date.UTC(2000, 0, 1)));
  const first = results[0];
  if (!first) return null;
  const start = first.start;
  if (!start.isCertain('year') || !start.isCertain('month') || !start.isCertain('day')) return null;
  const year = start.get('year');
  const month = start.get('month');
  const day = start.get('day');
  if (year === null || month === null || day === null || !isValidDay(year, month, day)) return null;
  if (!start.isCertain('hour')) return formatDay(year, month, day);
  const offsetMinutes = start.get('timezoneOffset');
  if (offsetMinutes === null || !start.isCertain('timezoneOffset')) {
    return `${formatDay(year, month, day)}T${pad2(start.get('hour') ?? 0)}:${pad2(start.get('minute') ?? 0)}:${pad2(start.get('second') ?? 0)}`;
  }
  const instant = start.date();
  return instant.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A publication day written into the URL path (`/2025/03/27/`, `2025-03-27`, `20250327`), or null. */
export function dateFromUrl(url: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  for (const re of [REGEXPS.urlSlashDate, REGEXPS.urlDashDate, REGEXPS.urlCompactDate]) {
    const m = re.exec(path);
    if (!m) continue;
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (isValidDay(year, month, day)) return formatDay(year, month, day);
  }
  return null;
}
