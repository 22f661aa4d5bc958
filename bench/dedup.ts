/**
 * Copy-detection throughput: a generated stream of 100,000 ~400-word articles over a Zipf
 * vocabulary, 30 % of them copies or cuts of an earlier wire text (random edit kind). Reports
 * articles/s through fingerprint + CopyIndex.add on one core, time per add as the index grows,
 * memory, and how many of the planted copies were found.
 */
import { loadavg } from 'node:os';
import { CopyIndex, fingerprint } from '../src/dedup/index.js';
import { EDIT_KINDS, ZipfVocabulary, applyEdit, createRng, generateArticle, randomInt } from '../test/helpers/copy-edits.js';

const ARTICLES = 100_000;
const COPY_SHARE = 0.3;
const VOCABULARY = 5000;
const WIRE_POOL = 2000;
const MARKS = [10_000, 50_000, 100_000];
const WINDOW = 2000;

function line(name: string, value: string): void {
  console.log(`  ${name.padEnd(38)} ${value}`);
}

export async function run(): Promise<void> {
  await Promise.resolve();
  console.log('dedup benchmark: fingerprint + CopyIndex.add, 100,000 generated articles, 30 % copies');
  const rng = createRng(20250327);
  const vocab = new ZipfVocabulary(rng, VOCABULARY);
  const index = new CopyIndex();
  const wires: Array<{ id: number; paragraphs: string[] }> = [];
  let fingerprintNs = 0n;
  let cpuMicros = 0;
  let addNs = 0n;
  const windowTimes = new Float64Array(WINDOW);
  const perAdd = new Map<number, { mean: number; median: number }>();
  let copies = 0;
  let copiesFound = 0;
  let words = 0;
  const rssBefore = process.memoryUsage().rss;
  for (let id = 0; id < ARTICLES; id++) {
    let paragraphs: string[];
    let source = -1;
    if (wires.length > 0 && rng() < COPY_SHARE) {
      const wire = wires[randomInt(rng, wires.length)]!;
      const kind = EDIT_KINDS[randomInt(rng, EDIT_KINDS.length)]!;
      paragraphs = applyEdit(rng, wire.paragraphs, kind);
      source = wire.id;
      copies++;
    } else {
      paragraphs = generateArticle(rng, vocab, { words: 250 + randomInt(rng, 300) });
      if (wires.length < WIRE_POOL) wires.push({ id, paragraphs });
      else wires[randomInt(rng, WIRE_POOL)] = { id, paragraphs };
    }
    const text = paragraphs.join('\n\n');
    words += text.split(' ').length;
    const cpu0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    const fp = fingerprint(text);
    const t1 = process.hrtime.bigint();
    const matches = index.add(id, fp);
    const t2 = process.hrtime.bigint();
    const cpu = process.cpuUsage(cpu0);
    cpuMicros += cpu.user + cpu.system;
    fingerprintNs += t1 - t0;
    addNs += t2 - t1;
    windowTimes[id % WINDOW] = Number(t2 - t0) / 1000;
    if (source >= 0 && matches.some((m) => m.other === source)) copiesFound++;
    const done = id + 1;
    if (done % WINDOW === 0) {
      for (const mark of MARKS) {
        if (done !== mark) continue;
        const sorted = [...windowTimes].sort((a, b) => a - b);
        const mean = sorted.reduce((sum, t) => sum + t, 0) / WINDOW;
        perAdd.set(mark, { mean, median: sorted[WINDOW / 2]! });
      }
    }
  }
  const totalS = Number(fingerprintNs + addNs) / 1e9;
  const memory = process.memoryUsage();
  const stats = index.stats();
  line('articles', ARTICLES.toLocaleString('en'));
  line('load average at end (2 cores)', loadavg()[0]!.toFixed(2));
  line('mean words per article', (words / ARTICLES).toFixed(0));
  line('articles/s (wall clock)', (ARTICLES / totalS).toFixed(0));
  // CPU time is what the machine's load does not inflate (process-wide, so GC threads count).
  line('articles/s per CPU-second', (ARTICLES / (cpuMicros / 1e6)).toFixed(0));
  line('fingerprint µs/article', ((Number(fingerprintNs) / ARTICLES) / 1000).toFixed(1));
  line('CopyIndex.add µs/article', ((Number(addNs) / ARTICLES) / 1000).toFixed(1));
  for (const mark of MARKS) {
    const window = perAdd.get(mark);
    // The median ignores preemption by other processes; the mean includes index growth.
    const label = `µs/article mean, median near ${mark / 1000}k`;
    line(label, window ? `${window.mean.toFixed(1)}, ${window.median.toFixed(1)}` : 'n/a');
  }
  line('pairs verified on exact sets', stats.verified.toLocaleString('en'));
  line('matches found only through LSH bands', stats.lshOnlyMatches.toLocaleString('en'));
  line('postings', stats.postings.toLocaleString('en'));
  line('shingle sets MB', (stats.shingleBytes / 2 ** 20).toFixed(0));
  line('postings MB (with growth slack)', (stats.postingBytes / 2 ** 20).toFixed(0));
  line('heap used MB', (memory.heapUsed / 2 ** 20).toFixed(0));
  line('RSS growth MB', ((memory.rss - rssBefore) / 2 ** 20).toFixed(0));
  line('planted copies found', `${copiesFound}/${copies} (${((100 * copiesFound) / Math.max(1, copies)).toFixed(2)} %)`);
}
