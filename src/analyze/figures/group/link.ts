import { foldName } from '../../entities/index.js';
import { conflictReason, differenceReason, formatInterval, type Reading } from './compare.js';
import type { Item } from './items.js';

/** Two figures measure the same quantity only if their sentences share this many content words. */
export const MIN_SHARED_WORDS = 2;

const currencyCache = new WeakMap<Item, string[]>();
function currenciesOf(item: Item): string[] {
  let list = currencyCache.get(item);
  if (!list) {
    const f = item.figures[0]!;
    list = [f.currency ?? '', f.conversion?.currency ?? ''].filter(Boolean);
    currencyCache.set(item, list);
  }
  return list;
}

/** The buckets an item can be compared within: kind and unit, or for money each currency it gives. */
export function bucketsOf(item: Item): string[] {
  const f = item.figures[0]!;
  if (f.kind === 'money') return currenciesOf(item).map((c) => `money\u0000${c}`);
  return [`${f.kind}\u0000${f.unit}`];
}

/** The buckets an item meets readings of other languages in: its kind, whatever its counted noun. */
export function valueBucketsOf(item: Item): string[] {
  const f = item.figures[0]!;
  // People, roles and counted things meet in one bucket (see isKindCompatible).
  return OTHER_KINDS.has(f.kind) ? bucketsOf(item) : [...bucketsOf(item), `${f.kind}\u0000*`, 'counted\u0000*'];
}

function nameWords(names: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const n of names) for (const w of foldName(n).split(/[^\p{L}\p{N}]+/u)) if (w.length >= 3) out.add(w);
  return out;
}

const aboutCache = new WeakMap<Item, Set<string>>();
function aboutWords(item: Item): Set<string> {
  let words = aboutCache.get(item);
  if (!words) {
    words = nameWords(item.about);
    aboutCache.set(item, words);
  }
  return words;
}

/**
 * How alike two readings' measures are, or null when they cannot measure the same quantity:
 * - the same kind and unit (money: a currency in common, bracketed conversions included);
 * - not the same counted thing (`loss` / `investment`), predicate (`spent` / `repaid`), or whom or
 *   where (`Smith` / `Jones`), when both sides say it;
 * - sentences sharing at least {@link MIN_SHARED_WORDS} content words besides the figure's own.
 * The score adds the shared words, a matching predicate and a shared name.
 */
export function sameQuantityScore(a: Item, b: Item): number | null {
  // Across languages the measure's words cannot be compared: only the same value, with names or
  // words in common, links two readings; a difference across languages is never read.
  if (a.language !== b.language) return crossLanguageScore(a, b);
  const strict = differentValueScore(a, b);
  if (strict !== null) return strict;
  return sameValueScore(a, b);
}

/** The stated value of a reading, as a key: readings with one key may be one quantity told alike. */
export function valueKey(item: Item): string {
  const f = item.figures[0]!;
  const iv = item.interval;
  return item.figures.length === 1 && f.value !== null ? `${f.value}` : `${iv.low}-${iv.high}`;
}

/**
 * Readings that give the same value (`33 senators` / `33 senators`) need less to be one quantity:
 * the same kind, unit and value, no clash of measure, and one thing in common besides (the counted
 * thing, the predicate, a name or a content word). Such a link never makes a disagreement by itself.
 */
function sameValueScore(a: Item, b: Item): number | null {
  if (valueKey(a) !== valueKey(b) || !measuresMatch(a, b)) return null;
  const ma = a.figures[0]!.measure;
  const mb = b.figures[0]!.measure;
  const sharesHead = ma.head !== null && ma.head === mb.head;
  const sharesPredicate = ma.predicate !== null && ma.predicate === mb.predicate;
  let shared = 0;
  for (const s of a.stems) if (b.stems.has(s)) shared += 1;
  const wa = aboutWords(a);
  let sharesName = false;
  for (const w of aboutWords(b)) if (wa.has(w)) sharesName = true;
  if (!sharesHead && !sharesPredicate && !sharesName && shared === 0) return null;
  return 0.5 + shared * 0.1;
}

/** Kinds whose unit is a word of the text (a counted noun), not a unit every language shares. */
const WORD_UNITS = new Set(['count', 'people']);

/** Most anchors counted towards a cross-language link. */
const MIN_SHARED_NAMES = 2;

