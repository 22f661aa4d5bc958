import { foldName } from '../../entities/index.js';
import { analysisLanguage, contentTerms, stemOf } from '../../text.js';
import type { ArticleFigures, Figure } from '../types.js';
import { intervalOf, sumIntervals, type Interval } from './compare.js';

/** Longest stretch (characters) between two parts of one count in a sentence. */
const MAX_PART_GAP_CHARS = 80;
// English words that say nothing about which quantity a figure measures.
const NEUTRAL = ['said', 'say', 'told', 'report', 'official', 'according', 'number', 'total'];

/** One reading of one article: a figure, or the parts of one count told in one sentence. */
export interface Item {
  /** Index of the article in the input. */
  article: number;
  /** Independent source: the copy group, else the article. */
  sourceKey: string;
  /** The article's language: the measure's words compare only within one language. */
  language: string;
  figures: Figure[];
  interval: Interval;
  /** Content words of the sentence, minus the figure's own words: what the sentences share. */
  stems: Set<string>;
  /** Names the reading is about (all parts'). */
  about: string[];
  /**
   * ISO days the reading refers to: the figure's own time (`explicit`), else its article's
   * publication day; null when unknown.
   */
  asOf: { start: string; end: string; explicit: boolean } | null;
  /**
   * What anchors the reading in its sentence across languages: the values of the sentence's other
   * numbers (`v:…`) and its names (`n:…`, capitalised words after the first, folded).
   */
  anchors: Set<string>;
  /** Publication instant (ms since the epoch) when the article's time of day is known, else null. */
  publishedAt: number | null;
  /** True when the sentence names the value as earlier or superseded (`up from 12`). */
  isEarlier: boolean;
}

// A figure's sentence words, minus its unit and noun: computed once per figure object.
const stemCache = new WeakMap<Figure, Set<string>>();

function stemsOf(figure: Figure, language: string | null | undefined): Set<string> {
  const cached = stemCache.get(figure);
  if (cached) return cached;
  const stems = contentTerms(figure.sentence, language);
  for (const w of [figure.unit, ...(figure.noun ?? '').split(/\s+/), ...(figure.measure.counted ?? '').split(/\s+/)]) stems.delete(stemOf(w, language));
  for (const s of NEUTRAL) stems.delete(stemOf(s, 'en'));
  stemCache.set(figure, stems);
  return stems;
}

/** Figures that can be compared at all: something measured, not attributive, not a bare number, not one thing. */
export function isComparable(f: Figure): boolean {
  // "one important difference", "one component": one counted thing is an article, not a figure.
  const isOneThing = f.kind === 'count' && f.value === 1 && f.low === 1 && f.high === 1;
  return !f.attributive && !isOneThing && f.kind !== 'number' && (f.unit !== '' || f.kind === 'money');
}

/**
 * `18 people in one town and 3 in another`: counts of people or things of one measure in one
 * sentence, joined by `and`, each about a different place, are parts of one count.
 */
function isPartOf(prev: Figure, next: Figure): boolean {
  if (prev.kind !== next.kind || prev.unit !== next.unit || prev.role !== next.role) return false;
  if (!(next.kind === 'people' || next.kind === 'count' || next.role !== null)) return false;
  if (prev.value === null || next.value === null) return false;
  if (prev.measure.about.length === 0 || next.measure.about.length === 0) return false;
  if (prev.measure.about.some((n) => next.measure.about.includes(n))) return false;
  const gap = next.sentence.slice(prev.offset + prev.text.length, next.offset);
  return /\band\b/.test(gap) && !/[;:]/.test(gap) && gap.length <= MAX_PART_GAP_CHARS;
}

const NAME_RE = /(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{N}]*(?:[-.]\p{L}[\p{L}\p{N}]*)*/gu;
const anchorCache = new WeakMap<Figure, Set<string>>();

/** The anchors of a reading: the other figures' values in its sentence, and the sentence's names. */
function anchorsOf(parts: readonly Figure[], all: readonly Figure[]): Set<string> {
  const head = parts[0]!;
  let names = anchorCache.get(head);
  if (!names) {
    names = new Set<string>();
    for (const m of head.sentence.matchAll(NAME_RE)) {
      // The sentence's first word is capitalised whatever it is.
      if (m.index === 0 || m[0].length < 2) continue;
      names.add(`n:${foldName(m[0])}`);
    }
    anchorCache.set(head, names);
  }
  const out = new Set(names);
  for (const f of all) {
    if (f.sentence !== head.sentence || f.paragraph !== head.paragraph || parts.includes(f)) continue;
    const v = f.value ?? f.low ?? f.high;
    if (v !== null && v !== 0) out.add(`v:${v}`);
  }
  return out;
}

/** Milliseconds of an ISO date-time that states its time of day, else null (a bare day orders nothing). */
function instantOf(iso: string | null): number | null {
  if (iso === null || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(iso)) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}

function dayOf(iso: string | null): string | null {
  return iso !== null && /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : null;
}

/** The readings of every article: comparable figures, with the parts of one count summed. */
export function buildItems(perArticle: readonly ArticleFigures[]): Item[] {
  const items: Item[] = [];
  perArticle.forEach((a, article) => {
    const sourceKey = String(a.copyGroup ?? `article:${a.articleId}`);
    const published = dayOf(a.published);
    const publishedAt = instantOf(a.publishedAt ?? null);
    let current: Figure[] = [];
    const flush = (): void => {
      if (current.length === 0) return;
      const head = current[0]!;
      const stems = new Set<string>();
      for (const f of current) for (const s of stemsOf(f, a.language)) stems.add(s);
      const time = head.measure.time;
      items.push({
        article,
        sourceKey,
        language: analysisLanguage(a.language),
        figures: current,
        interval: current.length === 1 ? intervalOf(head) : sumIntervals(current.map(intervalOf)),
        stems,
        about: [...new Set(current.flatMap((f) => f.measure.about))],
        asOf: time ? { start: time.start, end: time.end, explicit: true } : published ? { start: published, end: published, explicit: false } : null,
        publishedAt,
        anchors: anchorsOf(current, a.figures),
        isEarlier: current.some((f) => f.measure.isEarlier),
      });
      current = [];
    };
    for (const f of a.figures) {
      if (!isComparable(f)) continue;
      const prev = current[current.length - 1];
      if (prev && prev.sentence === f.sentence && prev.paragraph === f.paragraph && isPartOf(prev, f)) {
        current.push(f);
        continue;
      }
      flush();
      current = [f];
    }
    flush();
  });
  return items;
}
