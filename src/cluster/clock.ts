/**
 * The clusterer's notion of time, made so that no article can poison it.
 *
 * - An article's time is its publication date when that date is plausible: not later than its
 *   arrival (or, without one, the injected `now`) plus `maxFutureHours`. A later date is kept on the
 *   article, flagged, and not used: the article is treated as undated.
 * - An undated article has no time: it takes no part in the clock and is never kept out of a
 *   story for its date (it joins on content).
 * - The clock is the latest plausible time seen. It only decides which articles leave the working
 *   set (`retainDays` behind it); whether an article may join a story is decided by the two
 *   articles' own dates, so a backfill of older news and late arrivals give the stories that
 *   in-order arrival gives.
 */

export type TimeFlag = 'future' | 'invalid';

export interface ArticleTime {
  /** Plausible publication time in ms, else null. */
  ms: number | null;
  /** Why a given date was not used. */
  flag: TimeFlag | null;
}

/** Earliest publication year taken as plausible: earlier dates are extraction errors. */
const MIN_YEAR_MS = Date.UTC(1900, 0, 1);

export function articleTime(published: string | null | undefined, arrivedAt: string | null | undefined, now: () => number, maxFutureHours: number): ArticleTime {
  if (!published) return { ms: null, flag: null };
  const ms = Date.parse(published);
  if (!Number.isFinite(ms) || ms < MIN_YEAR_MS) return { ms: null, flag: 'invalid' };
  const arrival = arrivedAt ? Date.parse(arrivedAt) : NaN;
  const reference = Number.isFinite(arrival) ? arrival : now();
  if (ms > reference + maxFutureHours * 3_600_000) return { ms: null, flag: 'future' };
  return { ms, flag: null };
}

/** Latest plausible time seen: the clock. Monotone; undated and flagged articles never move it. */
export class StreamClock {
  private latest: number | null = null;

  constructor(initial: number | null = null) {
    this.latest = initial;
  }

  observe(ms: number | null): void {
    if (ms !== null && (this.latest === null || ms > this.latest)) this.latest = ms;
  }

  get nowMs(): number | null {
    return this.latest;
  }
}
