/**
 * Story clustering evaluation: B-cubed precision / recall / F1 of the online clusterer, with its one
 * fixed configuration, in the stream's own order and over 5 shuffled arrival orders (mean and
 * spread = best − worst F1), on:
 *
 * - BASIL (eval-data/basil/clusters.jsonl): 300 dated articles, gold = triplet uuid, streamed by
 *   (date, doc_id). Development part: events of 2010–2014; held out: 2015–2019.
 * - ECB+ (eval-data/ecbplus/clusters.jsonl): 982 undated articles, gold = subtopic, streamed by
 *   (topic, document number, ecb before ecbplus): the two similar events of a topic interleaved.
 *   Development: topics 1–35; held out: 36–45 (the usual split).
 * - MEANTIME (eval-data/meantime/clusters.jsonl): 60 English articles and their Spanish, Italian
 *   and Dutch translations, gold = the English article; also the share of translation pairs that
 *   end in one story. Development: the airbus corpus; held out: the apple corpus.
 * - A generated stream (bench/event-stream.ts) of concurrent events sharing their participants in
 *   the same weeks. Development: seed 1; held out: seeds 2 and 3.
 *
 * Every stream is fed as a user's ingest feeds it: `assign` per article, then `settle()` at the end.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { StoryClusterer, scoreClustering, type ClusterConfig, type ClusterInput, type ClusteringScores } from '../src/cluster/index.js';
import { seededRandom } from '../src/core/random.js';
import { generateEventStream } from '../bench/event-stream.js';

export interface LabelledInput {
  input: ClusterInput;
  gold: string;
}

interface BasilRow {
  doc_id: string;
  cluster: string;
  date: string;
  title: string | null;
  text: string;
}

interface EcbRow {
  doc_id: string;
  topic: number;
  subtopic: string;
  text: string;
}

interface MeantimeRow {
  doc_id: string;
  event: string;
  lang: string;
  corpus: string;
  title: string;
  published: string;
  text: string;
}

function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}

const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function loadBasil(dir: string, firstId: number, keep: (year: number) => boolean): LabelledInput[] {
  const rows = readJsonl<BasilRow>(path.join(dir, 'clusters.jsonl'));
  // A triplet belongs to the part of its earliest date.
  const yearOf = new Map<string, number>();
  for (const r of rows) yearOf.set(r.cluster, Math.min(yearOf.get(r.cluster) ?? 9999, Number(r.date.slice(0, 4))));
  const kept = rows.filter((r) => keep(yearOf.get(r.cluster)!));
  kept.sort((a, b) => byKey(a.date, b.date) || byKey(a.doc_id, b.doc_id));
  return kept.map((r, i) => ({
    input: { id: firstId + i, title: r.title, text: r.text, published: r.date || null, language: 'en' },
    gold: `basil:${r.cluster}`,
  }));
}

/** doc_id "12_3ecbplus" → [12, 3, 1]. */
function ecbOrderKey(docId: string): [number, number, number] {
  const m = /^(\d+)_(\d+)(ecb(?:plus)?)$/.exec(docId);
  if (!m) return [Number.MAX_SAFE_INTEGER, 0, 0];
  return [Number(m[1]), Number(m[2]), m[3] === 'ecbplus' ? 1 : 0];
}

function loadEcb(dir: string, firstId: number, keep: (topic: number) => boolean): LabelledInput[] {
  const rows = readJsonl<EcbRow>(path.join(dir, 'clusters.jsonl')).filter((r) => keep(r.topic));
  rows.sort((a, b) => {
    const ka = ecbOrderKey(a.doc_id);
    const kb = ecbOrderKey(b.doc_id);
    return ka[0] - kb[0] || ka[1] - kb[1] || ka[2] - kb[2] || byKey(a.doc_id, b.doc_id);
  });
  return rows.map((r, i) => ({
    input: { id: firstId + i, title: null, text: r.text, published: null, language: 'en' },
    gold: `ecb:${r.subtopic}`,
  }));
}

