import type { Citation, FactSheet } from '../types.js';
import { articleDate, boundsText, sourceCount, citationLabeler, cleanText, dateRange, figureTitle, formatAmount, languagesLine, notableFigures, storyDates, verdictText } from './common.js';

/** Options of {@link renderTerminal}. */
export interface TerminalOptions {
  /** Columns to wrap at; default 88, clamped to [40, 200]. */
  width?: number;
  /** ANSI colours and bold; default false. */
  color?: boolean;
}

const DEFAULT_WIDTH = 88;
/** Caps so a 500-article story still prints a readable sheet; the JSON has everything. */
const MAX_SPEAKERS = 12;
const MAX_QUOTES_PER_SPEAKER = 5;
const MAX_FIGURE_GROUPS = 12;
const MAX_TIMELINE_ENTRIES = 30;
const MAX_ENTITIES = 8;
const MAX_COVERAGE = 40;
const MAX_CITED = 6;
const MAX_OWN_PASSAGES = 3;
const OWN_PASSAGE_CHARS = 160;

const ANSI = { bold: '\u001b[1m', dim: '\u001b[2m', red: '\u001b[31m', yellow: '\u001b[33m', cyan: '\u001b[36m', reset: '\u001b[0m' };

/**
 * The fact sheet as plain text for an 80–100 column terminal: summary with citations, figures
 * side by side with disagreements marked, quotes by speaker, timeline, entities and coverage per
 * article. Article text is stripped of control characters, so it cannot inject escape sequences.
 * Deterministic.
 */
