/**
 * Copy-detection evaluation on a generated near-copy corpus built from real articles: ~600
 * originals (BASIL and ECB+ texts), two edited copies each (trims, retitles, spelling changes,
 * inserted, dropped and reordered paragraphs, light word edits, overlapping cuts), streamed in a
 * seeded random order through fingerprint + CopyIndex.add. The other originals of the same event
 * cluster are the same-topic negatives. Prints precision and recall of copy pairs overall and per
 * edit kind, and of containment (cut) pairs.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CopyIndex, fingerprint } from '../src/dedup/index.js';
import { CONTAINMENT_THRESHOLD, NEAR_IDENTICAL_JACCARD } from '../src/dedup/index.js';
import { EDIT_KINDS, applyEdit, createRng, isCutEdit, randomInt } from '../test/helpers/copy-edits.js';
import type { EditHooks, EditKind } from '../test/helpers/copy-edits.js';
import type { CopyMatch } from '../src/dedup/index.js';

const SEED = 20250327;
const ORIGINALS_PER_SOURCE = 300;
const MIN_WORDS = 80;

interface Original {
  paragraphs: string[];
  cluster: string;
}

interface Doc {
  family: number;
  kind: EditKind | 'original';
  paragraphs: string[];
}

/** Reads texts, shuffles them, keeps the first 300 as originals and returns the rest as spares. */
function readOriginals(file: string, clusterOf: (row: Record<string, unknown>) => string, rng: () => number): [Original[], Original[]] {
  const rows = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  const originals = rows
    .map((row) => ({
      // ECB+ texts are one sentence per line; BASIL separates paragraphs by blank lines.
      paragraphs: (typeof row.text === 'string' ? row.text : '')
        .split(/\n+/)
        .map((p) => p.trim())
        .filter((p) => p.split(' ').length >= 3 && !/^https?\s*:/.test(p)),
      cluster: clusterOf(row),
    }))
    .filter((o) => o.paragraphs.join(' ').split(/\s+/).length >= MIN_WORDS);
  for (let i = originals.length - 1; i > 0; i--) {
    const j = randomInt(rng, i + 1);
    [originals[i], originals[j]] = [originals[j]!, originals[i]!];
  }
  return [originals.slice(0, ORIGINALS_PER_SOURCE), originals.slice(ORIGINALS_PER_SOURCE)];
}

const SPELLING: Array<[RegExp, string]> = [
  [/\bU\.S\.(?=\W)/g, 'US'],
  [/\bU\.K\.(?=\W)/g, 'UK'],
  [/\b(\w{3,})iz(e|es|ed|ing|ation|ations)\b/g, '$1is$2'],
  [/\b(\w+)yz(e|ed|es|ing)\b/g, '$1ys$2'],
  [/\b(col|hon|fav|lab|neighb|behavi|harb|rum)or(s|ed|ing|ite|ites)?\b/gi, '$1our$2'],
  [/\bcenter(s)?\b/g, 'centre$1'],
  [/\bdefense\b/g, 'defence'],
  [/\boffense\b/g, 'offence'],
  [/\bprogram(s)?\b/g, 'programme$1'],
  [/\bpercent\b/g, 'per cent'],
  [/\bMr\.\s/g, 'Mr '],
  [/\bMrs\.\s/g, 'Mrs '],
  [/\b(\d{1,3}),(\d{3})\b/g, '$1$2'],
  [/\$(\d+) million\b/g, '$$$1m'],
  [/\bgray\b/g, 'grey'],
  [/\btraveled\b/g, 'travelled'],
];

const COMMON_WORDS = 'also now then still just even only new more some other said would could officials people'.split(' ');

/** Edits with English spelling variants; inserted text and titles come from spare articles. */
function createHooks(spares: readonly Original[]): EditHooks {
  const other = (rng: () => number): string[] => spares[randomInt(rng, spares.length)]!.paragraphs;
  return {
    respell: (paragraph) => SPELLING.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), paragraph),
    // A sentence-sized insertion (background, a local angle) taken from an unrelated article.
    filler: (rng) => {
      const paragraphs = other(rng);
      return paragraphs[randomInt(rng, paragraphs.length)]!.split(' ').slice(0, 30).join(' ');
    },
    title: (rng) => other(rng)[0]!.split(' ').slice(0, 8).join(' '),
    word: (rng) => COMMON_WORDS[randomInt(rng, COMMON_WORDS.length)]!,
  };
}