function loadMeantime(dir: string, firstId: number, keep: (corpus: string) => boolean): LabelledInput[] {
  const rows = readJsonl<MeantimeRow>(path.join(dir, 'clusters.jsonl')).filter((r) => keep(r.corpus));
  rows.sort((a, b) => byKey(a.published, b.published) || byKey(a.event, b.event) || byKey(a.lang, b.lang));
  return rows.map((r, i) => ({
    input: { id: firstId + i, title: r.title, text: r.text, published: r.published, language: r.lang },
    gold: `meantime:${r.event}`,
  }));
}

/** Deterministic Fisher–Yates. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  const random = seededRandom(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export interface StreamResult extends ClusteringScores {
  ms: number;
  predicted: Map<number, number>;
}

/** Streams `items` through a fresh clusterer (then settles) and scores the result. */
export function clusterAndScore(items: readonly LabelledInput[], config?: Partial<ClusterConfig>): StreamResult {
  const clusterer = new StoryClusterer(config);
  // CPU time, not wall time: the machine may be shared.
  const t0 = process.cpuUsage();
  for (const it of items) clusterer.assign(it.input);
  clusterer.settle();
  const used = process.cpuUsage(t0);
  const ms = (used.user + used.system) / 1000;
  const predicted = new Map<number, number>();
  const gold = new Map<number, string>();
  for (const it of items) {
    predicted.set(it.input.id, clusterer.storyOf(it.input.id)!);
    gold.set(it.input.id, it.gold);
  }
  return { ...scoreClustering(predicted, gold), ms, predicted };
}

/** Share of same-gold pairs across languages that end in one story. */
export function translationPairsTogether(items: readonly LabelledInput[], predicted: ReadonlyMap<number, number>): number {
  const byGold = new Map<string, LabelledInput[]>();
  for (const it of items) {
    const list = byGold.get(it.gold) ?? [];
    list.push(it);
    byGold.set(it.gold, list);
  }
  let pairs = 0;
  let together = 0;
  for (const list of byGold.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        if (list[i]!.input.language === list[j]!.input.language) continue;
        pairs++;
        if (predicted.get(list[i]!.input.id) === predicted.get(list[j]!.input.id)) together++;
      }
    }
  }
  return pairs === 0 ? 1 : together / pairs;
}

export interface NamedStream {
  name: string;
  part: 'dev' | 'test' | 'all';
  items: LabelledInput[];
  multilingual?: boolean;
}

/** The named streams of the evaluation; data sets absent under `sharedDir` are left out. */
export function loadStreams(sharedDir: string): NamedStream[] {
  const root = path.join(sharedDir, 'eval-data');
  const out: NamedStream[] = [];
  const basilDir = path.join(root, 'basil');
  if (existsSync(path.join(basilDir, 'clusters.jsonl'))) {
    out.push({ name: 'basil', part: 'all', items: loadBasil(basilDir, 1_000_000, () => true) });
    out.push({ name: 'basil dev 2010-14', part: 'dev', items: loadBasil(basilDir, 1_000_000, (y) => y <= 2014) });
    out.push({ name: 'basil test 2015-19', part: 'test', items: loadBasil(basilDir, 1_000_000, (y) => y >= 2015) });
  }
  const ecbDir = path.join(root, 'ecbplus');
  if (existsSync(path.join(ecbDir, 'clusters.jsonl'))) {
    out.push({ name: 'ecb+ all', part: 'all', items: loadEcb(ecbDir, 2_000_000, () => true) });
    out.push({ name: 'ecb+ dev 1-35', part: 'dev', items: loadEcb(ecbDir, 2_000_000, (t) => t <= 35) });
    out.push({ name: 'ecb+ test 36-45', part: 'test', items: loadEcb(ecbDir, 2_000_000, (t) => t >= 36) });
  }
  const meantimeDir = path.join(root, 'meantime');
  if (existsSync(path.join(meantimeDir, 'clusters.jsonl'))) {
    out.push({ name: 'meantime', part: 'all', items: loadMeantime(meantimeDir, 3_000_000, () => true), multilingual: true });
    out.push({ name: 'meantime dev airbus', part: 'dev', items: loadMeantime(meantimeDir, 3_000_000, (c) => c.includes('airbus')), multilingual: true });
    out.push({ name: 'meantime test apple', part: 'test', items: loadMeantime(meantimeDir, 3_000_000, (c) => c.includes('apple')), multilingual: true });
  }
  return out;
}

