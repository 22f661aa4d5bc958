import type { Bound } from '../lang/index.js';
import type { Figure } from '../types.js';

/** Relative tolerance for hedged values: `about 30` is [27, 33], `nearly 30` is [27, 30). */
export const APPROXIMATE_TOLERANCE = 0.1;

export type Bounds = Pick<Figure, 'low' | 'high' | 'lowInclusive' | 'highInclusive' | 'approximate'>;

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** The interval a qualifier commits a value to: `at least 18` → [18, ∞), `nearly 30` → [27, 30). */
export function boundsFor(bound: Bound | null, value: number): Bounds {
  const tol = APPROXIMATE_TOLERANCE;
  switch (bound) {
    case null:
      return { low: value, high: value, lowInclusive: true, highInclusive: true, approximate: false };
    case 'lower-incl':
      return { low: value, high: null, lowInclusive: true, highInclusive: false, approximate: false };
    case 'lower-excl':
      return { low: value, high: null, lowInclusive: false, highInclusive: false, approximate: false };
    case 'upper-incl':
      return { low: null, high: value, lowInclusive: false, highInclusive: true, approximate: false };
    case 'upper-excl':
      return { low: null, high: value, lowInclusive: false, highInclusive: false, approximate: false };
    case 'nearly':
      return { low: round(value * (1 - tol)), high: value, lowInclusive: true, highInclusive: false, approximate: true };
    case 'about':
      return { low: round(value * (1 - tol)), high: round(value * (1 + tol)), lowInclusive: true, highInclusive: true, approximate: true };
    case 'just-over':
      return { low: value, high: round(value * (1 + tol)), lowInclusive: false, highInclusive: true, approximate: true };
  }
}
