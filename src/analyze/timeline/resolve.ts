import * as chrono from 'chrono-node';
import { chronoFor } from '../../core/lang/index.js';
import { analysisLanguage, outsideQuotes, passagesOf, quotedStretches, sentencesOf } from '../text.js';
import type { Granularity } from './types.js';

/** A date expression resolved against a reference day. */
export interface ResolvedDate {
  start: string;
  end: string;
  granularity: Granularity;
  expression: string;
  sentence: string;
  paragraph: number;
  /** Character offset of the expression in the sentence. */
  index: number;
}

const DAY_MS = 86_400_000;

/** `2025-03-27` (or a date-time) → noon UTC of that day, or null. */
export function parseIsoDay(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12));
  return Number.isNaN(d.getTime()) ? null : d;
}

export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function addDays(d: Date, n: number): Date {
  return new Date(d.getTime() + n * DAY_MS);
}

/** Monday of the ISO week containing `d`. */
function mondayOf(d: Date): Date {
  const dow = (d.getUTCDay() + 6) % 7;
  return addDays(d, -dow);
}

const PAST_TENSE = /\b(?:said|says|was|were|had|did|met|told|announced|reported|added|launched|killed|injured|wounded|\w{3,}ed)\b/i;
const FUTURE_TENSE = /\b(?:will|would be|is expected|are expected|is due|are due|next|upcoming|plans? to|is set to|are set to|expecting|ahead of)\b/i;
// Expressions chrono reads that do not date an event.
const IGNORED = /^(?:now|right now|today's|currently|at the moment|may|march|second|the second)$/i;
// A calendar date written out: "March 26", "26 March", "2025-03-26", "3/26".
const EXPLICIT_DATE = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\d{4}-\d{2}-\d{2}|\b\d{1,2}\/\d{1,2}\b/i;
const WEEKDAY = /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;

/**
 * Finds and resolves the date expressions in one article, against `reference` (its publication
 * day; with `null` only absolute years are kept). Deterministic: chrono-node with the reference pinned, UTC, plus rules for what chrono
 * leaves out or reads too precisely (`overnight`, `last week`, bare years).
 */
export function resolveDates(paragraphs: readonly string[], reference: Date | null, language?: string | null): ResolvedDate[] {
  const out: ResolvedDate[] = [];
  const lang = analysisLanguage(language);
  const parser = chronoFor(lang);
  const isEnglish = lang === 'en' || lang.startsWith('en-');
  paragraphs.forEach((paragraph, p) => {
    // A quote of several sentences is one passage: no timeline entry starts inside it.
    for (const { text: sentence } of passagesOf(paragraph, lang)) {
      const taken: Array<[number, number]> = [];
      const push = (r: Omit<ResolvedDate, 'sentence' | 'paragraph'>): void => {
        const end = r.index + r.expression.length;
        if (taken.some(([s, e]) => r.index < e && end > s)) return;
        taken.push([r.index, end]);
        out.push({ ...r, sentence, paragraph: p });
      };
      if (reference && isEnglish) {
        for (const r of resolveOvernight(sentence, reference)) push(r);
        for (const r of resolveChrono(sentence, reference)) push(r);
      } else if (reference && parser) {
        for (const r of resolveChronoIn(parser, sentence, reference)) push(r);
      }
      for (const r of isEnglish ? resolveYears(sentence) : resolveBareYears(sentence)) push(r);
    }
  });
  return out;
}

function resolveOvernight(sentence: string, ref: Date): Array<Omit<ResolvedDate, 'sentence' | 'paragraph'>> {
  const out: Array<Omit<ResolvedDate, 'sentence' | 'paragraph'>> = [];
  // "overnight" in a report: the night before publication, unless a date is named right after it.
  for (const m of sentence.matchAll(/\b(?:overnight|last night|(?:over|in|during) the (?:last|past) (?:day|24 hours))\b/gi)) {
    out.push({ start: isoDay(addDays(ref, -1)), end: isoDay(ref), granularity: 'day', expression: m[0], index: m.index });
  }
  return out;
}

function resolveYears(sentence: string): Array<Omit<ResolvedDate, 'sentence' | 'paragraph'>> {
  const out: Array<Omit<ResolvedDate, 'sentence' | 'paragraph'>> = [];
  for (const m of sentence.matchAll(/\b(?:in|since|by|from|until|of|the|early|late|mid-?)\s+((?:1[89]|20)\d{2})\b(?![,.]?\d)/gi)) {
    const y = m[1] ?? '';
    out.push({ start: `${y}-01-01`, end: `${y}-12-31`, granularity: 'year', expression: m[0], index: m.index });
  }
  return out;
}

/** A four-digit year after a short lower-case word ("en 2014", "seit 2014", "nel 2014"), in any language. */
function resolveBareYears(sentence: string): Array<Omit<ResolvedDate, 'sentence' | 'paragraph'>> {
  const out: Array<Omit<ResolvedDate, 'sentence' | 'paragraph'>> = [];
  for (const m of sentence.matchAll(/(?<![\p{L}\d])(\p{Ll}{1,6})\s+((?:1[89]|20)\d{2})(?![\d.,]\d|\s*%)/gu)) {
    const y = m[2] ?? '';
    out.push({ start: `${y}-01-01`, end: `${y}-12-31`, granularity: 'year', expression: m[0], index: m.index });
  }
  return out;
}

/**
 * Dates in a language other than English: its chrono-node locale, with the reference pinned; a
 * date chrono reads without a certain day is a month, without a certain month a year.
 */
function resolveChronoIn(parser: chrono.Chrono, sentence: string, ref: Date): Array<Omit<ResolvedDate, 'sentence' | 'paragraph'>> {
  const out: Array<Omit<ResolvedDate, 'sentence' | 'paragraph'>> = [];
  for (const r of parser.parse(sentence, { instant: ref, timezone: 0 })) {
    const text = r.text.trim().replace(/[,;:]+$/, '');
    if (/^\d{1,4}$/.test(text)) continue;
    let start = r.start.date();
    let end: Date | null = r.end ? r.end.date() : null;
    let granularity: Granularity = 'day';
    if (!r.start.isCertain('day') && r.start.isCertain('month') && !r.start.isCertain('weekday')) {
      granularity = 'month';
      start = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1, 12));
      end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0, 12));
    }
    out.push({ start: isoDay(start), end: isoDay(end ?? start), granularity, expression: text, index: r.index });
  }
  return out;
}

