/**
 * Figure disagreements: are the outlets that the fact sheet says disagree really disagreeing?
 *
 * - BASIL gold (eval/gold/basil-figures.json, labelled by hand from the articles): for the first
 *   20 events, every figure reported by two or more outlets, with what it measures and whether the
 *   outlets agree. A flagged pair (two values of one sheet group, from two articles) is right when
 *   the gold has a disagreeing group holding both values for those articles; pairs that fall in a
 *   group labelled `unclear` are not scored; every other flag is false. Precision = right flags /
 *   scored flags; recall = gold disagreeing pairs found / gold disagreeing pairs.
 * - MEANTIME: one English article and its translations per event, so every flagged disagreement is
 *   false (target 0). Also: the share of events whose English figures are all found, agreeing, in
 *   every translation (figures in a language without figure words are not read: they count as not found).
 * - BASIL, all 100 events: flags per event, for scale (no gold).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFactSheet, type FactSheet } from '../src/analyze/index.js';
import { basilStories, meantimeStories, type EvalStory } from './stories.js';

interface GoldValue {
  doc: string;
  value: number | [number, number];
}
interface GoldGroup {
  measures: string;
  verdict: 'agree' | 'differ' | 'conflict' | 'update' | 'unclear';
  values: GoldValue[];
  disagreeing?: Array<[number, number]>;
}
interface Gold {
  stories: Array<{ cluster: string; groups: GoldGroup[] }>;
}

const here = path.dirname(fileURLToPath(import.meta.url));

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** The numbers a sheet value states: its value, else its bounds. */
function numbersOf(v: FactSheet['figures'][number]['values'][number]): number[] {
  return [v.value, v.low, v.high, v.conversion?.value ?? null].filter((n): n is number => n !== null);
}

function goldMatches(g: GoldValue, doc: string, numbers: number[]): boolean {
  if (g.doc !== doc) return false;
  const wanted = Array.isArray(g.value) ? g.value : [g.value];
  return wanted.some((w) => numbers.some((n) => close(n, w)));
}

/** Flagged pairs of a sheet as (docA, numbersA, docB, numbersB), one entry per sheet disagreement. */
function flaggedPairs(sheet: FactSheet, story: EvalStory): Array<{ pairs: Array<[string, number[], string, number[]]>; text: string }> {
  const out: Array<{ pairs: Array<[string, number[], string, number[]]>; text: string }> = [];
  for (const g of sheet.figures) {
    for (const d of g.disagreements) {
      const a = g.values[d.a]!;
      const b = g.values[d.b]!;
      const pairs: Array<[string, number[], string, number[]]> = [];
      for (const ca of a.citations) {
        for (const cb of b.citations) {
          if (ca.articleId === cb.articleId) continue;
          pairs.push([story.docOf.get(ca.articleId)!, numbersOf(a), story.docOf.get(cb.articleId)!, numbersOf(b)]);
        }
      }
      out.push({ pairs, text: `${g.caption}: ${a.text} [${a.citations.map((c) => c.source).join(',')}] vs ${b.text} [${b.citations.map((c) => c.source).join(',')}]` });
    }
  }
  return out;
}

function disagreeingPairs(g: GoldGroup): Array<[number, number]> {
  if (g.verdict !== 'differ' && g.verdict !== 'conflict') return [];
  if (g.disagreeing) return g.disagreeing;
  const out: Array<[number, number]> = [];
  g.values.forEach((a, i) =>
    g.values.forEach((b, j) => {
      if (j > i && a.doc !== b.doc && JSON.stringify(a.value) !== JSON.stringify(b.value)) out.push([i, j]);
    }),
  );
  return out;
}

