/**
 * Cost per article as the corpus grows, on the copy-heavy stream of scale-stream.ts (bursts of
 * events, a third wire copies with outlets' edits, datelines, outlets' and shared footers).
 *
 * 1. Stages, in process: copy detection (fingerprint + CopyIndex.add) and story assignment
 *    (StoryClusterer.assign, copies joining through the original dedup found), CPU time per
 *    article in a window before each mark, so that flatness is shown, not asserted.
 * 2. End to end: `crosscheck ingest`'s path (text files read and extracted, stored, copies and
 *    stories assigned) into a fresh store, in slices, with the CPU time per article of each slice.
 *
 * Sizes: SCALE_ARTICLES (stages, default 50,000), SCALE_INGEST_ARTICLES (end to end, default 50,000;
 * 0 skips it). CPU time is process-wide (GC threads count), so it is what the machine's load
 * does not inflate; wall-clock figures are given beside it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { StoryClusterer, scoreClustering } from '../src/cluster/index.js';
import { CopyIndex, fingerprint } from '../src/dedup/index.js';
import { readInputs } from '../src/ingest/index.js';
import { StoryAssigner, ingestDocuments } from '../src/pipeline/index.js';
import { SqliteStore } from '../src/store/index.js';
import { peakSampler } from './memory.js';
import { scaleStream, type StreamArticle } from './scale-stream.js';

const ARTICLES = Number(process.env.SCALE_ARTICLES ?? 50_000);
const INGEST_ARTICLES = Number(process.env.SCALE_INGEST_ARTICLES ?? 50_000);
const MARKS = [1_000, 5_000, 10_000, 20_000, 50_000, 100_000, 200_000, 500_000, 1_000_000];

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

function mb(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(0)} MiB`;
}

/** The window of arrivals timed before a mark: a fifth of it, at most 2,000. */
function windowOf(mark: number): number {
  return Math.min(2_000, Math.floor(mark / 5));
}

function stages(): void {
  const marks = MARKS.filter((m) => m <= ARTICLES);
  const index = new CopyIndex();
  const clusterer = new StoryClusterer({}, { now: () => Date.UTC(2027, 0, 1) });
  const copyMs = new Float64Array(marks.length);
  const storyMs = new Float64Array(marks.length);
  let copyTotal = 0;
  let storyTotal = 0;
  let planted = 0;
  let found = 0;
  const gold = new Map<number, number>();
  const sampler = peakSampler();
  for (const a of scaleStream(ARTICLES)) {
    const text = a.paragraphs.join('\n\n');
    let t = process.cpuUsage();
    const matches = index.add(a.id, fingerprint(text));
    const dCopy = cpuMs(t);
    let original: number | undefined;
    let rank = -1;
    for (const m of matches) {
      const r = m.kind === 'identical' ? 3 : m.kind === 'near-identical' ? 2 : m.kind === 'contained' ? 1 : 0;
      if (r > rank || (r === rank && m.other < original!)) {
        rank = r;
        original = m.other;
      }
    }
    t = process.cpuUsage();
    clusterer.assign({ id: a.id, title: a.title, text, published: a.published, ...(original !== undefined ? { copyOf: original } : {}) });
    const dStory = cpuMs(t);
    copyTotal += dCopy;
    storyTotal += dStory;
    gold.set(a.id, a.event);
    if (a.copyOf >= 0) {
      planted++;
      if (matches.some((m) => m.other === a.copyOf)) found++;
    }
    marks.forEach((m, i) => {
      if (a.id > m - windowOf(m) && a.id <= m) {
        copyMs[i]! += dCopy;
        storyMs[i]! += dStory;
      }
    });
  }
  clusterer.settle();
  const peak = sampler.stop();
  const predicted = new Map<number, number>();
  for (const id of gold.keys()) predicted.set(id, clusterer.storyOf(id)!);
  const scores = scoreClustering(predicted, gold);
  console.log(`stages: ${ARTICLES.toLocaleString('en')} articles, in process (CPU ms per article, mean of the arrivals before each mark)`);
  console.log('  stored      copies ms   stories ms');
  marks.forEach((m, i) => {
    const w = windowOf(m);
    console.log(`  ${m.toLocaleString('en').padStart(9)}   ${(copyMs[i]! / w).toFixed(3).padStart(9)}   ${(storyMs[i]! / w).toFixed(3).padStart(10)}`);
  });
  console.log(`  copy detection articles/CPU-s     ${(ARTICLES / (copyTotal / 1000)).toFixed(0)}`);
  console.log(`  story assignment articles/CPU-s   ${(ARTICLES / (storyTotal / 1000)).toFixed(0)}`);
  console.log(`  planted copies found              ${found}/${planted}`);
  console.log(`  stories B-cubed P / R / F1        ${scores.precision.toFixed(3)} / ${scores.recall.toFixed(3)} / ${scores.f1.toFixed(3)} (generated events: a sanity check)`);
  console.log(`  copy index                        ${index.stats().postings.toLocaleString('en')} postings, ${mb(index.stats().postingBytes)} postings, ${mb(index.stats().shingleBytes)} shingle sets`);
  console.log(`  peak RSS                          ${mb(peak)}`);
}

