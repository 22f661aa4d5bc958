import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  analyzeArticle,
  buildFactSheet,
  escapeMarkdown,
  FACT_SHEET_VERSION,
  FactSheetBuilder,
  renderMarkdown,
  renderTerminal,
  type FactSheetArticle,
} from './index.js';

const fixtureDir = path.resolve(import.meta.dirname, '..', '..', 'test', 'fixtures', 'analyze', 'bellmore-flood');
const paragraphs = (file: string): string[] =>
  readFileSync(path.join(fixtureDir, file), 'utf8')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);

// A wire story (11), a copy of it with one sentence added and a different conversion (12), and an
// independent report with no outlet name, a different count and hostile markup (13).
const articles: FactSheetArticle[] = [
  { id: 13, title: 'Red Cross shelters', source: null, published: '2024-05-15', paragraphs: paragraphs('c.txt'), origin: 'fixtures/factsheet/c.txt' },
  { id: 12, title: 'Bellmore flood', source: 'Daily', published: '2024-05-14T10:00:00Z', paragraphs: paragraphs('b.txt'), copyGroup: 11 },
  { id: 11, title: 'Dam bursts', source: 'Wire', published: '2024-05-14T08:00:00Z', paragraphs: paragraphs('a.txt'), copyGroup: 11, url: 'https://wire.example/a' },
];
const story = { id: 7, title: 'Bellmore dam bursts' };
const sheet = buildFactSheet(story, articles);
const ids = (cs: ReadonlyArray<{ articleId: number }>): number[] => cs.map((c) => c.articleId);