function pct(n: number, d: number): string {
  return d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(2)} %`;
}

function line(name: string, value: string): void {
  console.log(`  ${name.padEnd(38)} ${value}`);
}

export async function run(sharedDir: string): Promise<void> {
  await Promise.resolve();
  const basil = path.join(sharedDir, 'eval-data', 'basil', 'clusters.jsonl');
  const ecb = path.join(sharedDir, 'eval-data', 'ecbplus', 'clusters.jsonl');
  if (!existsSync(basil) || !existsSync(ecb)) {
    console.log('copies: skipped (no eval-data/basil or eval-data/ecbplus)');
    return;
  }
  const rng = createRng(SEED);
  const [basilOriginals, basilSpares] = readOriginals(basil, (row) => `basil:${String(row.cluster)}`, rng);
  const [ecbOriginals, ecbSpares] = readOriginals(ecb, (row) => `ecb:${String(row.subtopic)}`, rng);
  const originals = [...basilOriginals, ...ecbOriginals];
  const hooks = createHooks([...basilSpares, ...ecbSpares]);
  const docs: Doc[] = originals.map((o, family) => ({ family, kind: 'original', paragraphs: o.paragraphs }));
  originals.forEach((original, family) => {
    for (const offset of [0, 3]) {
      const kind = EDIT_KINDS[(family + offset) % EDIT_KINDS.length]!;
      docs.push({ family, kind, paragraphs: applyEdit(rng, original.paragraphs, kind, hooks) });
    }
  });
  const order = docs.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = randomInt(rng, i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }

  const index = new CopyIndex();
  const found = new Map<string, CopyMatch & { self: number }>();
  const started = performance.now();
  for (const id of order) {
    // BASIL and ECB+ are English: fingerprinted with their language, as the pipeline does.
    for (const match of index.add(id, fingerprint(docs[id]!.paragraphs.join('\n\n'), 'en'))) {
      const key = id < match.other ? `${id}:${match.other}` : `${match.other}:${id}`;
      found.set(key, { ...match, self: id });
    }
  }
  const elapsed = performance.now() - started;

  // Positives: every (original, copy) pair. Pairs of two copies of one original are allowed
  // (not counted either way); any pair across families is a false positive.
  const perKind = new Map<string, { positives: number; recalled: number; predicted: number; correct: number; cutAsContainment: number }>();
  const kindStats = (kind: string): { positives: number; recalled: number; predicted: number; correct: number; cutAsContainment: number } => {
    let stats = perKind.get(kind);
    if (!stats) {
      stats = { positives: 0, recalled: 0, predicted: 0, correct: 0, cutAsContainment: 0 };
      perKind.set(kind, stats);
    }
    return stats;
  };
  let positives = 0;
  let recalled = 0;
  let cutPositives = 0;
  let cutRecalled = 0;
  docs.forEach((doc, id) => {
    if (doc.kind === 'original') return;
    const stats = kindStats(doc.kind);
    stats.positives++;
    positives++;
    const original = doc.family; // originals are docs[0 .. originals.length)
    const key = id < original ? `${id}:${original}` : `${original}:${id}`;
    const match = found.get(key);
    if (match) {
      stats.recalled++;
      recalled++;
    }
    if (isCutEdit(doc.kind)) {
      cutPositives++;
      const copyIsContained = match !== undefined && (match.self === id ? match.kind === 'contained' : match.kind === 'contains');
      const isNear = match?.kind === 'near-identical' || match?.kind === 'identical';
      if (copyIsContained || isNear) {
        stats.cutAsContainment++;
        cutRecalled++;
      }
    }
  });
  // Originals matched with each other are copies already in the source corpus (ECB+ holds some
  // syndicated duplicates): pairs between their families are left out of precision, and counted.
  const corpusDuplicates = new Set<string>();
  for (const match of found.values()) {
    const a = docs[match.self]!;
    const b = docs[match.other]!;
    if (a.kind === 'original' && b.kind === 'original') corpusDuplicates.add(`${Math.min(a.family, b.family)}:${Math.max(a.family, b.family)}`);
  }
  let excluded = 0;
  let predicted = 0;
  let correct = 0;
  let containmentPredicted = 0;
  let containmentCorrect = 0;
  const crossFamily: Array<CopyMatch & { self: number }> = [];
  for (const match of found.values()) {
    const a = docs[match.self]!;
    const b = docs[match.other]!;
    const isCorrect = a.family === b.family;
    if (!isCorrect && corpusDuplicates.has(`${Math.min(a.family, b.family)}:${Math.max(a.family, b.family)}`)) {
      excluded++;
      continue;
    }
    predicted++;
    if (isCorrect) correct++;
    else crossFamily.push(match);
    if (match.kind === 'contains' || match.kind === 'contained') {
      containmentPredicted++;
      if (isCorrect) containmentCorrect++;
    }
    for (const doc of [a, b]) {
      if (doc.kind === 'original') continue;
      const stats = kindStats(doc.kind);
      stats.predicted++;
      if (isCorrect) stats.correct++;
    }
  }

  console.log(`copies: ${originals.length} originals, ${docs.length - originals.length} edited copies, ${docs.length} texts in stream`);
  line('thresholds (near-identical J, containment)', `${NEAR_IDENTICAL_JACCARD}, ${CONTAINMENT_THRESHOLD}`);
  line('copy pairs precision', `${pct(correct, predicted)} (${correct}/${predicted})`);
  line('copy pairs recall', `${pct(recalled, positives)} (${recalled}/${positives})`);
  line('containment relations precision', `${pct(containmentCorrect, containmentPredicted)} (${containmentCorrect}/${containmentPredicted})`);
  line('cut pairs recall as containment/near', `${pct(cutRecalled, cutPositives)} (${cutRecalled}/${cutPositives})`);
  for (const kind of EDIT_KINDS) {
    const stats = perKind.get(kind);
    if (!stats) continue;
    const cut = isCutEdit(kind) ? `, as containment ${pct(stats.cutAsContainment, stats.positives)}` : '';
    line(`  ${kind}`, `recall ${pct(stats.recalled, stats.positives)}, precision ${pct(stats.correct, stats.predicted)}${cut}`);
  }
  line('originals already copies in the corpus', `${corpusDuplicates.size} pairs (${excluded} derived pairs left out)`);
  line('cross-family pairs (false positives)', String(crossFamily.length));
  for (const match of crossFamily.slice(0, 5)) {
    const a = docs[match.self]!;
    const b = docs[match.other]!;
    line(`  ${match.kind}`, `J ${match.jaccard.toFixed(2)} C ${match.containment.toFixed(2)} (${originals[a.family]!.cluster} ${a.kind} / ${originals[b.family]!.cluster} ${b.kind})`);
  }
  line('matches found only through LSH bands', String(index.stats().lshOnlyMatches));
  line('texts/s (fingerprint + add)', ((docs.length / elapsed) * 1000).toFixed(0));
}
