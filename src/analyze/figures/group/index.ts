import { createUnionFind } from '../../../core/union-find.js';
import type { ArticleFigures, FigureConflict, FigureGroup, FigureReport, FigureVerdict } from '../types.js';
import { conflictReason, differenceReason, formatInterval } from './compare.js';
import { buildItems, type Item } from './items.js';
import { boundsOf, bucketsOf, isCannotLink, MIN_SHARED_WORDS, readingOf, sameQuantityScore, valueBucketsOf, valueKey } from './link.js';

export { formatInterval, MONEY_TOLERANCE } from './compare.js';
export { MIN_SHARED_WORDS } from './link.js';

/**
 * Groups the figures of a story's articles by the quantity they measure and compares them.
 *
 * 1. Readings: each comparable figure of an article (something measured, not attributive), the
 *    parts of one count in one sentence summed (`18 in one town and 3 in another` = 21).
 * 2. Same quantity ({@link sameQuantityScore}): same kind and unit, no clash of counted thing,
 *    predicate or whom/where, and shared context words. Readings are linked best match first
 *    (Kruskal), never joining two readings of one source that disagree with each other: one
 *    source at one time does not contradict itself, so those are two quantities.
 * 3. Verdict: pairs of readings from different independent sources (copy groups) at overlapping
 *    times are compared (`conflict`: cannot both be true; `differ`: different counts beyond
 *    rounding and hedges); different values at different times are an `update` (a series), and so
 *    are a value its sentence names as earlier (`up from 14`) and a growing count (a toll, the
 *    injured) that a later report of the same day gives higher; one source only is `single`.
 * Deterministic.
 */
export function groupFigures(perArticle: readonly ArticleFigures[]): FigureGroup[] {
  const items = buildItems(perArticle);
  const find = linkItems(items);
  const byRoot = new Map<number, Item[]>();
  items.forEach((item, i) => {
    const root = find(i);
    const list = byRoot.get(root) ?? [];
    list.push(item);
    byRoot.set(root, list);
  });
  const groups = [...byRoot.values()].map((members) => toGroup(members, perArticle));
  return groups.sort(
    (x, y) => y.sources - x.sources || x.kind.localeCompare(y.kind) || x.unit.localeCompare(y.unit) || x.caption.localeCompare(y.caption),
  );
}

/** Classes with the same value each one is compared with (see linkItems). */
const MAX_SAME_VALUE_CANDIDATES = 24;

interface Edge {
  a: number;
  b: number;
  score: number;
}

/** Identical readings (wire copies) form one class; classes are linked best score first under the cannot-link rule. */
function linkItems(items: readonly Item[]): (i: number) => number {
  const { find, union } = createUnionFind(items.length);
  // Classes of identical items: same buckets, measure, reading and words.
  const classes: Array<{ rep: Item; members: number[] }> = [];
  const byKey = new Map<string, { rep: Item; members: number[] }>();
  items.forEach((item, i) => {
    const f = item.figures[0]!;
    const key = [
      bucketsOf(item).join('\u0001'), item.sourceKey, boundsOf(item), f.measure.head, f.measure.predicate, item.about.join('|'),
      JSON.stringify(item.asOf), [...item.stems].sort().join(' '),
    ].join('\u0002');
    const c = byKey.get(key);
    if (c) c.members.push(i);
    else {
      const created = { rep: item, members: [i] };
      byKey.set(key, created);
      classes.push(created);
    }
  });
  for (const c of classes) for (const i of c.members) union(i, c.members[0]!);

  // Candidate pairs: classes sharing a bucket and one of their rarer words (prefix filter).
  const df = new Map<string, number>();
  for (const c of classes) for (const s of c.rep.stems) df.set(s, (df.get(s) ?? 0) + 1);
  const postings = new Map<string, number[]>();
  const prefixes = classes.map((c, k) => {
    const words = [...c.rep.stems].sort((x, y) => (df.get(x) ?? 0) - (df.get(y) ?? 0) || (x < y ? -1 : 1));
    for (const b of bucketsOf(c.rep)) {
      for (const w of words) {
        const key = `${b}\u0003${w}`;
        const list = postings.get(key) ?? [];
        list.push(k);
        postings.set(key, list);
      }
    }
    return words.slice(0, Math.max(0, words.length - MIN_SHARED_WORDS + 1));
  });
  // Readings of one value are candidates too, whatever their words (see sameValueScore).
  const byValue = new Map<string, number[]>();
  classes.forEach((c, k) => {
    for (const b of valueBucketsOf(c.rep)) {
      const key = `${b}\u0004${valueKey(c.rep)}`;
      byValue.set(key, [...(byValue.get(key) ?? []), k]);
    }
  });
  const edges: Edge[] = [];
  const seen = new Int32Array(classes.length).fill(-1);
  classes.forEach((c, k) => {
    for (const b of bucketsOf(c.rep)) {
      for (const w of prefixes[k] ?? []) {
        for (const l of postings.get(`${b}\u0003${w}`) ?? []) {
          // Every pair sharing MIN_SHARED_WORDS words shares one of the first's prefix words.
          if (l <= k || seen[l] === k) continue;
          seen[l] = k;
          const score = sameQuantityScore(c.rep, classes[l]!.rep);
          if (score !== null) edges.push({ a: k, b: l, score });
        }
      }
    }
    // One value repeated by hundreds of articles: linking each to the next few that match is
    // enough for single link, and keeps this linear in the story's size.
    for (const b of valueBucketsOf(c.rep)) {
      let tried = 0;
      for (const l of byValue.get(`${b}\u0004${valueKey(c.rep)}`) ?? []) {
        if (l <= k || seen[l] === k) continue;
        if (++tried > MAX_SAME_VALUE_CANDIDATES) break;
        seen[l] = k;
        const score = sameQuantityScore(c.rep, classes[l]!.rep);
        if (score !== null) edges.push({ a: k, b: l, score });
      }
    }
  });
  edges.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);

  // Components of classes, each with its classes by source: the cannot-link check compares only
  // classes of one source, so a union costs what the shared sources hold, not both components.
  const comp = classes.map((c, k) => new Map([[c.rep.sourceKey, [k]]]));
  const owner = classes.map((_, k) => k);
  const size = classes.map(() => 1);
  for (const e of edges) {
    const ca = owner[e.a]!;
    const cb = owner[e.b]!;
    if (ca === cb) continue;
    const [big, small] = size[ca]! >= size[cb]! ? [ca, cb] : [cb, ca];
    const A = comp[big]!;
    const B = comp[small]!;
    let clash = false;
    for (const [source, ks] of B) {
      const others = A.get(source);
      if (others && ks.some((x) => others.some((y) => isCannotLink(classes[x]!.rep, classes[y]!.rep)))) {
        clash = true;
        break;
      }
    }
    if (clash) continue;
    for (const [source, ks] of B) {
      const list = A.get(source);
      if (list) list.push(...ks);
      else A.set(source, ks);
      for (const k of ks) owner[k] = big;
    }
    size[big] = size[big]! + size[small]!;
    comp[small] = new Map();
    union(classes[e.a]!.members[0]!, classes[e.b]!.members[0]!);
  }
  return find;
}