/** The generated streams (no data needed). */
export function generatedStreams(): NamedStream[] {
  return [
    { name: 'generated dev (seed 1)', part: 'dev', items: generateEventStream({ seed: 1, firstId: 4_000_000 }) },
    { name: 'generated test (seed 2)', part: 'test', items: generateEventStream({ seed: 2, firstId: 4_000_000 }) },
    { name: 'generated test (seed 3)', part: 'test', items: generateEventStream({ seed: 3, firstId: 4_000_000 }) },
  ];
}

/** Arrival orders measured besides the stream's own. */
export const SHUFFLED_ORDERS = 5;

export interface StreamReport {
  name: string;
  docs: number;
  inOrder: StreamResult;
  shuffledF1: number[];
  pairsTogether: number | null;
}

export function evaluateStream(stream: NamedStream, config?: Partial<ClusterConfig>, orders = SHUFFLED_ORDERS): StreamReport {
  const inOrder = clusterAndScore(stream.items, config);
  const shuffledF1: number[] = [];
  for (let k = 0; k < orders; k++) shuffledF1.push(clusterAndScore(shuffled(stream.items, 7919 * (k + 1)), config).f1);
  return {
    name: stream.name,
    docs: stream.items.length,
    inOrder,
    shuffledF1,
    pairsTogether: stream.multilingual ? translationPairsTogether(stream.items, inOrder.predicted) : null,
  };
}

export async function run(sharedDir: string): Promise<void> {
  const streams = [...loadStreams(sharedDir), ...generatedStreams()];
  if (streams.length === 3) console.log(`clustering: eval-data not found under ${sharedDir}: only the generated streams`);
  console.log(`clustering (online then settled, one configuration): B-cubed P / R / F1 in stream order; F1 over ${SHUFFLED_ORDERS} shuffled orders (mean, spread = max − min)`);
  const pad = Math.max(...streams.map((s) => s.name.length)) + 2;
  console.log(
    `${'stream'.padEnd(pad)}${'docs'.padStart(6)}${'stories'.padStart(9)}${'P'.padStart(7)}${'R'.padStart(7)}${'F1'.padStart(7)}` +
      `${'F1 shuf'.padStart(9)}${'spread'.padStart(8)}${'pairs'.padStart(7)}${'art/cpu-s'.padStart(11)}`,
  );
  for (const stream of streams) {
    const r = evaluateStream(stream);
    const all = [r.inOrder.f1, ...r.shuffledF1];
    const mean = r.shuffledF1.reduce((a, b) => a + b, 0) / r.shuffledF1.length;
    const spread = Math.max(...all) - Math.min(...all);
    const rate = r.docs / (r.inOrder.ms / 1000);
    console.log(
      `${r.name.padEnd(pad)}${String(r.docs).padStart(6)}${String(r.inOrder.clusters).padStart(9)}` +
        `${r.inOrder.precision.toFixed(3).padStart(7)}${r.inOrder.recall.toFixed(3).padStart(7)}${r.inOrder.f1.toFixed(3).padStart(7)}` +
        `${mean.toFixed(3).padStart(9)}${spread.toFixed(3).padStart(8)}${(r.pairsTogether === null ? '' : r.pairsTogether.toFixed(3)).padStart(7)}${rate.toFixed(0).padStart(11)}`,
    );
  }
  console.log('spread: best − worst F1 over the stream order and the shuffled orders; pairs: translation pairs in one story');
  console.log('baselines (offline TF-IDF average-link, best threshold per set): B-cubed F1 ecb+ 0.875, basil 0.935');
  await Promise.resolve();
}
