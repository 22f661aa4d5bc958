/**
 * Invisible characters that change how text is read or shown without being text: C0 and C1
 * control characters (NUL included; tab, line feed and carriage return are kept), DEL, the
 * bidirectional embedding, override and isolate controls, and the byte-order mark used inside
 * text. A title carrying U+202E (right-to-left override) would otherwise show reversed, and flip
 * whatever is printed after it; a NUL-only text would pass for an article.
 */
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb]/g;

/**
 * Zero-width characters that can hide inside a name ("Reu\u200bters") and make two names look
 * alike: removed from short display fields (titles, outlet names, bylines). Running text keeps
 * the joiners, which some scripts and emoji sequences need.
 */
const ZERO_WIDTH = /[\u200b-\u200d\u2060\u180e]/g;

/**
 * Removes control and bidirectional formatting characters from text: what remains is what a
 * reader sees. Deterministic; returns the input itself when there is nothing to remove.
 */
export function stripControls(text: string): string {
  CONTROLS.lastIndex = 0;
  return CONTROLS.test(text) ? text.replace(CONTROLS, '') : text;
}

/**
 * {@link stripControls} plus zero-width characters, for a short field shown as a label (title,
 * outlet, byline): two labels that look the same are the same string.
 */
export function cleanLabel(text: string): string {
  return stripControls(text).replace(ZERO_WIDTH, '');
}

/**
 * {@link stripControls} applied to every string inside a JSON-like value (objects, arrays), for
 * data stored before extraction removed these characters and shown now on a terminal or a page.
 * Returns a copy; the input is not changed.
 */
export function stripControlsDeep<T>(value: T): T {
  if (typeof value === 'string') return stripControls(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => stripControlsDeep(item)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) out[key] = stripControlsDeep(item);
    return out as T;
  }
  return value;
}