function toGroup(members: readonly Item[], perArticle: readonly ArticleFigures[]): FigureGroup {
  const seen = new Set<string>();
  const kept: Item[] = [];
  for (const m of members) {
    // The same article repeating the same reading is one report.
    const key = `${m.article}|${boundsOf(m)}|${m.figures[0]!.currency ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(m);
  }
  const reports: FigureReport[] = kept.map((m) => {
    const art = perArticle[m.article];
    return {
      articleId: art?.articleId ?? m.article,
      source: art?.source ?? null,
      sourceKey: m.sourceKey,
      asOf: m.asOf?.end ?? null,
      isEarlier: m.isEarlier,
      figures: m.figures,
      ...m.interval,
      bounds: formatInterval(m.interval),
    };
  });
  const { conflicts, differences, changes } = comparePairs(kept, reports);
  const sources = new Set(kept.map((m) => m.sourceKey)).size;
  const verdict: FigureVerdict =
    sources < 2 ? 'single' : conflicts.length > 0 ? 'conflict' : differences.length > 0 ? 'differ' : changes ? 'update' : 'agree';
  const head = kept[0]!.figures[0]!;
  return {
    kind: head.kind,
    unit: head.unit,
    // A caption read from the text beats one made of the unit.
    caption: mostCommon(kept.filter((m) => m.figures[0]!.measure.counted !== null).map((m) => m.figures[0]!.measure.caption)) || mostCommon(kept.map((m) => m.figures[0]!.measure.caption)),
    measure: {
      counted: mostCommon(kept.map((m) => m.figures[0]!.measure.counted).filter((c): c is string => c !== null)) || null,
      head: kept.map((m) => m.figures[0]!.measure.head).find((h) => h !== null) ?? null,
      predicate: kept.map((m) => m.figures[0]!.measure.predicate).find((p) => p !== null) ?? null,
      about: [...new Set(kept.flatMap((m) => m.about))],
    },
    reports,
    sources,
    verdict,
    isDisagreement: verdict === 'conflict' || verdict === 'differ',
    conflicts,
    differences,
    series: changes ? reports.map((_, i) => i).sort((x, y) => compareInTime(kept[x]!, kept[y]!) || x - y) : [],
  };
}

/** Time order of two readings: by the day they refer to, an earlier value first, then by publication instant. */
function compareInTime(a: Item, b: Item): number {
  const day = (a.asOf?.end ?? '').localeCompare(b.asOf?.end ?? '');
  if (day !== 0) return day;
  if (a.isEarlier !== b.isEarlier) return a.isEarlier ? -1 : 1;
  return (a.publishedAt ?? 0) - (b.publishedAt ?? 0);
}

/**
 * Roles whose counts accumulate while an event unfolds (a toll, the injured, arrests): a later
 * report with a higher count updates an earlier one. Missing people are found, so that count also
 * falls: it is not among them.
 */
const GROWING_ROLES: ReadonlySet<string> = new Set(['killed', 'injured', 'arrested', 'displaced', 'evacuated', 'rescued', 'hospitalized']);
/** Reports published this close together (ms) are simultaneous: their counts are compared as of one time. */
const SIMULTANEOUS_MS = 60 * 60 * 1000;

/**
 * Whether two readings of a growing count from reports of one day are an update: both reports
 * state their time of day, they are not simultaneous, and the later one is not lower. Without
 * both times the order is unknown and the readings are compared as of one time.
 */
function isGrowth(a: Item, b: Item): boolean {
  const kind = a.figures[0]!.kind;
  if (!GROWING_ROLES.has(kind) || a.publishedAt === null || b.publishedAt === null) return false;
  if (Math.abs(a.publishedAt - b.publishedAt) < SIMULTANEOUS_MS) return false;
  const [earlier, later] = a.publishedAt < b.publishedAt ? [a, b] : [b, a];
  const least = (i: Item): number => i.interval.low ?? i.interval.high ?? 0;
  return least(later) >= least(earlier);
}

function mostCommon(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? '';
}

function hasStatedCount(item: Item): boolean {
  return item.figures.length > 1 || item.figures.every((f) => f.value !== null);
}

/** A day either side when one reading dates its own event: "on Tuesday" in a Wednesday report is that report's time. */
const EXPLICIT_TIME_SLACK_DAYS = 1;

function shiftDay(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : new Date(d.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Whether two readings refer to one time. Readings dated only by their articles must share a day
 * (a toll reported again a day later is an update); a reading that dates its own event is given a
 * day's slack against the other.
 */
export function isSameTime(a: Item, b: Item): boolean {
  if (a.asOf === null || b.asOf === null) return true;
  const slack = a.asOf.explicit || b.asOf.explicit ? EXPLICIT_TIME_SLACK_DAYS : 0;
  return shiftDay(a.asOf.start, -slack) <= b.asOf.end && shiftDay(b.asOf.start, -slack) <= a.asOf.end;
}

/**
 * Compares each distinct reading once (large stories repeat a reading hundreds of times): pairs
 * of readings from different sources at the same time give conflicts and differences; a different
 * value at another time is a change.
 */
function comparePairs(items: readonly Item[], reports: readonly FigureReport[]): { conflicts: FigureConflict[]; differences: FigureConflict[]; changes: boolean } {
  const conflicts: FigureConflict[] = [];
  const differences: FigureConflict[] = [];
  let changes = false;
  // Distinct readings (value, currency, conversion, time), each with one report per source.
  const distinct = new Map<string, Map<string, number>>();
  items.forEach((m, i) => {
    const f = m.figures[0]!;
    const key = `${reports[i]!.bounds}|${f.currency ?? ''}|${f.conversion ? `${f.conversion.value}${f.conversion.currency}` : ''}|${JSON.stringify(m.asOf)}|${m.isEarlier ? 'earlier' : ''}|${m.publishedAt ?? ''}`;
    const bySource = distinct.get(key) ?? new Map<string, number>();
    if (!bySource.has(m.sourceKey)) bySource.set(m.sourceKey, i);
    distinct.set(key, bySource);
  });
  const readings = [...distinct.values()];
  for (let x = 0; x < readings.length; x++) {
    for (let y = x + 1; y < readings.length; y++) {
      const rx = readings[x]!;
      const ry = readings[y]!;
      // A pair of reports of these two readings from two different sources in one language, if
      // there is one: hedges do not translate one to one ("more than 100" / "100"), so readings
      // of two languages are linked only on one value and never flagged.
      let pair: [number, number] | null = null;
      for (const [sx, a] of rx) {
        for (const [sy, b] of ry) {
          if (sx !== sy && items[a]!.language === items[b]!.language) {
            pair = [a, b];
            break;
          }
        }
        if (pair) break;
      }
      if (pair === null) continue;
      const [a, b] = pair;
      const ia = items[a]!;
      const ib = items[b]!;
      // Two vague readings (`dozens` / `hundreds`, two ranges) state no count to disagree on.
      if (!hasStatedCount(ia) && !hasStatedCount(ib)) continue;
      const ra = readingOf(ia);
      const rb = readingOf(ib);
      const ba = reports[a]!.bounds;
      const bb = reports[b]!.bounds;
      const conflict = conflictReason(ra, rb, ba, bb);
      const difference = conflict === null ? differenceReason(ra, rb, ba, bb) : null;
      if (conflict === null && difference === null) continue;
      // A value its sentence names as earlier ("up from 14"), a count that grew between two
      // reports, or readings of different times: a series, never a disagreement.
      if (ia.isEarlier || ib.isEarlier || !isSameTime(ia, ib) || isGrowth(ia, ib)) {
        changes = true;
        continue;
      }
      if (conflict !== null) conflicts.push({ a, b, reason: conflict });
      else differences.push({ a, b, reason: difference! });
    }
  }
  return { conflicts, differences, changes };
}
