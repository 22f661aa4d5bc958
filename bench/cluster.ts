/**
 * Story clustering benchmark on a generated stream (100,000 articles by default;
 * CLUSTER_BENCH_ARTICLES to change it). The stream imitates a news feed: events with Zipf-distributed
 * sizes (most events have one to three reports, a few have hundreds; 100k articles → about 22k
 * events) spread over 200 days, each belonging to one of 60 topics (sport, courts, …: shared topic
 * vocabulary). Every event has its own named entities (people/places never reused by another event),
 * its own rare words and numbers; articles of 150–450 words mix them with topic words and Zipf
 * background vocabulary, and carry a headline. Entity extraction is not skipped: every article goes
 * through the full feature extraction inside assign().
 *
 * Reports articles/s per core (CPU time of assign() only, generation excluded), the mean time per
 * assignment around 10k, 50k and 100k stored articles (flat is the goal), the heap held per 100,000
 * articles, and the B-cubed score against the generated events (a sanity check, not a quality
 * figure: generated events are easier than real ones).
 */
import { StoryClusterer, scoreClustering, type ClusterInput } from '../src/cluster/index.js';
import { seededRandom as rng } from '../src/core/random.js';

const ARTICLES = Number(process.env.CLUSTER_BENCH_ARTICLES ?? 100_000);
const VOCABULARY = 30_000;
const TOPICS = 60;
const TOPIC_WORDS = 40;
const EVENT_WORDS = 15;
const DAYS = 200;
/** Event sizes: P(size = r) ∝ r^-2 for r ≤ 1000 (mean ≈ 4.5 reports per event). */
const MAX_EVENT_SIZE = 1000;
const EVENT_SIZE_EXPONENT = 2;
const MARKS = [10_000, 50_000, 100_000].filter((m) => m <= ARTICLES);
/** Assignments timed before each mark. */
const WINDOW = 2_000;


const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'to', 'sa', 'vel', 'dor', 'pi', 'nu', 'gar', 'es', 'tin', 'bro', 'fa', 'lu', 'qua', 'zen', 'mor', 'ti', 'bel', 'ost', 'rim', 'ha'];

/** `count` distinct words of `minSyl`–`minSyl+2` syllables. */
function makeWords(count: number, minSyl: number, random: () => number): string[] {
  const seen = new Set<string>();
  while (seen.size < count) {
    const n = minSyl + Math.floor(random() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)]!;
    seen.add(w);
  }
  return [...seen];
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
  id: number;
  day: number;
  topic: readonly string[];
  words: string[];
  names: string[];
  numbers: string[];
}

interface Slot {
  day: number;
  event: Event;
  seed: number;
}

interface Stream {
  slots: Slot[];
  vocabulary: string[];
}

function generateStream(): Stream {
  const random = rng(42);
  const vocabulary = makeWords(VOCABULARY, 2, random);
  const topics = Array.from({ length: TOPICS }, () => Array.from({ length: TOPIC_WORDS }, () => vocabulary[200 + Math.floor(random() * 5_000)]!));
  const eventSize = zipf(MAX_EVENT_SIZE, EVENT_SIZE_EXPONENT, random);
  const topicOf = zipf(TOPICS, 0.8, random);
  // Names are never shared between events: each event draws its own from one pool without reuse.
  const maxEvents = ARTICLES;
  const namePool = makeWords(Math.min(3 * maxEvents, 400_000), 3, random).map((w) => w[0]!.toUpperCase() + w.slice(1));
  let nextName = 0;
  const slots: Slot[] = [];
  let id = 0;
  while (slots.length < ARTICLES) {
    const size = Math.min(ARTICLES - slots.length, 1 + eventSize());
    const name = (): string => namePool[nextName++ % namePool.length]!;
    const event: Event = {
      id: id++,
      day: Math.floor(random() * DAYS),
      topic: topics[topicOf()]!,
      // Rare event words: from the vocabulary's long tail.
      words: Array.from({ length: EVENT_WORDS }, () => vocabulary[5_000 + Math.floor(random() * (VOCABULARY - 5_000))]!),
      // Two people (first + last name) and a place.
      names: [`${name()} ${name()}`, `${name()} ${name()}`, name()],
      numbers: Array.from({ length: 3 }, () => String(10 + Math.floor(random() * 5000))),
    };
    for (let i = 0; i < size; i++) slots.push({ day: event.day + Math.floor(random() * 3), event, seed: slots.length });
  }
  slots.sort((a, b) => a.day - b.day || a.seed - b.seed);
  return { slots, vocabulary };
}

function makeArticle(id: number, slot: Slot, background: () => number, words: readonly string[]): ClusterInput {
  const random = rng(slot.seed * 7919 + 1);
  const { event } = slot;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const length = 150 + Math.floor(random() * 300);
  const sentences: string[] = [];
  let sentence: string[] = [];
  for (let i = 0; i < length; i++) {
    const r = random();
    sentence.push(r < 0.08 ? pick(event.words) : r < 0.12 ? pick(event.names) : r < 0.13 ? pick(event.numbers) : r < 0.25 ? pick(event.topic) : words[background()]!);
    if (sentence.length >= 12 + Math.floor(random() * 10)) {
      const s = sentence.join(' ');
      sentences.push(s[0]!.toUpperCase() + s.slice(1) + '.');
      sentence = [];
    }
  }
  const title = [pick(event.names), pick(event.words), pick(event.topic), pick(event.words)].join(' ');
  const date = new Date(Date.UTC(2024, 0, 1) + slot.day * 86_400_000).toISOString().slice(0, 10);
  return { id, title: title[0]!.toUpperCase() + title.slice(1), text: sentences.join(' '), published: date };
}

export async function run(): Promise<void> {
  const { slots, vocabulary } = generateStream();
  const background = zipf(VOCABULARY, 1.0, rng(9));
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const clusterer = new StoryClusterer();
  const perMark: number[] = [];
  let windowMs = 0;
  let totalMs = 0;
  let chars = 0;
  for (let i = 0; i < slots.length; i++) {
    const input = makeArticle(i + 1, slots[i]!, background, vocabulary);
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
  const predicted = new Map<number, number>();
  const gold = new Map<number, number>();
  slots.forEach((s, i) => {
    predicted.set(i + 1, clusterer.storyOf(i + 1)!);
    gold.set(i + 1, s.event.id);
  });
  const scores = scoreClustering(predicted, gold);
  console.log('cluster bench: generated stream, full feature extraction, one core');
  console.log(`articles                    ${slots.length}`);
  console.log(`mean article chars          ${(chars / slots.length).toFixed(0)}`);
  console.log(`events (generated)          ${new Set(gold.values()).size}`);
  console.log(`stories                     ${stories.length} (active ${stories.filter((s) => s.isActive).length})`);
  console.log(`B-cubed P / R / F1          ${scores.precision.toFixed(3)} / ${scores.recall.toFixed(3)} / ${scores.f1.toFixed(3)}`);
  console.log(`articles/s (assign, 1 core) ${(slots.length / (totalMs / 1000)).toFixed(0)}`);
  MARKS.forEach((m, i) => console.log(`ms/assign at ${String(m / 1000).padStart(3)}k stored   ${perMark[i]!.toFixed(3)}`));
  console.log(`heap MB per 100k articles   ${(((heapAfter - heapBefore) / 1e6) * (100_000 / slots.length)).toFixed(1)}${global.gc ? '' : ' (no --expose-gc: approximate)'}`);
  await Promise.resolve();
}