function resolveChrono(sentence: string, ref: Date): Array<Omit<ResolvedDate, 'sentence' | 'paragraph'>> {
  const out: Array<Omit<ResolvedDate, 'sentence' | 'paragraph'>> = [];
  const results = chrono.casual.parse(sentence, { instant: ref, timezone: 0 });
  // The tense of a date outside quotation marks is the reporter's, not the quoted speaker's.
  const stretches = quotedStretches(sentence);
  const reporter = outsideQuotes(sentence);
  const tenseOf = (index: number): { isPast: boolean; isFuture: boolean } => {
    const text = stretches.some(([open, close]) => index > open && index < close) ? sentence : reporter;
    return { isPast: PAST_TENSE.test(text) && !FUTURE_TENSE.test(text), isFuture: FUTURE_TENSE.test(text) };
  };
  for (const r of results) {
    const text = r.text.trim().replace(/[,;:]+$/, '');
    if (IGNORED.test(text) || /^\d{1,2}$/.test(text)) continue;
    // Durations ("for half a month", "for two weeks") are not dates.
    if (/^(?:for|over|within)\b|\bhalf\b/i.test(text) || /\bfor\s*$/i.test(sentence.slice(0, r.index))) continue;
    // A month name used as a verb or a name ("may", "March") needs a day or a preposition.
    if (/^(?:may|march|august)$/i.test(text)) continue;
    const lower = text.toLowerCase();
    let start = r.start.date();
    let granularity: Granularity = 'day';
    let end: Date | null = r.end ? r.end.date() : null;
    if (/\bweeks?\b/.test(lower) && !/\bin\s+\w+\s+weeks?\b|\bweeks?\s+(?:ago|later|from)\b/.test(lower)) {
      granularity = 'week';
      const monday = mondayOf(ref);
      if (/\blast\s+week\b|\bprevious\s+week\b/.test(lower)) {
        start = addDays(monday, -7);
        end = addDays(monday, -1);
      } else if (/\bnext\s+week\b/.test(lower)) {
        start = addDays(monday, 7);
        end = addDays(monday, 13);
      } else {
        // "this week", "earlier this week": Monday up to the reference day.
        start = monday;
        end = /earlier|last|past/.test(sentence.slice(Math.max(0, r.index - 10), r.index).toLowerCase()) ? addDays(ref, -1) : ref;
        if (end.getTime() < start.getTime()) end = start;
      }
    } else if (/\bmonths?\b/.test(lower) || (!r.start.isCertain('day') && r.start.isCertain('month'))) {
      granularity = 'month';
      const y = start.getUTCFullYear();
      const mo = start.getUTCMonth();
      start = new Date(Date.UTC(y, mo, 1, 12));
      end = new Date(Date.UTC(y, mo + 1, 0, 12));
    } else if (/\byears?\b/.test(lower) && !r.start.isCertain('month')) {
      granularity = 'year';
      const y = start.getUTCFullYear();
      start = new Date(Date.UTC(y, 0, 1, 12));
      end = new Date(Date.UTC(y, 11, 31, 12));
    } else if (WEEKDAY.test(lower) && !r.start.isCertain('day')) {
      const { isPast, isFuture } = tenseOf(r.index);
      start = resolveWeekday(start, ref, sentence.slice(0, r.index), isPast, isFuture);
    }
    const endDay = end ?? start;
    out.push({ start: isoDay(start), end: isoDay(endDay), granularity, expression: text, index: r.index });
  }
  return out;
}