export function renderTerminal(sheet: FactSheet, opts: TerminalOptions = {}): string {
  const width = Math.max(40, Math.min(200, Math.floor(opts.width ?? DEFAULT_WIDTH)));
  const paint = (code: keyof typeof ANSI, s: string): string => (opts.color ? `${ANSI[code]}${s}${ANSI.reset}` : s);
  const label = citationLabeler(sheet);
  const cites = (cs: readonly Citation[]): string => {
    const names = cs.slice(0, MAX_CITED).map(label);
    if (cs.length > MAX_CITED) names.push(`+${cs.length - MAX_CITED} more`);
    return `[${names.join(', ')}]`;
  };
  const out: string[] = [];
  const heading = (title: string): void => {
    out.push('', paint('bold', title.toUpperCase()), paint('dim', '─'.repeat(Math.min(width, title.length + 4))));
  };
  const para = (text: string, indent: number, first = indent, prefix = ''): void => {
    out.push(...wrap(text, width, indent, ' '.repeat(first) + prefix));
  };

  const dates = storyDates(sheet);
  out.push(paint('bold', cleanText(`Fact sheet: ${sheet.story.title}`)));
  out.push(
    paint(
      'dim',
      `story #${sheet.story.id} · ${sheet.articles.length} articles · ${sourceCount(sheet)} outlets` +
        (dates !== null ? ` · ${dates}` : ''),
    ),
  );

  const languages = languagesLine(sheet);
  if (languages !== null) para(languages, 2, 2);
  for (const n of sheet.notAnalysed) {
    para(paint('yellow', `quotes and figures are not analysed in ${cleanText(n.language)}: ${n.articles.length} article(s) add none`), 2, 2);
  }
  for (const c of sheet.partlyAnalysed ?? []) {
    para(paint('yellow', `article #${c.article} is ${c.totalChars.toLocaleString('en')} characters long: only its first ${c.analysedChars.toLocaleString('en')} are analysed`), 2, 2);
  }
  heading('Summary');
  if (sheet.summary.length === 0) out.push('  (no text)');
  sheet.summary.forEach((s, i) => {
    const num = `${String(i + 1).padStart(2)}. `;
    para(`${cleanText(s.text)} ${paint('dim', cites(s.citations))}`, 6, 2, num);
  });

  heading('Figures');
  const figures = notableFigures(sheet);
  if (figures.length === 0) out.push('  (no figure reported by two independent sources)');
  for (const g of figures.slice(0, MAX_FIGURE_GROUPS)) {
    const mark = g.verdict === 'conflict' ? paint('red', '✗ ') : g.verdict === 'differ' ? paint('yellow', '≠ ') : '  ';
    const verdict = g.verdict === 'conflict' ? paint('red', verdictText(g)) : g.verdict === 'differ' ? paint('yellow', verdictText(g)) : paint('dim', verdictText(g));
    para(`${mark}${cleanText(figureTitle(g))}: ${verdict}`, 4, 0);
    const textWidth = Math.min(40, Math.max(...g.values.map((v) => cleanText(v.text).length + (v.conversion ? 20 : 0) + (v.isEarlier ? 10 : 0))));
    // An update lists its values in time order, each with the day it refers to.
    const order = g.series.length > 0 ? g.series : g.values.map((_, i) => i);
    for (const i of order) {
      const v = g.values[i];
      if (!v) continue;
      const involved = g.disagreements.filter((d) => d.a === i || d.b === i);
      const flag = involved.some((d) => d.level === 'conflict') ? '✗' : involved.length > 0 ? '≠' : g.series.length > 0 ? '→' : '·';
      const conv = v.conversion ? ` (${formatAmount(v.conversion.value)} ${v.conversion.currency})` : '';
      const earlier = v.isEarlier ? ' (earlier)' : '';
      const text = truncate(cleanText(v.text) + conv + earlier, textWidth).padEnd(textWidth);
      const asOf = g.series.length > 0 && v.asOf ? `as of ${v.asOf} ` : '';
      para(paint('dim', cites(v.citations)), 6, 4, `${flag} ${text}  ${boundsText(g, v).padEnd(12)} ${asOf}`);
    }
  }
  const more = figures.length - MAX_FIGURE_GROUPS;
  if (more > 0) out.push(paint('dim', `  … ${more} more figure groups in the JSON output`));

  heading('Quotes');
  if (sheet.quotes.length === 0) out.push('  (no quotes)');
  for (const sp of sheet.quotes.slice(0, MAX_SPEAKERS)) {
    out.push(`  ${paint('cyan', cleanText(sp.speaker ?? 'Unattributed'))} ${paint('dim', `(${sp.quotes.length})`)}`);
    for (const q of sp.quotes.slice(0, MAX_QUOTES_PER_SPEAKER)) {
      const how = [q.marked ? q.kind : 'reported speech', q.channel ? cleanText(q.channel) : null].filter(Boolean).join(', ');
      // Quotation marks only around words an article has in quotation marks.
      if (q.marked) {
        para(`“${cleanText(q.text)}” ${paint('dim', `— ${how} ${cites(q.markedBy)}`)}`, 6, 4, '– ');
        if (q.reportedBy.length > 0) para(paint('dim', `also reported without quotation marks: ${cites(q.reportedBy)}`), 8, 8);
      } else {
        para(`${cleanText(q.reported ?? q.text)} ${paint('dim', `— ${how}, according to ${cites(q.reportedBy)}`)}`, 6, 4, '– ');
      }
      for (const part of q.parts) para(paint('dim', `in part: “${cleanText(part.text)}” ${cites([part])}`), 8, 8);
    }
    if (sp.quotes.length > MAX_QUOTES_PER_SPEAKER) out.push(paint('dim', `    … ${sp.quotes.length - MAX_QUOTES_PER_SPEAKER} more`));
  }
  if (sheet.quotes.length > MAX_SPEAKERS) out.push(paint('dim', `  … ${sheet.quotes.length - MAX_SPEAKERS} more speakers`));

  heading('Timeline');
  if (sheet.timeline.entries.length === 0) out.push('  (no dated events)');
  for (const e of sheet.timeline.entries.slice(0, MAX_TIMELINE_ENTRIES)) {
    const when = dateRange(e.start, e.end);
    const background = e.isOutsideStory ? paint('dim', '(background) ') : '';
    para(`${background}${cleanText(e.description)} ${paint('dim', cites(e.citations))}`, 26, 2, `${when.padEnd(23)} `);
    if (e.isDisputed) {
      const variants = e.variants.map((v) => `${dateRange(v.start, v.end)} (“${v.expressions.map(cleanText).join('”, “')}” ${cites(v.citations)})`);
      para(paint('yellow', `! disputed: ${variants.join(' vs ')}`), 28, 26);
    }
  }
  if (sheet.timeline.entries.length > MAX_TIMELINE_ENTRIES) out.push(paint('dim', `  … ${sheet.timeline.entries.length - MAX_TIMELINE_ENTRIES} more events`));

  heading('People, places, organisations');
  for (const [title, list] of [['People', sheet.entities.people], ['Places', sheet.entities.places], ['Organisations', sheet.entities.organisations]] as const) {
    if (list.length === 0) continue;
    const items = list.slice(0, MAX_ENTITIES).map((e) => `${cleanText(e.name)} (${e.count} in ${e.mentions.length})`);
    para(`${title}: ${items.join('; ')}`, 4, 2);
  }

  heading('Coverage');
  for (const c of sheet.coverage.slice(0, MAX_COVERAGE)) {
    const copy =
      c.copyGroup !== null && c.firstPublished && c.firstPublished.articleId !== c.articleId
        ? ` · copy of ${label(c.firstPublished)}`
        : c.copyGroup !== null
          ? ' · first with this text'
          : '';
    para(`${paint('bold', label(c))} · ${articleDate(sheet, c.articleId)} · ${c.words} words${copy}`, 4, 2);
    const shares = c.sharedWith.slice(0, MAX_CITED).map((s) => `${label(s)} ${s.sentences}`);
    if (shares.length > 0) para(paint('dim', `shares sentences with: ${shares.join(', ')}${c.sharedWith.length > MAX_CITED ? ', …' : ''}`), 6, 4);
    para(`only here: ${c.ownSentences}/${c.sentences} sentences, ${c.ownQuotes.length} quotes, ${c.ownFigures.length} figures`, 6, 4);
    for (const passage of c.ownPassages.slice(0, MAX_OWN_PASSAGES)) para(truncate(cleanText(passage), OWN_PASSAGE_CHARS), 8, 6, '+ ');
    if (c.ownPassages.length > MAX_OWN_PASSAGES) out.push(paint('dim', `      … ${c.ownPassages.length - MAX_OWN_PASSAGES} more passages`));
  }
  if (sheet.coverage.length > MAX_COVERAGE) out.push(paint('dim', `  … ${sheet.coverage.length - MAX_COVERAGE} more articles`));
  return `${out.join('\n')}\n`;
}

function truncate(s: string, max: number): string {
  return [...s].length <= max ? s : `${[...s].slice(0, Math.max(1, max - 1)).join('')}…`;
}

/** Visible length: ANSI sequences (ours) do not count. */
function visible(s: string): number {
  return [...s.replace(/\u001b\[[0-9;]*m/g, '')].length;
}

/** Word-wraps `text` after `prefix` (kept verbatim on the first line); later lines are indented by `indent`. */
function wrap(text: string, width: number, indent: number, prefix: string): string[] {
  const lines: string[] = [];
  let line = prefix;
  let lineHasWord = false;
  for (const word of text.split(' ')) {
    if (word === '') continue;
    if (lineHasWord && visible(line) + 1 + visible(word) > width) {
      lines.push(line);
      line = ' '.repeat(indent);
      lineHasWord = false;
    }
    line += (lineHasWord || (line.length > 0 && !line.endsWith(' ')) ? ' ' : '') + word;
    lineHasWord = true;
  }
  lines.push(line);
  return lines;
}
