/**
 * Article-extraction quality on the labelled pages in eval-data/article-extraction, scored with
 * that benchmark's own metric: tokens = `\w+` (Unicode), 4-gram shingle multisets, per-document
 * tp/fp/fn normalised to sum 1, P = Σtp/(Σtp+Σfp), R = Σtp/(Σtp+Σfn), F1 from P and R;
 * accuracy = share of documents whose token list equals the truth.
 * Prints our extractor, plain linkedom+Readability on the same pages, and a scorer check
 * (the folder's Readability.js 0.6.0 predictions; published F1 0.947).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { extractHtml } from '../src/extract/index.js';

const SHINGLE_SIZE = 4;

interface Truth {
  articleBody: string;
  url: string;
}

export interface Score {
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
  docs: number;
}

/** Python's `re.findall(r'\w+', text)` with Unicode `\w`. */
export function tokenize(text: string): string[] {
  return text.match(/[\p{L}\p{N}_]+/gu) ?? [];
}

function shingles(tokens: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  const n = Math.max(1, tokens.length - SHINGLE_SIZE + 1);
  for (let i = 0; i < n; i++) {
    const key = tokens.slice(i, i + SHINGLE_SIZE).join('\u0001');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Per-document tp/fp/fn over shingle multisets, normalised to sum 1. */
export function shingleMatch(truth: string, prediction: string): { tp: number; fp: number; fn: number } {
  const t = shingles(tokenize(truth));
  const p = shingles(tokenize(prediction));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [k, c] of p) {
    const tc = t.get(k) ?? 0;
    tp += Math.min(c, tc);
    fp += Math.max(0, c - tc);
  }
  for (const [k, c] of t) fn += Math.max(0, c - (p.get(k) ?? 0));
  const sum = tp + fp + fn;
  return sum === 0 ? { tp: 0, fp: 0, fn: 0 } : { tp: tp / sum, fp: fp / sum, fn: fn / sum };
}

/** The benchmark's corpus-level score of predictions (id → text) against the truth. */
export function scorePredictions(truth: ReadonlyMap<string, string>, predictions: ReadonlyMap<string, string>): Score {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let exact = 0;
  for (const [id, body] of truth) {
    const predicted = predictions.get(id) ?? '';
    const m = shingleMatch(body, predicted);
    tp += m.tp;
    fp += m.fp;
    fn += m.fn;
    if (tokenize(body).join(' ') === tokenize(predicted).join(' ')) exact++;
  }
  const precision = tp / (tp + fp || 1);
  const recall = tp / (tp + fn || 1);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, accuracy: exact / (truth.size || 1), docs: truth.size };
}

function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

function plainReadability(html: string): string {
  const { document } = parseHTML(html);
  try {
    return new Readability(document).parse()?.textContent ?? '';
  } catch {
    return '';
  }
}

function readPredictions(path: string): Map<string, string> {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  const output = (raw['output'] && typeof raw['output'] === 'object' ? raw['output'] : raw) as Record<string, { articleBody?: string }>;
  return new Map(Object.entries(output).map(([id, v]) => [id, v.articleBody ?? '']));
}

function line(name: string, value: string): string {
  return `${name.padEnd(38)}${value}`;
}

function formatScore(s: Score): string {
  return `F1 ${s.f1.toFixed(3)}  P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  accuracy ${s.accuracy.toFixed(3)}`;
}

interface GoldenExpectation {
  url: string;
  first: string;
  last: string;
  contains?: string[];
  excludes?: string[];
}

/** Whether a text has the golden page's article and none of its furniture. */
function meetsGolden(text: string, expected: GoldenExpectation): boolean {
  const flat = text.replace(/\s+/g, ' ');
  const wanted = [expected.first, expected.last, ...(expected.contains ?? [])];
  return wanted.every((w) => flat.includes(w)) && !(expected.excludes ?? []).some((x) => flat.includes(x));
}

/**
 * The golden pages of test/fixtures/extract (invented pages, one per way extraction goes wrong):
 * how many crosscheck and plain Readability get right (the article, no furniture).
 */
