/** Polling intervals and backoff; pure functions of their inputs. */

export interface IntervalBounds {
  minIntervalMs: number;
  maxIntervalMs: number;
  maxBackoffMs: number;
}

/** A poll that found new entries halves the interval; one that found none makes it 1.5× longer. */
export const INTERVAL_SHRINK = 0.5;
export const INTERVAL_GROWTH = 1.5;

/** The interval after a successful poll, within [min, max]. */
export function nextIntervalMs(currentMs: number, foundNew: boolean, bounds: IntervalBounds): number {
  const next = Math.round(currentMs * (foundNew ? INTERVAL_SHRINK : INTERVAL_GROWTH));
  return Math.min(bounds.maxIntervalMs, Math.max(bounds.minIntervalMs, next));
}

/**
 * Wait after the n-th consecutive failure (n ≥ 1): min interval × 2^(n−1), at least the server's
 * Retry-After, at most `maxBackoffMs`.
 */
export function backoffMs(consecutiveFailures: number, retryAfterMs: number, bounds: IntervalBounds): number {
  const exponent = Math.min(Math.max(consecutiveFailures - 1, 0), 30);
  const exponential = bounds.minIntervalMs * 2 ** exponent;
  return Math.min(bounds.maxBackoffMs, Math.max(exponential, retryAfterMs));
}
