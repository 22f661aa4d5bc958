/**
 * Quantity extraction on NewsQuant (Almasian et al., "CQE: A Comprehensive Quantity Extractor",
 * EMNLP 2023): P/R/F1 of values and of values with normalised units, scored the way that set's
 * own evaluation script (CQE_Evaluation, evaluate_models.py `calculate_metrics`) scores them:
 * - values match with numpy.isclose (rtol 1e-5, atol 1e-8); a gold range "a-b" matches only a
 *   predicted range with both ends close;
 * - per sentence, gold quantities are sorted by unit; for each, the predictions are scanned in
 *   unit order; every value match counts for "value" (capped at the sentence's gold count), and the
 *   first prediction whose lower-cased unit also equals the gold unit counts for "value+unit" and is
 *   removed;
 * - P = correct / predicted, R = correct / gold.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { extractFigures, singularize, type Figure } from '../src/analyze/figures/index.js';

interface GoldQuantity {
  value: string;
  unit: string;
  normalized_unit: string;
  change: string;
}

interface Prediction {
  value: number | [number, number];
  unit: string;
}

type Value = number | [number, number];

function isClose(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-8 + 1e-5 * Math.abs(b);
}

function valuesMatch(gold: Value, model: Value): boolean {
  if (Array.isArray(gold) && Array.isArray(model)) return isClose(model[0], gold[0]) && isClose(model[1], gold[1]);
  if (Array.isArray(gold) || Array.isArray(model)) return false;
  return isClose(model, gold);
}

function decodeGold(q: GoldQuantity): Value {
  const v = q.value;
  if (!v.includes('E') && !v.startsWith('-') && v.includes('-')) {
    const [a, b] = v.split('-');
    return [Number(a), Number(b)];
  }
  return Number(v);
}

/** Our figure as that set writes quantities: the stated number, the normalised unit or noun lemma. */
function toPredictions(f: Figure): Prediction[] {
  const value: Value | null = f.value !== null ? f.value : f.low !== null && f.high !== null ? [f.low, f.high] : null;
  if (value === null) return [];
  const unit = f.noun ? f.noun.split(/\s+/).map((w) => singularize(w.toLowerCase())).join(' ') : f.unit || '-';
  const out: Prediction[] = [{ value, unit }];
  if (f.conversion) out.push({ value: f.conversion.value, unit: currencyName(f.conversion.currency) });
  return out;
}

function currencyName(code: string): string {
  const names: Record<string, string> = { USD: 'dollar', EUR: 'euro', GBP: 'pound sterling', JPY: 'japanese yen', CNY: 'chinese yuan' };
  return names[code] ?? code.toLowerCase();
}

interface Counts {
  gold: number;
  predicted: number;
  value: number;
  valueUnit: number;
}

function score(gold: GoldQuantity[], predictions: Prediction[], counts: Counts): void {
  counts.gold += gold.length;
  counts.predicted += predictions.length;
  const byUnit = <T extends { unit: string }>(xs: T[]): T[] => [...xs].sort((a, b) => (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0));
  let tags = byUnit(predictions.map((p) => ({ ...p, unit: p.unit.toLowerCase() })));
  const golds = [...gold].sort((a, b) => (a.normalized_unit < b.normalized_unit ? -1 : a.normalized_unit > b.normalized_unit ? 1 : 0));
  let remaining = gold.length;
  for (const g of golds) {
    const gv = decodeGold(g);
    const gu = g.normalized_unit.toLowerCase();
    for (const t of tags) {
      if (!valuesMatch(gv, t.value)) continue;
      if (remaining > 0) {
        counts.value += 1;
        remaining -= 1;
      }
      if (t.unit === gu) {
        counts.valueUnit += 1;
        tags = byUnit(tags.filter((x) => x !== t));
        break;
      }
    }
  }
}

function prf(correct: number, gold: number, predicted: number): [number, number, number] {
  const p = predicted ? correct / predicted : 0;
  const r = gold ? correct / gold : 0;
  const f = p + r ? (2 * p * r) / (p + r) : 0;
  return [p, r, f];
}

export async function run(sharedDir: string): Promise<void> {
  const file = path.join(sharedDir, 'eval-data', 'newsquant', 'formatted_test_set', 'NewsQuant.json');
  if (!existsSync(file)) {
    console.log(`quantities: skipped (no ${file})`);
    return;
  }
  const data = JSON.parse(readFileSync(file, 'utf8')) as Array<{ text: string; quantities: GoldQuantity[] }>;
  const counts: Counts = { gold: 0, predicted: 0, value: 0, valueUnit: 0 };
  for (const item of data) {
    const predictions = extractFigures([item.text], { includeAges: true }).flatMap(toPredictions);
    score(item.quantities, predictions, counts);
  }
  const line = (name: string, [p, r, f]: [number, number, number]): string =>
    `${name.padEnd(14)}P ${(p * 100).toFixed(1)}  R ${(r * 100).toFixed(1)}  F1 ${(f * 100).toFixed(1)}`;
  console.log(`quantities (NewsQuant: ${data.length} sentences, ${counts.gold} gold, ${counts.predicted} predicted)`);
  console.log(line('value', prf(counts.value, counts.gold, counts.predicted)));
  console.log(line('value+unit', prf(counts.valueUnit, counts.gold, counts.predicted)));
  console.log(`${'published CQE'.padEnd(14)}value F1 92.0  value+unit F1 85.6`);
  await Promise.resolve();
}