function runGold(sharedDir: string, verbose: boolean): void {
  const stories = basilStories(sharedDir);
  const goldFile = path.join(here, 'gold', 'basil-figures.json');
  if (!stories || !existsSync(goldFile)) {
    console.log('figures (BASIL gold): skipped (no basil data or no gold file)');
    return;
  }
  const gold = JSON.parse(readFileSync(goldFile, 'utf8')) as Gold;
  let right = 0;
  let wrong = 0;
  let unscored = 0;
  let goldPairs = 0;
  let found = 0;
  for (const labelled of gold.stories) {
    const story = stories.find((s) => s.id === labelled.cluster);
    if (!story) continue;
    const sheet = buildFactSheet({ id: 1, title: labelled.cluster }, story.articles);
    const flags = flaggedPairs(sheet, story);
    const matchesPair = (pair: [string, number[], string, number[]], g: GoldGroup, [i, j]: [number, number]): boolean => {
      const [da, na, db, nb] = pair;
      const x = g.values[i]!;
      const y = g.values[j]!;
      return (goldMatches(x, da, na) && goldMatches(y, db, nb)) || (goldMatches(x, db, nb) && goldMatches(y, da, na));
    };
    const inGroup = (pair: [string, number[], string, number[]], g: GoldGroup): boolean =>
      (g.values.some((v) => goldMatches(v, pair[0], pair[1])) && g.values.some((v) => goldMatches(v, pair[2], pair[3])));
    for (const flag of flags) {
      const isRight = flag.pairs.some((p) => labelled.groups.some((g) => disagreeingPairs(g).some((ij) => matchesPair(p, g, ij))));
      const isUnclear = !isRight && flag.pairs.length > 0 && flag.pairs.every((p) => labelled.groups.some((g) => g.verdict === 'unclear' && inGroup(p, g)));
      if (isRight) right += 1;
      else if (isUnclear) unscored += 1;
      else wrong += 1;
      if (verbose) console.log(`    ${isRight ? 'RIGHT' : isUnclear ? 'unscored' : 'FALSE'} ${flag.text}`);
    }
    for (const g of labelled.groups) {
      for (const ij of disagreeingPairs(g)) {
        goldPairs += 1;
        if (flags.some((f) => f.pairs.some((p) => matchesPair(p, g, ij)))) found += 1;
      }
    }
  }
  const groups = gold.stories.reduce((n, s) => n + s.groups.length, 0);
  console.log(`figures: BASIL gold, ${gold.stories.length} events, ${groups} labelled figure groups, ${goldPairs} disagreeing pairs`);
  console.log(`  flagged          ${right + wrong + unscored} (${right} right, ${wrong} false, ${unscored} in unclear groups)`);
  console.log(`  precision        ${right + wrong === 0 ? 'n/a (nothing flagged)' : (right / (right + wrong)).toFixed(3)}`);
  console.log(`  recall           ${goldPairs === 0 ? 'n/a' : (found / goldPairs).toFixed(3)} (${found}/${goldPairs})`);
}

function runAllBasil(sharedDir: string, verbose: boolean): void {
  const stories = basilStories(sharedDir);
  if (!stories) return;
  let flags = 0;
  let flaggedStories = 0;
  for (const story of stories) {
    const sheet = buildFactSheet({ id: 1, title: story.id }, story.articles);
    const n = sheet.figures.reduce((t, g) => t + g.disagreements.length, 0);
    flags += n;
    if (n > 0) flaggedStories += 1;
    if (verbose && n > 0) for (const f of flaggedPairs(sheet, story)) console.log(`    ${story.id.slice(0, 8)} ${f.text}`);
  }
  console.log(`figures: BASIL, all ${stories.length} events: ${flags} flagged disagreements in ${flaggedStories} events (no gold: for scale)`);
}

function runMeantime(sharedDir: string, verbose: boolean): void {
  const stories = meantimeStories(sharedDir);
  if (!stories) {
    console.log('figures (MEANTIME): skipped (no meantime data)');
    return;
  }
  let flags = 0;
  let flaggedStories = 0;
  let agreeing = 0;
  let withFigures = 0;
  let englishFigures = 0;
  let matchedFigures = 0;
  for (const story of stories) {
    const sheet = buildFactSheet({ id: 1, title: story.id }, story.articles);
    const n = sheet.figures.reduce((t, g) => t + g.disagreements.length, 0);
    flags += n;
    if (n > 0) flaggedStories += 1;
    if (verbose && n > 0) for (const f of flaggedPairs(sheet, story)) console.log(`    ${story.id} ${f.text}`);
    const english = story.articles.find((a) => a.language === 'en');
    const others = story.articles.filter((a) => a.language !== 'en');
    if (!english) continue;
    // English figures (values citing the English article) and whether every translation is cited in the same group, agreeing.
    let all = true;
    let any = false;
    for (const g of sheet.figures) {
      const cites = new Set(g.values.flatMap((v) => v.citations.map((c) => c.articleId)));
      if (!cites.has(english.id)) continue;
      any = true;
      englishFigures += 1;
      const matched = others.every((o) => cites.has(o.id)) && !g.isDisagreement;
      if (matched) matchedFigures += 1;
      else all = false;
    }
    if (any) withFigures += 1;
    if (any && all && n === 0) agreeing += 1;
  }
  console.log(`figures: MEANTIME, ${stories.length} events of one English article and its translations (es, it, nl)`);
  console.log(`  flagged disagreements  ${flags} in ${flaggedStories} events (target 0)`);
  console.log(`  events whose English figures are all found and agree in every translation  ${agreeing}/${withFigures} (${withFigures === 0 ? 'n/a' : ((100 * agreeing) / withFigures).toFixed(1)} %)`);
  console.log(`  English figure groups found, agreeing, in every translation  ${matchedFigures}/${englishFigures}`);
}

export async function run(sharedDir: string): Promise<void> {
  const verbose = process.argv.includes('--verbose');
  runGold(sharedDir, verbose);
  runMeantime(sharedDir, verbose);
  runAllBasil(sharedDir, verbose);
  await Promise.resolve();
}