function goldenPages(): void {
  const root = join(import.meta.dirname, '..', 'test', 'fixtures', 'extract');
  const slugs = readdirSync(root).filter((slug) => existsSync(join(root, slug, 'expected.json'))).sort();
  let ours = 0;
  let plain = 0;
  const plainMisses: string[] = [];
  for (const slug of slugs) {
    const html = readFileSync(join(root, slug, 'source.html'), 'utf8');
    const expected = JSON.parse(readFileSync(join(root, slug, 'expected.json'), 'utf8')) as GoldenExpectation;
    if (meetsGolden(extractHtml(html, { url: expected.url })?.paragraphs.join('\n') ?? '', expected)) ours++;
    if (meetsGolden(plainReadability(html), expected)) plain++;
    else plainMisses.push(slug);
  }
  console.log(line('golden pages (test/fixtures/extract)', `crosscheck ${ours}/${slugs.length}, plain Readability ${plain}/${slugs.length} (misses: ${plainMisses.join(', ')})`));
}

// eslint-disable-next-line @typescript-eslint/require-await -- the eval interface is async; this one is synchronous inside.
export async function run(sharedDir: string): Promise<void> {
  goldenPages();
  const dir = join(sharedDir, 'eval-data', 'article-extraction');
  if (!existsSync(join(dir, 'ground-truth.json'))) {
    console.log(`extraction: skipped (${dir} not found)`);
    return;
  }
  const truthRaw = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, Truth>;
  const truth = new Map(Object.entries(truthRaw).map(([id, v]) => [id, v.articleBody]));
  const pages = readdirSync(join(dir, 'html'))
    .filter((f) => f.endsWith('.html.gz'))
    .sort()
    .map((f) => ({ id: f.slice(0, -'.html.gz'.length), html: gunzipSync(readFileSync(join(dir, 'html', f))).toString('utf8') }));

  const ours = new Map<string, string>();
  let nulls = 0;
  // CPU time, not wall time: the figure is per core and holds on a busy machine.
  let started = cpuSeconds();
  for (const page of pages) {
    const article = extractHtml(page.html, { url: truthRaw[page.id]?.url ?? '' });
    if (!article) nulls++;
    ours.set(page.id, article ? article.paragraphs.join('\n') : '');
  }
  const coldSeconds = cpuSeconds() - started;
  // A second, warm pass (JIT compiled, tables loaded) is the steady-state speed.
  started = cpuSeconds();
  for (const page of pages) extractHtml(page.html, { url: truthRaw[page.id]?.url ?? '' });
  const oursSeconds = cpuSeconds() - started;

  const baseline = new Map<string, string>();
  started = cpuSeconds();
  for (const page of pages) baseline.set(page.id, plainReadability(page.html));
  const baselineSeconds = cpuSeconds() - started;

  console.log(`extraction: ${pages.length} pages, token 4-gram shingles (article-extraction-benchmark metric)`);
  console.log(line('crosscheck extractHtml', formatScore(scorePredictions(truth, ours))));
  console.log(line('linkedom + Readability (plain)', formatScore(scorePredictions(truth, baseline))));
  const reference = join(dir, 'output', 'readability_js.json');
  if (existsSync(reference)) {
    console.log(line('scorer check: readability_js.json', `${formatScore(scorePredictions(truth, readPredictions(reference)))}  (published F1 0.947)`));
  }
  console.log(line('crosscheck pages/s per core', `${(pages.length / oursSeconds).toFixed(1)} warm, ${(pages.length / coldSeconds).toFixed(1)} cold`));
  console.log(line('plain Readability pages/s per core', `${(pages.length / baselineSeconds).toFixed(1)} (warm)`));
  console.log(line('crosscheck null results', String(nulls)));
  if (process.env['CROSSCHECK_EVAL_DUMP']) {
    const rows = [...truth].map(([id, body]) => {
      const m = shingleMatch(body, ours.get(id) ?? '');
      return { id, p: m.tp / (m.tp + m.fp || 1), r: m.tp / (m.tp + m.fn || 1) };
    });
    rows.sort((a, b) => a.p + a.r - (b.p + b.r));
    for (const r of rows.slice(0, Number(process.env['CROSSCHECK_EVAL_DUMP']))) {
      console.log(line(`  worst ${r.id.slice(0, 12)}`, `P ${r.p.toFixed(3)}  R ${r.r.toFixed(3)}`));
    }
  }
}
