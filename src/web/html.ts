import { stripControls } from '../core/index.js';

/**
 * HTML built from tagged templates that escape every interpolated value: article text, titles,
 * outlet names and URLs are hostile. Only {@link SafeHtml} (the result of `html` itself, or of
 * {@link trusted} for constant markup) is inserted as is.
 */

/** Markup known to be safe: produced by {@link html} from escaped parts. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Anything a template accepts: escaped unless SafeHtml; arrays concatenated; null/undefined/false dropped. */
export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Escapes text for use in element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (ch) => ESCAPES[ch] ?? ch);
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false || value === true) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return (value as readonly HtmlValue[]).map(render).join('');
  // Control characters have no place in a page (and some confuse parsers); bidirectional
  // overrides would flip what is shown after them. Rows stored before extraction removed them
  // are neutralised here.
  return escapeHtml(stripControls(String(value)));
}

/** The template tag: `html\`<p>${text}</p>\`` escapes `text`. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? '');
  return new SafeHtml(out);
}

/** Marks constant markup (never data) as safe. */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/**
 * A URL fit for an `href`: absolute http(s) only (no `javascript:`, `data:`, `vbscript:`, no
 * protocol-relative tricks), normalised by the URL parser; null otherwise.
 */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  // Browsers ignore these when parsing a scheme, so `java\tscript:` must not slip through.
  const cleaned = url.replace(/[\u0000-\u0020\u007f]/g, '');
  let parsed: URL;
  try {
    parsed = new URL(cleaned);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.username || parsed.password) return null;
  return parsed.href;
}
