/**
 * Story clustering benchmark on a generated stream (30,000 articles by default, up to 100,000): a generated vocabulary
 * (Zipf word frequencies), events with Zipf-distributed sizes spread over 200 days, articles of
 * 150–450 words with a title, names (capitalised) and numbers. Entity extraction is not skipped:
 * every article goes through the full feature extraction.
 *
 * Reports articles/s per core (CPU time of assign() only, generation excluded), the mean time per assignment around 10k,
 * 50k and 100k stored articles (flat is the goal), and the heap held per 100,000 articles.
 */
import { StoryClusterer, type ClusterInput } from '../src/cluster/index.js';

/** 30k by default to stay near 2 minutes; CLUSTER_BENCH_ARTICLES=100000 for the full stream (~4 CPU-minutes). */
const ARTICLES = Number(process.env.CLUSTER_BENCH_ARTICLES ?? 30_000);
const VOCABULARY = 20_000;
const NAMES = 5_000;
const DAYS = 200;
const MARKS = [10_000, 30_000, 50_000, 100_000].filter((m) => m <= ARTICLES);
/** Assignments timed before each mark. */
const WINDOW = 2_000;

/** Deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'to', 'sa', 'vel', 'dor', 'pi', 'nu', 'gar', 'es', 'tin', 'bro', 'fa', 'lu', 'qua', 'zen', 'mor', 'ti'];

function makeWord(random: () => number): string {
  const n = 2 + Math.floor(random() * 3);
  let w = '';
  for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)]!;
  return w;
}

/** Sampler of ranks 0..n-1 with P(rank r) ∝ 1/(r+1)^s, by binary search on the cumulative sums. */
function zipf(n: number, s: number, random: () => number): () => number {
  const cum = new Float64Array(n);
  let total = 0;
  for (let r = 0; r < n; r++) cum[r] = total += 1 / Math.pow(r + 1, s);
  return () => {
    const x = random() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

interface Event {
  day: number;
  size: number;
  words: string[];
  names: string[];
  numbers: string[];
}

function generateStream(): Array<{ day: number; event: Event; seed: number }> {
  const random = rng(42);
  const words = Array.from({ length: VOCABULARY }, () => makeWord(random));
  const names = Array.from({ length: NAMES }, () => {
    const w = makeWord(random);
    return w[0]!.toUpperCase() + w.slice(1);
  });
  const eventSize = zipf(500, 1.1, random);
  const slots: Array<{ day: number; event: Event; seed: number }> = [];
  while (slots.length < ARTICLES) {
    const size = Math.min(ARTICLES - slots.length, 1 + eventSize());
    const event: Event = {
      day: Math.floor(random() * DAYS),
      size,
      words: Array.from({ length: 12 }, () => words[1000 + Math.floor(random() * (VOCABULARY - 1000))]!),
      names: Array.from({ length: 3 }, () => `${names[Math.floor(random() * NAMES)]!} ${names[Math.floor(random() * NAMES)]!}`),
      numbers: Array.from({ length: 3 }, () => String(10 + Math.floor(random() * 5000))),
    };
    for (let i = 0; i < size; i++) slots.push({ day: event.day + Math.floor(random() * 3), event, seed: slots.length });
  }
  slots.sort((a, b) => a.day - b.day || a.seed - b.seed);
  return slots;
}

function makeArticle(id: number, slot: { day: number; event: Event; seed: number }, background: () => number, words: readonly string[]): ClusterInput {
  const random = rng(slot.seed * 7919 + 1);
  const { event } = slot;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const length = 150 + Math.floor(random() * 300);
  const sentences: string[] = [];
  let sentence: string[] = [];
  for (let i = 0; i < length; i++) {
    const r = random();
    sentence.push(r < 0.12 ? pick(event.words) : r < 0.16 ? pick(event.names) : r < 0.18 ? pick(event.numbers) : words[background()]!);
    if (sentence.length >= 12 + Math.floor(random() * 10)) {
      const s = sentence.join(' ');
      sentences.push(s[0]!.toUpperCase() + s.slice(1) + '.');
      sentence = [];
    }
  }
  const title = [pick(event.names), pick(event.words), words[background()]!, pick(event.words), pick(event.words)].join(' ');
  const date = new Date(Date.UTC(2024, 0, 1) + slot.day * 86_400_000).toISOString().slice(0, 10);
  return { id, title, text: sentences.join(' '), published: date };
}

export async function run(): Promise<void> {
  const slots = generateStream();
  const random = rng(7);
  const words = Array.from({ length: VOCABULARY }, () => makeWord(random));
  const background = zipf(VOCABULARY, 1.0, rng(9));
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const clusterer = new StoryClusterer();
  const perMark: number[] = [];
  let windowMs = 0;
  let totalMs = 0;
  let chars = 0;
  for (let i = 0; i < slots.length; i++) {
    const input = makeArticle(i + 1, slots[i]!, background, words);
    chars += input.text.length;
    // CPU time, not wall time: the machine may be shared.
    const t0 = process.cpuUsage();
    clusterer.assign(input);
    const used = process.cpuUsage(t0);
    const dt = (used.user + used.system) / 1000;
    totalMs += dt;
    const n = i + 1;
    const mark = MARKS.find((m) => n > m - WINDOW && n <= m);
    if (mark !== undefined) {
      windowMs += dt;
      if (n === mark) {
        perMark.push(windowMs / WINDOW);
        windowMs = 0;
      }
    }
  }
  global.gc?.();
  const heapAfter = process.memoryUsage().heapUsed;
  const stories = clusterer.stories();
  console.log('cluster bench: generated stream, full feature extraction, one core');
  console.log(`articles                    ${slots.length}`);
  console.log(`mean article chars          ${(chars / slots.length).toFixed(0)}`);
  console.log(`stories                     ${stories.length} (active ${stories.filter((s) => s.isActive).length})`);
  console.log(`articles/s (assign)         ${(slots.length / (totalMs / 1000)).toFixed(0)}`);
  MARKS.forEach((m, i) => console.log(`ms/assign at ${String(m / 1000).padStart(3)}k stored    ${perMark[i]!.toFixed(3)}`));
  console.log(`heap MB per 100k articles   ${(((heapAfter - heapBefore) / 1e6) * (100_000 / slots.length)).toFixed(1)}${global.gc ? '' : ' (no --expose-gc: approximate)'}`);
  await Promise.resolve();
}
