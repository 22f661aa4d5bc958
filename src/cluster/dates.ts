import { calendarWords } from '../core/lang/index.js';
/**
 * Month names of every language the clusterer knows, from the runtime's own calendar tables
 * (`Intl.DateTimeFormat`), so that "14 October", "October 14", "14 de octubre" and "14 oktober" give one
 * date anchor whatever the language of the article.
 */

const LOCALES = ['en', 'es', 'it', 'nl', 'de', 'fr', 'pt'] as const;

let months: Map<string, number> | null = null;

function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\.$/, '');
}

function build(): Map<string, number> {
  const out = new Map<string, number>();
  for (const locale of LOCALES) {
    for (const style of ['long', 'short'] as const) {
      const format = new Intl.DateTimeFormat(locale, { month: style, timeZone: 'UTC' });
      for (let m = 0; m < 12; m++) {
        const name = fold(format.format(new Date(Date.UTC(2001, m, 15))));
        // Short forms of three letters or fewer collide with words ("mar" is "sea", "dec" a prefix
        // in some languages): only long names and four-letter-plus abbreviations are used.
        if (style === 'short' && name.length < 4) continue;
        if (!out.has(name)) out.set(name, m + 1);
      }
    }
  }
  // English three-letter abbreviations are standard in datelines ("Oct. 14").
  ['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].forEach((n) => {
    if (!out.has(n)) out.set(n, ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(n) + 1);
  });
  return out;
}

/** Month number 1–12 of a (lower-case) word, or 0. */
export function monthOf(word: string): number {
  months ??= build();
  const direct = months.get(word);
  if (direct !== undefined) return direct;
  // Folding (accents, a final dot) only for the words that need it: this runs once per word.
  return /[^a-z]/.test(word) ? (months.get(fold(word)) ?? 0) : 0;
}

/** The date anchor key of a month and day: `#d10-14`. */
export function dateAnchorKey(month: number, day: number): string {
  return `#d${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Weekday forms shorter than this are abbreviations that are also words ("sun", "sat", "mar"). */
const MIN_WEEKDAY_CHARS = 5;
const weekdays = new Map<string, ReadonlyMap<string, number>>();

/** Day of the week 0 (Sunday)–6 of a lower-case word in `language`, or -1. */
export function weekdayOf(word: string, language: string): number {
  let map = weekdays.get(language);
  if (!map) {
    const out = new Map<string, number>();
    for (const [form, day] of calendarWords(language)?.weekdays ?? new Map<string, number>()) if (form.length >= MIN_WEEKDAY_CHARS) out.set(form, day);
    weekdays.set(language, (map = out));
  }
  return map.get(word) ?? -1;
}
