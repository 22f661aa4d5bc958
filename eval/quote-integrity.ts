/**
 * Quotation integrity: are the words the fact sheet prints inside quotation marks inside
 * quotation marks in an article it cites for them?
 *
 * - BASIL, every event (300 articles): each passage a sheet prints inside quotation marks (the
 *   `marked` quotes' text, pieces joined by " … " checked one by one, and the partial pieces)
 *   must stand inside quotation marks in at least one article it is cited for (`markedBy`); the
 *   stricter share that stands in marks in every article cited next to it is printed too (an
 *   outlet that quotes a shorter cut of the same words fails it).
 *   Compared after folding case, accents, quotation-mark shapes and spacing.
 * - PolNeAR dev: of the gold reported (indirect) attributions, the share the sheet would print
 *   inside quotation marks although their words are not in marks in the article (target 0).
 */
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { buildFactSheet, type FactSheet, type FactSheetArticle } from '../src/analyze/index.js';
import { extractQuotes, findMarkedSpans, isPrintedInMarks } from '../src/analyze/quotes/index.js';
import { basilStories } from './stories.js';

function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[“”„«»"‘’'`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .toLowerCase();
}

/**
 * The folded quoted stretches of an article, also joined in text order: a quote that runs over
 * paragraphs is one printed passage made of consecutive stretches.
 */
function quotedStretches(article: FactSheetArticle): string[] {
  const stretches = article.paragraphs.flatMap((p) => findMarkedSpans(p).map((s) => fold(p.slice(s.start, s.end))));
  return [...stretches, stretches.join(' ')];
}

/** Passages printed in quotation marks, each with the ids of the articles cited for it. */
export function printedPassages(sheet: FactSheet): Array<{ text: string; cited: number[] }> {
  const out: Array<{ text: string; cited: number[] }> = [];
  for (const speaker of sheet.quotes) {
    for (const q of speaker.quotes) {
      if (q.marked) for (const piece of q.text.split(' … ')) out.push({ text: piece, cited: q.markedBy.map((c) => c.articleId) });
      for (const part of q.parts) out.push({ text: part.text, cited: [part.articleId] });
    }
  }
  return out;
}

function runBasil(sharedDir: string, verbose: boolean): void {
  const stories = basilStories(sharedDir);
  if (!stories) {
    console.log('quote integrity (BASIL): skipped (no basil data)');
    return;
  }
  let printed = 0;
  let inMarks = 0;
  let inEvery = 0;
  for (const story of stories) {
    const sheet = buildFactSheet({ id: 1, title: story.id }, story.articles);
    const byId = new Map(story.articles.map((a) => [a.id, a]));
    const stretches = new Map<number, string[]>();
    const quotedIn = (id: number): string[] => {
      let s = stretches.get(id);
      if (!s) {
        s = byId.has(id) ? quotedStretches(byId.get(id)!) : [];
        stretches.set(id, s);
      }
      return s;
    };
    for (const p of printedPassages(sheet)) {
      const words = fold(p.text);
      if (words === '') continue;
      printed += 1;
      const ok = p.cited.some((id) => quotedIn(id).some((s) => s.includes(words)));
      if (ok) inMarks += 1;
      if (p.cited.length > 0 && p.cited.every((id) => quotedIn(id).some((s) => s.includes(words)))) inEvery += 1;
      else if (verbose) console.log(`    NOT IN MARKS ${story.id.slice(0, 8)} [${p.cited.join(',')}] “${p.text.slice(0, 140)}”`);
    }
  }
  console.log(`quote integrity: BASIL, ${stories.length} events: passages printed in quotation marks that stand in quotation marks in a cited article`);
  console.log(`  in marks          ${inMarks}/${printed} (${printed === 0 ? 'n/a' : ((100 * inMarks) / printed).toFixed(1)} %, target 100 %)`);
  console.log(`  in every article cited next to the marks  ${inEvery}/${printed} (${printed === 0 ? 'n/a' : ((100 * inEvery) / printed).toFixed(1)} %)`);
}

type Range = readonly [number, number];