/**
 * Kinds two languages may give one quantity: the same, or people and counted things (one
 * language's bundle names a noun for people that another's does not), or a role and people.
 */
function isKindCompatible(a: string, b: string): boolean {
  if (a === b) return true;
  if (WORD_UNITS.has(a) && WORD_UNITS.has(b)) return true;
  const isRole = (k: string): boolean => !WORD_UNITS.has(k) && !OTHER_KINDS.has(k);
  return (isRole(a) && b === 'people') || (isRole(b) && a === 'people');
}
const OTHER_KINDS = new Set(['money', 'percentage', 'duration', 'measure', 'age', 'number']);

/**
 * Two readings in two languages: the same value, a compatible kind and the same unit, and
 * something in common besides: a name the figure is about, a content word, another number of the
 * sentence, or two of its names. A measurement in its unit or an amount of money, or a value few
 * figures share by chance, needs nothing more.
 */
function crossLanguageScore(a: Item, b: Item): number | null {
  const fa = a.figures[0]!;
  const fb = b.figures[0]!;
  if (!isKindCompatible(fa.kind, fb.kind) || valueKey(a) !== valueKey(b)) return null;
  if (fa.kind === 'money') {
    const cb = currenciesOf(b);
    if (!currenciesOf(a).some((c) => cb.includes(c))) return null;
  } else if (OTHER_KINDS.has(fa.kind) && fa.unit !== fb.unit) {
    // Units every language shares (`km`, `percentage`); a counted noun is a word of its language.
    return null;
  }
  if (fa.measure.predicate !== null && fb.measure.predicate !== null && fa.measure.predicate !== fb.measure.predicate) return null;
  let shared = 0;
  for (const s of a.stems) if (b.stems.has(s)) shared += 1;
  const wa = aboutWords(a);
  let sharesName = false;
  for (const w of aboutWords(b)) if (wa.has(w)) sharesName = true;
  let sharedValues = 0;
  let sharedNames = 0;
  for (const x of a.anchors) {
    if (!b.anchors.has(x)) continue;
    if (x.startsWith('v:')) sharedValues += 1;
    else sharedNames += 1;
  }
  // A value in a unit every language shares (`500 km`, `60%`, `two years`) or an amount of money
  // is specific enough on its own.
  const isSpecific = fa.kind === 'measure' || fa.kind === 'money' || fa.kind === 'percentage' || fa.kind === 'duration';
  const isAnchored = sharedValues >= 1 || sharedNames >= MIN_SHARED_NAMES || isCognate(fa.unit, fb.unit);
  return sharesName || shared >= 1 || isSpecific || isDistinctive(a) || isAnchored ? 0.4 + shared * 0.1 + sharedValues * 0.1 : null;
}

/** Shortest common beginning for two counted nouns of two languages to be cognates (`plant` / `planta`, `state` / `staat`). */
const MIN_COGNATE_PREFIX = 4;

/**
 * Counted nouns of two languages that share their beginning (`plant` / `plant` from `plantas`,
 * `podcast` / `podcasts`, `model` / `modell`), accents folded: the same word in two languages.
 */
function isCognate(a: string, b: string): boolean {
  const fold = (w: string): string => foldName(w).replace(/[^\p{L}]/gu, '');
  const x = fold(a);
  const y = fold(b);
  if (x.length < MIN_COGNATE_PREFIX || y.length < MIN_COGNATE_PREFIX) return false;
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return n >= MIN_COGNATE_PREFIX && n >= Math.min(x.length, y.length) - 1;
}

/**
 * A value few other figures of a story would share by chance: not a small or round number
 * (`179`, `1,500`, `2.15 billion`; not `3`, `40`, `300`, `10 billion`).
 */
function isDistinctive(item: Item): boolean {
  const iv = item.interval;
  const value = iv.low ?? iv.high;
  if (value === null) return false;
  const digits = String(Math.abs(value)).replace('.', '').replace(/^0+/, '').replace(/0+$/, '').length;
  return digits >= 2 && !(value < 100 && value % 10 === 0) && value > 12;
}

