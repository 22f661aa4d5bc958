import type { Citation, FactSheet, SheetFigureGroup } from '../types.js';
import { articleDate, articleLocation, sourceCount, boundsText, citationLabeler, cleanText, dateRange, figureTitle, formatAmount, languagesLine, notableFigures, storyDates, verdictText } from './common.js';

/** Caps so a 500-article story gives a report a person can read; the JSON has everything. */
const MAX_QUOTES_PER_SPEAKER = 15;
const MAX_SPEAKERS = 30;
const MAX_FIGURE_GROUPS = 25;
const MAX_TIMELINE_ENTRIES = 60;
const MAX_ENTITIES = 15;
const MAX_CITED = 8;
const MAX_OWN_ARTICLES = 40;
const MAX_OWN_PASSAGES = 6;

/**
 * Escapes untrusted text for Markdown (CommonMark/GFM): control characters removed, whitespace
 * collapsed, every character that could open emphasis, code, links, tables or a block marker is
 * backslash-escaped, and `<`, `>`, `&` become entities, so no raw HTML or entity passes through.
 */
export function escapeMarkdown(text: string): string {
  return cleanText(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]{}|~!]/g, '\\$&')
    .replace(/^(#{1,6}|[+=-])(?=\s|$)/, '\\$1')
    .replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2');
}

/**
 * The fact sheet as a Markdown report a journalist could paste: summary with inline citations
 * `[Outlet]` after each sentence, figures tables with disagreements marked, quotes as block quotes
 * with their sources, a timeline list, entities, coverage per article and the list of sources.
 * Deterministic.
 */
export function renderMarkdown(sheet: FactSheet): string {
  const label = citationLabeler(sheet);
  const cites = (cs: readonly Citation[]): string => {
    const names = cs.slice(0, MAX_CITED).map((c) => escapeMarkdown(label(c)));
    if (cs.length > MAX_CITED) names.push(`+${cs.length - MAX_CITED} more`);
    return `\\[${names.join('; ')}\\]`;
  };
  const out: string[] = [];
  const dates = storyDates(sheet);
  out.push(`# Fact sheet: ${escapeMarkdown(sheet.story.title)}`, '');
  out.push(
    `_Story ${sheet.story.id} · ${sheet.articles.length} articles · ${sourceCount(sheet)} outlets` +
      (dates !== null ? ` · ${escapeMarkdown(dates)}` : '') +
      ` · fact sheet schema v${sheet.version}_`,
    '',
  );

  const languages = languagesLine(sheet);
  if (languages !== null) out.push(`_${escapeMarkdown(languages)}_`, '');
  for (const n of sheet.notAnalysed) {
    out.push(`_Quotes and figures are not analysed in ${escapeMarkdown(n.language)}: ${n.articles.length} article(s) (${n.articles.map((id) => escapeMarkdown(label({ articleId: id, source: null }))).join(', ')}) add none to this sheet._`, '');
  }
  for (const c of sheet.partlyAnalysed ?? []) {
    out.push(`_Article #${c.article} is ${c.totalChars.toLocaleString('en')} characters long: only its first ${c.analysedChars.toLocaleString('en')} are analysed for this sheet._`, '');
  }
  out.push('## Summary', '');
  if (sheet.summary.length === 0) out.push('_No text._', '');
  sheet.summary.forEach((s, i) => out.push(`${i + 1}. ${escapeMarkdown(s.text)} ${cites(s.citations)}`));
  out.push('');

  out.push('## Figures', '');
  const figures = notableFigures(sheet);
  if (figures.length === 0) out.push('_No figure is reported by two independent sources._', '');
  for (const g of figures.slice(0, MAX_FIGURE_GROUPS)) out.push(...figureTable(g, cites));
  if (figures.length > MAX_FIGURE_GROUPS) out.push(`_${figures.length - MAX_FIGURE_GROUPS} more figure groups in the JSON output._`, '');

  out.push('## Quotes', '');
  if (sheet.quotes.length === 0) out.push('_No quotes._', '');
  for (const sp of sheet.quotes.slice(0, MAX_SPEAKERS)) {
    out.push(`### ${sp.speaker === null ? 'Unattributed' : escapeMarkdown(sp.speaker)}`, '');
    for (const q of sp.quotes.slice(0, MAX_QUOTES_PER_SPEAKER)) {
      const how = [q.marked ? q.kind : 'reported speech', q.channel === null ? null : escapeMarkdown(q.channel)].filter(Boolean).join(', ');
      // Quotation marks only around words an article has in quotation marks; reported speech in the outlet's words.
      if (q.marked) {
        out.push(`> “${escapeMarkdown(q.text)}”`, '>', `> — ${how} ${cites(q.markedBy)}`);
        if (q.reportedBy.length > 0) out.push('>', `> also reported without quotation marks: ${cites(q.reportedBy)}`);
      } else {
        out.push(`> ${escapeMarkdown(q.reported ?? q.text)}`, '>', `> — ${how}, according to ${cites(q.reportedBy)}`);
      }
      for (const part of q.parts) out.push('>', `> in part: “${escapeMarkdown(part.text)}” ${cites([part])}`);
      out.push('');
    }
    if (sp.quotes.length > MAX_QUOTES_PER_SPEAKER) out.push(`_${sp.quotes.length - MAX_QUOTES_PER_SPEAKER} more quotes._`, '');
  }
  if (sheet.quotes.length > MAX_SPEAKERS) out.push(`_${sheet.quotes.length - MAX_SPEAKERS} more speakers._`, '');

  out.push('## Timeline', '');
  if (sheet.timeline.entries.length === 0) out.push('_No dated events._');
  for (const e of sheet.timeline.entries.slice(0, MAX_TIMELINE_ENTRIES)) {
    out.push(`- **${dateRange(e.start, e.end)}**${e.isOutsideStory ? ' _(background, outside the story’s dates)_' : ''}: ${escapeMarkdown(e.description)} ${cites(e.citations)}`);
    if (e.isDisputed) {
      out.push('  - ⚠️ **Disputed dating:**');
      for (const v of e.variants) {
        out.push(`    - ${dateRange(v.start, v.end)}: “${v.expressions.map(escapeMarkdown).join('”, “')}” ${cites(v.citations)}`);
      }
    }
  }
  if (sheet.timeline.entries.length > MAX_TIMELINE_ENTRIES) out.push(`- _${sheet.timeline.entries.length - MAX_TIMELINE_ENTRIES} more events._`);
  out.push('');

  out.push('## People, places, organisations', '');
  for (const [title, list] of [['People', sheet.entities.people], ['Places', sheet.entities.places], ['Organisations', sheet.entities.organisations]] as const) {
    if (list.length === 0) continue;
    const items = list.slice(0, MAX_ENTITIES).map((e) => `${escapeMarkdown(e.name)} (${e.count} mentions in ${e.mentions.length} articles)`);
    out.push(`- **${title}:** ${items.join('; ')}`);
  }
  out.push('');

  out.push('## Coverage', '');
  out.push('| Article | Published | Words | Copy of | Shares sentences with | Only here |', '|---|---|---:|---|---|---|');
  for (const c of sheet.coverage) {
    const copy = c.firstPublished && c.firstPublished.articleId !== c.articleId ? escapeMarkdown(label(c.firstPublished)) : '';
    const shares = c.sharedWith.slice(0, MAX_CITED).map((s) => `${escapeMarkdown(label(s))} (${s.sentences})`).join(', ');
    const own = `${c.ownSentences}/${c.sentences} sentences, ${c.ownQuotes.length} quotes, ${c.ownFigures.length} figures`;
    out.push(`| ${escapeMarkdown(label(c))} | ${escapeMarkdown(articleDate(sheet, c.articleId))} | ${c.words} | ${copy} | ${shares} | ${own} |`);
  }
  out.push('');
  for (const c of sheet.coverage.slice(0, MAX_OWN_ARTICLES)) {
    if (c.ownPassages.length === 0) continue;
    out.push(`### Only in ${escapeMarkdown(label(c))}`, '');
    for (const p of c.ownPassages.slice(0, MAX_OWN_PASSAGES)) out.push(`- ${escapeMarkdown(p)}`);
    if (c.ownPassages.length > MAX_OWN_PASSAGES) out.push(`- _${c.ownPassages.length - MAX_OWN_PASSAGES} more passages._`);
    out.push('');
  }

  out.push('## Sources', '');
  for (const a of sheet.articles) {
    const title = escapeMarkdown(a.displayTitle ?? a.title ?? `article ${a.id}`);
    const where = articleLocation(a);
    const url = where?.kind === 'url' ? safeUrl(where.value) : null;
    const linked = url !== null ? `[${title}](<${url}>)` : where?.kind === 'file' ? `${title}, file \`${where.value.replace(/[`\r\n]/g, '')}\`` : title;
    out.push(`- **${escapeMarkdown(label({ articleId: a.id, source: a.source }))}**: ${linked}, ${escapeMarkdown(a.published ?? articleDate(sheet, a.id))}`);
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function figureTable(g: SheetFigureGroup, cites: (cs: readonly Citation[]) => string): string[] {
  const marker = g.verdict === 'conflict' ? '❌ ' : g.verdict === 'differ' ? '⚠️ ' : '';
  const lines = [`### ${marker}${escapeMarkdown(figureTitle(g))}: ${verdictText(g)}`, ''];
  const isSeries = g.series.length > 0;
  lines.push(`| | Value | Reading |${isSeries ? ' As of |' : ''} Reported by | Sentence |`, `|---|---|---|${isSeries ? '---|' : ''}---|---|`);
  // An update lists its values in time order.
  for (const i of isSeries ? g.series : g.values.map((_, k) => k)) {
    const v = g.values[i];
    if (!v) continue;
    const involved = g.disagreements.filter((d) => d.a === i || d.b === i);
    const flag = involved.some((d) => d.level === 'conflict') ? '❌' : involved.length > 0 ? '⚠️' : '';
    const conv = v.conversion ? ` (${formatAmount(v.conversion.value)} ${v.conversion.currency})` : '';
    const asOf = isSeries ? ` ${v.asOf ?? '–'} |` : '';
    const earlier = v.isEarlier ? ' _(earlier value)_' : '';
    lines.push(`| ${flag} | ${escapeMarkdown(v.text + conv)}${earlier} | ${escapeMarkdown(boundsText(g, v))} |${asOf} ${cites(v.citations)} | ${escapeMarkdown(v.sentence)} |`);
  }
  lines.push('');
  if (g.disagreements.length > 0) {
    for (const d of g.disagreements) {
      const a = g.values[d.a];
      const b = g.values[d.b];
      if (!a || !b) continue;
      lines.push(`- ${d.level === 'conflict' ? 'Cannot both be true' : 'Different counts'}: ${escapeMarkdown(a.text)} ${cites(a.citations)} vs ${escapeMarkdown(b.text)} ${cites(b.citations)}`);
    }
    lines.push('');
  }
  return lines;
}

/** An http(s) URL safe to put in `<...>` link syntax, or null. */
function safeUrl(url: string | null): string | null {
  if (url === null || !/^https?:\/\/[^\s<>]+$/i.test(url)) return null;
  return url.replace(/[()\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