function parseIndirect(ann: string, text: string): Range[][] {
  const spans = new Map<string, Range[]>();
  const out: Range[][] = [];
  const relations: Array<Map<string, string>> = [];
  for (const line of ann.split('\n')) {
    const cols = line.split('\t');
    if (line.startsWith('T') && cols.length >= 2) {
      const [, ...rest] = cols[1]!.split(' ');
      spans.set(cols[0]!, rest.join(' ').split(';').map((r) => r.trim().split(' ').map(Number) as unknown as Range));
    } else if (line.startsWith('E') && cols.length >= 2) {
      relations.push(new Map(cols[1]!.split(' ').map((pair) => pair.split(':') as [string, string])));
    }
  }
  for (const rel of relations) {
    const content = spans.get(rel.get('Content') ?? '');
    if (!content) continue;
    const isDirect = content.every(([s, e]) => {
      const t = text.slice(s, e).trim().replace(/^[,.;:!?\s]+|[,.;:!?\s]+$/g, '');
      return /^[“"]/.test(t) && /[”"]$/.test(t) && t.length > 2;
    });
    if (!isDirect) out.push(content);
  }
  return out;
}

async function runPolnear(sharedDir: string): Promise<void> {
  const dir = path.join(sharedDir, 'eval-data', 'polnear', 'dev');
  if (!existsSync(dir)) {
    console.log('quote integrity (PolNeAR): skipped (no polnear dev data)');
    return;
  }
  const annFiles = readdirSync(path.join(dir, 'attributions')).filter((f) => f.endsWith('.ann')).sort();
  let indirect = 0;
  let printedInMarks = 0;
  for (const file of readdirSync(path.join(dir, 'text')).filter((f) => f.endsWith('.txt')).sort()) {
    const base = file.slice(0, -'.txt'.length);
    const annFile = annFiles.find((a) => a.startsWith(`${base}_`));
    if (annFile === undefined) continue;
    const text = await readFile(path.join(dir, 'text', file), 'utf8');
    const gold = parseIndirect(await readFile(path.join(dir, 'attributions', annFile), 'utf8'), text);
    const paragraphs: Array<{ text: string; offset: number }> = [];
    let start = 0;
    for (const m of text.matchAll(/\n[ \t]*\n/g)) {
      paragraphs.push({ text: text.slice(start, m.index), offset: start });
      start = m.index + m[0].length;
    }
    paragraphs.push({ text: text.slice(start), offset: start });
    const quotes = extractQuotes(paragraphs.map((p) => p.text));
    const marked = quotes
      .filter((q) => isPrintedInMarks(q.kind))
      .flatMap((q) => (q.pieces ?? [{ paragraph: q.paragraph, start: q.start, end: q.end }]).map((p) => [paragraphs[p.paragraph]!.offset + p.start, paragraphs[p.paragraph]!.offset + p.end] as Range));
    // Spans of the text inside quotation marks: printing those in marks is right.
    const quoted = paragraphs.flatMap((p) => findMarkedSpans(p.text).map((s) => [p.offset + s.start, p.offset + s.end] as Range));
    for (const content of gold) {
      indirect += 1;
      const len = content.reduce((n, [s, e]) => n + (e - s), 0);
      // Characters of the gold content that a quote printed in marks covers outside the source's marks.
      const isInMarks = (i: number): boolean => quoted.some((q) => q[0] <= i && i < q[1]);
      const hit = marked.some((m) => {
        let outside = 0;
        for (const [s, e] of content) for (let i = Math.max(m[0], s); i < Math.min(m[1], e); i++) if (!isInMarks(i) && /\S/.test(text[i]!)) outside++;
        return len > 0 && outside / len >= 0.5;
      });
      if (hit) {
        printedInMarks += 1;
        if (process.argv.includes('--verbose')) console.log(`    IN MARKS ${file}: ${content.map(([s, e]) => text.slice(s, e)).join(' … ').slice(0, 160)}`);
      }
    }
  }
  console.log(`quote integrity: PolNeAR dev, reported (indirect) speech printed inside quotation marks`);
  console.log(`  printed in marks  ${printedInMarks}/${indirect} (${indirect === 0 ? 'n/a' : ((100 * printedInMarks) / indirect).toFixed(1)} %, target 0)`);
}

export async function run(sharedDir: string): Promise<void> {
  runBasil(sharedDir, process.argv.includes('--verbose'));
  await runPolnear(sharedDir);
}
