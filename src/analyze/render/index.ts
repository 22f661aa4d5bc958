/**
 * Renderers of a fact sheet: {@link renderTerminal} (plain text for an 80–100 column terminal,
 * optional ANSI colour) and {@link renderMarkdown} (a report to paste). Both are pure and
 * deterministic and treat article text as untrusted: control characters are stripped, and in
 * Markdown every character that could start markup or raw HTML is escaped.
 */
export { renderTerminal, type TerminalOptions } from './terminal.js';
export { renderMarkdown, escapeMarkdown } from './markdown.js';
export { figureTitle, languageTagger, languagesLine, sheetLabels, sourceCount, articleLocation, boundsText, formatAmount } from './common.js';