// "since Monday", "from Tuesday": a day already past; "until Friday", "by Monday": one to come.
const SINCE_BEFORE = /\b(?:since|from|last|past|previous)\s+$/i;
const UNTIL_BEFORE = /\b(?:until|till|through|by|before|next|coming|this coming)\s+$/i;

/**
 * A bare weekday (`on Friday`, `since Monday`) against the publication day: the most recent one
 * after "since"/"from" and in past-tense reporting ("on Friday" in a Saturday report is the day
 * before), the coming one after "until"/"by" and in future tense; else chrono's reading.
 */
function resolveWeekday(read: Date, ref: Date, before: string, isPast: boolean, isFuture: boolean): Date {
  const dow = read.getUTCDay();
  const back = ((ref.getUTCDay() - dow + 7) % 7) || 7;
  const forward = ((dow - ref.getUTCDay() + 7) % 7) || 7;
  const last = addDays(ref, -back);
  const next = addDays(ref, forward);
  if (SINCE_BEFORE.test(before)) return last;
  if (UNTIL_BEFORE.test(before)) return next;
  const diff = Math.round((read.getTime() - ref.getTime()) / DAY_MS);
  if (diff === 0) return read;
  if (isPast && !isFuture) return diff > 0 ? addDays(read, -7) : read;
  if (isFuture && !isPast) return diff < 0 ? addDays(read, 7) : read;
  return read;
}

/**
 * The latest full calendar date an article names in past-tense sentences, resolved against
 * `yearHint` for dates written without a year. Used to infer a missing publication date.
 */
export function latestExplicitDate(paragraphs: readonly string[], yearHint: Date, language?: string | null): string | null {
  let best: string | null = null;
  const lang = analysisLanguage(language);
  const isEnglish = lang === 'en' || lang.startsWith('en-');
  const parser = chronoFor(lang);
  if (parser === null) return null;
  for (const paragraph of paragraphs) {
    for (const { text: sentence } of sentencesOf(paragraph, lang)) {
      if (isEnglish && (!PAST_TENSE.test(sentence) || FUTURE_TENSE.test(sentence))) continue;
      for (const r of parser.parse(sentence, { instant: yearHint, timezone: 0 })) {
        // A full date written out, not a weekday read as a date.
        if (!r.start.isCertain('day') || !r.start.isCertain('month') || (isEnglish ? !EXPLICIT_DATE.test(r.text) : !/\d/.test(r.text))) continue;
        const day = isoDay(r.start.date());
        if (!best || day > best) best = day;
      }
    }
  }
  return best;
}