describe('buildFactSheet on a three-article fixture', () => {
  it('is versioned and lists the articles in story order', () => {
    expect(sheet.version).toBe(FACT_SHEET_VERSION);
    expect(sheet.articles.map((a) => [a.id, a.label])).toEqual([
      [11, 'Wire'],
      [12, 'Daily'],
      [13, 'c.txt'],
    ]);
    // No outlet: named by its input file, never by its title.
    expect(sheet.articles[2]).toMatchObject({ origin: 'fixtures/factsheet/c.txt', displayTitle: 'Red Cross shelters' });
  });

  it('summarises in 5 to 8 cited sentences, shared sentences citing every carrier, lead first', () => {
    expect(sheet.summary.length).toBeGreaterThanOrEqual(5);
    expect(sheet.summary.length).toBeLessThanOrEqual(8);
    for (const s of sheet.summary) expect(s.citations.length).toBeGreaterThan(0);
    expect(sheet.summary[0]?.text).toMatch(/^Floodwaters from the burst Kerrow dam/);
    expect(ids(sheet.summary[0]?.citations ?? [])).toEqual([11, 12]);
    // No sentence twice, though 11 and 12 carry the same text.
    expect(new Set(sheet.summary.map((s) => s.text.slice(0, 40))).size).toBe(sheet.summary.length);
    expect(sheet.summary.some((s) => ids(s.citations).includes(13))).toBe(true);
  });

  it('lists entities with canonical names and mentions per outlet', () => {
    const ashby = sheet.entities.people.find((e) => e.name === 'Helen Ashby');
    expect(ashby?.aliases).toEqual(expect.arrayContaining(['Ashby', 'Helen Ashby']));
    expect(ids(ashby?.mentions ?? [])).toEqual([11, 12, 13]);
    expect(ashby?.outlets.map((o) => o.outlet)).toEqual(expect.arrayContaining(['Wire', 'Daily', 'c.txt']));
    expect(sheet.entities.places.map((e) => e.name)).toContain('Bellmore');
    expect(sheet.entities.organisations.map((e) => e.name)).toContain('Red Cross');
  });

  it('groups quotes by speaker with all their sources, kind, channel and sentence', () => {
    const ashby = sheet.quotes.find((s) => s.speaker === 'Helen Ashby');
    const water = ashby?.quotes.find((q) => q.text.startsWith('The water came up'));
    expect(water).toMatchObject({ kind: 'direct', channel: 'press conference' });
    expect(ids(water?.citations ?? [])).toEqual([11, 12]);
    expect(water?.sentence).toMatch(/Ashby said at a press conference\.$/);
    const reyes = sheet.quotes.find((s) => s.speaker === 'Tom Reyes');
    expect(reyes?.quotes[0]).toMatchObject({ text: 'We are still counting, and the number will go up', kind: 'direct' });
    expect(reyes?.quotes[0]?.citations).toEqual([{ articleId: 13, source: null }]);
  });

  it('puts figures side by side: differing counts flagged, rounded conversions agreeing', () => {
    const displaced = sheet.figures.find((g) => g.kind === 'people' && g.values.length > 1);
    expect(displaced).toMatchObject({ verdict: 'differ', isDisagreement: true });
    expect(displaced?.values.map((v) => [v.text, ids(v.citations)])).toEqual([
      ['at least 1,200 people', [11, 12]],
      ['About 1,500 people', [13]],
    ]);
    expect(displaced?.disagreements).toEqual([expect.objectContaining({ a: 0, b: 1, level: 'differ' })]);
    const aid = sheet.figures.find((g) => g.kind === 'money');
    expect(aid).toMatchObject({ verdict: 'agree', isDisagreement: false, articleCount: 3 });
    expect(aid?.values.map((v) => v.conversion?.value ?? null)).toEqual([5.4e6, 5.5e6, null]);
    // Disagreements come first.
    expect(sheet.figures[0]?.isDisagreement).toBe(true);
  });

  it('builds a dated timeline with sources', () => {
    const entries = sheet.timeline.entries;
    expect(entries.map((e) => e.start)).toEqual([...entries.map((e) => e.start)].sort());
    const monday = entries.find((e) => /Floodwaters/.test(e.description));
    expect(monday).toMatchObject({ start: '2024-05-13', end: '2024-05-13', isDisputed: false });
    expect(ids(monday?.citations ?? [])).toEqual([11, 12]);
    expect(entries.find((e) => /inspect/.test(e.description))).toMatchObject({ start: '2024-05-20', granularity: 'week' });
  });

  it('reports coverage per article: copy group, first publisher, shared and own material', () => {
    const [wire, daily, red] = sheet.coverage;
    expect(wire).toMatchObject({ articleId: 11, copyGroup: 11, firstPublished: { articleId: 11, source: 'Wire' } });
    expect(daily).toMatchObject({ articleId: 12, firstPublished: { articleId: 11, source: 'Wire' } });
    expect(daily?.ownPassages).toEqual([expect.stringMatching(/^Rescue crews pulled 14 people/)]);
    expect(daily?.ownFigures.map((f) => f.text)).toEqual(['14 people']);
    expect(daily?.sharedWith[0]).toMatchObject({ articleId: 11, sentences: 5 });
    expect(red).toMatchObject({ articleId: 13, source: null, copyGroup: null, firstPublished: null });
    expect(red?.words).toBeGreaterThan(90);
    const reyes = sheet.quotes.find((s) => s.speaker === 'Tom Reyes')?.quotes[0]?.id;
    expect(red?.ownQuotes).toContain(reyes);
    expect(wire?.ownQuotes).toEqual([]);
  });

  it('is JSON-serialisable and independent of input order', () => {
    expect(JSON.parse(JSON.stringify(sheet))).toEqual(sheet);
    expect(buildFactSheet(story, [...articles].reverse())).toEqual(sheet);
  });
});

describe('buildFactSheet quotes', () => {
  it('shows no reported speech without a speaker the article names', () => {
    const one = buildFactSheet({ id: 1, title: 'Levee' }, [
      { id: 1, title: 'Levee', source: 'Wire', published: '2024-05-14', paragraphs: [
        'Engineers inspected the levee on Monday.',
        'They believe that the repaired section will hold through the spring floods.',
        '“The water came up faster than anyone expected,” they said.',
      ] },
    ]);
    const quotes = one.quotes.flatMap((sp) => sp.quotes.map((q) => [sp.speaker, q.marked]));
    // The quoted words stay (in their marks, speaker unknown); the unattributed paraphrase goes.
    expect(quotes).toEqual([[null, true]]);
  });
});

