/**
 * Quote attribution on PolNeAR (dev split): precision, recall, F1 and speaker accuracy.
 *
 * Rules (fixed before measuring):
 * - One annotation per article: when an article has several annotators' .ann files, the first in
 *   sorted file-name order is used.
 * - Paragraphs: the article text split at blank lines; predicted offsets are mapped back to the text.
 * - Gold quote = the Content span of an `E` relation (its fragments, for discontinuous spans).
 *   A gold quote is *direct* when every fragment, trimmed of spaces and of , . ; : ! ? outside the
 *   marks, starts with an opening double mark (“ or ") and ends with a closing one (” or ").
 * - Predicted quotes: for "direct", quotes of kind `direct`; for "all", every quote except `partial`
 *   ones lying inside another predicted quote (they are part of an indirect one).
 * - Matching: one-to-one, greedily by overlap; a pair matches when the predicted span covers at
 *   least half of the gold content's characters. Precision = matches / predicted, recall = matches /
 *   gold.
 * - Speaker accuracy (on matched pairs whose gold relation has a Source): correct when the
 *   predicted speaker phrase as written (`speakerSpan`, e.g. "he", "Macron", an inherited speaker
 *   keeps the span it came from) overlaps the gold Source span by at least one character. Pronoun
 *   sources are thus judged on the pronoun, not on our antecedent (PolNeAR has no coreference).
 */
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { extractQuotes, type Quote } from '../src/analyze/quotes/index.js';

type Range = readonly [number, number];

interface GoldAttribution {
  readonly content: readonly Range[];
  readonly source: readonly Range[] | null;
  readonly isDirect: boolean;
}

interface Predicted {
  readonly range: Range;
  readonly speaker: Range | null;
  readonly quote: Quote;
}

const MIN_GOLD_COVERAGE = 0.5;

function parseAnn(ann: string, text: string): GoldAttribution[] {
  const spans = new Map<string, Range[]>();
  const relations: Array<Map<string, string>> = [];
  for (const line of ann.split('\n')) {
    const cols = line.split('\t');
    if (line.startsWith('T') && cols.length >= 2) {
      const [, ...rest] = cols[1]!.split(' ');
      const ranges = rest
        .join(' ')
        .split(';')
        .map((r) => r.trim().split(' ').map(Number) as [number, number]);
      spans.set(cols[0]!, ranges);
    } else if (line.startsWith('E') && cols.length >= 2) {
      relations.push(new Map(cols[1]!.split(' ').map((pair) => pair.split(':') as [string, string])));
    }
  }
  return relations.flatMap((rel) => {
    const content = spans.get(rel.get('Content') ?? '');
    if (content === undefined) return [];
    const source = spans.get(rel.get('Source') ?? '') ?? null;
    return [{ content, source, isDirect: content.every(([s, e]) => isEnclosed(text.slice(s, e))) }];
  });
}

function isEnclosed(fragment: string): boolean {
  const t = fragment.trim().replace(/^[,.;:!?\s]+|[,.;:!?\s]+$/g, '');
  return /^[“"]/.test(t) && /[”"]$/.test(t) && t.length > 2;
}

function paragraphsOf(text: string): Array<{ text: string; offset: number }> {
  const out: Array<{ text: string; offset: number }> = [];
  const re = /\n[ \t]*\n/g;
  let start = 0;
  for (const m of text.matchAll(re)) {
    out.push({ text: text.slice(start, m.index), offset: start });
    start = m.index + m[0].length;
  }
  out.push({ text: text.slice(start), offset: start });
  return out;
}

function overlap(a: Range, ranges: readonly Range[]): number {
  return ranges.reduce((n, [s, e]) => n + Math.max(0, Math.min(a[1], e) - Math.max(a[0], s)), 0);
}

function length(ranges: readonly Range[]): number {
  return ranges.reduce((n, [s, e]) => n + (e - s), 0);
}

interface Tally {
  gold: number;
  predicted: number;
  matched: number;
  withSource: number;
  speakerCorrect: number;
}