/** Same kind and unit, and no clash of counted thing, predicate, or whom/where. */
function measuresMatch(a: Item, b: Item): boolean {
  const fa = a.figures[0]!;
  const fb = b.figures[0]!;
  if (fa.kind !== fb.kind) return false;
  if (fa.kind === 'money') {
    const cb = currenciesOf(b);
    if (!currenciesOf(a).some((c) => cb.includes(c))) return false;
  } else if (fa.unit !== fb.unit) {
    return false;
  }
  const ma = fa.measure;
  const mb = fb.measure;
  if (ma.head !== null && mb.head !== null && ma.head !== mb.head) return false;
  if (modifiersClash(ma.counted, mb.counted)) return false;
  if (ma.predicate !== null && mb.predicate !== null && ma.predicate !== mb.predicate) return false;
  const wa = aboutWords(a);
  const wb = aboutWords(b);
  if (wa.size === 0 || wb.size === 0) return true;
  for (const w of wa) if (wb.has(w)) return true;
  return false;
}

/**
 * `federal taxes` / `state taxes`, `American troops` / `British troops`: one head, but both
 * phrases qualify it and share no qualifier, so they count different things.
 */
const modifierCache = new Map<string, string[]>();
function modifiersOf(counted: string): string[] {
  let words = modifierCache.get(counted);
  if (!words) {
    words = foldName(counted).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 2).slice(0, -1);
    if (modifierCache.size > 10_000) modifierCache.clear();
    modifierCache.set(counted, words);
  }
  return words;
}

function modifiersClash(a: string | null, b: string | null): boolean {
  if (a === null || b === null || a === b) return false;
  const wa = modifiersOf(a);
  const wb = modifiersOf(b);
  if (wa.length === 0 || wb.length === 0) return false;
  return !wa.some((w) => wb.includes(w));
}

/** The score of two readings that may give different values (see {@link sameQuantityScore}), or null. */
function differentValueScore(a: Item, b: Item): number | null {
  if (!measuresMatch(a, b)) return null;
  const fa = a.figures[0]!;
  const ma = fa.measure;
  const mb = b.figures[0]!.measure;
  // An amount (money, a share, a measurement) says what it measures through what it is of: a story
  // holds many amounts, and two different ones are one quantity only when both name the same
  // counted thing (`$5 million in fees` / `$6 million in fees`); a shared verb is not enough.
  const isAmount = fa.kind === 'money' || fa.kind === 'percentage' || fa.kind === 'measure' || fa.kind === 'duration';
  if (isAmount && !(ma.head !== null && ma.head === mb.head)) return null;
  const wa = aboutWords(a);
  let sharesName = false;
  for (const w of aboutWords(b)) if (wa.has(w)) sharesName = true;
  let shared = 0;
  for (const s of a.stems) if (b.stems.has(s)) shared += 1;
  if (shared < MIN_SHARED_WORDS) return null;
  return shared + (ma.predicate !== null && ma.predicate === mb.predicate ? 2 : 0) + (sharesName ? 1 : 0);
}

const readingCache = new WeakMap<Item, Reading>();
export function readingOf(item: Item): Reading {
  let reading = readingCache.get(item);
  if (!reading) {
    reading = { ...item.interval, figures: item.figures };
    readingCache.set(item, reading);
  }
  return reading;
}

function overlaps(a: Item['asOf'], b: Item['asOf']): boolean {
  return a === null || b === null || (a.start <= b.end && b.start <= a.end);
}

/**
 * True when two readings of one source cannot be one quantity: a source does not contradict
 * itself at one time, so an article giving two different values for what looks like one measure
 * is giving two measures (`14 plants` closing and `two plants` kept).
 */
export function isCannotLink(a: Item, b: Item): boolean {
  if (a.sourceKey !== b.sourceKey || !overlaps(a.asOf, b.asOf)) return false;
  // "23 treated, up from 14": the source itself names one value as superseded by the other.
  if (a.isEarlier !== b.isEarlier) return false;
  // Values that cannot both be true; one article may round one figure two ways in two sentences
  // ("some 30", "nearly three dozen"), but two values in one sentence are two quantities.
  if (conflictReason(readingOf(a), readingOf(b), '', '') !== null) return true;
  const fa = a.figures[0]!;
  const fb = b.figures[0]!;
  return fa.paragraph === fb.paragraph && fa.sentence === fb.sentence && differenceReason(readingOf(a), readingOf(b), '', '') !== null;
}

/** `[18, ∞)` for an item. */
export function boundsOf(item: Item): string {
  return formatInterval(item.interval);
}
