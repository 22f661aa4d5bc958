import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SEEDS_DIR } from './helpers/cli.js';
import { readSeeds } from './helpers/seeds.js';
import { buildFactSheet, renderMarkdown, renderTerminal, type FactSheetArticle, type SheetQuote } from '../src/analyze/index.js';

/**
 * The seed files as a user hands them over: undated ones get --date 2025-03-27, or (as a new user
 * runs it, without --date) no date; ids 1..5 for 000..004, no outlets named.
 */
function loadSeeds(withDate = true): FactSheetArticle[] {
  return readSeeds().map((s) => ({
    id: Number(s.id) + 1,
    title: null,
    source: null,
    published: s.published ?? (withDate ? '2025-03-27' : null),
    paragraphs: s.paragraphs,
  }));
}

describe.skipIf(!existsSync(SEEDS_DIR))('fact sheet of the seed story', () => {
  const sheet = buildFactSheet({ id: 1, title: 'Paris summit of the coalition of the willing' }, loadSeeds());
  const ids = (cs: ReadonlyArray<{ articleId: number }>): number[] => cs.map((c) => c.articleId);
  const quote = (words: string): (SheetQuote & { speaker: string | null }) | undefined => {
    for (const s of sheet.quotes) {
      const q = s.quotes.find((x) => x.variants.some((v) => v.text.toLowerCase().includes(words.toLowerCase())));
      if (q) return { ...q, speaker: s.speaker };
    }
    return undefined;
  };

  it('gives quotes with the right speakers and sources', () => {
    expect(quote('generalised aggression')).toMatchObject({ speaker: 'Emmanuel Macron' });
    expect(ids(quote('generalised aggression')?.citations ?? [])).toEqual(expect.arrayContaining([1, 3, 4]));
    expect(quote('It is not unanimous')?.speaker).toBe('Emmanuel Macron');
    expect(quote('Europe knows how to defend itself')).toMatchObject({ speaker: 'Volodymyr Zelenskyy', kind: 'direct' });
    expect(ids(quote('Europe knows how to defend itself')?.citations ?? [])).toEqual([1, 4]);
    expect(quote('combination of also being simplistic')?.speaker).toBe('Steve Witkoff');
    expect(quote('going to evaluate that')?.speaker).toBe('Marco Rubio');
    expect(quote('would not hesitate to tighten sanctions')).toMatchObject({ speaker: 'Scott Bessent', channel: 'interview with Fox News' });
    const office = quote('the full range of European military capabilities');
    expect(office?.speaker).toBe('office of Keir Starmer');
    expect(ids(office?.citations ?? [])).toEqual([1, 2]);
    // Each quote's sentence is the article's sentence around it.
    expect(quote('going to evaluate that')?.sentence).toMatch(/Rubio/);
  });

  it('prints in quotation marks only words the sources have in quotation marks', () => {
    const articles = new Map(loadSeeds().map((a) => [a.id, a.paragraphs.join('\n')]));
    const fold = (t: string): string => t.replace(/[“”"‘’']/g, '').replace(/\s+/g, ' ').trim();
    for (const sp of sheet.quotes) {
      for (const q of sp.quotes) {
        if (!q.marked) continue;
        for (const piece of q.text.split(' … ')) {
          expect(q.markedBy.some((c) => fold(articles.get(c.articleId) ?? '').includes(fold(piece))), piece).toBe(true);
        }
      }
    }
    // A reporter's lead sentence is reported speech, not a quote.
    const lead = quote('did not all agree on the proposed deployment');
    expect(lead).toMatchObject({ speaker: 'Emmanuel Macron', marked: false });
    // The summit's name in quotation marks is no one's quote.
    expect(quote('coalition of the willing')).toBeUndefined();
    // Pieces of one quote cut by "he said" keep their cut visible.
    expect(quote('It is not unanimous')?.text).toBe('It is not unanimous … We do not need unanimity to achieve it.');
  });

  it('puts the country counts side by side with the conflict flagged', () => {
    const g = sheet.figures.find((x) => x.unit === 'country' && x.values.length > 3);
    expect(g).toMatchObject({ verdict: 'conflict', isDisagreement: true, caption: 'countries' });
    expect(g?.values.map((v) => v.text)).toEqual(expect.arrayContaining(['nearly 30 countries', 'some 30 nations', 'nearly three dozen nations', 'more than 30 countries']));
    expect(g?.disagreements.some((d) => d.level === 'conflict')).toBe(true);
    for (const v of g?.values ?? []) expect(v.sentence).toContain(v.text);
  });

  it('puts the injured counts side by side with their difference flagged', () => {
    const g = sheet.figures.find((x) => x.kind === 'injured' && x.sourceCount > 1);
    expect(g).toMatchObject({ verdict: 'differ', isDisagreement: true, caption: 'people injured' });
    expect(g?.values.map((v) => v.text)).toEqual(
      expect.arrayContaining(['more than 20 people', 'at least 18 people + three people', 'dozens of people', 'at least 11 people']),
    );
    expect(ids(g?.values.find((v) => v.text === 'more than 20 people')?.citations ?? [])).toEqual([1, 2]);
    expect(g?.disagreements.length).toBeGreaterThan(0);
  });

  it('shows the aid package\'s two dollar conversions as agreeing', () => {
    const g = sheet.figures.find((x) => x.kind === 'money' && x.sourceCount > 1);
    expect(g).toMatchObject({ verdict: 'agree', isDisagreement: false });
    expect(g?.values.map((v) => v.conversion?.value).sort()).toEqual([2.1e9, 2.15e9]);
    expect(g?.values.every((v) => v.low === 2e9 && v.currency === 'EUR')).toBe(true);
  });

  it('has a timeline from the energy-strike pause to ministers reporting back on 17 April 2025', () => {
    const entries = sheet.timeline.entries;
    const pause = entries.find((e) => e.isDisputed && /energy infrastructure/.test(e.description));
    expect(pause?.variants.map((v) => v.start)).toEqual(expect.arrayContaining(['2025-03-17', '2025-03-24']));
    const summit = entries.find((e) => e.start === '2025-03-27' && e.end === '2025-03-27' && e.citations.length >= 3);
    expect(summit).toBeDefined();
    const last = entries.find((e) => /report back in three weeks/.test(e.description));
    expect(last?.start).toBe('2025-04-17');
    const starts = entries.map((e) => e.start);
    expect(starts).toEqual([...starts].sort());
    expect(starts.indexOf(pause?.start ?? '')).toBeLessThan(starts.indexOf('2025-03-27'));
  });

  it('summarises in 5 to 8 sentences, each citing its outlets; the shared wire sentences cite 000 and 001', () => {
    expect(sheet.summary.length).toBeGreaterThanOrEqual(5);
    expect(sheet.summary.length).toBeLessThanOrEqual(8);
    for (const s of sheet.summary) expect(s.citations.length).toBeGreaterThan(0);
    const fromWire = sheet.summary.filter((s) => s.articleId === 1 || s.articleId === 2);
    expect(fromWire.length).toBeGreaterThan(0);
    // Sentences of 000 that 001 also carries (passage alignment) cite both.
    expect(sheet.summary.some((s) => ids(s.citations).includes(1) && ids(s.citations).includes(2))).toBe(true);
    const wire = sheet.coverage.find((c) => c.articleId === 1);
    expect(wire?.sharedWith.map((s) => s.articleId)).toContain(2);
    // Outlets are unnamed in the files: citations carry a null source.
    expect(sheet.summary[0]?.citations[0]?.source).toBeNull();
  });

  it('gives the same quotes, figures and timeline without --date, the undated articles dated by inference', () => {
    const undated = buildFactSheet({ id: 1, title: 'Paris summit of the coalition of the willing' }, loadSeeds(false));
    expect(undated.quotes).toEqual(sheet.quotes);
    expect(undated.figures).toEqual(sheet.figures);
    expect(undated.timeline.entries).toEqual(sheet.timeline.entries);
    const inferred = undated.articles.filter((a) => a.published === null);
    expect(inferred.length).toBeGreaterThan(0);
    for (const a of inferred) {
      expect(a.inferredDate).toBe('2025-03-27');
      expect(['text', 'story']).toContain(a.inferredFrom);
    }
    expect(renderMarkdown(undated)).toMatch(/dated by inference/);
  });

  it('marks background events outside the story\'s dates and labels every row', () => {
    const background = sheet.timeline.entries.filter((e) => e.isOutsideStory);
    expect(background.map((e) => e.start.slice(0, 4))).toEqual(expect.arrayContaining(['2014', '2022']));
    expect(sheet.timeline.entries.filter((e) => e.start.startsWith('2025-03')).every((e) => !e.isOutsideStory)).toBe(true);
    for (const e of sheet.timeline.entries) expect(e.label.length).toBeGreaterThan(0);
    expect(sheet.timeline.range).toEqual({ start: '2025-03-27', end: '2025-03-27' });
  });

  it('renders for the terminal and as Markdown', () => {
    const text = renderTerminal(sheet, { width: 100 });
    for (const line of text.split('\n')) expect([...line].length).toBeLessThanOrEqual(100);
    expect(text).toMatch(/≠ People injured/);
    expect(text).toMatch(/✗ Countries/);
    const md = renderMarkdown(sheet);
    expect(md).toMatch(/^### Emmanuel Macron$/m);
    expect(md).toMatch(/\\\[article 1; article 2\\\]/);
  });
});