function textFile(a: StreamArticle): string {
  return `date ${a.published}\n${a.title}\n\n${a.paragraphs.join('\n\n')}\n`;
}

async function endToEnd(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cc-bench-scale-'));
  try {
    const marks = MARKS.filter((m) => m < INGEST_ARTICLES).concat(INGEST_ARTICLES);
    const sliceDirs: string[] = [];
    let from = 0;
    const stream = scaleStream(INGEST_ARTICLES);
    for (const mark of marks) {
      const sliceDir = join(dir, `slice-${mark}`);
      mkdirSync(sliceDir);
      for (let id = from + 1; id <= mark; id++) {
        const a = stream.next().value as StreamArticle;
        writeFileSync(join(sliceDir, `${String(a.id).padStart(7, '0')}.txt`), textFile(a));
      }
      sliceDirs.push(sliceDir);
      from = mark;
    }
    const store = SqliteStore.open(join(dir, 'scale.db'));
    const assigner = new StoryAssigner(store);
    const sampler = peakSampler();
    console.log(`\nend to end: ${INGEST_ARTICLES.toLocaleString('en')} text files read, extracted, stored, copies and stories assigned, one thread`);
    console.log('  stored        slice   CPU ms/article   articles/CPU-s   articles/s (wall)');
    let prev = 0;
    let cpuTotal = 0;
    const started = performance.now();
    for (let i = 0; i < marks.length; i++) {
      const t = process.cpuUsage();
      const wall = performance.now();
      const summary = await ingestDocuments(readInputs([sliceDirs[i]!]), store, {});
      await assigner.assignPending();
      const ms = cpuMs(t);
      const wallS = (performance.now() - wall) / 1000;
      cpuTotal += ms;
      const n = marks[i]! - prev;
      if (summary.failed > 0) console.log(`  (${summary.failed} failed)`);
      console.log(
        `  ${marks[i]!.toLocaleString('en').padStart(9)}   ${`${(prev / 1000).toFixed(0)}k-`.padStart(9)}   ${(ms / n).toFixed(2).padStart(14)}   ${(n / (ms / 1000)).toFixed(0).padStart(14)}   ${(n / wallS).toFixed(0).padStart(17)}`,
      );
      prev = marks[i]!;
    }
    await assigner.close();
    const seconds = (performance.now() - started) / 1000;
    const peak = sampler.stop();
    await store.close();
    console.log(`  overall                           ${(INGEST_ARTICLES / (cpuTotal / 1000)).toFixed(0)} articles/CPU-s, ${(INGEST_ARTICLES / seconds).toFixed(0)} articles/s wall`);
    console.log(`  peak RSS                          ${mb(peak)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  console.log(`load average at start (2 cores): ${loadavg()[0]!.toFixed(2)}`);
  if (ARTICLES > 0) stages();
  global.gc?.();
  if (INGEST_ARTICLES > 0) await endToEnd();
  console.log(`load average at end: ${loadavg()[0]!.toFixed(2)}`);
}