describe('FactSheetBuilder', () => {
  it('gives the same sheet when articles are added one by one, with builds in between', () => {
    const builder = new FactSheetBuilder(story);
    builder.add(articles[2]!);
    builder.build();
    builder.add(articles[0]!);
    expect(builder.build()).toEqual(buildFactSheet(story, [articles[2]!, articles[0]!]));
    builder.add(articles[1]!);
    expect(builder.build()).toEqual(sheet);
  });

  it('removes an article and round-trips its state through JSON', () => {
    const builder = new FactSheetBuilder(story);
    for (const a of articles) builder.add(a);
    const state = JSON.parse(JSON.stringify(builder.exportState())) as ReturnType<FactSheetBuilder['exportState']>;
    const restored = FactSheetBuilder.importState(state);
    expect(restored.analysisOf(11)).toEqual(builder.analysisOf(11));
    expect(restored.build()).toEqual(sheet);
    expect(restored.remove(12)).toBe(true);
    expect(restored.remove(12)).toBe(false);
    expect(restored.build()).toEqual(buildFactSheet(story, [articles[0]!, articles[2]!]));
    expect(() => restored.add(articles[0]!)).toThrow(/already added/);
  });

  it('uses a cached analysis of the current version instead of re-analysing', () => {
    const state = new FactSheetBuilder(story).exportState();
    const analysis = new FactSheetBuilder(story);
    analysis.add(articles[0]!);
    const cached = { ...analysis.analysisOf(13)!, quotes: [] };
    state.articles.push({ article: articles[0]!, analysis: cached });
    expect(FactSheetBuilder.importState(state).build().quotes).toEqual([]);
    state.articles[0]!.analysis = { ...cached, version: -1 };
    expect(FactSheetBuilder.importState(state).build().quotes.map((q) => q.speaker)).toContain('Tom Reyes');
  });

  it('builds an empty sheet for no articles', () => {
    const empty = new FactSheetBuilder(story).build();
    expect(empty).toMatchObject({ summary: [], quotes: [], figures: [], coverage: [], timeline: { entries: [] } });
    expect(renderTerminal(empty)).toMatch(/SUMMARY/);
    expect(renderMarkdown(empty)).toMatch(/^# Fact sheet/);
  });
});

describe('renderers', () => {
  it('renders every section for an 80-column terminal, without control characters', () => {
    const text = renderTerminal(sheet, { width: 80 });
    for (const h of ['SUMMARY', 'FIGURES', 'QUOTES', 'TIMELINE', 'COVERAGE']) expect(text).toContain(h);
    expect(text).toMatch(/≠ at least 1,200 people/);
    expect(text).toContain('Helen Ashby');
    for (const line of text.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
    expect(text).not.toMatch(/\u001b/);
    expect(renderTerminal(sheet, { color: true })).toContain('\u001b[1m');
  });

  it('strips escape sequences that article text tries to send to the terminal', () => {
    const evil = buildFactSheet(story, [{ ...articles[2]!, title: 'x', paragraphs: ['\u001b]0;pwned\u0007Residents of the valley said the \u001b[31mwater\u001b[0m rose quickly overnight.'] }]);
    const text = renderTerminal(evil);
    expect(text).not.toContain('\u001b]0;');
    expect(text).not.toContain('\u0007');
  });

  it('writes a Markdown report with citations, tables, block quotes and a timeline list', () => {
    const md = renderMarkdown(sheet);
    expect(md).toMatch(/^1\. Floodwaters .* \\\[Wire; Daily\\\]$/m);
    expect(md).toMatch(/^### ⚠️ People: DIFFER/m);
    expect(md).toMatch(/^\| ⚠️ \| at least 1,200 people \|/m);
    expect(md).toMatch(/^> “The water came up faster than anyone expected”$/m);
    expect(md).toMatch(/^- \*\*2024-05-13\*\*: Floodwaters/m);
    expect(md).toContain('[Dam bursts](<https://wire.example/a>)');
  });

  it('lets no raw HTML or Markdown from article text through', () => {
    const md = renderMarkdown(sheet);
    expect(md).not.toContain('<script>');
    expect(md).toContain('&lt;script&gt;');
    expect(md).toContain('\\*second floor\\*');
    expect(md).toContain('river \\| the old mill');
  });
});

describe('escapeMarkdown', () => {
  const rows: Array<{ whenInputIs: string; expectedOutputIs: string }> = [
    { whenInputIs: 'plain text, 30 people.', expectedOutputIs: 'plain text, 30 people.' },
    { whenInputIs: '<img src=x onerror=alert(1)>', expectedOutputIs: '&lt;img src=x onerror=alert(1)&gt;' },
    { whenInputIs: '[click](javascript:alert(1))', expectedOutputIs: '\\[click\\](javascript:alert(1))' },
    { whenInputIs: '# not a heading', expectedOutputIs: '\\# not a heading' },
    { whenInputIs: '1. not a list', expectedOutputIs: '1\\. not a list' },
    { whenInputIs: 'a `code` *b* _c_ | d & e', expectedOutputIs: 'a \\`code\\` \\*b\\* \\_c\\_ \\| d &amp; e' },
    { whenInputIs: 'line\nbreak', expectedOutputIs: 'line break' },
  ];
  for (const { whenInputIs, expectedOutputIs } of rows) {
    it(JSON.stringify(whenInputIs), () => expect(escapeMarkdown(whenInputIs)).toBe(expectedOutputIs));
  }
});

describe('a huge article', () => {
  it('is analysed up to MAX_ANALYSED_CHARS, and the sheet says so in JSON, Markdown and on the terminal', async () => {
    const { MAX_ANALYSED_CHARS } = await import('./index.js');
    const filler = 'The council met again on Tuesday to discuss the budget for the coming year, and no decision was taken.';
    const paragraphsOfHuge = Array.from({ length: Math.ceil((MAX_ANALYSED_CHARS * 3) / filler.length) }, () => filler);
    // A figure past the analysed length is not read.
    paragraphsOfHuge.push('The final vote drew 9,999 protesters outside the hall.');
    const huge: FactSheetArticle = { id: 40, title: 'Council budget', source: 'Record', published: '2024-05-14', paragraphs: paragraphsOfHuge };
    const small: FactSheetArticle = { id: 41, title: 'Council budget', source: 'Ledger', published: '2024-05-14', paragraphs: [filler] };
    const big = buildFactSheet({ id: 9, title: 'Council budget' }, [huge, small]);
    expect(big.partlyAnalysed).toHaveLength(1);
    const cut = big.partlyAnalysed[0]!;
    expect(cut.article).toBe(40);
    expect(cut.analysedChars).toBeLessThanOrEqual(MAX_ANALYSED_CHARS);
    expect(cut.analysedChars).toBeGreaterThan(MAX_ANALYSED_CHARS - filler.length - 2);
    expect(cut.totalChars).toBeGreaterThan(MAX_ANALYSED_CHARS * 3);
    expect(JSON.stringify(big.figures)).not.toContain('9,999');
    expect(renderMarkdown(big)).toMatch(/Article #40 is [\d,]+ characters long: only its first [\d,]+ are analysed/);
    expect(renderTerminal(big, { width: 100, color: false })).toMatch(/article #40 is [\d,]+ characters long/);
    expect(sheet.partlyAnalysed).toEqual([]);
  });

  it('has its per-article analysis (the part cached and built in workers) bounded the same way', async () => {
    const { MAX_ANALYSED_CHARS } = await import('./index.js');
    const filler = 'Officials said 40 families left their homes on Tuesday as the river kept rising.';
    const many = Array.from({ length: Math.ceil((MAX_ANALYSED_CHARS * 4) / filler.length) }, () => filler);
    const huge: FactSheetArticle = { id: 50, title: 'River rising', source: 'Record', published: '2024-05-14', paragraphs: many };
    const analysis = analyzeArticle(huge);
    const analysedChars = analysis.sentences.reduce((n, p) => n + p.join(' ').length, 0);
    expect(analysis.sentences.length).toBeLessThan(many.length / 3);
    expect(analysedChars).toBeLessThanOrEqual(MAX_ANALYSED_CHARS);
    // Given to a builder, the bounded analysis is used as is; an analysis of the whole article (cached before analyses were bounded) is made again.
    const builder = new FactSheetBuilder({ id: 9, title: 'River rising' });
    const whole = { ...analysis, sentences: many.map((p) => [p]) };
    builder.add(huge, whole);
    expect(builder.exportState().articles[0]!.analysis.sentences).toHaveLength(analysis.sentences.length);
  });
});
