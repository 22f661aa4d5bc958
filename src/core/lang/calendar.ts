import { normalizeLanguage } from './code.js';

/** Month and weekday words of one language, from `Intl.DateTimeFormat`. */
export interface CalendarWords {
  /** Lower-case month names and abbreviations (without their period) → month 1..12. */
  readonly months: ReadonlyMap<string, number>;
  /** Lower-case weekday names and abbreviations (without their period) → day 0 (Sunday)..6. */
  readonly weekdays: ReadonlyMap<string, number>;
}

const cache = new Map<string, CalendarWords>();

function addForm(map: Map<string, number>, form: string, value: number, locale: string): void {
  const key = form.toLocaleLowerCase(locale).replace(/\.$/, '').trim();
  if (key !== '' && !/\d/.test(key) && !map.has(key)) map.set(key, value);
}

/**
 * Month and weekday names of a language in every form `Intl.DateTimeFormat` gives (long and
 * short, stand-alone and inside a date, so genitive forms too), or null for an unknown language.
 * Deterministic for a given Node.js (ICU) version.
 */
export function calendarWords(language: string | null): CalendarWords | null {
  const lang = normalizeLanguage(language);
  if (lang === null) return null;
  const cached = cache.get(lang);
  if (cached) return cached;
  const months = new Map<string, number>();
  const weekdays = new Map<string, number>();
  for (const width of ['long', 'short'] as const) {
    const alone = new Intl.DateTimeFormat(lang, { month: width, timeZone: 'UTC' });
    const inDate = new Intl.DateTimeFormat(lang, { day: 'numeric', month: width, timeZone: 'UTC' });
    const day = new Intl.DateTimeFormat(lang, { weekday: width, timeZone: 'UTC' });
    for (let m = 0; m < 12; m++) {
      const date = new Date(Date.UTC(2021, m, 15));
      addForm(months, alone.format(date), m + 1, lang);
      for (const part of inDate.formatToParts(date)) if (part.type === 'month') addForm(months, part.value, m + 1, lang);
    }
    // 2021-08-01 was a Sunday.
    for (let d = 0; d < 7; d++) addForm(weekdays, day.format(new Date(Date.UTC(2021, 7, 1 + d))), d, lang);
  }
  const words = { months, weekdays };
  cache.set(lang, words);
  return words;
}
