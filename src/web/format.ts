import { sourceLabel } from '../core/labels.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `14 Oct 2026`, or `14 Oct 2026, 09:30` with a time (UTC as stored); the input itself when unparseable. */
export function formatDate(iso: string | null | undefined, withTime = false): string {
  if (!iso) return 'undated';
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d, h, mi] = m;
  const date = `${Number(d)} ${MONTHS[Number(mo) - 1] ?? mo} ${y}`;
  return withTime && h !== undefined && mi !== undefined && !(h === '00' && mi === '00') ? `${date}, ${h}:${mi}` : date;
}

/** `14–16 Oct 2026`-style span of two ISO dates. */
export function formatSpan(first: string | null, last: string | null): string {
  if (!first && !last) return 'undated';
  const a = formatDate(first ?? last);
  const b = formatDate(last ?? first);
  return a === b ? a : `${a} – ${b}`;
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** How an article is named in the UI: its label (outlet, else host, else file name), as everywhere. */
export function articleLabel(a: { id: number; source: string | null; label?: string }): string {
  return a.label ?? sourceLabel(a);
}
