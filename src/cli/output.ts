/**
 * Small helpers for terminal and JSON output. Status goes to stderr, results to stdout. Lines are
 * printed without control characters (an escape sequence in a stored title would otherwise drive
 * the terminal) or bidirectional overrides; JSON escapes them itself.
 */
import { stripControls } from '../core/index.js';

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function println(line = ''): void {
  process.stdout.write(`${stripControls(line)}\n`);
}

export function status(line: string): void {
  process.stderr.write(`${stripControls(line)}\n`);
}

/** Cuts a string to `width` characters with an ellipsis. */
export function truncate(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= width ? flat : `${flat.slice(0, Math.max(0, width - 1))}…`;
}

/** Left-aligned columns for a plain-text table. */
export function formatTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** "1 story", "2 stories": a count with its noun in the right number (`many` defaults to one + "s"). */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * The time left, as the progress bar shows it: `…` until there is a rate to go by (never "NFs"),
 * then seconds, minutes or hours. `done` and `total` in any unit, `elapsedMs` since the start.
 */
export function formatEta(done: number, total: number, elapsedMs: number): string {
  if (done >= total) return '0s';
  if (done <= 0 || elapsedMs <= 0) return '…';
  const exact = ((total - done) * elapsedMs) / done / 1000;
  if (!Number.isFinite(exact)) return '…';
  const seconds = Math.ceil(exact);
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
  return `${Math.floor(seconds / 3600)}h${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}m`;
}