function score(gold: readonly GoldAttribution[], predicted: readonly Predicted[], tally: Tally, text = '', verbose = false): void {
  tally.gold += gold.length;
  tally.predicted += predicted.length;
  const pairs: Array<{ g: number; p: number; ratio: number }> = [];
  gold.forEach((g, gi) => {
    const len = length(g.content);
    predicted.forEach((p, pi) => {
      const ratio = len === 0 ? 0 : overlap(p.range, g.content) / len;
      if (ratio >= MIN_GOLD_COVERAGE) pairs.push({ g: gi, p: pi, ratio });
    });
  });
  pairs.sort((a, b) => b.ratio - a.ratio || a.g - b.g || a.p - b.p);
  const usedGold = new Set<number>();
  const usedPred = new Set<number>();
  for (const { g, p } of pairs) {
    if (usedGold.has(g) || usedPred.has(p)) continue;
    usedGold.add(g);
    usedPred.add(p);
    tally.matched++;
    const source = gold[g]!.source;
    if (source === null) continue;
    tally.withSource++;
    const speaker = predicted[p]!.speaker;
    if (speaker !== null && overlap(speaker, source) > 0) tally.speakerCorrect++;
    else if (verbose) {
      const said = (r: readonly Range[]): string => r.map(([s, e]) => text.slice(s, e)).join(' … ');
      const c = gold[g]!.content;
      const around = text.slice(Math.max(0, c[0]![0] - 120), c[c.length - 1]![1] + 120).replace(/\s+/g, ' ');
      console.log(`    SPEAKER gold "${said(source)}" got "${speaker === null ? '-' : text.slice(speaker[0], speaker[1])}" in: ${around}`);
    }
  }
}

function pct(n: number, d: number): string {
  return d === 0 ? 'n/a' : (n / d).toFixed(3);
}

export async function run(sharedDir: string): Promise<void> {
  const dir = path.join(sharedDir, 'eval-data', 'polnear', 'dev');
  if (!existsSync(dir)) {
    console.log('quotes: skipped (no polnear dev data)');
    return;
  }
  const annFiles = readdirSync(path.join(dir, 'attributions')).filter((f) => f.endsWith('.ann')).sort();
  const direct: Tally = { gold: 0, predicted: 0, matched: 0, withSource: 0, speakerCorrect: 0 };
  const all: Tally = { gold: 0, predicted: 0, matched: 0, withSource: 0, speakerCorrect: 0 };
  let articles = 0;
  const started = performance.now();
  for (const file of readdirSync(path.join(dir, 'text')).filter((f) => f.endsWith('.txt')).sort()) {
    const base = file.slice(0, -'.txt'.length);
    const annFile = annFiles.find((a) => a.startsWith(`${base}_`));
    if (annFile === undefined) continue;
    articles++;
    const text = await readFile(path.join(dir, 'text', file), 'utf8');
    const gold = parseAnn(await readFile(path.join(dir, 'attributions', annFile), 'utf8'), text);
    const paragraphs = paragraphsOf(text);
    const quotes = extractQuotes(paragraphs.map((p) => p.text));
    const at = (paragraph: number, offset: number): number => paragraphs[paragraph]!.offset + offset;
    const predicted: Predicted[] = quotes.map((q) => ({
      quote: q,
      range: [at(q.paragraph, q.start), at(q.endParagraph ?? q.paragraph, q.end)],
      speaker: q.speakerSpan === null ? null : [at(q.speakerSpan.paragraph, q.speakerSpan.start), at(q.speakerSpan.paragraph, q.speakerSpan.end)],
    }));
    score(gold.filter((g) => g.isDirect), predicted.filter((p) => p.quote.kind === 'direct'), direct, text, process.argv.includes('--verbose'));
    const isInsideAnother = (p: Predicted): boolean =>
      p.quote.kind === 'partial' && predicted.some((o) => o !== p && o.range[0] <= p.range[0] && o.range[1] >= p.range[1]);
    score(gold, predicted.filter((p) => !isInsideAnother(p)), all);
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`quotes: PolNeAR dev, ${articles} articles (first .ann per article), match = covers >= half of gold content`);
  for (const [name, t] of [['direct', direct], ['all', all]] as const) {
    const p = t.matched / t.predicted;
    const r = t.matched / t.gold;
    console.log(`  ${name.padEnd(7)} gold            ${t.gold}`);
    console.log(`  ${name.padEnd(7)} predicted       ${t.predicted}`);
    console.log(`  ${name.padEnd(7)} precision       ${pct(t.matched, t.predicted)}`);
    console.log(`  ${name.padEnd(7)} recall          ${pct(t.matched, t.gold)}`);
    console.log(`  ${name.padEnd(7)} f1              ${Number.isFinite(p + r) && p + r > 0 ? ((2 * p * r) / (p + r)).toFixed(3) : 'n/a'}`);
    console.log(`  ${name.padEnd(7)} speaker_acc     ${pct(t.speakerCorrect, t.withSource)} (${t.speakerCorrect}/${t.withSource})`);
  }
  console.log(`  seconds         ${seconds.toFixed(1)}`);
}
